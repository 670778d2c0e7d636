"""The course site (build/site/, from ``python3 tasks.py site``) as a reader and a screen reader meet it.

Every page is served from a local HTTP server and opened in Debian's Chromium with every request
to another host blocked and recorded: it must load with no console error, no failed request and
no request elsewhere; every image must load and carry meaningful alt text; axe-core (bundled by
axe-playwright-python) must find no serious or critical WCAG violation.  Without a browser the
static checks still hold: every internal link and image resolves, headings are in order, tables
have headers, and each lesson page shows the outputs nbval compares.

``python3 tasks.py test`` builds the site before these tests; run alone, they build it when
build/site/ is missing (about two minutes).
"""

from __future__ import annotations

import configparser
import functools
import html
import http.server
import itertools
import re
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import nbtools  # noqa: E402
import sitebuild  # noqa: E402

SITE = sitebuild.OUT
SCREENSHOTS = ROOT / "build" / "screenshots" / "site"
BAD_ALT = re.compile(r"no description|^image$|^figure$|^plot$|\.(png|jpe?g|svg|gif)$", re.I)


# -- the built site -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").exists():
        sitebuild.build()
    return SITE


def pages(site: Path) -> list[Path]:
    """Every HTML page a reader can reach (not the theme's assets)."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("_"))


class _Page(HTMLParser):
    """Links, images, ids, headings, tables and text of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []  # (tag, url)
        self.ids: set[str] = set()
        self.headings: list[int] = []
        self.tables = 0
        self.tables_with_th = 0
        self._table_depth_th: list[bool] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.refs.append((tag, a["href"]))
        elif tag in ("img", "script") and a.get("src"):
            self.refs.append((tag, a["src"]))
        elif tag == "link" and a.get("href") and a.get("rel") not in ("canonical",):
            self.refs.append((tag, a["href"]))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "table":
            self.tables += 1
            self._table_depth_th.append(False)
        if tag == "th" and self._table_depth_th:
            self._table_depth_th[-1] = True
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "table" and self._table_depth_th:
            self.tables_with_th += self._table_depth_th.pop()
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


@functools.cache
def parse(path: Path) -> _Page:
    p = _Page()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# -- static checks --------------------------------------------------------------------------------


def test_site_has_every_page(site):
    rel = {p.relative_to(site).as_posix() for p in pages(site)}
    lessons = {f"lessons/{nb.stem}.html" for nb in nbtools.lesson_notebooks()}
    instructors = {f"instructors/{md.stem}.html" for md in (ROOT / "docs" / "instructors").glob("*.md")}
    expected = {"index.html", "running.html", "data/index.html", "instructors/index.html", "search.html"}
    assert sorted((expected | lessons | instructors) - rel) == []
    for nb in nbtools.lesson_notebooks():
        assert (site / "downloads" / nb.name).exists()
        assert (site / "downloads" / "student" / nb.name).exists()


def broken_refs(site: Path) -> list[str]:
    """Internal links, images, scripts and style sheets that lead nowhere; assets loaded from elsewhere."""
    broken = []
    for page in pages(site):
        for tag, url in parse(page).refs:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                if tag != "a":  # a script, style sheet or image from another host
                    broken.append(f"{page.relative_to(site)}: <{tag}> loads {url} from another host")
                continue
            if url.startswith(("mailto:", "javascript:")) or not (parts.path or parts.fragment):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {url} -> missing {target}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in parse(target).ids:
                broken.append(f"{page.relative_to(site)}: {url} -> no id {parts.fragment!r}")
    return broken


def test_every_internal_link_and_image_resolves(site):
    assert broken_refs(site) == []


def test_tables_have_header_cells(site):
    problems = []
    for page in pages(site):
        p = parse(page)
        if p.tables != p.tables_with_th:
            problems.append(f"{page.relative_to(site)}: {p.tables - p.tables_with_th} table(s) without a header cell")
    assert problems == []


def test_no_nbconvert_placeholder_alt_anywhere(site):
    hits = [p.relative_to(site) for p in site.rglob("*.html") if "No description has been provided" in p.read_text()]
    assert hits == []


def _sanitizers():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "tests" / "sanitize.cfg")
    return [(re.compile(cfg[s]["regex"]), cfg[s]["replace"]) for s in cfg.sections()]


def checked_texts(nb) -> list[str]:
    """The text of every stored output nbval compares (``# NBVAL_CHECK_OUTPUT`` cells)."""
    texts = []
    for cell in nb.cells:
        if not nbtools.is_checked(cell):
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                texts.append(out.get("text", ""))
            elif "text/html" in out.get("data", {}):
                frag = _Page()
                frag.feed(out["data"]["text/html"])
                texts.append("".join(frag.text))
            elif "text/plain" in out.get("data", {}):
                texts.append(out["data"]["text/plain"])
    return [t for t in (squash(x) for x in texts) if t]


@pytest.mark.parametrize("notebook", [p.name for p in nbtools.lesson_notebooks()])
def test_lesson_page_shows_the_checked_outputs(site, notebook):
    """The page shows what nbval compares: the site ran the same lesson to the same results."""
    page = site / "lessons" / notebook.replace(".ipynb", ".html")
    shown = squash(html.unescape("".join(parse(page).text)))
    subs = _sanitizers()
    for rx, rep in subs:
        shown = rx.sub(rep, shown)
    expected = checked_texts(nbtools.read(ROOT / "notebooks" / notebook))
    assert expected, f"{notebook} has no checked outputs"
    missing = []
    for text in expected:
        for rx, rep in subs:
            text = rx.sub(rep, text)
        if text not in shown:
            missing.append(text[:200])
    assert missing == []


# -- in the browser -------------------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def visit(browser, base: str, rel: str, screenshot: Path | None = None) -> dict:
    """Open one page offline; what went wrong on it, its images and axe's serious/critical findings."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    found = {"elsewhere": [], "console": [], "failed": [], "images": [], "axe": [], "headings": []}
    before_axe: dict = {}
    host = urlsplit(base).netloc

    def elsewhere(url: str) -> bool:
        return urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != host

    def block(r):
        found["elsewhere"].append(r.request.url)
        r.abort()

    # only requests to another host are intercepted (and refused); the site's own go straight through
    context.route(elsewhere, block)
    page = context.new_page()
    page.on("console", lambda m: found["console"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: found["console"].append(str(e)))
    page.on("requestfailed", lambda r: found["failed"].append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: found["failed"].append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)
    try:
        page.goto(f"{base}/{rel}", wait_until="networkidle")
        page.wait_for_timeout(300)  # MathJax typesets after load
        # headings a reader sees (the theme's print-only copy of the title is hidden)
        found["headings"] = page.eval_on_selector_all(
            "h1, h2, h3, h4, h5, h6", "els => els.filter(e => e.checkVisibility()).map(e => +e.tagName[1])"
        )
        found["images"] = page.eval_on_selector_all(
            "img",
            "els => els.map(e => ({src: e.getAttribute('src'), alt: e.getAttribute('alt'),"
            " ok: e.complete && e.naturalWidth > 0}))",
        )
        # what the reader's page did; axe then fetches the style sheets itself (and resolves the theme's
        # relative @import against the page, a 404 no reader meets), so its requests are not counted
        before_axe = {k: list(found[k]) for k in ("elsewhere", "console", "failed")}
        result = Axe().run(page)
        found.update(before_axe)
        found["axe"] = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result.response["violations"]
            if v.get("impact") in ("serious", "critical")
        ]
        if screenshot:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot), full_page=False)
    finally:
        context.close()
    found.update(before_axe)
    return found


def expected_pages() -> list[str]:
    """The pages the site must have, from its sources (so each gets its own test before any build)."""
    lessons = [f"lessons/{nb.stem}.html" for nb in nbtools.lesson_notebooks()]
    guide = [f"instructors/{md.stem}.html" for md in sorted((ROOT / "docs" / "instructors").glob("*.md"))]
    return [
        "index.html",
        "running.html",
        "data/index.html",
        "instructors/index.html",
        *guide,
        *lessons,
        "search.html",
        "genindex.html",
    ]


PAGES = expected_pages()
_VISITS: dict[str, dict] = {}


@pytest.fixture
def visited(browser, server, site):
    """Open a page once (screenshot and findings in build/screenshots/site/); the tests below read it."""
    import json

    def get(rel: str) -> dict:
        if rel not in _VISITS:
            name = rel.replace("/", "_").replace(".html", "")
            _VISITS[rel] = visit(browser, server, rel, screenshot=SCREENSHOTS / f"{name}.png")
            (SCREENSHOTS / f"{name}.json").write_text(json.dumps(_VISITS[rel], indent=1))
        return _VISITS[rel]

    return get


def test_every_built_page_is_audited(site):
    assert sorted({p.relative_to(site).as_posix() for p in pages(site)} - set(PAGES)) == []


@pytest.mark.parametrize("rel", PAGES)
def test_page_loads_offline_without_errors(visited, rel):
    f = visited(rel)
    assert {k: f[k] for k in ("elsewhere", "console", "failed") if f[k]} == {}


@pytest.mark.parametrize("rel", PAGES)
def test_every_image_loads_with_meaningful_alt_text(visited, rel):
    problems = []
    for img in visited(rel)["images"]:
        alt = (img["alt"] or "").strip()
        src_name = Path(urlsplit(img["src"] or "").path).name
        if not img["ok"]:
            problems.append(f"{img['src']} does not load")
        if len(alt.split()) < 3 or BAD_ALT.search(alt) or (src_name and src_name in alt):
            problems.append(f"{src_name} has no meaningful alt text ({alt[:60]!r})")
    assert problems == []


@pytest.mark.parametrize("rel", PAGES)
def test_headings_in_order(visited, rel):
    """One visible <h1> per page and no level skipped on the way down."""
    levels = visited(rel)["headings"]
    if rel not in ("genindex.html", "search.html"):
        assert levels.count(1) == 1, f"{levels.count(1)} visible <h1> headings"
    assert [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1] == []


@pytest.mark.parametrize("rel", PAGES)
def test_axe_finds_no_serious_or_critical_violation(visited, rel):
    assert visited(rel)["axe"] == []


BROKEN_PAGE = """<!DOCTYPE html><html><head><title>t</title>
<script src="https://cdn.example.org/lib.js"></script></head>
<body><main><h1>A</h1><h3>skipped a level</h3><img src="missing.png">
<a href="nowhere.html">x</a> <a href="#no-such-id">y</a></main></body></html>"""


def test_the_checks_catch_a_broken_page(tmp_path, browser):
    """A page with a CDN script, a missing image without alt, dead links and no lang fails every check."""
    (tmp_path / "index.html").write_text(BROKEN_PAGE)
    broken = broken_refs(tmp_path)
    assert any("cdn.example.org" in b for b in broken)
    assert any("missing.png" in b for b in broken) and any("nowhere.html" in b for b in broken)
    assert any("no-such-id" in b for b in broken)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        found = visit(browser, f"http://127.0.0.1:{httpd.server_address[1]}", "index.html")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert found["elsewhere"] == ["https://cdn.example.org/lib.js"]  # blocked and recorded
    assert any("missing.png" in f for f in found["failed"])
    assert found["headings"] == [1, 3]
    assert any(a.startswith("image-alt") for a in found["axe"]) and any(
        a.startswith("html-has-lang") for a in found["axe"]
    )
    assert found["images"] == [{"src": "missing.png", "alt": None, "ok": False}]


def test_lesson_pages_have_launch_and_download_buttons(browser, server, site):
    cfg = sitebuild.config()
    html_text = (site / "lessons" / "01-asteroid-belt.html").read_text()
    assert html.escape(sitebuild.binder_url(cfg, "notebooks/01-asteroid-belt.ipynb")) in html_text
    assert html.escape(sitebuild.hub_url(cfg, "notebooks/01-asteroid-belt.ipynb")) in html_text
    assert 'href="../downloads/01-asteroid-belt.ipynb"' in html_text
    assert 'href="../downloads/student/01-asteroid-belt.ipynb"' in html_text
    student = nbtools.read(site / "downloads" / "student" / "01-asteroid-belt.ipynb")
    assert not any(nbtools.is_solution(c) for c in student.cells)


def test_widgets_show_their_default_figure_not_text(site):
    for nb in nbtools.lesson_notebooks():
        text = (site / "lessons" / nb.name.replace(".ipynb", ".html")).read_text()
        assert "interactive(children" not in text, nb.name
        assert "IntSlider(" not in text and "FloatSlider(" not in text, nb.name
    explored = [
        nb.name
        for nb in nbtools.lesson_notebooks()
        if "shown here as the figure it draws in its default state"
        in (site / "lessons" / nb.name.replace(".ipynb", ".html")).read_text()
    ]
    assert len(explored) == len(nbtools.lesson_notebooks())  # every lesson has an Explore widget


def test_search_finds_a_lesson(browser, server):
    context = browser.new_context()
    context.route(lambda url: urlsplit(url).netloc != urlsplit(server).netloc, lambda r: r.abort())
    page = context.new_page()
    try:
        page.goto(f"{server}/search.html?q=Kirkwood", wait_until="networkidle")
        page.wait_for_selector("#search-results li", timeout=30_000)
        hits = page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.getAttribute('href'))")
    finally:
        context.close()
    assert any("01-asteroid-belt" in h for h in hits), hits
