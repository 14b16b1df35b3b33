"""guide.cache: where the caches live, and files written whole or not at all."""

from __future__ import annotations

import pytest

from guide.cache import cache_dir, write_whole


def test_a_cache_folder_comes_from_its_variable_else_from_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("WROMIK_MAP_CACHE", str(tmp_path / "mine"))
    assert cache_dir("maps", "WROMIK_MAP_CACHE") == tmp_path / "mine"
    monkeypatch.delenv("WROMIK_MAP_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir("maps", "WROMIK_MAP_CACHE") == tmp_path / "xdg" / "wromik" / "maps"


def test_a_file_is_written_whole_or_the_old_one_stays_and_no_temporary_file_is_left(tmp_path):
    target = tmp_path / "clip.bin"
    write_whole(target, b"first")
    write_whole(target, b"second")
    assert target.read_bytes() == b"second" and [p.name for p in tmp_path.iterdir()] == ["clip.bin"]
    blocked = tmp_path / "a-folder"
    (blocked / "inside").mkdir(parents=True)  # a folder that is not empty cannot be replaced by a file
    with pytest.raises(OSError):
        write_whole(blocked, b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder", "clip.bin"]
    assert [p.name for p in blocked.iterdir()] == ["inside"]
