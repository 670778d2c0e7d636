"""Data that survives the real world: line-ending conversion, hand edits, short error messages."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import utils.data as D
from utils.data import DataError, DataFileError
from utils.facts import fact, uncertainty

ROOT = Path(__file__).resolve().parents[1]


def _make_manifest():
    spec = importlib.util.spec_from_file_location("make_manifest", ROOT / "scripts" / "make_manifest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(D.data_dir(), target)
    return target


def _edit_fact(data: Path, fact_id: str, column: str, new: str) -> str:
    """Replace one cell of facts.ecsv (as an instructor would by hand) and regenerate the manifest."""
    from astropy.table import Table

    path = data / "facts.ecsv"
    table = Table.read(path, format="ascii.ecsv")
    row = table[list(table["id"]).index(fact_id)]
    old = str(row[column])
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    hits = [k for k, line in enumerate(lines) if line.startswith(fact_id + " ") and old in line]
    assert len(hits) == 1, f"expected one data line for {fact_id}, found {len(hits)}"
    lines[hits[0]] = lines[hits[0]].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")
    (data / D.MANIFEST).write_text(_make_manifest().manifest_text(data), encoding="utf-8")
    return old


def test_gitattributes_keep_data_and_notebooks_byte_exact():
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    files = [
        "data/facts.ecsv",
        "data/MANIFEST.sha256",
        "data/asteroids.ecsv",
        "data/planets_de421_2000_2030.bsp",
        "notebooks/00-start-here.ipynb",
    ]
    out = subprocess.run(
        [git, "check-attr", "text", "eol", "--", *files], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    attrs = {}
    for line in out.splitlines():
        path, attr, value = (part.strip() for part in line.split(":"))
        attrs[(path, attr)] = value
    for path in files[:-1]:
        assert attrs[(path, "text")] == "unset", f"{path} must be -text (byte-exact), got {attrs[(path, 'text')]}"
    assert attrs[("notebooks/00-start-here.ipynb", "text")] == "set"
    assert attrs[("notebooks/00-start-here.ipynb", "eol")] == "lf"


def test_clone_with_autocrlf_passes_the_checksums(tmp_path):
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    clone = tmp_path / "clone"
    subprocess.run(
        [git, "-c", "core.autocrlf=true", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    # the clone must really convert text: a committed Python file comes out with CRLF ...
    assert b"\r\n" in (clone / "utils" / "units.py").read_bytes()
    # ... while every data file matches its checksum and the notebooks keep LF
    manifest = D._read_manifest(clone / "data")
    assert len(manifest) >= 6
    for name in manifest:
        D.verify_file(clone / "data" / name)
    for nb in (clone / "notebooks").glob("*.ipynb"):
        assert b"\r\n" not in nb.read_bytes(), f"{nb.name} was checked out with CRLF"
    assert fact("ceres.gm", data_dir=clone / "data").unit.is_equivalent("km3 / s2")


def test_typo_in_a_fact_names_file_fact_column_and_the_fix(tmp_path):
    data = _copy_data(tmp_path)
    old = _edit_fact(data, "ceres.gm", "value", "abc")
    assert old != "abc"
    with pytest.raises(DataFileError) as info:
        fact("ceres.gm", data_dir=data)
    msg = str(info.value)
    for part in ("facts.ecsv", "'ceres.gm'", "'value'", "'abc'", "git checkout -- data/facts.ecsv"):
        assert part in msg, f"{part!r} missing from: {msg}"
    assert "could not convert" in msg  # the parser's own words, kept as the detail
    # the other facts still load
    assert fact("dawn.thrust", data_dir=data).unit == "mN"


def test_bad_unit_and_uncertainty_cells_are_named(tmp_path):
    data = _copy_data(tmp_path)
    _edit_fact(data, "ceres.density", "uncertainty", "0.0x8")
    with pytest.raises(DataFileError, match=r"'ceres\.density' has a bad 'uncertainty' entry '0\.0x8'"):
        uncertainty("ceres.density", data_dir=data)
    _edit_fact(data, "dawn.thrust", "unit", "milliNewtonz")
    with pytest.raises(DataFileError, match=r"'dawn\.thrust' has a bad 'unit' entry 'milliNewtonz'"):
        fact("dawn.thrust", data_dir=data)


def test_a_lesson_loader_reports_the_typo_not_a_parser_traceback(tmp_path, monkeypatch):
    """Lesson 04 reads Ceres' mass and radius through fact(); the typo surfaces as one DataFileError."""
    import utils.mission as mission

    data = _copy_data(tmp_path)
    _edit_fact(data, "dawn.launch", "value", "2007-13-45T99:00")
    monkeypatch.setenv(D.ENV_VAR, str(data))
    with pytest.raises(DataFileError, match=r"fact 'dawn\.launch' has a bad 'value' entry"):
        mission.timeline()


def test_corrupted_copy_says_how_to_restore(tmp_path):
    data = _copy_data(tmp_path)
    path = data / "facts.ecsv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # what autocrlf would do
    with pytest.raises(DataFileError, match=r"corrupted.*git checkout -- data/facts\.ecsv"):
        fact("ceres.gm", data_dir=data)


def test_data_errors_render_short_in_ipython(tmp_path):
    data = _copy_data(tmp_path)
    _edit_fact(data, "ceres.gm", "value", "abc")
    err = DataFileError("x")
    assert isinstance(err, DataError) and isinstance(err, OSError)
    lines = err._render_traceback_()
    assert lines[0] == "DataFileError: x" and len(lines) <= 3
    pytest.importorskip("IPython")
    code = f"import utils; utils.fact('ceres.gm', data_dir={str(data)!r})"
    proc = subprocess.run(
        [sys.executable, "-m", "IPython", "--colors=NoColor", "--no-banner", "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    shown = (proc.stdout + proc.stderr).strip().splitlines()
    assert any("has a bad 'value' entry 'abc'" in line for line in shown), shown
    assert not any("Traceback" in line or "File " in line for line in shown), shown
    assert len(shown) <= 4, shown


def test_bad_data_dir_values_are_clear(tmp_path):
    for bad in (5, object(), b"data", ["data"]):
        with pytest.raises(TypeError, match="data_dir"):
            D.data_dir(bad)
    with pytest.raises(DataFileError, match="missing"):
        fact("ceres.gm", data_dir=tmp_path / "nowhere")
    (tmp_path / "file").write_text("x")
    with pytest.raises(DataFileError):
        fact("ceres.gm", data_dir=tmp_path / "file")
