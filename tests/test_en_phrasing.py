"""English phrasing in both registers: steps, facts, hours, levels, rooms and quantities; the data's names kept
as written and marked (original)."""

from __future__ import annotations

from functools import partial

import pytest

from guide.data.model import Fact
from guide.data.schema import OpeningHours, Where
from guide.data.text import original, plain
from guide.document.pictograms import pictograms
from guide.language import kind_words
from guide.language.en import easyphrasing, phrasing
from guide.language.en.easyphrasing import entrance_lines, hours_lines, inside_lines, route_lines
from guide.language.en.phrasing import describe_barrier, fact_sentences, level, quantity, written_date
from guide.language.en.readability import check_text
from guide.routing.directions import Step

OFFICE, CULTURE = kind_words("en", "office"), kind_words("en", "culture")
describe_step = partial(phrasing.describe_step, kind=OFFICE)
STRZEGOMSKA, NOWOWIEJSKA, LEGIONOW = original("ul. Strzegomska"), original("ul. Nowowiejska"), original("pl. Legion\u00f3w")
ENTRANCE_A = original("Wej\u015bcie A")


def _hours(spec):
    return OpeningHours().check(spec, Where("test", "hours", None, []))


@pytest.mark.parametrize("n, noun, text", [(1, "metre", "1 metre"), (2, "metre", "2 metres"), (1.5, "metre", "1.5 metres"),
                                           (0, "metre", "0 metres"), (1, "step", "1 step"), (8, "step", "8 steps"),
                                           (2, "crossing", "2 road crossings"), (1, "bay", "1 space")])
def test_quantities_take_the_right_plural(n, noun, text):
    assert quantity(n, noun) == text


def test_about_a_quantity():
    assert [quantity(n, "minute", about=True) for n in (1, 5)] == ["about 1 minute", "about 5 minutes"]


def test_dates_are_written_out_the_british_way():
    assert [written_date(d) for d in ("2026-11-23", "2026-11", "2026")] == ["23 November 2026", "November 2026", "2026"]


@pytest.mark.parametrize("floor, where, dot, text", [
    (0, True, True, "on the ground floor"), (1, True, True, "on the first floor"), (2, False, True, "the second floor"),
    (1, True, False, "on floor 1"), (-1, True, True, "on level -1"), (-3, False, False, "level -3")])
def test_levels_in_british_usage(floor, where, dot, text):
    assert level(floor, where=where, dot=dot) == text


def test_walk_and_turn_sentences_keep_the_street_name_polish_and_marked():
    assert describe_step(Step("walk", distance_m=40, turn="left", name="ul. Strzegomska")) == \
        f"Turn left and go 40 metres along {STRZEGOMSKA}."
    assert describe_step(Step("walk", distance_m=1, turn="straight")) == "Go straight on for 1 metre."
    assert describe_step(Step("walk", distance_m=30, turn="right", cue_before_m=5)) == \
        "In 5 metres, turn right. Then go 30 metres."


def test_the_departure_gives_side_and_goal_before_the_compass_point():
    text = describe_step(Step("depart", name="PL. LEGION\u00d3W", heading="east", road_side="right",
                              towards=("crossing", "ul. Nowowiejska"), crossings=2, turns=1,
                              facts={"origin_kind": "stop"}))
    assert text == (f"Start: the stop {LEGIONOW}. Stand with the road on your right. Go towards the pedestrian "
                    f"crossing over {NOWOWIEJSKA}. Direction: east. On the route: 2 road crossings, 1 turn.")


def test_a_blind_walker_hears_the_crossing_before_reaching_it_and_every_signal():
    text = describe_step(Step("cross", distance_m=12, turn="left", cue_before_m=5, crossings=2, name="ul. Nowowiejska",
                              crossing={"traffic_lights": True, "sound_signal": False, "tactile_paving": None}))
    assert text == (f"In 5 metres, turn left: there is a pedestrian crossing there. Cross {NOWOWIEJSKA} at the "
                    "pedestrian crossing, 12 metres. This is crossing number 2 on the route. At the crossing: traffic "
                    "lights, no sound signal; no data: tactile paving.")


def test_arrival_describes_the_door_with_an_untranslated_entrance_name_marked():
    text = describe_step(Step("arrive", name={"pl": "Wej\u015bcie A"}, facts={"steps": 8, "handrail": True,
                                                                             "audio_beacon": True}))
    assert text == f"You are at the entrance: {ENTRANCE_A}. 8 steps with a handrail, sound beacon above the entrance."
    assert describe_step(Step("arrive", name={"pl": "Wej\u015bcie A", "en": "Entrance A"}, facts={"steps": True})) == \
        "You are at the entrance: Entrance A. Steps, number of steps not known."


def test_levels_below_ground_lifts_stairs_and_rooms():
    assert describe_step(Step("lift_up", count=-3)) == "Take the lift down to level -3."
    assert describe_step(Step("stairs_up", count=-1)) == "Go down the stairs to level -1."
    assert describe_step(Step("lift_up", count=2)) == "Take the lift to the second floor."
    assert describe_step(Step("stairs_up", count=1, warnings=("unknown:lift",))) == \
        "The office is on the first floor. We do not know if there is a lift: ask before your visit."
    assert describe_step(Step("room", name="12", count=0)) == "The office is on the ground floor, room 12."
    assert describe_step(Step("room", count=2)) == ""  # the lift's or the stairs' step has told the floor
    assert phrasing.describe_step(Step("room", name="kasy", count=0), kind=CULTURE) == \
        f"The ticket office is on the ground floor. Go to the place called {original('kasy')}."
    assert phrasing.describe_step(Step("room", name="3", count=-3), kind=CULTURE) == "Go to room 3."


def test_staff_come_down_and_the_call_ahead_warnings():
    assert describe_step(Step("staff_come_down", count=2, warnings=("staff_come_down", "barrier:lift",
                                                                    "barrier:room_door_width"))) == (
        "The office is on the second floor. The building has no lift. On the way to the office: width of the doors "
        "inside. A member of staff will come down to meet you at the entrance.")
    assert describe_step(Step("arrive", name={"en": "Entrance B"}, warnings=("stair_climber", "advance_notice:24"))) == (
        "You are at the entrance: Entrance B. Note: staff take you up the stairs on a stair climber: call before "
        "your visit; this entrance needs advance notice: call at least 24 hours before your visit.")
    assert describe_step(Step("steps", count=3, warnings=("no_handrail", "kerb:3"))) == \
        "Take the 3 steps. Note: no handrail; kerb 3 cm."


def test_barrier_states_value_against_limit():
    assert describe_barrier("kerb", 4, 2, "cm", "ul. Nowowiejska", kind="crossing") == \
        f"kerb 4 cm, where at most 2 cm is acceptable (crossing over {NOWOWIEJSKA})"
    assert describe_barrier("width", 0.8, 0.9, "m", None) == "pavement width 0.8 m, where at least 0.9 m is needed"
    assert describe_barrier("incline", -8, -6, "%", None) == "incline 8% downhill, where at most 6% is acceptable"
    assert describe_barrier("steps", 3, 0, "steps", None, reason="stair_climber") == \
        "steps: 3 steps: there is a stair climber, but it cannot carry a heavy powered wheelchair"


def test_facts_share_their_source_and_a_disputed_fact_gives_every_source():
    assert fact_sentences({"steps": Fact(4, "survey", "2024-05-01"), "door_width": Fact(90, "survey", "2024-05-01")},
                          kind=OFFICE) == ["Steps: 4 steps.", "Door width: 90 cm.",
                                           f"Source: {original('survey')}; checked: 1 May 2024."]
    disputed = Fact(None, "a", sources=(Fact(3, "new survey", "2025-01-02"), Fact(5, "old list", "2020")))
    assert fact_sentences({"steps": disputed}, kind=OFFICE) == [
        f"Steps: the sources disagree: 3 steps ({original('new survey')}; checked: 2 January 2025); 5 steps "
        f"({original('old list')}; checked: 2020)."]
    named = fact_sentences({"floor": Fact(-1, "a"), "room": Fact("kasy", "a", note={"pl": "Za rogiem."})}, kind=CULTURE)
    assert named == ["Floor: level -1.", f"Where to go in the building: {original('kasy')}. {original('Za rogiem.')}",
                     f"Source: {original('a')}; not checked on site."]


def test_opening_hours_with_english_weekday_names():
    hours = _hours("Mo-We,Fr 08:00-15:00; Th 08:00-16:30; Sa 00:00-24:00")
    assert phrasing.opening_hours(hours)[3:] == [("Thursday", "08:00\u201316:30"), ("Friday", "08:00\u201315:00"),
                                                 ("Saturday", "open 24 hours"), ("Sunday", "closed")]
    assert hours_lines(hours).sentences == ("Monday to Wednesday: 8am to 3pm.", "Thursday: 8am to 4:30pm.",
                                            "Friday: 8am to 3pm.", "Saturday: open 24 hours.", "Sunday: closed.")
    assert hours_lines(_hours("Sa,Su 12:00-24:00")).sentences[-1] == "Saturday and Sunday: 12 noon to midnight."
    assert hours_lines(None).sentences == ("We have no information about the opening hours.",)


def test_stops_and_maps():
    assert phrasing.describe_stop(("tram",), ("3", "10")) == "Trams of lines 3 and 10 stop here."
    assert phrasing.describe_stop((), ()) == ""
    alt, overview = phrasing.describe_map(origin_kind="stop", origin_name="PL. LEGION\u00d3W", place_name="Strzegomska 6",
                                          entrance_name="Entrance B", length_m=120.4)
    assert alt == f"Map of the route from the stop {LEGIONOW} to the entrance: Entrance B, 120 metres."
    assert overview.startswith(f"The map shows the route from the stop {LEGIONOW} to the building "
                               f"{original('Strzegomska 6')}.")


def test_easy_read_route_says_the_landmark_not_metres_and_keeps_names_marked():
    steps = [Step("walk", distance_m=120, turn="left", name="ul. Strzegomska", landmark="kiosk")]
    lines = route_lines(steps, origin_kind="stop", origin_name="pl. Strzegomski (Muzeum)", origin_pictogram="tram",
                        kind=OFFICE)
    assert [(line.pictogram, line.sentences) for line in lines] == [
        ("tram", (f"Get off the tram at the stop {original('pl. Strzegomski (Muzeum)')}.",)),
        ("turn_left", ("Turn left.",)),
        ("walk_straight", ("Go straight on.", f"On the way you pass: {original('kiosk')}.", f"This is {STRZEGOMSKA}."))]


def test_easy_read_levels_rooms_and_staff():
    lines = route_lines([Step("lift_up", count=-3), Step("room", name="kasy", count=-3)], origin_kind="parking",
                        origin_name="P", origin_pictogram="parking", kind=CULTURE)
    assert [line.sentences for line in lines] == [("Start: the car park by the building.",),
                                                  ("Take the lift down to level -3.",),
                                                  (f"Go to the place called {original('kasy')}.",)]
    inside = inside_lines({"floor": Fact(-3, "t"), "room": Fact("kasy", "t")}, kind=CULTURE)
    assert inside[0].sentences == ("The ticket office is underground, on level -3.",
                                   f"Go to the place called {original('kasy')}.")
    assert inside_lines({"floor": Fact(1, "t"), "room": Fact("22", "t")}, kind=OFFICE)[0].sentences == (
        "The office is on floor 1.", "Room number 22.")
    staff = route_lines([Step("staff_come_down", count=2, warnings=("staff_come_down", "barrier:lift"))],
                        origin_kind="parking", origin_name="P", origin_pictogram="parking", kind=OFFICE)
    assert [(line.pictogram, line.sentences) for line in staff[1:]] == [
        ("desk", ("The office is on floor 2.",)), ("no:lift", ("There is no lift.",)),
        ("conversation", ("A member of staff comes down to you.",))]


def test_easy_read_facts_one_per_line_and_disputed_ones_flagged():
    lines = entrance_lines({"steps": Fact(8), "handrail": Fact(True), "ramp": Fact(False), "bell": Fact(None)})
    assert [(line.pictogram, line.sentences) for line in lines] == [
        ("no:ramp", ("There is no ramp.",)), ("steps", ("There are steps: 8 steps.", "There are handrails."))]
    disputed = entrance_lines({"steps": Fact(None, sources=(Fact(True, "a"), Fact(0, "b")))})
    assert [line.sentences for line in disputed] == [("There are steps.", "We do not know how many."),
                                                     ("We are not sure about this.",)]
    assert entrance_lines({})[0].sentences == ("We have no information about this entrance.",)
    assert easyphrasing.short_entrance_name("Entrance B (with a ramp)") == "entrance B"
    assert easyphrasing.short_entrance_name(original("Wej\u015bcie B (z pochylni\u0105)")) == original("wej\u015bcie B")


def test_every_generated_easy_read_line_of_the_wroclaw_guide_is_easy_to_read(wroclaw_model):
    """All route, entrance, inside and hours lines in English: known pictograms, no ER-03/ER-04 finding."""
    lines = []
    for place in wroclaw_model.data.places:
        kind = wroclaw_model.kind_words(place, "en")
        for entrance in place.entrances:
            lines += entrance_lines(entrance.facts)
        lines += inside_lines(place.inside.facts, kind=kind) + [hours_lines(place.hours)]
        for routes in (wroclaw_model.routes_for(place.id, p) for p in wroclaw_model.profiles):
            for route in routes:
                steps = list(route.steps) + (list(route.inside.steps) if route.inside else [])
                lines += route_lines(steps, origin_kind=route.origin_kind, origin_name=route.origin_name,
                                     origin_pictogram="stop", kind=kind)
    assert len(lines) > 900
    assert {line.pictogram.removeprefix("no:") for line in lines} <= set(pictograms())
    said = {s for line in lines for s in line.sentences}
    assert [f for s in said for f in check_text(s) if f.rule in ("ER-03", "ER-04")] == []
    assert all(plain(s)[0].isupper() and plain(s)[-1] in ".?!" for s in said), sorted(said)[:5]
