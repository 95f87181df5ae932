#!/usr/bin/env python3
"""Render saved news pages to the plain text a browser's "Save As -> Text" gives.

People often feed finsent a news page saved from the browser as plain text
(Save As -> Text, or Select All + Copy).  That text still holds the page's
furniture: menus, bylines, captions, share buttons, "More in ..." lists,
footers.  This script makes such texts from the 181 real pages of the article
extraction benchmark (html/<id>.html.gz), so that a furniture filter can be
scored against the benchmark's hand-annotated article bodies
(benches/page_text_eval.py does the scoring; benches/PAGE_TEXT.md explains).

What "the browser's text" means here (modelled on Chromium's innerText, which
is what Select All + Copy gives):
  * visible text in document order; block elements (p, div, li, h1-h6, nav,
    header, footer, aside, figure, figcaption, tr, ...) start on their own line;
  * script, style, noscript, template, head and elements hidden with the
    `hidden` attribute or an inline `display:none` / `visibility:hidden` are
    removed;
  * link texts are kept (without their targets); image alt text is not shown;
  * nav / header / footer / aside text is KEPT, as the browser keeps it;
  * no list bullets and no markdown (innerText has neither); table cells of
    a row are joined by a tab, each row on its own line;
  * runs of blank lines become one blank line; the first line is whatever the
    page's visible text starts with.
Not modelled (needs a CSS engine and the page's external stylesheets, which a
saved page does not carry): elements hidden or re-ordered by CSS rules, and
CSS text-transform (e.g. menus shown in capitals).

The rendering is done by inscriptis (pinned in benches/requirements-pages.txt)
with a browser-like profile set up below; see PAGE_TEXT.md for why.

Usage:
    python3 benches/page_text.py --out /tmp/page_text
    python3 benches/page_text.py --out /tmp/page_text --data PATH/article_extraction_benchmark
"""

import argparse
import gzip
import re
import sys
from pathlib import Path

DEFAULT_DATA = Path("/work/shared/data/article_extraction_benchmark")

# Elements whose content a browser never shows as text.
NEVER_SHOWN = ("script", "style", "noscript", "template", "head", "title", "meta", "link",
               "iframe", "object", "embed", "svg", "canvas", "audio", "video", "map",
               "source", "track", "datalist", "dialog")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
BLOCK_TAGS = ("address", "article", "aside", "blockquote", "caption", "center", "dd", "details",
              "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
              "header", "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "section",
              "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "option", "optgroup")
PARAGRAPH_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6")


class DataMissing(Exception):
    """The benchmark folder is not where we were told to look."""


def require_data(data: Path) -> Path:
    """Return `data` if it holds the benchmark, else raise DataMissing with a clear message."""
    if not (data / "html").is_dir() or not (data / "ground-truth.json").is_file():
        raise DataMissing(
            f"the article extraction benchmark was not found at {data} "
            "(expected html/<id>.html.gz and ground-truth.json there). "
            "It lives in the project's shared data folder, which is not part of the "
            "repository; pass --data PATH to point at a copy.")
    return data


def page_ids(data: Path) -> list:
    """Ids of the benchmark pages, sorted."""
    return sorted(p.name[: -len(".html.gz")] for p in (data / "html").glob("*.html.gz"))


def read_page(data: Path, page_id: str) -> bytes:
    """The saved page's HTML bytes."""
    with gzip.open(data / "html" / f"{page_id}.html.gz") as f:
        return f.read()


def decode_html(raw: bytes) -> str:
    """Decode page bytes: UTF-8 if valid, else the declared charset, else cp1252."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"charset=[\"']?([\w-]+)", raw[:4096], re.I)
    if m:
        try:
            return raw.decode(m.group(1).decode("ascii"), "replace")
        except LookupError:
            pass
    return raw.decode("cp1252", "replace")


def parse_tree(html: str):
    """Parse HTML with lxml (as inscriptis does); the <?xml ...?> prolog is dropped first."""
    import lxml.html

    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    return lxml.html.document_fromstring(html or "<html></html>")


def _drop_hidden(tree) -> None:
    """Remove what a browser does not show as text; an element's tail text is kept."""
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if (tag in NEVER_SHOWN or el.get("hidden") is not None
                or (tag == "input") or HIDDEN_STYLE.search(el.get("style") or "")):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _browser_config():
    """An inscriptis configuration that lays text out like a browser's innerText."""
    from inscriptis.css_profiles import STRICT_CSS_PROFILE
    from inscriptis.html_properties import Display, WhiteSpace
    from inscriptis.model.config import ParserConfig
    from inscriptis.model.html_element import HtmlElement
    from inscriptis.model.tag import CustomHtmlTagHandlerMapping

    css = dict(STRICT_CSS_PROFILE)
    for tag in BLOCK_TAGS:
        css[tag] = HtmlElement(display=Display.block)
    for tag in PARAGRAPH_TAGS:
        css[tag] = HtmlElement(display=Display.block, margin_before=1, margin_after=1)
    for tag in NEVER_SHOWN:
        css[tag] = HtmlElement(display=Display.none)
    css["td"] = HtmlElement(display=Display.inline, suffix="\t")
    css["th"] = HtmlElement(display=Display.inline, suffix="\t")
    css["pre"] = HtmlElement(display=Display.block, whitespace=WhiteSpace.pre)

    def write_nothing(state, _attrs=None):
        """Start/end handler that adds no bullet and no table layout."""

    # No bullets for list items, no column layout for tables: a browser's
    # innerText has neither (the CSS above puts each row and item on a line).
    start = {tag: write_nothing for tag in ("table", "tr", "td", "th", "ul", "ol", "li")}
    end = {tag: (lambda state: None) for tag in ("table", "td", "th", "ul", "ol")}
    return ParserConfig(css=css, display_images=False, display_links=False,
                        custom_html_tag_handler_mapping=CustomHtmlTagHandlerMapping(start, end))


_CONFIG = None


def render(raw: bytes) -> str:
    """The text a browser's Save As -> Text / Select All + Copy gives for this page."""
    from inscriptis import Inscriptis

    global _CONFIG
    if _CONFIG is None:
        _CONFIG = _browser_config()
    tree = parse_tree(decode_html(raw))
    _drop_hidden(tree)
    body = tree.find("body")
    text = Inscriptis(body if body is not None else tree, _CONFIG).get_text()
    return tidy(text)


def tidy(text: str) -> str:
    """Strip line ends, turn non-breaking spaces into spaces, keep at most one blank line."""
    lines = [line.replace("\u00a0", " ").rstrip().lstrip(" ") for line in text.splitlines()]
    out = []
    for line in lines:
        if line.strip("\t") == "":
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line.strip("\t").replace("\t\t", "\t"))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


def headline_candidates(raw: bytes) -> list:
    """Reference headlines of a page: og:title (as is and without a " | Site" tail) and the first <h1>.

    Used by page_text_eval.py for title accuracy.  Either may be imperfect:
    og:title is the headline written for sharing and often carries the site
    name; some sites use <h1> for their logo.  A finsent title that equals any
    of them (after normalisation) counts as correct.
    """
    tree = parse_tree(decode_html(raw))
    found = []
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:title":
            og = " ".join((meta.get("content") or "").split())
            if og:
                found.append(og)
                tail = re.split(r"\s+[|\u2013\u2014-]\s+", og)
                if len(tail) > 1:
                    found.append(" ".join(tail[:-1]))
            break
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if text:
            found.append(text)
            break
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="the article extraction benchmark folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write <id>.txt into")
    parser.add_argument("--ids", nargs="*", help="render only these page ids")
    args = parser.parse_args(argv)
    try:
        data = require_data(args.data)
    except DataMissing as err:
        print(f"page_text.py: {err}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    ids = args.ids or page_ids(data)
    for page_id in ids:
        (args.out / f"{page_id}.txt").write_text(render(read_page(data, page_id)), encoding="utf-8")
    print(f"wrote {len(ids)} page texts to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
