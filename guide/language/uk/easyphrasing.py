"""Easy-read phrasing in Ukrainian (ER-03, ER-04): short imperative sentences, each line with the pictogram it sits
beside.

Landmarks come before metres, there are no abbreviations or Roman numerals, and numbers are digits. The reader is
addressed as «ви» ("Ідіть", "Подзвоніть"), as Ukrainian speaks to an adult it does not know.
"""

from __future__ import annotations

from functools import partial

from ...media import NEGATED
from ...data.model import DAYS
from ...data.text import ORIGINAL_START, original, plain
from ..easy import EasyLine, line, short_time, told, warning_sentences, yes_no_lines
from .. import ALL_DAY, capital, day_groups
from .phrasing import SIDES, call_ahead, go_to_level, level, named, numbered, quantity, room_of, stop_name
from .readability import expand_name, sentences
from .transliteration import cyrillic_name, signed_name, street_words

__all__ = ["EasyLine", "route_lines", "entrance_lines", "inside_lines", "hours_lines", "barrier_sentence",
           "short_entrance_name"]

_FROM_DAY = dict(zip(DAYS, ("понеділка", "вівторка", "середи", "четверга", "п'ятниці", "суботи", "неділі")))
_ON_DAY = dict(zip(DAYS, ("у понеділок", "у вівторок", "у середу", "у четвер", "у п'ятницю", "у суботу",
                          "у неділю")))
_TURNS = {"slight_left": ("turn_left", "Поверніть трохи ліворуч"), "left": ("turn_left", "Поверніть ліворуч"),
          "sharp_left": ("turn_left", "Поверніть круто ліворуч"),
          "slight_right": ("turn_right", "Поверніть трохи праворуч"), "right": ("turn_right", "Поверніть праворуч"),
          "sharp_right": ("turn_right", "Поверніть круто праворуч"), "u_turn": ("turn_left", "Розверніться")}
_BARRIERS = {
    "steps": "На шляху є сходи.", "kerb": "На шляху високий бордюр.", "incline": "Дорога надто крута.",
    "ramp_incline": "Пандус надто крутий.", "width": "Прохід надто вузький.",
    "door_width": "Вхідні двері надто вузькі.",
    "surface": "Дорога нерівна.", "smoothness": "Дорога нерівна.", "threshold": "У дверях високий поріг.",
    "locked": "Двері зачинені, і немає дзвінка.", "accessible": "Цей вхід не для людей на візку.",
    "lift": "Немає ліфта.", "no_lift": "Немає ліфта.", "room_door_width": "Двері в будівлі надто вузькі.",
    "room_threshold": "У будівлі високий поріг у дверях.", "signals": "На переході немає світлофора.",
}
_WARNINGS = {"kerb": "Увага: тут бордюр.", "steep": "Увага: тут круто.",
             "no_handrail": "Тут немає поручнів.", "open_area": "Увага: тут велика відкрита площа."}


def short_entrance_name(name: str) -> str:
    """'Вхід B (з пандусом, біля ліфта)' → 'вхід B'; a name in the original keeps its letters, marked."""
    if ORIGINAL_START in name:
        return original(plain(name).split(" (")[0])
    short = name.split(" (")[0]
    return short[:1].lower() + short[1:]


def _street(name) -> str | None:
    """A street or square name as a sentence, or None when the path has no such name."""
    text = plain(named(name)) if name else ""
    return f"Це {signed_name(text)}." if text and street_words(text)[0] else None


def _walk(step, previous_name) -> list:
    lines = []
    pictogram, turn = _TURNS.get(step.turn, ("walk_straight", None))
    if turn:
        sentence = f"Через {quantity(step.cue_before_m, 'metre')} {turn[0].lower()}{turn[1:]}." if step.cue_before_m \
            else f"{turn}."
        lines.append(line(pictogram, sentence))
    if step.action == "ramp":
        move = ("Їдьте або йдіть пандусом.",)
        pictogram = "ramp"
    elif step.landmark:
        move = ("Ідіть прямо.", f"По дорозі буде: {expand_name(step.landmark)}.")
        pictogram = "walk_straight"
    elif step.distance_m < 10:
        move = ("Зробіть кілька кроків прямо.",)
        pictogram = "walk_straight"
    else:
        move = (f"Ідіть прямо приблизно {quantity(step.distance_m, 'metre')}.",)
        pictogram = "walk_straight"
    street = _street(step.name) if step.name != previous_name else None
    lines.append(line(pictogram, *move, street, *warning_sentences(step, _WARNINGS)))
    return lines


def _cross(step) -> list:
    crossing = step.crossing or {}
    lines = []
    if step.turn in _TURNS:
        lines.append(line(_TURNS[step.turn][0], f"{_TURNS[step.turn][1]}."))
    lights = crossing.get("traffic_lights")
    light_sentence = {True: "На переході є світлофор.", False: "На переході немає світлофора."}.get(
        lights, "Ми не маємо даних про світлофор.")
    lines.append(line("crossing_lights" if lights else "crossing", "Перейдіть вулицю.", _street(step.name),
                      light_sentence, *warning_sentences(step, _WARNINGS)))
    sound = crossing.get("sound_signal")
    if lights and sound is not None:
        lines.append(line("sound_signal", "Світлофор має звуковий сигнал.") if sound else
                     line(NEGATED + "sound_signal", "Світлофор не має звуку."))
    return lines


def _departure(step) -> list:
    """Which way to set off: the road on one side, and what to walk to."""
    side = SIDES.get(step.road_side)
    kind, name = step.towards or (None, None)
    street = plain(named(name)) if kind == "street" and name else ""
    goal = ("Ідіть до пішохідного переходу.",) if kind == "crossing" else \
        ("Ідіть прямо.", f"По дорозі буде: {expand_name(name)}.") if kind == "landmark" else \
        (f"Ідіть у бік: {cyrillic_name(street, 'gen')} ({original(street)})." if street_words(street)[0] else
         f"Ідіть у бік: {named(street)}.",) if street else ()
    if not (side or goal):
        return []
    return [line("walk_straight", *goal, f"Вулиця {side}." if side else None)]  # the walk follows


def _arrive(step) -> list:
    facts = step.facts
    name = named(step.name) if step.name else "вхід"
    lines = [line("door", "Ви на місці.", f"Це {short_entrance_name(name)}.")]
    for code in step.warnings:  # how this group passes the steps, and the call it must make first
        what, _, hours = code.partition(":")
        if what == "platform_lift":
            lines.append(line("lift", "Біля сходів є підйомна платформа.", "Підніміться нею нагору."))
        elif what == "stair_climber":
            lines.append(line("steps", "Біля сходів є гусеничний підйомник.",
                              "Працівник підніме вас ним сходами."))
        elif what == "advance_notice":
            lines.append(line("phone", call_ahead(int(hours) if hours else True)))
    if facts.get("automatic_door"):
        lines.append(line("door", "Двері відчиняються самі."))
    if facts.get("bell") or facts.get("intercom"):
        lines.append(line("doorbell", "Біля дверей є дзвінок." if facts.get("bell") else
                          "Біля дверей є домофон."))
    if facts.get("locked"):
        lines.append(line("doorbell", "Двері зазвичай зачинені.", "Подзвоніть у дзвінок."))
    return lines


def _floor_sentence(floor: int, kind) -> str:
    where = level(floor, where=True, dot=False)
    return f"{capital(kind.destination)} {'під землею, ' if floor < 0 else ''}{where}."


def _room_sentence(name: str, kind) -> str:
    """'Кабінет номер 12.', or for a room known by its name 'Ідіть до місця: kasy.'"""
    return f"{capital(kind.room)} номер {name}." if numbered(name) else f"Ідіть {room_of(name, kind, to=True)}."


_VEHICLE_FROM = {"tram": "з трамвая ", "bus": "з автобуса "}


def route_lines(steps, *, origin_kind: str, origin_name: str, origin_pictogram: str, kind) -> list:
    """The easy-read lines of one route, from the start to the place's door and desk; origin_pictogram shows
    the start (tram, bus, a stop of either, parking); kind: the place's KindWords."""
    start = line(origin_pictogram, "Початок: парковка біля будівлі.") if origin_kind == "parking" else \
        line(origin_pictogram, f"Вийдіть {_VEHICLE_FROM.get(origin_pictogram, '')}на зупинці "
                                f"{stop_name(plain(named(origin_name)))}.")
    lines, previous_name, floor_told = [start], None, False
    for step in steps:
        if step.action == "depart":
            lines += _departure(step)
        elif step.action in ("walk", "ramp"):
            lines += _walk(step, previous_name)
            previous_name = step.name
        elif step.action == "cross":
            lines += _cross(step)
        elif step.action == "steps":
            count = f": {quantity(step.count, 'step')}" if step.count else ""
            lines.append(line("steps", f"Тут сходи{count}.", *warning_sentences(step, _WARNINGS)))
        elif step.action == "lift":
            lines.append(line("lift", "Їдьте ліфтом униз або вгору."))
        elif step.action == "arrive":
            lines += _arrive(step)
        elif step.action == "enter":
            lines.append(line("door", "Увійдіть до будівлі."))
        elif step.action == "lift_up":
            lines.append(line("lift", go_to_level(step.count, lift=True, dot=False)))
        elif step.action == "stairs_up" and ("unknown:lift" in step.warnings or "no_lift" in step.warnings):
            lift = "Немає ліфта." if "no_lift" in step.warnings else "Ми не маємо даних про ліфт."
            lines += [line("desk", _floor_sentence(step.count, kind)),  # no lift, or nothing known of one
                      line(NEGATED + "lift" if "no_lift" in step.warnings else "question", lift)]
        elif step.action == "stairs_up":
            lines.append(line("steps", go_to_level(step.count, lift=False, dot=False)))
        elif step.action == "staff_come_down":
            lines += _staff_come_down(step, kind)
        elif step.action == "room":
            floor = None if floor_told else _floor_sentence(step.count, kind) if step.count is not None else \
                f"Запитайте дорогу {kind.to_destination}."
            if floor or step.name:
                lines.append(line("desk" if step.count is not None else "question", floor,
                                  f"Ідіть {room_of(step.name, kind, to=True)}." if step.name else None))
        floor_told = step.action in ("lift_up", "stairs_up")
    return lines


def _staff_come_down(step, kind) -> list:
    """Staff come to the entrance: where the destination is, why the reader cannot get there, and who comes."""
    lines = [line("desk", _floor_sentence(step.count, kind) if step.count is not None else
                  f"Ми не знаємо, де {kind.destination}.")]
    if "barrier:lift" in step.warnings:
        lines.append(line(NEGATED + "lift", "Немає ліфта."))
    elif "unknown:lift" in step.warnings:
        lines.append(line("question", "Ми не маємо даних про ліфт."))
    lines += [line("warning", barrier_sentence(code.partition(":")[2])) for code in step.warnings
              if code.startswith("barrier:") and code != "barrier:lift"]
    come = "Працівник спуститься до вас." if step.count and step.count > 0 else \
        "Працівник підніметься до вас." if step.count else "Працівник вийде до вас до входу."
    return lines + [line("conversation", come)]  # the route ends with the number to call


def barrier_sentence(attribute: str, *, reason: str | None = None) -> str:
    """A barrier in a sentence or two; reason: why the aid that is there does not help."""
    why = {"stair_climber": " Гусеничний підйомник не підніме візок з мотором."}.get(reason, "")
    return _BARRIERS.get(attribute, "На шляху є перешкода.") + why


# Yes/no facts: pictogram, the sentence for yes, the sentence for no (None: say nothing when no), and the
# pictogram for no (by default the pictogram crossed out). A fact that may say how (sign_language: remote) has the
# sentences for each value instead of the one for yes.
_ENTRANCE_FACTS = {
    "accessible": ("wheelchair", "Цей вхід для людей на візку.", "Цей вхід не для людей на візку."),
    "ramp": ("ramp", "Є пандус.", "Немає пандуса."),
    "platform_lift": ("lift", ("Біля сходів є підйомна платформа.", "Нею можна піднятися на візку."), None),
    "stair_climber": ("steps", ("Біля сходів є гусеничний підйомник.", "Ним керує працівник."), None),
    "automatic_door": ("door", "Двері відчиняються самі.", "Двері відчиняються рукою.", "door"),
    "bell": ("doorbell", "Є дзвінок.", None), "intercom": ("doorbell", "Є домофон.", None),
    "audio_beacon": ("sound_signal", "Над входом є звуковий маячок.", None),
    "locked": ("warning", "Двері зазвичай зачинені.", None),
}
_INSIDE_FACTS = {
    "lift": ("lift", "Є ліфт.", "Немає ліфта."),
    "stairs_handrail": ("steps", "Сходи мають поручні.", None),
    "staff_come_down": ("conversation", ("Працівник може вийти до вас до входу.", "Подзвоніть перед візитом."),
                        None),
    "accessible_toilet": ("toilet", "Є туалет для людей на візку.", "Немає туалету для людей на візку."),
    "induction_loop": ("hearing_loop", "Є індукційна петля.", "Немає індукційної петлі."),
    "sign_language": ("sign_language", {True: "Є допомога польською жестовою мовою.",
                                        "on_site": "Працівник знає польську жестову мову.",
                                        "remote": ("Є перекладач польської жестової мови.",
                                                   "Він показує жести на екрані."),
                                        "appointment": ("Є перекладач польської жестової мови.",
                                                        "Домовтеся з ним перед візитом.")},
                      None),
    "guide_dogs": ("guide_dog", "Можна зайти із собакою-поводирем.", None),
    "seating": ("information", "Є місця, щоб сісти.", None),
}
_UNCERTAIN = "Ми не знаємо цього напевно."  # after a fact whose sources disagree (the newest one's value is told)
_told = partial(told, lang="uk", sentences=sentences, uncertain=_UNCERTAIN)


def _steps_sentences(count, where: str) -> tuple:
    """'Є сходи: 4 сходинки.', or for steps nobody counted, that there are steps and the number is not known."""
    if count is True:
        return f"{where} сходи.", "Ми не знаємо, скільки там сходинок."
    return (f"{where} сходи: {quantity(count, 'step')}.",)


def entrance_lines(facts: dict) -> list:
    """What a person finds at one entrance, one fact per line (each line names its fact)."""
    return _told(facts, _entrance_lines) or [line("question", "Ми не маємо даних про цей вхід.")]


def _entrance_lines(known: dict) -> list:
    lines = yes_no_lines(known, _ENTRANCE_FACTS)
    if "steps" in known:
        lines.append(line("steps", *_steps_sentences(known["steps"], "Є"),
                          "Є поручні." if known.get("handrail") else None, fact="steps") if known["steps"] else
                     line(NEGATED + "steps", "Немає сходів.", fact="steps"))
    if known.get("advance_notice"):
        lines.append(line("phone", call_ahead(known["advance_notice"]), fact="advance_notice"))
    if "door_width" in known:
        lines.append(line("door", "Двері широкі.", fact="door_width") if known["door_width"] >= 90 else
                     line("warning", "Двері вузькі.", fact="door_width"))
    if "threshold" in known:
        height = known["threshold"]
        lines.append(line("warning", "Є високий поріг.", fact="threshold") if height > 2 else
                     line("door", "Вхід без порога." if height == 0 else "Є низький поріг.", fact="threshold"))
    if known.get("disabled_parking"):
        lines.append(line("parking", f"Паркування для людей з інвалідністю: "
                                      f"{quantity(known['disabled_parking'], 'bay')}.", fact="disabled_parking"))
    return lines


def inside_lines(facts: dict, *, kind) -> list:
    """What a person finds inside the building, one fact per line (each line names its fact); kind: the place's
    KindWords."""
    return _told(facts, lambda known: _inside_lines(known, kind)) or [
        line("question", "Ми не маємо даних про приміщення в будівлі.")]


def _inside_lines(known: dict, kind) -> list:
    lines = []
    if "floor" in known:
        lines.append(line("desk", _floor_sentence(known["floor"], kind),
                          _room_sentence(known["room"], kind) if "room" in known else None, fact="floor"))
    if known.get("steps_inside"):
        lines.append(line("steps", *_steps_sentences(known["steps_inside"], "У будівлі є"), fact="steps_inside"))
    if "room_door_width" in known and known["room_door_width"] < 90:
        lines.append(line("warning", f"Двері {kind.to_room} вузькі.", fact="room_door_width"))
    if known.get("room_threshold", 0) > 2:
        lines.append(line("warning", f"У дверях {kind.to_room} високий поріг.", fact="room_threshold"))
    return lines + yes_no_lines(known, _INSIDE_FACTS)


def hours_lines(hours) -> EasyLine:
    """Opening hours as short sentences: consecutive days with the same hours share one line."""
    if hours is None:
        return line("clock", "Ми не маємо даних про години роботи.")  # the edition adds the number to call
    said = []
    for days, spans in day_groups(hours):
        when = _ON_DAY[days[0]] if len(days) == 1 else f"з {_FROM_DAY[days[0]]} до {_FROM_DAY[days[-1]]}"
        if len(days) == 2:
            when = f"{_ON_DAY[days[0]]} і {_ON_DAY[days[1]].split(' ', 1)[1]}"
        what = "відчинено цілодобово" if tuple(spans or ()) == ALL_DAY else \
            " і ".join(f"з {short_time(a)} до {short_time(b)}" for a, b in spans) if spans else "зачинено"
        said.append(f"{capital(when)}: {what}.")
    return line("clock", *said)
