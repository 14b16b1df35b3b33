"""Translations of the data's texts (guide/data/translations.py): gettext catalogs beside guide.yaml, a fuzzy
entry used but counted as unreviewed, a stale or missing one replaced by the original text and warned of,
broken catalogs refused, and `wromik translations` writing catalogs that keep what translators did."""

from __future__ import annotations

import shutil

import pytest
from babel.messages.pofile import read_po

from guide.build import data_warnings
from guide.data.dataset import load_guide
from guide.data.text import original
from guide.data.translations import catalog_path, every_text, translation_counts, write_catalogs
from guide.errors import DataError
from conftest import edit_text

PLACE = "places/test-place.yaml"


@pytest.fixture
def bilingual(tiny):
    """The tiny guide in Polish and Ukrainian, with a Ukrainian catalog of every text, none translated yet."""
    edit_text(tiny / "guide.yaml", "languages: [pl]", "languages: [pl, uk]")
    shutil.rmtree(tiny / "translations")  # the fixture's own, translated
    write_catalogs(load_guide(tiny))
    return tiny


def translate_entry(root, msgid: str, msgstr: str, *, flags: str = "", previous: str = "") -> None:
    """Fill in one entry of the Ukrainian catalog as a PO editor would."""
    path = catalog_path(root, "uk")
    text = path.read_text(encoding="utf-8")
    entry = f'msgid "{msgid}"\nmsgstr ""\n'
    assert entry in text, f"{msgid!r} not in the catalog"
    head = (f"#, {flags}\n" if flags else "") + (f'#| msgid "{previous}"\n' if previous else "")
    path.write_text(text.replace(entry, f'{head}msgid "{msgid}"\nmsgstr "{msgstr}"\n'), encoding="utf-8")


def test_the_catalog_lists_every_text_once_with_where_it_is_written(bilingual):
    catalog = read_po(catalog_path(bilingual, "uk").open("rb"))
    ids = [m.id for m in catalog if m.id]
    data = load_guide(bilingual)
    assert sorted(ids) == sorted({t["pl"] for t in every_text(data)})
    assert ("guide.yaml", 2) in catalog["Mały przewodnik testowy"].locations
    assert (PLACE, 2) in catalog["Biuro testowe"].locations
    assert catalog.locale.language == "uk"


def test_a_missing_translation_shows_the_original_marked_and_is_warned_of_with_its_place(bilingual):
    data = load_guide(bilingual)
    assert data.info.title["uk"] == original("Mały przewodnik testowy")
    warnings = data_warnings(data)
    title = next(w for w in warnings if "Mały przewodnik testowy" in w)
    assert "guide.yaml:2" in title and "no Ukrainian translation" in title and "Polish text is shown" in title
    assert "translations/uk.po" in title
    assert any("wromik translations" in w for w in warnings)
    counts = translation_counts(data, "uk")
    assert counts["missing"] == len(every_text(data)) and counts["reviewed"] == counts["unreviewed"] == 0


def test_a_translation_is_used_and_a_fuzzy_one_counts_as_not_reviewed(bilingual):
    translate_entry(bilingual, "Mały przewodnik testowy", "Малий тестовий путівник")
    translate_entry(bilingual, "Biuro testowe", "Тестовий офіс", flags="fuzzy")
    data = load_guide(bilingual)
    assert data.info.title["uk"] == "Малий тестовий путівник"
    place = data.places[0]
    assert place.name["uk"] == "Тестовий офіс"
    assert data.info.title.translated["uk"].reviewed and not place.name.translated["uk"].reviewed
    counts = translation_counts(data, "uk")
    assert (counts["reviewed"], counts["unreviewed"]) == (1, 1)
    assert not any("Mały przewodnik testowy" in w or "Biuro testowe" in w for w in data_warnings(data))


def test_a_fuzzy_translation_of_an_earlier_text_is_not_used(bilingual):
    translate_entry(bilingual, "Biuro testowe", "Старий офіс", flags="fuzzy", previous="Biuro stare")
    data = load_guide(bilingual)
    assert data.places[0].name["uk"] == original("Biuro testowe")
    assert any("Biuro testowe" in w for w in data_warnings(data))


def test_a_text_written_in_the_data_wins_over_the_catalog(bilingual):
    edit_text(bilingual / PLACE, "name: Biuro testowe", "name: {pl: Biuro testowe, uk: Офіс з даних}")
    translate_entry(bilingual, "Biuro testowe", "Офіс з каталогу")
    data = load_guide(bilingual)
    assert data.places[0].name["uk"] == "Офіс з даних"
    assert translation_counts(data, "uk")["written"] == 1


def test_a_broken_catalog_and_an_unsafe_translation_are_problems_with_their_place(bilingual):
    translate_entry(bilingual, "Biuro testowe", "Офіс\\u202e")
    path = catalog_path(bilingual, "uk")
    path.write_text(path.read_text(encoding="utf-8").replace("Офіс\\u202e", "Офіс\u202e"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_guide(bilingual)
    problem = next(p for p in caught.value.problems if p.file.endswith("translations/uk.po"))
    assert "Biuro testowe" in problem.where and problem.line and "bidirectional" in problem.message
    path.write_text('msgid "a"\nmsgid "b"\nmsgstr "c"\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_guide(bilingual)
    assert any(p.file.endswith("translations/uk.po") and "PO file" in p.message for p in caught.value.problems)


def test_writing_the_catalogs_again_keeps_translations_and_flags_and_keeps_an_old_text_as_obsolete(bilingual):
    translate_entry(bilingual, "Biuro testowe", "Тестовий офіс", flags="fuzzy")
    translate_entry(bilingual, "Mały przewodnik testowy", "Малий тестовий путівник")
    edit_text(bilingual / "guide.yaml", "title: Mały przewodnik testowy", "title: Mały przewodnik")
    write_catalogs(load_guide(bilingual))
    catalog = read_po(catalog_path(bilingual, "uk").open("rb"))
    assert catalog["Biuro testowe"].string == "Тестовий офіс" and catalog["Biuro testowe"].fuzzy
    assert "Mały przewodnik" in catalog and not catalog["Mały przewodnik"].string
    assert catalog.obsolete["Mały przewodnik testowy"].string == "Малий тестовий путівник"


def test_a_first_language_text_is_required_and_others_are_not(bilingual):
    edit_text(bilingual / "guide.yaml", "title: Mały przewodnik testowy", "title: {uk: Малий путівник}")
    with pytest.raises(DataError) as caught:
        load_guide(bilingual)
    assert any(p.where == "title" and "in language 'pl'" in p.message for p in caught.value.problems)


def test_an_easy_read_translation_is_checked_by_its_languages_rules_at_its_catalog_line(bilingual):
    from guide.language import check_easy_read
    long = ("Цей дуже довгий і складний путівник розповідає всім відвідувачам про один-єдиний офіс, про всі його "
            "входи, поверхи, кабінети, години роботи та численні адміністративні процедури.")
    translate_entry(bilingual, "To mały przewodnik do testów. Mówi o jednym biurze.", long, flags="fuzzy")
    problems = [p for p in check_easy_read(load_guide(bilingual)) if p.file.endswith("translations/uk.po")]
    assert problems and all(p.message.startswith("ER-") for p in problems), problems
    entry = catalog_path(bilingual, "uk").read_text(encoding="utf-8").splitlines()
    assert entry[problems[0].line - 1].startswith("msgid") and "easy_read.introduction" in problems[0].where


def test_words_a_translation_keeps_from_the_original_are_marked_as_such():
    from guide.data.translations import kept_in_original
    source = "Wypłacamy zasiłki, na przykład dodatek mieszkaniowy. MOPS jest przy ulicy Kamieńskiego."
    assert kept_in_original("We pay benefits, for example housing allowance (dodatek mieszkaniowy).", source) == \
        f"We pay benefits, for example housing allowance ({original('dodatek mieszkaniowy')})."
    assert kept_in_original("The MOPS office is on Kamieńskiego Street, next to the bus.", source) == \
        f"The {original('MOPS')} office is on {original('Kamieńskiego')} Street, next to the bus."
    assert kept_in_original("Go to the office.", source + " To biuro.") == "Go to the office."  # 'to' is not Polish here


def test_a_catalog_translation_marks_the_street_of_an_address_it_keeps(bilingual):
    translate_entry(bilingual, "Biuro do testów.", "Офіс для тестів на вулиці Тестовій (ul. Testowa).")
    assert load_guide(bilingual).places[0].description["uk"] == \
        f"Офіс для тестів на вулиці Тестовій ({original('ul. Testowa')})."
