//! The bad-input matrix: every dirty input a news archive can hold, each with the outcome
//! finsent promises (README, "Bad input"): an error record of a stated kind in place of the
//! record, or a documented lossless reading. Nothing is lost: the run summary reconciles.

use std::path::Path;

use serde_json::Value;

mod common;
use common::{finsent, json_lines, stderr, stdout_records};

/// Scores `inputs` (paths inside `dir`) and returns the exit code, the records and stderr.
fn score(dir: &Path, inputs: &[&str], extra: &[&str]) -> (Option<i32>, Vec<Value>, String) {
    let paths: Vec<String> = inputs
        .iter()
        .map(|p| dir.join(p).display().to_string())
        .collect();
    let mut args: Vec<&str> = vec!["score", "--no-tickers"];
    args.extend(paths.iter().map(String::as_str));
    args.extend_from_slice(extra);
    let out = finsent(&args);
    (out.status.code(), stdout_records(&out), stderr(&out))
}

/// `(id, "ok" or the error kind)` of each record, in order.
fn outcomes(records: &[Value]) -> Vec<(String, String)> {
    records
        .iter()
        .map(|r| {
            let id = r["id"].as_str().expect("id").to_string();
            let outcome = r["error"]["kind"].as_str().unwrap_or("ok").to_string();
            (id, outcome)
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// The summary's counts: read, scored, failed, skipped.
fn summary(stderr: &str) -> [u64; 4] {
    let line = stderr
        .lines()
        .find(|l| l.contains(" records: "))
        .unwrap_or_else(|| panic!("no summary in {stderr}"));
    let numbers: Vec<u64> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(4)
        .map(|s| s.parse().expect("count"))
        .collect();
    [numbers[0], numbers[1], numbers[2], numbers[3]]
}

#[test]
fn malformed_json_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::new();
    for line in [
        r#"{"id":"ok","body":"Sales rose 5% in the quarter."}"#,
        r#"{"id":"truncated","body":"cut sho"#,
        r#"{"id":"garbage","body":"Profit fell."} trailing"#,
        r#"{"id":"wrong-type","body":{"text":"nested"}}"#,
        r#"{"id":17,"body":"A numeric id is read as text."}"#,
        &"[".repeat(100_000),
        "[1, 2, 3]",
        r#"{"id":"no-text","title":null}"#,
        r#"{"id":"blank-text","title":" ","body":"   \n "}"#,
        r#"{"id":"nul","body":"raw NUL \u0000 escaped is text."}"#,
        "",
        r#"{"id":"last","headline":"Shares jumped after the results."}"#,
    ] {
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(dir.path().join("a.jsonl"), text).expect("write");
    let (code, records, err) = score(dir.path(), &["a.jsonl"], &[]);
    let name = dir.path().join("a.jsonl").display().to_string();
    let fallback = |n: u32| format!("{name}:{n}");
    let expected = [
        ("ok".to_string(), "ok"),
        (fallback(2), "parse"),
        (fallback(3), "parse"),
        ("wrong-type".into(), "empty_text"),
        ("17".into(), "ok"),
        (fallback(6), "parse"),
        (fallback(7), "parse"),
        ("no-text".into(), "empty_text"),
        ("blank-text".into(), "empty_text"),
        ("nul".into(), "ok"),
        ("last".into(), "ok"),
    ];
    let expected: Vec<(String, String)> = expected
        .into_iter()
        .map(|(a, b)| (a, b.to_string()))
        .collect();
    assert_eq!(outcomes(&records), expected);
    assert_eq!(code, Some(1));
    assert_eq!(summary(&err), [11, 4, 7, 0]);
    let nested = &records[5]["error"]["message"];
    assert!(
        nested.as_str().unwrap().contains("recursion limit"),
        "{nested}"
    );
    assert_eq!(records[1]["source"]["line"], 2);
}

#[test]
fn invalid_utf8_nul_bytes_and_utf16() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let mut jsonl = b"{\"id\":\"latin1\",\"body\":\"caf\xe9 sales rose\"}\n".to_vec();
    jsonl.extend_from_slice(b"{\"id\":\"raw-nul\",\"body\":\"a\x00b\"}\n");
    std::fs::write(d.join("a.jsonl"), jsonl).expect("write");
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(
            "Sony Group raised its forecast.\n\nSales of games rose sharply."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(d.join("utf16.txt"), &utf16).expect("write");
    std::fs::write(d.join("utf16.jsonl"), &utf16).expect("write");
    std::fs::write(d.join("nul.txt"), b"Title\n\nBody \x00\x01\x02 binary").expect("write");
    std::fs::write(d.join("latin1.txt"), b"Caf\xe9 chain profit rose.").expect("write");
    let (code, records, _) = score(
        d,
        &[
            "a.jsonl",
            "utf16.txt",
            "utf16.jsonl",
            "nul.txt",
            "latin1.txt",
        ],
        &[],
    );
    let kinds: Vec<String> = outcomes(&records).into_iter().map(|(_, k)| k).collect();
    assert_eq!(
        kinds,
        [
            "encoding", "parse", "ok", "encoding", "encoding", "encoding"
        ]
    );
    assert_eq!(records[2]["title"], "Sony Group raised its forecast.");
    assert_eq!(code, Some(1));
}

#[test]
fn csv_ragged_rows_unbalanced_quotes_and_unknown_headers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(
        d.join("ragged.csv"),
        "id,title,body,date\nshort,Profit rose\nlong,Sales fell,Demand weakened.,2026-01-05,extra,more\n",
    )
    .expect("write");
    std::fs::write(
        d.join("quote.csv"),
        "id,body\nq1,Orders rose.\nq2,\"Orders fell.\nq3,lost?\n",
    )
    .expect("write");
    std::fs::write(d.join("header.csv"), "a,b\n1,2\n3,4\n").expect("write");
    let (code, records, err) = score(d, &["ragged.csv", "quote.csv", "header.csv"], &[]);
    let header = d.join("header.csv").display().to_string();
    let quote = d.join("quote.csv").display().to_string();
    assert_eq!(
        outcomes(&records),
        pairs(&[
            ("short", "ok"),
            ("long", "ok"),
            ("q1", "ok"),
            (&format!("{quote}:3"), "parse"),
            (&format!("{header}:2"), "parse"),
            (&format!("{header}:3"), "parse"),
        ])
    );
    assert_eq!(records[1]["published_at"], "2026-01-05T00:00:00Z");
    assert!(
        records[3]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("unbalanced quote")
    );
    assert_eq!(code, Some(1));
    assert_eq!(summary(&err), [6, 3, 3, 0]);
}

#[test]
fn empty_whitespace_and_unread_files_in_a_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path().join("in");
    std::fs::create_dir_all(d.join("sub")).expect("mkdir");
    std::fs::write(d.join("a_empty.txt"), "").expect("write");
    std::fs::write(d.join("b_space.md"), " \n\t\n").expect("write");
    std::fs::write(d.join("c_empty.jsonl"), "").expect("write");
    std::fs::write(d.join("d_data.bin"), [0u8, 159, 146, 150]).expect("write");
    std::fs::write(
        d.join("e_good.txt"),
        "Orders rose\n\nThe company said orders rose.",
    )
    .expect("write");
    std::os::unix::fs::symlink(d.join("missing.txt"), d.join("f_dangling.txt")).expect("link");
    std::os::unix::fs::symlink(&d, d.join("sub").join("loop")).expect("link");
    let (code, records, err) = score(dir.path(), &["in"], &[]);
    let kinds: Vec<String> = outcomes(&records).into_iter().map(|(_, k)| k).collect();
    // Empty .jsonl: no records. .bin: not an input format, not read. The symlink loop is
    // reported once and the scan goes on.
    assert_eq!(kinds, ["empty_text", "empty_text", "ok", "io", "io"]);
    let loop_message = records[4]["error"]["message"].as_str().unwrap();
    assert!(loop_message.contains("loop"), "{loop_message}");
    assert_eq!(code, Some(1));
    assert_eq!(summary(&err), [5, 1, 4, 0]);
}

#[test]
fn unreadable_file_is_an_io_error_record() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(d.join("locked.txt"), "Profit rose.").expect("write");
    std::fs::set_permissions(d.join("locked.txt"), std::fs::Permissions::from_mode(0o000))
        .expect("chmod");
    let (_, records, _) = score(d, &["locked.txt", "missing.txt"], &[]);
    // Root reads files whatever their mode; everyone else gets an io error record.
    let privileged = std::fs::read(d.join("locked.txt")).is_ok();
    let first = if privileged { "ok" } else { "io" };
    let kinds: Vec<String> = outcomes(&records).into_iter().map(|(_, k)| k).collect();
    assert_eq!(kinds, [first, "io"]);
}

#[test]
fn huge_articles_are_cut_or_refused_with_a_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let sentence = "Quarterly revenue at the unit rose 3.5% to $6.77 billion. ";
    let big = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    let unpunctuated = "word ".repeat(20_000);
    let lines = [
        serde_json::json!({"id": "ten-mb", "body": big}),
        serde_json::json!({"id": "one-sentence", "body": unpunctuated}),
        serde_json::json!({"id": "after", "body": "Shares rose."}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(d.join("big.jsonl"), text).expect("write");
    let (code, records, _) = score(d, &["big.jsonl"], &["--max-sentences", "300"]);
    assert_eq!(code, Some(0));
    let ten = &records[0];
    assert_eq!(ten["sentences"]["total"], 300);
    let warnings: Vec<&str> = ten["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        warnings[0].starts_with("truncated: body of 10485"),
        "{warnings:?}"
    );
    assert!(warnings[1].contains("the first 300 scored"), "{warnings:?}");
    let one = &records[1];
    assert_eq!(one["sentences"]["total"], 1);
    assert!(one["warnings"].as_array().unwrap().is_empty());
    assert_eq!(records[2]["id"], "after");

    let (code, records, _) = score(d, &["big.jsonl"], &["--max-record-bytes", "1000000"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        outcomes(&records),
        pairs(&[
            (&format!("{}:1", d.join("big.jsonl").display()), "too_large"),
            ("one-sentence", "ok"),
            ("after", "ok"),
        ])
    );
}

#[test]
fn html_soup_keeps_only_the_visible_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = r#"<html><head><title>Acme &amp; Co. profit jumps</title>
<style>p { color: red } .x::after { content: "Profit collapsed." }</style>
<script>var s = "Shares plunged 90%."; document.write(s);</script></head>
<body><nav>Home | Markets</nav><!-- Profit collapsed, said nobody. -->
<article><h1>Acme &amp; Co. profit jumps</h1><p>Acme&#x2019;s profit rose 12&nbsp;% on strong demand &lt;unaudited&gt;.</p>
<p>Orders grew <b>sharply</b> in Europe.<p>Unclosed paragraph about growth.</article>
<footer>Copyright notice</footer></body></html>"#;
    std::fs::write(dir.path().join("soup.html"), html).expect("write");
    let out = finsent(&[
        "split",
        &dir.path().join("soup.html").display().to_string(),
        "--json",
    ]);
    let records = stdout_records(&out);
    let text: Vec<&str> = records[0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    let all = text.join(" ");
    assert_eq!(records[0]["title"], "Acme & Co. profit jumps");
    assert!(all.contains("Acme’s profit rose 12"), "{all}");
    assert!(all.contains("% on strong demand <unaudited>."), "{all}");
    assert!(all.contains("Unclosed paragraph about growth."), "{all}");
    for hidden in ["plunged", "collapsed", "color", "Home", "Copyright"] {
        assert!(!all.contains(hidden), "{hidden} leaked: {all}");
    }
}

#[test]
fn duplicate_ids_are_all_scored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text =
        "{\"id\":\"same\",\"body\":\"Sales rose.\"}\n{\"id\":\"same\",\"body\":\"Sales fell.\"}\n";
    std::fs::write(dir.path().join("dup.jsonl"), text).expect("write");
    let (code, records, _) = score(dir.path(), &["dup.jsonl"], &[]);
    assert_eq!(code, Some(0));
    assert_eq!(outcomes(&records), pairs(&[("same", "ok"), ("same", "ok")]));
    assert_eq!(records[1]["source"]["line"], 2);
}

/// 1,000 records, one in ten broken in one of the ways above: every record comes back, in
/// place, and the summary adds up.
#[test]
fn a_dirty_archive_reconciles_to_the_last_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = Vec::new();
    let mut broken = Vec::new();
    for i in 0..1000 {
        let line: Vec<u8> = if i % 10 == 7 {
            broken.push(i);
            match (i / 10) % 6 {
                0 => format!("{{\"id\":\"r{i}\",\"body\":\"cut").into_bytes(),
                1 => format!("{{\"id\":\"r{i}\",\"body\":\"\"}}").into_bytes(),
                2 => format!("{{\"id\":\"r{i}\",\"body\":\"caf\u{e9}\"}}")
                    .into_bytes()
                    .into_iter()
                    .map(|b| if b == 0xa9 { 0xff } else { b })
                    .collect(),
                3 => b"[\"not an object\"]".to_vec(),
                4 => format!("{{\"id\":\"r{i}\",\"body\":[1,2]}}").into_bytes(),
                _ => format!("{{\"id\":\"r{i}\",\"body\":\"x\"}} garbage").into_bytes(),
            }
        } else {
            format!("{{\"id\":\"r{i}\",\"title\":\"Company {i} update\",\"body\":\"Revenue changed by {i}%. Shares moved.\"}}")
                .into_bytes()
        };
        bytes.extend(line);
        bytes.push(b'\n');
    }
    std::fs::write(dir.path().join("dirty.jsonl"), &bytes).expect("write");
    let errors = dir.path().join("errors.jsonl");
    let (code, records, err) = score(
        dir.path(),
        &["dirty.jsonl"],
        &["--errors", errors.to_str().unwrap()],
    );
    assert_eq!(code, Some(1));
    let errors = json_lines(&std::fs::read_to_string(&errors).expect("errors file"));
    assert_eq!(records.len() + errors.len(), 1000);
    assert_eq!(errors.len(), broken.len());
    let error_lines: Vec<u64> = errors
        .iter()
        .map(|e| e["source"]["line"].as_u64().unwrap())
        .collect();
    let broken_lines: Vec<u64> = broken.iter().map(|i| i + 1).collect();
    assert_eq!(error_lines, broken_lines);
    let scored_lines: Vec<u64> = records
        .iter()
        .map(|r| r["source"]["line"].as_u64().unwrap())
        .collect();
    assert!(scored_lines.windows(2).all(|w| w[0] < w[1]), "input order");
    assert_eq!(summary(&err), [1000, 900, 100, 0]);
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("gzip");
    encoder.finish().expect("gzip")
}

/// Issue 31: `finsent score events.csv.gz` said "binary file (NUL bytes), not text". gzip
/// and zstd files are read as the text they hold, known by their first bytes (so a
/// misnamed one too), in a directory scan by the extension under the suffix, and on
/// standard input; another compression is an error that names it.
#[test]
fn gzip_and_zstd_inputs_are_read_as_their_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let csv = std::fs::read(corpus.join("archive.csv")).expect("csv");
    let jsonl = std::fs::read(corpus.join("archive.jsonl")).expect("jsonl");
    let txt = std::fs::read(corpus.join("txt/boeing_delivery_halt.txt")).expect("txt");
    let scan = dir.path().join("scan");
    std::fs::create_dir(&scan).expect("mkdir");
    std::fs::write(scan.join("events.csv.gz"), gzip(&csv)).expect("write");
    let zstd = zstd::stream::encode_all(&jsonl[..], 3).expect("zstd");
    std::fs::write(scan.join("archive.jsonl.zst"), zstd).expect("write");
    std::fs::write(scan.join("boeing.txt.gz"), gzip(&txt)).expect("write");
    std::fs::write(dir.path().join("misnamed.jsonl"), gzip(&jsonl)).expect("write");

    let plain = |paths: &[&str]| {
        let (code, records, err) = score(&corpus, paths, &["-q"]);
        assert_eq!(code, Some(0), "{err}");
        records
    };
    let scores = |records: &[Value]| -> Vec<(String, String)> {
        records
            .iter()
            .map(|r| (r["title"].to_string(), r["score"].to_string()))
            .collect()
    };
    let expected = plain(&[
        "archive.jsonl",
        "txt/boeing_delivery_halt.txt",
        "archive.csv",
    ]);
    let (code, scanned, err) = score(&scan, &[""], &["-q"]);
    assert_eq!(code, Some(0), "{err}");
    // In name order: archive.jsonl.zst, boeing.txt.gz, events.csv.gz.
    assert_eq!(scores(&scanned), scores(&expected));
    assert!(!err.contains("NUL bytes"));

    let (code, misnamed, err) = score(dir.path(), &["misnamed.jsonl"], &["-q"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(scores(&misnamed), scores(&plain(&["archive.jsonl"])));

    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(["score", "-", "-q", "--no-tickers"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("finsent runs");
    let mut stdin = child.stdin.take().expect("stdin");
    std::io::Write::write_all(&mut stdin, &gzip(&jsonl)).expect("write stdin");
    drop(stdin);
    let piped = child.wait_with_output().expect("finsent ends");
    assert_eq!(scores(&stdout_records(&piped)), scores(&misnamed));

    std::fs::write(dir.path().join("events.csv.bz2"), b"BZh91AY&SY\x00\x01").expect("write");
    let (code, records, _) = score(dir.path(), &["events.csv.bz2"], &["-q"]);
    assert_eq!(code, Some(1));
    assert_eq!(records[0]["error"]["kind"], "encoding");
    let message = records[0]["error"]["message"].as_str().expect("message");
    assert!(
        message.starts_with("bzip2-compressed input is not read"),
        "{message}"
    );
}
