"""Easy-read phrasing in English (ER-03, ER-04): short sentences spoken to the reader ("Turn left."), each line
with the pictogram it sits beside.

Landmarks come before metres, there are no abbreviations of our own, numbers are digits and times are
written as British readers know them ("8am to 4:30pm"). Names from the data stay as written, marked with
original(): the reader matches them on signs.
"""

from __future__ import annotations

from functools import partial

from babel.dates import get_day_names

from ...media import NEGATED
from .readability import expand_name, sentences
from ...data.model import DAYS
from ...data.text import plain, spans
from ..easy import EasyLine, line, told, warning_sentences, yes_no_lines
from .. import ALL_DAY, capital, day_groups, original, text_in
from .phrasing import LOCALE, SIDES, call_ahead, go_to_level, level, numbered, quantity, room_of

__all__ = ["EasyLine", "route_lines", "entrance_lines", "inside_lines", "hours_lines", "barrier_sentence",
           "short_entrance_name", "clock_time"]

_DAY_NAMES = dict(zip(DAYS, (get_day_names("wide", locale=LOCALE)[i] for i in range(7))))
_TURNS = {"slight_left": ("turn_left", "Turn slightly left"), "left": ("turn_left", "Turn left"),
          "sharp_left": ("turn_left", "Turn sharp left"), "slight_right": ("turn_right", "Turn slightly right"),
          "right": ("turn_right", "Turn right"), "sharp_right": ("turn_right", "Turn sharp right"),
          "u_turn": ("turn_left", "Turn back")}
_BARRIERS = {
    "steps": "There are steps on the way.", "kerb": "There is a high kerb on the way.",
    "incline": "The way is too steep.", "ramp_incline": "The ramp is too steep.", "width": "The way is too narrow.",
    "door_width": "The entrance door is too narrow.",
    "surface": "The ground is uneven.", "smoothness": "The ground is uneven.",
    "threshold": "There is a high threshold at the door.",
    "locked": "The door is locked and there is no bell.", "accessible": "This entrance is not for wheelchair users.",
    "lift": "There is no lift.", "no_lift": "There is no lift.", "room_door_width": "A door inside is too narrow.",
    "room_threshold": "A door inside has a high threshold.", "signals": "The crossing has no traffic lights.",
}
_WARNINGS = {"kerb": "Be careful: there is a kerb here.", "steep": "Be careful: it is steep here.",
             "no_handrail": "There is no handrail here.", "open_area": "Be careful: this is a big, open square."}


def short_entrance_name(name: str) -> str:
    """'Entrance B (with a ramp, by the lift)' → 'entrance B'; a name in the original language stays marked."""
    short = plain(name).split(" (")[0]
    short = short[:1].lower() + short[1:]
    return original(short) if any(marked for _, marked in spans(name)) else short


def _street(name) -> str | None:
    """A street or square name as a sentence, or None when the path has no such name."""
    if isinstance(name, str) and name.split()[0].lower() in ("ul.", "pl.", "al."):
        return f"This is {original(expand_name(name))}."
    return None


def _named(name) -> str:
    return original(expand_name(name)) if isinstance(name, str) else text_in(name, "en")


def _walk(step, previous_name) -> list:
    lines = []
    pictogram, turn = _TURNS.get(step.turn, ("walk_straight", None))
    if turn:
        sentence = f"In {quantity(step.cue_before_m, 'metre')}, {turn[0].lower()}{turn[1:]}." if step.cue_before_m \
            else f"{turn}."
        lines.append(line(pictogram, sentence))
    if step.action == "ramp":
        move = ("Go along the ramp.",)
        pictogram = "ramp"
    elif step.landmark:
        move = ("Go straight on.", f"On the way you pass: {_named(step.landmark)}.")
        pictogram = "walk_straight"
    elif step.distance_m < 10:
        move = ("Go a few metres straight on.",)
        pictogram = "walk_straight"
    else:
        move = (f"Go straight on for about {quantity(step.distance_m, 'metre')}.",)
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
    light_sentence = {True: "There are traffic lights.", False: "There are no traffic lights."}.get(
        lights, "We have no information about traffic lights.")
    lines.append(line("crossing_lights" if lights else "crossing", "Cross the street.", _street(step.name),
                      light_sentence, *warning_sentences(step, _WARNINGS)))
    sound = crossing.get("sound_signal")
    if lights and sound is not None:
        lines.append(line("sound_signal", "The lights make a sound.") if sound else
                     line(NEGATED + "sound_signal", "The lights make no sound."))
    return lines


def _departure(step) -> list:
    """Which way to set off: the road on one side, and what to walk to."""
    side = SIDES.get(step.road_side)
    kind, name = step.towards or (None, None)
    goal = ("Go to the pedestrian crossing.",) if kind == "crossing" else \
        ("Go straight on.", f"On the way you pass: {_named(name)}.") if kind == "landmark" else \
        (f"Go towards {_named(name)}.",) if kind == "street" else ()
    if not (side or goal):
        return []
    return [line("walk_straight", *goal, f"The street is {side}." if side else None)]  # the walk follows


def _arrive(step) -> list:
    facts = step.facts
    name = text_in(step.name, "en") if step.name else "the entrance"
    lines = [line("door", "You are there.", f"This is {short_entrance_name(name)}.")]
    for code in step.warnings:  # how this group passes the steps, and the call it must make first
        what, _, hours = code.partition(":")
        if what == "platform_lift":
            lines.append(line("lift", "There is a small lift by the stairs.", "Use it to go up."))
        elif what == "stair_climber":
            lines.append(line("steps", "There is a stair climber by the stairs.",
                              "A member of staff takes you up the stairs with it."))
        elif what == "advance_notice":
            lines.append(line("phone", call_ahead(int(hours) if hours else True)))
    if facts.get("automatic_door"):
        lines.append(line("door", "The door opens by itself."))
    if facts.get("bell") or facts.get("intercom"):
        lines.append(line("doorbell", "There is a doorbell by the door." if facts.get("bell") else
                          "There is an intercom by the door."))
    if facts.get("locked"):
        lines.append(line("doorbell", "The door is usually locked.", "Ring the bell."))
    return lines


def _floor_sentence(floor: int, kind) -> str:
    where = level(floor, where=True, dot=False)
    return f"{capital(kind.destination)} is {'underground, ' if floor < 0 else ''}{where}."


def _room_sentence(name: str, kind) -> str:
    """'Room number 12.', or for a room known by its name 'Go to the place called kasy.'"""
    return f"{capital(kind.room)} number {name}." if numbered(name) else f"Go {room_of(name, kind, to=True)}."


_VEHICLE_FROM = {"tram": "the tram ", "bus": "the bus "}


def route_lines(steps, *, origin_kind: str, origin_name: str, origin_pictogram: str, kind) -> list:
    """The easy-read lines of one route, from the start to the place's door and desk; origin_pictogram shows
    the start (tram, bus, a stop of either, parking); kind: the place's KindWords."""
    start = line(origin_pictogram, "Start: the car park by the building.") if origin_kind == "parking" else \
        line(origin_pictogram, f"Get off {_VEHICLE_FROM.get(origin_pictogram, '')}at the stop {_named(origin_name)}.")
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
            lines.append(line("steps", f"There are steps here{count}.", *warning_sentences(step, _WARNINGS)))
        elif step.action == "lift":
            lines.append(line("lift", "Take the lift up or down."))
        elif step.action == "arrive":
            lines += _arrive(step)
        elif step.action == "enter":
            lines.append(line("door", "Go into the building."))
        elif step.action == "lift_up":
            lines.append(line("lift", go_to_level(step.count, lift=True, dot=False)))
        elif step.action == "stairs_up" and ("unknown:lift" in step.warnings or "no_lift" in step.warnings):
            lift = "There is no lift." if "no_lift" in step.warnings else "We have no information about a lift."
            lines += [line("desk", _floor_sentence(step.count, kind)),  # no lift, or nothing known of one
                      line(NEGATED + "lift" if "no_lift" in step.warnings else "question", lift)]
        elif step.action == "stairs_up":
            lines.append(line("steps", go_to_level(step.count, lift=False, dot=False)))
        elif step.action == "staff_come_down":
            lines += _staff_come_down(step, kind)
        elif step.action == "room":
            floor = None if floor_told else _floor_sentence(step.count, kind) if step.count is not None else \
                f"Ask the way {kind.to_destination}."
            if floor or step.name:
                lines.append(line("desk" if step.count is not None else "question", floor,
                                  f"Go {room_of(step.name, kind, to=True)}." if step.name else None))
        floor_told = step.action in ("lift_up", "stairs_up")
    return lines


def _staff_come_down(step, kind) -> list:
    """Staff come to the entrance: where the destination is, why the reader cannot get there, and who comes."""
    lines = [line("desk", _floor_sentence(step.count, kind) if step.count is not None else
                  f"We have no information about the way {kind.to_destination}.")]
    if "barrier:lift" in step.warnings:
        lines.append(line(NEGATED + "lift", "There is no lift."))
    elif "unknown:lift" in step.warnings:
        lines.append(line("question", "We have no information about a lift."))
    lines += [line("warning", barrier_sentence(code.partition(":")[2])) for code in step.warnings
              if code.startswith("barrier:") and code != "barrier:lift"]
    come = "A member of staff comes down to you." if step.count else "A member of staff comes to you at the entrance."
    return lines + [line("conversation", come)]  # the route ends with the number to call


def barrier_sentence(attribute: str, *, reason: str | None = None) -> str:
    """A barrier in a sentence or two; reason: why the aid that is there does not help."""
    why = {"stair_climber": " The stair climber cannot lift a wheelchair with a motor."}.get(reason, "")
    return _BARRIERS.get(attribute, "There is something in the way.") + why


# Yes/no facts: pictogram, the sentence for yes, the sentence for no (None: say nothing when no), and the
# pictogram for no (by default the pictogram crossed out, as the sentence says there is none). A fact that may
# say how (sign_language: remote) has the sentences for each value instead of the one for yes.
_ENTRANCE_FACTS = {
    "accessible": ("wheelchair", "This entrance is for wheelchair users.",
                   "This entrance is not for wheelchair users."),
    "ramp": ("ramp", "There is a ramp.", "There is no ramp."),
    "platform_lift": ("lift", ("There is a small lift by the stairs.", "It can take your wheelchair up."), None),
    "stair_climber": ("steps", ("There is a stair climber by the stairs.", "A member of staff works it."), None),
    "automatic_door": ("door", "The door opens by itself.", "You open the door by hand.", "door"),
    "bell": ("doorbell", "There is a doorbell.", None), "intercom": ("doorbell", "There is an intercom.", None),
    "audio_beacon": ("sound_signal", "A sound above the entrance helps you find it.", None),
    "locked": ("warning", "The door is usually locked.", None),
}
_INSIDE_FACTS = {
    "lift": ("lift", "There is a lift.", "There is no lift."),
    "stairs_handrail": ("steps", "The stairs have handrails.", None),
    "staff_come_down": ("conversation", ("A member of staff can come to you at the entrance.",
                                         "Call before your visit."), None),
    "accessible_toilet": ("toilet", "There is a toilet for wheelchair users.",
                          "There is no toilet for wheelchair users."),
    "induction_loop": ("hearing_loop", "There is a hearing loop.", "There is no hearing loop."),
    "sign_language": ("sign_language", {True: "You can get help in sign language.",
                                        "on_site": "A member of staff knows sign language.",
                                        "remote": ("There is a sign language interpreter.",
                                                   "The interpreter signs to you on a screen."),
                                        "appointment": ("There is a sign language interpreter.",
                                                        "Book the interpreter before your visit.")},
                      None),
    "guide_dogs": ("guide_dog", "You can come in with a guide dog.", None),
    "seating": ("information", "There are seats.", None),
}
_UNCERTAIN = "We are not sure about this."  # after a fact whose sources disagree (the newest one's value is told)
_told = partial(told, lang="en", sentences=sentences, uncertain=_UNCERTAIN)


def _steps_sentences(count, where: str) -> tuple:
    """'There are steps: 4 steps.', or for steps nobody counted, that there are steps and the number is not known."""
    if count is True:
        return f"There are steps{where}.", "We do not know how many."
    return (f"There are steps{where}: {quantity(count, 'step')}.",)


def entrance_lines(facts: dict) -> list:
    """What a person finds at one entrance, one fact per line (each line names its fact)."""
    return _told(facts, _entrance_lines) or [line("question", "We have no information about this entrance.")]


def _entrance_lines(known: dict) -> list:
    lines = yes_no_lines(known, _ENTRANCE_FACTS)
    if "steps" in known:
        lines.append(line("steps", *_steps_sentences(known["steps"], ""),
                          "There are handrails." if known.get("handrail") else None, fact="steps")
                     if known["steps"] else line(NEGATED + "steps", "There are no steps.", fact="steps"))
    if known.get("advance_notice"):
        lines.append(line("phone", call_ahead(known["advance_notice"]), fact="advance_notice"))
    if "door_width" in known:
        lines.append(line("door", "The door is wide.", fact="door_width") if known["door_width"] >= 90 else
                     line("warning", "The door is narrow.", fact="door_width"))
    if "threshold" in known:
        height = known["threshold"]
        lines.append(line("warning", "There is a high threshold at the door.", fact="threshold") if height > 2 else
                     line("door", "There is no threshold at the door." if height == 0 else
                          "There is a low threshold at the door.", fact="threshold"))
    if known.get("disabled_parking"):
        lines.append(line("parking", f"Parking for disabled people: {quantity(known['disabled_parking'], 'bay')}.",
                          fact="disabled_parking"))
    return lines


def inside_lines(facts: dict, *, kind) -> list:
    """What a person finds inside the building, one fact per line (each line names its fact); kind: the place's
    KindWords."""
    return _told(facts, lambda known: _inside_lines(known, kind)) or [
        line("question", "We have no information about the inside of the building.")]


def _inside_lines(known: dict, kind) -> list:
    lines = []
    if "floor" in known:
        lines.append(line("desk", _floor_sentence(known["floor"], kind),
                          _room_sentence(known["room"], kind) if "room" in known else None, fact="floor"))
    if known.get("steps_inside"):
        lines.append(line("steps", *_steps_sentences(known["steps_inside"], " in the building"),
                          fact="steps_inside"))
    if "room_door_width" in known and known["room_door_width"] < 90:
        lines.append(line("warning", f"The {kind.room} door is narrow.", fact="room_door_width"))
    if known.get("room_threshold", 0) > 2:
        lines.append(line("warning", f"The {kind.room} door has a high threshold.", fact="room_threshold"))
    return lines + yes_no_lines(known, _INSIDE_FACTS)


def clock_time(value: str) -> str:
    """A time of the data ('16:30') as British readers know it: '4:30pm', '8am', '12 noon', 'midnight'."""
    hours, minutes = (int(part) for part in value.split(":"))
    if hours % 24 == 0 and minutes == 0:
        return "midnight"
    if hours == 12 and minutes == 0:
        return "12 noon"
    shown = f"{(hours - 1) % 12 + 1}" + (f":{minutes:02d}" if minutes else "")
    return shown + ("pm" if 12 <= hours < 24 else "am")


def _days(days: list) -> str:
    if len(days) == 1:
        return _DAY_NAMES[days[0]]
    return f"{_DAY_NAMES[days[0]]} {'and' if len(days) == 2 else 'to'} {_DAY_NAMES[days[-1]]}"


def hours_lines(hours) -> EasyLine:
    """Opening hours as short sentences: consecutive days with the same hours share one line."""
    if hours is None:
        return line("clock", "We have no information about the opening hours.")  # the edition adds the number
    said = []
    for days, day_spans in day_groups(hours):
        what = "open 24 hours" if tuple(day_spans or ()) == ALL_DAY else \
            " and ".join(f"{clock_time(a)} to {clock_time(b)}" for a, b in day_spans) if day_spans else "closed"
        said.append(f"{_days(days)}: {what}.")
    return line("clock", *said)
