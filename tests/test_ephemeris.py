"""Offline ephemerides (utils.ephemeris) against independent references."""

from __future__ import annotations

import shutil
from pathlib import Path

import astropy.units as u
import numpy as np
import pytest
from astropy.coordinates import (
    CartesianRepresentation,
    HeliocentricMeanEcliptic,
    SkyCoord,
    get_body_barycentric,
    solar_system_ephemeris,
)
from astropy.time import Time
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import ephemeris as E
from utils.data import DataFileError, load_catalogue

DATA = Path(__file__).resolve().parents[1] / "data"
GAUSS_K = 0.01720209895  # Gaussian gravitational constant, AU^(3/2) / day


def kepler_position(row, t: Time) -> np.ndarray:
    """Two-body heliocentric ecliptic position from SBDB osculating elements."""
    a = row["a"].to_value(u.AU)
    e = float(row["e"])
    i, om, w, m0 = (row[k].to_value(u.rad) for k in ("i", "om", "w", "ma"))
    epoch = Time(row["epoch_mjd"].to_value(u.d), format="mjd", scale="tdb")
    n = GAUSS_K / a**1.5
    m = m0 + n * (t.tdb - epoch).to_value(u.d)
    ecc = m
    for _ in range(50):
        ecc = ecc - (ecc - e * np.sin(ecc) - m) / (1 - e * np.cos(ecc))
    x, y = a * (np.cos(ecc) - e), a * np.sqrt(1 - e * e) * np.sin(ecc)
    cO, sO, ci, si, cw, sw = np.cos(om), np.sin(om), np.cos(i), np.sin(i), np.cos(w), np.sin(w)
    rot = np.array(
        [
            [cO * cw - sO * sw * ci, -cO * sw - sO * cw * ci],
            [sO * cw + cO * sw * ci, -sO * sw + cO * cw * ci],
            [sw * si, cw * si],
        ]
    )
    return rot @ np.array([x, y])


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.mark.parametrize("name", ["Ceres", "Vesta"])
def test_small_bodies_match_sbdb_elements_at_their_epoch(catalogue, name):
    # At the osculating epoch the two-body orbit and the DE441 kernel must agree
    # closely: an independent check of kernel, catalogue and ecliptic frame.
    row = catalogue[catalogue["name"] == name][0]
    t = Time(row["epoch_mjd"].to_value(u.d), format="mjd", scale="tdb")
    diff = np.linalg.norm(E.heliocentric_position(name, t).to_value(u.AU) - kepler_position(row, t))
    assert diff < 1e-5  # 1,500 km; measured 5e-7 AU


def test_ceres_at_dawn_arrival(catalogue):
    t = Time("2015-03-06T12:39:00", scale="utc")
    r = E.heliocentric_position("ceres", t)
    dist = np.linalg.norm(r.to_value(u.AU))
    assert dist == pytest.approx(2.8674, abs=1e-3)
    # two-body propagation over 7.4 years back from the 2022 epoch ignores
    # Jupiter's pull: it agrees to ~0.003 AU (measured 0.0025 AU)
    row = catalogue[catalogue["name"] == "Ceres"][0]
    assert np.linalg.norm(r.to_value(u.AU) - kepler_position(row, t)) < 0.01


@pytest.mark.parametrize("body, tol", [("earth", 1e-6), ("mars", 5e-4), ("jupiter", 3e-3)])
def test_planets_match_astropy_builtin(body, tol):
    # astropy's builtin ephemeris (ERFA epv00 for Earth, plan94 series for the
    # other planets) is independent of DE421; the tolerance is its accuracy.
    t = Time("2007-01-01") + np.arange(0, 4400, 53) * u.day
    with solar_system_ephemeris.set("builtin"):
        ref = (get_body_barycentric(body, t) - get_body_barycentric("sun", t)).xyz.to_value(u.AU)
    mine = E.heliocentric_position(body, t, frame="icrs").to_value(u.AU)
    assert np.abs(mine - ref).max() < tol


def test_distances_in_expected_ranges():
    t = Time("2007-01-01") + np.linspace(0, 12 * 365.25, 500) * u.day
    for body, lo, hi in [
        ("earth", 0.983, 1.017),
        ("mars", 1.38, 1.67),
        ("jupiter", 4.94, 5.46),
        ("vesta", 2.15, 2.58),
        ("ceres", 2.54, 2.99),
    ]:
        d = np.linalg.norm(E.heliocentric_position(body, t).to_value(u.AU), axis=0)
        assert lo < d.min() and d.max() < hi, body


def test_ecliptic_frame_matches_astropy():
    t = Time("2011-07-16")
    r_icrs = E.heliocentric_position("vesta", t, frame="icrs")
    c = SkyCoord(CartesianRepresentation(r_icrs), frame="hcrs", obstime=t)
    ref = c.transform_to(HeliocentricMeanEcliptic(obstime=t)).cartesian.xyz.to_value(u.AU)
    assert np.allclose(E.heliocentric_position("vesta", t).to_value(u.AU), ref, atol=1e-12)


def test_shapes_and_units():
    t = Time(["2010-01-01", "2012-01-01", "2014-01-01"])
    assert E.heliocentric_position("mars", t).shape == (3, 3)
    assert E.heliocentric_position("mars", t[0]).shape == (3,)
    grid = Time("2010-01-01") + np.arange(6).reshape(2, 3) * u.day
    assert E.heliocentric_position("Earth", grid).shape == (3, 2, 3)
    assert E.heliocentric_velocity("earth", t).unit == u.AU / u.day


@settings(max_examples=25, deadline=None)
@given(st.floats(min_value=2001.0, max_value=2029.9))
def test_velocity_is_derivative_of_position(year):
    t = Time(year, format="decimalyear", scale="tdb")
    h = 0.01 * u.day
    for body in E.BODIES:
        fd = (E.heliocentric_position(body, t + h) - E.heliocentric_position(body, t - h)) / (2 * h)
        v = E.heliocentric_velocity(body, t)
        assert np.allclose(fd.to_value(u.AU / u.day), v.to_value(u.AU / u.day), rtol=0, atol=1e-9)


@settings(max_examples=25, deadline=None)
@given(st.floats(min_value=2000.5, max_value=2030.5))
def test_frames_preserve_length(year):
    t = Time(year, format="decimalyear")
    a = E.heliocentric_position("ceres", t, frame="icrs")
    b = E.heliocentric_position("ceres", t, frame="ecliptic")
    assert np.linalg.norm(a.value) == pytest.approx(np.linalg.norm(b.value), rel=1e-13)


def test_clear_errors():
    t = Time("2015-01-01")
    with pytest.raises(ValueError, match="known bodies: earth, mars, jupiter, vesta, ceres"):
        E.heliocentric_position("pluto", t)
    with pytest.raises(TypeError, match="astropy.time.Time"):
        E.heliocentric_position("ceres", "2015-01-01")
    with pytest.raises(ValueError, match="frame"):
        E.heliocentric_position("ceres", t, frame="galactic")
    with pytest.raises(ValueError, match="covers 2000-01-01 to 2030-12-31"):
        E.heliocentric_position("earth", Time(["2015-01-01", "1995-01-01"]))
    with pytest.raises(ValueError, match="outside"):
        E.heliocentric_position("ceres", Time("2040-01-01"))


def test_coverage():
    cov = E.coverage()
    assert cov[0].iso.startswith("2000-01-01") and cov[1].iso.startswith("2030-12-31")


def test_corrupted_kernel_copy(tmp_path):
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    k = dst / E.SMALL
    raw = bytearray(k.read_bytes())
    raw[-100] ^= 0xFF
    k.write_bytes(bytes(raw))
    with pytest.raises(DataFileError, match="sb441_ceres_vesta_2000_2030.bsp"):
        E.heliocentric_position("ceres", Time("2015-01-01"), data_dir=dst)


def test_a_replaced_kernel_is_closed(tmp_path):
    """A kernel file that changes on disk is opened anew and the old one closed: no ResourceWarning."""
    import gc
    import os
    import warnings

    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    kernel = dst / E.SMALL
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always", ResourceWarning)
        old = E._kernel(E.SMALL, dst)
        st = kernel.stat()
        os.utime(kernel, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # same bytes, new version
        new = E._kernel(E.SMALL, dst)
        assert new is not old
        assert old.daf.file.closed, "the replaced kernel's file is closed"
        assert sum(k[0] == str(kernel.resolve()) for k in E._KERNELS) == 1, "only the current version is kept"
        del old
        gc.collect()
        E.heliocentric_position("ceres", Time("2015-01-01"), data_dir=dst)
        for key in [k for k in E._KERNELS if k[0] == str(kernel.resolve())]:
            E._KERNELS.pop(key).close()  # this copy is deleted with tmp_path
    leaks = [w for w in seen if issubclass(w.category, ResourceWarning)]
    assert not leaks, [str(w.message) for w in leaks]
