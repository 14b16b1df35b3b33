"""Benchmark: hostile input is refused fast and in little memory.

Targets (issue 11): a 1 KB merge-key bomb is refused in under 2 s and under 200 MB; so are 50,000-deep
YAML, 100,000-deep JSON, a 10 MB file and a line of a million points. Each case is the one in the test
corpus (tests/test_dataset.py), run through the real command line: wall time and the process's peak memory.
Run: .venv/bin/python bench/input_limits.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import run_measured  # noqa: E402
from test_dataset import CASES_BY_ID  # noqa: E402  (the cases themselves, not copies)

CASES = ("merge-key-bomb", "alias-bomb", "yaml-nested-50000-deep", "json-nested-100000-deep", "place-file-over-10-mb",
         "place-file-links-to-dev-zero", "place-file-is-a-fifo")
TARGET_S, TARGET_MB = 2.0, 200


def measure(breaks) -> tuple:
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "tiny"
        shutil.copytree(ROOT / "tests" / "fixtures" / "tiny", data)
        breaks(data)
        code, _, seconds, megabytes = run_measured("check", data)
        return seconds, megabytes, code


def main() -> int:
    cases = dict(CASES_BY_ID)
    missed = 0
    print(f"{'case':<32} {'seconds':>8} {'peak MB':>8} exit")
    for name in CASES:
        seconds, megabytes, code = measure(cases[name])
        ok = seconds < TARGET_S and megabytes < TARGET_MB and code == 1
        missed += not ok
        print(f"{name:<32} {seconds:>8.2f} {megabytes:>8.0f} {code:>4}{'' if ok else '  MISSED'}")
    print(f"targets: under {TARGET_S} s and {TARGET_MB} MB, exit 1 with a message")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
