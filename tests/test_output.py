"""The output folder is wromik's alone: every way a build could lose or damage a file, through the real CLI.

Each case asserts the exit code, the message (what, where, how to fix), no traceback, and that the output
folder and every file beside it are unchanged, byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, TINY, WROCLAW, run_wromik

ROUTES = ("--edition", "routes")


def snapshot(folder: Path) -> dict:
    """Every entry under folder: files with their bytes and mode, links with their target, folders."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = ("link", os.readlink(path))
        elif path.is_file():
            found[key] = ("file", path.read_bytes(), path.stat().st_mode)
        else:
            found[key] = ("folder", path.stat().st_mode)
    return found


def assert_refused(result, code: int, *phrases: str) -> None:
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr


@pytest.fixture
def workspace(tmp_path):
    """A coordinator's folder: the tiny guide's data, a notes file and a previous build in output/."""
    shutil.copytree(TINY, tmp_path / "data")
    (tmp_path / "notes.txt").write_text("my notes\n", encoding="utf-8")
    run_wromik("build", "data", "--out", "output", *ROUTES, cwd=tmp_path, check_exit=0)
    return tmp_path


@pytest.mark.parametrize("out, phrases", [
    ("", ["--out is empty, which would mean the current folder", "for example --out output"]),
    (".", ["--out . is the folder you are working in", "Choose a folder of its own"]),
    ("..", ["--out .. is the folder you are working in or above it"]),
    ("data", ["--out data holds the guide's data", "Choose a folder of its own"]),
    ("data/places", ["--out data/places is inside the guide's data folder"]),
    ("notes.txt", ["--out notes.txt is a file, not a folder; wromik will not replace it"]),
])
def test_an_unsafe_out_is_refused_and_nothing_changes(workspace, out, phrases):
    before = snapshot(workspace.parent)
    result = run_wromik("build", "data", "--out", out, *ROUTES, cwd=workspace)
    assert_refused(result, 2, *phrases)
    assert snapshot(workspace.parent) == before


def test_a_folder_wromik_did_not_build_is_refused(workspace):
    (workspace / "photos").mkdir()
    (workspace / "photos" / "place.jpg").write_bytes(b"\xff\xd8 a photo")
    before = snapshot(workspace)
    result = run_wromik("build", "data", "--out", "photos", *ROUTES, cwd=workspace)
    assert_refused(result, 2, "--out photos is not empty (place.jpg) and has no wromik manifest.json",
                   "Choose a new or empty folder with --out")
    assert snapshot(workspace) == before


def test_a_read_only_output_folder_is_refused(workspace):
    os.chmod(workspace / "output", 0o555)
    before = snapshot(workspace)
    result = run_wromik("build", "data", "--out", "output", *ROUTES, cwd=workspace)
    assert_refused(result, 2, "--out output is read-only (mode 555)", "chmod u+w output")
    assert snapshot(workspace) == before


def test_files_the_user_put_in_and_beside_the_output_are_kept(workspace):
    output = workspace / "output"
    (output / "about.html").write_text("<p>our page</p>\n", encoding="utf-8")
    (output / "pl" / "read-me.txt").write_text("printed on 2026-11-01\n", encoding="utf-8")
    (output / "site").mkdir()
    (output / "site" / "style.css").write_text("body {}\n", encoding="utf-8")
    (output / "latest").symlink_to("pl/routes.geojson")
    (workspace / ".output.backup").mkdir()
    (workspace / ".output.backup" / "old.pdf").write_bytes(b"%PDF-1.7 old")
    users = {key: value for key, value in snapshot(output).items()
             if key.startswith(("about", "site", "latest", "pl/read-me"))}
    beside = snapshot(workspace / ".output.backup")
    result = run_wromik("build", "data", "--out", "output", "--edition", "routes", "--edition", "standard",
                        cwd=workspace, check_exit=0)
    assert "Kept in output what wromik did not write: about.html, latest, pl/read-me.txt, site/" in result.stderr
    after = snapshot(output)
    assert {key: after[key] for key in users} == users
    assert snapshot(workspace / ".output.backup") == beside
    manifest = json.loads((output / "manifest.json").read_text(encoding="utf-8"))
    assert "pl/wromik-standard-polski.pdf" in {a["path"] for a in manifest["artifacts"]}
    assert not {a["path"] for a in manifest["artifacts"]} & set(users)


def test_a_file_of_the_user_where_wromik_would_write_stops_the_build(workspace):
    (workspace / "output" / "pl" / "wromik-standard-polski.pdf").write_bytes(b"%PDF my own")
    before = snapshot(workspace)
    result = run_wromik("build", "data", "--out", "output", "--edition", "standard", cwd=workspace)
    assert_refused(result, 2, "output holds pl/wromik-standard-polski.pdf, which wromik did not write", "Move or rename it")
    assert snapshot(workspace) == before


def test_leftovers_of_a_build_that_died_are_cleaned_but_the_users_files_kept(workspace):
    """A build killed after the swap leaves the previous output beside the new one, marked as retired; the next
    build deletes only the files its manifest lists, unchanged, and moves everything else back. A folder without
    wromik's mark is not touched, whatever its name."""
    output = workspace / "output"
    leftover = workspace / ".output.wromik-stage-dead"
    shutil.copytree(output, leftover)
    (leftover / ".wromik-retired").write_text(
        "wromik's previous output: the files its manifest lists go, the rest go back.\n", encoding="utf-8")
    (leftover / "letter.odt").write_bytes(b"a letter")
    marked = workspace / ".output.wromik-stage-killed"
    shutil.copytree(output, marked)
    (marked / ".wromik-stage").write_text("wromik's staging folder: safe to delete when no build runs.\n",
                                          encoding="utf-8")
    mine = workspace / ".output.wromik-stage-mine"
    shutil.copytree(output, mine)
    (mine / ".wromik-stage").write_text("my own notes\n", encoding="utf-8")
    before = snapshot(mine)
    run_wromik("build", "data", "--out", "output", *ROUTES, cwd=workspace, check_exit=0)
    assert (output / "letter.odt").read_bytes() == b"a letter"
    assert snapshot(mine) == before
    assert sorted(p.name for p in workspace.iterdir()) == [".output.wromik-lock", ".output.wromik-stage-mine", "data",
                                                           "notes.txt", "output"]


def test_a_linked_folder_inside_the_output_is_never_followed(workspace):
    """pl/ replaced by a link to a folder of the user's that holds a file named like one wromik wrote."""
    web = workspace / "webroot"
    web.mkdir()
    (web / "routes.geojson").write_text("mine\n", encoding="utf-8")
    shutil.rmtree(workspace / "output" / "pl")
    (workspace / "output" / "pl").symlink_to("../webroot")
    before = snapshot(workspace)
    result = run_wromik("build", "data", "--out", "output", *ROUTES, cwd=workspace)
    assert_refused(result, 2, "output holds pl, which wromik did not write")
    assert snapshot(workspace) == before


def test_a_manifest_naming_files_outside_its_folder_is_not_wromiks(workspace):
    victim = workspace / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    evil = workspace / "evil"
    evil.mkdir()
    (evil / "manifest.json").write_text(json.dumps({"generator": "wromik", "artifacts": [
        {"path": "../victim.txt", "sha256": "0" * 64, "edition": "routes", "lang": "pl"},
        {"path": str(victim), "sha256": "0" * 64, "edition": "routes", "lang": "pl"}]}), encoding="utf-8")
    before = snapshot(workspace)
    result = run_wromik("build", "data", "--out", "evil", *ROUTES, cwd=workspace)
    assert_refused(result, 2, "its manifest.json is not wromik's")
    assert snapshot(workspace) == before


def test_a_file_changed_after_wromik_wrote_it_is_kept_as_the_users(workspace):
    run_wromik("build", "data", "--out", "output", "--edition", "standard", cwd=workspace, check_exit=0)
    edited = workspace / "output" / "pl" / "wromik-standard-polski.pdf"
    edited.write_bytes(edited.read_bytes() + b"% my note\n")
    mine = edited.read_bytes()
    result = run_wromik("build", "data", "--out", "output", *ROUTES, cwd=workspace, check_exit=0)
    assert "Kept in output what wromik did not write: pl/wromik-standard-polski.pdf" in result.stderr
    assert edited.read_bytes() == mine
    manifest = json.loads((workspace / "output" / "manifest.json").read_text(encoding="utf-8"))
    assert "pl/wromik-standard-polski.pdf" not in {a["path"] for a in manifest["artifacts"]}
    before = snapshot(workspace)
    result = run_wromik("build", "data", "--out", "output", "--edition", "standard", cwd=workspace)
    assert_refused(result, 2, "output holds pl/wromik-standard-polski.pdf, which wromik did not write (or which was "
                              "changed after wromik wrote it)")
    assert snapshot(workspace) == before


def _start_build(cwd: Path, *args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "guide", "build", *map(str, args)], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_stage(folder: Path, process: subprocess.Popen) -> bool:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if any(p.name.startswith(".output.wromik-stage-") for p in folder.iterdir()):
            return True
        time.sleep(0.02)
    return False


def test_a_second_build_into_the_same_folder_stops_with_a_message(tmp_path):
    out = tmp_path / "output"
    first = _start_build(ROOT, WROCLAW, "--out", out, "--edition", "standard")
    assert _wait_for_stage(tmp_path, first), first.communicate()
    second = run_wromik("build", TINY, "--out", out, *ROUTES)
    assert_refused(second, 1, f"Another wromik build is writing to {out} right now",
                   "wait until it has finished")
    assert first.wait(timeout=300) == 0, first.communicate()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {a["path"] for a in manifest["artifacts"]}
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {"manifest.json"}
    assert listed == on_disk and "pl/wromik-standard-polski.pdf" in listed


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_stop_signal_mid_build_leaves_everything_as_it_was(workspace, stop):
    before = snapshot(workspace)
    process = _start_build(workspace, WROCLAW, "--out", "output", "--edition", "standard")
    assert _wait_for_stage(workspace, process)
    process.send_signal(stop)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + stop, stderr
    assert f"stopped by {stop.name}; nothing was published and the output folder is as it was" in stderr
    assert "Traceback" not in stderr
    assert snapshot(workspace) == before


@pytest.fixture
def small_disk(tmp_path):
    """A 700 kB tmpfs, enough for the routes edition but not for the standard one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=700k", "tmpfs", str(mount)], capture_output=True,
                            text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill up here (needs root and mount rights): "
                    f"{result.stderr.strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_stops_the_build_with_a_message_and_output_unchanged(small_disk):
    run_wromik("build", WROCLAW, "--out", small_disk / "output", *ROUTES, "--lang", "pl", check_exit=0)
    (small_disk / "notes.txt").write_text("beside the guide\n", encoding="utf-8")
    before = snapshot(small_disk)
    result = run_wromik("build", WROCLAW, "--out", small_disk / "output", "--edition", "standard", "--lang", "pl")
    assert_refused(result, 1, "No space left on device", "free some space on the disk that holds",
                   f"Nothing was published; {small_disk / 'output'} is as it was")
    assert snapshot(small_disk) == before


def test_a_read_only_disk_is_refused_with_a_message(small_disk):
    run_wromik("build", TINY, "--out", small_disk / "output", *ROUTES, check_exit=0)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    before = snapshot(small_disk)
    result = run_wromik("build", TINY, "--out", small_disk / "output", *ROUTES)
    assert_refused(result, 2, "cannot be written: your user may not write there, or its disk is mounted read-only")
    assert snapshot(small_disk) == before


def test_a_missing_program_is_named_with_its_package(workspace):
    bin_dir = workspace / "bin"
    bin_dir.mkdir()
    (bin_dir / "espeak-ng").symlink_to(shutil.which("espeak-ng"))  # espeak-ng is there, ffmpeg is not
    before = snapshot(workspace)
    result = run_wromik("build", "data", "--out", "output", "--edition", "audio", cwd=workspace,
                        env=dict(os.environ, PATH=str(bin_dir)))
    assert_refused(result, 1, "ffmpeg is not installed", "apt-get install ffmpeg")
    assert snapshot(workspace) == before


def test_names_reach_the_terminal_without_escape_sequences(workspace):
    (workspace / "data" / "places" / "\x1b[31mred\x1b[0m.yaml").write_bytes(b"")
    result = run_wromik("check", "data", cwd=workspace)
    assert_refused(result, 1, "places/\\x1b[31mred\\x1b[0m.yaml: file: Expected a place")
    assert "\x1b" not in result.stderr


@pytest.mark.parametrize("case", ["control-character", "lone-surrogate", "non-character", "empty-guide-yaml",
                                  "merge-key-bomb", "yaml-nested-50000-deep", "json-nested-100000-deep",
                                  "place-file-is-a-fifo", "infinite-coordinate"])
def test_hostile_data_stops_the_build_before_it_writes(workspace, case):
    from test_dataset import CASES
    _, breaks, file_named, _, message = next(c for c in CASES if c[0] == case)
    breaks(workspace / "data")
    before = snapshot(workspace)
    result = run_wromik("build", "data", "--out", "output", cwd=workspace, timeout=60)
    assert_refused(result, 1, message, file_named.rstrip(":"))
    assert snapshot(workspace) == before


def test_a_broken_file_in_the_stage_is_never_published(tmp_path):
    """Every XML, JSON and PDF is read back before publishing: a SMIL file that is not XML stops the build."""
    from guide.build import _verify
    import hashlib
    stage = tmp_path / "stage"
    (stage / "pl" / "daisy").mkdir(parents=True)
    good, bad = b"<smil><body/></smil>\n", b"<smil><body>\x01</body></smil>\n"
    artifacts = []
    for name, body in (("pl/daisy/01.smil", good), ("pl/daisy/02.smil", bad), ("pl/routes.geojson", b"{}")):
        (stage / name).write_bytes(body)
        artifacts.append({"path": name, "bytes": len(body), "sha256": hashlib.sha256(body).hexdigest()})
    from guide import BuildError
    with pytest.raises(BuildError, match=r"wrote 1 broken file\(s\), so nothing was published: pl/daisy/02\.smil "
                                         r"\(not well-formed"):
        _verify(stage, {"artifacts": artifacts})
    (stage / "pl" / "routes.geojson").write_bytes(b"{]")
    with pytest.raises(BuildError, match=r"2 broken file\(s\).*pl/routes\.geojson .*differs from its manifest entry"):
        _verify(stage, {"artifacts": artifacts})


@pytest.mark.parametrize("arguments, phrase", [
    (["--edition="], "--edition is empty"), (["--lang", ""], "--lang is empty"),
    (["--out", "loop"], "--out loop cannot be followed")])
def test_empty_options_and_a_link_loop_are_refused(workspace, arguments, phrase):
    (workspace / "loop").symlink_to("loop")
    before = snapshot(workspace)
    result = run_wromik("build", "data", *arguments, cwd=workspace)
    assert_refused(result, 2, phrase)
    assert snapshot(workspace) == before


def test_a_language_named_twice_is_built_once(workspace):
    run_wromik("build", "data", "--out", "output", *ROUTES, "--lang", "pl,pl", "--lang", "pl", cwd=workspace,
               check_exit=0)
    paths = [a["path"] for a in json.loads((workspace / "output" / "manifest.json").read_text())["artifacts"]]
    assert paths.count("pl/routes.geojson") == 1


def test_a_lock_file_that_is_not_a_file_is_not_followed(workspace):
    (workspace / ".output.wromik-lock").unlink()
    os.mkfifo(workspace / ".output.wromik-lock")
    before = snapshot(workspace)
    result = run_wromik("build", "data", "--out", "output", *ROUTES, cwd=workspace, timeout=60)
    assert_refused(result, 2, ".output.wromik-lock is not wromik's lock file", "Move it away")
    assert snapshot(workspace) == before


def test_a_file_of_the_user_named_like_wromiks_mark_stops_the_build(workspace):
    (workspace / "output" / ".wromik-retired").write_text("my own file\n", encoding="utf-8")
    before = snapshot(workspace)
    result = run_wromik("build", "data", "--out", "output", *ROUTES, cwd=workspace)
    assert_refused(result, 2, "output holds .wromik-retired, which wromik did not write")
    assert snapshot(workspace) == before


def test_a_file_is_read_once_for_all_its_names_while_it_stays_the_same_and_again_once_it_changes(tmp_path):
    """file_sha256 with a dict of what is known (publishing: the previous build's files are checked, then retired;
    DAISY's MP3s are hard links to the audio's): one read per file, but a changed file is read again."""
    from guide.output import file_sha256
    first, link = tmp_path / "01.mp3", tmp_path / "daisy-01.mp3"
    first.write_bytes(b"frames" * 1000)
    os.link(first, link)
    known: dict = {}
    assert file_sha256(first, known) == file_sha256(link, known) == file_sha256(first)
    assert len(known) == 1
    first.write_bytes(b"FRAMES" * 1000)  # the user's edit: same size, a new modification time
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 1000))
    before = next(iter(known.values()))
    assert file_sha256(link, known) == file_sha256(first) != before and len(known) == 2
