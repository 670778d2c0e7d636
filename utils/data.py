"""Data files shipped in ``data/``: location, integrity checks and loaders.

Every file in ``data/`` is listed with its SHA-256 checksum in
``data/MANIFEST.sha256``.  Loaders call :func:`verify_file` first, so a
missing or damaged file stops with a :class:`DataFileError` that names
the file and says how to restore it, instead of a confusing traceback
deep inside a parser.

The data directory is ``data/`` beside the ``utils`` package; set the
environment variable ``BRIGHT_SPOTS_DATA`` (or pass ``data_dir=``) to use
another copy.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from astropy.table import QTable

__all__ = [
    "DataError",
    "DataFileError",
    "data_dir",
    "data_path",
    "read_manifest",
    "verify_file",
    "load_catalogue",
    "read_ecsv",
    "REBUILD",
    "CHECK_ONLY",
]

ENV_VAR = "BRIGHT_SPOTS_DATA"
MANIFEST = "MANIFEST.sha256"
#: Data files read only by a self-check (answer keys): graded hand-outs, whose checks judge only the form
#: of an answer, leave them out of their ``data/`` and of its manifest.
CHECK_ONLY = ("news_claims_key.ecsv",)

#: How to rebuild each generated file (shown in error messages).
REBUILD = {
    "asteroids.ecsv": "python3 scripts/build_catalogue.py --input .../asteroids.dat (see data/README.md)",
    "facts.ecsv": "edit data/facts.ecsv by hand (it is the source), then python3 scripts/make_manifest.py",
    "planets_de421_2000_2030.bsp": "python3 scripts/build_ephemeris.py (see data/README.md)",
    "sb441_ceres_vesta_2000_2030.bsp": "python3 scripts/build_ephemeris.py (see data/README.md)",
}

# (resolved path, mtime_ns, size) -> sha256 already verified in this process
_VERIFIED: dict[tuple[str, int, int], str] = {}


class DataError(Exception):
    """A problem with a data file of ``data/``, told in a short message.

    The message names the file (and the row and column when one value is
    wrong) and says how to restore it.  In Jupyter, IPython shows only that
    message (through :meth:`_render_traceback_`) instead of a long traceback
    through the loading code, which would hide the one line that matters.
    ``%tb`` still prints the full traceback for whoever needs it.
    """

    def _render_traceback_(self) -> list[str]:
        return [
            f"{type(self).__name__}: {self}",
            "(a problem with the course's data files, not with your code; %tb shows the full traceback)",
        ]


class DataFileError(DataError, OSError):
    """A data file is missing, unlisted, does not match its checksum or holds a bad value."""


def data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """Return the data directory.

    Parameters
    ----------
    data_dir : path-like, optional
        Explicit directory.  Default: ``$BRIGHT_SPOTS_DATA`` if set, else the
        ``data/`` folder of the repository.

    Examples
    --------
    >>> from utils.data import data_dir
    >>> (data_dir() / "MANIFEST.sha256").name
    'MANIFEST.sha256'
    """
    if data_dir is not None:
        path = _path_like(data_dir, "data_dir")
        if not path.is_dir():
            what = "is a file, not a directory" if path.exists() else "is missing (no such directory)"
            raise DataFileError(f"data_dir {str(path)!r} {what}; leave data_dir out to use the course's data/")
        return path
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return _repository_data()


@functools.lru_cache(maxsize=1)
def _repository_data() -> Path:
    """The ``data/`` folder of the repository (this file's place does not change: resolved once)."""
    return Path(__file__).resolve().parents[1] / "data"


def _path_like(value: Any, name: str) -> Path:
    # utils.units.path_like without importing astropy (this module stays light)
    if isinstance(value, bytes) or not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{name} must be a path (a string or pathlib.Path); got {value!r} ({type(value).__name__}).")
    if isinstance(value, str) and (not value.strip() or "\x00" in value):
        raise ValueError(f"{name} must be a path; got {value!r}.")
    return Path(value)


def restore_hint(name: str) -> str:
    """How to get back a good copy of data file ``name`` (for error messages)."""
    hint = f"restore it with `git checkout -- data/{name}`"
    if name in REBUILD:
        hint += f" or rebuild it with `{REBUILD[name]}`"
    return hint


def read_manifest(data_dir_: str | os.PathLike | None = None) -> dict[str, str]:
    """Read ``MANIFEST.sha256`` into ``{file name: sha256 hex digest}``, less the answer keys (:data:`CHECK_ONLY`).

    Examples
    --------
    >>> from utils.data import read_manifest
    >>> "asteroids.ecsv" in read_manifest()
    True
    """
    return {name: digest for name, digest in _read_manifest(data_dir_).items() if name not in CHECK_ONLY}


def _read_manifest(data_dir_: str | os.PathLike | None = None) -> dict[str, str]:
    """Every line of ``MANIFEST.sha256``, answer keys included (for verifying files)."""
    path = data_dir(data_dir_) / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataFileError(f"data manifest {path} is not text; {restore_hint(MANIFEST)}") from None
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        raise DataFileError(
            f"data manifest {path} is missing; {restore_hint(MANIFEST)} "
            "or regenerate it with `python3 scripts/make_manifest.py`"
        ) from None
    out = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            digest, name = line.split(None, 1)
        except ValueError:
            raise DataFileError(f"{path}:{lineno}: malformed line {line!r}") from None
        out[name.lstrip("*").strip()] = digest.lower()
    return out


def data_path(name: str, data_dir_: str | os.PathLike | None = None, verify: bool = True) -> Path:
    """Path of data file ``name``, verified against the manifest.

    Parameters
    ----------
    name : str
        File name inside the data directory, e.g. ``"asteroids.ecsv"``.
    data_dir_ : path-like, optional
        Data directory (see :func:`data_dir`).
    verify : bool
        Check the SHA-256 checksum (cached per path, mtime and size).

    Raises
    ------
    DataFileError
        If the file is missing, not in the manifest or corrupted.

    Examples
    --------
    >>> from utils.data import data_path
    >>> data_path("asteroids.ecsv").name
    'asteroids.ecsv'
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a file name in data/ such as 'facts.ecsv'; got {name!r}")
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise ValueError(f"name must be a plain file name in data/, got {name!r}")
    if not isinstance(verify, bool):
        raise TypeError(f"verify must be True or False; got {verify!r}")
    path = data_dir(data_dir_) / name
    if not path.exists():
        raise DataFileError(f"data file {path} is missing (asked for by name {name!r}); {restore_hint(name)}")
    if verify:
        verify_file(path)
    return path


def verify_file(path: str | os.PathLike) -> Path:
    """Check one data file against ``MANIFEST.sha256`` in its directory.

    The result is cached for the process, keyed by path, modification time
    and size, and so is the manifest (keyed by its own modification time and
    size): a repeated check of an unchanged file costs two ``stat`` calls,
    the file's and the manifest's, and reads neither.

    Raises
    ------
    DataFileError
        Missing file, file absent from the manifest, or checksum mismatch.

    Examples
    --------
    >>> from utils.data import verify_file, data_dir
    >>> verify_file(data_dir() / "facts.ecsv").name
    'facts.ecsv'
    """
    path = _path_like(path, "path")
    name = path.name
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise DataFileError(f"data file {path} is missing (no such path); {restore_hint(name)}") from None
    if not path.is_file():
        raise DataFileError(f"data file {path} is not a regular file; {restore_hint(name)}")
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    expected = _manifest(path.parent).get(name)
    if expected is None:
        raise DataFileError(
            f"data file {path} is not listed in {path.parent / MANIFEST}; "
            "run `python3 scripts/make_manifest.py` after adding a data file"
        )
    if _VERIFIED.get(key) == expected:
        return path
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    if h.hexdigest() != expected:
        raise DataFileError(
            f"data file {path} is corrupted (SHA-256 {h.hexdigest()[:12]}... does not match "
            f"the manifest's {expected[:12]}...); {restore_hint(name)}"
        )
    _VERIFIED[key] = expected
    return path


# manifests already read: resolved directory -> ((mtime_ns, size) of MANIFEST.sha256, its entries)
_MANIFESTS: dict[str, tuple[tuple[int, int], dict[str, str]]] = {}


def _manifest(folder: Path) -> dict[str, str]:
    """``read_manifest(folder)``, read again only when MANIFEST.sha256 changes (the caller must not modify it)."""
    try:
        st = (folder / MANIFEST).stat()
    except OSError:
        return _read_manifest(folder)  # raises the DataFileError that says how to restore it
    stamp = (st.st_mtime_ns, st.st_size)
    hit = _MANIFESTS.get(str(folder.resolve()))
    if hit is not None and hit[0] == stamp:
        return hit[1]
    entries = _read_manifest(folder)
    _MANIFESTS[str(folder.resolve())] = (stamp, entries)
    return entries


# loaded tables, keyed like _VERIFIED (the file cannot change under a key)
_TABLE_CACHE: dict[tuple, Any] = {}


def read_ecsv(
    name: str,
    data_dir_: str | os.PathLike | None = None,
    *,
    qtable: bool = False,
    prepare: Callable[[Any], Any] | None = None,
) -> Any:
    """Read a verified ECSV file of ``data/``; every call returns its own copy.

    The file's checksum is verified first (see :func:`data_path`), and the
    table is parsed only when the file changes: the parsed table is cached
    and each call gets a copy of it, so a caller may change what it gets
    without changing what the next caller reads.

    Parameters
    ----------
    name, data_dir_
        The file, as for :func:`data_path` (its checksum is always verified).
    qtable : bool
        Read as an astropy ``QTable`` (columns with units become Quantities)
        instead of a ``Table``.
    prepare : callable, optional
        Applied once to the freshly read table; its result is what is cached
        and copied for each call (for example the table with an index).

    Raises
    ------
    DataFileError
        If the file is missing, corrupted or cannot be parsed.

    Examples
    --------
    >>> from utils.data import read_ecsv
    >>> len(read_ecsv("facts.ecsv")) > 100
    True
    >>> read_ecsv("facts.ecsv").remove_rows(slice(None))   # changes this copy only
    >>> len(read_ecsv("facts.ecsv")) > 100
    True
    """
    if name in CHECK_ONLY:
        raise ValueError(
            f"data/{name} is an answer key that only the self-checks read; the lesson's own tables are read by "
            "its functions (for lesson 08's claims, utils.factcheck.load_claims())"
        )
    return _copy(_cached_ecsv(name, data_dir_, qtable=qtable, prepare=prepare))


def _copy(obj: Any) -> Any:
    """A copy of a cached table (or of what ``prepare`` made of it) that shares no data with it."""
    from astropy.table import Table

    if isinstance(obj, Table):
        return obj.copy(copy_data=True)
    import copy

    return copy.deepcopy(obj)


def _cached_ecsv(
    name: str,
    data_dir_: str | os.PathLike | None = None,
    *,
    qtable: bool = False,
    prepare: Callable[[Any], Any] | None = None,
) -> Any:
    """:func:`read_ecsv` without the copy: the shared cached object, for this package's read-only lookups
    (answer keys included: the self-checks read them here)."""
    if not isinstance(qtable, bool):
        raise TypeError(f"qtable must be True or False; got {qtable!r}")
    if prepare is not None and not callable(prepare):
        raise TypeError(f"prepare must be a function of the table (or None); got {prepare!r}")
    path = data_path(name, data_dir_)
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size, qtable, prepare)
    hit = _TABLE_CACHE.get(key)
    if hit is None:
        from astropy.table import QTable, Table

        try:
            table = _plain_ecsv(path, QTable if qtable else Table)
            if table is None:
                table = (QTable if qtable else Table).read(path, format="ascii.ecsv")
        except Exception as exc:  # checksum matched, so this is a code/version problem
            raise DataFileError(f"could not parse {path} as ECSV ({exc}); {restore_hint(name)}") from exc
        hit = prepare(table) if prepare is not None else table
        for old in [k for k in _TABLE_CACHE if k[0] == key[0] and k[3:] == key[3:]]:
            del _TABLE_CACHE[old]  # an older version of the same file
        _TABLE_CACHE[key] = hit
    return hit


def load_catalogue(data_dir_: str | os.PathLike | None = None) -> QTable:
    """Load the JPL SBDB asteroid catalogue (7,099 objects with H <= 12).

    Each call returns a fresh copy, so a lesson may add or change columns
    freely.  The file's checksum is verified first.

    Parameters
    ----------
    data_dir_ : path-like, optional
        Data directory (see :func:`data_dir`).

    Returns
    -------
    astropy.table.QTable
        One row per object, sorted by number (unnumbered objects last).
        Columns: ``number`` (masked if unnumbered), ``name``,
        ``designation``, ``class`` (SBDB orbit class code), ``neo``, ``H``
        [mag], ``diameter`` [km], ``albedo``, ``rot_per`` [h] (these three
        masked where unknown), ``epoch_mjd`` [d], ``a`` [AU], ``e``, ``i``,
        ``om``, ``w``, ``ma`` [deg], ``q`` [AU], ``per`` [yr], ``moid``
        [AU].  ``table.meta`` holds the provenance and credit.

    Raises
    ------
    DataFileError
        If ``asteroids.ecsv`` is missing or corrupted.

    Examples
    --------
    >>> from utils.data import load_catalogue
    >>> cat = load_catalogue()
    >>> row = cat[cat["name"] == "Ceres"][0]
    >>> round(float(row["a"].to_value("AU")), 2)
    2.77
    """
    return read_ecsv("asteroids.ecsv", data_dir_, qtable=True)


# --- a plain reader for the simple ECSV files of data/ -------------------------------------------
# astropy's ECSV reader parses the YAML header with astropy.io.misc.yaml's loader, whose import pulls
# in astropy.coordinates, and splits and converts the rows in pure Python.  The files of data/ use a
# small part of ECSV 1.0 (space-delimited scalar columns of a few types, plain YAML meta); for those,
# _plain_ecsv builds the same Table/QTable from PyYAML's safe loader, the csv module and numpy.  Any
# other header (tags, serialized mixin columns, subtypes, column meta, another delimiter) or any
# value it cannot convert returns None and the file goes to astropy's reader.

_PLAIN_TYPES = {"int64": "int64", "float64": "float64", "bool": "bool", "string": "str"}
_PLAIN_COLUMN_KEYS = {"name", "datatype", "unit", "format", "description"}


def _yaml_loader() -> Any:
    """PyYAML's safe loader with ``!!omap`` read as a dict in file order, as astropy's ECSV loader does."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def omap(loader: Any, node: Any) -> Any:
        out: dict = {}
        yield out
        if not isinstance(node, yaml.SequenceNode):
            raise yaml.constructor.ConstructorError(None, None, "!!omap: expected a sequence", node.start_mark)
        for sub in node.value:
            if not isinstance(sub, yaml.MappingNode) or len(sub.value) != 1:
                raise yaml.constructor.ConstructorError(None, None, "!!omap: expected one-item maps", sub.start_mark)
            key, value = sub.value[0]
            out[loader.construct_object(key)] = loader.construct_object(value)

    Loader.add_constructor("tag:yaml.org,2002:omap", omap)
    return Loader


def _split_ecsv_rows(body: list[str]) -> list[list[str]] | None:
    """Split the data lines of an ECSV file into cells, as astropy's ECSV reader does.

    ``body`` holds the non-blank, non-comment lines, stripped.  Cells are
    space-delimited, a value with blanks is double-quoted (``""`` inside it is
    a quote), and blanks after a delimiter are skipped; the cells are returned
    as split (a caller strips where astropy strips).  ``None`` when this
    splitting could differ from astropy's: a quoted value running over a line
    end, rows of different lengths, no rows, or text the csv module rejects.
    """
    import csv

    try:
        rows = list(csv.reader(body, delimiter=" ", quotechar='"', doublequote=True, skipinitialspace=True))
    except csv.Error:
        return None
    if not rows or len(rows) != len(body) or any(len(row) != len(rows[0]) for row in rows):
        return None
    return rows


def _plain_ecsv(path: Path, table_cls: type) -> Any:
    """The table astropy's ECSV reader makes of ``path``, or None if the file is outside what this reader supports."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None
    lines = text.splitlines()
    nhead = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    head = [line[2:] for line in lines[:nhead]]
    body = [line.strip() for line in lines[nhead:] if line.strip()]
    if (
        len(head) < 2
        or head[0] != "%ECSV 1.0"
        or head[1] != "---"
        or "\t" in text
        # astropy strips and drops blank header lines and skips comments among the rows: not done here
        or any(not line.startswith("# ") or line != line.rstrip() for line in lines[:nhead])
        or any(line.startswith("#") for line in body)
    ):
        return None
    try:
        header = yaml.load("\n".join(head[2:]), Loader=_yaml_loader())  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError:
        return None  # e.g. an astropy tag such as !astropy.units.Unit
    if (
        not isinstance(header, dict)
        or not set(header) <= {"datatype", "meta", "schema"}
        or header.get("schema") != "astropy-2.0"
        or not isinstance(header.get("datatype"), list)
        or not isinstance(header.get("meta", {}), dict)
        or any(str(key).startswith("__") for key in header.get("meta", {}))
    ):
        return None
    columns = header["datatype"]
    for col in columns:
        if (
            not isinstance(col, dict)
            or not set(col) <= _PLAIN_COLUMN_KEYS
            or col.get("datatype") not in _PLAIN_TYPES
            or not isinstance(col.get("name"), str)
        ):
            return None
    names = [col["name"] for col in columns]
    if len(set(names)) != len(names):
        return None
    rows = _split_ecsv_rows(body)
    if rows is None or [v.strip(" \t") for v in rows[0]] != names:
        return None
    import numpy as np

    data = []
    cells = list(zip(*rows[1:], strict=True)) if len(rows) > 1 else [()] * len(names)  # column by column
    for col, vals in zip(columns, cells, strict=True):
        if col["datatype"] == "string":  # blanks around a quoted value do not count
            vals = [v.strip(" \t") for v in vals]
        mask = np.array([v == "" for v in vals], dtype=bool)  # blank: masked, with "0" under it as astropy has
        if mask.any():
            vals = ["0" if v == "" else v for v in vals]
        try:
            if col["datatype"] == "bool":
                cells = np.array(vals, dtype=str)
                values = (cells == "True") | (cells == "1")
                if not np.all(values | (cells == "False") | (cells == "0")):
                    return None
            else:  # astropy's own conversion (a quoted number with blanks around it: the same value, or astropy)
                values = np.array(vals, dtype=_PLAIN_TYPES[col["datatype"]])
        except (ValueError, OverflowError):
            return None
        data.append(np.ma.MaskedArray(values, mask=mask) if mask.any() else values)
    from astropy.table import Table

    meta: dict = {}
    meta.update(header.get("meta", {}))
    table = Table(data, names=names, meta=meta)
    for col, out in zip(columns, table.columns.values(), strict=True):
        for attr in ("format", "unit", "description"):
            if attr in col:
                setattr(out, attr, col[attr])
    return table if isinstance(table, table_cls) else table_cls(table, copy=False)
