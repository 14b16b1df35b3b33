"""Benchmark: the Wrocław guide built cold, then rebuilt after one field changes (one office's opening hours), as
whole processes (`python -m guide build`), with the peak memory of the largest process (the build or an ffmpeg it
runs). Medians of --runs runs (at least 3).

"Cold" is an empty output folder, empty part and chapter caches (nothing recorded or encoded yet) and an empty map
cache (no map rasterised yet); the speech clip
cache is warm (a copy, by hard links, of the one in ~/.cache/wromik/speech), since synthesising two hours of speech
is the clip cache's benchmark (bench/audio.py), not this one's.

Targets (issue "rebuilds that take seconds"): all editions after one change ≤ 10 % of cold; the audio edition's
peak memory ≤ 300 MB.

Run: .venv/bin/python bench/rebuild.py [--runs 3] [--edition audio --lang pl]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from guide.speech.voices import default_cache_dir

ROOT = Path(__file__).resolve().parents[1]
CHANGED_PLACE, OLD_HOURS, NEW_HOURS = "braniborska-6-8.yaml", "hours: Mo-Fr 07:30-15:30", "hours: Mo-Fr 07:45-15:30"


# Runs a command and prints the peak memory (kB) of its largest process: the build or an ffmpeg it runs.
_PEAK = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)")


def _build(data: Path, out: Path, cache: Path, maps: Path, selection: list) -> tuple:
    """Seconds and the peak memory (MB) of one build, a process of its own."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PEAK, sys.executable, "-m", "guide", "build", str(data), "--out",
                           str(out), "--speech-cache", str(cache), *selection], capture_output=True, text=True,
                          cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT), WROMIK_MAP_CACHE=str(maps)))
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"The build failed:\n{done.stderr}")
    return seconds, int(done.stderr.split()[-1]) / 1024


def _run(selection: list) -> tuple:
    """One cold build, then one rebuild after the change: (seconds, MB) of each."""
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        data, cache = scratch / "wroclaw", scratch / "speech"
        shutil.copytree(ROOT / "routes" / "wroclaw", data)
        subprocess.run(["cp", "-al", str(default_cache_dir()), str(cache)], check=True)
        for encoded in ("chapters", "parts"):
            shutil.rmtree(cache / encoded, ignore_errors=True)
        cold = _build(data, scratch / "out", cache, scratch / "maps", selection)
        place = data / "places" / CHANGED_PLACE
        text = place.read_text(encoding="utf-8")
        assert OLD_HOURS in text, f"{OLD_HOURS!r} is no longer in {place}: choose another field to change"
        place.write_text(text.replace(OLD_HOURS, NEW_HOURS, 1), encoding="utf-8")
        return cold, _build(data, scratch / "out", cache, scratch / "maps", selection)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edition", action="append", default=[])
    parser.add_argument("--lang", action="append", default=[])
    options = parser.parse_args()
    selection = [f"--edition={e}" for e in options.edition] + [f"--lang={lang}" for lang in options.lang]
    runs = []
    for number in range(options.runs):
        runs.append(_run(selection))
        (cold, cold_mb), (again, again_mb) = runs[-1]
        print(f"run {number + 1}: cold {cold:.1f} s ({cold_mb:.0f} MB), after one change {again:.1f} s "
              f"({again_mb:.0f} MB)", flush=True)
    cold = statistics.median(run[0][0] for run in runs)
    again = statistics.median(run[1][0] for run in runs)
    what = ", ".join(options.edition or ["all editions"]) + (f" ({', '.join(options.lang)})" if options.lang else "")
    print(f"\n{what}, medians of {len(runs)}: cold {cold:.1f} s, after one field change {again:.1f} s = "
          f"{100 * again / cold:.0f} % of cold (target ≤ 10 %); peak memory of the largest process: "
          f"{max(run[0][1] for run in runs):.0f} MB cold, {max(run[1][1] for run in runs):.0f} MB after the change "
          "(target for the audio edition ≤ 300 MB)")


if __name__ == "__main__":
    main()
