"""The sourced facts table (data/facts.ecsv) and utils.facts."""

from __future__ import annotations

import math
import re
import shutil
from pathlib import Path

import astropy.constants as const
import astropy.units as u
import pytest
from astropy.table import Table
from astropy.time import Time
from astropy.units import imperial

from utils import facts as F
from utils.data import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"
TABLE = Table.read(DATA / "facts.ecsv", format="ascii.ecsv").filled("")
BANNED_HOSTS = (
    "wikipedia",
    "wiki.",
    "kiwix",
    "infogalactic",
    "scribd",
    "studylib",
    "docslib",
    "blogspot",
    "ipfs",
    "liquisearch",
    "zlibrary",
    "moam.info",
    "mydokument",
)


def test_ids_unique_and_well_formed():
    ids = list(TABLE["id"])
    assert len(ids) == len(set(ids))
    for i in ids:
        assert re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", i), i


@pytest.mark.parametrize("row", list(TABLE), ids=list(TABLE["id"]))
def test_row_is_complete_and_parses(row):
    assert row["kind"] in F.KINDS
    assert row["status"] in F.STATUSES
    assert row["source_title"].strip(), "empty source title"
    url = row["source_url"]
    assert re.match(r"https?://\S+$", url), url
    assert not any(b in url.lower() for b in BANNED_HOSTS), f"unofficial copy cited: {url}"
    if row["kind"] == "quantity":
        with imperial.enable():
            unit = u.Unit(row["unit"])
        float(row["value"])
        if row["uncertainty"]:
            assert float(row["uncertainty"]) > 0
        assert unit is not None
    elif row["kind"] == "time":
        Time(row["value"], scale="utc")
        assert row["unit"] == ""
        if row["uncertainty"]:
            assert u.Quantity(row["uncertainty"]).unit.physical_type == "time"
    else:
        assert row["value"].strip()
    if row["status"] in ("derived", "secondary", "uncertain"):
        assert row["note"].strip(), "a derived/secondary/uncertain fact must explain itself"


def test_required_topics_present():
    ids = set(TABLE["id"])
    required = {
        "dawn.launch",
        "dawn.first_thrust",
        "dawn.mars_flyby",
        "dawn.vesta_arrival",
        "dawn.vesta_departure",
        "dawn.ceres_arrival",
        "dawn.prime_mission_end",
        "dawn.last_thrust",
        "dawn.end_of_mission",
        "dawn.launch_mass",
        "dawn.dry_mass",
        "dawn.xenon_mass",
        "dawn.hydrazine_mass",
        "dawn.thrust",
        "dawn.isp",
        "dawn.total_delta_v",
        "dawn.thrust_time",
        "dawn.solar_power_1au",
        "dawn.solar_power_3au",
        "nstar.isp_max",
        "nstar.thrust_max",
        "nstar.grid_voltage",
        "ds1.delta_v",
        "ds1.launch",
        "smart1.thrust",
        "hayabusa.isp",
        "psyche.spt140_thrust",
        "ceres.orbit_rc3_altitude",
        "ceres.orbit_survey_altitude",
        "ceres.orbit_hamo_altitude",
        "ceres.orbit_lamo_altitude",
        "ceres.orbit_xmo7_periapsis",
        "ceres.orbit_xmo7_apoapsis",
        "ceres.orbit_xmo7_period",
        "vesta.orbit_lamo_altitude",
        "fc.ifov",
        "fc.fov",
        "fc.pixels",
        "fc.focal_length",
        "fc.filters",
        "ceres.gm",
        "ceres.mass",
        "ceres.radius",
        "ceres.density",
        "ceres.albedo",
        "ceres.albedo_vir",
        "ceres.rotation_period",
        "ceres.a",
        "ceres.belt_mass_share",
        "vesta.mass",
        "vesta.radius",
        "vesta.density",
        "vesta.albedo",
        "occator.diameter",
        "occator.depth",
        "occator.pit_diameter",
        "occator.cerealia_facula_size",
        "occator.faculae_albedo",
        "occator.age_2016",
        "occator.age_2020",
        "occator.composition_2015",
        "occator.composition_2020",
        "occator.haze_status",
        "belt.mass",
        "belt.n_larger_1km",
        "jupiter.a",
        "jupiter.period",
        "xenon.atomic_weight",
        "solar.tsi",
        "news.distance_image",
        "news.distance_survey",
        "albedo.fresh_snow",
        "albedo.bare_ice",
        "albedo.asphalt_new",
        "albedo.salt_flat_uv",
    }
    assert required <= ids, sorted(required - ids)


def test_derived_and_flagged_values_are_marked():
    assert F.fact("dawn.hydrazine_mass").info.meta["status"] == "derived"
    assert F.fact("occator.faculae_albedo").info.meta["status"] == "uncertain"
    assert "CONFLICT" in F.fact("occator.depth").info.meta["note"]


def test_quantity_carries_source():
    q = F.fact("dawn.thrust")
    assert isinstance(q, u.Quantity) and q.unit == u.mN and q.value == 90
    assert q.info.meta["id"] == "dawn.thrust"
    assert q.info.description.startswith("Source: ") and q.info.meta["source_url"] in q.info.description
    assert F.cite("dawn.thrust") == f"{q.info.meta['source_title']}, {q.info.meta['source_url']}"
    derived = q / (1000 * u.kg)
    assert derived.info.meta is None  # arithmetic does not inherit a citation


def test_time_and_text_facts():
    t = F.fact("dawn.launch")
    assert isinstance(t, Time) and t.scale == "utc" and t.isot.startswith("2007-09-27T11:34")
    assert "PDS" in t.info.meta["source_title"]
    s = F.fact("fc.filters")
    assert isinstance(s, str) and isinstance(s, F.FactText) and "430" in s
    assert s.info.meta["source_url"].startswith("https://")


def test_text_facts_survive_pickling_with_their_source():
    import pickle

    text = F.fact("dawn.first_ion_science")
    back = pickle.loads(pickle.dumps(text))
    assert back == text and type(back) is type(text)
    assert back.info.meta["id"] == "dawn.first_ion_science" and back.info.description == text.info.description


def test_uncertainty():
    assert F.uncertainty("ceres.density") == 0.008 * u.g / u.cm**3
    assert F.uncertainty("dawn.first_thrust") == 1 * u.min
    assert F.uncertainty("dawn.thrust") is None


def test_unknown_id_lists_close_matches():
    with pytest.raises(KeyError, match="ceres.gm"):
        F.fact("ceres.gmm")
    with pytest.raises(KeyError, match="fact_ids"):
        F.fact("zzzz")
    with pytest.raises(TypeError):
        F.fact(42)


def test_an_id_typed_with_capitals_suggests_its_lower_case_id_first():
    with pytest.raises(KeyError) as info:
        F.fact("ceres.orbit_LAMO_altitude")
    message = str(info.value)
    assert "did you mean: ceres.orbit_lamo_altitude," in message and "lower case" in message, message


def test_facts_table_and_prefix():
    t = F.facts_table()
    assert len(t) == len(TABLE)
    occ = F.facts_table("occator.")
    assert len(occ) >= 10 and all(str(i).startswith("occator.") for i in occ["id"])
    with pytest.raises(KeyError, match="groups"):
        F.facts_table("nothing.")


def test_all_facts_load():
    for i in F.fact_ids():
        F.fact(i)
        F.uncertainty(i)


# ------------------------------------------------ internal consistency checks
def test_ceres_mass_density_consistent_with_gm_and_radius():
    m = (F.fact("ceres.gm") / const.G).to(u.kg)
    assert m.value == pytest.approx(F.fact("ceres.mass").to_value(u.kg), rel=1e-4)
    rho = F.fact("ceres.mass") / (4 / 3 * math.pi * F.fact("ceres.radius") ** 3)
    assert rho.to_value(u.g / u.cm**3) == pytest.approx(F.fact("ceres.density").value, abs=0.01)


def test_dawn_mass_budget_and_delta_v():
    budget = F.fact("dawn.launch_mass") - F.fact("dawn.dry_mass") - F.fact("dawn.xenon_mass")
    assert budget.to_value(u.kg) == pytest.approx(F.fact("dawn.hydrazine_mass").value, abs=0.05)
    assert F.fact("dawn.total_delta_v").to_value(u.km / u.s) == pytest.approx(11.49, abs=0.005)


def test_camera_fov_matches_ifov_times_pixels():
    fov = (F.fact("fc.ifov") * F.fact("fc.pixels")).to(u.deg, u.dimensionless_angles())
    assert fov.value == pytest.approx(F.fact("fc.fov").value, abs=0.01)


def test_news_distances_match_nasa_metric_values():
    assert F.fact("news.distance_survey").to_value(u.km) == pytest.approx(
        F.fact("ceres.orbit_survey_altitude").value, rel=0.02
    )


def test_belt_mass_conversion():
    assert F.fact("belt.mass").to_value(u.kg) == pytest.approx(2.39e21, rel=0.01)


def test_corrupted_facts_copy(tmp_path):
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    p = dst / "facts.ecsv"
    p.write_text(p.read_text().replace("90", "95", 1))
    with pytest.raises(DataFileError, match="facts.ecsv"):
        F.fact("dawn.thrust", data_dir=dst)


def test_plain_reading_gives_every_cell_astropy_reads():
    # fact(), cite() and fact_ids() read the rows without astropy's table machinery: the same text in every cell
    rows, index = F._rows()
    assert isinstance(rows, list)  # the plain reading, not the fall-back to astropy
    assert list(index) == [str(i) for i in TABLE["id"]]
    assert [[row[c] for c in TABLE.colnames] for row in rows] == [[str(v) for v in r] for r in TABLE]


def _rewrite(tmp_path, edit):
    """A copy of data/ whose facts.ecsv is edited by ``edit`` (text -> text), with its manifest updated."""
    import hashlib

    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    p = dst / "facts.ecsv"
    p.write_text(edit(p.read_text()))
    manifest = dst / "MANIFEST.sha256"
    digest = hashlib.sha256(p.read_bytes()).hexdigest()
    manifest.write_text(re.sub(r"^\w+(\s+\*?facts\.ecsv)$", digest + r"\1", manifest.read_text(), flags=re.M))
    return dst


def test_plain_reading_of_quotes_blanks_and_empty_cells(tmp_path):
    # a doubled quote, a quoted blank cell and blanks around a cell read as astropy reads them
    def edit(text):
        return text.replace('"NASA/JPL release 28 Jun 2018', '  """Quoted"" NASA/JPL release 28 Jun 2018', 1).replace(
            'dawn.launch time 2007-09-27T11:34:00 "" ""', 'dawn.launch time 2007-09-27T11:34:00 "  " ""', 1
        )

    dst = _rewrite(tmp_path, edit)
    table = Table.read(dst / "facts.ecsv", format="ascii.ecsv").filled("")
    rows, _ = F._rows(dst)
    assert isinstance(rows, list)
    assert [[row[c] for c in table.colnames] for row in rows] == [[str(v) for v in r] for r in table]
    assert '"Quoted"' in F.cite("dawn.first_thrust", data_dir=dst)


def test_a_table_that_is_not_plain_text_is_read_by_astropy(tmp_path):
    # a column that is not text (or a row with a cell too many): astropy's reader and its checks decide
    dst = _rewrite(tmp_path, lambda t: t.replace("{name: unit, datatype: string}", "{name: unit, datatype: float64}"))
    with pytest.raises(DataFileError, match="could not parse"):
        F.fact("dawn.thrust", data_dir=dst)
    dst = _rewrite(tmp_path / "b", lambda t: t.replace("dawn.launch time", "dawn.launch extra time", 1))
    with pytest.raises(DataFileError, match="could not parse"):
        F.fact("dawn.thrust", data_dir=dst)


def test_a_table_astropy_reads_but_not_plain_text_still_gives_its_facts(tmp_path):
    # a column description in the header (valid ECSV): astropy's reader is used, once decided, on every call
    dst = _rewrite(
        tmp_path,
        lambda t: t.replace("{name: note, datatype: string}", "{name: note, datatype: string, description: x}"),
    )
    assert F.fact("dawn.thrust", data_dir=dst) == F.fact("dawn.thrust")
    assert F.cite("dawn.thrust", data_dir=dst) == F.cite("dawn.thrust")
    assert not isinstance(F._rows(dst)[0], list) and F.fact_ids(dst) == F.fact_ids()


def test_a_variable_name_in_quotes_is_told_to_drop_them():
    with pytest.raises(F.UnknownFactError, match=r"write fact\(end_id\) without quotes"):
        F.fact("end_id")
    with pytest.raises(F.UnknownFactError) as err:  # an id with a dot is no variable name
        F.fact("ceres.nothing")
    assert "without quotes" not in str(err.value)


def test_an_unknown_id_names_the_function_called_and_shows_no_long_traceback_in_jupyter():
    for call, name in ((F.fact, "fact"), (F.cite, "cite")):
        with pytest.raises(F.UnknownFactError) as err:
            call("lamo")
        assert f"write {name}(lamo) without quotes" in str(err.value), err.value
        shown = err.value._render_traceback_()  # what IPython prints instead of the traceback
        assert shown[0] == f"UnknownFactError: {err.value}" and len(shown) == 2, shown
