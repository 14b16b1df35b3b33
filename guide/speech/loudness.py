"""Audio programme work with ffmpeg: silence, loudness to −18 LUFS with true peak ≤ −1.5 dBTP, MP3
encoding, and ID3 tags with chapters through mutagen (standards AU-03, AU-05).

A programme is never held in memory: ffmpeg reads it from files, part by part (one run for the parts of a chapter),
and its meter's log is read line by line."""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mutagen.id3 import CHAP, CTOC, ID3, TALB, TIT2, TLAN, TPE1, TRCK, CTOCFlags

from ..errors import BuildError
from .voices import RATE, program_lines

__all__ = ["silence", "seconds", "integrated", "loudness_of_files", "raw_blocks", "encode_limited", "at_target",
           "mp3_frames", "tag", "check_levels", "levels_at_common_gain", "side_by_side", "limiter", "TARGET_LUFS",
           "CHAPTER_TOLERANCE", "ENCODING_LOSS", "FRAME_SAMPLES", "ENCODER_DELAY"]

TARGET_LUFS = -18.0
# How far a chapter may measure from TARGET_LUFS when played at the gain that brings the programme's typical (median)
# chapter there (levels_at_common_gain). Each chapter is brought to the target on its own, but its raw loudness tells
# whether its speech is healthy: with one gain for all, the tiny guide's 6 chapters lay at −18.2 … −17.6 LUFS and
# routes/wroclaw's 18 at −18.1 … −17.8, at most 0.4 LU off, while a damaged speech clip made chapters of −49.9, −44.3
# and −4.1 LUFS. ±2 LU passes the first with a wide margin and stops the second.
CHAPTER_TOLERANCE = 2.0
ENCODING_LOSS = 0.4  # LU: a 64 kbit/s MP3 measures about this much quieter than the samples it was made from
# LU the limiter takes off speech it lowers the peaks of: 0.33–0.37 on all 18 chapters of routes/wroclaw in espeak-ng's
# voice, brought up 3.3–3.7 dB; the gain allows for it, and a chapter it takes much more from is encoded again (SETTLE)
LIMITER_LOSS = 0.35
SETTLE = 0.3  # LU: how far a limited chapter may measure from its goal before it is encoded again
MAX_GAIN = 40.0  # dB: no speech is this quiet; more would only raise the noise of a silent file
_LIMIT = 0.71  # sample-peak ceiling (−3 dBFS) that keeps inter-sample peaks under −1.5 dBTP
_PCM = ["-f", "s16le", "-ac", "1", "-ar", str(RATE)]


def silence(duration: float) -> bytes:
    return bytes(2 * round(duration * RATE))


def seconds(pcm: bytes) -> float:
    return len(pcm) / 2 / RATE


# Every 100 ms ffmpeg's EBU R128 meter logs the momentary loudness (M) of the last 400 ms: the gating blocks of
# ITU-R BS.1770, to 0.1 LU, as fine as the meter's own histogram. Counted, they give the integrated loudness of one
# file or, added up, of several played one after another. One ffmpeg run may hold several meters, each named m0, m1 …
_DECODED = f"aformat=sample_fmts=s16:sample_rates={RATE}:channel_layouts=mono"
_ABSOLUTE_GATE, _RELATIVE_GATE = -70.0, -10.0
_MOMENTARY = re.compile(rb"^\[ebur128@m(\d+) @ [^\]]*\].* M:\s*(\S+)")

# MP3 as libmp3lame writes it at RATE and 64 kbit/s, without a Xing frame: frames of 576 samples, and the first sample
# of what was encoded lies ENCODER_DELAY samples into the decoded frames (libmp3lame's 576, the decoder's 529). Files
# encoded on their own and joined byte for byte decode to their frames one after another, so every sample's place in
# the joined file is known to the sample, whatever the player.
FRAME_SAMPLES, ENCODER_DELAY = 576, 1105
_FRAME_BYTES = 72 * 64000 // RATE  # without the padding byte


def mp3_frames(data: bytes) -> int:
    """How many frames an MP3 written by encode_limited holds; ValueError if it is anything else or not whole."""
    position = count = 0
    while position < len(data):
        header = data[position:position + 4]
        if len(header) < 4 or header[:2] != b"\xff\xf3" or header[2] & 0xFC != 0x80:  # MPEG-2 layer III, 64k, 22.05k
            raise ValueError(f"no 64 kbit/s MPEG-2 frame at byte {position}")
        position += _FRAME_BYTES + (header[2] >> 1 & 1)
        count += 1
    if position != len(data):
        raise ValueError("the last frame is cut short")
    return count


def _blocks(log, meters: int) -> list:
    """For each of the meters m0 … m(meters − 1), how many gating blocks of each momentary loudness (LUFS) above the
    absolute gate it logged (lines of bytes). A silent block may be logged as nan (the meter's running sum drifts below
    zero): it is left out, as the meter leaves it out of its own integrated loudness."""
    counted = [Counter() for _ in range(meters)]
    for found in map(_MOMENTARY.search, log):
        if found and (level := float(found.group(2))) > _ABSOLUTE_GATE:
            counted[int(found.group(1))][level] += 1
    return counted


def integrated(blocks: Counter) -> float:
    """Integrated loudness in LUFS from gating blocks (ITU-R BS.1770-4); _ABSOLUTE_GATE for silence, as ffmpeg."""
    counted = sorted(blocks.items())  # in one order, for the same sum to the last bit however the blocks were added

    def mean(kept) -> float:  # the loudness of the blocks' mean energy
        count = sum(n for level, n in counted if kept(level))
        energy = sum(n * 10 ** (level / 10) for level, n in counted if kept(level))
        return 10 * math.log10(energy / count) if count else _ABSOLUTE_GATE
    threshold = mean(lambda level: True) + _RELATIVE_GATE
    return mean(lambda level: level > threshold)


def _metered(arguments: list, meters: int, doing: str) -> list:
    """The blocks each of ffmpeg's EBU R128 meters m0 … logs when it runs with these inputs, filters and outputs."""
    return _blocks(program_lines(["ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-v", "info", *arguments],
                                 doing=doing), meters)


def _measured(path: Path) -> Counter:
    """The blocks of an audio file (an MP3) decoded to RATE."""
    return _metered(["-i", str(path), "-af", f"{_DECODED},ebur128@m0", "-f", "null", "-"], 1, f"measure {path}")[0]


def limiter(gain: float) -> str:
    """The filters for one gain in dB, then a limiter for the few peaks (it keeps the true peak under −1.5 dBTP)."""
    return f"volume={gain:.2f}dB,alimiter=limit={_LIMIT}:attack=2:release=40:level=false:latency=1"


def loudness_of_files(paths: list) -> tuple:
    """The loudness of each audio file (MP3) and of all of them played one after another, from one read of each."""
    blocks = side_by_side(_measured, paths)
    return [integrated(b) for b in blocks], integrated(sum(blocks, Counter()))


def _raw_inputs(raws: list) -> list:
    return [argument for raw in raws for argument in (*_PCM, "-i", str(raw))]


def raw_blocks(raws: list) -> list:
    """The gating blocks of each file of raw PCM at RATE: one ffmpeg run, one read of each file."""
    graph = ";".join(f"[{n}:a]ebur128@m{n}[m{n}]" for n in range(len(raws)))
    outputs = [argument for n in range(len(raws)) for argument in ("-map", f"[m{n}]", "-f", "null", "-")]
    return _metered([*_raw_inputs(raws), "-filter_complex", graph, *outputs], len(raws),
                    f"measure {', '.join(raw.name for raw in raws)}")


def encode_limited(raws: list, mp3s: list, gains: list) -> list:
    """Each file of raw PCM at RATE with its gain in dB and the limiter, as a mono MP3 at 64 kbit/s without a Xing
    frame (byte-identical for the same samples, alone or beside others), measured on the way: one ffmpeg run, one read
    of each file. Returns the gating blocks of each file's limited samples."""
    graph = ";".join(f"[{n}:a]{limiter(gain)},asplit=2[c{n}][l{n}];[l{n}]ebur128@m{n}[m{n}]"
                     for n, gain in enumerate(gains))
    outputs = [argument for n, mp3 in enumerate(mp3s) for argument in (
        "-map", f"[c{n}]", "-c:a", "libmp3lame", "-b:a", "64k", "-write_xing", "0", "-map_metadata", "-1", "-fflags",
        "+bitexact", "-flags:a", "+bitexact", "-id3v2_version", "0", "-f", "mp3", "-y", str(mp3),
        "-map", f"[m{n}]", "-f", "null", "-")]
    return _metered([*_raw_inputs(raws), "-filter_complex", graph, *outputs], len(raws),
                    f"encode {', '.join(mp3.name for mp3 in mp3s)}")


def at_target(raws: list, mp3s: list) -> list:
    """Files of raw PCM as MP3s, each at TARGET_LUFS on its own: all measured in one run, limited and encoded in one
    (the few the limiter took more than SETTLE off encoded again in one more). Returns each file's raw gating blocks,
    which tell healthy speech from damaged."""
    goal = TARGET_LUFS + ENCODING_LOSS
    before = raw_blocks(raws)
    gains = [min(goal - integrated(blocks) + LIMITER_LOSS, MAX_GAIN) for blocks in before]
    after = [integrated(blocks) for blocks in encode_limited(raws, mp3s, gains)]
    again = [n for n, level in enumerate(after)
             if abs(level - goal) > SETTLE and integrated(before[n]) > _ABSOLUTE_GATE]
    if again:
        encode_limited([raws[n] for n in again], [mp3s[n] for n in again],
                       [min(gains[n] + goal - after[n], MAX_GAIN) for n in again])
    return before


def side_by_side(work, items: list) -> list:
    """work(item) for every item, as many at a time as there are processors (each runs ffmpeg). On a failure or a
    stop, the items not yet started are dropped."""
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    try:
        return list(pool.map(work, items))
    finally:
        pool.shutdown(cancel_futures=True)


def levels_at_common_gain(raw_levels: list) -> list:
    """Each chapter's loudness at the one gain that brings the median chapter to TARGET_LUFS."""
    heard = sorted(level for level in raw_levels if level > _ABSOLUTE_GATE) or [TARGET_LUFS]
    gain = TARGET_LUFS - heard[len(heard) // 2]
    return [level + gain if level > _ABSOLUTE_GATE else level for level in raw_levels]


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


def tag(path: Path, *, title: str, artist: str, album: str, language: str, track: str | None = None,
        chapters: list | None = None) -> None:
    """ID3v2.3 tags: TIT2, TPE1, TALB, TLAN (ISO 639-2), and chapters: (chapter title, [(mark title, start s, end s)])
    each as a CHAP frame in a top-level CTOC, or, when a chapter has several marks, a CTOC of its own with a CHAP per
    mark. Version 2.3, whose frame sizes are plain numbers: ffmpeg reads a 2.4 frame over 127 bytes followed by the
    padding as the end of the tag (it guesses the size's encoding from the next frame) and lost the last chapter."""
    tags = ID3()
    tags.add(TIT2(encoding=3, text=[title]))
    tags.add(TPE1(encoding=3, text=[artist]))
    tags.add(TALB(encoding=3, text=[album]))
    tags.add(TLAN(encoding=3, text=[language]))
    if track:
        tags.add(TRCK(encoding=3, text=[track]))
    top = []
    for number, (name, marks) in enumerate(chapters or [], start=1):
        ids = [f"ch{number:02d}"] + [f"ch{number:02d}.{n}" for n in range(1, len(marks))]
        for element, (mark, start, end) in zip(ids, marks):
            tags.add(CHAP(element_id=element, start_time=round(start * 1000), end_time=round(end * 1000),
                          sub_frames=[TIT2(encoding=3, text=[mark])]))
        if len(marks) == 1:
            top.append(ids[0])
        else:
            top.append(f"toc{number:02d}")
            tags.add(CTOC(element_id=top[-1], flags=CTOCFlags.ORDERED, child_element_ids=ids,
                          sub_frames=[TIT2(encoding=3, text=[name])]))
    if top:
        tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=top,
                      sub_frames=[TIT2(encoding=3, text=[album])]))
    tags.save(path, v2_version=3)
    _chapters_in_time_order(path)


def _chapters_in_time_order(path: Path) -> None:
    """Rewrite an ID3v2.3 tag (as mutagen saves it: no unsynchronisation) with its CHAP frames in the order of their
    start times: mutagen orders frames by size, and ffmpeg lists chapters in the order of the frames."""
    with open(path, "r+b") as file:
        header = file.read(10)
        size = int.from_bytes(bytes(b & 0x7F for b in header[6:10]), "big")  # syncsafe
        body = file.read(size)
        frames, position = [], 0
        while position + 10 <= len(body) and body[position:position + 4] != bytes(4):
            length = 10 + int.from_bytes(body[position + 4:position + 8], "big")
            frames.append(body[position:position + length])
            position += length
        chapters = [frame for frame in frames if frame[:4] == b"CHAP"]
        start = lambda frame: int.from_bytes(frame[frame.index(b"\0", 10) + 1:][:4], "big")  # after the element id  # noqa: E731
        ordered = [frame for frame in frames if frame[:4] != b"CHAP"] + sorted(chapters, key=start)
        file.seek(10)
        file.write(b"".join(ordered))
