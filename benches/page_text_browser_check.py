#!/usr/bin/env python3
"""Check page_text.py's rendering against a real browser's text, on a sample of benchmark pages.

The reference is Chromium's `document.body.innerText` (what Select All + Copy
gives), taken from headless Chromium over its DevTools protocol on the
loopback interface, with every host name resolving to nothing (no request
leaves the machine; the page's own inline CSS and scripts still apply).
Candidates: inscriptis with its default profile, html2text set up for plain
text, and page_text.render (inscriptis with a browser-like profile).  For
each it prints how alike the lines are (difflib ratio over non-blank lines,
whitespace and case folded) and how alike the words are (difflib ratio over
word sequences).  This is how the renderer was chosen (PAGE_TEXT.md).

Needs a Chromium (Debian package `chromium`) and the pip packages in
benches/requirements-pages.txt plus html2text and websocket-client (pinned
there as well).  Not part of any test; run it by hand:

    python3 benches/page_text_browser_check.py --every 10 --keep /tmp/browser_text
"""

import argparse
import difflib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import page_text  # noqa: E402

PORT = 9333


def browser_texts(chromium: str, pages: dict, wait: float) -> dict:
    """innerText of each page (id -> html bytes) from headless Chromium."""
    import websocket

    texts = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        proc = subprocess.Popen(
            [chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
             f"--remote-debugging-port={PORT}", "--remote-debugging-address=127.0.0.1",
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
             f"--user-data-dir={tmp / 'profile'}", "--window-size=1280,2000", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            info = None
            for _ in range(100):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/json/version") as r:
                        info = json.load(r)
                    break
                except OSError:
                    time.sleep(0.2)
            if info is None:
                raise RuntimeError("Chromium did not open its DevTools port")
            ws = websocket.create_connection(info["webSocketDebuggerUrl"], timeout=60)
            counter = [0]

            def call(method, params=None, session=None):
                counter[0] += 1
                msg = {"id": counter[0], "method": method, "params": params or {}}
                if session:
                    msg["sessionId"] = session
                ws.send(json.dumps(msg))
                while True:
                    reply = json.loads(ws.recv())
                    if reply.get("id") == counter[0]:
                        return reply.get("result", reply)

            def evaluate(expr, session):
                res = call("Runtime.evaluate", {"expression": expr, "returnByValue": True}, session)
                return res.get("result", {}).get("value")

            for page_id, raw in pages.items():
                path = tmp / f"{page_id}.html"
                path.write_bytes(raw)
                target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
                session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
                call("Page.navigate", {"url": path.as_uri()}, session)
                deadline = time.time() + wait
                while time.time() < deadline and evaluate("document.readyState", session) != "complete":
                    time.sleep(0.25)
                texts[page_id] = evaluate("document.body ? document.body.innerText : ''", session) or ""
                call("Target.closeTarget", {"targetId": target})
            ws.close()
        finally:
            proc.terminate()
            proc.wait()
    return texts


def candidates() -> dict:
    import html2text
    import inscriptis

    def plain_html2text(raw):
        conv = html2text.HTML2Text()
        conv.ignore_links = conv.ignore_images = conv.ignore_emphasis = conv.ignore_tables = True
        conv.body_width = 0
        return conv.handle(page_text.decode_html(raw))

    return {
        "inscriptis-default": lambda raw: inscriptis.get_text(page_text.decode_html(raw)),
        "html2text-plain": plain_html2text,
        "page_text.render": page_text.render,
    }


def lines(text: str) -> list:
    return [" ".join(line.split()).casefold() for line in text.splitlines() if line.strip()]


def words(text: str) -> list:
    return re.findall(r"\w+", text.casefold())


def ratio(a: list, b: list) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=page_text.DEFAULT_DATA,
                        help="the article extraction benchmark folder (default: %(default)s)")
    parser.add_argument("--every", type=int, default=10, help="take every Nth page (sorted by id)")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium",
                        help="Chromium binary (default: %(default)s)")
    parser.add_argument("--wait", type=float, default=10.0, help="seconds to wait for each page load")
    parser.add_argument("--keep", type=Path, help="write every text here (<system>/<id>.txt) to read by eye")
    args = parser.parse_args(argv)
    try:
        data = page_text.require_data(args.data)
    except page_text.DataMissing as err:
        print(f"page_text_browser_check.py: {err}", file=sys.stderr)
        return 2
    ids = page_text.page_ids(data)[:: args.every]
    pages = {i: page_text.read_page(data, i) for i in ids}
    reference = browser_texts(args.chromium, pages, args.wait)
    systems = candidates()
    sums = {name: [0.0, 0.0] for name in systems}
    print("| page | browser lines | " + " | ".join(f"{n} lines / line ratio / word ratio" for n in systems) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in systems) + " |")
    for page_id in ids:
        ref = reference[page_id]
        cells = []
        for name, render in systems.items():
            text = render(pages[page_id])
            lr, wr = ratio(lines(ref), lines(text)), ratio(words(ref), words(text))
            sums[name][0] += lr
            sums[name][1] += wr
            cells.append(f"{len(lines(text))} / {lr:.2f} / {wr:.2f}")
            if args.keep:
                (args.keep / name).mkdir(parents=True, exist_ok=True)
                (args.keep / name / f"{page_id}.txt").write_text(text, encoding="utf-8")
        if args.keep:
            (args.keep / "chromium").mkdir(parents=True, exist_ok=True)
            (args.keep / "chromium" / f"{page_id}.txt").write_text(ref, encoding="utf-8")
        print(f"| {page_id[:8]} | {len(lines(ref))} | " + " | ".join(cells) + " |")
    print(f"| mean of {len(ids)} | | " + " | ".join(
        f"{sums[n][0] / len(ids):.2f} line / {sums[n][1] / len(ids):.2f} word" for n in systems) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
