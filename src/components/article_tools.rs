use super::ListenControl;
use crate::browser;
use leptos::prelude::*;

/// Share, print and text size for an article. The share links work without JavaScript; the
/// buttons appear once the app runs (`html[data-app]`), and what depends on the reader's
/// browser (its share sheet, the stored text size) only after the page has been taken over, so
/// that the first render matches the static page.
///
/// `paragraphs` and `reading` are for "Nghe bài" (see [`ListenControl`]).
#[component]
pub fn ArticleTools(
    title: String,
    canonical: String,
    paragraphs: Vec<String>,
    reading: RwSignal<Option<usize>>,
) -> impl IntoView {
    let running = RwSignal::new(false);
    let step = RwSignal::new(browser::DEFAULT_TEXT_STEP);
    Effect::new(move |_| {
        running.set(true);
        step.set(browser::text_size_step());
    });
    let can_share = move || running.get() && browser::can_share();
    // At either end the button says so (aria-disabled) but keeps keyboard focus, which a
    // disabled button would drop.
    let smaller = move |_| {
        let next = step.get_untracked().saturating_sub(1);
        step.set(next);
        browser::set_text_size_step(next);
    };
    let larger = move |_| {
        let next = (step.get_untracked() + 1).min(browser::TEXT_SIZES.len() - 1);
        step.set(next);
        browser::set_text_size_step(next);
    };
    let copied = RwSignal::new(String::new());
    let copy = {
        let canonical = canonical.clone();
        move |_| {
            let canonical = canonical.clone();
            leptos::task::spawn_local(async move {
                copied.set(String::new());
                let ok = browser::copy_text(&canonical).await;
                copied.set(if ok {
                    "Đã sao chép".to_owned()
                } else {
                    format!("Không sao chép được. Địa chỉ bài viết: {canonical}")
                });
            });
        }
    };
    let share_native = {
        let (title, canonical) = (title.clone(), canonical.clone());
        move |_| browser::share(&title, &canonical)
    };
    let encoded = crate::paths::encode_query_value(&canonical);
    let facebook = format!("https://www.facebook.com/sharer/sharer.php?u={encoded}");
    let zalo = format!("https://sp.zalo.me/share?url={encoded}");
    let size_label = move || format!("{} %", browser::TEXT_SIZES[step.get()]);
    view! {
        <div class="tools" role="group" aria-label="Công cụ bài viết">
            <ListenControl paragraphs reading/>
            <div class="tools__group tools__needs-app" role="group" aria-label="Cỡ chữ">
                <button
                    type="button"
                    class="tools__button"
                    aria-disabled=move || (step.get() == 0).to_string()
                    on:click=smaller
                >
                    "A−"
                    <span class="visually-hidden">" Giảm cỡ chữ"</span>
                </button>
                <span class="tools__size" aria-live="polite">
                    <span class="visually-hidden">"Cỡ chữ "</span>
                    {size_label}
                </span>
                <button
                    type="button"
                    class="tools__button"
                    aria-disabled=move || (step.get() + 1 == browser::TEXT_SIZES.len()).to_string()
                    on:click=larger
                >
                    "A+"
                    <span class="visually-hidden">" Tăng cỡ chữ"</span>
                </button>
            </div>
            <button type="button" class="tools__button tools__needs-app" on:click=|_| browser::print()>
                "In bài"
            </button>
            <div class="tools__group" role="group" aria-label="Chia sẻ">
                {move || can_share().then(|| view! {
                    <button type="button" class="tools__button" on:click=share_native.clone()>"Chia sẻ"</button>
                })}
                <a class="tools__button" href=facebook target="_blank" rel="noopener external">
                    "Facebook"<span class="visually-hidden">" (mở cửa sổ mới)"</span>
                </a>
                <a class="tools__button" href=zalo target="_blank" rel="noopener external">
                    "Zalo"<span class="visually-hidden">" (mở cửa sổ mới)"</span>
                </a>
                <button type="button" class="tools__button tools__needs-app" on:click=copy>
                    "Sao chép liên kết"
                </button>
            </div>
            <p class="tools__status" role="status" aria-live="polite">{move || copied.get()}</p>
        </div>
    }
}
