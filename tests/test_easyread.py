"""The easy-read language rules: Polish syllables, sentences, FOG-PL and the checker (ER-03, ER-04, ER-06, ER-07)."""

from __future__ import annotations

import pytest

from guide import load_guide
from guide.language.pl.readability import check_guide, check_text, expand_name, fog_pl, sentences, syllables, words
from conftest import WROCLAW, edit_text, run_wromik


@pytest.mark.parametrize("word, count", [
    ("dom", 1), ("Wrocław", 2), ("piętro", 2), ("winda", 2), ("pochylnia", 3), ("dziękuję", 3), ("ziemia", 2),
    ("przystanek", 3), ("autobus", 3), ("Europa", 3), ("zoo", 2), ("orzeczenie", 4), ("indukcyjna", 4),
    ("poniedziałek", 4), ("pracownicy", 4), ("niepełnosprawność", 5), ("niepełnosprawnościami", 7),
    ("alimentacyjnego", 7), ("Świętego", 3), ("wózek", 2), ("71", 0),
])
def test_polish_syllable_counter_on_words_with_known_counts(word, count):
    assert syllables(word) == count


def test_sentences_do_not_end_at_an_abbreviation_or_a_time():
    text = "Idź na ul. Strzegomską. Biuro jest czynne od 7.30 do 15.30! Czy masz pytania? Zadzwoń."
    assert sentences(text) == ["Idź na ul. Strzegomską.", "Biuro jest czynne od 7.30 do 15.30!", "Czy masz pytania?",
                               "Zadzwoń."]


def test_words_skip_punctuation_and_keep_numbers():
    assert words("Adres: ulica Strzegomska 6, 53-611 Wrocław – tu.") == ["Adres", "ulica", "Strzegomska", "6",
                                                                        "53-611", "Wrocław", "tu"]


def test_fog_pl_follows_the_formula():
    # 2 sentences, 8 words, 1 word with 4+ syllables (orzeczenie): 0.4 × (4 + 100 × 1/8) = 6.6
    assert fog_pl(["Tu dostaniesz orzeczenie.", "To jest biuro w mieście."]) == pytest.approx(0.4 * (4 + 12.5))


BAD_SAMPLES = [
    ("Pracownik socjalny pomaga mieszkańcom w trudnej sytuacji życiowej i doradza im we wszystkich sprawach urzędowych "
     "oraz rodzinnych.", "ER-03", "at most 15 words in a sentence"),
    ("Idź do pokoju, który jest na końcu.", "ER-03", "subordinate clause but received „który”"),
    ("Pamiętaj, że biuro jest zamknięte.", "ER-03", "subordinate clause but received „że”"),
    ("Weź dowód, wniosek, zdjęcie, długopis.", "ER-03", "at most 2 commas"),
    ("Tu złożysz wniosek o zasiłek rodzinny i o dodatek na mieszkanie. Tu odbierzesz też pieniądze w kasie przy "
     "wejściu od podwórza.", "ER-03", "10 words per sentence on average"),
    ("Biuro jest przy ul. Strzegomskiej.", "ER-04", "abbreviation „ul.”"),
    ("Weź dokumenty, np. dowód.", "ER-04", "abbreviation „np.”"),
    ("Idź do pokoju nr 5.", "ER-04", "abbreviation „nr”"),
    ("Biuro jest na III piętrze.", "ER-04", "Roman numeral „III”"),
    ("Przed wejściem są trzy stopnie.", "ER-04", "number in digits but received the word „trzy”"),
    ("Biuro jest zamknięte 12.03.2026.", "ER-04", "date written out but received „12.03.2026”"),
    ("Wniosek zostanie sprawdzony w biurze.", "ER-06", "active voice"),
    ("Zapraszamy Pana do biura.", "ER-06", "addressed as „Ty” but received „Pana”"),
    ("Tu załatwisz sprawy rehabilitacyjne.", "ER-06", "„rehabilitacyjne” (7 syllables), which is not in the word list"),
    ("Niepełnosprawność potwierdza orzeczenie.", "ER-07", "FOG-PL at most 6"),
]


@pytest.mark.parametrize("text, rule, message", BAD_SAMPLES, ids=[f"{r}-{i}" for i, (_, r, _) in enumerate(BAD_SAMPLES)])
def test_checker_flags_each_bad_sample_with_its_rule(text, rule, message):
    findings = check_text(text, glossary=("niepełnosprawno",))
    assert any(f.rule == rule and message in f.message for f in findings), findings


def test_good_easy_read_text_has_no_findings():
    assert check_text("Tu złożysz wniosek o zasiłek. Pracownik pomoże Ci wypełnić wniosek. Biuro jest na 3 piętrze.") == []


def test_shipped_wroclaw_data_passes_the_checker():
    assert check_guide(load_guide(WROCLAW)) == []


def test_place_names_are_written_out_for_easy_reading():
    assert expand_name("pl. św. Macieja 4") == "plac Świętego Macieja 4"
    assert expand_name("ul. Strzegomska 6") == "ulica Strzegomska 6"
    assert expand_name("PL. SOLIDARNOŚCI") == "plac Solidarności"
    assert expand_name("KAMIEŃSKIEGO (pętla)") == "Kamieńskiego (pętla)"


def test_cli_reports_every_easy_read_problem_with_file_field_line_and_fix(tiny):
    place = tiny / "places" / "test-place.yaml"
    edit_text(place, "  To biuro do testów.\n", "  To biuro jest na III piętrze, które ma windę.\n")
    edit_text(place, "    easy_read: Tu dostaniesz radę.\n", "")
    assert run_wromik("check", tiny).returncode == 0  # the easy-read rules apply only when asked for
    result = run_wromik("check", tiny, "--easy-read", check_exit=1)
    assert "Traceback" not in result.stderr
    assert "The guide data has 3 problems" in result.stderr
    assert "test-place.yaml:17: place 'test-place'.easy_read: ER-03: Expected a sentence without a subordinate " \
           "clause but received „które” in „To biuro jest na III piętrze, które ma windę.”" in result.stderr
    assert "ER-04: Expected digits but received the Roman numeral „III”" in result.stderr
    assert "How to fix: Write 3, for example „3 piętro”." in result.stderr
    assert "place 'test-place'.services[porady].easy_read: Expected an easy-read text (easy_read:) but received " \
           "none" in result.stderr


def test_build_stops_before_writing_when_an_easy_read_text_breaks_a_rule(tiny, tmp_path):
    out = tmp_path / "out"
    run_wromik("build", tiny, "--out", out, "--edition", "routes", check_exit=0)
    before = sorted(p.name for p in out.rglob("*"))
    edit_text(tiny / "guide.yaml", "    Mówi o jednym biurze.\n", "    Mówi o jednym biurze, np. o tym.\n")
    result = run_wromik("build", tiny, "--out", out, check_exit=1)
    assert "guide.yaml:19: easy_read.introduction: ER-04: Expected words written out but received the abbreviation " \
           "„np.”" in result.stderr
    assert sorted(p.name for p in out.rglob("*")) == before
