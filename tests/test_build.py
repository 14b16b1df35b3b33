"""wromik build: manifest, routes.geojson, editions registry, atomic publishing and reproducibility."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from guide import UsageError, build
from guide.renderers import registry
from guide.renderers.download import DOWNLOAD
from conftest import ROOT, TINY, WROCLAW, edit_text, run_wromik


@pytest.fixture(scope="module")
def wroclaw_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "output"
    result = run_wromik("build", WROCLAW, "--out", out, check_exit=0, timeout=1800)  # every edition, as make guide
    return out, result


def _tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_manifest_lists_every_artifact_with_size_and_hash(wroclaw_output):
    out, _ = wroclaw_output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = {p for p in _tree(out) if p != "manifest.json"}
    assert {a["path"] for a in manifest["artifacts"]} == files
    for artifact in manifest["artifacts"]:
        body = (out / artifact["path"]).read_bytes()
        assert artifact["bytes"] == len(body)
        assert artifact["sha256"] == hashlib.sha256(body).hexdigest()
        if artifact["edition"] == DOWNLOAD:  # the download page and its style sheet, for every language
            assert artifact["path"] in ("index.html", "style.css") and artifact["lang"] == ""
        else:
            assert artifact["lang"] in ("pl", "uk", "en") and artifact["edition"] in registry()
    assert {a["lang"] for a in manifest["artifacts"]} == {"pl", "uk", "en", ""}  # every language of the guide, by default
    routes = next(a for a in manifest["artifacts"] if a["path"] == "pl/routes.geojson")
    assert routes["media_type"] == "application/geo+json"


def test_routes_geojson_covers_every_place_and_profile(wroclaw_output):
    out, _ = wroclaw_output
    collection = json.loads((out / "pl" / "routes.geojson").read_text(encoding="utf-8"))
    pairs = {(f["properties"]["place"], f["properties"]["profile"]) for f in collection["features"]}
    assert len({o for o, _ in pairs}) == 13 and len(pairs) == 13 * 5
    for feature in collection["features"]:
        props = feature["properties"]
        assert props["status"] in ("ok", "unverified", "no_route")
        assert {"length_m", "duration_s", "steps", "warnings", "barriers", "unknowns", "alternatives"} <= set(props)
        if props["status"] == "no_route":
            assert props["barriers"] and all(b["text"] for b in props["barriers"])
        else:
            assert feature["geometry"]["type"] == "LineString" and props["instructions"]
            assert props["steps"][0]["action"] == "depart" and props["steps"][-1]["action"] == "arrive"


def test_build_shows_progress(wroclaw_output):
    _, result = wroclaw_output
    assert "[13/13] routing" in result.stderr and "Published" in result.stderr


def test_unknown_edition_lists_the_known_ones(tmp_path):
    result = run_wromik("build", TINY, "--out", tmp_path / "out", "--edition", "braille", check_exit=2)
    known = ", ".join(sorted(registry()))
    assert {"epub", "html", "standard"} <= set(registry())
    assert f"Unknown edition 'braille'. Known editions: {known}." in result.stderr
    assert not (tmp_path / "out").exists()


def test_unknown_language_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="Unknown language 'de' for this guide. Its languages: pl"):
        build(TINY, tmp_path / "out", languages=["de"])


def test_invalid_data_leaves_output_untouched(tiny, tmp_path):
    out = tmp_path / "out"
    build(tiny, out)
    before = _tree(out)
    edit_text(tiny / "places/test-place.yaml", "steps: 4", "steps: -4")
    result = run_wromik("build", tiny, "--out", out, check_exit=1)
    assert "received -4" in result.stderr
    assert _tree(out) == before


def test_same_input_gives_identical_bytes(tmp_path):
    """Ukrainian: the most that can vary (translations, marked Polish names, two voices); Polish is the same path
    without the marks. The EPUB editions, which record the whole guide again, are rebuilt in tests/test_epub.py."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    editions = [option for edition in registry() if not edition.startswith("epub") for option in ("--edition", edition)]
    run_wromik("build", WROCLAW, "--out", tmp_path / "one", "--lang", "uk", *editions, env=env, check_exit=0)
    run_wromik("build", WROCLAW, "--out", tmp_path / "two", "--lang", "uk", *editions, env=env, check_exit=0)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")


def test_a_partial_rebuild_keeps_the_other_files(tiny, tmp_path):
    out = tmp_path / "out"
    build(tiny, out)
    routes_before = (out / "pl" / "routes.geojson").stat().st_ino
    pdf_before = (out / "pl" / "wromik-standard-polski.pdf").read_bytes()
    manifest = build(tiny, out, editions=["routes"], languages=["pl"])
    assert (out / "pl" / "routes.geojson").stat().st_ino != routes_before  # written anew
    paths = [a["path"] for a in manifest["artifacts"]]
    assert "pl/routes.geojson" in paths and "pl/wromik-standard-polski.pdf" in paths
    assert (out / "pl" / "wromik-standard-polski.pdf").read_bytes() == pdf_before


def test_kill_9_during_a_build_leaves_the_previous_output_intact(tmp_path):
    """Kill the build while it writes into staging; output/ must be exactly the previous build.
    (Two editions are enough: every edition writes through the same staging directory.)"""
    out = tmp_path / "output"
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    editions = ["--edition", "standard", "--edition", "routes"]
    run_wromik("build", WROCLAW, "--out", out, *editions, env=env, check_exit=0)
    previous = _tree(out)
    killed_mid_write = 0
    for _ in range(5):
        process = subprocess.Popen([sys.executable, "-m", "guide", "build", str(WROCLAW), "--out", str(out), *editions],
                                   cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if any(p.name.startswith(".output.wromik-stage-") for p in tmp_path.iterdir()):
                os.kill(process.pid, signal.SIGKILL)
                break
        process.wait()
        if process.returncode == -signal.SIGKILL:
            killed_mid_write += 1
        assert _tree(out) == previous  # nothing lost, nothing half-written
    assert killed_mid_write >= 1
    run_wromik("build", WROCLAW, "--out", out, *editions, env=env, check_exit=0)  # the next build cleans the leftovers
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.wromik-lock", "output"]
    assert _tree(out) == previous


def test_no_instruction_shows_a_missing_value(wroclaw_output):
    out, _ = wroclaw_output
    collection = json.loads((out / "pl" / "routes.geojson").read_text(encoding="utf-8"))
    sentences = [s for f in collection["features"] for key in ("instructions", "instructions_inside")
                 for s in f["properties"].get(key, [])]
    assert len(sentences) > 500
    assert not [s for s in sentences if "None" in s or "{" in s or "  " in s]
