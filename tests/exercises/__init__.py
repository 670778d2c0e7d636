"""Harness for the lessons' exercise specs (``tests/exercises/lessonNN.py``).

Each lesson's spec module holds (see ``docs/LESSON_STANDARD.md``):

* ``NOTEBOOK``: the lesson's file name;
* ``NATURAL``: for every self-checked exercise, the first code a student would
  plausibly write, assigning ``answer_k``; it replaces the ``answer_k = ...``
  placeholder line of the student version;
* ``ADAPT``: one adaptation, ``{"exercise": "NN.k", "replace": (old, new),
  "title_contains": "..."}``.

The tests built on this module execute the notebooks with a first cell that
records every ``utils.check(id, answer, **inputs)`` call (id, cell, inputs,
result), so the test process can recompute every expected answer from the
registry.  Each kind of run of a lesson happens once per test session, shared by
the test files and by pytest-xdist workers (see :class:`Runner`).
"""

from __future__ import annotations

import functools
import html
import importlib
import importlib.util
import os
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

import nbtools

ROOT = Path(__file__).resolve().parents[2]
SPECS = Path(__file__).resolve().parent
NOTEBOOKS = nbtools.lesson_notebooks(ROOT / "notebooks")
CELL_TIMEOUT = 120  # seconds per cell

CHECK_CALL = re.compile(r"utils\.check\(\s*[\"'](\d\d\.\d+)[\"']")


def placeholder_re(k: int | str) -> re.Pattern:
    """The exercise cell's placeholder line: exactly ``answer_k = ...``, optionally with a comment; it may be
    indented (inside a ``with fc.your_line(...)`` block), and group 1 is its indentation."""
    return re.compile(rf"^([ \t]*)answer_{k} = \.\.\.(?:[ \t]+#.*)?$", re.M)


def lesson_number(path: Path) -> str:
    return Path(path).name[:2]


def registry(path: Path):
    """The lesson's exercise registry module ``utils.exercises.lessonNN``."""
    return importlib.import_module(f"utils.exercises.lesson{lesson_number(path)}")


def spec_path(path: Path) -> Path:
    return SPECS / f"lesson{lesson_number(path)}.py"


def load_spec(path: Path):
    """The lesson's spec module, or None when ``tests/exercises/lessonNN.py`` does not exist."""
    file = spec_path(path)
    if not file.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"exercise_spec_{lesson_number(path)}", file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def require_spec(path: Path):
    """The spec module; a missing or malformed spec is a defect of the lesson (an AssertionError)."""
    spec = load_spec(path)
    assert spec is not None, (
        f"{Path(path).name} has no exercise spec: write {spec_path(path).relative_to(ROOT)} with NOTEBOOK, "
        "NATURAL and ADAPT (see docs/LESSON_STANDARD.md, section 1, item 6: Exercises)"
    )
    assert getattr(spec, "NOTEBOOK", None) == Path(path).name, (
        f"{spec_path(path).name}: NOTEBOOK = {getattr(spec, 'NOTEBOOK', None)!r}, but the lesson is {Path(path).name}"
    )
    assert isinstance(getattr(spec, "NATURAL", None), dict), f"{spec_path(path).name}: NATURAL must be a dict"
    adapt = getattr(spec, "ADAPT", None)
    assert isinstance(adapt, dict) and {"exercise", "replace", "title_contains"} <= set(adapt), (
        f"{spec_path(path).name}: ADAPT must be a dict with 'exercise', 'replace' and 'title_contains'"
    )
    assert isinstance(adapt["replace"], tuple) and len(adapt["replace"]) == 2, (
        f"{spec_path(path).name}: ADAPT['replace'] must be a pair (old text, new text)"
    )
    return spec


# --------------------------------------------------------------------------
# building the notebooks to run
# --------------------------------------------------------------------------


def _indented(code: str, indent: str) -> str:
    """``code`` (one or more lines) with each line indented like the placeholder it replaces."""
    return "\n".join(indent + line for line in code.strip("\n").splitlines())


def substitute_natural(nb, natural: dict[str, str], *, solutions_too: bool = False) -> list[str]:
    """Put each NATURAL answer in place of its ``answer_k = ...`` line (in place).

    Only exercise cells (not solutions, unless ``solutions_too``) are changed.
    Returns the ids whose placeholder line was found and replaced.
    """
    done = []
    for cell in nb.cells:
        if cell.cell_type != "code" or (nbtools.is_solution(cell) and not solutions_too):
            continue
        src = nbtools.source(cell)
        for ex_id in CHECK_CALL.findall(src):
            if ex_id not in natural:
                continue
            k = ex_id.split(".")[1]
            pattern = placeholder_re(k)
            if pattern.search(src):
                src = pattern.sub(lambda m, ex_id=ex_id: _indented(natural[ex_id], m.group(1)), src, count=1)
                done.append(ex_id)
        cell.source = src
    return done


def apply_replacement(nb, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in every cell's source (in place); the number of cells changed."""
    changed = 0
    for cell in nb.cells:
        src = nbtools.source(cell)
        if old in src:
            cell.source = src.replace(old, new)
            changed += 1
    return changed


RECORDER = """\
# Added by the exercise tests (not part of the lesson): record every utils.check call.
def _install_check_recorder(log_path):
    import pickle
    import utils
    import utils.checks
    real_check = utils.checks.check

    def recording_check(exercise_id, answer, **inputs):
        result = real_check(exercise_id, answer, **inputs)
        record = {"id": exercise_id, "status": result.status, "text": str(result)}
        try:
            record["inputs"] = pickle.dumps(inputs)
        except Exception as err:
            record["inputs"], record["error"] = None, f"inputs not picklable: {type(err).__name__}: {err}"
        with open(log_path, "ab") as log:
            pickle.dump(record, log)
        return result

    utils.checks.check = recording_check
    utils.check = recording_check


_install_check_recorder({log_path!r})
del _install_check_recorder
"""


@dataclass
class Call:
    """One recorded ``utils.check`` call."""

    id: str
    cell: int | None  # index of the calling cell in the notebook (the recorder cell not counted)
    status: str
    text: str
    inputs: dict[str, Any] | None
    error: str | None = None


@dataclass
class Run:
    """A notebook after execution, with its recorded check calls."""

    name: str
    nb: Any
    calls: list[Call] = field(default_factory=list)
    error: str | None = None  # the execution itself failed (timeout, dead kernel)

    def calls_for(self, ex_id: str, *, solution: bool | None = None) -> list[Call]:
        found = [c for c in self.calls if c.id == ex_id]
        if solution is not None:
            found = [
                c
                for c in found
                if c.cell is not None
                and nbtools.is_solution(self.nb.cells[c.cell]) == solution
                and not nbtools.is_hint_demo(self.nb.cells[c.cell])
            ]
        return found

    def cells_calling(self, ex_id: str, *, solution: bool) -> list[int]:
        """The exercise's own cells that call its check (not a cell that shows a hint on a wrong answer on purpose)."""
        return [
            i
            for i, c in enumerate(self.nb.cells)
            if c.cell_type == "code"
            and nbtools.is_solution(c) == solution
            and not nbtools.is_hint_demo(c)
            and ex_id in CHECK_CALL.findall(nbtools.source(c))
        ]

    def cell_errors(self, index: int) -> list[str]:
        return [
            f"{o.get('ename')}: {o.get('evalue')}"
            for o in self.nb.cells[index].get("outputs", [])
            if o.get("output_type") == "error"
        ]

    def result_text(self, index: int) -> str:
        """What a check cell displayed (its text/plain result), e.g. ``✔ Exercise 1 · ...: Correct.``."""
        texts = []
        for out in self.nb.cells[index].get("outputs", []):
            if out.get("output_type") in ("execute_result", "display_data"):
                texts.append(out.get("data", {}).get("text/plain", ""))
        return "\n".join(texts)


def _execute(nb, workdir: Path, cwd: Path) -> Run:
    log = workdir / "calls.pkl"
    if log.exists():
        log.unlink()
    nb = nbformat.from_dict(nb)
    nb.cells.insert(0, nbformat.v4.new_code_cell(RECORDER.replace("{log_path!r}", repr(str(log)))))
    ends: list[tuple[int, int]] = []  # (log size when a cell finished, that cell's index without the recorder)

    def cell_done(cell, cell_index, **_):
        ends.append((log.stat().st_size if log.exists() else 0, cell_index - 1))

    error = None
    try:
        nbtools.execute(
            nb, cwd=cwd, timeout=CELL_TIMEOUT, store_widget_state=True, allow_errors=True, on_cell_executed=cell_done
        )
    except Exception as err:  # a timeout or a dead kernel: the run is reported, not hidden
        error = f"{type(err).__name__}: {err}"
    calls = []
    if log.exists():
        with open(log, "rb") as fh:
            while True:
                offset = fh.tell()
                try:
                    rec = pickle.load(fh)
                except EOFError:
                    break
                try:
                    inputs = pickle.loads(rec["inputs"]) if rec["inputs"] is not None else None
                except Exception as err:
                    inputs, rec["error"] = None, f"inputs could not be read back: {err}"
                cell = next((index for size, index in ends if size > offset), None)
                calls.append(Call(rec["id"], cell, rec["status"], rec["text"], inputs, rec.get("error")))
    nb.cells.pop(0)
    return Run(name="", nb=nb, calls=calls, error=error)


def build_student_run(path: Path):
    """The student version, with the lesson's NATURAL answers when it has a spec."""
    nb = nbtools.student_version(nbtools.read(path))
    spec = load_spec(path)
    if spec is not None and isinstance(getattr(spec, "NATURAL", None), dict):
        substitute_natural(nb, spec.NATURAL)
    return nb


def build_adapted_run(path: Path):
    """The whole notebook (solutions kept) with ADAPT applied and the NATURAL answers in the exercise cells.

    One run answers both questions about the adaptation: the solution cells say
    whether the adapted worked solution checks, the exercise cells (run before
    their solutions, which later cells never depend on: see test_structure)
    say whether the natural answers do.
    """
    spec = require_spec(path)
    nb = nbtools.strip(nbtools.read(path))
    old, new = spec.ADAPT["replace"]
    assert apply_replacement(nb, old, new) > 0, (
        f"ADAPT['replace'] of {spec_path(path).name}: {old!r} does not occur in {Path(path).name}"
    )
    substitute_natural(nb, spec.NATURAL)
    return nb


class Runner:
    """Runs notebooks once per test session and shares the result between test files and xdist workers.

    Results are pickled under the session's pytest temporary folder (the
    parent of the workers' folders under xdist); a lock file makes a second
    worker wait for the first one's run instead of repeating it.
    """

    def __init__(self, tmp_path_factory):
        base = tmp_path_factory.getbasetemp()
        root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
        self.folder = root / "exercise-runs"
        self.folder.mkdir(parents=True, exist_ok=True)
        self._memory: dict[str, Run] = {}

    def run(self, kind: str, path: Path, build) -> Run:
        """The executed ``build(path)`` notebook, run once per session under the name ``kind``."""
        key = f"{kind}-{Path(path).stem}"
        if key in self._memory:
            return self._memory[key]
        result_file = self.folder / f"{key}.pkl"
        with _locked(self.folder / f"{key}.lock"):
            if result_file.exists():
                stored = pickle.loads(result_file.read_bytes())
            else:
                try:
                    nb = build(path)
                except AssertionError as err:  # a spec that cannot be applied: report it to every test
                    stored = {"nb": None, "calls": [], "error": f"could not build the notebook: {err}"}
                else:
                    workdir = self.folder / key
                    workdir.mkdir(exist_ok=True)
                    run = _execute(nb, workdir, cwd=Path(path).parent)
                    stored = {"nb": nbformat.writes(run.nb), "calls": run.calls, "error": run.error}
                result_file.write_bytes(pickle.dumps(stored))
        nb = nbformat.reads(stored["nb"], as_version=4) if stored["nb"] else None
        run = Run(name=key, nb=nb, calls=stored["calls"], error=stored["error"])
        self._memory[key] = run
        return run

    def student(self, path: Path) -> Run:
        return self.run("student", path, build_student_run)

    def adapted(self, path: Path) -> Run:
        return self.run("adapted", path, build_adapted_run)


class _locked:
    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        self.fh = open(self.path, "a+")
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no sharing between workers, still correct
            return self
        fcntl.flock(self.fh, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        self.fh.close()  # closing releases the lock


# --------------------------------------------------------------------------
# the leak finder
# --------------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?<![\w.:])"
    r"(?P<num>[-+\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+\u2212]?\d+)?|[-+\u2212]?\.\d+)"
    r"(?!\d|[:.]\d|,\d{3})"
    r"(?:\s*(?:\u00d7|x|\\times|\*)\s*10\s*(?:\^|\*\*)\s*\{?(?P<exp>[-+\u2212]?\d+)\}?)?"
    r"(?:[ \t\u00a0]*(?P<unit>%|\u00b0\s?[CF]|\u00b0|[A-Za-z\u00b5\u03bc\u00c5][A-Za-z0-9\u00b5\u03bc\u00c5_]*"
    r"(?:\s?/\s?[A-Za-z][A-Za-z0-9]*)?))?"
)
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_UNIT_AFTER = re.compile(_NUMBER.pattern[_NUMBER.pattern.index("(?:[ \\t\\u00a0]*(?P<unit>") :])
_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?)\b")
_NOT_UNITS = {
    "a",
    "an",
    "at",
    "and",
    "as",
    "be",
    "by",
    "for",
    "if",
    "in",
    "is",
    "it",
    "of",
    "on",
    "or",
    "the",
    "to",
    "we",
    "pc",
    "ph",
    "bit",
    "cd",
    "ct",
    "sr",
    "lm",
    "lx",
    "u",
    "x",
    "e",
    "T",
    "M",
    "G",
    "P",
}
_UNIT_ALIASES = {
    "%": "percent",
    "°": "deg",
    "° C": "deg_C",
    "°C": "deg_C",
    "° F": "deg_F",
    "°F": "deg_F",
    "mi": "mile",
    "miles": "mile",
    "au": "AU",
    "days": "day",
    "years": "yr",
    "year": "yr",
    "hours": "hour",
    "hr": "hour",
    "minutes": "min",
    "seconds": "s",
    "sec": "s",
    "kms": "km / s",
    "degrees": "deg",
    "degree": "deg",
    "tonnes": "tonne",
    "metres": "m",
    "meters": "m",
    "kilometres": "km",
    "kilometers": "km",
    "kelvin": "K",
}


# words after a number that make it a count of things: tried as a plain number only, not in the expected unit
_COUNTS = frozenset({"pixel", "pixels", "px", "objects", "asteroids", "bins", "stars", "steps"})


@functools.lru_cache(maxsize=4096)
def parse_unit(token: str | None):
    """An astropy unit for a printed unit token ("km", "AU", "°C", "km/s"), or None (cached: it is pure)."""
    import astropy.units as u

    if not token or token in _NOT_UNITS or token.lower() in _NOT_UNITS:
        return None
    token = _UNIT_ALIASES.get(token, _UNIT_ALIASES.get(token.lower(), token))
    with u.imperial.enable():
        try:
            return u.Unit(token, parse_strict="raise")
        except Exception:
            return None


@dataclass(frozen=True)
class Number:
    value: float
    unit_token: str | None
    where: str
    snippet: str


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_NOT_NUMBERS = re.compile(
    r"https?://\S+|`\d\d\.\d+`|\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\b"
    r"|\b[Ee]xercises?\s+\d+(?:(?:,\s*|\s+and\s+|\s+or\s+|\s*[-\u2013]\s*)\d+)*\b"
    rf"|\b\d{{1,2}}(?:\s*[-\u2013]\s*\d{{1,2}})?\s+{_MONTH}\s+\d{{4}}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b"
)


def find_numbers(text: str, where: str = "") -> list[Number]:
    """Every number a reader can see in ``text``, with the unit token after it when there is one.

    Exercise ids in backticks (`01.4`), exercise numbers ("Exercise 13", "exercises 8, 13 and 14"),
    addresses (URLs) and calendar dates ("2015-03-06", "3-4 Feb 2015", "Feb 12, 2009") are not read as
    numbers (a date's day is no quantity a reader would copy; dates are tried as dates), nor clock times
    like 00:28.
    """
    found = []
    text = _NOT_NUMBERS.sub(" ", text)
    for m in _NUMBER.finditer(text):
        num = m.group("num").replace(",", "").replace("\u2212", "-")
        try:
            value = float(num)
            if m.group("exp"):
                value *= 10.0 ** int(m.group("exp").replace("\u2212", "-"))
        except (ValueError, OverflowError):
            continue
        unit, stop = m.group("unit"), m.end()
        if unit and unit.lower() in _SCALE_WORDS:  # "0.83 million km": the word scales, the unit follows it
            value *= _SCALE_WORDS[unit.lower()]
            after = _UNIT_AFTER.match(text, stop)
            unit, stop = (after.group("unit"), after.end()) if after else (None, stop)
        start, end = max(m.start() - 30, 0), min(stop + 10, len(text))
        found.append(Number(value, unit, where, " ".join(text[start:end].split())))
    return found


def visible_text(nb) -> list[tuple[str, str]]:
    """(where, text) for every markdown cell and every text output a reader of ``nb`` sees.

    Outputs: streams, and text/plain, text/html (tags removed) and text/markdown
    of results and displays, including what widgets show (their Output
    widgets' outputs in the stored widget state).  A figure is read as its alt
    text (what a screen reader says; the pixels are not read).
    """
    parts = []

    def from_output(out, where):
        if out.get("output_type") == "stream":
            parts.append((where, out.get("text", "")))
        elif out.get("output_type") == "error":
            parts.append((where, f"{out.get('ename', '')}: {out.get('evalue', '')}"))
        data = out.get("data", {})
        if nbtools.WIDGET_VIEW in data:  # a live widget: its text/plain stand-in is not what a student sees
            return
        if any(m.startswith("image/") for m in data):  # a figure: the reader sees the image, not "<Figure size ...>"
            meta = out.get("metadata", {})
            alts = [meta.get("alt")] + [v.get("alt") for v in meta.values() if isinstance(v, dict)]
            for alt in dict.fromkeys(a for a in alts if isinstance(a, str) and a.strip()):
                parts.append((f"{where} (alt text)", alt))
            return
        for mime in ("text/plain", "text/markdown"):
            if mime in data:
                parts.append((where, data[mime] if isinstance(data[mime], str) else "".join(data[mime])))
        if "text/html" in data:
            raw = data["text/html"] if isinstance(data["text/html"], str) else "".join(data["text/html"])
            raw = re.sub(r"(?is)<(style|script)\b.*?</\1>", " ", raw)
            parts.append((where, html.unescape(re.sub(r"<[^>]+>", " ", raw))))

    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            parts.append((f"cell {i} (markdown)", nbtools.source(cell)))
        elif cell.cell_type == "code":
            for out in cell.get("outputs", []):
                from_output(out, f"cell {i} (output)")
    state = nb.metadata.get("widgets", {}).get(nbtools.WIDGET_STATE, {}).get("state", {})
    for model in state.values():
        if model.get("model_name") == "OutputModel":
            for out in model.get("state", {}).get("outputs", []):
                from_output(out, "a widget's output")
    return parts


def _candidates(number: Number, expected) -> list[tuple[Any, str]]:
    import astropy.units as u
    from astropy.time import Time

    if isinstance(expected, (Time, str, bool)):
        return []
    value = number.value
    if number.unit_token and number.unit_token.lower() in _COUNTS:  # "217 pixels" is a count, never 217 K
        return [(value, "as a count")]
    printed = parse_unit(number.unit_token)
    if printed is not None:  # "2.22 AU" speaks of AU: it is not read as a density too
        return [(value * printed, f"in its printed unit {printed}")]
    cands = [(value, "as a plain number")]
    if isinstance(expected, u.Quantity):
        cands.append((value * expected.unit, f"in the expected unit {expected.unit}"))
    return cands


def is_an_input(answer, inputs: dict[str, Any]) -> bool:
    """True when ``answer`` is one of the exercise's own inputs, written in that input's unit.

    The notebook hands its inputs to the student; a unit-conversion exercise's
    input (2,700 miles) is its answer in another unit, so it is no leak.  The
    same value converted (4,345 km) is one.
    """
    import math

    import astropy.units as u

    for value in inputs.values():
        try:
            if isinstance(value, u.Quantity):
                if (
                    value.isscalar
                    and isinstance(answer, u.Quantity)
                    and answer.unit == value.unit
                    and math.isclose(answer.value, value.value, rel_tol=1e-3)
                ):
                    return True
            elif isinstance(value, (int, float)) and not isinstance(value, bool) and not isinstance(answer, u.Quantity):
                if math.isclose(float(answer), float(value), rel_tol=1e-3):
                    return True
        except Exception:
            continue
    return False


@dataclass(frozen=True)
class Leak:
    id: str
    answer: str
    where: str
    snippet: str

    def __str__(self):
        return f"{self.id}: {self.answer} is Correct; seen in {self.where}: ...{self.snippet}..."


def find_leaks(nb, calls: list[Call]) -> list[Leak]:
    """Every number readable in ``nb`` that a recorded exercise would accept as Correct.

    ``nb`` is an executed student version; ``calls`` the check calls recorded
    while it ran (their inputs give each exercise's expected answer).  Each
    number is tried with the unit printed after it when there is one, else
    bare and in the expected unit, through the real check; an exercise's own input, shown as given,
    is not counted (see :func:`is_an_input`).  Dates in the text are tried
    against exercises that want a date.
    """
    from astropy.time import Time

    from utils.checks import _get_exercise

    texts = visible_text(nb)
    numbers: dict[tuple[float, str | None], Number] = {}
    for where, text in texts:
        for n in find_numbers(text, where):
            numbers.setdefault((n.value, n.unit_token), n)
    dates = {
        m.group(1): (where, text[max(m.start() - 30, 0) : m.end() + 10])
        for where, text in texts
        for m in _DATE.finditer(text)
    }
    leaks, seen = [], set()
    for call in calls:
        if call.inputs is None:
            continue
        try:
            key = (call.id, pickle.dumps(call.inputs))
        except Exception:
            key = (call.id, repr(sorted(call.inputs)))
        if key in seen:
            continue
        seen.add(key)
        exercise = _get_exercise(call.id)
        expected = exercise.expected(**call.inputs)
        if isinstance(expected, Time):
            for text, (where, snippet) in dates.items():
                if exercise.check(text, **call.inputs).ok:
                    leaks.append(Leak(call.id, repr(text), where, " ".join(snippet.split())))
            continue
        for n in numbers.values():
            for answer, how in _candidates(n, expected):
                if exercise.check(answer, **call.inputs).ok and not is_an_input(answer, call.inputs):
                    leaks.append(Leak(call.id, f"{n.value:g} {how}", n.where, n.snippet))
                    break
    return leaks


def names_that_answer(check_id, values, modules, include_private=False):
    """The names in ``modules`` (those Tab completion offers, or all with ``include_private``) whose call with
    2 or 3 of the exercise's inputs, in any order, passes its check."""
    import inspect
    from itertools import permutations

    import astropy.units as u
    import numpy as np

    import utils

    _EXERCISES = importlib.import_module(f"utils.exercises.lesson{check_id[:2]}")._EXERCISES

    kw = {k: values[k] for k in inspect.signature(_EXERCISES[check_id].solve).parameters}
    passing = []
    for module in modules:
        for name in (n for n in dir(module) if include_private or not n.startswith("_")):
            func = getattr(module, name)
            if not callable(func) or isinstance(func, type):
                continue
            for args in (p for r in (2, 3) for p in permutations(kw.values(), r)):
                try:
                    result = func(*args)
                except Exception:
                    continue
                if isinstance(result, (u.Quantity, float)) and np.size(result) == 1:
                    if utils.check(check_id, result, **kw).ok:
                        passing.append(f"{module.__name__}.{name}")
                        break
    return passing


def hint_names_not_assigned(lesson: str, notebook: str) -> list[tuple[str, str]]:
    """The (name, hint) pairs where a hint of a lesson names in backticks a variable its notebook never assigns."""
    import ast
    import json

    nb = json.loads((Path(__file__).parents[2] / "notebooks" / notebook).read_text(encoding="utf-8"))
    assigned = set()
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for node in ast.walk(ast.parse("".join(cell["source"]))):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    assigned.add(node.id)
    exercises = importlib.import_module(f"utils.exercises.lesson{lesson}")._EXERCISES
    return [
        (name, hint)
        for exercise in exercises.values()
        for hint in (exercise.hint, *(h for m in exercise.mistakes for h in m.hints()))
        for name in re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", hint)
        if name not in assigned
    ]


def calls_shown_before_check(check_id: str, notebook: str, call: str) -> list[int]:
    """The indices of the code cells before the first ``utils.check(check_id, ...)`` that contain ``call``."""
    import json

    nb = json.loads((Path(__file__).parents[2] / "notebooks" / notebook).read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    first_check = next((i for i, s in enumerate(sources) if f'utils.check("{check_id}"' in s), None)
    assert first_check is not None, f"{notebook} has no utils.check({check_id!r}, ...) cell"
    return [i for i, s in enumerate(sources[:first_check]) if call in s]
