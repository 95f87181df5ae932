//! `finsent classify`: short texts (headlines, tweets, single sentences) scored as they are,
//! without splitting. In JSON Lines, JSONL objects keep all their fields and gain `label`,
//! `probs`, `score` and `error` (null); plain lines become `{"text": …}` objects. CSV and
//! Parquet hold the columns of [`classify_schema`]. An object with a target field is scored
//! toward that entity.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::PathBuf;

use serde_json::{Map, Value, json};

use crate::article::{ErrorKind, Origin, Probs, RecordError};
use crate::engine::Finsent;
use crate::error::Result;
use crate::isolate;
use crate::loader::{LineError, Lines, decompressed};
use crate::model::{ModelInput, Target};
use crate::stream::{Chunking, Outlet, Phases, RunStats, Stage, Tally, WriteFailed, run};
use crate::writer::{
    ErrorRecord, Format, ProbsRecord, Rounded, RowWriter, Sink, classify_schema, open_row_writer,
};

/// One input line: the object to extend, its text and where it came from.
#[derive(Clone)]
struct Line {
    /// `path:line`, as error records name it.
    id: String,
    object: Map<String, Value>,
    text: String,
    /// The entity the text is scored toward.
    target: Option<String>,
    origin: Origin,
}

impl Line {
    /// The error record replacing this line, which the model could not score.
    fn model_error(self, message: String) -> RecordError {
        self.error(ErrorKind::Model, message)
    }

    fn error(self, kind: ErrorKind, message: String) -> RecordError {
        RecordError {
            id: self.id,
            kind,
            message,
            origin: self.origin,
        }
    }

    fn input(&self) -> ModelInput<'_> {
        ModelInput {
            text: &self.text,
            target: self.target.as_deref().map(|name| Target {
                name,
                mentions: &[],
            }),
        }
    }
}

/// A line to score, or why it cannot be.
type Item = std::result::Result<Line, RecordError>;

/// What `classify` reads: files of lines (`-` is standard input), the JSONL fields holding
/// the text and the target, and the longest line read.
pub struct ClassifyInput {
    pub inputs: Vec<PathBuf>,
    pub text_field: String,
    pub target_field: String,
    pub max_line: u64,
}

/// Lines of each input, blank lines skipped.
fn items(input: ClassifyInput) -> impl Iterator<Item = Item> {
    let ClassifyInput {
        inputs,
        text_field,
        target_field,
        max_line,
    } = input;
    inputs.into_iter().flat_map(move |input| {
        let path = input.display().to_string();
        let opened: io::Result<Box<dyn BufRead>> = if path == "-" {
            Ok(Box::new(BufReader::new(io::stdin())))
        } else if input.is_dir() {
            Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "is a directory; classify reads files",
            ))
        } else {
            File::open(&input).map(|f| Box::new(BufReader::new(f)) as Box<dyn BufRead>)
        };
        // gzip and zstd are read as the text they hold.
        let reader = opened.and_then(|reader| decompressed(reader).map_err(io::Error::other));
        let fields = (text_field.clone(), target_field.clone());
        let lines: Box<dyn Iterator<Item = Item>> = match reader {
            Ok(reader) => {
                let mut lines = Lines::new(reader, max_line);
                Box::new(
                    std::iter::from_fn(move || {
                        let (number, line) = lines.next_line()?;
                        let origin = Origin {
                            path: path.clone(),
                            line: Some(number),
                        };
                        Some(parse_line(line, &fields, origin))
                    })
                    .flatten(),
                )
            }
            Err(err) => {
                let origin = Origin {
                    path: path.clone(),
                    line: None,
                };
                Box::new(std::iter::once(Err(RecordError {
                    id: path,
                    kind: ErrorKind::Io,
                    message: err.to_string(),
                    origin,
                })))
            }
        };
        lines
    })
}

fn parse_line(
    line: std::result::Result<&[u8], LineError>,
    (field, target_field): &(String, String),
    origin: Origin,
) -> Option<Item> {
    let id = format!("{}:{}", origin.path, origin.line.unwrap_or(0));
    let fail = |kind, message: String| {
        Some(Err(RecordError {
            id: id.clone(),
            kind,
            message,
            origin: origin.clone(),
        }))
    };
    let bytes = match line {
        Ok(bytes) => bytes,
        Err((kind, message)) => return fail(kind, message),
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return fail(ErrorKind::Encoding, "line is not valid UTF-8".into());
    };
    let text = text
        .trim_end_matches(['\r', '\n'])
        .trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return None;
    }
    if !text.trim_start().starts_with('{') {
        let mut object = Map::new();
        object.insert("text".into(), Value::String(text.to_string()));
        return Some(Ok(Line {
            id,
            object,
            text: text.to_string(),
            target: None,
            origin,
        }));
    }
    match serde_json::from_str::<Map<String, Value>>(text) {
        Ok(object) => match (object.get(field), object.get(target_field)) {
            (Some(Value::String(s)), target) if !s.trim().is_empty() => {
                let target = match target {
                    None | Some(Value::Null) => None,
                    Some(Value::String(t)) if !t.trim().is_empty() => Some(t.clone()),
                    Some(_) => {
                        return fail(
                            ErrorKind::Parse,
                            format!("field {target_field:?} is not a non-empty string"),
                        );
                    }
                };
                let text = s.clone();
                Some(Ok(Line {
                    id,
                    object,
                    text,
                    target,
                    origin,
                }))
            }
            (_, _) => fail(
                ErrorKind::EmptyText,
                format!("no non-empty string field {field:?}"),
            ),
        },
        Err(err) => fail(ErrorKind::Parse, format!("invalid JSON: {err}")),
    }
}

/// The output row of a scored line: in JSON Lines the input object with the scores added,
/// in CSV and Parquet the columns of [`classify_schema`].
fn scored_row(line: Line, p: Probs, format: Format) -> Value {
    let scores = [
        ("label", json!(p.class())),
        ("probs", json!(ProbsRecord::from(p))),
        ("score", json!(Rounded(p.score()))),
        ("error", Value::Null),
    ];
    let mut row = match format {
        Format::Jsonl => line.object,
        Format::Csv | Format::Parquet => {
            let mut row = Map::new();
            row.insert("text".into(), Value::String(line.text));
            row.insert("target".into(), json!(line.target));
            row.insert("source".into(), json!(line.origin));
            row
        }
    };
    row.extend(scores.map(|(key, value)| (key.to_string(), value)));
    Value::Object(row)
}

/// `classify` as a stage of the stream runner: each chunk's lines scored together by
/// [`Finsent::classify`].
struct ClassifyStage<'a> {
    engine: &'a Finsent,
}

/// A line scored, or why it could not be.
type Scored = std::result::Result<(Line, Probs), RecordError>;

impl Stage for ClassifyStage<'_> {
    type Item = Item;
    type Out = Scored;

    fn id(item: &Item) -> &str {
        match item {
            Ok(line) => &line.id,
            Err(error) => &error.id,
        }
    }

    fn run(&mut self, chunk: Vec<Item>, _phases: &mut Phases) -> Vec<Scored> {
        let inputs: Vec<ModelInput> = chunk.iter().flatten().map(Line::input).collect();
        let mut probs = self.engine.classify(&inputs).into_iter();
        chunk
            .into_iter()
            .map(|item| {
                let line = item?;
                match probs.next() {
                    Some(Ok(p)) => Ok((line, p)),
                    Some(Err(e)) => Err(line.model_error(e.to_string())),
                    None => Err(line.error(ErrorKind::Internal, "no result".into())),
                }
            })
            .collect()
    }

    fn panicked(item: &Item, message: String) -> Scored {
        let (id, origin) = match item {
            Ok(line) => (&line.id, &line.origin),
            Err(error) => (&error.id, &error.origin),
        };
        Err(isolate::internal_error(id, origin, message))
    }

    fn tally(out: &Scored) -> Tally {
        match out {
            Ok(_) => Tally::Done(1),
            Err(_) => Tally::Failed,
        }
    }
}

/// Where `classify` writes: one row per line, in `format`.
struct Rows<'a> {
    writer: &'a mut dyn RowWriter,
    format: Format,
    name: &'a str,
}

impl Outlet<Scored> for Rows<'_> {
    fn write(&mut self, out: Scored) -> std::result::Result<(), WriteFailed> {
        let row = match out {
            Ok((line, p)) => Ok(scored_row(line, p, self.format)),
            Err(e) => serde_json::to_value(ErrorRecord::from(e)).map_err(io::Error::from),
        };
        WriteFailed::on(self.name, row.and_then(|row| self.writer.write_row(&row)))
    }

    fn flush(&mut self) -> std::result::Result<(), WriteFailed> {
        WriteFailed::on(self.name, self.writer.flush())
    }
}

/// Lines scored per chunk.
const CHUNK_LINES: usize = 1024;

/// Scores every line of `input` and writes one row per line to `sink` in `format`; write
/// errors call it `name`.
pub fn classify_stream(
    input: ClassifyInput,
    engine: &Finsent,
    format: Format,
    sink: Sink,
    name: &str,
) -> Result<RunStats> {
    let output_error = |source| crate::error::Error::Output {
        path: name.into(),
        source,
    };
    let mut writer = open_row_writer(format, sink, classify_schema(true)).map_err(output_error)?;
    let mut rows = Rows {
        writer: writer.as_mut(),
        format,
        name,
    };
    let stats = run(
        || items(input),
        &mut ClassifyStage { engine },
        &mut rows,
        Chunking::items(CHUNK_LINES),
        &mut |_| {},
    )?;
    if !stats.output_closed {
        writer.finish().map_err(output_error)?;
    }
    Ok(stats)
}
