"""Language packs: no Polish or city-specific words outside them, a complete gettext catalog, the pack API,
and a guide asking for a language wromik has no pack for refused before anything is written."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract_from_dir

from guide.language import PACK_API, available_languages, catalog, pack
from conftest import ROOT, TINY

GUIDE = ROOT / "guide"
WROMIK = Path(sys.executable).parent / "wromik"
POLISH = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
CITY = re.compile("Wrocław|Wroclaw|MOPS")


def string_literals(source: str, filename: str = "<string>") -> list:
    """(line, text) of every string literal in Python source, f-strings' constant parts included, docstrings
    left out (comments are not in the syntax tree)."""
    tree = ast.parse(source, filename)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                docstrings.add(id(first.value))
    found, parts = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):  # an f-string: its parts' own positions are unreliable before 3.12
            for part in node.values:
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    parts.add(id(part))
                    found.append((node.lineno, part.value))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings \
                and id(node) not in parts:
            found.append((node.lineno, node.value))
    return found


def offenders(source: str, pattern: re.Pattern, filename: str = "<string>") -> list:
    """'file:line: text' for each string literal matching pattern."""
    return [f"{filename}:{line}: {text!r}" for line, text in sorted(string_literals(source, filename))
            if pattern.search(text)]


def _python_files(outside: Path):
    return sorted(p for p in GUIDE.rglob("*.py") if outside not in p.parents)


def test_no_polish_diacritics_in_string_literals_outside_the_polish_pack():
    """Every Polish word the guide says lives in guide/language/pl/; a pack's transliteration.py, which writes the
    Polish names of the data in its own script, spells Polish letters, not words."""
    found = [hit for path in _python_files(GUIDE / "language" / "pl") if path.name != "transliteration.py"
             for hit in offenders(path.read_text(encoding="utf-8"), POLISH, str(path.relative_to(ROOT)))]
    assert not found, "Polish text outside guide/language/pl/:\n" + "\n".join(found)


def test_the_diacritics_check_finds_a_polish_literal_but_not_docstrings_or_comments():
    source = '''"""Moduł: a docstring in Polish is fine."""
# komentarz: a comment is fine too
def f(name):
    """Funkcja."""
    plain = "ok"
    return f"Idź {name} prosto" + plain + "Wejście"
'''
    found = sorted(offenders(source, POLISH, "sample.py"))
    assert found == ["sample.py:6: 'Idź '", "sample.py:6: 'Wejście'"]
    assert offenders('x = "plain ascii"\n', POLISH) == []


def test_no_city_or_publisher_names_in_string_literals_outside_the_language_packs():
    """Wrocław and its MOPS belong to the data (routes/wroclaw), not to the program."""
    found = [hit for path in _python_files(GUIDE / "language")
             for hit in offenders(path.read_text(encoding="utf-8"), CITY, str(path.relative_to(ROOT)))]
    assert not found, "city or publisher names in the program:\n" + "\n".join(found)
    assert offenders('publisher = "MOPS Wrocław"\n', CITY) == ["<string>:1: 'MOPS Wrocław'"]


def _extracted_messages() -> dict:
    """msgid -> ['file:line', …] for every _() and gettext() call with a literal in guide/."""
    found: dict = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            str(GUIDE), [("**.py", "python")], keywords={"_": None, "gettext": None}):
        found.setdefault(message, []).append(f"{filename}:{line}")
    return found


@pytest.mark.parametrize("lang", available_languages())
def test_gettext_catalog_translates_every_message_and_has_no_stale_entries(lang):
    extracted = _extracted_messages()
    assert len(extracted) > 50, "the extractor found (almost) nothing: the check would pass vacuously"
    translated = catalog(lang)
    untranslated = {m: where for m, where in extracted.items() if m not in translated}
    stale = [m for m in translated if m not in extracted]
    assert not untranslated, f"messages without a translation into {lang}: {untranslated}"
    assert not stale, f"catalog entries no code uses: {stale}"


@pytest.mark.parametrize("lang", available_languages())
def test_every_placeholder_of_a_message_is_in_its_translation(lang):
    translated = catalog(lang)
    lost = {m: t for m, t in translated.items()
            if not set(re.findall(r"\{(\w+)\}", m)) <= set(re.findall(r"\{(\w+)\}", t))}
    assert not lost, f"translations that drop a {{field}}: {lost}"


def test_every_language_pack_exports_the_pack_api():
    languages = available_languages()
    assert {"pl", "uk"} <= set(languages)
    missing = {lang: [name for name in PACK_API if not hasattr(pack(lang), name)] for lang in languages}
    assert all(not names for names in missing.values()), missing


NO_PACK = "de"  # a language wromik has no pack for


def _with_language(root: Path, lang: str) -> None:
    """List lang in guide.yaml and give every text a version in it, so the only problem left is the missing pack."""
    def both(mapping: dict, key: str) -> None:
        mapping[key] = {"pl": mapping[key], lang: mapping[key]}

    info = yaml.safe_load((root / "guide.yaml").read_text(encoding="utf-8"))
    info["languages"] = ["pl", lang]
    for key in ("title", "introduction"):
        both(info, key)
    both(info["easy_read"], "introduction")
    for entry in info["glossary"]:
        for key in ("term", "meaning", "easy_read"):
            both(entry, key)
    (root / "guide.yaml").write_text(yaml.safe_dump(info, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in (root / "places").glob("*.yaml"):
        place = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ("name", "description", "easy_read"):
            both(place, key)
        for service in place.get("services", []):
            for key in ("name", "description", "easy_read"):
                both(service, key)
        for entrance in place["entrances"]:
            both(entrance, "name")
        path.write_text(yaml.safe_dump(place, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("texts", ["only listed", "with every text"])
def test_a_language_without_a_pack_is_refused_by_check_and_build(tmp_path, texts):
    """A coordinator who lists a language without a pack hears first and only that wromik cannot write it, with or
    without texts in it."""
    data = tmp_path / "guide"
    shutil.copytree(TINY, data)
    if texts == "with every text":
        _with_language(data, NO_PACK)
    else:
        edit = data / "guide.yaml"
        edit.write_text(edit.read_text(encoding="utf-8").replace("languages: [pl]", f"languages: [pl, {NO_PACK}]"),
                        encoding="utf-8")
    out = tmp_path / "out"
    for args in (["check", data], ["build", data, "--out", out]):
        result = subprocess.run([str(WROMIK), *map(str, args)], cwd=tmp_path, capture_output=True, text=True,
                                timeout=300)
        said = result.stdout + result.stderr
        assert result.returncode != 0, said
        assert "Traceback" not in said, said
        assert f"'{NO_PACK}'" in said and "language pack" in said and "guide.yaml" in said, said
        assert "Expected a text" not in said, f"the missing pack should be the only problem:\n{said}"
    assert not out.exists()
