use crate::api::use_page_data;
use crate::components::{
    phone_links, with_page_data, BodyBlocks, Breadcrumb, Figure, Photo, PhotoViewer, Picture,
    PublishedTime,
};
use crate::content::organisation::{Leader, Organisation, Unit};
use crate::content::{Lang, Site};
use crate::meta::{self, Head};
use crate::pages::NotFoundPage;
use crate::paths::{data, Paths};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// `sizes` for a leader's photo: a small portrait beside the name.
const PORTRAIT_SIZES: &str = "8rem";

/// What the organisation's pages say, in each language.
pub struct OrganisationWords {
    pub heading: &'static str,
    pub functions: &'static str,
    pub chart: &'static str,
    pub leaders: &'static str,
    pub units: &'static str,
    pub history: &'static str,
    pub updated: &'static str,
    pub duties: &'static str,
    pub biography: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub head: &'static str,
    pub unit_functions: &'static str,
    pub address: &'static str,
}

impl OrganisationWords {
    pub fn of(lang: Lang) -> &'static OrganisationWords {
        match lang {
            Lang::Vi => &OrganisationWords {
                heading: "Cơ cấu tổ chức",
                functions: "Chức năng, nhiệm vụ, quyền hạn",
                chart: "Sơ đồ cơ cấu tổ chức",
                leaders: "Lãnh đạo",
                units: "Các đơn vị",
                history: "Lịch sử hình thành",
                updated: "Cập nhật: ",
                duties: "Nhiệm vụ được phân công",
                biography: "Tiểu sử",
                phone: "Điện thoại",
                email: "Thư điện tử",
                head: "Người đứng đầu",
                unit_functions: "Chức năng",
                address: "Địa chỉ",
            },
            Lang::En => &OrganisationWords {
                heading: "Organisation",
                functions: "Functions, tasks and powers",
                chart: "Organisation chart",
                leaders: "Leadership",
                units: "Units",
                history: "History",
                updated: "Updated: ",
                duties: "Duties",
                biography: "Biography",
                phone: "Phone",
                email: "Email",
                head: "Head",
                unit_functions: "Functions",
                address: "Address",
            },
        }
    }
}

/// The organisation's data in `lang`, where the bundle has it.
fn organisation_data(lang: Lang) -> crate::api::PageResource<Organisation> {
    let site = expect_context::<Arc<Site>>();
    let has = match lang {
        Lang::Vi => site.has_organisation,
        Lang::En => site.has_english_organisation,
    };
    use_page_data::<Organisation>(move || has.then(|| data::organisation(lang)))
}

/// `/to-chuc/`: the functions, the chart, the leaders, the units, the history.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    view! { <OrganisationOf lang=Lang::Vi/> }
}

/// `/en/organisation/`: the same, from `en/to-chuc.json`.
#[component]
pub fn EnglishOrganisationPage() -> impl IntoView {
    view! { <OrganisationOf lang=Lang::En/> }
}

/// `/to-chuc/<leader>/`: one leader's duties and biography.
#[component]
pub fn LeaderPage() -> impl IntoView {
    view! { <LeaderOf lang=Lang::Vi/> }
}

/// `/en/organisation/<leader>/`.
#[component]
pub fn EnglishLeaderPage() -> impl IntoView {
    view! { <LeaderOf lang=Lang::En/> }
}

#[component]
fn OrganisationOf(lang: Lang) -> impl IntoView {
    let organisation = organisation_data(lang);
    with_page_data(
        organisation,
        12,
        move |organisation| view! { <OrganisationView organisation lang/> },
    )
}

#[component]
fn LeaderOf(lang: Lang) -> impl IntoView {
    let params = use_params_map();
    let organisation = organisation_data(lang);
    with_page_data(organisation, 8, move |organisation| {
        // The same data for every leader: moving from one to another asks for nothing.
        move || {
            let slug = params.read().get("leader").unwrap_or_default();
            let translated = organisation.counterpart_leaders.contains(&slug);
            match organisation.leader(&slug).cloned() {
                Some(leader) => Either::Left(view! { <LeaderView leader lang translated/> }),
                None => Either::Right(view! { <NotFoundPage/> }),
            }
        }
    })
}

#[component]
fn OrganisationView(organisation: Organisation, lang: Lang) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let words = OrganisationWords::of(lang);
    let meta = meta::organisation(&site, &paths, lang, &organisation);
    let updated = organisation.updated_at.clone().map(|at| {
        view! { <p class="article__meta">{words.updated} <PublishedTime at/></p> }
    });
    // The chart opens in the photo viewer, as an article's photos do.
    let viewing = RwSignal::new(None::<usize>);
    let chart = organisation.chart.clone().map(|image| {
        let photos = vec![(Photo::of(&image, &paths), words.chart.to_owned())];
        let open = Some(Callback::new(move |()| viewing.set(Some(0))));
        view! {
            <Figure image caption=words.chart.to_owned() open/>
            <PhotoViewer photos open=viewing/>
        }
    });
    let leaders = organisation
        .leaders
        .iter()
        .map(|leader| view! { <LeaderCard leader=leader.clone() lang/> })
        .collect_view();
    let units = (!organisation.units.is_empty()).then(|| {
        let cards = organisation
            .units
            .iter()
            .map(|unit| view! { <UnitCard unit=unit.clone() lang/> })
            .collect_view();
        view! {
            <h2 class="article__heading">{words.units}</h2>
            <ul class="organisation__units">{cards}</ul>
        }
    });
    view! {
        <Head meta=meta.clone()/>
        <article class="article organisation">
            <Breadcrumb/>
            <h1 class="article__title">{meta.heading}</h1>
            {updated}
            <h2 class="article__heading">{words.functions}</h2>
            <div class="article__body">
                <BodyBlocks blocks=organisation.functions/>
                {chart}
            </div>
            <h2 class="article__heading">{words.leaders}</h2>
            <ul class="organisation__leaders">{leaders}</ul>
            {units}
            <h2 class="article__heading">{words.history}</h2>
            <div class="article__body"><BodyBlocks blocks=organisation.history/></div>
        </article>
    }
}

/// A leader on the organisation's page: photo, name (to their page), position, contacts.
#[component]
fn LeaderCard(leader: Leader, lang: Lang) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let href = paths.leader(lang, &leader.slug);
    view! {
        <li class="leader-card">
            {leader.photo.map(|image| view! {
                <Picture photo=Photo::of(&image, &paths) sizes=PORTRAIT_SIZES class="leader-card__photo"/>
            })}
            <div class="leader-card__text">
                <h3 class="leader-card__name"><a href=href>{leader.name}</a></h3>
                <p class="leader-card__position">{leader.position}</p>
                <Contacts phone=leader.phone email=leader.email lang/>
            </div>
        </li>
    }
}

/// A unit as a contact card.
#[component]
fn UnitCard(unit: Unit, lang: Lang) -> impl IntoView {
    let words = OrganisationWords::of(lang);
    let fact = |term: &'static str, value: Option<String>| {
        value.map(|value| view! { <dt>{term}</dt> <dd>{value}</dd> })
    };
    let has_contacts = unit.phone.is_some() || unit.email.is_some();
    view! {
        <li class="unit-card">
            <h3 class="unit-card__name">{unit.name}</h3>
            {unit.kind.map(|kind| view! { <p class="unit-card__kind">{kind}</p> })}
            <dl class="document__facts">
                {fact(words.head, unit.head)}
                {fact(words.unit_functions, unit.functions)}
                {fact(words.address, unit.address)}
            </dl>
            {has_contacts.then(|| view! { <Contacts phone=unit.phone email=unit.email lang/> })}
        </li>
    }
}

/// A phone number (each number a `tel:` link) and an email (`mailto:`), where given.
#[component]
fn Contacts(phone: Option<String>, email: Option<String>, lang: Lang) -> impl IntoView {
    let words = OrganisationWords::of(lang);
    let phone = phone.map(|phone| {
        view! { <dt>{words.phone}</dt> <dd>{phone_links(&phone, "contacts__link")}</dd> }
    });
    let email = email.map(|email| {
        view! {
            <dt>{words.email}</dt>
            <dd><a class="contacts__link" href=format!("mailto:{email}")>{email.clone()}</a></dd>
        }
    });
    view! { <dl class="contacts">{phone} {email}</dl> }
}

#[component]
fn LeaderView(leader: Leader, lang: Lang, translated: bool) -> impl IntoView {
    let paths = expect_context::<Paths>();
    let site = expect_context::<Arc<Site>>();
    let words = OrganisationWords::of(lang);
    let meta = meta::leader(&site, &paths, lang, &leader, translated);
    let biography = (!leader.biography.is_empty()).then(|| {
        view! {
            <h2 class="article__heading">{words.biography}</h2>
            <div class="article__body"><BodyBlocks blocks=leader.biography/></div>
        }
    });
    view! {
        <Head meta/>
        <article class="article leader">
            <Breadcrumb trail=vec![(paths.organisation(lang), words.heading.to_owned())]/>
            <div class="leader__intro">
                {leader.photo.map(|image| view! {
                    <Picture photo=Photo::of(&image, &paths) sizes=PORTRAIT_SIZES class="leader-card__photo" eager=true/>
                })}
                <div>
                    <h1 class="article__title">{leader.name}</h1>
                    <p class="leader-card__position">{leader.position}</p>
                    <Contacts phone=leader.phone email=leader.email lang/>
                </div>
            </div>
            <h2 class="article__heading">{words.duties}</h2>
            <div class="article__body"><BodyBlocks blocks=leader.duties/></div>
            {biography}
        </article>
    }
}
