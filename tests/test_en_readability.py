"""English easy-read rules: sentences, the Flesch-Kincaid grade and its threshold calibrated on our own texts,
ER-03/04/06 findings, and the checker on a guide's English easy-read texts."""

from __future__ import annotations

import shutil

import pytest
import yaml

from en_calibration import EASY, STANDARD
from guide.data.text import original
from guide.language.en.readability import (MAX_GRADE, check_text, display_name, expand_name, fk_grade, sentences,
                                           syllables, words)


def grade(text: str) -> float:
    return fk_grade(sentences(text))


def test_the_threshold_separates_our_easy_read_texts_from_our_standard_ones():
    """The calibration written in readability.py's docstring: easy-read 0.4 to 4.7, standard 6.3 to 17.7."""
    easy, standard = [grade(t) for t in EASY], [grade(t) for t in STANDARD]
    assert (round(min(easy), 1), round(max(easy), 1)) == (0.4, 4.7)
    assert (round(min(standard), 1), round(max(standard), 1)) == (6.3, 17.7)
    assert max(easy) < MAX_GRADE < min(standard)
    assert all(not [f for f in check_text(t) if f.rule == "ER-07"] for t in EASY)
    assert all([f for f in check_text(t) if f.rule == "ER-07"] for t in STANDARD)


def test_syllables_and_a_name_counts_as_one_short_word():
    assert [syllables(w) for w in ("go", "metres", "information", "accessibility")] == [1, 2, 4, 6]
    assert words(f"Go along {original('ul. Strzegomska')}.") == ["Go", "along", "Name"]


def test_sentences_do_not_end_at_an_abbreviation_or_inside_a_name():
    stop = original("pl. Legion\u00f3w")
    assert sentences(f"Start: the stop {stop}. Go on.") == [f"Start: the stop {stop}.", "Go on."]
    assert sentences("Go along Oxford St. to the bank. Then turn.") == ["Go along Oxford St. to the bank.", "Then turn."]
    assert sentences(original("To biuro. Idz do ul. Strzegomskiej.") + " Then go.") == [
        original("To biuro."), original("Idz do ul. Strzegomskiej."), "Then go."]


@pytest.mark.parametrize("text, rule, part", [
    ("Call us because the door is locked.", "ER-03", "because"),
    ("The office, the lift, the toilet, the car park.", "ER-03", "commas"),
    ("It is approx. 5 minutes away.", "ER-04", "approx."),
    ("Go to room No. 5.", "ER-04", "No."),
    ("There are three steps.", "ER-04", "three"),
    ("The office is on floor II.", "ER-04", "Roman"),
    ("Come on 12.05.2026.", "ER-04", "date"),
    ("Your form will be checked.", "ER-06", "active voice"),
    ("Bring your identification.", "ER-06", "identification"),
])
def test_findings(text, rule, part):
    found = [f for f in check_text(text) if f.rule == rule]
    assert found and part in found[0].message, check_text(text)


def test_plain_easy_sentences_and_polish_names_pass():
    assert check_text(f"Go to {original('ul. Strzegomska 6')}. The answer is no. Take the lift to floor 2.") == []


def test_names_in_timetable_capitals_are_shown_in_display_case():
    assert display_name("PL. LEGION\u00d3W") == "pl. Legion\u00f3w"
    assert expand_name("ul. Strzegomska") == "ul. Strzegomska"


def test_the_checker_reads_english_easy_read_texts_only_and_skips_missing_ones(tmp_path):
    from conftest import TINY
    from guide import load_guide
    from guide.language.en import check_guide, readability_report

    root = tmp_path / "guide"
    shutil.copytree(TINY, root)
    shutil.rmtree(root / "translations")  # every other text is missing in English
    info = yaml.safe_load((root / "guide.yaml").read_text(encoding="utf-8"))
    info["languages"] = ["pl", "en"]
    info["easy_read"]["introduction"] = {"pl": info["easy_read"]["introduction"],
                                         "en": "This guide is about offices. Your form will be checked."}
    (root / "guide.yaml").write_text(yaml.safe_dump(info, allow_unicode=True, sort_keys=False), encoding="utf-8")
    data = load_guide(root)
    problems = check_guide(data)
    assert [p.message.split(":")[0] for p in problems] == ["ER-06"]
    assert "Your form will be checked" in problems[0].message
    assert "Easy-read texts (en): 2 sentences" in readability_report(data)
