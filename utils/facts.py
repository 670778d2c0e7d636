"""Sourced facts: every number a lesson states, with its citation.

The table lives in ``data/facts.ecsv`` (one row per fact: id, kind, value,
unit, uncertainty, status, source title and URL, note).  :func:`fact`
turns a row into a ready-to-use object that *carries its source*:

* ``kind == "quantity"`` -> :class:`astropy.units.Quantity`
* ``kind == "time"``     -> :class:`astropy.time.Time` (UTC)
* ``kind == "text"``     -> :class:`FactText` (a ``str``)

The citation sits in ``obj.info.meta`` (keys ``id``, ``source_title``,
``source_url``, ``note``, ``status``, ``uncertainty``) and a one-line
``"Source: title, URL"`` in ``obj.info.description``.  Arithmetic on a
Quantity does not copy ``info``, so a derived number never pretends to have
the source of its inputs.

Examples
--------
>>> from utils.facts import fact, cite
>>> thrust = fact("dawn.thrust")
>>> thrust
<Quantity 90. mN>
>>> thrust.info.meta["source_url"]
'https://dawn.jpl.nasa.gov/mission/ion_prop.html'
>>> cite("dawn.thrust")
'NASA/JPL Dawn mission site: Ion propulsion, https://dawn.jpl.nasa.gov/mission/ion_prop.html'
"""

from __future__ import annotations

import difflib
import functools
import os
from typing import TYPE_CHECKING, Any

from .data import DataFileError, _cached_ecsv, _split_ecsv_rows, data_path, restore_hint
from .data import data_dir as _data_dir

if TYPE_CHECKING:  # pragma: no cover
    from astropy.table import Table

__all__ = [
    "fact",
    "cite",
    "facts_table",
    "fact_ids",
    "uncertainty",
    "FactText",
    "UnknownFactError",
    "KINDS",
    "STATUSES",
]

FILE = "facts.ecsv"
KINDS = ("quantity", "time", "text")
STATUSES = ("sourced", "derived", "secondary", "uncertain")

# the table and an {id: row index} are cached by utils.data (shared, read-only here: facts_table copies)


class UnknownFactError(KeyError, ValueError):
    """No fact has this id (a ``KeyError`` and a ``ValueError``); the message lists close matches."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""

    def _render_traceback_(self) -> list[str]:
        # in Jupyter, IPython shows only the message (the chain of calls into this module would hide it);
        # %tb still prints the full traceback
        return [f"{type(self).__name__}: {self}", "(%tb shows the full traceback)"]


class _TextInfo:
    """Minimal ``info`` holder so text facts look like Quantity/Time ones."""

    def __init__(self, meta: dict[str, Any], description: str):
        self.meta = meta
        self.description = description


class FactText(str):
    """A text fact: a ``str`` that also carries ``.info.meta`` (its source).

    Examples
    --------
    >>> from utils.facts import fact
    >>> f = fact("fc.filters")
    >>> isinstance(f, str), f.info.meta["id"]
    (True, 'fc.filters')
    """

    info: _TextInfo

    def __new__(cls, value: str, meta: dict[str, Any], description: str):
        for name, given, kind in (("value", value, str), ("meta", meta, dict), ("description", description, str)):
            if not isinstance(given, kind):
                raise TypeError(f"{name} must be a {kind.__name__}; got {type(given).__name__}")
        obj = super().__new__(cls, value)
        obj.info = _TextInfo(meta, description)
        return obj

    def __reduce__(self):
        # pickled (e.g. a check's recorded inputs) with its source, rebuilt through __new__
        return (type(self), (str(self), dict(self.info.meta), self.info.description))


def _prepare(table):
    if table.has_masked_values or table.masked:
        table = table.filled("")  # empty ECSV strings read back as masked
    index = {str(i): k for k, i in enumerate(table["id"])}
    return table, index


def _load(data_dir: str | os.PathLike | None = None):
    return _cached_ecsv(FILE, data_dir, prepare=_prepare)


#: The columns of data/facts.ecsv, all text.
_COLUMNS = ("id", "kind", "value", "unit", "uncertainty", "status", "source_title", "source_url", "note")

# parsed rows, keyed by (resolved path, mtime_ns, size) as utils.data keys its tables
_ROWS_CACHE: dict[tuple, tuple[list[dict[str, str]], dict[str, int]] | None] = {}


def _plain_rows(lines: list[str]) -> list[dict[str, str]] | None:
    """The rows of the facts table's ECSV text, split as astropy's ECSV reader splits them.

    Every column is text, so no type conversion is needed: each cell is the
    text astropy reads (a quoted, space-delimited field, stripped of blanks),
    and an empty cell is ``""`` (astropy reads it as masked; ``_prepare``
    fills it with ``""``).  ``None`` when the file is not the plain all-text
    table with the columns :data:`_COLUMNS` that this expects (then the caller
    reads it with astropy, which reports what is wrong).
    """
    header = [x for x in lines if x.lstrip().startswith("#")]
    declared = [x for x in header if x.lstrip("# ").startswith("- {name:")]
    expected = [f"- {{name: {c}, datatype: string}}" for c in _COLUMNS]
    if not header or header[0].strip() != "# %ECSV 1.0" or [x.lstrip("# ").strip() for x in declared] != expected:
        return None
    split = _split_ecsv_rows([x.strip() for x in lines if x.strip() and not x.lstrip().startswith("#")])
    if split is None:
        return None
    rows = [[v.strip(" \t") for v in vals] for vals in split]
    if rows[0] != list(_COLUMNS):
        return None
    return [dict(zip(_COLUMNS, r, strict=True)) for r in rows[1:]]


def _rows(data_dir: str | os.PathLike | None = None) -> tuple[list[dict[str, str]] | Any, dict[str, int]]:
    """The facts table's rows (each a mapping of column to text) and an {id: row index}.

    Read without astropy's table machinery when the file is the plain text
    table it should be (a lesson that only looks facts up does not pay for
    importing ``astropy.table`` and its ECSV reader); the cells are the same
    text :func:`facts_table` holds.  Anything else goes through astropy's
    reader, with its checks and messages.
    """
    path = data_path(FILE, data_dir)  # verified against the manifest
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    if key not in _ROWS_CACHE:
        try:
            rows = _plain_rows(path.read_text(encoding="utf-8").splitlines())
        except UnicodeDecodeError:
            rows = None
        for old in [k for k in _ROWS_CACHE if k[0] == key[0]]:
            del _ROWS_CACHE[old]  # an older version of the same file
        # None: not the plain table, read by astropy (on every call: its own cache keeps the table)
        _ROWS_CACHE[key] = None if rows is None else (rows, {r["id"]: k for k, r in enumerate(rows)})
    hit = _ROWS_CACHE[key]  # the index as _prepare's (a repeated id: the last row)
    return _load(data_dir) if hit is None else hit


def fact_ids(data_dir: str | os.PathLike | None = None) -> list[str]:
    """All fact ids, in table order.

    Examples
    --------
    >>> from utils.facts import fact_ids
    >>> "ceres.gm" in fact_ids()
    True
    """
    return list(_rows(data_dir)[1])


def _row(fact_id: str, data_dir=None, caller: str = "fact"):
    if not isinstance(fact_id, str):
        raise TypeError(f"fact_id must be a string such as 'ceres.gm', got {type(fact_id).__name__}")
    table, index = _rows(data_dir)
    if fact_id not in index:
        # an id typed with capitals ("ceres.orbit_LAMO_altitude") is matched in lower case first
        close = difflib.get_close_matches(fact_id.lower(), list(index), n=5, cutoff=0.5)
        prefix = fact_id.split(".")[0] + "."
        same_group = [i for i in index if i.startswith(prefix)][:8]
        hint = close or same_group
        msg = f"unknown fact_id {fact_id!r}"
        msg += f"; did you mean: {', '.join(hint)}?" if hint else "; see utils.facts.fact_ids()"
        if fact_id.lower() in index:
            msg += " (ids are in lower case)"
        elif "." not in fact_id and fact_id.isidentifier():
            # a variable's name in quotes, fact("end_id"), in place of the id the variable holds
            msg += f"; if {fact_id} is a variable that holds a fact id, write {caller}({fact_id}) without quotes"
        raise UnknownFactError(msg)
    return table[index[fact_id]]


@functools.lru_cache(maxsize=256)
def _unit(text: str):
    """Parse a unit string; imperial units (``mi``) are allowed for news numbers.

    Each text is parsed once (units are immutable): enabling the imperial
    units copies astropy's whole unit registry, on every call.
    """
    import astropy.units as u
    from astropy.units import imperial

    with imperial.enable():
        return u.Unit(text)


def _bad_cell(row, column: str, exc: Exception, data_dir=None) -> DataFileError:
    """A short error naming the file, the fact and the column whose text cannot be read."""
    path = _data_dir(data_dir) / FILE
    return DataFileError(
        f"{path}: fact {str(row['id'])!r} has a bad {column!r} entry {str(row[column])!r} ({exc}); "
        f"the file was edited by hand: fix that cell, or {restore_hint(FILE)}, then run "
        "`python3 scripts/make_manifest.py`"
    )


def _parse(row, column: str, parse, data_dir=None):
    try:
        return parse()
    except (ValueError, TypeError) as exc:
        raise _bad_cell(row, column, exc, data_dir) from None


def _meta(row) -> dict[str, Any]:
    return {
        "id": str(row["id"]),
        "kind": str(row["kind"]),
        "status": str(row["status"]),
        "source_title": str(row["source_title"]),
        "source_url": str(row["source_url"]),
        "note": str(row["note"]),
        "uncertainty": str(row["uncertainty"]),
    }


def fact(fact_id: str, data_dir: str | os.PathLike | None = None):
    """Return the value of fact ``fact_id`` carrying its citation.

    Parameters
    ----------
    fact_id : str
        Identifier such as ``"ceres.gm"`` or ``"dawn.launch"``.
    data_dir : path-like, optional
        Data directory (default: see :func:`utils.data.data_dir`).

    Returns
    -------
    astropy.units.Quantity or astropy.time.Time or FactText
        ``.info.meta`` holds id, status, source_title, source_url, note and
        uncertainty; ``.info.description`` is ``"Source: title, URL"``.

    Raises
    ------
    KeyError
        Unknown id; the message lists close matches.
    DataFileError
        ``data/facts.ecsv`` is missing or corrupted.

    Examples
    --------
    >>> from utils.facts import fact
    >>> fact("ceres.gm").to("km3 / s2")
    <Quantity 62.6284 km3 / s2>
    >>> fact("dawn.launch").isot
    '2007-09-27T11:34:00.000'
    """
    row = _row(fact_id, data_dir)
    meta = _meta(row)
    description = f"Source: {meta['source_title']}, {meta['source_url']}"
    kind = meta["kind"]
    value = str(row["value"])
    if kind == "quantity":
        import astropy.units as u

        number = _parse(row, "value", lambda: float(value), data_dir)
        obj = u.Quantity(number, _parse(row, "unit", lambda: _unit(str(row["unit"])), data_dir))
    elif kind == "time":
        from astropy.time import Time

        obj = _parse(row, "value", lambda: Time(value, scale="utc"), data_dir)
    elif kind == "text":
        return FactText(value, meta, description)
    else:  # guarded by the data tests
        raise DataFileError(f"fact {fact_id!r} has unknown kind {kind!r}; expected one of {KINDS}")
    obj.info.meta = meta
    obj.info.description = description
    return obj


def uncertainty(fact_id: str, data_dir: str | os.PathLike | None = None):
    """The stated uncertainty of a fact as a Quantity, or ``None``.

    Examples
    --------
    >>> from utils.facts import uncertainty
    >>> uncertainty("ceres.density")
    <Quantity 0.008 g / cm3>
    >>> uncertainty("dawn.thrust") is None
    True
    """
    import astropy.units as u

    row = _row(fact_id, data_dir, caller="uncertainty")
    text = str(row["uncertainty"]).strip()
    if not text:
        return None
    if row["kind"] == "time":
        return _parse(row, "uncertainty", lambda: u.Quantity(text), data_dir)
    return u.Quantity(
        _parse(row, "uncertainty", lambda: float(text), data_dir),
        _parse(row, "unit", lambda: _unit(str(row["unit"])), data_dir),
    )


def cite(fact_id: str, data_dir: str | os.PathLike | None = None) -> str:
    """``"title, URL"`` of the source of a fact.

    Examples
    --------
    >>> from utils.facts import cite
    >>> cite("fc.ifov").endswith("https://elib.dlr.de/73846/")
    True
    """
    row = _row(fact_id, data_dir, caller="cite")
    return f"{row['source_title']}, {row['source_url']}"


def facts_table(prefix: str | None = None, data_dir: str | os.PathLike | None = None) -> Table:
    """The facts table (a copy), optionally only ids starting with ``prefix``.

    Examples
    --------
    >>> from utils.facts import facts_table
    >>> t = facts_table("occator.")
    >>> all(i.startswith("occator.") for i in t["id"])
    True
    """
    table = _load(data_dir)[0]
    if prefix is not None:
        if not isinstance(prefix, str):
            raise TypeError("prefix must be a string such as 'ceres.'")
        mask = [str(i).startswith(prefix) for i in table["id"]]
        if not any(mask):
            groups = sorted({str(i).split(".")[0] + "." for i in table["id"]})
            raise UnknownFactError(f"no fact id starts with prefix {prefix!r}; groups: {', '.join(groups)}")
        return table[mask].copy()
    return table.copy()
