//! Commands that show what the pipeline sees: `finsent split` (sentences),
//! `finsent tickers` (company mentions) and `finsent stories` (near-duplicate stories),
//! over the same loaders as `finsent score`.

use std::io;

use serde::Serialize;

use finsent::article::{Article, Record, RecordError};
use finsent::error::Result;
use finsent::isolate;
use finsent::split::{Span, char_offsets, split_sentences};
use finsent::stories::{Novelty, Signature, Stories, StoryMark, StoryOptions};
use finsent::stream::{Chunking, Outlet, Phases, RunStats, STDOUT, Stage, Tally, WriteFailed, run};
use finsent::tickers::Tickers;
use finsent::writer::{MentionRecord, Part, mention_records};

/// Chunks of articles: the unit of flushing standard output.
const CHUNK_ARTICLES: usize = 256;

/// What a view printed of one article, and how many items (sentences, mentions) it holds.
struct Shown {
    bytes: io::Result<Vec<u8>>,
    items: usize,
}

/// An article's view, or the error that stands for it.
type Viewed = std::result::Result<Shown, RecordError>;

fn record_id(record: &Record) -> &str {
    match record {
        Ok(article) => &article.id,
        Err(error) => &error.id,
    }
}

fn panicked(record: &Record, message: String) -> RecordError {
    let (id, origin) = match record {
        Ok(article) => (&article.id, &article.origin),
        Err(error) => (&error.id, &error.origin),
    };
    isolate::internal_error(id, origin, message)
}

fn tally<T>(out: &std::result::Result<T, RecordError>, items: impl Fn(&T) -> usize) -> Tally {
    match out {
        Ok(shown) => Tally::Done(items(shown) as u64),
        Err(_) => Tally::Failed,
    }
}

/// A view of each article alone (`split`, `tickers`) as a stage of the stream runner:
/// `show` writes what it makes of an article and returns how many items it wrote.
struct EachArticle<F> {
    show: F,
}

impl<F> Stage for EachArticle<F>
where
    F: FnMut(&Article, &mut dyn io::Write) -> io::Result<usize>,
{
    type Item = Record;
    type Out = Viewed;

    fn id(record: &Record) -> &str {
        record_id(record)
    }

    fn run(&mut self, chunk: Vec<Record>, _phases: &mut Phases) -> Vec<Viewed> {
        chunk
            .into_iter()
            .map(|record| {
                let mut bytes = Vec::new();
                let shown = (self.show)(&record?, &mut bytes);
                Ok(match shown {
                    Ok(items) => Shown {
                        bytes: Ok(bytes),
                        items,
                    },
                    Err(e) => Shown {
                        bytes: Err(e),
                        items: 0,
                    },
                })
            })
            .collect()
    }

    fn panicked(record: &Record, message: String) -> Viewed {
        Err(panicked(record, message))
    }

    fn tally(out: &Viewed) -> Tally {
        tally(out, |shown| shown.items)
    }
}

/// Standard output, where views are printed; error records go to `on_error`.
struct Printed<'a> {
    out: &'a mut dyn io::Write,
    on_error: &'a mut dyn FnMut(&RecordError),
}

impl Outlet<Viewed> for Printed<'_> {
    fn write(&mut self, viewed: Viewed) -> std::result::Result<(), WriteFailed> {
        match viewed {
            Ok(shown) => {
                let printed = shown.bytes.and_then(|bytes| self.out.write_all(&bytes));
                WriteFailed::on(STDOUT, printed)
            }
            Err(e) => {
                (self.on_error)(&e);
                Ok(())
            }
        }
    }

    fn flush(&mut self) -> std::result::Result<(), WriteFailed> {
        WriteFailed::on(STDOUT, self.out.flush())
    }
}

/// Prints what `show` makes of every article of `records` (each alone, inside the panic
/// boundary); record errors go to `on_error`.
fn for_each_article<I>(
    records: impl FnOnce() -> I + Send,
    out: &mut dyn io::Write,
    on_error: &mut dyn FnMut(&RecordError),
    show: impl FnMut(&Article, &mut dyn io::Write) -> io::Result<usize>,
) -> Result<RunStats>
where
    I: Iterator<Item = Record>,
{
    run(
        records,
        &mut EachArticle { show },
        &mut Printed { out, on_error },
        Chunking::items(CHUNK_ARTICLES),
        &mut |_| {},
    )
}

fn write_json_line(out: &mut dyn io::Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// `finsent split`: the sentences the model sees, article by article, title first.
/// Plain output is one sentence per line (inner line breaks become spaces) with a blank
/// line between articles; JSON output is one `{"id","title","sentences"}` object per
/// article with character offsets into the body.
pub fn split_stream<I>(
    records: impl FnOnce() -> I + Send,
    json: bool,
    out: &mut dyn io::Write,
    on_error: &mut dyn FnMut(&RecordError),
) -> Result<RunStats>
where
    I: Iterator<Item = Record>,
{
    #[derive(Serialize)]
    struct SplitSentence<'a> {
        text: &'a str,
        start: usize,
        end: usize,
    }
    #[derive(Serialize)]
    struct SplitRecord<'a> {
        id: &'a str,
        title: Option<&'a str>,
        sentences: Vec<SplitSentence<'a>>,
    }

    for_each_article(records, out, on_error, |article, out| {
        let spans = split_sentences(&article.body);
        if json {
            let sentences = spans
                .iter()
                .zip(char_offsets(&article.body, &spans))
                .map(|(s, (start, end))| SplitSentence {
                    text: s.text(&article.body),
                    start,
                    end,
                })
                .collect();
            let title = article.title.as_deref();
            write_json_line(
                out,
                &SplitRecord {
                    id: &article.id,
                    title,
                    sentences,
                },
            )?;
        } else {
            let lines = article
                .title
                .as_deref()
                .into_iter()
                .chain(spans.iter().map(|s| s.text(&article.body)))
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
            let mut text: String = lines.map(|l| l + "\n").collect();
            text.push('\n');
            out.write_all(text.as_bytes())?;
        }
        Ok(spans.len())
    })
}

/// `finsent tickers`: every company mention of every article, one JSON object per article,
/// `{"id","tickers":[{"symbol","exchange","name","delisted","part","text","start","end","form"}]}`
/// ([`MentionRecord`]; `delisted` only for a listing that has ended),
/// with offsets in characters of the title or the body.
pub fn tickers_stream<I>(
    records: impl FnOnce() -> I + Send,
    tickers: &Tickers,
    out: &mut dyn io::Write,
    on_error: &mut dyn FnMut(&RecordError),
) -> Result<RunStats>
where
    I: Iterator<Item = Record>,
{
    #[derive(Serialize)]
    struct TickersRecord<'a> {
        id: &'a str,
        tickers: Vec<MentionRecord<'a>>,
    }

    for_each_article(records, out, on_error, |article, out| {
        let title = article.title.as_deref().unwrap_or("");
        let published_at = article.published_at.as_deref();
        let whole_title = [Span {
            start: 0,
            end: title.len(),
        }];
        let mut mentions = mention_records(tickers, Part::Title, title, &whole_title, published_at);
        let body = article.body.as_str();
        let sentences = split_sentences(body);
        mentions.extend(mention_records(
            tickers,
            Part::Body,
            body,
            &sentences,
            published_at,
        ));
        let n = mentions.len();
        write_json_line(
            out,
            &TickersRecord {
                id: &article.id,
                tickers: mentions,
            },
        )?;
        Ok(n)
    })
}

/// An article's fingerprint, made inside the panic boundary; its story is found after, in
/// input order.
struct Fingerprint {
    id: String,
    published_at: Option<String>,
    signature: Option<Signature>,
    /// The line printed, once the story is found.
    shown: Option<Shown>,
}

/// `finsent stories` as a stage of the stream runner.
struct StoriesStage {
    stories: Stories,
}

impl Stage for StoriesStage {
    type Item = Record;
    type Out = std::result::Result<Fingerprint, RecordError>;

    fn id(record: &Record) -> &str {
        record_id(record)
    }

    fn run(&mut self, chunk: Vec<Record>, _phases: &mut Phases) -> Vec<Self::Out> {
        chunk
            .into_iter()
            .map(|record| {
                let article = record?;
                let signature = Signature::of(article.title.as_deref(), &article.body);
                Ok(Fingerprint {
                    id: article.id,
                    published_at: article.published_at,
                    signature,
                    shown: None,
                })
            })
            .collect()
    }

    fn panicked(record: &Record, message: String) -> Self::Out {
        Err(panicked(record, message))
    }

    fn settle(&mut self, outs: &mut [Self::Out], _stats: &mut RunStats) {
        for print in outs.iter_mut().flatten() {
            let published_at = print.published_at.as_deref();
            let mark = (print.signature.take())
                .map(|signature| self.stories.mark(&print.id, published_at, signature));
            let mut bytes = Vec::new();
            let items = usize::from(mark.is_some());
            let written =
                write_json_line(&mut bytes, &StoryRecord::new(&print.id, published_at, mark));
            print.shown = Some(Shown {
                bytes: written.map(|()| bytes),
                items,
            });
        }
    }

    fn tally(out: &Self::Out) -> Tally {
        tally(out, |print| print.shown.as_ref().map_or(0, |s| s.items))
    }
}

impl Outlet<std::result::Result<Fingerprint, RecordError>> for Printed<'_> {
    fn write(
        &mut self,
        out: std::result::Result<Fingerprint, RecordError>,
    ) -> std::result::Result<(), WriteFailed> {
        let shown = out.map(|print| {
            print.shown.unwrap_or(Shown {
                bytes: Ok(Vec::new()),
                items: 0,
            })
        });
        Outlet::<Viewed>::write(self, shown)
    }

    fn flush(&mut self) -> std::result::Result<(), WriteFailed> {
        Outlet::<Viewed>::flush(self)
    }
}

/// One line of `finsent stories`.
#[derive(Serialize)]
struct StoryRecord<'a> {
    id: &'a str,
    published_at: Option<&'a str>,
    story: Option<String>,
    novelty: Option<Novelty>,
    story_first: Option<String>,
    /// Published more than two windows before an article read earlier.
    late: bool,
}

impl<'a> StoryRecord<'a> {
    /// The story fields null for an article without words (no `mark`).
    fn new(id: &'a str, published_at: Option<&'a str>, mark: Option<StoryMark>) -> Self {
        let (story, novelty, story_first, late) = match mark {
            Some(m) => (Some(m.story), Some(m.novelty), Some(m.first), m.late),
            None => (None, None, None, false),
        };
        Self {
            id,
            published_at,
            story,
            novelty,
            story_first,
            late,
        }
    }
}

/// `finsent stories`: each article's near-duplicate story, as `finsent score` gives it,
/// one `{"id","published_at","story","novelty","story_first","late"}` object per article
/// (the story fields null for an article without words).
pub fn stories_stream<I>(
    records: impl FnOnce() -> I + Send,
    options: &StoryOptions,
    out: &mut dyn io::Write,
    on_error: &mut dyn FnMut(&RecordError),
) -> Result<RunStats>
where
    I: Iterator<Item = Record>,
{
    let mut stage = StoriesStage {
        stories: Stories::new(options),
    };
    run(
        records,
        &mut stage,
        &mut Printed { out, on_error },
        Chunking::items(CHUNK_ARTICLES),
        &mut |_| {},
    )
}
