"""Data integrity and the asteroid catalogue (utils.data, scripts/build_catalogue.py)."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import shutil
from pathlib import Path

import astropy.units as u
import numpy as np
import pytest
from astropy.table import QTable, Table

from utils import data as D

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RECORDED = ROOT / "tests" / "recorded"
KSTARS_DAT = Path("/tmp/kstars/x/usr/share/kstars/asteroids.dat")


def _load_script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


build_catalogue = _load_script("build_catalogue")
make_manifest = _load_script("make_manifest")


# ---------------------------------------------------------------- integrity
def test_manifest_matches_every_data_file():
    manifest = D._read_manifest(DATA)
    files = {p.name for p in DATA.iterdir() if p.is_file()} - {"MANIFEST.sha256", "README.md"}
    assert set(manifest) == files
    for name, digest in manifest.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, name
    assert make_manifest.manifest_text(DATA) == (DATA / "MANIFEST.sha256").read_text()


def test_every_data_file_is_documented_in_readme():
    readme = (DATA / "README.md").read_text()
    for name in D._read_manifest(DATA):
        assert f"`{name}`" in readme, f"{name} is not documented in data/README.md"
    assert "git checkout -- data/" in readme


def test_data_dir_total_size_is_small():
    total = sum(p.stat().st_size for p in DATA.iterdir() if p.is_file())
    assert total < 5_000_000, f"data/ is {total:,} bytes"


@pytest.fixture
def data_copy(tmp_path):
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    return dst


def test_corrupted_copy_raises_dataerror_naming_file_and_fix(data_copy):
    target = data_copy / "asteroids.ecsv"
    raw = bytearray(target.read_bytes())
    raw[5000] ^= 0x01  # flip one bit
    target.write_bytes(bytes(raw))
    with pytest.raises(D.DataFileError) as exc:
        D.load_catalogue(data_copy)
    msg = str(exc.value)
    assert "asteroids.ecsv" in msg and "corrupted" in msg
    assert "git checkout -- data/asteroids.ecsv" in msg and "build_catalogue.py" in msg
    assert isinstance(exc.value, OSError)


def test_missing_file_raises_dataerror(data_copy):
    (data_copy / "facts.ecsv").unlink()
    with pytest.raises(D.DataFileError, match=r"facts\.ecsv is missing.*git checkout -- data/facts\.ecsv"):
        D.data_path("facts.ecsv", data_copy)


def test_missing_manifest_and_unlisted_file(data_copy):
    (data_copy / "extra.csv").write_text("a,b\n")
    with pytest.raises(D.DataFileError, match="not listed"):
        D.data_path("extra.csv", data_copy)
    (data_copy / "MANIFEST.sha256").unlink()
    with pytest.raises(D.DataFileError, match="manifest"):
        D.data_path("asteroids.ecsv", data_copy)


def test_env_var_selects_data_dir(data_copy, monkeypatch):
    monkeypatch.setenv(D.ENV_VAR, str(data_copy))
    assert D.data_dir() == data_copy
    (data_copy / "asteroids.ecsv").write_text("broken")
    with pytest.raises(D.DataFileError):
        D.load_catalogue()


def test_data_path_rejects_paths():
    with pytest.raises(ValueError, match="plain file name"):
        D.data_path("../pyproject.toml")


# ---------------------------------------------------------------- catalogue
def test_catalogue_content_and_units():
    cat = D.load_catalogue()
    assert isinstance(cat, QTable)
    assert len(cat) == 7099 == cat.meta["rows"]
    for col, unit in {
        "H": u.mag,
        "diameter": u.km,
        "rot_per": u.h,
        "epoch_mjd": u.d,
        "a": u.AU,
        "i": u.deg,
        "om": u.deg,
        "w": u.deg,
        "ma": u.deg,
        "q": u.AU,
        "per": u.yr,
        "moid": u.AU,
    }.items():
        assert cat[col].unit == unit, col
    for col in ("albedo", "e"):
        assert cat[col].unit == u.dimensionless_unscaled
    ceres = cat[cat["name"] == "Ceres"][0]
    assert ceres["number"] == 1 and ceres["class"] == "MBA"
    assert float(ceres["a"].to_value(u.AU)) == pytest.approx(2.766619045, abs=1e-12)
    assert float(ceres["diameter"].unmasked.to_value(u.km)) == pytest.approx(939.4)
    # physical consistency: q = a (1 - e), Kepler's third law for the period
    a, e, q = cat["a"].to_value(u.AU), np.asarray(cat["e"]), cat["q"].to_value(u.AU)
    ell = e < 1
    assert np.allclose(q[ell], a[ell] * (1 - e[ell]), rtol=1e-6, atol=2e-8)
    assert np.allclose(cat["per"].to_value(u.yr)[ell], a[ell] ** 1.5, rtol=2e-3)
    # classes as documented for the kstars-data extract
    classes, counts = np.unique(np.asarray(cat["class"]), return_counts=True)
    assert dict(zip(classes, counts, strict=True)) == {
        "TNO": 4102,
        "MBA": 1985,
        "TJN": 497,
        "OMB": 292,
        "CEN": 213,
        "MCA": 6,
        "AMO": 2,
        "IMB": 1,
        "AST": 1,
    }
    assert int((~cat["diameter"].mask).sum()) == 2771
    assert int((~cat["albedo"].mask).sum()) == 2770
    assert "NASA/JPL Small-Body Database" in cat.meta["credit"]
    assert cat.meta["debian_package"] == "kstars-data"


def test_catalogue_returns_independent_copies():
    a = D.load_catalogue()
    a["a"][0] = 99 * u.AU
    assert D.load_catalogue()["a"][0] != 99 * u.AU


def test_read_ecsv_returns_a_copy_the_caller_may_change():
    first = D.read_ecsv("facts.ecsv")
    n, value, meta = len(first), first["id"][0], dict(first.meta)
    first["id"][0] = "changed"
    first.meta["added"] = True
    first.remove_row(1)
    again = D.read_ecsv("facts.ecsv")
    assert (len(again), again["id"][0], dict(again.meta)) == (n, value, meta)


def test_read_ecsv_copies_what_prepare_made_too():
    def prepare(table):
        return table, {"rows": len(table)}

    table, info = D.read_ecsv("facts.ecsv", prepare=prepare)
    info["rows"] = -1
    table.remove_rows(slice(None))
    table2, info2 = D.read_ecsv("facts.ecsv", prepare=prepare)
    assert info2["rows"] == len(table2) > 100


def test_verify_file_reads_the_manifest_again_only_when_it_changes(data_copy, monkeypatch):
    import os

    reads = []
    real = D._read_manifest
    monkeypatch.setattr(D, "_read_manifest", lambda folder=None: reads.append(folder) or real(folder))
    target = data_copy / "facts.ecsv"
    for _ in range(3):
        D.verify_file(target)
    assert len(reads) == 1, "an unchanged manifest is read once"
    manifest = data_copy / D.MANIFEST
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace(D.read_manifest(data_copy)["facts.ecsv"], "0" * 64), encoding="utf-8")
    st = manifest.stat()
    os.utime(manifest, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # a new mtime even on a coarse clock
    reads.clear()
    with pytest.raises(D.DataFileError, match="corrupted"):
        D.verify_file(target)
    assert len(reads) == 1, "a changed manifest is read again, and its new checksum is used"


def test_parse_full_name():
    assert build_catalogue.parse_full_name("     1 Ceres (A801 AA)") == (1, "Ceres", "A801 AA")
    assert build_catalogue.parse_full_name("  5480 (1989 YK8)") == (5480, "", "1989 YK8")
    assert build_catalogue.parse_full_name("       (2022 OH10)") == (None, "", "2022 OH10")


def test_build_from_recorded_excerpt_is_reproducible(tmp_path):
    src = RECORDED / "sbdb_asteroids_excerpt.json"
    prov = {
        "debian_package": "kstars-data",
        "debian_version": "5:3.6.2-2",
        "debian_file": "usr/share/kstars/asteroids.dat (excerpt)",
    }
    out1 = build_catalogue.build_from_file(src, tmp_path / "a.ecsv", prov)
    out2 = build_catalogue.build_from_file(src, tmp_path / "b.ecsv", prov)
    assert out1.read_bytes() == out2.read_bytes()
    assert out1.read_bytes() == (RECORDED / "sbdb_asteroids_excerpt.ecsv").read_bytes()
    t = QTable.read(out1, format="ascii.ecsv")
    raw = json.loads(src.read_text())
    assert len(t) == raw["count"]
    # sorted: numbered ascending, then unnumbered by designation
    numbered = ~t["number"].mask
    assert list(t["number"][numbered]) == sorted(t["number"][numbered])
    assert numbered[: numbered.sum()].all()
    assert list(t["designation"][~numbered]) == sorted(t["designation"][~numbered])
    # nulls become masked, present values keep their decimals
    eros = t[t["name"] == "Eros"][0]
    assert eros["neo"] and eros["class"] == "AMO"
    assert t["ma"].mask[t["designation"] == "2002 PD153"].all()
    assert t["moid"].mask[t["designation"] == "2010 PO81"].all()
    assert t["diameter"].mask[t["designation"] == "1927 LA"].all()
    assert not t["diameter"].mask[t["name"] == "Eros"].any()
    text = out1.read_text()
    assert "\r" not in text and "unit: AU" in text and "input_sha256" in text


def test_build_rejects_bad_payload(tmp_path):
    with pytest.raises(ValueError, match="lacks fields"):
        build_catalogue.sbdb_json_to_table({"fields": ["full_name"], "data": []}, {})
    with pytest.raises(ValueError, match="count"):
        build_catalogue.sbdb_json_to_table({"fields": list(build_catalogue.SBDB_FIELDS), "data": [], "count": 3}, {})


@pytest.mark.skipif(
    not KSTARS_DAT.exists(),
    reason=f"{KSTARS_DAT} not present (apt-get download kstars-data; dpkg -x ... /tmp/kstars/x)",
)
def test_full_rebuild_reproduces_catalogue_bytes(tmp_path):
    debs = sorted(Path("/tmp/kstars").glob("kstars-data_*.deb"))
    prov = build_catalogue.deb_provenance(debs[0]) if debs else {}
    if not debs:
        pytest.skip("the .deb itself is needed for its provenance fields")
    out = build_catalogue.build_from_file(KSTARS_DAT, tmp_path / "asteroids.ecsv", prov)
    assert out.read_bytes() == (DATA / "asteroids.ecsv").read_bytes()


# ------------------------------------------------------- live refresh (no network)
class _FakeResponse(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def test_from_sbdb_uses_opener_and_parses_recorded_answer(tmp_path):
    seen = {}

    def opener(request, timeout):
        seen["url"] = request.full_url
        seen["timeout"] = timeout
        return _FakeResponse((RECORDED / "sbdb_asteroids_excerpt.json").read_bytes())

    out = build_catalogue.build_from_sbdb(tmp_path / "live.ecsv", h_max=12, retrieved="2026-01-01", opener=opener)
    assert seen["url"].startswith("https://ssd-api.jpl.nasa.gov/sbdb_query.api?")
    assert "sb-cdata=%7B%22AND%22%3A%5B%22H%7CLE%7C12%22%5D%7D" in seen["url"]
    assert "fields=full_name%2Cneo%2CH" in seen["url"]
    t = QTable.read(out, format="ascii.ecsv")
    assert len(t) == 13 and t.meta["retrieved"] == "2026-01-01"


def test_from_sbdb_reports_api_error():
    def opener(request, timeout):
        return _FakeResponse(b'{"message": "invalid sb-cdata"}')

    with pytest.raises(RuntimeError, match="invalid sb-cdata"):
        build_catalogue.fetch_sbdb(12, opener=opener)
    with pytest.raises(ValueError, match="h_max"):
        build_catalogue.sbdb_query_url(-1)


# ---------------------------------------------------------------- the plain ECSV reader
def _same_table(plain, astropy_table):
    """Each column's name, place, class, dtype, unit, format, description, meta, values, mask, fill value; the meta."""
    assert type(plain) is type(astropy_table)
    assert plain.colnames == astropy_table.colnames and len(plain) == len(astropy_table)
    assert type(plain.meta) is type(astropy_table.meta)
    assert list(plain.meta.items()) == list(astropy_table.meta.items())
    for name in astropy_table.colnames:
        mine, theirs = plain[name], astropy_table[name]
        assert type(mine) is type(theirs), name
        assert mine.dtype == theirs.dtype, name
        for attr in ("unit", "format", "description", "meta"):
            assert getattr(mine.info, attr) == getattr(theirs.info, attr), (name, attr)
        masked = hasattr(theirs, "mask")
        assert hasattr(mine, "mask") == masked, name
        if masked:
            assert np.array_equal(np.asarray(mine.mask), np.asarray(theirs.mask)), name
            if hasattr(theirs, "fill_value"):  # MaskedColumn (a Masked Quantity has none)
                assert mine.fill_value == theirs.fill_value, name
        values = [getattr(c, "unmasked", c) for c in (mine, theirs)]  # Masked Quantity: the values under the mask
        values = [np.asarray(getattr(v, "data", v) if isinstance(v, np.ma.MaskedArray) else v) for v in values]
        values = [getattr(v, "value", v) for v in values]
        assert np.array_equal(values[0], values[1], equal_nan=values[1].dtype.kind == "f"), name


@pytest.mark.parametrize("path", sorted(DATA.glob("*.ecsv")), ids=lambda p: p.name)
@pytest.mark.parametrize("cls", [QTable, Table], ids=["QTable", "Table"])
def test_plain_ecsv_reader_builds_astropys_table(path, cls):
    plain = D._plain_ecsv(path, cls)
    if "__serialized_columns__" in path.read_text(encoding="utf-8"):
        assert plain is None, "serialized (mixin) columns are left to astropy's reader"
    else:
        assert plain is not None, f"{path.name} is within what the plain reader supports"
        _same_table(plain, cls.read(path, format="ascii.ecsv"))
    _same_table(D._cached_ecsv(path.name, qtable=cls is QTable), cls.read(path, format="ascii.ecsv"))


def _data_folder(tmp_path, name, text):
    folder = tmp_path / "edited"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    (folder / D.MANIFEST).write_text(make_manifest.manifest_text(folder), encoding="utf-8")
    return folder


def test_plain_ecsv_reader_leaves_an_unsupported_header_to_astropy(tmp_path):
    text = (DATA / "news_claims.ecsv").read_text(encoding="utf-8")
    edited = text.replace(
        "# - {name: claimed, datatype: string}", "# - {name: claimed, datatype: string, meta: {note: x}}"
    )
    assert edited != text
    folder = _data_folder(tmp_path, "news_claims.ecsv", edited)
    assert D._plain_ecsv(folder / "news_claims.ecsv", Table) is None
    table = D.read_ecsv("news_claims.ecsv", folder)
    assert table["claimed"].meta == {"note": "x"}  # only astropy's reader keeps a column's meta
    _same_table(table, Table.read(folder / "news_claims.ecsv", format="ascii.ecsv"))


def test_plain_ecsv_reader_gives_astropys_error_for_a_broken_file(tmp_path):
    text = (DATA / "news_claims.ecsv").read_text(encoding="utf-8")
    edited = text.replace('"4500 mi"\n', '"4500 mi" extra\n', 1)
    assert edited != text
    folder = _data_folder(tmp_path, "news_claims.ecsv", edited)
    path = folder / "news_claims.ecsv"
    assert D._plain_ecsv(path, Table) is None
    with pytest.raises(Exception) as direct:
        Table.read(path, format="ascii.ecsv")
    with pytest.raises(D.DataFileError) as exc:
        D.read_ecsv("news_claims.ecsv", folder)
    assert str(exc.value) == (
        f"could not parse {path} as ECSV ({direct.value}); restore it with `git checkout -- data/news_claims.ecsv`"
    )


_SMALL_ECSV = """# %ECSV 1.0
# ---
# datatype:
# - {name: n, datatype: int64}
# - {name: x, unit: km, datatype: float64, format: .2f}
# - {name: s, datatype: string, description: a text}
# - {name: b, datatype: bool}
# meta: !!omap
# - {title: small}
# - when: 2015-06-09
# schema: astropy-2.0
n x s b
"""


@pytest.mark.parametrize(
    ("rows", "expect"),
    [
        ('1 2.5 abc True\n2 "" "" False\n', "same"),  # blanks: masked int/float/str
        ('"" nan " padded " 1\n3 -inf "a ""quoted"" word" 0\n', "same"),  # blanks in quotes, doubled quotes, nan
        ("", "same"),  # no rows
        ("1 2.5 abc maybe\n", "astropy's error"),  # not a bool
        ("1.5 2.5 abc True\n", "astropy's error"),  # not an int
        ('1 " " abc True\n', "declined"),  # a quoted blank number (astropy: masked)
        ("1 2.5 abc True\n# a comment\n2 3.5 d False\n", "declined"),
        ('1 2.5 "two\nlines" True\n', "declined"),
    ],
)
@pytest.mark.parametrize("cls", [QTable, Table], ids=["QTable", "Table"])
def test_plain_ecsv_reader_agrees_with_astropy_or_declines(tmp_path, rows, expect, cls):
    path = tmp_path / "small.ecsv"
    path.write_text(_SMALL_ECSV + rows, encoding="utf-8")
    plain = D._plain_ecsv(path, cls)
    if expect == "astropy's error":
        with pytest.raises(ValueError):
            cls.read(path, format="ascii.ecsv")
        assert plain is None, "a file astropy cannot read goes to astropy for its error"
    elif expect == "declined":
        assert plain is None
        cls.read(path, format="ascii.ecsv")  # which reads it
    else:
        assert plain is not None
        _same_table(plain, cls.read(path, format="ascii.ecsv"))


@pytest.mark.parametrize(
    ("body", "expect"),
    [
        (["a b", '1 "x y"'], [["a", "b"], ["1", "x y"]]),
        (["a b", '2  "say ""hi"""'], [["a", "b"], ["2", 'say "hi"']]),  # doubled quote, extra blank
        (["a b", '1 "open', 'close"'], None),  # a quoted value running over a line end
        (["a b", "1 2 3"], None),  # rows of different lengths
        ([], None),
    ],
)
def test_one_row_splitter_serves_both_plain_readers(body, expect):
    assert D._split_ecsv_rows(body) == expect


def test_an_answer_key_is_not_offered_by_the_public_readers():
    """Lesson 08's sorting key is read by its check only: ``read_manifest`` does not list it and ``read_ecsv``
    refuses it with a sentence, while the check still reads it (and the manifest still verifies it)."""
    for name in D.CHECK_ONLY:
        assert name not in D.read_manifest(DATA) and name in D._read_manifest(DATA)
        with pytest.raises(ValueError, match="answer key that only the self-checks read"):
            D.read_ecsv(name)
        assert len(D._cached_ecsv(name)) > 0
    from utils.factcheck import _file_categories

    assert _file_categories()  # the check's own route still works
