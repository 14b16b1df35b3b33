"""The spoken script of the Wrocław guide: the standard document read aloud, in chapters and sections."""

import re

import pytest

from guide.language.pl.phrasing import describe_step
from guide.language.pl.readability import ABBREVIATIONS
from guide.language.pl.spoken import spoken
from guide.speech.script import compose_script


@pytest.fixture(scope="module")
def script(wroclaw_documents):
    return compose_script(wroclaw_documents.get("pl"))


def test_one_chapter_per_place_after_how_to_listen_and_the_introduction(script, wroclaw_model):
    keys = [c.key for c in script.chapters]
    assert keys == ["how-to-listen", "intro", *[f"place-{o.id}" for o in wroclaw_model.data.places], "glossary",
                    "sources", "colophon"]


def test_every_place_chapter_has_its_parts_a_section_per_route_and_ends_with_contacts(script, wroclaw_model):
    for place, chapter in zip(wroclaw_model.data.places, script.chapters[2:]):
        titles = [s.title for s in chapter.sections]
        for part in ("Adres i kontakt", "Godziny otwarcia", "W budynku: od drzwi do biura", "Trasy"):
            assert spoken(part) in titles, (place.id, part)
        for entrance in place.entrances:  # "Wejścia" says nothing itself: each entrance is a section
            assert spoken(entrance.name["pl"]).rstrip(" ,") in titles, (place.id, entrance.id)
        route_titles = [t for t in titles if t.startswith("Trasa ")]
        assert len(route_titles) == len(wroclaw_model.shared_routes(place.id))
        named = " ".join(route_titles)
        for profile in wroclaw_model.profiles.values():  # a listener can jump to the routes for their group
            assert spoken(profile.name["pl"]) in named, (place.id, profile.id)
        last = chapter.sections[-1]
        assert last.title == "Kontakt" and spoken(place.contacts.phones[0].number) in " ".join(last.sentences)


def test_routes_are_narrated_step_by_step_after_where_they_start_and_end_and_how_long_they_are(script, wroclaw_model):
    chapter = next(c for c in script.chapters if c.key == "place-strzegomska-6")
    route = wroclaw_model.chosen_route("strzegomska-6", "manual_wheelchair")
    section = next(s for s in chapter.sections if spoken(route.origin_name).rstrip(" ,") in s.title
                   and "Osoba na wózku ręcznym" in s.title)
    said = section.sentences
    summary = [i for i, s in enumerate(said) if s.startswith(("Długość: ", "Wejście: "))]
    steps = [i for i, s in enumerate(said) if s.startswith("Krok ")]
    assert len(summary) == 2 and steps and summary[-1] < steps[0]
    assert said[steps[0]] == "Krok pierwszy." and said[steps[1]] == "Krok drugi."
    assert route.entrance == "b" and any("Wejście B" in s for s in said)
    assert not any(s.startswith(("Opis mapy", "Mapa pokazuje")) for s in said), "the map repeats the route's summary"
    kind = wroclaw_model.kind_words(wroclaw_model.data.places[0], "pl")
    assert spoken(describe_step(route.steps[-1], kind=kind)).split(".")[0] in " ".join(said)


def test_how_to_listen_says_how_to_move_and_how_maps_are_drawn_not_the_printed_pictograms(script):
    from guide.document.pictograms import pictograms
    chapter = script.chapters[0]
    sentences = [sentence for section in chapter.sections for sentence in section.sentences]
    said = " ".join(sentences)
    assert not [p for p in pictograms().values() if spoken(f"{p.alt_text('pl')}.") in sentences], \
        "a pictogram of the printed editions is read to a listener"
    assert "cofnij się o jeden nagłówek na trzecim poziomie" in said and "każdy krok trasy" in said
    assert "znacznik rozdziału przy każdym miejscu i przy każdej trasie" in said
    assert "Trasa jest zaznaczona grubą linią z białymi kreskami. Północ jest u góry mapy." in said
    assert "nikt jeszcze tego nie sprawdził" in said and "zapytaj o to przed wizytą" in said


def test_transcript_has_no_abbreviation_roman_numeral_or_digit(script):
    transcript = script.transcript()
    body = transcript.split("\n", 1)[1]
    tokens = body.lower().split()
    assert not [t for t in tokens if t.strip(",:;()") in ABBREVIATIONS], "an ER-04 abbreviation is left"
    assert not re.findall(r"\b(?=[IVXLC]{2,}\b)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b", body)
    as_written = re.compile(r"\S*[./@]\S*[\w/]|\b[A-Z]+\d\b")  # web addresses, 'MP3', 'PDF/UA-1' as a reader reads them
    assert not re.search(r"\d", as_written.sub("", body)), re.search(r".{30}\d.{30}", as_written.sub("", body))


def test_opening_hours_are_heard_with_the_days_that_share_them_together(script, wroclaw_model):
    """A listener hears 'Od poniedziałku do piątku: …' once, not the same hours seven times, day by day."""
    chapter = next(c for c in script.chapters if c.key == "place-strzegomska-6")
    hours = next(s for s in chapter.sections if s.title == "Godziny otwarcia").sentences
    assert hours[0].startswith("Od poniedziałku do piątku: od siódmej trzydzieści do piętnastej trzydzieści")
    assert hours[1] == "W sobotę i w niedzielę: zamknięte." and not any(s.startswith("wtorek") for s in hours), hours
