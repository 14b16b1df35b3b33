"""The standard register in English: route steps, barriers, facts, hours and map descriptions as sentences
(plural rules from Babel's CLDR data, weekday and month names from its en_GB locale). Every name from the data
(a street, stop, place, landmark or source) stays as written and is marked with original()."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date, get_day_names
from num2words import num2words

from ...data.model import DAYS
from .. import ALL_DAY, capital, checked, numbered, original, text_in, unchecked_apart
from ...data.text import plain
from ...routing.directions import Step
from .readability import display_name

__all__ = ["plural", "quantity", "written_date", "level", "go_to_level", "room_of", "call_ahead", "name_of",
           "describe_step", "describe_barrier", "describe_unknown", "describe_status", "describe_map", "describe_stop",
           "warning_notes", "fact_sentences", "opening_hours", "service_hours", "SIDES", "LOCALE"]

LOCALE = "en_GB"
_DAY_NAMES = dict(zip(DAYS, (get_day_names("wide", locale=LOCALE)[i] for i in range(7))))  # Babel: 0 is Monday
_FACT_LABELS = {
    "accessible": "Accessible to wheelchair users", "steps": "Steps", "ramp": "Ramp",
    "ramp_incline": "Ramp incline", "handrail": "Handrails", "door_width": "Door width", "threshold": "Threshold",
    "automatic_door": "Automatic door", "bell": "Doorbell", "intercom": "Intercom",
    "audio_beacon": "Sound beacon (such as Totupoint)", "locked": "Usually locked",
    "tactile_paving": "Tactile paving", "contrast_marking": "Contrasting marks on the steps",
    "disabled_parking": "Parking spaces for disabled people", "floor": "Floor",
    "lift": "Lift", "stairs_handrail": "Handrails on the stairs",
    "accessible_toilet": "Accessible toilet", "induction_loop": "Hearing loop",
    "sign_language": "Help in Polish Sign Language", "guide_dogs": "Guide dogs and assistance dogs welcome",
    "seating": "Seating", "platform_lift": "Platform lift at the stairs",
    "stair_climber": "Stair climber at the stairs, operated by staff",
    "advance_notice": "The accessible entrance needs advance notice",
}
_UNITS = {"door_width": "cm", "threshold": "cm", "room_door_width": "cm", "room_threshold": "cm", "ramp_incline": "%"}

_NOUNS = {
    "metre": {"one": "metre", "other": "metres"}, "step": {"one": "step", "other": "steps"},
    "minute": {"one": "minute", "other": "minutes"},
    "crossing": {"one": "road crossing", "other": "road crossings"}, "turn": {"one": "turn", "other": "turns"},
    "bay": {"one": "space", "other": "spaces"}, "hour": {"one": "hour", "other": "hours"},
}

_EN = {
    "turn": {"straight": "Go straight on", "slight_left": "Bear left", "left": "Turn left",
             "sharp_left": "Turn sharp left", "slight_right": "Bear right", "right": "Turn right",
             "sharp_right": "Turn sharp right", "u_turn": "Turn back"},
    "compass": {"north": "north", "north_east": "north-east", "east": "east", "south_east": "south-east",
                "south": "south", "south_west": "south-west", "west": "west", "north_west": "north-west"},
    "attribute": {"steps": "steps", "kerb": "kerb", "threshold": "threshold at the entrance door",
                  "width": "pavement width", "door_width": "entrance door width",
                  "incline": "incline", "ramp_incline": "ramp incline", "surface": "surface",
                  "smoothness": "evenness of the surface", "locked": "door locked, with no bell or intercom",
                  "lift": "lift", "room_door_width": "width of the doors inside",
                  "room_threshold": "threshold in the doors inside", "signals": "signals at the crossing",
                  "floor": "floor", "no_lift": "no lift",
                  "accessible": "entrance marked as not accessible to wheelchairs", "ramp": "ramp",
                  "platform_lift": "platform lift", "stair_climber": "stair climber",
                  "advance_notice": "advance notice of the visit", "steps_inside": "steps inside the building",
                  "staff_come_down": "whether staff come to the entrance"},
}
SIDES = {"left": "on your left", "right": "on your right"}  # road_side and building_line in words


def plural(n: float, noun: str) -> str:
    """The noun in the grammatical number that n needs (CLDR): 1 metre, 2 metres, 1.5 metres."""
    forms = _NOUNS[noun]
    return forms.get(Locale("en").plural_form(n), forms["other"])


def _num(n: float) -> str:
    """A number as written in English: 2.5."""
    return f"{n:g}"


def quantity(n: float, noun: str, *, about: bool = False) -> str:
    """'5 metres', '1 step'; about=True: 'about 2 minutes'."""
    return f"{'about ' if about else ''}{_num(n)} {plural(n, noun)}"


def written_date(iso: str) -> str:
    """A date written out (ER-04) to the precision it was given: '2026-11-23' → '23 November 2026',
    '2026-11' → 'November 2026', '2026' → '2026'."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    return format_date(day, format="long" if len(parts) == 3 else "LLLL y", locale=LOCALE)


def name_of(value) -> str:
    """A name from the data in a sentence: a plain name (street, stop, landmark) as written and marked; a text
    with versions per language in English, else marked in the original language."""
    return original(display_name(value)) if isinstance(value, str) else text_in(value, "en")


def _signals(crossing: dict) -> str:
    """What a crossing has, then what nobody has checked, 'no data' said once:
    'At the crossing: ..., ...; no data: ...'."""
    parts, unknown = checked(crossing, (("traffic_lights", "traffic lights", "no traffic lights"),
                                        ("sound_signal", "sound signal", "no sound signal"),
                                        ("tactile_paving", "tactile paving", "no tactile paving")))
    if not parts:
        return f"At the crossing, no data: {', '.join(unknown)}."
    return f"At the crossing: {', '.join(parts)}" + (f"; no data: {', '.join(unknown)}." if unknown else ".")


def _towards(towards) -> str:
    """What to head for, in words: the crossing, the next street, a landmark or the place itself."""
    kind, name = towards  # kind: crossing, street, along (the street walked), landmark or place
    if kind == "crossing":
        return "towards the pedestrian crossing" + (f" over {name_of(name)}" if name else "")
    if kind == "street":
        return f"towards {name_of(name)}"
    if kind == "along":
        return f"along the pavement of {name_of(name)}"
    if kind == "landmark":
        return f"towards the landmark: {name_of(name)}"
    return f"towards the building: {name_of(name)}"


def _departure(step: Step) -> str:
    """The start: which way to face, told by the road and what to head for; the compass point after them."""
    stop = "the stop " if step.facts.get("origin_kind") == "stop" else ""
    text = f"Start: {stop}{name_of(step.name)}."
    if step.road_side:
        text += f" Stand with the road {SIDES[step.road_side]}."
    if step.towards:
        text += f" Go {_towards(step.towards)}."
    if step.heading:
        text += f" Direction: {_EN['compass'][step.heading]}."
    crossings = quantity(step.crossings, "crossing") if step.crossings else "no road crossings"
    turns = quantity(step.turns, "turn") if step.turns else "no turns"
    return text + f" On the route: {crossings}, {turns}."


def _beside(step: Step) -> str:
    """What a person can follow beside the walk: the road on one side, a building line on the other."""
    text = f" The road is {SIDES[step.road_side]}." if step.road_side else ""
    if step.building_line:
        text += f" Buildings are {SIDES[step.building_line]}: you can follow their walls."
    return text


def _cue(turn: str) -> str:
    return _EN["turn"][turn][:1].lower() + _EN["turn"][turn][1:]


def _crossing(step: Step) -> str:
    """A crossing: the cue before it, the street, its length and what it has; numbered when there are several."""
    turn = step.turn not in (None, "straight")
    if step.cue_before_m:
        where = quantity(step.cue_before_m, "metre")
        text = f"In {where}, {_cue(step.turn)}: there is a pedestrian crossing there. " if turn else \
            f"In {where} there is a pedestrian crossing. "
    else:
        text = f"{_EN['turn'][step.turn]}. " if turn else ""
    what = name_of(step.name) if step.name else "the road"
    text += f"Cross {what} at the pedestrian crossing, {quantity(step.distance_m, 'metre')}."
    if step.crossings:
        text += f" This is crossing number {step.crossings} on the route."
    return text + " " + _signals(step.crossing or {})


def level(floor: int, *, where: bool = False, dot: bool = True) -> str:
    """A floor in British usage: 'the second floor', 'the ground floor', 'level -1' below ground; where=True the
    place: 'on the second floor'; dot=False as easy-read writes it, in digits as on a lift's buttons: 'floor 2'."""
    if floor < 0:
        said = f"level {floor}"
    elif floor == 0:
        said = "the ground floor"
    else:
        said = f"the {num2words(floor, lang='en', to='ordinal')} floor" if dot else f"floor {floor}"
    return f"on {said}" if where else said


def go_to_level(floor: int, *, lift: bool, dot: bool = True) -> str:
    """'Take the lift to the second floor.', 'Go down the stairs to level -1.': up or down, by lift or stairs."""
    if lift:
        return f"Take the lift {'down ' if floor < 0 else ''}to {level(floor, dot=dot)}."
    return f"Go {'down' if floor < 0 else 'up'} the stairs to {level(floor, dot=dot)}."


def room_of(name: str, kind, *, to: bool = False) -> str:
    """A room by its number in the kind's words ('room 12', to=True: 'to room 12'), or by its name when it
    has no number ('kasy', to=True: 'to the place called kasy'), the name marked as the data's."""
    if numbered(name):
        return f"{kind.to_room if to else kind.room} {name}"
    return f"to the place called {original(name)}" if to else original(name)


def call_ahead(hours) -> str:
    """When to call before the visit: 'Call at least 24 hours before your visit.'; hours True: not known."""
    if hours is True:
        return "Call before your visit."
    return f"Call at least {'an hour' if hours == 1 else quantity(hours, 'hour')} before your visit."


def _door(facts: dict) -> str:
    """What a person meets at the door, from the entrance's known facts."""
    parts = []
    if facts.get("ramp"):
        parts.append("a ramp")
    if facts.get("steps"):
        rail = " with a handrail" if facts.get("handrail") else ""
        parts.append(f"steps{rail}, number of steps not known" if facts["steps"] is True else  # nobody counted them
                     quantity(facts["steps"], "step") + rail)
    if facts.get("platform_lift"):
        parts.append("a platform lift at the stairs")
    if facts.get("stair_climber"):
        parts.append("a stair climber at the stairs (operated by staff)")
    if facts.get("door_width"):
        parts.append(f"door {facts['door_width']} cm wide")
    if "threshold" in facts:
        parts.append(f"threshold {facts['threshold']} cm" if facts["threshold"] else "no threshold")
    for key, yes, no in (("automatic_door", "automatic door", "door opened by hand"),
                         ("bell", "doorbell", None), ("intercom", "intercom", None),
                         ("audio_beacon", "sound beacon above the entrance", None)):
        if facts.get(key):
            parts.append(yes)
        elif facts.get(key) is False and no:
            parts.append(no)
    if facts.get("locked"):
        parts.append("door usually locked")
    return f" {capital(', '.join(parts))}." if parts else ""


def _warning(code: str) -> str | None:
    kind, _, value = code.partition(":")
    if kind == "kerb":
        return f"kerb {_num(float(value))} cm"
    if kind == "steep":
        return f"steep, incline {_num(abs(float(value)))}%"
    if kind == "no_handrail":
        return "no handrail"
    if kind == "open_area":
        return "open square with no edge to follow"
    if kind == "no_sound_signal":
        return "no sound signal, ask someone to help you cross"
    if kind == "no_tactile_paving":
        return "no tactile paving, the edge of the road is hard to find with a cane"
    if kind == "platform_lift":
        return "a platform lift takes you past the stairs"
    if kind == "stair_climber":
        return "staff take you up the stairs on a stair climber: call before your visit"
    if kind == "advance_notice":
        return "this entrance needs advance notice: " + _lowered(call_ahead(int(value) if value else True)[:-1])
    return None  # a barrier ("barrier:…") is told with its measure and limit, by describe_barrier


def describe_step(step: Step, *, kind) -> str:
    """One step as an English sentence (or a few short ones); kind: the place's KindWords (the office, room)."""
    distance = f" {quantity(step.distance_m, 'metre')}" if step.distance_m else ""
    name = f" ({name_of(step.name)})" if step.name and step.action not in ("depart", "arrive", "enter", "room") else ""
    if step.action == "depart":
        text = _departure(step)
    elif step.action in ("walk", "ramp"):
        along = f" along {name_of(step.name)}" if step.action == "walk" and step.name else \
            f" along the ramp{name}" if step.action == "ramp" else ""
        if step.cue_before_m and step.turn not in (None, "straight"):
            text = f"In {quantity(step.cue_before_m, 'metre')}, {_cue(step.turn)}. Then go{distance}{along}."
        elif step.turn in (None, "straight"):
            text = f"Go straight on{' for' if distance else ''}{distance}{along}."
        else:
            text = f"{_EN['turn'][step.turn]} and go{distance}{along}."
        if step.action == "ramp" and step.incline is not None:
            text += f" Incline: {_num(abs(step.incline))}%."
        text += _beside(step)
    elif step.action == "cross":
        text = _crossing(step)
    elif step.action == "steps":
        count = f"the {quantity(step.count, 'step')}" if step.count else "the steps (number of steps not known)"
        text = f"Take {count}{name}."
    elif step.action == "lift":
        text = f"Use the outdoor lift{name}."
    elif step.action == "arrive":
        text = f"You are at the entrance: {name_of(step.name)}." + _door(step.facts)
    elif step.action == "enter":
        text = f"Enter the building ({name_of(step.name)})."
    elif step.action == "lift_up":
        text = go_to_level(step.count, lift=True)
    elif step.action == "stairs_up" and "unknown:lift" in step.warnings:
        text = f"{capital(kind.destination)} is {level(step.count, where=True)}. We do not know if there is a lift: " \
               "ask before your visit."
    elif step.action == "stairs_up" and "no_lift" in step.warnings:
        text = f"{capital(kind.destination)} is {level(step.count, where=True)}, and the building has no lift."
    elif step.action == "stairs_up":
        text = go_to_level(step.count, lift=False)
    elif step.action == "staff_come_down":
        text = _staff_come_down(step, kind)
    elif step.action == "room":
        room = "." if not step.name else f", {room_of(step.name, kind)}." if numbered(step.name) else \
            f". Go {room_of(step.name, kind, to=True)}."  # 'room 12'; a named one: 'Go to the place called kasy'
        if step.count is None:
            text = f"No data on which floor {kind.destination} is on" + room
        elif step.count == 0:
            text = f"{capital(kind.destination)} is {level(0, where=True)}" + room
        else:  # the step before, by lift or stairs, has told the floor: only the room is new
            text = f"Go {room_of(step.name, kind, to=True)}." if step.name else ""
    else:
        text = step.action
    if step.landmark and step.action in ("walk", "ramp", "cross"):
        text += f" Landmark: {name_of(step.landmark)}."
    notes = warning_notes(step.warnings) if step.action not in ("stairs_up", "staff_come_down") else ""
    if notes:
        text += f" Note: {notes}."
    return text


def _staff_come_down(step: Step, kind) -> str:
    """Staff come to the entrance: why the reader cannot reach the destination, and the call that asks them to."""
    floor = step.count
    text = f"We do not know which floor {kind.destination} is on." if floor is None else \
        f"{capital(kind.destination)} is {level(floor, where=True)}."
    for code in step.warnings:
        what, _, value = code.partition(":")
        if code == "barrier:lift":
            text += " The building has no lift."
        elif code == "unknown:lift":
            text += " We do not know if there is a lift."
        elif what == "barrier":
            text += f" On the way {kind.to_destination}: {_EN['attribute'].get(value, value)}."
    come = "come down" if floor else "come"
    return text + f" A member of staff will {come} to meet you at the entrance."  # the call-ahead line says whom to call


def describe_barrier(attribute: str, value, limit, unit: str, place: str | None, *, kind: str | None = None,
                     reason: str | None = None) -> str:
    """RT-3: the barrier, its measured value against the profile's limit, and where it is (kind "crossing":
    place is the street crossed); reason: why the aid that is there does not help."""
    label = _EN["attribute"].get(attribute, attribute)
    if place and kind == "crossing":
        place = f"crossing over {name_of(place)}"
    elif place:
        place = name_of(place)
    where = f" ({place})" if place else ""
    why = {"stair_climber": ": there is a stair climber, but it cannot carry a heavy powered wheelchair"}.get(reason, "")
    if value in (True, False, None) or not unit:
        return f"{label}{where}{why}"
    if attribute == "steps":
        return f"steps: {quantity(value, 'step') if isinstance(value, int) else 'number not known'}{where}{why}"
    shown = _num(value) if isinstance(value, (int, float)) else str(value)
    if attribute == "incline" and isinstance(limit, (int, float)) and limit < 0:
        return f"{label} {_num(abs(value))}% downhill, where at most {_num(-limit)}% is acceptable{where}"
    if attribute.endswith("width"):
        return f"{label} {shown} {unit}, where at least {_num(limit)} {unit} is needed{where}"
    return f"{label} {shown} {unit}, where at most {_num(limit)} {unit} is acceptable{where}"


def describe_status(status: str) -> str:
    return {"ok": "accessible route", "unverified": "route depends on missing data",
            "no_route": "no accessible route"}[status]


def describe_unknown(attribute: str, *, disputed: bool = False) -> str:
    """What nobody has checked, as a noun phrase: 'entrance door width'; disputed: what the sources disagree on."""
    label = _EN["attribute"].get(attribute) or _lowered(_FACT_LABELS.get(attribute, attribute))
    return f"{label} (the sources disagree)" if disputed else label


def _lowered(label: str) -> str:
    return label[:1].lower() + label[1:]


def _spans(spans) -> str:
    return "open 24 hours" if tuple(spans) == ALL_DAY else ", ".join(f"{a}–{b}" for a, b in spans)


def opening_hours(hours) -> list:
    """Each day of the week with its opening hours, as (day, hours) rows of a table."""
    return [(_DAY_NAMES[day], _spans(hours.days[day]) if hours.days.get(day) else "closed") for day in DAYS]


def service_hours(hours) -> str:
    """A service's own hours in one line: 'Monday 08:00–15:00; Wednesday 08:00–17:00'."""
    return "; ".join(f"{_DAY_NAMES[d]} {_spans(s)}" for d, s in hours.days.items())


def _fact_label(name: str, kind) -> str:
    """What a fact is about, in the words of the place's kind where it names the room: 'Room', 'Consulting room'."""
    labels = {"room": capital(kind.room), "steps_inside": f"Steps on the way {kind.to_destination}",
              "room_door_width": f"Width of the {kind.room} door", "room_threshold": f"Threshold at the {kind.room} door",
              "staff_come_down": f"Staff come to the entrance when you cannot get {kind.to_destination}"}
    return labels.get(name) or _FACT_LABELS.get(name, name)


def fact_sentences(facts: dict, *, kind) -> list:
    """Each fact as a sentence (the standard register's one wording of a fact); the source and check date
    once at the end when all facts share them. kind: the place's KindWords. A fact with several sources names them
    all, newest first, and when they disagree gives each value: 'Steps: the sources disagree: …'."""
    sources = {(f.source, f.verified) for f in facts.values() if not f.sources}
    shared = len(sources) == 1
    texts = [_fact_sentence(name, fact, kind, with_source=not shared) for name, fact in facts.items()]
    if shared and texts:
        source, verified = sources.pop()
        texts.append(f"Source: {_source(source)}; {_checked(verified)}.")
    return texts


def _source(source: str | None) -> str:
    return original(source) if source else "not given"


def _checked(verified: str | None) -> str:
    return f"checked: {written_date(verified)}" if verified else "not checked on site"


_SIGN_LANGUAGE = {"on_site": "yes, a member of staff knows Polish Sign Language",
                  "remote": "through an interpreter online, on a screen",
                  "appointment": "an interpreter when you book your visit in advance"}


def _shown(name: str, value) -> str:
    """A fact's value in words: 'yes', '4 steps', '90 cm'."""
    if name in ("steps", "steps_inside"):
        return "yes, number of steps not known" if value is True else quantity(value, "step")
    if name == "advance_notice":
        return "no" if not value else _lowered(call_ahead(value)[:-1])
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name == "sign_language":
        return _SIGN_LANGUAGE[value]
    if name == "disabled_parking":
        return quantity(value, "bay")
    if name == "floor":
        return level(value)
    if name == "room":
        return str(value) if numbered(str(value)) else original(str(value))
    return f"{_num(value)} {_UNITS[name]}" if name in _UNITS else str(value)


def _noted(said: str, fact) -> str:
    """A sentence with the fact's note after it."""
    note = text_in(fact.note, "en") if fact.note else ""
    said += f" {note}" if note else ""
    return said + ("" if plain(said)[-1] in ".!?" else ".")


def _fact_sentence(name: str, fact, kind, *, with_source: bool) -> str:
    named_room = name == "room" and not numbered(str(fact.value))
    label = "Where to go in the building" if named_room else _fact_label(name, kind)

    if fact.disputed:  # every source's value, newest first
        each = "; ".join(f"{_shown(name, f.value)} ({_source(f.source)}; {_checked(f.verified)})" for f in fact.sources)
        said = f"{label}: the sources disagree: {each}."
        return " ".join([said] + [_noted("", f).strip() for f in fact.sources if f.note])
    said = _noted(f"{label}: {_shown(name, fact.value)}.", fact)  # the note, after its fact
    if fact.sources:
        return f"{said} Sources: " + "; ".join(f"{_source(f.source)} ({_checked(f.verified)})" for f in fact.sources) + "."
    if not with_source:
        return said
    return f"{said} Source: {_source(fact.source)}; {_checked(fact.verified)}."


def warning_notes(codes) -> str:
    """Step warnings as one clause: 'no sound signal, ask someone to help you cross; kerb 3 cm'; what nobody has
    checked in one clause, 'no data' said once."""
    unknown, notes = unchecked_apart(codes, _warning, _EN["attribute"])
    return "; ".join(([f"no data: {', '.join(unknown)}"] if unknown else []) + notes)


_VEHICLES = {"tram": "trams", "bus": "buses", "trolleybus": "trolleybuses", "metro": "underground trains",
             "train": "trains", "ferry": "ferries"}


def describe_stop(vehicles: tuple, lines: tuple) -> str:
    """What calls at a stop, as far as the data says: 'Trams of lines 3 and 10 stop here.'; '' when unknown."""
    numbers = f"{', '.join(lines[:-1])} and {lines[-1]}" if len(lines) > 1 else "".join(lines)
    lines_text = f" of line{'s' if len(lines) > 1 else ''} {numbers}" if lines else ""
    if vehicles:
        what = " and ".join(_VEHICLES[v] for v in vehicles)
        return f"{capital(what)}{lines_text} stop here."
    return f"Vehicles{lines_text} stop here." if lines else ""


def describe_map(*, origin_kind: str, origin_name: str, place_name: str, entrance_name: str | None,
                 length_m: float) -> tuple:
    """What a route map shows: its short alternative text and its overview (how maps are drawn is the
    document's message)."""
    length = quantity(round(length_m), "metre")
    origin, place = name_of(origin_name), name_of(place_name)
    to = f"the entrance: {text_in(entrance_name, 'en')}" if entrance_name else place
    stop = origin_kind == "stop"
    alt = f"Map of the route from {f'the stop {origin}' if stop else 'the car park'} to {to}, {length}."
    overview = (f"The map shows the route from {'the stop' if stop else 'the car park:'} {origin} to the building "
                f"{place}. The route is {length} long.")
    return alt, overview
