"""Audio programme work with ffmpeg: silence, loudness to −18 LUFS with true peak ≤ −1.5 dBTP, MP3
encoding, and ID3 tags with chapters through mutagen (standards AU-03, AU-05).

A programme is never held in memory: ffmpeg reads it from files, chapter by chapter, and its meter's log is read
line by line."""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mutagen.id3 import CHAP, CTOC, ID3, TALB, TIT2, TLAN, TPE1, TRCK, CTOCFlags

from ..errors import BuildError
from .voices import RATE, program_lines, run_program

__all__ = ["silence", "seconds", "loudness_of_files", "normalising_gain", "encode_mp3", "encode_at_target", "tag",
           "check_levels", "TARGET_LUFS", "CHAPTER_TOLERANCE", "ENCODING_LOSS"]

TARGET_LUFS = -18.0
# How far a published chapter may measure from TARGET_LUFS. The chapters all get the one gain that brings the whole
# programme to the target, so they differ a little with what they say: measured on the MP3s of healthy builds, the
# tiny guide's 6 chapters lie at −18.2 … −17.6 LUFS (whole −18.05) and routes/wroclaw's 18 at −18.1 … −17.8, at most
# 0.4 LU off. A damaged speech clip made chapters of −49.9, −44.3 and −4.1 LUFS. ±2 LU passes the first with a wide
# margin and stops the second.
CHAPTER_TOLERANCE = 2.0
ENCODING_LOSS = 0.4  # LU: a 64 kbit/s MP3 measures about this much quieter than the samples it was made from
SETTLE = 0.5  # LU: how far the whole recording's MP3s may measure from TARGET_LUFS before they are made again
_LIMIT = 0.71  # sample-peak ceiling (−3 dBFS) that keeps inter-sample peaks under −1.5 dBTP
_PCM = ["-f", "s16le", "-ac", "1", "-ar", str(RATE)]


def silence(duration: float) -> bytes:
    return bytes(2 * round(duration * RATE))


def seconds(pcm: bytes) -> float:
    return len(pcm) / 2 / RATE


# Every 100 ms ffmpeg's EBU R128 meter logs the momentary loudness (M) of the last 400 ms: the gating blocks of
# ITU-R BS.1770, to 0.1 LU, as fine as the meter's own histogram. Counted, they give the integrated loudness of one
# file or, added up, of several played one after another.
_DECODED = f"aformat=sample_fmts=s16:sample_rates={RATE}:channel_layouts=mono"
_ABSOLUTE_GATE, _RELATIVE_GATE = -70.0, -10.0
_MOMENTARY = re.compile(rb" M:\s*(\S+)")


def _blocks(log) -> Counter:
    """How many gating blocks of each momentary loudness (LUFS) above the absolute gate the meter logged (lines of
    bytes). A silent block may be logged as nan (the meter's running sum drifts below zero): it is left out, as the
    meter leaves it out of its own integrated loudness."""
    levels = (float(found.group(1)) for found in map(_MOMENTARY.search, log) if found)
    return Counter(level for level in levels if level > _ABSOLUTE_GATE)


def _integrated(blocks: Counter) -> float:
    """Integrated loudness in LUFS from gating blocks (ITU-R BS.1770-4); _ABSOLUTE_GATE for silence, as ffmpeg."""
    def mean(kept) -> float:  # the loudness of the blocks' mean energy
        count = sum(n for level, n in blocks.items() if kept(level))
        energy = sum(n * 10 ** (level / 10) for level, n in blocks.items() if kept(level))
        return 10 * math.log10(energy / count) if count else _ABSOLUTE_GATE
    threshold = mean(lambda level: True) + _RELATIVE_GATE
    return mean(lambda level: level > threshold)


def _measured(path: Path, gain: float | None) -> Counter:
    """The blocks of an audio file decoded to RATE, or of raw PCM at RATE with a gain and the limiter (as
    encode_mp3 makes it) when gain is given."""
    source, chain = ((["-i", str(path)], f"{_DECODED},ebur128") if gain is None
                     else ([*_PCM, "-i", str(path)], f"{_limited(gain)},ebur128"))
    return _blocks(program_lines(["ffmpeg", "-nostdin", "-hide_banner", "-v", "info", *source, "-af", chain, "-f",
                                  "null", "-"], doing=f"measure {path}"))


def _limited(gain: float) -> str:
    """The filters for one gain in dB, then a limiter for the few peaks (it keeps the true peak under −1.5 dBTP)."""
    return f"volume={gain:.2f}dB,alimiter=limit={_LIMIT}:attack=2:release=40:level=false"


def loudness_of_files(paths: list, *, gain: float | None = None) -> tuple:
    """The loudness of each file and of all of them played one after another, from one read of each: audio files
    (MP3s), or raw PCM at RATE with a gain and the limiter (as encode_mp3 would make them) when gain is given."""
    blocks = _side_by_side(lambda path: _measured(path, gain), paths)
    return [_integrated(b) for b in blocks], _integrated(sum(blocks, Counter()))


def normalising_gain(paths: list, target: float) -> float:
    """The one gain in dB that brings raw PCM files at RATE, played one after another and limited as encode_mp3
    limits them, to the target loudness. The limiter costs loudness as it lowers the peaks, so the gain is found by
    the secant method: each step reads the files once, measuring and writing nothing, and the last small step (once
    within 0.2 LU) is taken unmeasured."""
    last_gain, last_level = 0.0, loudness_of_files(paths, gain=0.0)[1]
    gain = target - last_level
    for _ in range(3):
        level = loudness_of_files(paths, gain=gain)[1]
        slope = (level - last_level) / (gain - last_gain) if gain != last_gain else 1.0
        last_gain, last_level = gain, level
        gain += (target - level) / min(1.0, max(0.25, slope))
        if abs(level - target) < 0.2:
            break
    return gain


def _side_by_side(work, items: list) -> list:
    """work(item) for every item, as many at a time as there are processors (each runs ffmpeg). On a failure or a
    stop, the items not yet started are dropped."""
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    try:
        return list(pool.map(work, items))
    finally:
        pool.shutdown(cancel_futures=True)


def check_levels(names: list, levels: list) -> None:
    """Every chapter must be within CHAPTER_TOLERANCE of TARGET_LUFS, for a chapter far off it is silence or noise
    from a damaged speech clip. Raises one BuildError that names every chapter that is off."""
    wrong = []
    for name, level in zip(names, levels):
        if not abs(level - TARGET_LUFS) <= CHAPTER_TOLERANCE:
            sounds = "too quiet: silent or nearly" if level < TARGET_LUFS else "too loud: noise rather than speech"
            wrong.append(f"the chapter {name} measures {level:.1f} LUFS ({sounds})")
    if wrong:
        raise BuildError(f"Every chapter must measure {TARGET_LUFS:g} LUFS ± {CHAPTER_TOLERANCE:g} LU, but "
                         f"{'; '.join(wrong)}. Most likely a speech clip was damaged. Nothing was published. Fix: "
                         "build again with an empty speech cache (--speech-cache NEW_DIR); if a chapter is still "
                         "wrong, report it.")


def encode_mp3(files: list, gain: float) -> None:
    """Each (raw PCM at RATE, MP3) pair: the samples with one gain in dB and the limiter, as a mono MP3 at
    64 kbit/s, byte-identical for the same samples; side by side."""
    _side_by_side(lambda pair: run_program(
        ["ffmpeg", "-nostdin", "-v", "error", *_PCM, "-i", str(pair[0]), "-af", _limited(gain), "-c:a", "libmp3lame",
         "-b:a", "64k", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact", "-id3v2_version", "0",
         "-y", str(pair[1])], doing=f"encode {pair[1].name}"), files)


def encode_at_target(raws: list, files: list) -> list:
    """Each raw PCM file (at RATE) as its MP3 in files, all with the one gain that brings the whole recording to
    TARGET_LUFS; each MP3's loudness. The MP3s are what listeners get: they are measured, and made again once, the
    gain corrected, if the whole is more than SETTLE off (the encoding lost more than ENCODING_LOSS)."""
    gain = normalising_gain(raws, TARGET_LUFS + ENCODING_LOSS)
    for _ in range(2):
        encode_mp3(list(zip(raws, files)), gain)
        levels, level = loudness_of_files(files)
        if abs(level - TARGET_LUFS) <= SETTLE:
            break
        gain += TARGET_LUFS - level
    return levels


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
