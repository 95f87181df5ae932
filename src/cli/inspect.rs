//! Commands that show what the pipeline sees: `finsent split` (sentences),
//! `finsent tickers` (company mentions) and `finsent stories` (near-duplicate stories),
//! over the same loaders as `finsent score`.

use std::io;
use std::time::Instant;

use serde::Serialize;

use finsent::article::{Article, Record, RecordError};
use finsent::error::Result;
use finsent::isolate;
use finsent::split::{Span, char_offsets, split_sentences};
use finsent::stories::{Novelty, Signature, Stories, StoryOptions};
use finsent::stream::{RunStats, STDOUT, in_chunks, write_or_stop};
use finsent::tickers::Tickers;
use finsent::writer::{MentionRecord, Part, mention_records};

/// Writes what `show` makes of every article of `records`; record errors go to `on_error`.
/// `show` returns how many items (sentences, mentions) it wrote.
fn for_each_article<I>(
    records: impl FnOnce() -> I + Send,
    out: &mut dyn io::Write,
    on_error: &mut dyn FnMut(&RecordError),
    mut show: impl FnMut(&Article, &mut dyn io::Write) -> io::Result<usize>,
) -> Result<RunStats>
where
    I: Iterator<Item = Record>,
{
    let start = Instant::now();
    let mut stats = RunStats::default();
    in_chunks(
        records,
        |_| 1,
        256,
        usize::MAX,
        |chunk| {
            for record in chunk {
                stats.read += 1;
                match record {
                    Ok(article) => {
                        let shown = match show_isolated(&article, out, &mut show) {
                            Ok(shown) => shown,
                            Err(e) => {
                                stats.failed += 1;
                                on_error(&e);
                                continue;
                            }
                        };
                        stats.scored += 1;
                        let shown = shown.map(|n| stats.sentences += n as u64);
                        if !write_or_stop(shown, &mut stats, STDOUT)? {
                            return Ok(false);
                        }
                    }
                    Err(e) => {
                        stats.failed += 1;
                        on_error(&e);
                    }
                }
            }
            write_or_stop(out.flush(), &mut stats, STDOUT)
        },
    )?;
    stats.elapsed = start.elapsed();
    Ok(stats)
}

/// Runs `show` on one article inside the panic boundary ([`crate::isolate`]), into a
/// buffer: an article that makes finsent panic writes nothing and becomes an `internal`
/// error.
fn show_isolated(
    article: &Article,
    out: &mut dyn io::Write,
    show: &mut impl FnMut(&Article, &mut dyn io::Write) -> io::Result<usize>,
) -> std::result::Result<io::Result<usize>, RecordError> {
    let mut buf = Vec::new();
    let shown = isolate::catching(|| {
        isolate::fault_point(&article.id);
        show(article, &mut buf)
    })
    .map_err(|message| isolate::internal_error(&article.id, &article.origin, message))?;
    Ok(shown.and_then(|n| out.write_all(&buf).map(|()| n)))
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

    let mut stories = Stories::new(options);
    for_each_article(records, out, on_error, |article, out| {
        let published_at = article.published_at.as_deref();
        let mark = Signature::of(article.title.as_deref(), &article.body)
            .map(|signature| stories.mark(&article.id, published_at, signature));
        let marked = usize::from(mark.is_some());
        let (story, novelty, story_first, late) = match mark {
            Some(m) => (Some(m.story), Some(m.novelty), Some(m.first), m.late),
            None => (None, None, None, false),
        };
        write_json_line(
            out,
            &StoryRecord {
                id: &article.id,
                published_at,
                story,
                novelty,
                story_first,
                late,
            },
        )?;
        Ok(marked)
    })
}
