#!/usr/bin/env python3
"""Regenerate ``data/MANIFEST.sha256`` (sha256sum format).

Every regular file in ``data/`` is listed except the manifest itself and
``README.md``.  Check by hand with ``cd data && sha256sum -c MANIFEST.sha256``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

EXCLUDE = {"MANIFEST.sha256", "README.md"}


def manifest_text(data_dir: Path) -> str:
    lines = []
    for path in sorted(
        p for p in data_dir.iterdir() if p.is_file() and p.name not in EXCLUDE and not p.name.startswith(".")
    ):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.name}\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data-dir", type=Path, default=Path(__file__).resolve().parents[1] / "data")
    p.add_argument("--check", action="store_true", help="exit 1 if the manifest is out of date")
    args = p.parse_args(argv)
    text = manifest_text(args.data_dir)
    target = args.data_dir / "MANIFEST.sha256"
    if args.check:
        current = target.read_text() if target.exists() else ""
        if current != text:
            print(f"{target} is out of date; run python3 scripts/make_manifest.py", file=sys.stderr)
            return 1
        print(f"{target} is up to date")
        return 0
    target.write_text(text)
    print(f"wrote {target} ({text.count(chr(10))} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
