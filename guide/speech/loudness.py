"""Audio programme work with ffmpeg: silence, loudness to −18 LUFS with true peak ≤ −1.5 dBTP, MP3
encoding, and ID3 tags with chapters through mutagen (standards AU-03, AU-05)."""

from __future__ import annotations

import os
import re
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mutagen.id3 import CHAP, CTOC, ID3, TALB, TIT2, TLAN, TPE1, TRCK, CTOCFlags

from ..errors import BuildError
from .voices import RATE, run_program

__all__ = ["silence", "seconds", "loudness", "loudness_of_file", "normalise", "amplify", "encode_mp3", "tag",
           "check_chapters", "TARGET_LUFS", "CHAPTER_TOLERANCE", "ENCODING_LOSS"]

TARGET_LUFS = -18.0
# How far a published chapter may measure from TARGET_LUFS. The chapters are cut from one programme normalised as
# a whole, so they differ a little with what they say: measured on the MP3s of healthy builds, the tiny guide's 5
# chapters lie at −18.3 … −17.7 LUFS and routes/wroclaw's 17 at −18.3 … −17.8 (whole files −18.2), at most 0.3 LU
# off. A damaged speech clip made chapters of −49.9, −44.3 and −4.1 LUFS. ±2 LU passes the first with a wide margin
# and stops the second.
CHAPTER_TOLERANCE = 2.0
ENCODING_LOSS = 0.4  # LU: a 64 kbit/s MP3 measures about this much quieter than the samples it was made from
_LIMIT = 0.71  # sample-peak ceiling (−3 dBFS) that keeps inter-sample peaks under −1.5 dBTP
_PCM = ["-f", "s16le", "-ac", "1", "-ar", str(RATE)]


def silence(duration: float) -> bytes:
    return bytes(2 * round(duration * RATE))


def seconds(pcm: bytes) -> float:
    return len(pcm) / 2 / RATE


def _ffmpeg(arguments: list, pcm: bytes) -> subprocess.CompletedProcess:
    return run_program(["ffmpeg", "-nostdin", "-hide_banner", "-v", "info", *_PCM, "-i", "pipe:0", *arguments],
                       input=pcm, doing="process the recording")


_EBUR128 = "ebur128=framelog=verbose"  # the summary only: ten lines a second of audio cost more than the measuring


def loudness(pcm: bytes) -> float:
    """Integrated loudness in LUFS, measured by ffmpeg's EBU R128 filter."""
    return _integrated(_ffmpeg(["-af", _EBUR128, "-f", "null", "-"], pcm))


def loudness_of_file(path: Path) -> float:
    """loudness() of an audio file (an MP3, say), decoded by ffmpeg to the same samples in the same process."""
    return _integrated(run_program(["ffmpeg", "-nostdin", "-hide_banner", "-v", "info", "-i", str(path), "-af",
                                    f"aformat=sample_fmts=s16:sample_rates={RATE}:channel_layouts=mono,{_EBUR128}",
                                    "-f", "null", "-"], doing=f"measure {path}"))


def _integrated(result: subprocess.CompletedProcess) -> float:
    report = result.stderr.decode(errors="replace")
    return float(re.search(r"I:\s+(-?[\d.]+|-inf) LUFS", report[report.rindex("Summary:"):]).group(1))


def check_chapters(chapters: list) -> list:
    """The loudness of every finished chapter, given as (name, PCM or audio file); each must be within
    CHAPTER_TOLERANCE of TARGET_LUFS, for a chapter far off it is silence or noise from a damaged speech clip.
    Raises one BuildError that names every chapter that is off. The chapters are measured side by side."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        levels = list(pool.map(lambda audio: loudness_of_file(audio) if isinstance(audio, Path) else loudness(audio),
                               [audio for _, audio in chapters]))
    wrong = []
    for (name, _), level in zip(chapters, levels):
        if not abs(level - TARGET_LUFS) <= CHAPTER_TOLERANCE:
            sounds = "too quiet: silent or nearly" if level < TARGET_LUFS else "too loud: noise rather than speech"
            wrong.append(f"the chapter {name} measures {level:.1f} LUFS ({sounds})")
    if wrong:
        raise BuildError(f"Every chapter must measure {TARGET_LUFS:g} LUFS ± {CHAPTER_TOLERANCE:g} LU, but "
                         f"{'; '.join(wrong)}. Most likely a speech clip was damaged. Nothing was published. Fix: "
                         "build again with an empty speech cache (--speech-cache NEW_DIR); if a chapter is still "
                         "wrong, report it.")
    return levels


def amplify(pcm: bytes, gain: float) -> bytes:
    """The samples with a small gain in dB (a make-up after encoding), without a limiter."""
    return _ffmpeg(["-af", f"volume={gain:.2f}dB", *_PCM, "pipe:1"], pcm).stdout


def normalise(pcm: bytes, target: float = TARGET_LUFS) -> bytes:
    """The programme at the target loudness: one gain, then a limiter for the few peaks (which keeps the true
    peak under −1.5 dBTP); the gain is corrected when the limiter has cost loudness."""
    gain = target - loudness(pcm)
    for _ in range(3):
        result = _ffmpeg(["-af", f"volume={gain:.2f}dB,alimiter=limit={_LIMIT}:attack=2:release=40:level=false",
                          *_PCM, "pipe:1"], pcm).stdout
        level = loudness(result)
        if abs(level - target) < 0.2:
            break
        gain += target - level
    return result


def encode_mp3(pcm: bytes, path: Path) -> None:
    """Mono MP3 at 64 kbit/s, byte-identical for the same samples."""
    _ffmpeg(["-c:a", "libmp3lame", "-b:a", "64k", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a",
             "+bitexact", "-id3v2_version", "0", "-y", str(path)], pcm)


def tag(path: Path, *, title: str, artist: str, album: str, language: str, track: str | None = None,
        chapters: list | None = None) -> None:
    """ID3v2 tags: TIT2, TPE1, TALB, TLAN (ISO 639-2), and CHAP frames with a CTOC for (title, start s, end s)."""
    tags = ID3()
    tags.add(TIT2(encoding=3, text=[title]))
    tags.add(TPE1(encoding=3, text=[artist]))
    tags.add(TALB(encoding=3, text=[album]))
    tags.add(TLAN(encoding=3, text=[language]))
    if track:
        tags.add(TRCK(encoding=3, text=[track]))
    if chapters:
        ids = [f"ch{n:02d}" for n in range(1, len(chapters) + 1)]
        tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                      sub_frames=[TIT2(encoding=3, text=[album])]))
        for element, (name, start, end) in zip(ids, chapters):
            tags.add(CHAP(element_id=element, start_time=round(start * 1000), end_time=round(end * 1000),
                          sub_frames=[TIT2(encoding=3, text=[name])]))
    tags.save(path, v2_version=4)
