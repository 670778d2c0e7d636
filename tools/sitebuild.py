"""The course site: every lesson executed, the instructor guide, the data and how to run it.

    python3 tasks.py site     # writes build/site/ (index.html is the home page)

Steps (all offline):

1. every lesson notebook is executed in this environment's kernel with its widget state stored,
   and each Explore widget is replaced by the figure it draws in its default state
   (``nbtools.static_widget_views``); the executed copies go to ``build/site-src/lessons/``,
   never into ``notebooks/``;
2. the instructor guide, the per-lesson instructor pages and ``data/README.md`` are copied
   next to them, their links rewritten to the site's pages (or to the repository on GitHub
   for files the site does not hold), and the pages in ``docs/site/`` are filled in from the
   one setting in ``pyproject.toml`` (``[tool.bright-spots]``: repository, branch, JupyterHub);
3. Sphinx with myst-nb and sphinx-book-theme turns that into static HTML in ``build/site/``;
   MathJax is served from the site itself (sphinx-mathjax-offline), no page loads anything
   from another host.

The same setting gives the README's Binder badge (checked by tests/test_site_config.py).
"""

from __future__ import annotations

import copy
import html
import os
import posixpath
import re
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import nbtools  # noqa: E402

SITE_SOURCES = ROOT / "docs" / "site"
WORK = ROOT / "build" / "site-src"
OUT = ROOT / "build" / "site"
WARNINGS = ROOT / "build" / "site-warnings.txt"
HUB_ENV = "BRIGHT_SPOTS_JUPYTERHUB"
CELL_TIMEOUT = 120

WIDGET_NOTE = (
    "*Interactive widget, shown here as the figure it draws in its default state. "
    "To move it, open this lesson on Binder, on your JupyterHub or on your computer "
    "(buttons at the top of the page).*"
)


class SiteError(RuntimeError):
    """A problem with the site's sources or setting, said in one sentence."""


# -- the one setting ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Config:
    repository: str  # owner/name on GitHub
    branch: str
    jupyterhub: str  # https://hub.address, no trailing slash

    @property
    def repo_url(self) -> str:
        return f"https://github.com/{self.repository}"

    @property
    def repo_name(self) -> str:
        return self.repository.split("/", 1)[1]


_OWNER_NAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")


def config(pyproject: Path = ROOT / "pyproject.toml", environ: dict | None = None) -> Config:
    """``[tool.bright-spots]`` of pyproject.toml; ``BRIGHT_SPOTS_JUPYTERHUB`` overrides the hub."""
    environ = os.environ if environ is None else environ
    try:
        table = tomllib.loads(Path(pyproject).read_text(encoding="utf-8"))["tool"]["bright-spots"]
    except (OSError, KeyError, tomllib.TOMLDecodeError) as err:
        raise SiteError(
            f"{pyproject} needs a [tool.bright-spots] table with repository, branch and "
            f"jupyterhub ({type(err).__name__}: {err})"
        ) from None
    repository = str(table.get("repository", ""))
    branch = str(table.get("branch", "main"))
    hub = str(environ.get(HUB_ENV) or table.get("jupyterhub", "")).rstrip("/")
    if not _OWNER_NAME.match(repository):
        raise SiteError(f"[tool.bright-spots] repository must be GitHub's owner/name, not {repository!r}")
    if not branch or any(c in branch for c in " ?#&"):
        raise SiteError(f"[tool.bright-spots] branch is not a usable branch name: {branch!r}")
    if not re.match(r"^https?://[^/\s?#]+(/[^\s?#]*)?$", hub):
        raise SiteError(
            f"the JupyterHub address must look like https://hub.example.org, not {hub!r} "
            f"(set [tool.bright-spots] jupyterhub or {HUB_ENV})"
        )
    return Config(repository, branch, hub)


def binder_url(cfg: Config, path: str = "notebooks/00-start-here.ipynb") -> str:
    """mybinder.org link opening ``path`` (repository-relative) in JupyterLab."""
    return f"https://mybinder.org/v2/gh/{cfg.repository}/HEAD?urlpath=" + quote(f"lab/tree/{path}", safe="/")


def hub_url(cfg: Config, path: str = "notebooks/00-start-here.ipynb") -> str:
    """nbgitpuller link: clone or update the repository in the student's hub home, then open ``path``."""
    query = urlencode(
        {
            "repo": cfg.repo_url,
            "branch": cfg.branch,
            "urlpath": f"lab/tree/{cfg.repo_name}/{path}",
        }
    )
    return f"{cfg.jupyterhub}/hub/user-redirect/git-pull?{query}"


def github_url(cfg: Config, rel: str, folder: bool = False) -> str:
    return f"{cfg.repo_url}/{'tree' if folder else 'blob'}/{cfg.branch}/{rel}"


# -- links between pages -------------------------------------------------------------------------

_MD_LINK = re.compile(r"(\]\()(<?)([^)\s>]+)(>?)((?:\s+\"[^\"]*\")?\))")


def page_map(lessons: list[Path]) -> dict[str, str]:
    """Repository path -> site source path, for every file the site turns into a page."""
    pages = {
        "INSTRUCTORS.md": "instructors/index.md",
        "docs/instructors": "instructors/index.md",
        "data/README.md": "data/index.md",
        "data": "data/index.md",
        "docs/site/index.md": "index.md",
        "docs/site/running.md": "running.md",
    }
    for nb in lessons:
        pages[f"notebooks/{nb.name}"] = f"lessons/{nb.name}"
    for md in sorted((ROOT / "docs" / "instructors").glob("*.md")):
        pages[f"docs/instructors/{md.name}"] = f"instructors/{md.name}"
    return pages


def rewrite_links(text: str, source: str, dest: str, pages: dict[str, str], cfg: Config, root: Path = ROOT) -> str:
    """Point the relative links of a repository file (``source``) at the site page ``dest``'s neighbours.

    A link to a file the site has as a page becomes a relative link to that page; a link to
    another file of the repository becomes its address on GitHub; web links and anchors stay.
    """
    src_dir = posixpath.dirname(source)
    dest_dir = posixpath.dirname(dest)

    def fix(m: re.Match) -> str:
        target = m.group(3)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("#"):
            return m.group(0)
        path, _, anchor = target.partition("#")
        rel = posixpath.normpath(posixpath.join(src_dir, path)).rstrip("/")
        if rel.startswith(".."):
            return m.group(0)
        if rel in pages:
            new = posixpath.relpath(pages[rel], dest_dir or ".")
        elif (root / rel).exists():
            new = github_url(cfg, rel, folder=(root / rel).is_dir())
        else:
            return m.group(0)
        return f"{m.group(1)}{m.group(2)}{new}{'#' + anchor if anchor else ''}{m.group(4)}{m.group(5)}"

    return _MD_LINK.sub(fix, text)


def output_alt(output_metadata: dict | None, mime_type: str = "image/png") -> str | None:
    """The alt text ``utils.style.show`` stores with a figure: ``metadata[mime]["alt"]`` or ``metadata["alt"]``."""
    meta = output_metadata or {}
    per_mime = meta.get(mime_type)
    alt = (per_mime.get("alt") if isinstance(per_mime, dict) else None) or meta.get("alt")
    alt = str(alt).strip() if alt else ""
    return alt or None


def figures_without_alt(nb) -> int:
    """How many image outputs of an executed notebook carry no alt text."""
    missing = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            for mime in out.get("data", {}):
                if mime.startswith("image/") and not output_alt(out.get("metadata"), mime):
                    missing += 1
    return missing


# -- lessons -------------------------------------------------------------------------------------


def lesson_title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", nbtools.source(cell), re.M)
            if m:
                return m.group(1).strip()
    raise SiteError("a lesson needs a '# Title' heading in a markdown cell")


def launch_cell(cfg: Config, name: str):
    """The lesson's buttons: Binder, JupyterHub, the notebook and its student version."""
    import nbformat

    path = f"notebooks/{name}"
    links = [
        (
            "Open on Binder",
            binder_url(cfg, path),
            "runs in your browser, nothing to install; the first start takes minutes",
        ),
        (
            "Open on JupyterHub",
            hub_url(cfg, path),
            f"copies the collection into your home on {cfg.jupyterhub} (nbgitpuller)",
        ),
        ("Download the notebook", f"../downloads/{name}", "the lesson with its worked solutions"),
        ("Download the student version", f"../downloads/student/{name}", "the same lesson without the solutions"),
    ]
    items = "\n".join(
        f'<li><a class="bs-launch" href="{html.escape(url)}" title="{html.escape(note)}">{html.escape(label)}</a></li>'
        for label, url, note in links
    )
    text = (
        f'<nav class="bs-launch-bar" aria-label="Run or download this lesson">\n<ul>\n{items}\n</ul>\n</nav>\n\n'
        "This page shows the lesson run once, with every figure. To change the code and move the "
        "widgets, open it on Binder, on a JupyterHub, or download it and run it on your computer "
        "([how](../running.md))."
    )
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata["tags"] = ["site-launch"]
    return cell


def widget_notes(nb) -> None:
    """Say on the page how to move a widget shown as its default figure."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/markdown" in data and "Interactive widget" in data["text/markdown"]:
                data["text/markdown"] = WIDGET_NOTE


def site_notebook(nb, cfg: Config, name: str, pages: dict[str, str]):
    """The executed lesson as the site shows it (a copy; the argument is not changed)."""
    nb = nbtools.static_widget_views(nb)
    nb.metadata.pop("widgets", None)  # no widget state left: myst-nb would load its JS from a CDN
    widget_notes(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = rewrite_links(nbtools.source(cell), f"notebooks/{name}", f"lessons/{name}", pages, cfg)
    first = next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"), 0)
    nb.cells.insert(first + 1, launch_cell(cfg, name))
    return nb


def execute_lessons(lessons: list[Path], cfg: Config, pages: dict[str, str]) -> dict[str, str]:
    """Execute every lesson into WORK/lessons and copy the downloads; returns {name: title}."""
    titles = {}
    (WORK / "lessons").mkdir(parents=True, exist_ok=True)
    downloads = WORK / "_extra" / "downloads"
    (downloads / "student").mkdir(parents=True, exist_ok=True)
    for path in lessons:
        nb = nbtools.read(path)
        titles[path.name] = lesson_title(nb)
        shutil.copy(path, downloads / path.name)
        nbtools.write(nbtools.student_version(nb), downloads / "student" / path.name)
        t0 = time.perf_counter()
        executed = copy.deepcopy(nb)
        try:
            # a cell gets CELL_TIMEOUT seconds (the slowest takes a few): a kernel that stops answering
            # ends the build with the lesson's name instead of a silent ten-minute wait
            nbtools.execute(executed, cwd=path.parent, timeout=CELL_TIMEOUT, store_widget_state=True)
        except Exception as err:  # noqa: BLE001 - say which lesson failed, then stop
            first_line = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
            raise SiteError(
                f"{path.name} does not run to the end ({first_line}); see python3 tasks.py check notebooks/{path.name}"
            ) from None
        page = site_notebook(executed, cfg, path.name, pages)
        nbtools.write(page, WORK / "lessons" / path.name)
        no_alt = figures_without_alt(page)
        print(
            f"[site] executed {path.name} in {time.perf_counter() - t0:.1f} s"
            + (
                f"; WARNING: {no_alt} figure(s) without alt text (show them with utils.style.show(fig, alt=...))"
                if no_alt
                else ""
            ),
            flush=True,
        )
    return titles


# -- other pages ---------------------------------------------------------------------------------


def course_map(titles: dict[str, str], readme: Path = ROOT / "README.md") -> str:
    """The README's course map, with each notebook linked to its page."""
    text = readme.read_text(encoding="utf-8")
    m = re.search(r"^## Course map\n+((?:\|.*\n)+)", text, re.M)
    if not m:
        raise SiteError("README.md has no '## Course map' table")
    rows = []
    for line in m.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        nb = cells[0].strip("`")
        if nb in titles:
            cells[0] = f"[{cells[1]}](lessons/{nb})"
            cells[1] = f"`{nb}`"
        elif cells[0] == "notebook":
            cells[0], cells[1] = "lesson", "notebook"
        rows.append("| " + " | ".join(cells) + " |")
    missing = sorted(set(titles) - set(m.group(1).replace("`", " ").split()))
    if missing:
        raise SiteError(f"README.md's course map has no row for {', '.join(missing)}")
    return "\n".join(rows) + "\n"


def manifest_table(data: Path = ROOT / "data") -> str:
    rows = ["| file | size | SHA-256 |", "|---|---:|---|"]
    for line in (data / "MANIFEST.sha256").read_text().splitlines():
        if not line.strip():
            continue
        digest, name = line.split(None, 1)
        name = name.strip().lstrip("*")
        size = (data / name).stat().st_size
        rows.append(f"| `{name}` | {size / 1e3:,.0f} kB | `{digest}` |")
    return "\n".join(rows) + "\n"


def _cell(text) -> str:
    text = "" if text is None else str(text)
    return html.escape(text).replace("|", "&#124;").replace("\n", " ")


def facts_table(path: Path = ROOT / "data" / "facts.ecsv") -> str:
    """Every row of the facts table with its source as a link."""
    from astropy.table import Table

    table = Table.read(path, format="ascii.ecsv")
    rows = ["| id | value | unit | uncertainty | status | source |", "|---|---|---|---|---|---|"]
    for r in table:
        title, url = _cell(r["source_title"]), str(r["source_url"] or "")
        source = f"[{title}](<{url}>)" if url.startswith("http") else title
        rows.append(
            f"| `{r['id']}` | {_cell(r['value'])} | {_cell(r['unit'])} | {_cell(r['uncertainty'])} "
            f"| {_cell(r['status'])} | {source} |"
        )
    return "\n".join(rows) + "\n"


def fill(text: str, values: dict[str, str]) -> str:
    """Replace ``{{ name }}`` placeholders; an unknown one is an error, not a blank."""

    def sub(m):
        key = m.group(1)
        if key not in values:
            raise SiteError(f"unknown placeholder {{{{ {key} }}}} in docs/site")
        return values[key]

    return re.sub(r"\{\{\s*([a-z_]+)\s*\}\}", sub, text)


def write_pages(cfg: Config, titles: dict[str, str], pages: dict[str, str]) -> None:
    values = {
        "repository": cfg.repository,
        "repo_url": cfg.repo_url,
        "repo_name": cfg.repo_name,
        "branch": cfg.branch,
        "jupyterhub": cfg.jupyterhub,
        "binder_start": binder_url(cfg),
        "hub_start": hub_url(cfg),
        "course_map": course_map(titles),
        "manifest": manifest_table(),
        "facts": facts_table(),
        "lessons_toc": "\n".join(f"lessons/{n.removesuffix('.ipynb')}" for n in titles),
        "instructor_toc": "\n".join(
            p.removeprefix("instructors/").removesuffix(".md")
            for r, p in pages.items()
            if r.startswith("docs/instructors/")
        ),
    }
    for src in SITE_SOURCES.rglob("*"):
        rel = src.relative_to(SITE_SOURCES)
        if src.is_dir() or "__pycache__" in rel.parts:
            continue
        dest = WORK / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.suffix == ".md":
            dest.write_text(fill(src.read_text(encoding="utf-8"), values), encoding="utf-8")
        else:
            shutil.copy(src, dest)
    guide = rewrite_links(
        (ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8"), "INSTRUCTORS.md", "instructors/index.md", pages, cfg
    )
    guide += "\n\n```{toctree}\n:hidden:\n:maxdepth: 1\n\n" + values["instructor_toc"] + "\n```\n"
    (WORK / "instructors").mkdir(parents=True, exist_ok=True)
    (WORK / "instructors" / "index.md").write_text(guide, encoding="utf-8")
    for rel, dest in pages.items():
        if rel.startswith("docs/instructors/"):
            text = (ROOT / rel).read_text(encoding="utf-8")
            (WORK / dest).write_text(rewrite_links(text, rel, dest, pages, cfg), encoding="utf-8")
    data = rewrite_links(
        (ROOT / "data" / "README.md").read_text(encoding="utf-8"), "data/README.md", "data/index.md", pages, cfg
    )
    (WORK / "data").mkdir(parents=True, exist_ok=True)
    (WORK / "data" / "index.md").write_text(
        data
        + "\n\n## Checksums (`MANIFEST.sha256`)\n\n"
        + values["manifest"]
        + "\n\n## The facts table (`facts.ecsv`)\n\nEvery value the lessons state that is not computed, "
        "with its unit, uncertainty, status and source.\n\n" + values["facts"],
        encoding="utf-8",
    )


SUMMARY_WITHOUT_NAME = '<summary><span class="toctree-toggle" role="presentation">'
SUMMARY_NAMED = (
    '<summary aria-label="Show or hide the pages of this section"><span class="toctree-toggle" role="presentation">'
)


def name_sidebar_toggles(out: Path) -> int:
    """Give the theme's sidebar disclosure toggles an accessible name (WCAG 4.1.2; axe: summary-name).

    pydata-sphinx-theme 0.20 draws them as a chevron icon only; returns how many pages changed.
    """
    changed = 0
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if SUMMARY_WITHOUT_NAME in text:
            page.write_text(text.replace(SUMMARY_WITHOUT_NAME, SUMMARY_NAMED), encoding="utf-8")
            changed += 1
    return changed


def build(out: Path = OUT, lessons: list[Path] | None = None, reuse_lessons: bool = False) -> Path:
    """Build the whole site into ``out``; returns the path of its home page.

    ``reuse_lessons``: keep the lessons executed by the previous build (only the pages change).
    """
    cfg = config()
    shutil.rmtree(out, ignore_errors=True)  # a failed build leaves no stale site behind to be tested
    lessons = nbtools.lesson_notebooks() if lessons is None else lessons
    if not lessons:
        raise SiteError("no lesson notebooks in notebooks/")
    pages = page_map(lessons)
    executed = WORK / "lessons"
    if reuse_lessons and all((executed / nb.name).exists() for nb in lessons):
        titles = {nb.name: lesson_title(nbtools.read(nb)) for nb in lessons}
        keep = {p: p.read_bytes() for p in list(executed.glob("*.ipynb")) + list((WORK / "_extra").rglob("*.ipynb"))}
        shutil.rmtree(WORK)
        for p, data in keep.items():
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        print("[site] reusing the lessons executed by the last build", flush=True)
    else:
        shutil.rmtree(WORK, ignore_errors=True)
        WORK.mkdir(parents=True)
        titles = execute_lessons(lessons, cfg, pages)
    write_pages(cfg, titles, pages)
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", "1", "-w", str(WARNINGS), str(WORK), str(out)]
    proc = subprocess.run(cmd, cwd=ROOT)
    if proc.returncode != 0:
        raise SiteError(f"Sphinx failed (exit {proc.returncode}); its messages are above")
    name_sidebar_toggles(out)
    print(
        f"[site] Sphinx wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} "
        f"in {time.perf_counter() - t0:.1f} s",
        flush=True,
    )
    warnings = WARNINGS.read_text(encoding="utf-8").strip() if WARNINGS.exists() else ""
    if warnings:
        print(f"[site] Sphinx warnings ({WARNINGS.relative_to(ROOT)}):\n{warnings}", flush=True)
    return out / "index.html"


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="python3 tasks.py site", description="Build the course site into build/site/."
    )
    parser.add_argument(
        "--reuse-lessons",
        action="store_true",
        help="keep the lessons executed by the last build; rebuild the pages only",
    )
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    try:
        home = build(reuse_lessons=args.reuse_lessons)
    except SiteError as err:
        print(f"[site] ERROR: {err}", file=sys.stderr)
        return 1
    print(f"[site] built in {time.perf_counter() - t0:.1f} s: open {home}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
