"""Easy-read phrasing (ER-03, ER-04): short imperative sentences, each line with the pictogram it sits beside.

Landmarks come before metres, there are no abbreviations or Roman numerals, and numbers are digits.
Polish only, like the checker in easyread.py.
"""

from __future__ import annotations

from functools import partial

from ...media import NEGATED
from .readability import expand_name, sentences
from ...data.model import DAYS
from ..easy import EasyLine, line, short_time, told, warning_sentences, yes_no_lines
from .. import ALL_DAY, capital, day_groups
from .phrasing import SIDES, call_ahead, go_to_level, level, numbered, quantity, room_of

__all__ = ["EasyLine", "route_lines", "entrance_lines", "inside_lines", "hours_lines", "barrier_sentence",
           "short_entrance_name"]

_FROM_DAY = dict(zip(DAYS, ("poniedziałku", "wtorku", "środy", "czwartku", "piątku", "soboty", "niedzieli")))
_ON_DAY = dict(zip(DAYS, ("w poniedziałek", "we wtorek", "w środę", "w czwartek", "w piątek", "w sobotę",
                          "w niedzielę")))
_TURNS = {"slight_left": ("turn_left", "Skręć lekko w lewo"), "left": ("turn_left", "Skręć w lewo"),
          "sharp_left": ("turn_left", "Skręć mocno w lewo"), "slight_right": ("turn_right", "Skręć lekko w prawo"),
          "right": ("turn_right", "Skręć w prawo"), "sharp_right": ("turn_right", "Skręć mocno w prawo"),
          "u_turn": ("turn_left", "Zawróć")}
_BARRIERS = {
    "steps": "Na drodze są schody.", "kerb": "Na drodze jest wysoki krawężnik.", "incline": "Droga jest za stroma.",
    "ramp_incline": "Pochylnia jest za stroma.", "width": "Przejście jest za wąskie.",
    "door_width": "Drzwi wejściowe są za wąskie.",
    "surface": "Droga jest nierówna.", "smoothness": "Droga jest nierówna.", "threshold": "W drzwiach jest wysoki próg.",
    "locked": "Drzwi są zamknięte i nie ma dzwonka.", "accessible": "To wejście nie jest dla osób na wózku.",
    "lift": "Nie ma windy.", "no_lift": "Nie ma windy.", "room_door_width": "Drzwi w budynku są za wąskie.",
    "room_threshold": "W budynku jest wysoki próg w drzwiach.", "signals": "Na przejściu nie ma świateł.",
}
_WARNINGS = {"kerb": "Uwaga: tu jest krawężnik.", "steep": "Uwaga: tu jest stromo.",
             "no_handrail": "Tu nie ma poręczy.", "open_area": "Uwaga: tu jest duży, otwarty plac."}


def short_entrance_name(name: str) -> str:
    """'Wejście B (z pochylnią, przy windzie)' → 'wejście B'."""
    short = name.split(" (")[0]
    return short[:1].lower() + short[1:]


def _street(name) -> str | None:
    """A street or square name as a sentence, or None when the path has no such name."""
    if isinstance(name, str) and name.split()[0].lower() in ("ul.", "pl.", "al."):
        return f"To jest {expand_name(name)}."
    return None


def _walk(step, previous_name) -> list:
    lines = []
    pictogram, turn = _TURNS.get(step.turn, ("walk_straight", None))
    if turn:
        sentence = f"Za {quantity(step.cue_before_m, 'metre')} {turn[0].lower()}{turn[1:]}." if step.cue_before_m \
            else f"{turn}."
        lines.append(line(pictogram, sentence))
    if step.action == "ramp":
        move = ("Jedź albo idź pochylnią.",)
        pictogram = "ramp"
    elif step.landmark:
        move = ("Idź prosto.", f"Po drodze jest: {expand_name(step.landmark)}.")
        pictogram = "walk_straight"
    elif step.distance_m < 10:
        move = ("Zrób kilka kroków prosto.",)
        pictogram = "walk_straight"
    else:
        move = (f"Idź prosto około {quantity(step.distance_m, 'metre')}.",)
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
    light_sentence = {True: "Na przejściu są światła.", False: "Na przejściu nie ma świateł."}.get(
        lights, "Nie mamy informacji o światłach.")
    street = _street(step.name)
    lines.append(line("crossing_lights" if lights else "crossing", "Przejdź przez ulicę.", street, light_sentence,
                      *warning_sentences(step, _WARNINGS)))
    sound = crossing.get("sound_signal")
    if lights and sound is not None:
        lines.append(line("sound_signal", "Światła mają sygnał dźwiękowy.") if sound else
                     line(NEGATED + "sound_signal", "Światła nie mają dźwięku."))
    return lines


def _departure(step) -> list:
    """Which way to set off: the road on one side, and what to walk to."""
    side = SIDES.get(step.road_side)
    kind, name = step.towards or (None, None)
    goal = ("Idź do przejścia dla pieszych.",) if kind == "crossing" else \
        ("Idź prosto.", f"Po drodze jest: {expand_name(name)}.") if kind == "landmark" else \
        (f"Idź w stronę: {expand_name(name)}.",) if kind == "street" else ()
    if not (side or goal):
        return []
    return [line("walk_straight", *goal, f"Ulica jest {side}." if side else None)]  # the walk follows


def _arrive(step) -> list:
    facts = step.facts
    name = step.name.get("pl") if isinstance(step.name, dict) else step.name
    lines = [line("door", "Jesteś na miejscu.", f"To jest {short_entrance_name(name or 'wejście')}.")]
    for code in step.warnings:  # how this group passes the steps, and the call it must make first
        what, _, hours = code.partition(":")
        if what == "platform_lift":
            lines.append(line("lift", "Przy schodach jest podnośnik.", "Wjedź nim na górę."))
        elif what == "stair_climber":
            lines.append(line("steps", "Przy schodach jest schodołaz.", "Pracownik wwiezie Cię nim po schodach."))
        elif what == "advance_notice":
            lines.append(line("phone", call_ahead(int(hours) if hours else True)))
    if facts.get("automatic_door"):
        lines.append(line("door", "Drzwi otwierają się same."))
    if facts.get("bell") or facts.get("intercom"):
        lines.append(line("doorbell", "Przy drzwiach jest dzwonek." if facts.get("bell") else
                          "Przy drzwiach jest domofon."))
    if facts.get("locked"):
        lines.append(line("doorbell", "Drzwi są zwykle zamknięte.", "Zadzwoń dzwonkiem."))
    return lines


def _floor_sentence(floor: int, kind) -> str:
    where = level(floor, where=True, dot=False)
    return f"{capital(kind.destination)} jest {'pod ziemią, ' if floor < 0 else ''}{where}."


def _room_sentence(name: str, kind) -> str:
    """'Pokój numer 12.', or for a room known by its name 'Idź do miejsca: kasy.'"""
    return f"{capital(kind.room)} numer {name}." if numbered(name) else f"Idź {room_of(name, kind, to=True)}."


_VEHICLE_FROM = {"tram": "z tramwaju ", "bus": "z autobusu "}


def route_lines(steps, *, origin_kind: str, origin_name: str, origin_pictogram: str, kind) -> list:
    """The easy-read lines of one route, from the start to the place's door and desk; origin_pictogram shows
    the start (tram, bus, a stop of either, parking); kind: the place's KindWords."""
    start = line(origin_pictogram, "Start: parking przy budynku.") if origin_kind == "parking" else \
        line(origin_pictogram, f"Wysiądź {_VEHICLE_FROM.get(origin_pictogram, '')}na przystanku {expand_name(origin_name)}.")
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
            lines.append(line("steps", f"Tu są schody{count}.", *warning_sentences(step, _WARNINGS)))
        elif step.action == "lift":
            lines.append(line("lift", "Jedź windą na dół albo na górę."))
        elif step.action == "arrive":
            lines += _arrive(step)
        elif step.action == "enter":
            lines.append(line("door", "Wejdź do budynku."))
        elif step.action == "lift_up":
            lines.append(line("lift", go_to_level(step.count, lift=True, dot=False)))
        elif step.action == "stairs_up" and ("unknown:lift" in step.warnings or "no_lift" in step.warnings):
            lift = "Nie ma windy." if "no_lift" in step.warnings else "Nie mamy informacji o windzie."
            lines += [line("desk", _floor_sentence(step.count, kind)),  # no lift, or nothing known of one
                      line(NEGATED + "lift" if "no_lift" in step.warnings else "question", lift)]
        elif step.action == "stairs_up":
            lines.append(line("steps", go_to_level(step.count, lift=False, dot=False)))
        elif step.action == "staff_come_down":
            lines += _staff_come_down(step, kind)
        elif step.action == "room":
            floor = None if floor_told else _floor_sentence(step.count, kind) if step.count is not None else \
                f"Zapytaj o drogę {kind.to_destination}."
            if floor or step.name:
                lines.append(line("desk" if step.count is not None else "question", floor,
                                  f"Idź {room_of(step.name, kind, to=True)}." if step.name else None))
        floor_told = step.action in ("lift_up", "stairs_up")
    return lines


def _staff_come_down(step, kind) -> list:
    """Staff come to the entrance: where the destination is, why the reader cannot get there, and who comes."""
    lines = [line("desk", _floor_sentence(step.count, kind) if step.count is not None else
                  f"Nie wiemy, gdzie jest {kind.destination}.")]
    if "barrier:lift" in step.warnings:
        lines.append(line(NEGATED + "lift", "Nie ma windy."))
    elif "unknown:lift" in step.warnings:
        lines.append(line("question", "Nie mamy informacji o windzie."))
    lines += [line("warning", barrier_sentence(code.partition(":")[2])) for code in step.warnings
              if code.startswith("barrier:") and code != "barrier:lift"]
    come = "Pracownik zejdzie do Ciebie na dół." if step.count else "Pracownik przyjdzie do Ciebie do wejścia."
    return lines + [line("conversation", come)]  # the route ends with the number to call


def barrier_sentence(attribute: str, *, reason: str | None = None) -> str:
    """A barrier in a sentence or two; reason: why the aid that is there does not help."""
    why = {"stair_climber": " Schodołaz nie uniesie wózka z silnikiem."}.get(reason, "")
    return _BARRIERS.get(attribute, "Na drodze jest przeszkoda.") + why


# Yes/no facts: pictogram, the sentence for yes, the sentence for no (None: say nothing when no), and the
# pictogram for no (by default the pictogram crossed out, as the sentence says there is none). A fact that may
# say how (sign_language: remote) has the sentences for each value instead of the one for yes.
_ENTRANCE_FACTS = {
    "accessible": ("wheelchair", "To wejście jest dla osób na wózku.", "To wejście nie jest dla osób na wózku."),
    "ramp": ("ramp", "Jest pochylnia.", "Nie ma pochylni."),
    "platform_lift": ("lift", ("Przy schodach jest podnośnik.", "Możesz nim wjechać wózkiem."), None),
    "stair_climber": ("steps", ("Przy schodach jest schodołaz.", "Obsługuje go pracownik."), None),
    "automatic_door": ("door", "Drzwi otwierają się same.", "Drzwi otwierasz ręką.", "door"),
    "bell": ("doorbell", "Jest dzwonek.", None), "intercom": ("doorbell", "Jest domofon.", None),
    "audio_beacon": ("sound_signal", "Nad wejściem jest sygnalizator dźwiękowy.", None),
    "locked": ("warning", "Drzwi są zwykle zamknięte.", None),
}
_INSIDE_FACTS = {
    "lift": ("lift", "Jest winda.", "Nie ma windy."),
    "stairs_handrail": ("steps", "Schody mają poręcze.", None),
    "staff_come_down": ("conversation", ("Pracownik może przyjść do Ciebie do wejścia.", "Zadzwoń przed wizytą."),
                        None),
    "accessible_toilet": ("toilet", "Jest toaleta dla osób na wózku.", "Nie ma toalety dla osób na wózku."),
    "induction_loop": ("hearing_loop", "Jest pętla indukcyjna.", "Nie ma pętli indukcyjnej."),
    "sign_language": ("sign_language", {True: "Jest pomoc w języku migowym.",
                                        "on_site": "Pracownik zna język migowy.",
                                        "remote": ("Jest tłumacz języka migowego.", "Miga do Ciebie na ekranie."),
                                        "appointment": ("Jest tłumacz języka migowego.", "Umów go przed wizytą.")},
                      None),
    "guide_dogs": ("guide_dog", "Możesz wejść z psem przewodnikiem.", None),
    "seating": ("information", "Są miejsca do siedzenia.", None),
}
_UNCERTAIN = "Nie wiemy tego na pewno."  # after a fact whose sources disagree (the newest one's value is told)
_told = partial(told, lang="pl", sentences=sentences, uncertain=_UNCERTAIN)


def _steps_sentences(count, where: str) -> tuple:
    """'Są schody: 4 stopnie.', or for steps nobody counted, that there are steps and the number is not known."""
    if count is True:
        return f"{where} schody.", "Nie znamy liczby stopni."
    return (f"{where} schody: {quantity(count, 'step')}.",)


def entrance_lines(facts: dict) -> list:
    """What a person finds at one entrance, one fact per line (each line names its fact)."""
    return _told(facts, _entrance_lines) or [line("question", "Nie mamy informacji o tym wejściu.")]


def _entrance_lines(known: dict) -> list:
    lines = yes_no_lines(known, _ENTRANCE_FACTS)
    if "steps" in known:
        lines.append(line("steps", *_steps_sentences(known["steps"], "Są"),
                          "Są poręcze." if known.get("handrail") else None, fact="steps") if known["steps"] else
                     line(NEGATED + "steps", "Nie ma schodów.", fact="steps"))
    if known.get("advance_notice"):
        lines.append(line("phone", call_ahead(known["advance_notice"]), fact="advance_notice"))
    if "door_width" in known:
        lines.append(line("door", "Drzwi są szerokie.", fact="door_width") if known["door_width"] >= 90 else
                     line("warning", "Drzwi są wąskie.", fact="door_width"))
    if "threshold" in known:
        height = known["threshold"]
        lines.append(line("warning", "Jest wysoki próg.", fact="threshold") if height > 2 else
                     line("door", "Wejście jest bez progu." if height == 0 else "Jest niski próg.", fact="threshold"))
    if known.get("disabled_parking"):
        lines.append(line("parking", f"Parking dla osób z niepełnosprawnością: "
                                      f"{quantity(known['disabled_parking'], 'bay')}.", fact="disabled_parking"))
    return lines


def inside_lines(facts: dict, *, kind) -> list:
    """What a person finds inside the building, one fact per line (each line names its fact); kind: the place's
    KindWords."""
    return _told(facts, lambda known: _inside_lines(known, kind)) or [
        line("question", "Nie mamy informacji o wnętrzu budynku.")]


def _inside_lines(known: dict, kind) -> list:
    lines = []
    if "floor" in known:
        lines.append(line("desk", _floor_sentence(known["floor"], kind),
                          _room_sentence(known["room"], kind) if "room" in known else None, fact="floor"))
    if known.get("steps_inside"):
        lines.append(line("steps", *_steps_sentences(known["steps_inside"], "W budynku są"), fact="steps_inside"))
    if "room_door_width" in known and known["room_door_width"] < 90:
        lines.append(line("warning", f"Drzwi {kind.to_room} są wąskie.", fact="room_door_width"))
    if known.get("room_threshold", 0) > 2:
        lines.append(line("warning", f"W drzwiach {kind.to_room} jest wysoki próg.", fact="room_threshold"))
    return lines + yes_no_lines(known, _INSIDE_FACTS)


def hours_lines(hours) -> EasyLine:
    """Opening hours as short sentences: consecutive days with the same hours share one line."""
    if hours is None:
        return line("clock", "Nie mamy informacji o godzinach.")  # the edition adds the number to call
    sentences = []
    for days, spans in day_groups(hours):
        when = _ON_DAY[days[0]] if len(days) == 1 else f"od {_FROM_DAY[days[0]]} do {_FROM_DAY[days[-1]]}"
        if len(days) == 2:
            when = f"{_ON_DAY[days[0]]} i {_ON_DAY[days[1]]}"
        what = "otwarte całą dobę" if tuple(spans or ()) == ALL_DAY else \
            " i ".join(f"od {short_time(a)} do {short_time(b)}" for a, b in spans) if spans else "zamknięte"
        sentences.append(f"{when[0].upper()}{when[1:]}: {what}.")
    return line("clock", *sentences)
