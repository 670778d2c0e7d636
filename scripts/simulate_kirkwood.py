#!/usr/bin/env python3
"""Simulate test asteroids across the belt under the pull of a real-mass Jupiter.

Writes ``data/kirkwood_run.ecsv``: one row per test particle with its start
(a0, e0), the range of eccentricity it went through, its smallest perihelion
distance and, if its perihelion dropped inside Mars' orbit, when.  Every
parameter of the run is recorded in the file's header, so the file can be
regenerated exactly (the run is deterministic for a given REBOUND build):

    .venv/bin/python scripts/simulate_kirkwood.py              # the committed run (about 2-3 min of CPU)
    .venv/bin/python scripts/simulate_kirkwood.py --quick      # a 12-particle check, a few seconds
    .venv/bin/python scripts/simulate_kirkwood.py --a-min 2.45 --a-max 2.55 --n 50 --output build/gap.ecsv

A run with other settings than the committed one refuses to write into data/
unless given --force.
    .venv/bin/python scripts/make_manifest.py                  # after replacing the data file

Model: the Sun and Jupiter (mass, semi-major axis and eccentricity from
``astropy.constants`` and ``data/facts.ecsv``) with massless test particles in
Jupiter's orbital plane, REBOUND's WHFast integrator; other planets are left
out.  Lesson 03 (notebooks/03-resonances.ipynb) reads the result.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import astropy.units as u
import numpy as np
from astropy.table import QTable

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "data" / "kirkwood_run.ecsv"
QUICK_OUTPUT = ROOT / "build" / "kirkwood_run_quick.ecsv"

FULL = {"n": 200, "a_min": 2.1, "a_max": 3.3, "t_end": 500_000.0, "n_out": 1001}
QUICK = {"n": 12, "a_min": 2.3, "a_max": 2.7, "t_end": 2_000.0, "n_out": 41}


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="a short check run (12 particles, 2,000 yr)")
    p.add_argument(
        "--output",
        type=Path,
        help=f"output ECSV (default {DEFAULT_OUTPUT.relative_to(ROOT)}, "
        f"or {QUICK_OUTPUT.relative_to(ROOT)} with --quick)",
    )
    p.add_argument("--n", type=int, help="number of test particles")
    p.add_argument("--a-min", type=float, help="smallest starting semi-major axis (AU)")
    p.add_argument("--a-max", type=float, help="largest starting semi-major axis (AU)")
    p.add_argument("--t-end", type=float, help="integration time (yr)")
    p.add_argument("--n-out", type=int, help="number of checks for Mars crossing (equally spaced)")
    p.add_argument("--e-min", type=float, default=0.05, help="smallest starting eccentricity (default 0.05)")
    p.add_argument("--e-max", type=float, default=0.15, help="largest starting eccentricity (default 0.15)")
    p.add_argument(
        "--mass-factor", type=float, default=1.0, help="Jupiter's mass in units of the real one (default 1: realistic)"
    )
    p.add_argument("--seed", type=int, default=2015, help="random seed for starting e and angles")
    p.add_argument(
        "--force",
        action="store_true",
        help="allow a run with other settings to write into data/ (replacing a committed file)",
    )
    args = p.parse_args(argv)
    base = QUICK if args.quick else FULL
    for key, value in base.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    if args.output is None:
        args.output = QUICK_OUTPUT if args.quick else DEFAULT_OUTPUT
    if _inside(args.output, ROOT / "data") and not args.force and not _committed_settings(args):
        p.error(
            f"these settings differ from the committed run, so the result would replace "
            f"{args.output} in data/: give another --output (e.g. build/my_run.ecsv), or --force"
        )
    if args.n < 1:
        p.error("--n must be at least 1")
    if not 0 < args.a_min <= args.a_max:
        p.error("need 0 < --a-min <= --a-max")
    if not 0 <= args.e_min <= args.e_max < 1:
        p.error("need 0 <= --e-min <= --e-max < 1")
    if args.t_end <= 0:
        p.error("--t-end must be positive")
    return args


def _inside(path: Path, folder: Path) -> bool:
    """True if ``path`` (relative paths count from the working directory) lies in ``folder``."""
    return Path(path).resolve().is_relative_to(folder.resolve())


def _committed_settings(args: argparse.Namespace) -> bool:
    """True if ``args`` are the settings of the committed run (the defaults, no --quick)."""
    defaults = {**FULL, "e_min": 0.05, "e_max": 0.15, "mass_factor": 1.0, "seed": 2015}
    return not args.quick and all(getattr(args, key) == value for key, value in defaults.items())


def summarise(run) -> QTable:
    """One row per particle: start, eccentricity range, smallest perihelion, fate."""
    last = np.array([np.flatnonzero(np.isfinite(row))[-1] for row in run.e])
    idx = np.arange(run.a0.size)
    q = run.a * (1 - run.e)
    table = QTable()
    table["a0"] = run.a0 * u.AU
    table["e0"] = run.e0
    table["e_min"] = np.nanmin(run.e, axis=1)
    table["e_max"] = np.nanmax(run.e, axis=1)
    table["q_min"] = np.nanmin(q, axis=1) * u.AU
    table["a_last"] = run.a[idx, last] * u.AU
    table["e_last"] = run.e[idx, last]
    table["t_removed"] = run.t_removed.to(u.yr)
    table["removed"] = run.removed
    for name in table.colnames:
        if table[name].dtype.kind == "f":
            table[name] = np.round(table[name], 6)
    table["a0"].info.description = "starting semi-major axis"
    table["e0"].info.description = "starting eccentricity"
    table["e_min"].info.description = "smallest eccentricity seen at the checks (before removal)"
    table["e_max"].info.description = "largest eccentricity seen at the checks (up to and including removal)"
    table["q_min"].info.description = "smallest perihelion distance a(1 - e) seen at the checks"
    table["a_last"].info.description = "semi-major axis at the last check (at removal, or at the end)"
    table["e_last"].info.description = "eccentricity at the last check"
    table["t_removed"].info.description = "time the perihelion was first seen inside Mars' orbit (NaN: never)"
    table["removed"].info.description = "True if the perihelion dropped inside Mars' orbit"
    return table


def main(argv=None) -> int:
    args = parse_args(argv)
    from astropy.constants import M_jup, M_sun

    from utils.facts import fact
    from utils.resonance import run_belt

    rng = np.random.default_rng(args.seed)
    a0 = np.round(np.linspace(args.a_min, args.a_max, args.n), 6)
    e0 = np.round(rng.uniform(args.e_min, args.e_max, args.n), 4)
    start = time.process_time()
    run = run_belt(
        a0 * u.AU,
        e0,
        args.t_end * u.yr,
        jupiter_a=fact("jupiter.a"),
        jupiter_e=fact("jupiter.e"),
        danger_distance=fact("mars.a"),
        jupiter_mass_factor=args.mass_factor,
        n_out=args.n_out,
        seed=args.seed + 1,
    )
    cpu = time.process_time() - start
    table = summarise(run)
    meta = {
        "title": "Test asteroids under Jupiter's pull: who crosses Mars' orbit?",
        "generated_by": "scripts/simulate_kirkwood.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "description": (
            "Sun + Jupiter (planar, eccentric orbit) with massless test particles in Jupiter's plane, "
            "REBOUND WHFast. Starting a evenly spaced, e uniform at random, mean longitude and "
            "longitude of perihelion uniform at random (seeded). A particle is removed when a check "
            "finds its perihelion inside Mars' mean distance from the Sun (Mars itself is not simulated)."
        ),
        "quick": bool(args.quick),
        "a_min_AU": float(args.a_min),
        "a_max_AU": float(args.a_max),
        "e0_min": float(args.e_min),
        "e0_max": float(args.e_max),
        "seed_e0": int(args.seed),
        "jupiter_mass_source": f"astropy.constants M_jup/M_sun = {float(M_jup / M_sun):.9e}",
        "jupiter_a_fact": "jupiter.a",
        "jupiter_e_fact": "jupiter.e",
        "danger_distance_fact": "mars.a",
        "units": "yr, AU, solar masses (REBOUND G in these units)",
    }
    meta.update({k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in run.params.items()})
    meta["seed_angles"] = meta.pop("seed")
    table.meta = meta
    args.output.parent.mkdir(parents=True, exist_ok=True)
    table.write(args.output, format="ascii.ecsv", overwrite=True)
    print(f"wrote {args.output} ({len(table)} particles, {int(table['removed'].sum())} removed, {cpu:.1f} s of CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
