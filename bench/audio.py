"""Benchmark: the audio edition of the Wrocław guide from a cold clip cache, then a rebuild after one office's
opening hours change (only the changed sentences are synthesised). Prints times and the real-time factor.

Run: .venv/bin/python bench/audio.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from guide.build import build

ROOT = Path(__file__).resolve().parents[1]


def _duration(path: Path) -> float:
    return float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                 str(path)], capture_output=True, text=True, check=True).stdout)


def _timed(data: Path, out: Path, cache: Path) -> tuple:
    said: list = []
    start = time.perf_counter()
    build(data, out, editions=["audio"], options={"speech_cache": str(cache)}, progress=said.append)
    return time.perf_counter() - start, next(line for line in said if line.startswith("Speech"))


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        data = scratch / "wroclaw"
        shutil.copytree(ROOT / "routes" / "wroclaw", data)
        cold, speech = _timed(data, scratch / "out", scratch / "cache")
        whole = scratch / "out" / "pl" / "audio" / "wromik-calosc.mp3"
        audio = _duration(whole)
        print(f"cold cache: {cold:.1f} s for {audio / 60:.1f} min of audio, real-time factor {cold / audio:.3f}; {speech}")
        office = data / "offices" / "strzegomska-6.yaml"
        office.write_text(re.sub(r"07:30-15:30", "08:00-16:00", office.read_text(encoding="utf-8"), count=1),
                          encoding="utf-8")
        warm, speech = _timed(data, scratch / "out", scratch / "cache")
        print(f"rebuild after an hours change: {warm:.1f} s, real-time factor {warm / audio:.3f}; {speech}")
        for path in sorted(whole.parent.glob("[0-9][0-9]-*.mp3")):
            print(f"  {path.name:<40} {_duration(path):8.1f} s")


if __name__ == "__main__":
    main()
