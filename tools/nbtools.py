"""Notebook housekeeping: strip outputs, refresh checked outputs, build student versions.

Rules it enforces (see README, "Working on a lesson"):

* a notebook is committed without outputs or execution counts, except the
  code cells that contain ``# NBVAL_CHECK_OUTPUT``: nbval compares those
  outputs, so they are kept (with ``"keep_output": true`` in the cell
  metadata, which nbstripout honours).  nbval skips a cell whose execution
  count is empty, so a checked cell keeps one: its position among the code
  cells, which is the same on every run (no noise in diffs);
* worked solutions live in cells tagged ``solution``; the student version is
  the same notebook without them, and without any output or execution count
  (a checked cell's stored output could show an answer);
* the answer key is always executed (``build_answer_key``); a build without
  it removes a key that no longer matches the notebooks, utils/ and data/.

Run through ``python3 tasks.py`` (``strip``, ``refresh-outputs``, ``student``)
or import it in tests.
"""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import nbformat

if str(Path(__file__).resolve().parent) not in sys.path:  # nbexec sits beside this file
    sys.path.insert(0, str(Path(__file__).resolve().parent))

CHECK_MARK = "NBVAL_CHECK_OUTPUT"
SOLUTION_TAG = "solution"
# a cell that runs a formative check on a wrong answer on purpose, to show a hint (lesson 00)
HINT_DEMO_TAG = "hint-demo"
ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LESSON_RE = re.compile(r"^(\d\d)-[a-z0-9-]+\.ipynb$")

# Notebook-level metadata worth keeping; anything else (widget state, timings,
# a contributor's kernel display name) is noise in diffs.
_KEEP_NB_METADATA = {"kernelspec", "language_info"}
_KEEP_CELL_METADATA = {"tags", "keep_output", "editable", "deletable", "slideshow"}


def lesson_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """The course notebooks (``NN-name.ipynb``), in order."""
    return sorted(p for p in folder.glob("*.ipynb") if LESSON_RE.match(p.name))


def source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def is_checked(cell) -> bool:
    """A code cell whose output nbval compares."""
    return cell.get("cell_type") == "code" and CHECK_MARK in source(cell)


def is_solution(cell) -> bool:
    return SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def is_hint_demo(cell) -> bool:
    """A cell that runs an exercise's check on a wrong answer on purpose, to show a hint: not the exercise itself."""
    return HINT_DEMO_TAG in cell.get("metadata", {}).get("tags", [])


def output_text(cell) -> str:
    """What an executed cell printed and showed as text (its streams and ``text/plain`` results), joined.

    >>> cell = nbformat.v4.new_code_cell("print('OLD: no'); 'Correct'")
    >>> cell.outputs = [
    ...     nbformat.v4.new_output("stream", text="OLD: no\\n"),
    ...     nbformat.v4.new_output("execute_result", {"text/plain": "'Correct'"}, execution_count=1),
    ... ]
    >>> output_text(cell)
    "OLD: no\\n'Correct'"
    """
    return "".join(out.get("text", "") + out.get("data", {}).get("text/plain", "") for out in cell.get("outputs", []))


def stray_outputs(nb) -> list[int]:
    """Indices of code cells carrying outputs or counts they should not have."""
    bad = []
    for i, cell in enumerate(nb["cells"]):
        if cell.get("cell_type") != "code" or is_checked(cell):
            continue
        if cell.get("execution_count") is not None or cell.get("outputs"):
            bad.append(i)
    return bad


def _clean_metadata(nb) -> None:
    nb["metadata"] = {k: v for k, v in nb.get("metadata", {}).items() if k in _KEEP_NB_METADATA}
    ks = nb["metadata"].get("kernelspec")
    if ks:
        nb["metadata"]["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    li = nb["metadata"].get("language_info")
    if li:
        nb["metadata"]["language_info"] = {"name": "python"}
    for cell in nb["cells"]:
        md = {k: v for k, v in cell.get("metadata", {}).items() if k in _KEEP_CELL_METADATA}
        cell["metadata"] = md


def strip(nb):
    """Remove outputs and execution counts, keeping the outputs of checked cells."""
    position = 0
    for cell in nb["cells"]:
        if cell.get("cell_type") != "code":
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
            continue
        position += 1
        cell["execution_count"] = None
        if is_checked(cell):
            cell["execution_count"] = position  # nbval only compares cells with a count
            cell.setdefault("metadata", {})["keep_output"] = True
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = position
                # images in checked cells are never stable across machines
                data = out.get("data")
                if data:
                    for key in [k for k in data if k.startswith("image/")]:
                        del data[key]
        else:
            cell["outputs"] = []
            cell.get("metadata", {}).pop("keep_output", None)
    _clean_metadata(nb)
    return nb


def read(path: Path):
    return nbformat.read(str(path), as_version=4)


def write(nb, path: Path) -> None:
    nbformat.write(nb, str(path))


def strip_file(path: Path) -> bool:
    """Strip one notebook in place; True if it changed."""
    before = Path(path).read_text(encoding="utf-8")
    nb = strip(read(path))
    write(nb, path)
    return Path(path).read_text(encoding="utf-8") != before


def execute(nb, cwd: Path, timeout: int | None = None, name: str | None = None, **options):
    """Run a notebook top to bottom in the current environment's kernel (``timeout`` per cell, in s, at most 120).

    Runs through ``nbexec`` (no widget-cell stall; a stall fails at once, naming the cell).  ``options``:
    ``store_widget_state`` (default True), ``allow_errors`` (default False) and nbclient's hooks
    (``on_cell_executed=...``), for tests that follow a run cell by cell.
    """
    import nbexec

    return nbexec.execute(nb, Path(cwd), notebook_name=name, timeout=timeout or nbexec.CELL_TIMEOUT, **options)


def kernel_env() -> dict[str, str]:
    """The environment for a kernel: as a student's, so figures draw with the inline backend."""
    import nbexec

    return nbexec.kernel_env()


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def _widget_outputs(model_id: str, state: dict, seen: set | None = None) -> list[dict]:
    """The outputs held by the Output widgets inside a widget (an ``interact`` keeps its figure there)."""
    seen = set() if seen is None else seen
    if model_id in seen or model_id not in state:
        return []
    seen.add(model_id)
    model = state[model_id]
    if model.get("model_name") == "OutputModel":
        return list(model.get("state", {}).get("outputs", []))
    found = []
    for child in model.get("state", {}).get("children", []):
        if isinstance(child, str) and child.startswith("IPY_MODEL_"):
            found += _widget_outputs(child[len("IPY_MODEL_") :], state, seen)
    return found


def static_widget_views(nb):
    """Replace each widget view of an executed notebook by what it showed: its default figure.

    A page rendered without a live kernel (the answer key's HTML, a printout)
    cannot draw a widget, only its text stand-in ``interactive(children=...)``.
    The notebook must have been executed with ``store_widget_state=True``.
    """
    nb = copy.deepcopy(nb)
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for out in cell.get("outputs", []):
            shown = out.get("output_type") in ("display_data", "execute_result")
            view = out.get("data", {}).get(WIDGET_VIEW) if shown else None
            if view is None:
                outputs.append(out)
                continue
            held = [nbformat.from_dict(o) for o in _widget_outputs(view["model_id"], state)]
            if held:  # an interact: its default figure follows
                words = "*Interactive widget (shown here in its default state; run the notebook to move it)*"
                plain = "[interactive widget: default state below]"
            else:  # a control alone (a menu, a button): nothing to draw without a kernel
                words = "*A control (a menu or a button) that works when you run the notebook*"
                plain = "[control widget]"
            outputs.append(nbformat.v4.new_output("display_data", data={"text/markdown": words, "text/plain": plain}))
            outputs += held
        cell.outputs = outputs
    return nb


def refresh_outputs(path: Path) -> None:
    """Execute a notebook and keep only the outputs of its checked cells."""
    path = Path(path)
    nb = read(path)
    execute(nb, cwd=path.parent, name=path.name)
    write(strip(nb), path)


#: A link to an instructor page: its answers section holds every exercise's answer.
KEY_LINK = re.compile(r"docs/instructors/")
CLOSING_TAGS = re.compile(r"^\s*(</[A-Za-z]+>\s*)+$")  # a line of closing HTML tags only


def without_key_links(cell):
    """A copy of ``cell`` without the paragraphs of a markdown cell that link to an instructor page.

    The full lesson points self-learners to the model answers there ("Check yourself"); a class's student
    version must not, since the page's answers section is one scroll away from the link.

    A dropped paragraph keeps its lines that are only closing tags (a ``</details>`` right under the link,
    with no blank line between them), so that a folded block stays closed.
    """
    cell = copy.deepcopy(cell)
    if cell.get("cell_type") == "markdown" and KEY_LINK.search(source(cell)):
        paragraphs = re.split(r"\n\s*\n", source(cell))
        kept = []
        for p in paragraphs:
            if not KEY_LINK.search(p):
                kept.append(p)
                continue
            closing = [line.strip() for line in p.splitlines() if CLOSING_TAGS.match(line)]
            if closing:
                kept.append("\n".join(closing))
        cell["source"] = "\n\n".join(kept).rstrip("\n")
    return cell


def student_version(nb):
    """The notebook a student gets: no solution cells, no outputs, no execution counts.

    Nothing a student opens was computed beforehand: a checked cell's stored
    output (kept in the lesson for nbval) could print a worked answer, so it
    goes too.  nbval then only runs these cells (no stored output to compare).
    """
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config import Config

    nb = copy.deepcopy(nb)
    pre = TagRemovePreprocessor(config=Config())
    pre.remove_cell_tags = {SOLUTION_TAG}
    pre.enabled = True
    nb, _ = pre.preprocess(nb, {})
    nb = strip(nb)
    nb.cells = [without_key_links(cell) for cell in nb.cells]
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
            cell.get("metadata", {}).pop("keep_output", None)
            # the test marker means nothing to a student (and nbval has nothing to compare here)
            lines = source(cell).splitlines(keepends=True)
            cell["source"] = "".join(line for line in lines if line.strip() != f"# {CHECK_MARK}")
    return nb


KEY_STAMP = "SOURCES.sha256"


def key_fingerprint(notebooks: Iterable[Path] | None = None) -> str:
    """A hash of everything an executed answer key depends on: the notebooks, utils/ and data/."""
    import hashlib

    notebooks = list(notebooks) if notebooks is not None else lesson_notebooks()
    files = sorted(Path(p).resolve() for p in notebooks)
    for folder in (ROOT / "utils", ROOT / "data"):
        files += sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    h = hashlib.sha256()
    for f in files:
        h.update(str(f.relative_to(ROOT) if f.is_relative_to(ROOT) else f.name).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def answer_key_is_current(out: Path, notebooks: Iterable[Path] | None = None) -> bool:
    """True when ``out/answer-key`` was executed from the current notebooks, utils/ and data/."""
    stamp = Path(out) / "answer-key" / KEY_STAMP
    return stamp.exists() and stamp.read_text(encoding="utf-8").strip() == key_fingerprint(notebooks)


def remove_stale_answer_key(out: Path, notebooks: Iterable[Path] | None = None) -> bool:
    """Delete ``out/answer-key`` unless it is current; True if something was removed."""
    import shutil

    key_dir = Path(out) / "answer-key"
    if key_dir.exists() and not answer_key_is_current(out, notebooks):
        shutil.rmtree(key_dir)
        return True
    return False


def build_student_versions(out: Path, notebooks: Iterable[Path] | None = None) -> list[Path]:
    """Write ``out/student/*.ipynb``: every lesson without solutions, outputs or counts.

    Student notebooks in that folder that no lesson produces any more are removed.
    """
    notebooks = list(notebooks) if notebooks is not None else lesson_notebooks()
    student_dir = Path(out) / "student"
    student_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for path in notebooks:
        write(student_version(read(path)), student_dir / path.name)
        made.append(student_dir / path.name)
    for old in student_dir.glob("*.ipynb"):
        if old not in made:
            old.unlink()
    return made


#: The lab template, with each PNG's ``<img>`` given the alt text ``utils.style.show`` stores in the output's
#: metadata (``metadata["image/png"]["alt"]`` or ``metadata["alt"]``): nbconvert's own template ignores it, and
#: its exporter then writes "No description has been provided for this image".
_ALT_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{% block data_png scoped %}
{%- set alt = output | get_metadata('alt', 'image/png') -%}
{%- if alt -%}
{{ super() | replace('<img ', '<img alt="' ~ (alt | trim | escape_html) ~ '" ', 1) }}
{%- else -%}
{{ super() }}
{%- endif -%}
{%- endblock data_png %}
"""


def html_exporter():
    """nbconvert's HTML exporter (lab template) that writes each figure's alt text into its ``<img>``."""
    import jinja2
    from nbconvert import HTMLExporter

    loader = jinja2.DictLoader({"bright_spots_alt.html.j2": _ALT_TEMPLATE})
    return HTMLExporter(extra_loaders=[loader], template_file="bright_spots_alt.html.j2")


def notebook_html(nb) -> str:
    """An executed notebook as one HTML page, figures with their alt text, widgets as their static views."""
    body, _ = html_exporter().from_notebook_node(static_widget_views(nb))
    return body


def build_answer_key(out: Path, notebooks: Iterable[Path] | None = None) -> list[Path]:
    """Write ``out/answer-key``: every lesson with its solutions, executed, as .ipynb and .html.

    The key is built in a temporary folder and replaces the old one only when
    every notebook ran; the old key is removed first, so a failed build leaves
    no key rather than a stale one.  ``SOURCES.sha256`` records what it was
    built from (see :func:`answer_key_is_current`).
    """
    import shutil
    import tempfile

    notebooks = list(notebooks) if notebooks is not None else lesson_notebooks()
    out = Path(out)
    key_dir = out / "answer-key"
    if key_dir.exists():
        shutil.rmtree(key_dir)
    out.mkdir(parents=True, exist_ok=True)
    made = []
    tmp = Path(tempfile.mkdtemp(dir=out, prefix=".answer-key-"))
    try:
        for path in notebooks:
            key = execute(read(path), cwd=path.parent, store_widget_state=True, name=f"answer key {path.name}")
            (tmp / path.with_suffix(".html").name).write_text(notebook_html(key), encoding="utf-8")
            write(key, tmp / path.name)
            made += [key_dir / path.with_suffix(".html").name, key_dir / path.name]
        (tmp / KEY_STAMP).write_text(key_fingerprint(notebooks) + "\n", encoding="utf-8")
        tmp.rename(key_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return made


def build(out: Path, notebooks: Iterable[Path] | None = None, answer_key: bool = False) -> dict[str, list[Path]]:
    """Student versions into ``out/student``; with ``answer_key``, the executed key into ``out/answer-key``.

    Without ``answer_key`` no key is written, and a key left from an earlier
    build is removed unless it is current, so ``build/`` never holds an
    unexecuted or stale answer key.
    """
    notebooks = list(notebooks) if notebooks is not None else lesson_notebooks()
    made = {"student": build_student_versions(out, notebooks), "answer-key": []}
    if answer_key:
        made["answer-key"] = build_answer_key(out, notebooks)
    else:
        remove_stale_answer_key(out, notebooks)
    return made


def _paths(names: list[str]) -> list[Path]:
    """The notebooks named on the command line, or every lesson."""
    paths = [Path(p) for p in names] or lesson_notebooks()
    for p in paths:
        if not p.is_file():
            raise SystemExit(f"No such notebook: {p}")
    return paths


def _cmd_build(args) -> int:
    out = Path(args.out)
    made = build(out, answer_key=args.answer_key)
    print("student versions:", len(made["student"]), f"notebooks in {out / 'student'}")
    key = out / "answer-key"
    if made["answer-key"]:
        print("answer key:", f"{len(made['answer-key'])} executed files in {key}")
    elif key.exists():
        print("answer key:", f"current, kept in {key}")
    else:
        print("answer key:", "not built (python3 tasks.py student builds and runs it)")
    return 0


def _cmd_strip(args) -> int:
    for p in _paths(args.notebooks):
        print(("stripped " if strip_file(p) else "clean    ") + str(p))
    return 0


def _cmd_refresh(args) -> int:
    for p in _paths(args.notebooks):
        refresh_outputs(p)
        print("refreshed", p)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python tools/nbtools.py build|strip|refresh ...`` (``python3 tasks.py`` calls it with .venv's python)."""
    import argparse

    parser = argparse.ArgumentParser(prog="tools/nbtools.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("build", help="student versions into OUT/student; with --answer-key the executed key too")
    p.add_argument("--answer-key", action="store_true", help="also execute the answer key into OUT/answer-key")
    p.add_argument("--out", default="build", help="output folder (default build)")
    p.set_defaults(func=_cmd_build)
    p = sub.add_parser("strip", help="remove outputs except those of checked cells (default: every lesson)")
    p.add_argument("notebooks", nargs="*")
    p.set_defaults(func=_cmd_strip)
    p = sub.add_parser("refresh", help="re-run notebooks and keep the outputs of checked cells (default: every lesson)")
    p.add_argument("notebooks", nargs="*")
    p.set_defaults(func=_cmd_refresh)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
