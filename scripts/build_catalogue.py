#!/usr/bin/env python3
"""Build ``data/asteroids.ecsv`` from a JPL Small-Body Database extract.

Default (offline, reproducible) source
    ``usr/share/kstars/asteroids.dat`` from Debian's ``kstars-data``
    package: the JSON answer of the JPL SBDB Query API for all asteroids
    with H <= 12 (7,099 objects, most at osculating epoch MJD 59800)::

        apt-get update && apt-get download kstars-data
        dpkg -x kstars-data_*.deb /tmp/kstars
        python3 scripts/build_catalogue.py \\
            --input /tmp/kstars/usr/share/kstars/asteroids.dat \\
            --deb kstars-data_*.deb
        python3 scripts/make_manifest.py

    The same input always gives the same bytes: rows are sorted (numbered
    objects by number, then the rest by designation), every float column
    has a fixed number of decimals, and the header holds no build time.

Optional live refresh (needs the network, never used by lessons or tests)
    ``--from-sbdb [--h-max 12]`` queries
    https://ssd-api.jpl.nasa.gov/sbdb_query.api for the same fields.
    Use it for a larger or newer catalogue; record in data/README.md when
    it was retrieved.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "data" / "asteroids.ecsv"

SBDB_QUERY_URL = "https://ssd-api.jpl.nasa.gov/sbdb_query.api"
SBDB_FIELDS = (
    "full_name",
    "neo",
    "H",
    "G",
    "diameter",
    "extent",
    "albedo",
    "rot_per",
    "orbit_id",
    "epoch_mjd",
    "e",
    "a",
    "q",
    "i",
    "om",
    "w",
    "ma",
    "per_y",
    "moid",
    "class",
)
# every field but the ones a table may lack (slope parameter G, extent, orbit solution id)
REQUIRED_FIELDS = tuple(f for f in SBDB_FIELDS if f not in ("G", "extent", "orbit_id"))

# output column -> (SBDB field, unit, decimals, description)
FLOAT_COLUMNS: dict[str, tuple[str, str, int, str]] = {
    "H": ("H", "mag", 3, "absolute magnitude"),
    "diameter": ("diameter", "km", 3, "diameter (masked where unknown)"),
    "albedo": ("albedo", "", 4, "geometric albedo (masked where unknown)"),
    "rot_per": ("rot_per", "h", 6, "rotation period (masked where unknown)"),
    "epoch_mjd": ("epoch_mjd", "d", 1, "epoch of the osculating elements, MJD (TDB)"),
    "a": ("a", "AU", 9, "semi-major axis"),
    "e": ("e", "", 9, "eccentricity"),
    "i": ("i", "deg", 6, "inclination to the J2000 ecliptic"),
    "om": ("om", "deg", 6, "longitude of the ascending node (J2000 ecliptic)"),
    "w": ("w", "deg", 6, "argument of perihelion"),
    "ma": ("ma", "deg", 6, "mean anomaly at epoch"),
    "q": ("q", "AU", 9, "perihelion distance"),
    "per": ("per_y", "yr", 6, "orbital period (Julian years)"),
    "moid": ("moid", "AU", 6, "Earth minimum orbit intersection distance"),
}

_NAME_RE = re.compile(r"^\s*(?P<number>\d+)?\s*(?P<name>[^()]*?)\s*(?:\((?P<desig>[^)]*)\))?\s*$")

CLASS_NAMES = {
    "MBA": "main-belt asteroid",
    "OMB": "outer main-belt asteroid",
    "IMB": "inner main-belt asteroid",
    "MCA": "Mars-crossing asteroid",
    "TJN": "Jupiter trojan",
    "CEN": "centaur",
    "TNO": "trans-Neptunian object",
    "AMO": "Amor (near-Earth)",
    "APO": "Apollo (near-Earth)",
    "ATE": "Aten (near-Earth)",
    "IEO": "Atira (near-Earth)",
    "AST": "asteroid (other)",
    "HYA": "hyperbolic asteroid",
    "PAA": "parabolic asteroid",
}


def parse_full_name(full_name: str) -> tuple[int | None, str, str]:
    """Split an SBDB ``full_name`` into (number, name, designation).

    >>> parse_full_name("     1 Ceres (A801 AA)")
    (1, 'Ceres', 'A801 AA')
    >>> parse_full_name("       (2022 OH10)")
    (None, '', '2022 OH10')
    """
    m = _NAME_RE.match(full_name)
    if m is None:
        raise ValueError(f"cannot parse SBDB full_name {full_name!r}")
    number = int(m["number"]) if m["number"] else None
    return number, (m["name"] or "").strip(), (m["desig"] or "").strip()


def _round(value: str | None, decimals: int) -> float | None:
    if value is None or value == "":
        return None
    # Decimal text -> nearest double: platform independent.
    return float(f"{float(value):.{decimals}f}")


def sbdb_json_to_table(payload: dict[str, Any], provenance: dict[str, Any]):
    """Convert an SBDB Query API JSON answer into the catalogue table.

    Parameters
    ----------
    payload : dict
        Decoded JSON with keys ``fields`` and ``data`` (and ``signature``).
    provenance : dict
        Extra header metadata (source file, package, retrieval date...).

    Returns
    -------
    astropy.table.Table
        Sorted, with units on every numeric column and metadata.
    """
    from astropy.table import MaskedColumn, Table

    fields = payload.get("fields")
    rows = payload.get("data")
    if not isinstance(fields, list) or not isinstance(rows, list):
        raise ValueError("SBDB answer must have 'fields' and 'data' lists")
    missing = [f for f in REQUIRED_FIELDS if f not in fields]
    if missing:
        raise ValueError(f"SBDB answer lacks fields {missing}; got {fields}")
    idx = {f: k for k, f in enumerate(fields)}
    if "count" in payload and int(payload["count"]) != len(rows):
        raise ValueError(f"SBDB answer says count={payload['count']} but has {len(rows)} rows")

    records = []
    for row in rows:
        number, name, desig = parse_full_name(row[idx["full_name"]])
        rec = {
            "number": number,
            "name": name or desig,
            "designation": desig,
            "class": row[idx["class"]],
            "neo": row[idx["neo"]] == "Y",
        }
        for col, (field, _unit, dec, _d) in FLOAT_COLUMNS.items():
            rec[col] = _round(row[idx[field]], dec)
        records.append(rec)

    def key(r):
        return (0, r["number"], "") if r["number"] is not None else (1, 0, r["designation"])

    records.sort(key=key)

    t = Table()
    num = [r["number"] for r in records]
    t["number"] = MaskedColumn(
        [n if n is not None else 0 for n in num],
        dtype=np.int64,
        mask=[n is None for n in num],
        description="IAU minor-planet number (masked if unnumbered)",
    )
    t["name"] = [r["name"] for r in records]
    t["name"].description = "IAU name, or the designation if unnamed"
    t["designation"] = [r["designation"] for r in records]
    t["designation"].description = "principal designation"
    t["class"] = [r["class"] for r in records]
    t["class"].description = "SBDB orbit class code (MBA, OMB, TJN, CEN, TNO, ...)"
    t["neo"] = np.array([r["neo"] for r in records], dtype=bool)
    t["neo"].description = "near-Earth object flag"
    for col, (_field, unit, dec, desc) in FLOAT_COLUMNS.items():
        vals = [r[col] for r in records]
        mask = [v is None for v in vals]
        data = np.array([np.nan if v is None else v for v in vals], dtype=np.float64)
        c = MaskedColumn(data, mask=mask, unit=unit or "", description=desc, format=f".{dec}f")
        if not any(mask):
            c = c.filled(np.nan)  # plain column
            c.info.format = f".{dec}f"
            c.info.description = desc
            c.unit = unit or ""
        t[col] = c
    sig = payload.get("signature", {})
    t.meta = {
        "title": "Asteroids with H <= 12 from the JPL Small-Body Database",
        "source": sig.get("source", "NASA/JPL SBDB (Small-Body DataBase) Query API"),
        "source_version": sig.get("version", ""),
        "source_url": SBDB_QUERY_URL,
        "query_fields": list(fields),
        "credit": "NASA/JPL Small-Body Database (https://ssd.jpl.nasa.gov/tools/sbdb_query.html)",
        "licence": "JPL SBDB data are public (U.S. Government work); credit NASA/JPL.",
        "epoch_note": (
            "Osculating elements at the epoch in column epoch_mjd "
            "(MJD 59800 = 2022-08-09 TDB for most objects; older epochs "
            "for some poorly observed distant objects). Angles refer to "
            "the J2000 ecliptic and equinox."
        ),
        "class_codes": {k: CLASS_NAMES[k] for k in sorted(set(t["class"])) if k in CLASS_NAMES},
        "rows": len(t),
        "build": "python3 scripts/build_catalogue.py (see its docstring)",
        **provenance,
    }
    return t


def write_ecsv(table, output: Path) -> None:
    """Write ``table`` as ECSV with LF line endings (deterministic bytes)."""
    import io

    buf = io.StringIO()
    table.write(buf, format="ascii.ecsv", overwrite=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(buf.getvalue().replace("\r\n", "\n").encode("utf-8"))


def sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def deb_provenance(deb: Path) -> dict[str, str]:
    """Package name and version from a .deb (needs ``dpkg-deb``)."""
    out = {}
    for field in ("Package", "Version"):
        out[field.lower()] = subprocess.run(
            ["dpkg-deb", "-f", str(deb), field], check=True, capture_output=True, text=True
        ).stdout.strip()
    return {
        "debian_package": out["package"],
        "debian_version": out["version"],
        "debian_file": "usr/share/kstars/asteroids.dat",
        "debian_deb_sha256": sha256_file(deb),
    }


def build_from_file(path: Path, output: Path, provenance: dict[str, Any] | None = None) -> Path:
    """Convert an SBDB JSON file (e.g. kstars' asteroids.dat) to ECSV."""
    raw = Path(path).read_bytes()
    payload = json.loads(raw)
    prov = {"input_sha256": hashlib.sha256(raw).hexdigest(), **(provenance or {})}
    write_ecsv(sbdb_json_to_table(payload, prov), output)
    return output


def sbdb_query_url(h_max: float = 12.0, fields: Sequence[str] = SBDB_FIELDS) -> str:
    """URL of the SBDB Query API request for asteroids with H <= h_max.

    >>> sbdb_query_url(10).startswith("https://ssd-api.jpl.nasa.gov/sbdb_query.api?")
    True
    """
    if not 0 < h_max < 30:
        raise ValueError(f"h_max must be between 0 and 30 mag, got {h_max}")
    params = {
        "fields": ",".join(fields),
        "sb-kind": "a",
        "sb-cdata": json.dumps({"AND": [f"H|LE|{h_max:g}"]}, separators=(",", ":")),
        "full-prec": "1",
    }
    return f"{SBDB_QUERY_URL}?{urllib.parse.urlencode(params)}"


def fetch_sbdb(h_max: float = 12.0, opener: Callable[..., Any] | None = None, timeout: float = 120.0) -> dict[str, Any]:
    """Query the live SBDB API and return the decoded JSON.

    ``opener`` defaults to :func:`urllib.request.urlopen`; tests pass a
    replacement that serves a recorded answer (no network).
    """
    opener = opener or urllib.request.urlopen
    req = urllib.request.Request(sbdb_query_url(h_max), headers={"User-Agent": "bright-spots-build/1.0"})
    with opener(req, timeout=timeout) as resp:
        payload = json.loads(resp.read().decode("utf-8"))
    if "fields" not in payload or "data" not in payload:
        msg = payload.get("message") or payload.get("error") or str(payload)[:200]
        raise RuntimeError(f"SBDB query failed: {msg}")
    return payload


def build_from_sbdb(
    output: Path, h_max: float = 12.0, retrieved: str | None = None, opener: Callable[..., Any] | None = None
) -> Path:
    payload = fetch_sbdb(h_max, opener=opener)
    prov = {"query_url": sbdb_query_url(h_max), "retrieved": retrieved or "unknown"}
    write_ecsv(sbdb_json_to_table(payload, prov), output)
    return output


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", type=Path, help="SBDB JSON (kstars asteroids.dat)")
    p.add_argument("--deb", type=Path, help="the kstars-data .deb it came from (for provenance)")
    p.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    p.add_argument("--from-sbdb", action="store_true", help="query the live SBDB API instead")
    p.add_argument("--h-max", type=float, default=12.0)
    p.add_argument("--retrieved", help="retrieval date to record (YYYY-MM-DD)")
    args = p.parse_args(argv)
    if args.from_sbdb:
        out = build_from_sbdb(args.output, args.h_max, args.retrieved)
    else:
        if args.input is None:
            p.error("--input is required unless --from-sbdb is given")
        prov = deb_provenance(args.deb) if args.deb else {}
        out = build_from_file(args.input, args.output, prov)
    print(f"wrote {out} ({out.stat().st_size:,} bytes, sha256 {sha256_file(out)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
