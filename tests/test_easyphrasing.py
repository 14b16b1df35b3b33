"""Easy-read phrasing: short imperative lines with a pictogram each, landmarks before metres, no abbreviations."""

from __future__ import annotations

from guide.routing.directions import Step
from guide.language import kind_words
from guide.language.pl.easyphrasing import entrance_lines, hours_lines, inside_lines, route_lines
from guide.language.pl.readability import check_text
from guide.data.model import Fact
from guide.document.pictograms import pictograms
from guide.data.schema import OpeningHours, Where


OFFICE = kind_words("pl", "office")


def _hours(spec):
    return OpeningHours().check(spec, Where("test", "hours", None, []))


def test_hours_group_days_and_write_times_without_leading_zeros():
    line = hours_lines(_hours("Mo-We,Fr 08:00-15:00; Th 08:00-16:30"))
    assert line.pictogram == "clock"
    assert line.sentences == ("Od poniedziałku do środy: od 8:00 do 15:00.", "W czwartek: od 8:00 do 16:30.",
                              "W piątek: od 8:00 do 15:00.", "W sobotę i w niedzielę: zamknięte.")


def test_unknown_hours_say_so_and_ask_to_call():
    assert hours_lines(None).sentences == ("Nie mamy informacji o godzinach.",)  # the edition adds the number


def test_a_turn_at_a_landmark_is_said_by_the_landmark_not_by_metres():
    steps = [Step("walk", distance_m=120, turn="left", name="ul. Strzegomska", landmark="kiosk")]
    lines = route_lines(steps, origin_kind="stop", origin_name="pl. Strzegomski (Muzeum Współczesne)",
                        origin_pictogram="tram", kind=OFFICE)
    assert [(line.pictogram, line.sentences) for line in lines] == [
        ("tram", ("Wysiądź z tramwaju na przystanku plac Strzegomski (Muzeum Współczesne).",)),
        ("turn_left", ("Skręć w lewo.",)),
        ("walk_straight", ("Idź prosto.", "Po drodze jest: kiosk.", "To jest ulica Strzegomska."))]


def test_wheelchair_user_is_told_about_an_unknown_lift_not_sent_up_the_stairs():
    lines = route_lines([Step("stairs_up", count=1, warnings=("unknown:lift",))], origin_kind="parking", origin_name="P",
                        origin_pictogram="parking", kind=OFFICE)
    assert [(line.pictogram, line.sentences) for line in lines[1:]] == [
        ("desk", ("Biuro jest na 1 piętrze.",)), ("question", ("Nie mamy informacji o windzie.",))]


def test_facts_become_one_line_each_and_unknown_facts_are_not_claimed():
    lines = entrance_lines({"steps": Fact(8), "handrail": Fact(True), "ramp": Fact(False), "bell": Fact(None)})
    assert [(line.pictogram, line.sentences) for line in lines] == [
        ("no:ramp", ("Nie ma pochylni.",)), ("steps", ("Są schody: 8 stopni.", "Są poręcze."))]
    assert inside_lines({}, kind=OFFICE)[0].sentences == ("Nie mamy informacji o wnętrzu budynku.",)


def test_every_generated_line_of_the_wroclaw_guide_is_easy_to_read(wroclaw_model):
    """All route, entrance and inside lines: known pictograms, and no ER-03/ER-04 finding in any sentence."""
    lines = []
    for place in wroclaw_model.data.places:
        for entrance in place.entrances:
            lines += entrance_lines(entrance.facts)
        lines += inside_lines(place.inside.facts, kind=wroclaw_model.kind_words(place, "pl")) + [hours_lines(place.hours)]
        for routes in (wroclaw_model.routes_for(place.id, p) for p in wroclaw_model.profiles):
            for route in routes:
                steps = list(route.steps) + (list(route.inside.steps) if route.inside else [])
                lines += route_lines(steps, origin_kind=route.origin_kind, origin_name=route.origin_name,
                                    origin_pictogram="stop", kind=wroclaw_model.kind_words(place, "pl"))
    assert len(lines) > 900
    assert {line.pictogram.removeprefix("no:") for line in lines} <= set(pictograms())
    sentences = {s for line in lines for s in line.sentences}
    findings = [f for s in sentences for f in check_text(s) if f.rule in ("ER-03", "ER-04")]
    assert findings == []
    assert all(s[0].isupper() and s[-1] in ".?!" for s in sentences), sorted(sentences)[:5]


def test_easy_read_says_a_level_below_ground_and_a_room_known_by_its_name():
    culture = kind_words("pl", "culture")
    lines = route_lines([Step("lift_up", count=-3), Step("room", name="kasy", count=-3)], origin_kind="parking",
                        origin_name="P", origin_pictogram="parking", kind=culture)
    assert [line.sentences for line in lines[1:]] == [("Zjedź windą na poziom -3.",), ("Idź do miejsca: kasy.",)]
    inside = inside_lines({"floor": Fact(-3, "test"), "room": Fact("kasy", "test")}, kind=culture)
    assert inside[0].sentences == ("Kasa jest pod ziemią, na poziomie -3.", "Idź do miejsca: kasy.")
