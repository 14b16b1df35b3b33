"""Benchmark: the audio edition of the Wrocław guide from a cold clip cache, then a rebuild after one place's
opening hours change (only the changed sentences are synthesised). Prints times and the real-time factor, and the
figures the speech checks are calibrated on: each chapter's loudness (against TARGET_LUFS ± CHAPTER_TOLERANCE) and,
over every clip, the shortest duration per character and the quietest peak (against MIN_SECONDS_PER_CHARACTER and
PEAK_FLOOR_DBFS).

Run: .venv/bin/python bench/audio.py
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import tempfile
import time
from array import array
from pathlib import Path

from guide import compose, load_guide
from guide.speech.loudness import CHAPTER_TOLERANCE, TARGET_LUFS, loudness_of_files
from guide.build import build
from guide.document.builder import Documents
from guide.speech.script import compose_script
from guide.speech.voices import MIN_SECONDS_PER_CHARACTER, PEAK_FLOOR_DBFS, RATE, ClipCache, engine_for

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
        whole = scratch / "out" / "pl" / "audio" / "wromik-calosc-polski.mp3"
        audio = _duration(whole)
        print(f"cold cache: {cold:.1f} s for {audio / 60:.1f} min of audio, real-time factor {cold / audio:.3f}; {speech}")
        place = data / "places" / "strzegomska-6.yaml"
        place.write_text(re.sub(r"07:30-15:30", "08:00-16:00", place.read_text(encoding="utf-8"), count=1),
                          encoding="utf-8")
        warm, speech = _timed(data, scratch / "out", scratch / "cache")
        print(f"rebuild after an hours change: {warm:.1f} s, real-time factor {warm / audio:.3f}; {speech}")
        chapters = sorted(whole.parent.glob("[0-9][0-9]-*.mp3"))
        levels, _whole = loudness_of_files(chapters)
        for path, level in zip(chapters, levels):
            print(f"  {path.name:<40} {_duration(path):8.1f} s {level:7.1f} LUFS")
        print(f"chapters at {min(levels):.1f} … {max(levels):.1f} LUFS, at most "
              f"{max(abs(level - TARGET_LUFS) for level in levels):.1f} LU off {TARGET_LUFS:g} "
              f"(allowed: {CHAPTER_TOLERANCE:g})")
        _clips(data, scratch / "cache")


def _clips(data: Path, cache_dir: Path) -> None:
    """Duration per character and peak of every clip of the script (all in the cache by now)."""
    cache = ClipCache(cache_dir, engine_for("espeak-ng", "pl"))
    script = compose_script(Documents(compose(load_guide(data))).get("pl"))
    texts = {text for chapter in script.chapters for section in chapter.sections
             for text in (section.title, *section.sentences)}
    per_character, peaks = [], []
    for text in texts:
        samples = array("h", cache.clip(text))
        per_character.append((len(samples) / RATE / len(text), text))
        peaks.append(20 * math.log10(max(max(samples), -min(samples)) / 32768))
    slowest, shortest = max(per_character), min(per_character)
    print(f"{len(texts)} clips: {shortest[0] * 1000:.0f}–{slowest[0] * 1000:.0f} ms a character (floor "
          f"{MIN_SECONDS_PER_CHARACTER * 1000:.0f}; shortest „{shortest[1][:40]}”), peaks {min(peaks):.1f} … "
          f"{max(peaks):.1f} dBFS (floor {PEAK_FLOOR_DBFS:g})")


if __name__ == "__main__":
    main()
