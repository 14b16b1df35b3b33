"""Polish phrasing of steps and barriers, with correct plural forms."""

from __future__ import annotations

import pytest

from guide.routing.directions import Step
from guide.language.pl.morphology import inflect_name
from functools import partial

from guide.language import kind_words
from guide.language.pl import phrasing
from guide.language.pl.phrasing import describe_barrier, quantity, written_date

describe_step = partial(phrasing.describe_step, kind=kind_words("pl", "office"))  # the words of an office


@pytest.mark.parametrize("n, text", [
    (1, "1 metr"), (2, "2 metry"), (4, "4 metry"), (5, "5 metrów"), (12, "12 metrów"), (22, "22 metry"),
    (25, "25 metrów"), (104, "104 metry"), (111, "111 metrów"), (1.5, "1,5 metra"),
])
def test_metres_take_the_right_plural(n, text):
    assert quantity(n, "metre") == text


@pytest.mark.parametrize("n, text", [(1, "1 stopień"), (3, "3 stopnie"), (8, "8 stopni"), (23, "23 stopnie")])
def test_steps_take_the_right_plural(n, text):
    assert quantity(n, "step") == text


def test_walk_and_turn_sentences():
    assert describe_step(Step("walk", distance_m=40, turn="left", name="ul. Strzegomska")) == \
        "Skręć w lewo i idź 40 metrów wzdłuż ulicy Strzegomskiej."
    assert describe_step(Step("walk", distance_m=1, turn="straight")) == "Idź prosto 1 metr."
    assert describe_step(Step("walk", distance_m=30, turn="right", cue_before_m=5)) == \
        "Za 5 metrów skręć w prawo. Potem idź 30 metrów."


@pytest.mark.parametrize("name, case, inflected", [
    ("ul. Nowowiejska", "acc", "ulicę Nowowiejską"), ("ul. Strzegomska", "gen", "ulicy Strzegomskiej"),
    ("ul. Swobodna", "acc", "ulicę Swobodną"), ("pl. Solidarności", "acc", "plac Solidarności"),
    ("pl. św. Macieja", "gen", "placu św. Macieja"), ("ul. Kamieńskiego", "gen", "ulicy Kamieńskiego"),
    ("al. Armii Krajowej", "acc", "aleję Armii Krajowej"), ("pl. Strzegomski", "inst", "placem Strzegomskim"),
    ("ul. Braniborska", "acc", None), ("podwórze", "acc", None),
])
def test_street_names_take_the_case_the_dictionary_gives_or_none(name, case, inflected):
    assert inflect_name(name, case) == inflected


def test_a_name_the_dictionary_does_not_know_is_phrased_around_never_guessed():
    text = describe_step(Step("cross", distance_m=15, name="ul. Braniborska", crossing={}))
    assert "Przejdź przez jezdnię (ul. Braniborska)" in text and "Braniborską" not in text
    assert "Przejdź przez ulicę Nowowiejską przejściem" in describe_step(Step("cross", distance_m=15,
                                                                              name="ul. Nowowiejska", crossing={}))


def test_the_departure_gives_side_and_goal_before_the_compass_point():
    text = describe_step(Step("depart", name="Szczepin", heading="east", road_side="right",
                              towards=("crossing", "ul. Nowowiejska"), crossings=2, turns=1,
                              facts={"origin_kind": "stop"}))
    assert text == ("Start: przystanek Szczepin. Stań tak, aby jezdnia była po prawej stronie. Idź w stronę przejścia dla "
                    "pieszych przez ulicę Nowowiejską. Kierunek: wschód. Na trasie: 2 przejścia przez jezdnię, 1 skręt.")
    assert text.index("jezdnia") < text.index("Kierunek")


def test_a_blind_walker_hears_the_crossing_before_reaching_it():
    text = describe_step(Step("cross", distance_m=12, turn="left", cue_before_m=5, crossings=2,
                              crossing={"traffic_lights": True, "sound_signal": True, "tactile_paving": True}))
    assert text.startswith("Za 5 metrów skręć w lewo: tam jest przejście dla pieszych.")
    assert "przejście numer 2" in text and "sygnał dźwiękowy" in text and "ścieżka dotykowa" in text


def test_about_takes_the_genitive():
    assert [quantity(n, "minute", about=True) for n in (1, 2, 5, 22)] == [
        "około 1 minuty", "około 2 minut", "około 5 minut", "około 22 minut"]


def test_crossing_sentence_names_every_signal_or_its_absence():
    text = describe_step(Step("cross", distance_m=12, crossing={"traffic_lights": True, "sound_signal": False,
                                                                "tactile_paving": None}))
    assert "sygnalizacja świetlna" in text and "bez sygnału dźwiękowego" in text
    assert "brak danych: ścieżka dotykowa" in text


def test_arrival_describes_the_door():
    text = describe_step(Step("arrive", name={"pl": "Wejście A"}, facts={"steps": 8, "handrail": True,
                                                                          "audio_beacon": True}))
    assert text == "Jesteś przy wejściu: Wejście A. 8 stopni z poręczą, sygnalizator dźwiękowy nad wejściem."


def test_barrier_states_value_against_limit():
    assert describe_barrier("kerb", 4, 2, "cm", "przejście przez ul. Nowowiejską") == \
        "krawężnik 4 cm, a dopuszczalne najwyżej 2 cm (przejście przez ul. Nowowiejską)"
    assert describe_barrier("width", 0.8, 0.9, "m", None) == "szerokość chodnika 0,8 m, a potrzeba co najmniej 0,9 m"
    assert describe_barrier("door_width", 0.8, 0.9, "m", None) == \
        "szerokość drzwi wejściowych 0,8 m, a potrzeba co najmniej 0,9 m"
    assert describe_barrier("steps", 8, 0, "steps", "Wejście A") == "schody: 8 stopni (Wejście A)"


def test_dates_are_written_out_to_the_precision_given():
    assert written_date("2026-11-23") == "23 listopada 2026"
    assert written_date("2026-11") == "listopad 2026"
    assert written_date("2026") == "2026"


def test_a_walk_tells_the_road_and_the_building_line_to_follow():
    text = describe_step(Step("walk", distance_m=60, name="ul. Nowowiejska", road_side="left", building_line="right"))
    assert text == ("Idź prosto 60 metrów wzdłuż ulicy Nowowiejskiej. Jezdnia jest po lewej stronie. Budynki są po "
                    "prawej stronie: możesz iść wzdłuż ich ściany.")


def test_a_floor_below_ground_is_a_level_you_go_down_to_and_a_named_room_is_not_numbered():
    culture = kind_words("pl", "culture")
    assert describe_step(Step("lift_up", count=-3)) == "Zjedź windą na poziom -3."
    assert describe_step(Step("stairs_up", count=-1)) == "Zejdź schodami na poziom -1."
    assert describe_step(Step("lift_up", count=2)) == "Wjedź windą na 2. piętro."
    assert phrasing.describe_step(Step("room", name="kasy", count=0), kind=culture) == \
        "Kasa jest na parterze. Idź do miejsca: kasy."
    assert phrasing.describe_step(Step("room", name="3", count=-3), kind=culture) == "Idź do sali 3."
    assert describe_step(Step("room", name="12", count=0)) == "Biuro jest na parterze, pokój 12."
    assert describe_step(Step("room", count=2)) == ""  # the lift's or the stairs' step has told the floor
