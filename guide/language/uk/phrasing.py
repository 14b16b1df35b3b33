"""The standard register in Ukrainian: route steps, barriers, facts, hours and map descriptions as sentences
(plural rules from Babel's CLDR data). Names from the data stay in their original language, marked with
original(); a street or stop a reader must find on a sign is given in Cyrillic with the original after it.

Floors: Ukrainians count the ground floor as the first; a floor is said the Ukrainian way with the Polish one,
as lifts and signs show it, in brackets: "на третьому поверсі (2. piętro)".
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date

from ...data.model import DAYS
from ...data.text import ORIGINAL_START, plain
from .. import ALL_DAY, capital, checked, display_case, numbered, original, text_in, unchecked_apart
from ...routing.directions import Step
from ..pl.phrasing import level as polish_level
from .readability import display_name
from .transliteration import cyrillic_name, signed_name, street_words
from .spoken import ordinal

__all__ = ["plural", "plural_of", "quantity", "written_date", "level", "go_to_level", "numbered", "room_of",
           "call_ahead", "describe_step", "describe_barrier", "describe_unknown", "describe_status", "describe_map",
           "describe_stop", "warning_notes", "fact_sentences", "opening_hours", "service_hours", "named", "stop_name",
           "SIDES"]

_DAY_NAMES = dict(zip(DAYS, ("понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота", "неділя")))
_FACT_LABELS = {
    "accessible": "Доступно для людей на візку", "steps": "Сходи", "ramp": "Пандус",
    "ramp_incline": "Нахил пандуса", "handrail": "Поручні", "door_width": "Ширина дверей", "threshold": "Поріг",
    "automatic_door": "Автоматичні двері", "bell": "Дзвінок", "intercom": "Домофон",
    "audio_beacon": f"Звуковий маячок (наприклад, {original('Totupoint')})", "locked": "Зазвичай зачинено",
    "tactile_paving": "Тактильна доріжка", "contrast_marking": "Контрастне позначення сходинок",
    "disabled_parking": "Паркувальні місця для людей з інвалідністю", "floor": "Поверх",
    "lift": "Ліфт", "stairs_handrail": "Поручні біля сходів",
    "accessible_toilet": "Туалет для людей з інвалідністю", "induction_loop": "Індукційна петля",
    "sign_language": "Допомога польською жестовою мовою",
    "guide_dogs": "Можна із собаками-поводирями та собаками-помічниками",
    "seating": "Місця для сидіння", "platform_lift": "Підйомна платформа біля сходів",
    "stair_climber": "Гусеничний підйомник біля сходів, ним керує працівник",
    "advance_notice": "Про відвідування доступним входом треба попередити",
}
_UNITS = {"door_width": "см", "threshold": "см", "room_door_width": "см", "room_threshold": "см", "ramp_incline": "%"}
_UNIT_WORDS = {"cm": "см", "m": "м", "%": "%"}  # the data's units as Ukrainian writes them

_NOUNS = {  # one, few, many, and other (after a fraction: 1,5 метра); the genitive singular is 'other'
    "metre": {"one": "метр", "few": "метри", "many": "метрів", "other": "метра"},
    "step": {"one": "сходинка", "few": "сходинки", "many": "сходинок", "other": "сходинки"},
    "minute": {"one": "хвилина", "few": "хвилини", "many": "хвилин", "other": "хвилини"},
    "crossing": {"one": "перехід", "few": "переходи", "many": "переходів", "other": "переходу"},
    "turn": {"one": "поворот", "few": "повороти", "many": "поворотів", "other": "повороту"},
    "bay": {"one": "місце", "few": "місця", "many": "місць", "other": "місця"},
    "hour": {"one": "година", "few": "години", "many": "годин", "other": "години"},
}
_HOURS_ACCUSATIVE = {"one": "годину", "few": "години", "many": "годин", "other": "години"}  # за 21 годину

_UK = {
    "turn": {"straight": "Ідіть прямо", "slight_left": "Поверніть трохи ліворуч", "left": "Поверніть ліворуч",
             "sharp_left": "Поверніть різко ліворуч", "slight_right": "Поверніть трохи праворуч",
             "right": "Поверніть праворуч", "sharp_right": "Поверніть різко праворуч", "u_turn": "Розверніться"},
    "compass": {"north": "північ", "north_east": "північний схід", "east": "схід", "south_east": "південний схід",
                "south": "південь", "south_west": "південний захід", "west": "захід",
                "north_west": "північний захід"},
    "attribute": {"steps": "сходи", "kerb": "бордюр", "threshold": "поріг у вхідних дверях",
                  "width": "ширина тротуару", "door_width": "ширина вхідних дверей",
                  "incline": "нахил", "ramp_incline": "нахил пандуса", "surface": "покриття",
                  "smoothness": "рівність покриття", "locked": "двері зачинені, без дзвінка й домофона",
                  "lift": "ліфт", "room_door_width": "ширина внутрішніх дверей",
                  "room_threshold": "поріг у внутрішніх дверях", "signals": "сигналізація на переході",
                  "floor": "поверх", "no_lift": "немає ліфта",
                  "accessible": "вхід позначено як недоступний для візків", "ramp": "пандус",
                  "platform_lift": "підйомна платформа", "stair_climber": "гусеничний підйомник",
                  "advance_notice": "попередження про візит", "steps_inside": "сходи в будівлі",
                  "staff_come_down": "чи вийде працівник до входу"},
}


def plural_of(n: float, forms: dict) -> str:
    """The form that n needs, from forms by CLDR plural category (one, few, many, other)."""
    return forms.get(Locale("uk").plural_form(n), forms.get("other", forms.get("many")))


def plural(n: float, noun: str) -> str:
    """The noun in the grammatical number that n needs: 1 метр, 2 метри, 5 метрів."""
    return plural_of(n, _NOUNS[noun])


def _num(n: float) -> str:
    """A number as written in Ukrainian: 2,5."""
    return f"{n:g}".replace(".", ",")


def quantity(n: float, noun: str, *, about: bool = False) -> str:
    """'5 метрів'; about=True: 'близько 5 хвилин' (близько takes the genitive: singular after 1 or a fraction)."""
    if about:
        forms = _NOUNS[noun]  # the genitive: singular after 1, 21, … or a fraction ('близько 21 хвилини')
        singular = n % 1 or (n % 10 == 1 and n % 100 != 11)
        return f"близько {_num(n)} {forms['other'] if singular else forms['many']}"
    return f"{_num(n)} {plural(n, noun)}"


def written_date(iso: str) -> str:
    """A date written out (ER-04) to the precision it was given: '2026-11-23' → '23 листопада 2026 року',
    '2026-11' → 'листопад 2026', '2026' → '2026'."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    if len(parts) == 3:
        return f"{format_date(day, format='d MMMM', locale='uk')} {parts[0]} року"
    return format_date(day, format="LLLL y", locale="uk")


def named(value) -> str:
    """A name or text of the data in a sentence: a text's Ukrainian version, else its original marked; a name
    (a string) marked as it is; a text already marked left alone."""
    if isinstance(value, dict):
        return text_in(value, "uk")
    return value if not value or ORIGINAL_START in value else original(value)


def stop_name(name: str) -> str:
    """A stop as a reader finds it on the stop's sign, in display case: 'Щепін (Szczepin)', 'площа Солідарності
    (pl. Solidarności)'."""
    shown = plain(display_case(plain(name)))
    return f"{capital(cyrillic_name(shown))} ({original(shown)})"


def _street_phrase(name, case: str) -> str:
    """A street in case with its original ('вулиці Стшегомської (ul. Strzegomska)'), or any other path's name
    as it is, marked."""
    text = plain(named(name)) if isinstance(name, dict) else plain(display_name(name))
    return signed_name(text, case) if street_words(text)[0] else named(text)


def _signals(crossing: dict) -> str:
    """What a crossing has, then what nobody has checked, 'немає даних' said once:
    'На переході: ..., ...; немає даних: ...'."""
    parts, unknown = checked(crossing, (("traffic_lights", "світлофор", "без світлофора"),
                                        ("sound_signal", "звуковий сигнал", "без звукового сигналу"),
                                        ("tactile_paving", "тактильна доріжка", "без тактильної доріжки")))
    if not parts:
        return f"На переході немає даних: {', '.join(unknown)}."
    return f"На переході: {', '.join(parts)}" + (f"; немає даних: {', '.join(unknown)}." if unknown else ".")


SIDES = {"left": "ліворуч", "right": "праворуч"}  # road_side and building_line in words


def _street(name) -> str:
    """' уздовж вулиці Нововейської (ul. Nowowiejska)', or another path's name in brackets: ' (podwórze)'."""
    if not name:
        return ""
    text = plain(named(name)) if isinstance(name, dict) else plain(display_name(name))
    return f" уздовж {signed_name(text, 'gen')}" if street_words(text)[0] else f" ({named(text)})"


def _towards(towards) -> str:
    """What to head for, in words: the crossing, the next street, a landmark or the place itself."""
    kind, name = towards  # kind: crossing, street, along (the street walked), landmark or place
    if kind == "crossing":
        if not name:
            return "до пішохідного переходу"
        text = plain(display_name(name))
        return "до пішохідного переходу " + (f"через {signed_name(text, 'acc')}" if street_words(text)[0]
                                             else f"({named(text)})")
    if kind == "street":
        return f"до {_street_phrase(name, 'gen')}"
    if kind == "along":
        return f"тротуаром{_street(name)}"
    if kind == "landmark":
        return f"до орієнтира: {named(name)}"
    return f"до будівлі: {named(name)}"


def _departure(step: Step) -> str:
    """The start: which way to face, told by the road and what to head for; the compass point after them."""
    name = plain(named(step.name)) if isinstance(step.name, dict) else plain(display_name(step.name or ""))
    start = f"зупинка {stop_name(name)}" if step.facts.get("origin_kind") == "stop" else named(name)
    text = f"Початок: {start}."
    if step.road_side:
        text += f" Станьте так, щоб проїжджа частина була {SIDES[step.road_side]} від вас."
    if step.towards:
        text += f" Ідіть {_towards(step.towards)}."
    if step.heading:
        text += f" Напрямок: {_UK['compass'][step.heading]}."
    crossings = quantity(step.crossings, "crossing") + " через проїжджу частину" if step.crossings else \
        "без переходів через проїжджу частину"
    turns = quantity(step.turns, "turn") if step.turns else "без поворотів"
    return text + f" На маршруті: {crossings}, {turns}."


def _beside(step: Step) -> str:
    """What a person can follow beside the walk: the road on one side, a building line on the other."""
    text = f" Проїжджа частина {SIDES[step.road_side]}." if step.road_side else ""
    if step.building_line:
        text += f" Будинки {SIDES[step.building_line]}: можна йти вздовж їхньої стіни."
    return text


def _cue(turn: str) -> str:
    return _UK["turn"][turn][:1].lower() + _UK["turn"][turn][1:]


def _crossing(step: Step) -> str:
    """A crossing: the cue before it, the street, its length and what it has; numbered when there are several."""
    turn = step.turn not in (None, "straight")
    if step.cue_before_m:
        where = quantity(step.cue_before_m, "metre")
        text = f"Через {where} {_cue(step.turn)}: там пішохідний перехід. " if turn else \
            f"Через {where} буде пішохідний перехід. "
    else:
        text = f"{_UK['turn'][step.turn]}. " if turn else ""
    if step.name:
        name = plain(named(step.name)) if isinstance(step.name, dict) else plain(display_name(step.name))
        what = signed_name(name, "acc") if street_words(name)[0] else f"проїжджу частину ({named(name)})"
    else:
        what = "проїжджу частину"
    text += f"Перейдіть {what} пішохідним переходом, {quantity(step.distance_m, 'metre')}."
    if step.crossings:
        text += f" Це перехід номер {step.crossings} на маршруті."
    return text + " " + _signals(step.crossing or {})


_FLOOR_CASES = {False: ("nom_m", "поверх"), True: ("loc_m", "поверсі")}


def level(floor: int, *, where: bool = False, dot: bool = True) -> str:
    """A floor counted the Ukrainian way (the ground floor is the first) with the Polish floor as signs and lifts
    show it: 'третій поверх (2. piętro)'; where=True the place: 'на третьому поверсі (2. piętro)'; below ground
    'рівень -1', 'на рівні -1'; dot=False as easy-read writes it, in digits: 'на 3 поверсі (2 piętro)'."""
    if floor < 0:
        return f"на рівні {floor}" if where else f"рівень {floor}"
    form, noun = _FLOOR_CASES[where]
    number = ordinal(floor + 1, form) if dot else str(floor + 1)
    return f"{'на ' if where else ''}{number} {noun} ({original(polish_level(floor, dot=dot))})"


def go_to_level(floor: int, *, lift: bool, dot: bool = True) -> str:
    """'Підніміться ліфтом на третій поверх (2. piętro).', 'Спустіться сходами на рівень -1.'."""
    verb = "Спустіться" if floor < 0 else "Підніміться"
    return f"{verb} {'ліфтом' if lift else 'сходами'} на {level(floor, dot=dot)}."


def room_of(name: str, kind, *, to: bool = False) -> str:
    """A room by its number in the kind's words ('кабінет 12', to=True: 'до кабінету 12'), or by its name (in the
    original) when it has no number ('до місця: kasy')."""
    if numbered(name):
        return f"{kind.to_room if to else kind.room} {name}"
    return f"до місця: {named(name)}" if to else named(name)


def call_ahead(hours) -> str:
    """When to call before the visit: 'Зателефонуйте щонайменше за 24 години до візиту.'; hours True: not known."""
    if hours is True:
        return "Зателефонуйте перед візитом."
    when = "годину" if hours == 1 else f"{_num(hours)} {plural_of(hours, _HOURS_ACCUSATIVE)}"
    return f"Зателефонуйте щонайменше за {when} до візиту."


def _door(facts: dict) -> str:
    """What a person meets at the door, from the entrance's known facts."""
    parts = []
    if facts.get("ramp"):
        parts.append("пандус")
    if facts.get("steps"):
        rail = " з поручнем" if facts.get("handrail") else ""
        parts.append(f"сходи{rail}, кількість сходинок невідома" if facts["steps"] is True else
                     quantity(facts["steps"], "step") + rail)
    if facts.get("platform_lift"):
        parts.append("підйомна платформа біля сходів")
    if facts.get("stair_climber"):
        parts.append("гусеничний підйомник біля сходів (ним керує працівник)")
    if facts.get("door_width"):
        parts.append(f"двері шириною {_num(facts['door_width'])} см")
    if "threshold" in facts:
        parts.append(f"поріг {_num(facts['threshold'])} см" if facts["threshold"] else "без порога")
    for key, yes, no in (("automatic_door", "автоматичні двері", "двері відчиняються вручну"),
                         ("bell", "дзвінок", None), ("intercom", "домофон", None),
                         ("audio_beacon", "звуковий маячок над входом", None)):
        if facts.get(key):
            parts.append(yes)
        elif facts.get(key) is False and no:
            parts.append(no)
    if facts.get("locked"):
        parts.append("двері зазвичай зачинені")
    return f" {capital(', '.join(parts))}." if parts else ""


def _warning(code: str) -> str | None:
    kind, _, value = code.partition(":")
    if kind == "kerb":
        return f"бордюр {_num(float(value))} см"
    if kind == "steep":
        return f"круто, нахил {_num(abs(float(value)))}%"
    if kind == "no_handrail":
        return "немає поручнів"
    if kind == "open_area":
        return "відкритий майданчик без орієнтирів"
    if kind == "no_sound_signal":
        return "немає звукового сигналу, попросіть когось допомогти вам перейти"
    if kind == "no_tactile_paving":
        return "немає тактильної доріжки, край проїжджої частини важко відчути тростиною"
    if kind == "platform_lift":
        return "сходи ви подолаєте підйомною платформою"
    if kind == "stair_climber":
        return "сходи ви подолаєте на гусеничному підйомнику з допомогою працівника: зателефонуйте перед візитом"
    if kind == "advance_notice":
        said = call_ahead(int(value) if value else True)[:-1]
        return "цей вхід потребує попередження: " + said[:1].lower() + said[1:]
    return None  # a barrier ("barrier:…") is told with its measure and limit, by describe_barrier


def describe_step(step: Step, *, kind) -> str:
    """One step as a Ukrainian sentence (or a few short ones); kind: the place's KindWords (офіс, кабінет)."""
    distance = quantity(step.distance_m, "metre") if step.distance_m else ""
    name = f" ({named(step.name)})" if step.name and step.action not in ("depart", "arrive", "enter", "room") else ""
    if step.action == "depart":
        text = _departure(step)
    elif step.action in ("walk", "ramp"):
        how = "пандусом " if step.action == "ramp" else ""
        along = _street(step.name) if step.action == "walk" else name
        if step.cue_before_m and step.turn not in (None, "straight"):
            text = f"Через {quantity(step.cue_before_m, 'metre')} {_cue(step.turn)}. " \
                   f"Потім пройдіть {how}{distance}{along}."
        elif step.turn in (None, "straight"):
            text = f"Ідіть прямо {how}{distance}{along}."
        else:
            text = f"{_UK['turn'][step.turn]} і пройдіть {how}{distance}{along}."
        if step.action == "ramp" and step.incline is not None:
            text += f" Нахил {_num(abs(step.incline))}%."
        text += _beside(step)
    elif step.action == "cross":
        text = _crossing(step)
    elif step.action == "steps":
        count = quantity(step.count, "step") if step.count else "сходи (немає даних про кількість сходинок)"
        text = f"Подолайте {count}{name}."
    elif step.action == "lift":
        text = f"Скористайтеся зовнішнім ліфтом{name}."
    elif step.action == "arrive":
        text = f"Ви біля входу: {named(step.name)}." + _door(step.facts)
    elif step.action == "enter":
        text = f"Увійдіть до будівлі ({named(step.name)})."
    elif step.action == "lift_up":
        text = go_to_level(step.count, lift=True)
    elif step.action == "stairs_up" and "unknown:lift" in step.warnings:
        text = f"{capital(kind.destination)} {level(step.count, where=True)}. Ми не знаємо, чи є там ліфт: " \
               "запитайте перед візитом."
    elif step.action == "stairs_up" and "no_lift" in step.warnings:
        text = f"{capital(kind.destination)} {level(step.count, where=True)}, а в будівлі немає ліфта."
    elif step.action == "stairs_up":
        text = go_to_level(step.count, lift=False)
    elif step.action == "staff_come_down":
        text = _staff_come_down(step, kind)
    elif step.action == "room":
        room = "." if not step.name else f", {room_of(step.name, kind)}." if numbered(step.name) else \
            f". Ідіть {room_of(step.name, kind, to=True)}."  # 'кабінет 12'; a named one: 'Ідіть до місця: kasy'
        if step.count is None:
            text = f"Немає даних, на якому поверсі {kind.destination}" + room
        elif step.count == 0:
            text = f"{capital(kind.destination)} {level(0, where=True)}" + room
        else:  # the step before, by lift or stairs, has told the floor: only the room is new
            text = f"Ідіть {room_of(step.name, kind, to=True)}." if step.name else ""
    else:
        text = step.action
    if step.landmark and step.action in ("walk", "ramp", "cross"):
        text += f" Орієнтир: {named(step.landmark)}."
    notes = warning_notes(step.warnings) if step.action not in ("stairs_up", "staff_come_down") else ""
    if notes:
        text += f" Увага: {notes}."
    return text


def _staff_come_down(step: Step, kind) -> str:
    """Staff come to the entrance: why the reader cannot reach the destination, and the call that asks them to."""
    floor = step.count
    text = f"Ми не знаємо, на якому поверсі {kind.destination}." if floor is None else \
        f"{capital(kind.destination)} {level(floor, where=True)}."
    for code in step.warnings:
        what, _, value = code.partition(":")
        if code == "barrier:lift":
            text += " У будівлі немає ліфта."
        elif code == "unknown:lift":
            text += " Ми не знаємо, чи є там ліфт."
        elif what == "barrier":
            text += f" На шляху {kind.to_destination}: {_UK['attribute'].get(value, value)}."
    come = "спуститься" if floor and floor > 0 else "підніметься" if floor else "вийде"
    return text + f" Працівник {come} до вас до входу."  # the route's call-ahead line after it says whom to call


def describe_barrier(attribute: str, value, limit, unit: str, place: str | None, *, kind: str | None = None,
                     reason: str | None = None) -> str:
    """RT-3: the barrier, its measured value against the profile's limit, and where it is (kind "crossing":
    place is the street crossed); reason: why the aid that is there does not help."""
    label = _UK["attribute"].get(attribute, attribute)
    if place and kind == "crossing":
        text = plain(display_name(place))
        place = f"перехід через {signed_name(text, 'acc')}" if street_words(text)[0] else \
            f"пішохідний перехід, {named(text)}"
    elif place:
        place = named(place)
    where = f" ({place})" if place else ""
    why = {"stair_climber": ": там є гусеничний підйомник, але він не підніме важкий електричний візок"}.get(reason, "")
    if value in (True, False, None) or not unit:
        return f"{label}{where}{why}"
    unit = _UNIT_WORDS.get(unit, unit)
    if attribute == "steps":
        return f"сходи: {quantity(value, 'step') if isinstance(value, int) else 'кількість невідома'}{where}{why}"
    shown = _num(value) if isinstance(value, (int, float)) else str(value)
    if attribute == "incline" and isinstance(limit, (int, float)) and limit < 0:
        return f"{label} {shown}% униз, а допустимо не більше {_num(-limit)}%{where}"
    if attribute.endswith("width"):
        return f"{label} {shown} {unit}, а потрібно щонайменше {_num(limit)} {unit}{where}"
    return f"{label} {shown} {unit}, а допустимо не більше {_num(limit)} {unit}{where}"


def describe_status(status: str) -> str:
    return {"ok": "маршрут доступний", "unverified": "маршрут залежить від даних, яких бракує",
            "no_route": "немає доступного маршруту"}[status]


def describe_unknown(attribute: str, *, disputed: bool = False) -> str:
    """What nobody has checked, as a noun phrase: 'ширина дверей'; disputed: what the sources disagree about."""
    label = _UK["attribute"].get(attribute) or _lowered(_FACT_LABELS.get(attribute, attribute))
    return f"{label} (джерела розходяться)" if disputed else label


def _lowered(label: str) -> str:
    return label[:1].lower() + label[1:]


def _spans(spans) -> str:
    return "цілодобово" if tuple(spans) == ALL_DAY else ", ".join(f"{a}–{b}" for a, b in spans)


def opening_hours(hours) -> list:
    """Each day of the week with its opening hours, as (day, hours) rows of a table."""
    return [(_DAY_NAMES[day], _spans(hours.days[day]) if hours.days.get(day) else "зачинено") for day in DAYS]


def service_hours(hours) -> str:
    """A service's own hours in one line: 'понеділок 08:00–15:00; середа 08:00–17:00'."""
    return "; ".join(f"{_DAY_NAMES[d]} {_spans(s)}" for d, s in hours.days.items())


def _fact_label(name: str, kind) -> str:
    """What a fact is about, in the words of the place's kind where it names the room: 'Кабінет', 'Зала'."""
    labels = {"room": capital(kind.room), "steps_inside": f"Сходинки на шляху {kind.to_destination}",
              "room_door_width": f"Ширина дверей {kind.to_room}", "room_threshold": f"Поріг у дверях {kind.to_room}",
              "staff_come_down": f"Працівник вийде до входу, якщо ви не можете дійти {kind.to_destination}"}
    return labels.get(name) or _FACT_LABELS.get(name, name)


def fact_sentences(facts: dict, *, kind) -> list:
    """Each fact as a sentence; the source and check date once at the end when all facts share them. kind: the
    place's KindWords. A fact with several sources names them all, newest first, and when they disagree gives each
    value: 'Сходи: джерела розходяться: …'."""
    sources = {(f.source, f.verified) for f in facts.values() if not f.sources}
    shared = len(sources) == 1
    texts = [_fact_sentence(name, fact, kind, with_source=not shared) for name, fact in facts.items()]
    if shared and texts:
        source, verified = sources.pop()
        texts.append(f"Джерело: {named(source)}; {_checked(verified)}.")
    return texts


def _checked(verified: str | None) -> str:
    return f"перевірено: {verified}" if verified else "не перевірено на місці"


_SIGN_LANGUAGE = {"on_site": "так, працівник знає польську жестову мову",
                  "remote": "через онлайн-перекладача, на екрані",
                  "appointment": "перекладач за попереднім записом"}


def _shown(name: str, value) -> str:
    """A fact's value in words: 'так', '4 сходинки', '90 см'."""
    if name in ("steps", "steps_inside"):
        return "є, кількість сходинок невідома" if value is True else quantity(value, "step")
    if name == "advance_notice":
        return "ні" if not value else _lowered(call_ahead(value)[:-1])
    if isinstance(value, bool):
        return "так" if value else "ні"
    if name == "sign_language":
        return _SIGN_LANGUAGE[value]
    if name == "disabled_parking":
        return quantity(value, "bay")
    if name == "floor":  # 'другий (1. piętro)': the label has said 'Поверх'
        return level(value) if value < 0 else level(value).replace(" поверх", "", 1)
    if name == "room":
        return str(value) if numbered(str(value)) else named(str(value))
    return f"{_num(value)} {_UNITS[name]}" if name in _UNITS else str(value)


def _noted(said: str, fact) -> str:
    """A sentence with the fact's note after it."""
    note = named(fact.note) if fact.note else ""
    said += f" {note}" if note else ""
    return said + ("" if plain(said)[-1:] in ".!?" else ".")


def _fact_sentence(name: str, fact, kind, *, with_source: bool) -> str:
    named_room = name == "room" and not numbered(str(fact.value))
    label = "Місце в будівлі" if named_room else _fact_label(name, kind)

    if fact.disputed:  # every source's value, newest first
        each = "; ".join(f"{_shown(name, f.value)} ({named(f.source)}; {_checked(f.verified)})" for f in fact.sources)
        said = f"{label}: джерела розходяться: {each}."
        return " ".join([said] + [_noted("", f).strip() for f in fact.sources if f.note])
    said = _noted(f"{label}: {_shown(name, fact.value)}.", fact)  # the note, after its fact
    if fact.sources:
        return f"{said} Джерела: " + "; ".join(f"{named(f.source)} ({_checked(f.verified)})"
                                               for f in fact.sources) + "."
    if not with_source:
        return said
    return f"{said} Джерело: {named(fact.source)}; {_checked(fact.verified)}."


def warning_notes(codes) -> str:
    """Step warnings as one clause: 'немає звукового сигналу; бордюр 3 см'; what nobody has
    checked in one clause, 'немає даних' said once."""
    unknown, notes = unchecked_apart(codes, _warning, _UK["attribute"])
    return "; ".join(([f"немає даних: {', '.join(unknown)}"] if unknown else []) + notes)


_VEHICLES = {"tram": "трамваї", "bus": "автобуси", "trolleybus": "тролейбуси", "metro": "метро", "train": "поїзди",
             "ferry": "пороми"}


def describe_stop(vehicles: tuple, lines: tuple) -> str:
    """What calls at a stop, as far as the data says: 'Тут зупиняються трамваї маршрутів 3, 10.'; '' when unknown."""
    lines_text = f" {'маршруту' if len(lines) == 1 else 'маршрутів'} {', '.join(lines)}" if lines else ""
    if vehicles:
        what = " і ".join(_VEHICLES[v] for v in vehicles)
        return f"Тут зупиняються {what}{lines_text}."
    return f"Тут зупиняється транспорт{lines_text}." if lines else ""


def describe_map(*, origin_kind: str, origin_name: str, place_name: str, entrance_name: str | None,
                 length_m: float) -> tuple:
    """What a route map shows: its short alternative text and its overview (how maps are drawn is the
    document's message)."""
    length = quantity(round(length_m), "metre")
    place = named(place_name)
    to = f"входу: {entrance_name}" if entrance_name else f"місця: {place}"  # the edition's name of the entrance
    start = f"від зупинки {stop_name(origin_name)}" if origin_kind == "stop" else \
        f"від парковки: {named(origin_name)}"
    alt = f"Карта маршруту {start if origin_kind == 'stop' else 'від парковки'} до {to}, {length}."
    overview = f"Карта показує маршрут {start} до будівлі: {place}. Маршрут завдовжки {length}."
    return alt, overview
