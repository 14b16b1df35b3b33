"""Ukrainian phrasing of steps, facts, barriers, hours, floors, rooms and quantities in both registers, and the
Polish names of the data in Cyrillic with their originals marked."""

from __future__ import annotations

from functools import partial

import pytest

from guide.data.model import Fact
from guide.data.text import original, plain
from guide.language import kind_words
from guide.language.uk import easyphrasing, phrasing
from guide.language.uk.phrasing import describe_barrier, level, quantity, written_date
from guide.language.uk.transliteration import cyrillic_name, signed_name, transliterate
from guide.routing.directions import Step

OFFICE = kind_words("uk", "office")
describe_step = partial(phrasing.describe_step, kind=OFFICE)


@pytest.mark.parametrize("polish, cyrillic", [
    ("Strzegomska", "Стшегомська"), ("Legionów", "Легіонув"), ("Solidarności", "Солідарності"),
    ("Świętego Macieja", "Свентего Мацея"), ("Średzka", "Сьредзька"), ("Nowowiejska", "Нововейська"),
    ("Kamieńskiego", "Каменського"), ("Braniborska", "Браніборська"), ("Namysłowska", "Намисловська"),
    ("Oficerska", "Офіцерська"), ("Zachodnia", "Заходня"), ("Kniaziewicza", "Князевича"),
    ("Szczepin", "Щепін"), ("Legnicka", "Легницька"), ("Armii Krajowej", "Армії Крайової"),
    ("Dworzec Główny", "Двожец Глувний"), ("Jana Pawła II", "Яна Павла II"), ("Biała", "Бяла"),
    ("Przystanek B", "Пшистанек B"),
])
def test_polish_names_in_cyrillic(polish, cyrillic):
    assert transliterate(polish) == cyrillic


@pytest.mark.parametrize("name, case, said", [
    ("ul. Strzegomska", "gen", "вулиці Стшегомської"), ("ul. Strzegomska", "acc", "вулицю Стшегомську"),
    ("ul. Zachodnia", "ins", "вулицею Заходньою"), ("ul. Kniaziewicza", "gen", "вулиці Князевича"),
    ("pl. Solidarności", "loc", "площі Солідарності"), ("pl. św. Macieja", "nom", "площа Святого Мацея"),
    ("ul. Legionów", "gen", "вулиці Легіонув"), ("pl. Grunwaldzki", "gen", "площі Грунвальдзької"),
    ("pl. Strzegomski (Muzeum Współczesne)", "nom", "площа Стшегомська (Музеум Вспулчесне)"),
])
def test_a_street_name_takes_the_case_of_its_sentence_with_the_adjective_agreeing(name, case, said):
    assert cyrillic_name(name, case) == said


def test_the_original_follows_the_cyrillic_name_marked():
    assert signed_name("ul. Strzegomska", "gen") == f"вулиці Стшегомської ({original('ul. Strzegomska')})"


@pytest.mark.parametrize("n, metres, steps", [
    (1, "1 метр", "1 сходинка"), (2, "2 метри", "2 сходинки"), (4, "4 метри", "4 сходинки"),
    (5, "5 метрів", "5 сходинок"), (11, "11 метрів", "11 сходинок"), (21, "21 метр", "21 сходинка"),
    (22, "22 метри", "22 сходинки"), (25, "25 метрів", "25 сходинок"), (1.5, "1,5 метра", "1,5 сходинки"),
])
def test_quantities_take_the_plural_form_of_1_2_to_4_and_5_or_more(n, metres, steps):
    assert quantity(n, "metre") == metres and quantity(n, "step") == steps


def test_about_takes_the_genitive():
    assert [quantity(n, "minute", about=True) for n in (1, 2, 5, 21, 22)] == [
        "близько 1 хвилини", "близько 2 хвилин", "близько 5 хвилин", "близько 21 хвилини", "близько 22 хвилин"]


def test_dates_are_written_out():
    assert written_date("2026-11-23") == "23 листопада 2026 року"
    assert written_date("2026-11") == "листопад 2026"
    assert written_date("2026") == "2026"


def test_walk_and_turn_sentences_name_the_street_in_cyrillic_with_its_original():
    text = describe_step(Step("walk", distance_m=40, turn="right", name="ul. Strzegomska"))
    assert text == f"Поверніть праворуч і пройдіть 40 метрів уздовж вулиці Стшегомської ({original('ul. Strzegomska')})."
    assert describe_step(Step("walk", distance_m=1, turn="straight")) == "Ідіть прямо 1 метр."
    assert describe_step(Step("walk", distance_m=30, turn="left", cue_before_m=5)) == \
        "Через 5 метрів поверніть ліворуч. Потім пройдіть 30 метрів."


def test_the_departure_gives_the_stop_side_goal_and_then_the_compass_point():
    text = plain(describe_step(Step("depart", name="Szczepin", heading="east", road_side="right",
                                    towards=("crossing", "ul. Nowowiejska"), crossings=2, turns=1,
                                    facts={"origin_kind": "stop"})))
    assert text == ("Початок: зупинка Щепін (Szczepin). Станьте так, щоб проїжджа частина була праворуч від вас. "
                    "Ідіть до пішохідного переходу через вулицю Нововейську (ul. Nowowiejska). Напрямок: схід. "
                    "На маршруті: 2 переходи через проїжджу частину, 1 поворот.")


def test_a_crossing_names_every_signal_or_its_absence():
    text = plain(describe_step(Step("cross", distance_m=12, turn="left", cue_before_m=5, crossings=2,
                                    name="ul. Braniborska",
                                    crossing={"traffic_lights": True, "sound_signal": False})))
    assert text.startswith("Через 5 метрів поверніть ліворуч: там пішохідний перехід. Перейдіть вулицю Браніборську "
                           "(ul. Braniborska) пішохідним переходом, 12 метрів.")
    assert "перехід номер 2" in text and "світлофор, без звукового сигналу; немає даних: тактильна доріжка" in text


@pytest.mark.parametrize("floor, where, dot, said", [
    (2, True, True, "на третьому поверсі (2. piętro)"), (0, True, True, "на першому поверсі (parter)"),
    (2, False, True, "третій поверх (2. piętro)"), (2, True, False, "на 3 поверсі (2 piętro)"),
    (-1, True, True, "на рівні -1"), (-3, False, True, "рівень -3"),
])
def test_floors_are_counted_the_ukrainian_way_with_the_polish_floor_beside(floor, where, dot, said):
    assert plain(level(floor, where=where, dot=dot)) == said


def test_lifts_stairs_and_rooms():
    assert plain(describe_step(Step("lift_up", count=2))) == "Підніміться ліфтом на третій поверх (2. piętro)."
    assert describe_step(Step("stairs_up", count=-1)) == "Спустіться сходами на рівень -1."
    assert plain(describe_step(Step("room", name="22", count=0))) == \
        "Офіс на першому поверсі (parter), кабінет 22."
    assert describe_step(Step("room", name="22", count=3)) == "Ідіть до кабінету 22."
    assert describe_step(Step("room", name="kasy", count=3)) == f"Ідіть до місця: {original('kasy')}."
    assert plain(describe_step(Step("stairs_up", count=3, warnings=("no_lift",)))) == \
        "Офіс на четвертому поверсі (3. piętro), а в будівлі немає ліфта."


def test_staff_come_down_and_the_call_ahead():
    text = plain(describe_step(Step("staff_come_down", count=2, warnings=("barrier:lift", "barrier:steps_inside"))))
    assert text == ("Офіс на третьому поверсі (2. piętro). У будівлі немає ліфта. На шляху до офісу: сходи в будівлі. "
                    "Працівник спуститься до вас до входу.")
    assert "Працівник вийде до вас до входу." in describe_step(Step("staff_come_down", count=None))
    assert phrasing.call_ahead(24) == "Зателефонуйте щонайменше за 24 години до візиту."
    assert phrasing.call_ahead(21) == "Зателефонуйте щонайменше за 21 годину до візиту."
    assert phrasing.call_ahead(1) == "Зателефонуйте щонайменше за годину до візиту."


def test_warnings_for_stair_climber_platform_lift_and_advance_notice():
    notes = phrasing.warning_notes(("stair_climber", "platform_lift", "advance_notice:48", "kerb:3", "barrier:lift"))
    assert notes == ("сходи ви подолаєте на гусеничному підйомнику з допомогою працівника: зателефонуйте перед "
                     "візитом; сходи ви подолаєте підйомною платформою; цей вхід потребує попередження: "
                     "зателефонуйте щонайменше за 48 годин до візиту; бордюр 3 см")


def test_barriers_with_their_measure_and_limit():
    assert describe_barrier("door_width", 80, 90, "cm", None) == \
        "ширина вхідних дверей 80 см, а потрібно щонайменше 90 см"
    assert describe_barrier("incline", 8.5, -6, "%", None) == "нахил 8,5% униз, а допустимо не більше 6%"
    assert plain(describe_barrier("steps", 3, 0, "", "ul. Nowowiejska", kind="crossing")) == \
        "сходи (перехід через вулицю Нововейську (ul. Nowowiejska))"
    assert describe_barrier("steps", True, 0, "", None, reason="stair_climber") == \
        "сходи: там є гусеничний підйомник, але він не підніме важкий електричний візок"


def _fact(value, source="audyt", verified="2026-05-12", **more):
    return Fact(value, source, verified, **more)


def test_facts_with_one_shared_source_and_a_disputed_fact():
    said = [plain(s) for s in phrasing.fact_sentences({"steps": _fact(3), "ramp": _fact(True), "floor": _fact(1)},
                                                      kind=OFFICE)]
    assert said == ["Сходи: 3 сходинки.", "Пандус: так.", "Поверх: другий (1. piętro).",
                    "Джерело: audyt; перевірено: 2026-05-12."]
    disputed = Fact(None, "audyt", "2026-05-12", sources=(_fact(3, "audyt"), _fact(5, "MOPS", "2024-01-10")))
    text = plain(phrasing.fact_sentences({"steps": disputed}, kind=OFFICE)[0])
    assert text == ("Сходи: джерела розходяться: 3 сходинки (audyt; перевірено: 2026-05-12); "
                    "5 сходинок (MOPS; перевірено: 2024-01-10).")
    assert phrasing.describe_unknown("door_width", disputed=True) == "ширина вхідних дверей (джерела розходяться)"


def test_a_room_known_by_its_name_is_a_place_in_the_building():
    said = plain(phrasing.fact_sentences({"room": _fact("kasy")}, kind=OFFICE)[0])
    assert said.startswith("Місце в будівлі: kasy.")
    assert plain(phrasing.fact_sentences({"room": _fact("22")}, kind=OFFICE)[0]).startswith("Кабінет: 22.")


@pytest.mark.parametrize("kind, to_room", [("office", "до кабінету"), ("culture", "до зали"),
                                           ("education", "до аудиторії"), ("shop", "до відділу")])
def test_every_kind_has_its_words_in_the_right_case(kind, to_room):
    words = kind_words("uk", kind)
    assert words.to_room == to_room and words.to_destination.startswith("до ")


class _Hours:
    days = {"Mo": (("08:00", "15:00"),), "Tu": (("08:00", "15:00"),), "We": (("08:00", "15:00"),),
            "Th": (("08:00", "15:00"),), "Fr": (("08:00", "15:00"),), "Sa": (("00:00", "24:00"),),
            "Su": (("00:00", "24:00"),)}


def test_opening_hours_in_both_registers():
    rows = phrasing.opening_hours(_Hours())
    assert rows[0] == ("понеділок", "08:00–15:00") and rows[-1] == ("неділя", "цілодобово")
    assert easyphrasing.hours_lines(_Hours()).sentences == (
        "З понеділка до п'ятниці: з 8:00 до 15:00.", "У суботу і неділю: відчинено цілодобово.")
    assert easyphrasing.hours_lines(None).sentences == ("Ми не маємо даних про години роботи.",)


def test_easy_read_route_lines():
    steps = [Step("walk", distance_m=40, turn="left", name="ul. Strzegomska"), Step("lift_up", count=2),
             Step("room", name="22", count=2), Step("staff_come_down", count=1, warnings=("barrier:lift",))]
    lines = easyphrasing.route_lines(steps, origin_kind="stop", origin_name="Szczepin", origin_pictogram="tram",
                                     kind=OFFICE)
    said = [[plain(s) for s in line.sentences] for line in lines]
    assert said == [["Вийдіть з трамвая на зупинці Щепін (Szczepin)."], ["Поверніть ліворуч."],
                    ["Ідіть прямо приблизно 40 метрів.", "Це вулиця Стшегомська (ul. Strzegomska)."],
                    ["Підніміться ліфтом на 3 поверх (2 piętro)."], ["Ідіть до кабінету 22."],
                    ["Офіс на 2 поверсі (1 piętro)."], ["Немає ліфта."], ["Працівник спуститься до вас."]]


def test_easy_read_entrance_and_inside_facts():
    entrance = easyphrasing.entrance_lines({"steps": _fact(2), "handrail": _fact(True), "stair_climber": _fact(True),
                                            "threshold": _fact(0)})
    said = [s for line in entrance for s in line.sentences]
    assert said == ["Біля сходів є гусеничний підйомник.", "Ним керує працівник.", "Є сходи: 2 сходинки.",
                    "Є поручні.", "Вхід без порога."]
    inside = easyphrasing.inside_lines({"floor": _fact(-1), "room": _fact("12"), "lift": _fact(False)}, kind=OFFICE)
    assert [s for line in inside for s in line.sentences] == [
        "Офіс під землею, на рівні -1.", "Кабінет номер 12.", "Немає ліфта."]
    assert easyphrasing.barrier_sentence("steps", reason="stair_climber") == \
        "На шляху є сходи. Гусеничний підйомник не підніме візок з мотором."


def test_a_stop_and_a_map_are_described():
    assert phrasing.describe_stop(("tram",), ("3", "10")) == "Тут зупиняються трамваї маршрутів 3, 10."
    alt, overview = phrasing.describe_map(origin_kind="stop", origin_name="PL. SOLIDARNOŚCI", place_name="MOPS",
                                          entrance_name="Головний вхід", length_m=352)
    assert plain(alt) == "Карта маршруту від зупинки Площа Солідарності (pl. Solidarności) до входу: Головний вхід, " \
                         "352 метри."
    assert overview.endswith("Маршрут завдовжки 352 метри.") and "Північ" not in overview  # said once, in how to listen
