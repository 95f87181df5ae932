//! No article is lost silently, whatever the input, the flags or the faults: a record that
//! makes finsent panic, HTML nested 100,000 deep, signals, two runs on one output, outputs
//! that name inputs, FIFOs in a scanned directory. Each test is named after the case
//! `docs/reliability.md` lists.

#[path = "common/archive.rs"]
mod archive;
mod common;

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use archive::archive;
use common::{finsent, json_lines, root, stderr};

fn finsent_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root())
        .output()
        .expect("finsent runs")
}

/// A run in the background, with SIGINT's default action even when the tests run with
/// SIGINT ignored (started with `&` from a script, or under `nohup`): finsent leaves an
/// ignored signal ignored, as programs do, and the SIGINT tests would see no effect.
fn spawn(args: &[&str]) -> Child {
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(env!("CARGO_BIN_EXE_finsent"));
    command
        .args(args)
        .current_dir(root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    // SAFETY: between fork and exec the child only calls `signal`, which is
    // async-signal-safe.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    command.spawn().expect("spawn")
}

/// Waits (at most two minutes) until `done` holds.
fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A run over `input` resuming into `output`, one worker, 10 articles per chunk (so the
/// output grows while the test watches it).
fn resumable<'a>(input: &'a str, output: &'a str) -> [&'a str; 10] {
    [
        "score",
        input,
        "-q",
        "--chunk-articles",
        "10",
        "-j",
        "1",
        "--resume",
        "-o",
        output,
    ]
}

fn lines_in(path: &Path) -> usize {
    std::fs::read_to_string(path).map_or(0, |t| t.lines().count())
}

fn partial_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".partial"))
        .collect()
}

fn signal(child: &Child, signal: i32) {
    let pid = i32::try_from(child.id()).expect("a pid");
    // SAFETY: kill has no memory effects; the pid is our own child, not yet reaped.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0, "kill");
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::to_string)
        .collect()
}

/// Issue 22: a record made to panic (the test-only fault hook, on under `cargo test`)
/// becomes one `internal` error record; every other record is byte-identical to a run
/// without it.
#[test]
fn a_record_that_panics_fails_alone_in_score() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = archive(dir.path(), 30);
    let input = input.to_str().expect("path");
    let args = ["score", input, "--chunk-articles", "8"];
    let clean = finsent(&args);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    let faulty = finsent_with_env(&args, &[("FINSENT_TEST_PANIC_ID", "a00011")]);
    assert_eq!(faulty.status.code(), Some(1), "a record failed");
    assert!(
        stderr(&faulty).contains("30 records: 29 scored, 1 failed"),
        "{}",
        stderr(&faulty)
    );
    let (clean, faulty) = (lines(&clean.stdout), lines(&faulty.stdout));
    assert_eq!(clean.len(), faulty.len());
    for (i, (c, f)) in clean.iter().zip(&faulty).enumerate() {
        if i == 11 {
            let record = &json_lines(f)[0];
            assert_eq!(record["id"], "a00011");
            assert_eq!(record["error"]["kind"], "internal");
            let message = record["error"]["message"].as_str().expect("a message");
            assert!(message.contains("test fault injected"), "{message}");
        } else {
            assert_eq!(c, f, "record {i} changed");
        }
    }
}

/// Issue 22: the same boundary holds for `classify`, `split` and `tickers`.
#[test]
fn a_record_that_panics_fails_alone_in_classify_split_and_tickers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let texts = dir.path().join("texts.txt");
    std::fs::write(
        &texts,
        "Toyota raised its forecast.\nSony shares fell.\nNissan kept its dividend.\n",
    )
    .expect("write");
    let texts = texts.to_str().expect("path");
    let panic_line = format!("{texts}:2");
    let archive = archive(dir.path(), 5);
    let archive = archive.to_str().expect("path");
    let runs = [
        (vec!["classify", texts], panic_line.as_str(), 1),
        (vec!["split", archive, "--json"], "a00002", 2),
        (vec!["tickers", archive], "a00002", 2),
    ];
    for (args, id, line) in runs {
        let clean = finsent(&args);
        assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
        let faulty = finsent_with_env(&args, &[("FINSENT_TEST_PANIC_ID", id)]);
        assert_eq!(
            faulty.status.code(),
            Some(1),
            "{args:?}: {}",
            stderr(&faulty)
        );
        assert!(stderr(&faulty).contains("test fault injected"), "{args:?}");
        let mut expected = lines(&clean.stdout);
        let faulty = lines(&faulty.stdout);
        if args[0] == "classify" {
            // classify writes the error record in place.
            let record = &json_lines(&faulty[line])[0];
            assert_eq!(record["error"]["kind"], "internal", "{record}");
            expected[line] = faulty[line].clone();
        } else {
            // split and tickers report errors on standard error, in place of the article.
            expected.remove(line);
        }
        assert_eq!(expected, faulty, "{args:?}: the other records changed");
    }
}

/// Issue 30 #8: a panic on the reader thread outside a record's parsing (here while walking
/// a scanned directory, through the test-only fault hook) ends that input with one
/// `internal` error record; what was read before it is scored and written, the inputs
/// after it are read, and the run exits 1.
#[test]
fn a_panic_while_walking_a_directory_keeps_what_was_scored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let scanned = dir.path().join("scanned");
    std::fs::create_dir(&scanned).expect("mkdir");
    for (name, text) in [
        ("a.txt", "Toyota lifts outlook\nShares rose."),
        ("b.txt", "Sony cuts outlook\nShares fell."),
        ("c.txt", "Nissan keeps dividend\nShares were flat."),
    ] {
        std::fs::write(scanned.join(name), text).expect("write");
    }
    let after = dir.path().join("after.txt");
    std::fs::write(&after, "Boeing halts deliveries\nShares fell.").expect("write");
    let output = dir.path().join("out.jsonl");
    let (scanned, after) = (
        scanned.to_str().expect("path"),
        after.to_str().expect("path"),
    );
    let hook = format!("walk {scanned}/b.txt");
    let out = finsent_with_env(
        &[
            "score",
            scanned,
            after,
            "-o",
            output.to_str().expect("path"),
        ],
        &[("FINSENT_TEST_PANIC_ID", &hook)],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("3 records: 2 scored, 1 failed"),
        "{}",
        stderr(&out)
    );
    let records = json_lines(&std::fs::read_to_string(&output).expect("output kept"));
    let ids: Vec<&str> = records
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, [format!("{scanned}/a.txt").as_str(), scanned, after]);
    assert!(records[0]["error"].is_null() && records[2]["error"].is_null());
    assert_eq!(records[1]["error"]["kind"], "internal", "{}", records[1]);
    let message = records[1]["error"]["message"].as_str().expect("message");
    assert!(
        message.contains("test fault injected") && message.contains("not read"),
        "{message}"
    );
}

/// Issue 22's reproducer, at a limit the test can afford: a body of 2-, 3- and 4-byte
/// characters longer than `--max-article-bytes` is cut on a character boundary and scored.
#[test]
fn multibyte_body_over_the_limit_is_cut_and_scored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.jsonl");
    let lines: Vec<String> = ['¥', '€', '𝄞']
        .iter()
        .map(|ch| {
            let body = format!("{}. Toyota shares rose 5%.", ch.to_string().repeat(4000));
            serde_json::json!({"id": ch.to_string(), "title": "t", "body": body}).to_string()
        })
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    for max in ["4095", "4096", "4097", "4098"] {
        let out = finsent(&[
            "score",
            path.to_str().expect("path"),
            "--max-article-bytes",
            max,
        ]);
        assert_eq!(out.status.code(), Some(0), "max {max}: {}", stderr(&out));
        for record in common::stdout_records(&out) {
            assert!(record["error"].is_null(), "{record}");
            let warnings = record["warnings"].to_string();
            assert!(warnings.contains("truncated: body of"), "{warnings}");
        }
    }
}

/// Issue 22: HTML nested 100,000 deep is a `too_deep` error record, never a crash; the
/// other files of the directory are scored.
#[test]
fn html_nested_100000_deep_is_an_error_record_not_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let deep = format!(
        "<html><body>{}<p>Toyota shares rose.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    std::fs::write(dir.path().join("deep.html"), deep).expect("write");
    std::fs::write(
        dir.path().join("fine.txt"),
        "Toyota lifts outlook\nShares rose.",
    )
    .expect("write");
    let out = finsent(&["score", dir.path().to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let records = common::stdout_records(&out);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["error"]["kind"], "too_deep", "{}", records[0]);
    assert_eq!(records[1]["title"], "Toyota lifts outlook");
}

/// Nesting just under the depth limit is scored, on the loader's own thread with its
/// default stack.
#[test]
fn html_nested_to_the_depth_limit_is_scored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let depth = 500;
    let page = format!(
        "<html><body>{}<p>Toyota Motor Corp. said its shares rose after strong results \
         in North America and Europe this quarter.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let path = dir.path().join("deep.html");
    std::fs::write(&path, page).expect("write");
    let out = finsent(&["score", path.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let record = &common::stdout_records(&out)[0];
    assert!(record["error"].is_null(), "{record}");
}

/// Issue 25 #1: `-o` equal to `--errors` kept only the error records.
#[test]
fn output_equal_to_errors_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = archive(dir.path(), 2);
    let same = dir.path().join("same.jsonl");
    let out = finsent(&[
        "score",
        input.to_str().expect("path"),
        "-o",
        same.to_str().expect("path"),
        "--errors",
        dir.path()
            .join(".")
            .join("same.jsonl")
            .to_str()
            .expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("-o and --errors name the same file"),
        "{}",
        stderr(&out)
    );
    assert!(!same.exists(), "nothing written");
}

/// Issue 25 #2: `-o` equal to an input overwrote it with its own scores; with `--resume`,
/// the input's ids counted as already written.
#[test]
fn output_equal_to_an_input_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = archive(dir.path(), 2);
    let before = std::fs::read(&input).expect("read");
    let path = input.to_str().expect("path");
    for extra in [&[][..], &["--resume"][..]] {
        let mut args = vec!["score", path, "-o", path];
        args.extend_from_slice(extra);
        let out = finsent(&args);
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        assert!(
            stderr(&out).contains("is an input of this run"),
            "{}",
            stderr(&out)
        );
        assert_eq!(std::fs::read(&input).expect("read"), before, "input intact");
    }
    let classify = finsent(&["classify", path, "-o", path]);
    assert_eq!(classify.status.code(), Some(2), "{}", stderr(&classify));
    let scanned = finsent(&[
        "score",
        dir.path().to_str().expect("path"),
        "-o",
        dir.path().join("scores.jsonl").to_str().expect("path"),
    ]);
    assert_eq!(scanned.status.code(), Some(2));
    assert!(stderr(&scanned).contains("inside the input directory"));
}

/// Issue 33 #3: `finsent panel x.jsonl -o x.jsonl` replaced the scores with the panel and
/// exited 0; it is refused as `score` refuses it, the scores unchanged.
#[test]
fn panel_output_equal_to_its_input_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let scores = dir.path().join("x.jsonl");
    let before = "{\"id\":\"a\",\"error\":{\"kind\":\"empty_text\",\"message\":\"no text\"}}\n";
    std::fs::write(&scores, before).expect("write");
    let path = scores.to_str().expect("path");
    let out = finsent(&["panel", path, "-o", path]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is an input of this run"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&scores).expect("read"), before);
}

/// Issue 25 #3: two runs resuming into one output wrote every record twice. The second
/// run now finds the output locked and refuses; the first finishes as a clean run would.
#[test]
fn two_runs_on_one_output_cannot_interleave() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = archive(dir.path(), 400);
    let input = input.to_str().expect("path");
    let clean = finsent(&["score", input, "-q", "--chunk-articles", "10"]);
    let output = dir.path().join("same.jsonl");
    let out_arg = output.to_str().expect("path");
    let args = resumable(input, out_arg);
    let first = spawn(&args);
    wait_for("the first run's records", || lines_in(&output) >= 10);
    for second_args in [&args[..], &args[..args.len() - 3]] {
        let mut second = second_args.to_vec();
        if !second.contains(&"-o") {
            second.extend(["-o", out_arg]);
        }
        let second = finsent(&second);
        assert_eq!(second.status.code(), Some(2), "{second_args:?}");
        assert!(
            stderr(&second).contains("another finsent run is writing"),
            "{}",
            stderr(&second)
        );
    }
    let first = first.wait_with_output().expect("first run ends");
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        std::fs::read(&output).expect("output") == clean.stdout,
        "the first run's output is a clean run's"
    );
}

/// Issue 25 #4: `--resume` deleted a complete line it had not written and took any JSON
/// object with an id for its own record. A foreign file is now refused and left alone.
#[test]
fn resume_refuses_a_file_finsent_did_not_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = archive(dir.path(), 2);
    let notes = dir.path().join("o.jsonl");
    for text in [
        "line\nmy notes, not json\n",
        "{\"id\":\"a00000\",\"note\":\"mine\"}\n",
    ] {
        std::fs::write(&notes, text).expect("write");
        let out = finsent(&[
            "score",
            input.to_str().expect("path"),
            "-o",
            notes.to_str().expect("path"),
            "--resume",
        ]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("not resuming into this file (nothing in it was changed)"),
            "{}",
            stderr(&out)
        );
        assert_eq!(std::fs::read_to_string(&notes).expect("read"), text);
    }
}

/// Issue 25 #5: a UTF-8 byte-order mark on standard input turned a JSONL archive into one
/// text article; an empty standard input gave a bogus `empty_text` record.
#[test]
fn stdin_byte_order_mark_and_empty_stdin() {
    let run = |input: Vec<u8>| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_finsent"))
            .args(["score", "-", "-q"])
            .current_dir(root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdin = child.stdin.take().expect("stdin");
        std::thread::spawn(move || std::io::Write::write_all(&mut stdin, &input));
        child.wait_with_output().expect("finsent runs")
    };
    let archive = std::fs::read(root().join("corpus/archive.jsonl")).expect("corpus");
    let with_bom = run([b"\xef\xbb\xbf".as_slice(), &archive].concat());
    let without = run(archive.clone());
    assert_eq!(with_bom.status.code(), Some(0));
    assert!(with_bom.stdout == without.stdout, "the BOM changes nothing");
    assert_eq!(
        json_lines(&String::from_utf8_lossy(&with_bom.stdout)).len(),
        6
    );
    let empty = run(Vec::new());
    assert_eq!(empty.status.code(), Some(0));
    assert!(empty.stdout.is_empty(), "no records");
}

fn interrupt_then_resume(sig: i32) {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = archive(dir.path(), 400);
    let input = input.to_str().expect("path");
    let clean = finsent(&["score", input, "-q", "--chunk-articles", "10"]);
    let output = dir.path().join("scores.jsonl");
    let args = resumable(input, output.to_str().expect("path"));
    let child = spawn(&args);
    wait_for("some records", || lines_in(&output) >= 20);
    signal(&child, sig);
    let ended = child.wait_with_output().expect("reaped");
    assert!(!ended.status.success(), "ended by the signal");
    let written = lines_in(&output);
    assert!((20..400).contains(&written), "interrupted after {written}");
    let resumed = finsent(&args);
    assert!(resumed.status.success(), "{}", stderr(&resumed));
    assert!(
        std::fs::read(&output).expect("output") == clean.stdout,
        "resumed output differs from an uninterrupted run"
    );
}

/// Issue 22: SIGINT, then `--resume`, gives exactly the records of an uninterrupted run.
#[test]
fn sigint_then_resume_equals_an_uninterrupted_run() {
    interrupt_then_resume(libc::SIGINT);
}

/// Issue 22: the same after SIGTERM.
#[test]
fn sigterm_then_resume_equals_an_uninterrupted_run() {
    interrupt_then_resume(libc::SIGTERM);
}

/// Issue 25 #7: Ctrl-C or SIGTERM left hidden `.finsent-XXXX.partial` files behind.
#[test]
fn sigint_and_sigterm_leave_no_partial_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = archive(dir.path(), 400);
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("mkdir");
    for sig in [libc::SIGINT, libc::SIGTERM] {
        let output = out_dir.join("scores.jsonl");
        let errors = out_dir.join("errors.jsonl");
        let child = spawn(&[
            "score",
            input.to_str().expect("path"),
            "-q",
            "-j",
            "1",
            "--chunk-articles",
            "10",
            "-o",
            output.to_str().expect("path"),
            "--errors",
            errors.to_str().expect("path"),
        ]);
        wait_for("the partial files", || partial_files(&out_dir).len() == 2);
        // Some records are written to the partial output before the signal.
        std::thread::sleep(Duration::from_millis(300));
        signal(&child, sig);
        let ended = child.wait_with_output().expect("reaped");
        assert!(!ended.status.success(), "ended by signal {sig}");
        assert_eq!(
            partial_files(&out_dir),
            Vec::<String>::new(),
            "signal {sig}"
        );
        assert!(!output.exists() && !errors.exists(), "no output appears");
    }
}

/// Issue 25 #12: a FIFO inside a scanned directory blocked the run forever.
#[test]
fn fifo_in_a_scanned_directory_is_skipped_not_waited_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Toyota lifts outlook\nShares rose.",
    )
    .expect("write");
    let fifo = dir.path().join("b.jsonl");
    let name = std::ffi::CString::new(fifo.to_str().expect("path")).expect("no NUL");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0, "mkfifo");
    std::fs::write(dir.path().join("c.txt"), "Sony cuts outlook\nShares fell.").expect("write");
    let child = Command::new(env!("CARGO_BIN_EXE_finsent"))
        .args(["score", dir.path().to_str().expect("path")])
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id();
    let out = std::thread::scope(|scope| {
        let waiting = scope.spawn(|| child.wait_with_output().expect("reaped"));
        let deadline = Instant::now() + Duration::from_secs(120);
        while !waiting.is_finished() {
            if Instant::now() > deadline {
                // SAFETY: kill has no memory effects.
                unsafe { libc::kill(pid as i32, libc::SIGKILL) };
                panic!("finsent blocked on the FIFO");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        waiting.join().expect("joined")
    });
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let records = common::stdout_records(&out);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["title"], "Toyota lifts outlook");
    assert_eq!(records[1]["error"]["kind"], "not_a_file", "{}", records[1]);
    assert_eq!(records[2]["title"], "Sony cuts outlook");
}

/// The signal handler leaves alone a signal the run was started with ignored: under
/// `nohup`, a SIGHUP does not end the run.
#[test]
fn nohup_keeps_sighup_ignored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = archive(dir.path(), 200);
    let output = dir.path().join("scores.jsonl");
    let child = Command::new("nohup")
        .arg(env!("CARGO_BIN_EXE_finsent"))
        .args(resumable(
            input.to_str().expect("path"),
            output.to_str().expect("path"),
        ))
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nohup runs");
    wait_for("some records", || lines_in(&output) >= 10);
    signal(&child, libc::SIGHUP);
    let ended = child.wait_with_output().expect("reaped");
    assert!(ended.status.success(), "SIGHUP ignored: {:?}", ended.status);
    assert_eq!(lines_in(&output), 200);
}
