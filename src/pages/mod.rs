//! One file per route.

mod article;
mod documents;
mod english_home;
mod info_page;
mod listing;
mod not_found;
mod organisation;
mod procedures;
mod search;
mod style_guide;
mod tasks;

pub use article::ArticlePage;
pub use documents::{DocumentPage, DocumentsPage};
pub use english_home::EnglishHomePage;
pub use info_page::{EnglishPageRoute, InfoPageRoute};
pub use listing::{CategoryPage, HomePage};
pub use not_found::NotFoundPage;
pub use organisation::{
    EnglishLeaderPage, EnglishOrganisationPage, LeaderPage, OrganisationPage, OrganisationWords,
};
pub use procedures::{ProcedurePage, ProceduresPage};
pub use search::{
    locate_on_screen, run_search, Audience, FinderPage, SearchHit, SearchPage, SearchResults,
};
pub use style_guide::{StyleGuidePage, StyleGuideRoute};
pub use tasks::{TaskPage, TasksPage};
