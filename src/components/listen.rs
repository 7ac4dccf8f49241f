use leptos::either::Either;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Playback {
    Stopped,
    Speaking,
    Paused,
}

/// "Nghe bài": reads the article's `paragraphs` aloud with the browser's Vietnamese voice, one
/// after another; `reading` says which is being read, for the article to mark it. Absent where
/// the browser has no Vietnamese voice (and in the static page, which cannot know).
#[component]
pub fn ListenControl(paragraphs: Vec<String>, reading: RwSignal<Option<usize>>) -> impl IntoView {
    let available = RwSignal::new(false);
    let playback = RwSignal::new(Playback::Stopped);
    // Each start or stop begins a new run; a finished utterance of an old run is ignored.
    let run = StoredValue::new(0u64);
    let paragraphs = StoredValue::new(paragraphs);

    #[cfg(feature = "hydrate")]
    {
        use crate::browser::speech;
        Effect::new(move |_| {
            available.set(speech::vietnamese_voice().is_some());
            speech::on_voices_changed(move || {
                available.try_set(speech::vietnamese_voice().is_some());
            });
        });
        on_cleanup(|| {
            speech::stop_watching_voices();
            speech::cancel();
        });
    }

    fn speak_from(
        index: usize,
        this_run: u64,
        run: StoredValue<u64>,
        paragraphs: StoredValue<Vec<String>>,
        reading: RwSignal<Option<usize>>,
        playback: RwSignal<Playback>,
    ) {
        let Some(text) = paragraphs.with_value(|p| p.get(index).cloned()) else {
            reading.set(None);
            playback.set(Playback::Stopped);
            return;
        };
        reading.set(Some(index));
        #[cfg(feature = "hydrate")]
        {
            let Some(voice) = crate::browser::speech::vietnamese_voice() else {
                return;
            };
            crate::browser::speech::speak(&text, &voice, move || {
                // Some browsers end an utterance they cancel: after the reader has left the
                // article, whose control (and `run`) is gone by then.
                if run.try_get_value() == Some(this_run) {
                    speak_from(index + 1, this_run, run, paragraphs, reading, playback);
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (text, this_run, run);
    }

    let start = move |_| {
        run.update_value(|r| *r += 1);
        playback.set(Playback::Speaking);
        speak_from(0, run.get_value(), run, paragraphs, reading, playback);
    };
    let pause_or_resume = move |_| {
        #[cfg(feature = "hydrate")]
        match playback.get_untracked() {
            Playback::Speaking => {
                crate::browser::speech::pause();
                playback.set(Playback::Paused);
            }
            Playback::Paused => {
                crate::browser::speech::resume();
                playback.set(Playback::Speaking);
            }
            Playback::Stopped => {}
        }
    };
    let stop = move |_| {
        run.update_value(|r| *r += 1);
        #[cfg(feature = "hydrate")]
        crate::browser::speech::cancel();
        playback.set(Playback::Stopped);
        reading.set(None);
    };

    move || {
        available.get().then(|| {
            view! {
                <div class="tools__group" role="group" aria-label="Nghe bài">
                    {move || match playback.get() {
                        Playback::Stopped => Either::Left(view! {
                            <button type="button" class="tools__button tools__button--listen" on:click=start>
                                "Nghe bài"
                            </button>
                        }),
                        state => Either::Right(view! {
                            <button type="button" class="tools__button" on:click=pause_or_resume>
                                {if state == Playback::Paused { "Tiếp tục" } else { "Tạm dừng" }}
                            </button>
                            <button type="button" class="tools__button" on:click=stop>"Dừng"</button>
                        }),
                    }}
                </div>
            }
        })
    }
}
