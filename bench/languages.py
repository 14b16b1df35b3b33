"""Benchmark: a cold build of every edition of the Wrocław guide in all its languages, and the time per language.

Cold means an empty speech cache and a new output folder: every clip is synthesised. The whole build runs once
with every language (its time and peak memory); then each language is built alone, cold again, for its share.
Run: make bench-languages (or .venv/bin/python bench/languages.py [DATA_DIR])
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PEAK = "import resource, runpy, sys; sys.argv = ['wromik', *sys.argv[1:]]\n" \
        "try:\n    runpy.run_module('guide', run_name='__main__')\nexcept SystemExit as end:\n    code = end.code\n" \
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, resource.getrusage(resource.RUSAGE_SELF)" \
        ".ru_maxrss, file=sys.stderr)"


def cold_build(data: Path, *languages: str) -> tuple:
    """(seconds, peak MiB of wromik and of its children, files) of a build with an empty speech cache."""
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, WROMIK_SPEECH_CACHE=str(Path(folder) / "cache"), SOURCE_DATE_EPOCH="1767225600")
        lang = [arg for code in languages for arg in ("--lang", code)]
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", _PEAK, "build", str(data), "--out", str(Path(folder) / "out"),
                                 *lang], capture_output=True, text=True, env=env)
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(result.stderr[-2000:])
        children, own = (int(v) for v in result.stderr.strip().splitlines()[-1].split())
        return seconds, own / 1024, children / 1024, int(re.search(r"Published (\d+) files", result.stderr).group(1))


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "routes" / "wroclaw"
    from guide.data.dataset import load_guide
    languages = load_guide(data).info.languages
    seconds, own, children, files = cold_build(data)
    print(f"cold build, every edition in {', '.join(languages)}: {seconds:.0f} s, {files} files, peak memory "
          f"{own:.0f} MiB (wromik), {children:.0f} MiB (its largest child process)")
    for lang in languages:
        seconds, own, _, files = cold_build(data, lang)
        print(f"  {lang} alone, cold: {seconds:.0f} s, {files} files, peak {own:.0f} MiB")


if __name__ == "__main__":
    main()
