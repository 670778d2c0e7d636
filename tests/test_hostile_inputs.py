"""Every public function and class of ``utils`` faced with bad arguments.

The callables are found by introspection (each module named in
``utils.__all__``, each callable in that module's ``__all__``), so a new
function is covered automatically -- and this test fails until it has an
entry in :data:`VALID` (a valid call).  ``utils.checks`` is tested on its own.

For each callable: the valid call must succeed; then every argument in turn
is replaced by bad values (None, a string, a wrong unit, no unit, a negative
number, nan, inf, 1e300, an empty array, a wrong-shape array, a wrong object,
a bool, 10**12...).  Each bad call must, within :data:`TIME_LIMIT` seconds of
CPU time (and :data:`WALL_LIMIT` seconds of wall time, for a call that waits
rather than computes),

* raise ``ValueError``, ``TypeError``, ``UnitsError`` (or a subclass, such as
  ``utils.data.DataError``) whose message names the argument, raised from
  ``utils/`` itself (the last traceback frame), not from numpy/astropy; or
* return a sane result: finite numbers (no silent nan/inf), and no wrong
  type accepted (None where None is no default, a string where a number is
  expected, ``True`` for a number, an arbitrary object).

Numpy warnings (overflow, invalid value) are turned into errors, so an
overflow to inf with a warning counts as a failure.

Run ``python tests/test_hostile_inputs.py`` for the counts per outcome.
"""

from __future__ import annotations

import inspect
import math
import os
import re
import signal
import sys
import time
import traceback
import warnings
from pathlib import Path

import astropy.units as u
import numpy as np
import pytest
from astropy.time import Time

import utils
from conftest import slider_readback_args

ROOT = Path(__file__).resolve().parents[1]
UTILS_DIR = str(ROOT / "utils") + os.sep
# A call that loops burns CPU: it is stopped after TIME_LIMIT seconds of the
# process's CPU time, which another process keeping the CPUs busy does not
# stretch the way it stretches wall time.  A call that waits without computing
# is stopped by WALL_LIMIT.
TIME_LIMIT = 5  # CPU seconds per call
WALL_LIMIT = 60  # wall seconds per call
SKIP_MODULES = {"checks"}  # tested in tests/test_checks.py

# ---------------------------------------------------------------------------
# valid objects shared by the calls (built once, lazily)
# ---------------------------------------------------------------------------
_CACHE: dict = {}


def _once(key, make):
    if key not in _CACHE:
        _CACHE[key] = make()
    return _CACHE[key]


def ax():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return Figure().add_subplot()


def catalogue():
    return _once("cat", lambda: utils.data.load_catalogue()[:50])


def claims():
    return _once("claims", utils.factcheck.load_claims)


def timeline():
    return _once("timeline", utils.mission.timeline)


def model():
    return utils.imaging.occator_model(0.09, 0.4, 92 * u.km, 10 * u.km)


def scene():
    return _once("scene", lambda: utils.imaging.make_scene(model(), n_px=100))


def camera_image():
    return _once("img", lambda: utils.imaging.camera_image(scene(), 13500 * u.km, 93.7 * u.urad))


def verdicts():
    return [utils.factcheck.Verdict("N06", "true", "27 Sep 2007")]


def verdict_table():
    return _once("vt", lambda: utils.factcheck.verdict_table(verdicts(), claims()))


def elements():
    return dict(
        a=2.77 * u.AU,
        e=0.08,
        i=10.6 * u.deg,
        node=80 * u.deg,
        peri=73 * u.deg,
        M=60 * u.deg,
        epoch=Time("2015-01-01", scale="tdb"),
    )


def belt_run_fields():
    t = np.array([0.0, 1.0]) * u.yr
    arr = np.array([[2.5, 2.5]])
    return dict(
        t=t,
        a0=np.array([2.5]),
        e0=np.array([0.1]),
        a=arr,
        e=arr * 0 + 0.1,
        lam=arr * 0,
        varpi=arr * 0,
        lam_jupiter=np.array([0.0, 0.5]),
        t_removed=np.array([np.nan]) * u.yr,
    )


def spiral_fields():
    q = np.array([1.0, 1.1]) * u.AU
    return dict(
        time=10 * u.day,
        delta_v=1 * u.km / u.s,
        propellant=1 * u.kg,
        r_final=1.1 * u.AU,
        x=q,
        y=q,
        t=np.array([0.0, 10.0]) * u.day,
        eccentricity=0.01,
        r_min=1.09 * u.AU,
        r_max=1.11 * u.AU,
    )


def history_run():
    return _once(
        "run",
        lambda: utils.resonance.run_belt(
            [2.3, 2.5] * u.AU,
            0.1,
            100 * u.yr,
            jupiter_a=5.2 * u.AU,
            jupiter_e=0.05,
            danger_distance=1.5 * u.AU,
            n_out=11,
        ),
    )


def image_fields():
    return dict(
        signal=np.ones((4, 4)),
        reading=np.ones((4, 4)),
        saturated=np.zeros((4, 4), bool),
        pixel_scale=1 * u.km,
        half_width=2 * u.km,
        n_px=4,
    )


GCC = u.g / u.cm**3
MU = u.km**3 / u.s**2

# name -> function returning the keyword arguments of one valid call
VALID = {
    # units: validators (their messages name the argument's *name*, given in the call)
    "units.require": lambda: dict(value=3 * u.km, unit=u.m, name="radius", positive=True),
    "units.number": lambda: dict(value=0.5, name="e", low=0, high=1),
    "units.fraction": lambda: dict(value=0.09, name="albedo"),
    "units.positive": lambda: dict(value=2.5, name="fwhm"),
    "units.integer": lambda: dict(value=12, name="n", low=1, high=1000),
    "units.flag": lambda: dict(value=True, name="month_only"),
    "units.choice": lambda: dict(value="ecliptic", name="frame", options=("ecliptic", "equatorial")),
    "units.text": lambda: dict(value="Ceres", name="body"),
    "units.array": lambda: dict(value=[1.0, 2.0, 3.0], name="counts", ndim=1),
    "units.same_shape": lambda: dict(x=np.zeros(3), y=np.ones(3)),
    "units.path_like": lambda: dict(value="data", name="data_dir"),
    "units.axes": lambda: dict(value=ax(), name="ax"),
    "units.table": lambda: dict(value=catalogue(), name="table", columns=("H",)),
    "units.instance": lambda: dict(value=3, cls=int, name="n"),
    "units.ArgumentTypeError": lambda: dict(),
    "units.colour": lambda: dict(value="#7f7f7f", name="color"),
    "units.pair": lambda: dict(value=(2.0, 3.5), name="window", increasing=True),
    "units.quantity_map": lambda: dict(value={"3:1": 2.5 * u.AU}, name="resonances", unit=u.AU),
    "units.int_pairs": lambda: dict(value=[(3, 1), (5, 2)], name="ratios"),
    "units.albedo": lambda: dict(value=0.09, name="albedo", kind="geometric", positive=False, scalar=False),
    "units.gravitational_parameter": lambda: dict(value=398600.4 * MU, name="mu"),
    "units.resonance_pair": lambda: dict(p=3, q=1, name="p:q"),
    # style
    "style.use": lambda: dict(),
    "style.body_style": lambda: dict(body="ceres"),
    "style.show": lambda: dict(figure=ax().figure, alt="An empty set of axes."),
    # data and facts
    "data.DataError": lambda: dict(),
    "data.DataFileError": lambda: dict(),
    "data.data_dir": lambda: dict(data_dir=None),
    "data.data_path": lambda: dict(name="facts.ecsv", data_dir_=None, verify=True),
    "data.read_manifest": lambda: dict(data_dir_=None),
    "data.verify_file": lambda: dict(path=utils.data.data_dir() / "facts.ecsv"),
    "data.load_catalogue": lambda: dict(data_dir_=None),
    "data.read_ecsv": lambda: dict(name="news_claims.ecsv", data_dir_=None, qtable=False, prepare=None),
    "facts.fact": lambda: dict(fact_id="ceres.gm", data_dir=None),
    "facts.cite": lambda: dict(fact_id="ceres.gm", data_dir=None),
    "facts.facts_table": lambda: dict(prefix="ceres.", data_dir=None),
    "facts.fact_ids": lambda: dict(data_dir=None),
    "facts.uncertainty": lambda: dict(fact_id="ceres.density", data_dir=None),
    "facts.FactText": lambda: dict(value="text", meta={"id": "x"}, description="Source: x"),
    "facts.UnknownFactError": lambda: dict(),
    "ephemeris.heliocentric_position": lambda: dict(
        body="ceres", time=Time("2015-03-06 12:39"), frame="ecliptic", data_dir=None
    ),
    "ephemeris.heliocentric_velocity": lambda: dict(
        body="earth", time=Time("2015-01-04"), frame="ecliptic", data_dir=None
    ),
    "ephemeris.coverage": lambda: dict(data_dir=None),
    # belt
    "belt.diameter_constant": lambda: dict(sun_magnitude=-26.76 * u.mag),
    "belt.h_from_diameter": lambda: dict(diameter=10.6 * u.km, albedo=0.25, K=1329 * u.km),
    "belt.apparent_magnitude": lambda: dict(H=3.34 * u.mag, r=2.77 * u.AU, delta=1.77 * u.AU),
    "belt.ring_volume": lambda: dict(r_inner=2 * u.AU, r_outer=3 * u.AU, half_thickness=0.5 * u.AU),
    "belt.kirkwood_resonances": lambda: dict(a_jupiter=5.2 * u.AU),
    "belt.inner_and_outer_belt": lambda: dict(a=[2.3, 3.1] * u.AU),
    "belt.class_group": lambda: dict(classes=["MBA", "TJN", "XYZ"]),
    "belt.mystery_orbit": lambda: dict(catalogue=catalogue(), number=1),
    "belt.is_main_belt": lambda: dict(classes=["MBA", "OMB", "TJN"]),
    "belt.largest": lambda: dict(table=catalogue(), n=5, diameters=None),
    "belt.draw_kirkwood": lambda: dict(
        ax=ax(),
        a_au=np.array([2.2, 2.7]),
        counts=np.array([1, 1]),
        edges=np.array([2.0, 2.5, 3.0]),
        resonances={"3:1": 2.5 * u.AU},
        color="#7f7f7f",
    ),
    "belt.orbit_group_styles": lambda: dict(),
    "belt.plot_orbit_map": lambda: dict(table=catalogue()[:30], planets={"mars": 1.52 * u.AU}),
    "belt.plot_albedo_histograms": lambda: dict(
        albedo=np.array([0.05, np.nan, 0.25]),
        inner=np.array([False, False, True]),
        outer=np.array([True, True, False]),
        ceres=0.09,
        vesta=0.4,
    ),
    "belt.plot_size_distribution": lambda: dict(
        diameters=[900, np.nan, 50] * u.km,
        d_bright=10 * u.km,
        d_dark=20 * u.km,
        ceres_diameter=940 * u.km,
        band_label="D at H = 12",
    ),
    "belt.fact_range": lambda: dict(fact_id="belt.n_larger_1km", data_dir=None),
    "belt.kirkwood_alt_text": lambda: dict(a_au=[2.2, 2.6], resonances={"3:1": 2.5 * u.AU}, p=5, q=2, state="ok"),
    "belt.KirkwoodFigure": lambda: dict(
        resonances={"3:1": 2.5 * u.AU}, window=(2.0, 3.5), color="#7f7f7f", figsize=(6.0, 3.0)
    ),
    # orbits
    "orbits.period": lambda: dict(a=2.77 * u.AU, mu=None),
    "orbits.circular_speed": lambda: dict(r=1 * u.AU, mu=None),
    "orbits.solve_kepler": lambda: dict(M=1.0 * u.rad, e=0.5, tol=1e-14, max_iter=50),
    "orbits.true_anomaly": lambda: dict(E=1.0 * u.rad, e=0.5),
    "orbits.mean_motion": lambda: dict(a=1 * u.AU, mu=None),
    "orbits.elements_from_state": lambda: dict(r=[1.0, 0.2, 0.0] * u.AU, v=[0.0, 30.0, 1.0] * u.km / u.s, mu=None),
    "orbits.propagate": lambda: dict(elements=elements(), times=Time("2015-06-01", scale="tdb"), mu=None),
    "orbits.elements_from_catalogue": lambda: dict(row=catalogue()[0]),
    "orbits.sector_area": lambda: dict(x=[1.0, 0.0] * u.AU, y=[0.0, 1.0] * u.AU),
    "orbits.plot_eccentric_anomaly": lambda: dict(e=0.6, E=115 * u.deg),
    "orbits.peak_indices": lambda: dict(values=[0.0, 2.0, 1.0, 3.0, 0.0], min_separation=2),
    "orbits.plot_orbits_to_scale": lambda: dict(elements={"Ceres": elements()}),
    "orbits.plot_third_law": lambda: dict(
        a=[2.0, 3.0] * u.AU,
        T=[2.83, 5.2] * u.yr,
        measured={"Ceres": {"a": 2.77 * u.AU, "T": 4.6 * u.yr}},
        fit=(1.5, 0.0),
    ),
    "orbits.plot_distance_from_sun": lambda: dict(
        elements={"Ceres": elements()}, times=Time(["2015-01-01", "2016-01-01"], scale="tdb")
    ),
    "orbits.plot_two_body_error": lambda: dict(
        times=Time(["2015-01-01", "2016-01-01"], scale="tdb"),
        errors={"Ceres": [100.0, 2e5] * u.km},
        epoch=Time("2015-01-01", scale="tdb"),
    ),
    "orbits.plot_earth_ceres": lambda: dict(
        times=Time(["2015-01-01", "2016-01-01"], scale="utc"),
        distance=[2.0, 3.5] * u.AU,
        closest=(Time("2015-01-01"), 2.0 * u.AU),
        arrival=(Time("2015-03-06"), 2.1 * u.AU),
    ),
    "orbits.SecondLawFigure": lambda: dict(elements={"a": 2 * u.AU, "e": 0.5}, name="test body", n_slices=12),
    # resonance
    "resonance.resonant_angle": lambda: dict(lam=10 * u.deg, varpi=0 * u.deg, lam_perturber=0 * u.deg, p=3, q=1),
    "resonance.BeltRun": belt_run_fields,
    "resonance.run_belt": lambda: dict(
        a0=[2.3, 2.5] * u.AU,
        e0=0.1,
        t_end=50 * u.yr,
        jupiter_a=5.2 * u.AU,
        jupiter_e=0.05,
        danger_distance=1.5 * u.AU,
        jupiter_mass_factor=1.0,
        n_out=3,
        steps_per_orbit=20,
        seed=0,
    ),
    "resonance.depletion_by_bin": lambda: dict(
        a0=[2.3, 2.5, 2.7] * u.AU, removed=[True, False, False], bins=[2.0, 2.6, 3.0] * u.AU
    ),
    # mission
    "mission.timeline": lambda: dict(data_dir=None),
    "mission.phases": lambda: dict(table=timeline()),
    "mission.milestone_positions": lambda: dict(table=timeline(), bodies=("earth",), data_dir=None),
    "mission.interpolated_path": lambda: dict(table=timeline(), points_per_leg=5, data_dir=None),
    "mission.hermite_polar": lambda: dict(
        t0=0.0,
        t1=91.3,
        state0=(np.array([1.0, 0, 0]), np.array([0, 0.0172, 0])),
        state1=(np.array([0, 1.0, 0]), np.array([-0.0172, 0, 0])),
        t=np.array([0.0, 45.0, 91.3]),
    ),
    "mission.science_orbits": lambda: dict(data_dir=None),
    "mission.orbit_periods_table": lambda: dict(data_dir=None),
    "mission.orbit_pixels_table": lambda: dict(ifov=93.7 * u.urad, data_dir=None),
    "mission.figure_style": lambda: dict(body="ceres"),
    "mission.plot_timeline": lambda: dict(ax=ax(), table=timeline(), phase_table=None),
    "mission.plot_positions": lambda: dict(
        ax=ax(), table=timeline(), positions=utils.mission.milestone_positions(timeline(), ("earth",)), orbits=None
    ),
    "mission.plot_densities": lambda: dict(
        ax=ax(),
        densities={"ice": 0.92 * u.g / u.cm**3, "crust": 2.97 * u.g / u.cm**3, "Moon": 3.34 * u.g / u.cm**3},
        ice="ice",
        rock=("crust", "Moon"),
    ),
    # camera
    "camera.pixel_scale": lambda: dict(distance=7200 * u.km, ifov=93.7 * u.urad),
    "camera.plot_pixel_scale": lambda: dict(
        ax=ax(), distances=[1000.0, 10000.0] * u.km, ifov=93.7 * u.urad, marks=None, current=None
    ),
    # propulsion
    "propulsion.specific_impulse": lambda: dict(v_e=30.4 * u.km / u.s),
    "propulsion.mass_ratio": lambda: dict(delta_v=3 * u.km / u.s, exhaust=3 * u.km / u.s),
    "propulsion.ion_speed": lambda: dict(voltage=1000 * u.V, ion_mass=131 * u.u),
    "propulsion.mass_flow": lambda: dict(thrust=90 * u.mN, exhaust=30 * u.km / u.s),
    "propulsion.jet_efficiency": lambda: dict(thrust=92 * u.mN, exhaust=3100 * u.s, power=2.3 * u.kW),
    "propulsion.power_limited_thrust": lambda: dict(power=2.3 * u.kW, exhaust=3100 * u.s, efficiency=0.61),
    "propulsion.burn_time": lambda: dict(propellant_mass=425 * u.kg, thrust=90 * u.mN, exhaust=3100 * u.s),
    "propulsion.solar_power": lambda: dict(distance=2 * u.AU, power_1au=10 * u.kW),
    "propulsion.hohmann_delta_v": lambda: dict(r1=1 * u.AU, r2=1.524 * u.AU, mu=None),
    "propulsion.SpiralResult": spiral_fields,
    "propulsion.low_thrust_spiral": lambda: dict(
        r_start=1 * u.AU,
        r_end=1.02 * u.AU,
        thrust=0.1 * u.N,
        mass=1000 * u.kg,
        exhaust=3000 * u.s,
        mu=None,
        rtol=1e-6,
        n_samples=50,
    ),
    "propulsion.RatioBars": lambda: dict(
        names=["a", "b"],
        units=["m", "s"],
        reference=[1.0, 2.0],
        colours=["C0", "C1"],
        reference_name="the reference",
        span=100.0,
        figsize=(5.0, 2.0),
        dpi=50,
    ),
    # photometry
    "photometry.geometric_albedo": lambda: dict(albedo=0.09, law="lambert"),
    "photometry.diluted_albedo": lambda: dict(
        spot_albedo=0.4, background_albedo=0.09, spot_diameter=10 * u.km, pixel_size=36 * u.km
    ),
    # imaging
    "imaging.Crater": lambda: dict(
        background=0.35,
        spot=1.0,
        crater_diameter=92 * u.km,
        spot_diameter=10 * u.km,
        floor=0.2,
        rim=-0.4,
        rim_width=1 * u.km,
        texture=0.05,
        side_spots=utils.imaging.VINALIA_LIKE,
        sharp=True,
    ),
    "imaging.occator_model": lambda: dict(
        background=0.09, facula=0.4, crater_diameter=92 * u.km, facula_diameter=10 * u.km, texture=0.05
    ),
    "imaging.albedo_map": lambda: dict(x=[0.0, 20.0] * u.km, y=[0.0, 5.0] * u.km, model=model()),
    "imaging.sample": lambda: dict(model=model(), field=120 * u.km, n=20),
    "imaging.facula_model": lambda: dict(
        field=120 * u.km,
        n=40,
        facula_diameter=10 * u.km,
        crater_diameter=92 * u.km,
        albedo_ground=0.09,
        albedo_facula=0.4,
    ),
    "imaging.box_means": lambda: dict(level=scene().levels[0], edges_km=np.array([-10.0, 0.0, 10.0]), background=0.09),
    "imaging.pixelate": lambda: dict(image=np.ones((20, 20)), field=10 * u.km, pixel=3 * u.km),
    "imaging.schematic_view": lambda: dict(
        scale=10 * u.km, crater_diameter=92 * u.km, spot_diameter=10 * u.km, field=None, max_pixels=50, supersample=2
    ),
    "imaging.render_sphere": lambda: dict(
        n_px=32,
        model=model(),
        radius=470 * u.km,
        phase_angle=20 * u.deg,
        law="lommel-seeliger",
        occator_latitude=0 * u.deg,
        frame=1.0,
    ),
    "imaging.Scene": lambda: dict(levels=scene().levels, model=model(), mean_background=0.09),
    "imaging.make_scene": lambda: dict(
        model=model(), half_width=60 * u.km, n_px=64, zooms=(1.0, 2.5), incidence=30 * u.deg, law="lommel-seeliger"
    ),
    "imaging.camera_image": lambda: dict(
        scene=scene(), distance=13500 * u.km, ifov=93.7 * u.urad, exposure=1.0, psf_fwhm_px=1.5, max_px=100
    ),
    "imaging.sphere_camera_image": lambda: dict(
        model=model(), radius=470 * u.km, distance=383000 * u.km, ifov=93.7 * u.urad, phase_angle=20 * u.deg
    ),
    "imaging.CameraImage": image_fields,
    "imaging.gaussian_psf": lambda: dict(image=np.eye(9), fwhm_px=2.0),
    "imaging.expose": lambda: dict(signal=np.array([0.09, 0.4]), exposure=1.0, reference=0.09),
    "imaging.profile": lambda: dict(image=camera_image(), which="reading"),
    # thermal
    "thermal.irradiance": lambda: dict(solar_constant=1361 * u.W / u.m**2, distance=2 * u.AU),
    "thermal.ice_vapour_pressure": lambda: dict(temperature=200 * u.K),
    "thermal.sublimation_mass_flux": lambda: dict(temperature=200 * u.K, molar_mass=18.015 * u.g / u.mol, sticking=1.0),
    "thermal.thickness_loss_rate": lambda: dict(mass_flux=1e-4 * u.kg / u.m**2 / u.s, density=1000 * u.kg / u.m**3),
    "thermal.sublimation_balance_temperature": lambda: dict(
        absorbed=160 * u.W / u.m**2, molar_mass=18.015 * u.g / u.mol, latent_heat=2830 * u.kJ / u.kg
    ),
    "thermal.diurnal_mean_sublimation_flux": lambda: dict(
        absorbed=162 * u.W / u.m**2, molar_mass=18.015 * u.g / u.mol, n=73
    ),
    # factcheck
    "factcheck.UnknownIdError": lambda: dict(),
    "factcheck.PartError": lambda: dict(),
    "factcheck.Verdict": lambda: dict(claim_id="N06", verdict="true", reason="launched 27 Sep 2007"),
    "factcheck.load_claims": lambda: dict(data_dir=None),
    "factcheck.claim_text": lambda: dict(claims=claims(), claim_id="N06"),
    "factcheck.fact_phrase": lambda: dict(fact_id="dawn.principal_investigator", upto=","),
    "factcheck.claimed_value": lambda: dict(claims=claims(), claim_id="N09", part=0),
    "factcheck.in_months": lambda: dict(interval=1 * u.yr),
    "factcheck.date_matches": lambda: dict(
        claimed="2007-09-01", actual="2007-09-27", tolerance=1 * u.day, month_only=True
    ),
    "factcheck.number_matches": lambda: dict(claimed=2700 * u.km, actual=2800 * u.km, rtol=0.05),
    "factcheck.rank_by": lambda: dict(table=catalogue(), column="diameter", name="Ceres", name_column="name"),
    "factcheck.verdict_table": lambda: dict(verdicts=verdicts(), claims=claims()),
    "factcheck.format_verdict_table": lambda: dict(table=verdict_table(), claim_width=48, evidence_width=70),
    "factcheck.verdict_table_html": lambda: dict(table=verdict_table()),
    "factcheck.verdict_counts": lambda: dict(table=verdict_table()),
    # added lesson callables
    "belt.nearest_neighbour_distance": lambda: dict(n_objects=8, volume=1 * u.km**3),
    "factcheck.combine_verdicts": lambda: dict(parts=("true", "misleading")),  # *parts
    "factcheck.verdict_word": lambda: dict(text="can't be checked"),
    "factcheck.your_verdict": lambda: dict(claim_id="N06", answer="true", reason="launched 27 Sep 2007"),
    "factcheck.your_checked_verdict": lambda: dict(
        claim_id="N20",
        exercise_id="08.11",
        answer="cannot be checked",
        reason="no source states that aim",
        claimed_aim="volcanic activity",
        stated_aims=("solar-system origins",),
    ),
    "factcheck.read_prediction": lambda: dict(text="it will increase"),
    "factcheck.read_back_slider": slider_readback_args,
    "factcheck.your_line": lambda: dict(name="news_closer"),
    "factcheck.date_verdicts": lambda: dict(claims=claims(), fact_ids={"N06": "dawn.launch"}),
    "factcheck.your_date_verdict": lambda: dict(
        claim_id="N10", matches=True, claimed="2015-03-06", record="2015-03-06T12:29", name="n10_matches"
    ),
    "factcheck.your_compared_verdict": lambda: dict(
        claim_id="N01",
        comparison=np.bool_(True),
        distance=7240 * u.km,
        reference=13500 * u.km,
        reference_name="RC3",
    ),
    "grading.FormExercise": lambda: dict(
        title="Exercise 1", form={"kind": "quantity", "unit": "km"}, points=1, defaults={}
    ),
    "grading.FormResult": lambda: dict(status="answered", message="The form is right.", name="01.1"),
    "grading.GradedCopyError": lambda: dict(),
    "grading.form_of": lambda: dict(expected=2.5 * u.AU, choices=None),
    "propulsion.BudgetChart": lambda: dict(
        final_mass=800 * u.kg,
        powers=[0.5, 2.3] * u.kW,
        efficiencies=[0.35, 0.61],
        reference=(3000 * u.s, 400 * u.kg, 2.3 * u.kW),
        colours=["C0", "C1", "C2"],
        reference_name="Dawn",
    ),
    "propulsion.throttle_efficiency": lambda: dict(
        power=1.0 * u.kW, powers=[0.5, 2.3] * u.kW, efficiencies=[0.35, 0.61]
    ),
    "resonance.HistoryFigure": lambda: dict(
        run=history_run(),
        a_perturber=5.2 * u.AU,
        danger_distance=1.5 * u.AU,
        colour="#332288",
        model="accelerated model",
    ),
    "resonance.draw_conjunctions": lambda: dict(ax=ax(), a=2.5 * u.AU, a_perturber=5.2 * u.AU, n=5),
    "resonance.eccentricity_alt_text": lambda: dict(run=history_run(), i_res=1, i_out=0, e_line=0.39, t_max=100),
    "resonance.angle_band_alt_text": lambda: dict(run=history_run(), i_res=1, i_out=0, t_max=100),
    "resonance.real_belt_panels": lambda: dict(
        a_real=np.array([2.2, 2.6, 3.0]), bins=np.arange(2.0, 3.5, 0.02), a_perturber=5.2 * u.AU, title="belt"
    ),
    "iceviews.IceLifeExplorer": lambda: dict(
        solar_constant=1361 * u.W / u.m**2,
        depth=0.5 * u.km,
        molar_mass=18.015 * u.g / u.mol,
        density=917 * u.kg / u.m**3,
        latent_heat=2.83e6 * u.J / u.kg,
        activity_age=9 * u.Myr,
        young_age=2 * u.Myr,
        faculae_low=0.25,
        faculae_high=0.6,
        albedo_stops=np.array([0.3, 0.9]),
        distance_stops=[2.6, 3.0] * u.AU,
    ),
    "spotviews.CameraExplorer": lambda: dict(scene=scene(), ifov=93.7 * u.urad),
    "spotviews.dawn_distances": lambda: dict(stops=25),
    "spotviews.altitude_slider_steps": lambda: dict(),
    "spotviews.slider_stops": lambda: dict(nearest=35 * u.km, farthest=61000 * u.km, marks={"LAMO": 385 * u.km}, n=60),
    "style.FastFigure": lambda: dict(figsize=(4.0, 3.0), dpi=50, margins={"left": 0.2}),
    "spotviews.AltitudeView": lambda: dict(radius=470 * u.km, far_mi=10000, near_mi=2000, zoom_mi=1500),
    "spotviews.DistanceView": lambda: dict(
        ifov=93.7 * u.urad,
        crater=92 * u.km,
        spot=10 * u.km,
        marks={"LAMO": 385 * u.km},
        distances=[100.0, 1000.0] * u.km,
        field=30 * u.km,
        max_pixels=50,
        names=("Occator", "the facula"),
    ),
    "spotviews.SharpnessView": lambda: dict(
        model=np.ones((40, 40)),
        field=120 * u.km,
        ifov=93.7 * u.urad,
        facula_diameter=10 * u.km,
        crater_diameter=92 * u.km,
    ),
}

# Arguments that legitimately take any object, string or flag (messages, labels, callbacks...).
ANY_VALUE = {
    ("units.ArgumentTypeError", "*"),
    ("data.DataError", "*"),
    ("data.DataFileError", "*"),
    ("facts.UnknownFactError", "*"),
    ("factcheck.UnknownIdError", "*"),
    ("factcheck.PartError", "*"),
    ("grading.GradedCopyError", "*"),
    # an unanswered exercise (None, ..., any non-verdict) is documented to give None ("not judged yet")
    ("factcheck.your_verdict", "answer"),
    # a reason that is not text (a number, None from print) is shown in the table as a reason still to write
    ("factcheck.your_verdict", "reason"),
    # the same for a checked verdict; an exercise id or input its check cannot use (the check never raises, it
    # reports them) only marks the verdict "check: not yet"
    ("factcheck.your_checked_verdict", "*"),
    # the reader's comparison line: anything but a numpy bool (None, a typed-in True, a number) gives no verdict
    # and a note saying what to write
    ("factcheck.your_compared_verdict", "comparison"),
    # the reader's N10 line: anything but True or False (None, a number, text) gives no verdict and a note
    ("factcheck.your_date_verdict", "matches"),
    # the slider's typed readings: anything that is not three numbers gets the request to fill them in
    ("factcheck.read_back_slider", "read_values"),
    # any answer that names no verdict (None, ..., a number) is read as "no verdict": None
    ("factcheck.verdict_word", "text"),
    # an expected answer may be a quantity, a number, a flag, a word or a date
    ("grading.form_of", "expected"),
}


# The validators of utils.units (each one of its public functions that takes a ``value`` and the
# ``name`` to call it by) are called by the library with constant names, units and bounds: only the
# argument that carries the user's value is made bad for them, and their message must name it by the
# ``name`` the call gives (see :func:`word_for`).  Derived from the module, so a new validator is
# fuzzed this way as soon as it is public (and, like any public callable, needs its entry in VALID).
VALIDATORS = {
    f"units.{name}"
    for name in utils.units.__all__
    if inspect.isfunction(member := getattr(utils.units, name))
    and {"value", "name"} <= set(inspect.signature(member).parameters)
}


def word_for(qualname: str, param: str, kwargs: dict) -> str:
    """The word a message must contain when ``param`` is bad: the argument's own name, or the
    ``name`` a validator was given for the value it checks."""
    if qualname in VALIDATORS and param == "value":
        return kwargs["name"]
    return param.rstrip("_")


# Arguments whose nan is documented to pass through (nan marks a removed particle in BeltRun
# histories, and BeltRun.angle relies on it).
NAN_PASSES = {
    ("resonance.resonant_angle", "lam"),
    ("resonance.resonant_angle", "varpi"),
    ("resonance.resonant_angle", "lam_perturber"),
}


def public_callables():
    """(qualified name, object) for every public callable of every module in ``utils.__all__``."""
    seen = {}
    for mod_name in utils.__all__:
        if mod_name in SKIP_MODULES:
            continue
        obj = getattr(utils, mod_name)
        if not inspect.ismodule(obj):
            continue
        for name in getattr(obj, "__all__", []):
            member = getattr(obj, name)
            if callable(member) and not isinstance(member, (dict, tuple, list, str)):
                seen.setdefault(id(member), (f"{mod_name}.{name}", member))
    return sorted(seen.values())


CALLABLES = public_callables()


# ---------------------------------------------------------------------------
# bad values
# ---------------------------------------------------------------------------
class _Thing:
    """An object of no expected type."""

    def __repr__(self):
        return "<thing>"


def bad_values(valid):
    """(label, bad value) pairs derived from a valid value."""
    common = [("None", None), ("string", "abc"), ("object", _Thing()), ("bool", True)]
    if isinstance(valid, u.Quantity):
        unit = valid.unit
        other = u.s if not unit.is_equivalent(u.s) else u.kg
        out = common + [
            ("wrong unit", 1 * other),
            ("negative", -np.abs(valid)),
            ("zero", 0 * valid),
            ("nan", np.full(valid.shape, np.nan) * unit),
            ("inf", np.full(valid.shape, np.inf) * unit),
            ("huge", np.full(valid.shape, 1e300) * unit),
            ("empty", np.array([]) * unit),
            ("wrong shape", np.ones((2, 3, 4)) * unit),
            ("huge int", 10**12),
        ]
        if unit != u.one:
            out.append(("no unit", np.asarray(valid.value)))
        return out
    if isinstance(valid, (bool, np.bool_)):
        return [("None", None), ("string", "no"), ("object", _Thing()), ("int", 1)]
    if isinstance(valid, (int, np.integer)):
        return common + [
            ("negative", -1),
            ("zero", 0),
            ("float", 2.5),
            ("nan", math.nan),
            ("inf", math.inf),
            ("huge", 1e300),
            ("huge int", 10**12),
            ("unit", 3 * u.kg),
        ]
    if isinstance(valid, (float, np.floating)):
        return common + [
            ("negative", -1.0),
            ("zero", 0.0),
            ("nan", math.nan),
            ("inf", math.inf),
            ("huge", 1e300),
            ("empty", np.array([])),
            ("wrong shape", np.ones((2, 3, 4))),
            ("unit", 1 * u.kg),
            ("huge int", 10**12),
        ]
    if isinstance(valid, str):
        return [
            ("None", None),
            ("number", 5),
            ("empty string", ""),
            ("unknown", "no-such-thing"),
            ("object", _Thing()),
            ("bool", True),
        ]
    if isinstance(valid, np.ndarray) and valid.dtype.kind in "iuf":
        return common + [
            ("empty", np.array([])),
            ("wrong shape", np.ones((2, 3, 4))),
            ("nan", np.full(valid.shape, np.nan)),
            ("inf", np.full(valid.shape, np.inf)),
            ("huge", np.full(valid.shape, 1e300)),
            ("negative", -np.abs(valid) - 1),
            ("unit", valid * u.kg),
        ]
    if isinstance(valid, (list, tuple)):
        return common + [
            ("empty", type(valid)()),
            ("None inside", [None]),
            ("wrong shape", np.ones((2, 3, 4))),
            ("number", 5),
        ]
    if valid is None:  # an optional argument: try values of the wrong kind
        return [
            ("string", "abc"),
            ("object", _Thing()),
            ("bool", True),
            ("negative", -1.0),
            ("nan", math.nan),
            ("huge", 1e300),
            ("empty", np.array([])),
        ]
    # tables, axes, times, models, dicts, types...
    return common + [("number", 5), ("empty", np.array([]))]


# ---------------------------------------------------------------------------
# judging one call
# ---------------------------------------------------------------------------
class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def _finite(obj, depth=0) -> bool:
    """True if every number inside ``obj`` is finite (walks containers and dataclass-like objects)."""
    if depth > 4:
        return True
    if isinstance(obj, Time):
        return bool(np.all(np.isfinite(obj.jd)))
    if isinstance(obj, u.Quantity):
        return obj.dtype.kind not in "fc" or bool(np.all(np.isfinite(obj.value)))
    if isinstance(obj, np.ndarray):
        return obj.dtype.kind not in "fc" or bool(np.all(np.isfinite(obj)))
    if isinstance(obj, (float, np.floating)):
        return math.isfinite(obj)
    if isinstance(obj, dict):
        return all(_finite(v, depth + 1) for v in obj.values())
    if isinstance(obj, (list, tuple)):
        return all(_finite(v, depth + 1) for v in obj)
    if hasattr(obj, "__dataclass_fields__"):
        return all(_finite(getattr(obj, f), depth + 1) for f in obj.__dataclass_fields__)
    return True


def _split_star(func, kwargs):
    """Pass a ``*args`` parameter's value positionally (a lone non-sequence value as one argument)."""
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return (), kwargs
    for name, p in params.items():
        if p.kind is inspect.Parameter.VAR_POSITIONAL and name in kwargs:
            rest = dict(kwargs)
            value = rest.pop(name)
            return (tuple(value) if isinstance(value, (list, tuple)) else (value,)), rest
    return (), kwargs


def _call(func, kwargs, limit=TIME_LIMIT):
    args, kwargs = _split_star(func, kwargs)
    old_prof = signal.signal(signal.SIGPROF, _alarm)
    old_alarm = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_PROF, limit)
    signal.setitimer(signal.ITIMER_REAL, max(WALL_LIMIT, limit))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)
            return func(*args, **kwargs)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGPROF, old_prof)
        signal.signal(signal.SIGALRM, old_alarm)


def _close_figures():
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


ALLOWED = (ValueError, TypeError, u.UnitsError)


def judge(qualname, func, kwargs, param, label, bad, valid_finite):
    """Return (outcome, detail); outcome is 'error', 'sane' or a failure kind."""
    try:
        result = _call(func, {**kwargs, param: bad})
    except Hang:
        return "hang", f"no answer within {TIME_LIMIT} s of CPU time or {WALL_LIMIT} s of wall time"
    except Exception as exc:  # noqa: BLE001 - we classify every exception
        from utils.data import DataError

        tb = traceback.extract_tb(exc.__traceback__)
        last = tb[-1].filename if tb else ""
        where = f"{os.path.relpath(last, ROOT) if last.startswith(str(ROOT)) else last}:{tb[-1].lineno if tb else 0}"
        msg = str(exc)
        if isinstance(
            exc, (FloatingPointError, RuntimeWarning, MemoryError, RecursionError, OverflowError)
        ) or not isinstance(exc, ALLOWED + (DataError,)):
            return "deep traceback", f"{type(exc).__name__} at {where}: {msg[:150]}"
        if not last.startswith(UTILS_DIR):
            return "deep traceback", f"{type(exc).__name__} raised at {where}: {msg[:150]}"
        word = word_for(qualname, param, kwargs)
        if not re.search(rf"(?<![A-Za-z0-9_]){re.escape(word)}(?![A-Za-z0-9_])", msg):
            return "unnamed", f"{type(exc).__name__} does not name {word!r}: {msg[:150]}"
        return "error", ""
    finally:
        _close_figures()
    if (qualname, "*") not in ANY_VALUE and (qualname, param) not in ANY_VALUE:
        default = (
            inspect.signature(func).parameters[param].default
            if param in inspect.signature(func).parameters
            else inspect.Parameter.empty
        )
        valid = kwargs[param]
        if label == "None" and default is not None:
            return "nonsense", "None accepted"
        if label == "object":
            return "nonsense", "an arbitrary object accepted"
        if (
            label in ("bool", "string")
            and type(valid) is not type(bad)
            and not (
                label == "string"
                and isinstance(valid, (str, os.PathLike))
                or valid is None
                and label == "string"
                and "data_dir" in param
            )
        ):
            return "nonsense", f"{label} {bad!r} accepted for {type(valid).__name__}"
    if valid_finite and not _finite(result) and not (label == "nan" and (qualname, param) in NAN_PASSES):
        return "nonsense", "non-finite numbers returned"
    return "sane", ""


def check_callable(qualname, func):
    """Run the valid call and every bad call; return (counts, failures)."""
    kwargs = VALID[qualname]()
    result = _call(func, kwargs, limit=120)  # the valid call must work (it also warms up imports)
    _close_figures()
    valid_finite = _finite(result)
    counts = {"calls": 1}
    failures = []
    for param in ("value",) if qualname in VALIDATORS else list(kwargs):
        for label, bad in bad_values(kwargs[param]):
            kwargs = VALID[qualname]()  # fresh objects: a call may have changed them
            outcome, detail = judge(qualname, func, kwargs, param, label, bad, valid_finite)
            counts["calls"] += 1
            counts[outcome] = counts.get(outcome, 0) + 1
            if outcome not in ("error", "sane"):
                failures.append(f"{qualname}({param}={label}): {outcome}: {detail}")
    return counts, failures


def test_the_hang_guard_stops_a_loop_and_a_wait(monkeypatch):
    def spin(n):
        while n:
            n += 1

    def wait(seconds):
        time.sleep(seconds)

    with pytest.raises(Hang):
        _call(spin, {"n": 1}, limit=0.2)
    monkeypatch.setattr(sys.modules[__name__], "WALL_LIMIT", 0.3)
    with pytest.raises(Hang):  # without the wall-time guard the sleep would end and return None
        _call(wait, {"seconds": 30}, limit=0.2)
    assert _call(wait, {"seconds": 0}, limit=0.2) is None


def test_every_public_callable_has_a_valid_call():
    names = [q for q, _ in CALLABLES]
    missing = [q for q in names if q not in VALID]
    assert not missing, f"add a valid call to VALID in {__file__} for: {', '.join(missing)}"
    stale = sorted(set(VALID) - set(names))
    assert not stale, f"VALID lists callables that are not public any more: {stale}"
    assert len(names) > 100


def test_the_validators_are_found_in_utils_units():
    """The value-and-name validators come from the module, and each valid call names its value."""
    assert {"units.require", "units.number", "units.albedo", "units.gravitational_parameter"} <= VALIDATORS
    assert not {"units.same_shape", "units.resonance_pair", "units.ArgumentTypeError"} & VALIDATORS
    assert len(VALIDATORS) >= 19
    for qualname in VALIDATORS:
        assert isinstance(VALID[qualname]().get("name"), str), f"{qualname}'s valid call gives no name="


@pytest.mark.parametrize("qualname, func", CALLABLES, ids=[q for q, _ in CALLABLES])
def test_bad_arguments_get_clear_errors_or_sane_results(qualname, func):
    if qualname not in VALID:
        pytest.fail(f"no valid call for {qualname} in VALID")
    counts, failures = check_callable(qualname, func)
    assert counts["calls"] > (1 if VALID[qualname]() else 0)  # the valid call, plus bad ones if it has arguments
    assert not failures, "\n".join(failures)


def test_the_ice_widget_reading_check_rejects_hostile_readings_clearly():
    """IceLifeExplorer.reading_ok, which opens lesson 07's Going further 4 and 5, names its argument on bad input
    and answers False, never True, for any number that is not the right stop."""
    view = utils.iceviews.IceLifeExplorer(**VALID["iceviews.IceLifeExplorer"]())
    for bad in (None, True, np.bool_(False), [0.9], (0.9,), {"a": 0.9}, 0.9 * u.one, _Thing(), b"0.9"):
        with pytest.raises(TypeError, match="albedo"):
            _call(view.reading_ok, {"albedo": bad}, limit=2)
    for bad in ("high", "", "0.9 AU"):
        with pytest.raises(ValueError, match="albedo"):
            _call(view.reading_ok, {"albedo": bad}, limit=2)
    for number in (np.nan, np.inf, -np.inf, -0.9, 0.0, 1.0, 1e300, -1e300, 0.5, 0.3):
        assert _call(view.reading_ok, {"albedo": number}, limit=2) is False, number
    assert view.reading_ok(0.9) is True and view.reading_ok("0.90") is True  # the one right stop here
    # the lifetime read off with it: a clear error naming it, or False, never a traceback from deep inside
    for bad in (True, "5e6", [5e6], {"y": 1}, _Thing(), b"1", np.array([1.0, 2.0])):
        with pytest.raises(TypeError, match="years"):
            _call(view.reading_ok, {"albedo": 0.9, "years": bad}, limit=2)
    for bad in (np.nan, np.inf, 5 * u.m, [1.0, 2.0] * u.yr):
        with pytest.raises(ValueError, match="years"):
            _call(view.reading_ok, {"albedo": 0.9, "years": bad}, limit=2)
    for number in (None, 0, -1.0, 1e300, -1e300):
        assert _call(view.reading_ok, {"albedo": 0.9, "years": number}, limit=2) is False, number


def main(prefixes=()) -> int:
    totals: dict = {}
    all_failures = []
    for qualname, func in CALLABLES:
        if prefixes and not qualname.startswith(tuple(prefixes)):
            continue
        if qualname not in VALID:
            all_failures.append(f"{qualname}: no valid call")
            continue
        print(f"... {qualname}", file=sys.stderr, flush=True)
        try:
            counts, failures = check_callable(qualname, func)
            for line in failures:
                print("   ", line, file=sys.stderr, flush=True)
        except Exception as exc:  # noqa: BLE001
            all_failures.append(f"{qualname}: the valid call failed: {type(exc).__name__}: {exc}")
            continue
        for k, v in counts.items():
            totals[k] = totals.get(k, 0) + v
        all_failures += failures
    for line in all_failures:
        print(line)
    print(f"{len(CALLABLES)} callables; " + ", ".join(f"{k}: {v}" for k, v in sorted(totals.items())))
    return 1 if all_failures else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
