"""The standard register in Polish: route steps, barriers, facts, hours and map descriptions as sentences
(plural rules from Babel's CLDR data)."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date

from ...data.model import DAYS
from .. import ALL_DAY, capital, checked, numbered, unchecked_apart
from ...routing.directions import Step
from .morphology import inflect_name, noun_form
from .readability import display_name

__all__ = ["plural", "plural_of", "quantity", "written_date", "level", "go_to_level", "numbered", "room_of", "call_ahead", "describe_step", "describe_barrier", "describe_unknown",
           "describe_status", "describe_map", "describe_stop", "warning_notes", "fact_sentences", "opening_hours",
           "service_hours"]

_DAY_NAMES = dict(zip(DAYS, ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")))
_FACT_LABELS = {
    "accessible": "Dostępne dla osób na wózku", "steps": "Schody", "ramp": "Pochylnia",
    "ramp_incline": "Nachylenie pochylni", "handrail": "Poręcze", "door_width": "Szerokość drzwi", "threshold": "Próg",
    "automatic_door": "Drzwi automatyczne", "bell": "Dzwonek", "intercom": "Domofon",
    "audio_beacon": "Sygnalizator dźwiękowy (np. Totupoint)", "locked": "Zwykle zamknięte",
    "tactile_paving": "Ścieżka dotykowa", "contrast_marking": "Kontrastowe oznaczenie stopni",
    "disabled_parking": "Miejsca parkingowe dla osób z niepełnosprawnościami", "floor": "Piętro",
    "lift": "Winda", "stairs_handrail": "Poręcze przy schodach",
    "accessible_toilet": "Toaleta dla osób z niepełnosprawnościami", "induction_loop": "Pętla indukcyjna",
    "sign_language": "Pomoc w polskim języku migowym", "guide_dogs": "Psy przewodniki i asystujące wpuszczane",
    "seating": "Miejsca do siedzenia", "platform_lift": "Podnośnik platformowy przy schodach",
    "stair_climber": "Schodołaz przy schodach, obsługiwany przez pracownika",
    "advance_notice": "Dostępne wejście wymaga uprzedzenia",
}
_UNITS = {"door_width": "cm", "threshold": "cm", "room_door_width": "cm", "room_threshold": "cm", "ramp_incline": "%"}

_NOUNS = {
    "metre": {"one": "metr", "few": "metry", "many": "metrów", "other": "metra"},
    "step": {"one": "stopień", "few": "stopnie", "many": "stopni", "other": "stopnia"},
    "minute": {"one": "minuta", "few": "minuty", "many": "minut", "other": "minuty"},
    "crossing": {"one": "przejście", "few": "przejścia", "many": "przejść", "other": "przejścia"},
    "turn": {"one": "skręt", "few": "skręty", "many": "skrętów", "other": "skrętu"},
    "bay": {"one": "miejsce", "few": "miejsca", "many": "miejsc", "other": "miejsca"},
    "hour": {"one": "godzina", "few": "godziny", "many": "godzin", "other": "godziny"},
}

_PL = {
    "turn": {"straight": "Idź prosto", "slight_left": "Skręć lekko w lewo", "left": "Skręć w lewo",
             "sharp_left": "Skręć ostro w lewo", "slight_right": "Skręć lekko w prawo", "right": "Skręć w prawo",
             "sharp_right": "Skręć ostro w prawo", "u_turn": "Zawróć"},
    "cue": {"slight_left": "skręć lekko w lewo", "left": "skręć w lewo", "sharp_left": "skręć ostro w lewo",
            "slight_right": "skręć lekko w prawo", "right": "skręć w prawo", "sharp_right": "skręć ostro w prawo",
            "u_turn": "zawróć"},
    "compass": {"north": "północ", "north_east": "północny wschód", "east": "wschód", "south_east": "południowy wschód",
                "south": "południe", "south_west": "południowy zachód", "west": "zachód", "north_west": "północny zachód"},
    "attribute": {"steps": "schody", "kerb": "krawężnik", "threshold": "próg w drzwiach wejściowych",
                  "width": "szerokość chodnika",
                  "door_width": "szerokość drzwi wejściowych",
                  "incline": "nachylenie", "ramp_incline": "nachylenie pochylni", "surface": "nawierzchnia",
                  "smoothness": "równość nawierzchni", "locked": "drzwi zamknięte, bez dzwonka i domofonu",
                  "lift": "winda", "room_door_width": "szerokość drzwi wewnętrznych",
                  "room_threshold": "próg w drzwiach wewnętrznych", "signals": "sygnalizacja na przejściu",
                  "floor": "piętro", "no_lift": "brak windy",
                  "accessible": "wejście oznaczone jako niedostępne dla wózków", "ramp": "pochylnia",
                  "platform_lift": "podnośnik platformowy", "stair_climber": "schodołaz",
                  "advance_notice": "uprzedzenie o wizycie", "steps_inside": "schody w budynku",
                  "staff_come_down": "czy pracownik przyjdzie do wejścia"},
}


def plural_of(n: float, forms: dict) -> str:
    """The form that n needs, from forms by CLDR plural category (one, few, many, other): the one plural
    engine of the pack, Babel's CLDR rules."""
    return forms.get(Locale("pl").plural_form(n), forms.get("other", forms.get("many")))


def plural(n: float, noun: str) -> str:
    """The noun in the grammatical number that n needs: 1 metr, 2 metry, 5 metrów."""
    return plural_of(n, _NOUNS[noun])


def _num(n: float) -> str:
    """A number as written in Polish: 2,5."""
    return f"{n:g}".replace(".", ",")


def quantity(n: float, noun: str, *, about: bool = False) -> str:
    """'5 metrów'; about=True: 'około 2 minut' (około takes the genitive: singular after 1 or a fraction)."""
    if about:
        return f"około {_num(n)} {noun_form(_NOUNS[noun]['one'], 'sg' if n == 1 or n % 1 else 'pl', 'gen')}"
    return f"{_num(n)} {plural(n, noun)}"


def written_date(iso: str) -> str:
    """A date written out (ER-04) to the precision it was given: '2026-11-23' → '23 listopada 2026',
    '2026-11' → 'listopad 2026', '2026' → '2026'."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    return format_date(day, format="long" if len(parts) == 3 else "LLLL y", locale="pl")


def _text(value):
    return value.get("pl") or next(iter(value.values())) if isinstance(value, dict) else value


def _signals(crossing: dict) -> str:
    """What a crossing has, then what nobody has checked, 'brak danych' said once:
    'Na przejściu: ..., ...; brak danych: ...'."""
    parts, unknown = checked(crossing, (("traffic_lights", "sygnalizacja świetlna", "bez sygnalizacji świetlnej"),
                                        ("sound_signal", "sygnał dźwiękowy", "bez sygnału dźwiękowego"),
                                        ("tactile_paving", "ścieżka dotykowa", "bez ścieżki dotykowej")))
    if not parts:
        return f"Na przejściu brak danych: {', '.join(unknown)}."
    return f"Na przejściu: {', '.join(parts)}" + (f"; brak danych: {', '.join(unknown)}." if unknown else ".")


SIDES = {"left": "po lewej stronie", "right": "po prawej stronie"}  # road_side and building_line in words


def _street(name, case: str, *, bare: str = "") -> str:
    """' wzdłuż ulicy Nowowiejskiej' (the name inflected by the SGJP dictionary) or, when the dictionary cannot
    inflect it, the name as it is in brackets: ' (ul. Braniborska)'."""
    if not name:
        return ""
    inflected = inflect_name(_text(name), case)
    return f" {bare}{inflected}" if inflected else f" ({_text(name)})"


def _towards(towards) -> str:
    """What to head for, in words: the crossing, the next street, a landmark or the place itself."""
    kind, name = towards  # kind: crossing, street, along (the street walked), landmark or place
    if kind == "crossing":
        across = inflect_name(name, "acc") if name else None
        return "w stronę przejścia dla pieszych" + (f" przez {across}" if across else f" ({name})" if name else "")
    if kind == "street":
        street = inflect_name(name, "gen")
        return f"w stronę {street}" if street else f"w stronę ulicy: {name}"
    if kind == "along":
        street = inflect_name(name, "gen")
        return f"chodnikiem wzdłuż {street}" if street else f"chodnikiem ({name})"
    if kind == "landmark":
        return f"w stronę punktu orientacyjnego: {_text(name)}"
    return f"w stronę budynku: {_text(name)}"


def _departure(step: Step) -> str:
    """The start: which way to face, told by the road and what to head for; the compass point after them."""
    stop = "przystanek " if step.facts.get("origin_kind") == "stop" else ""
    text = f"Start: {stop}{display_name(_text(step.name))}."
    if step.road_side:
        text += f" Stań tak, aby jezdnia była {SIDES[step.road_side]}."
    if step.towards:
        text += f" Idź {_towards(step.towards)}."
    if step.heading:
        text += f" Kierunek: {_PL['compass'][step.heading]}."
    crossings = quantity(step.crossings, "crossing") + " przez jezdnię" if step.crossings else "bez przejść przez jezdnię"
    turns = quantity(step.turns, "turn") if step.turns else "bez skrętów"
    return text + f" Na trasie: {crossings}, {turns}."


def _beside(step: Step) -> str:
    """What a person can follow beside the walk: the road on one side, a building line on the other."""
    text = f" Jezdnia jest {SIDES[step.road_side]}." if step.road_side else ""
    if step.building_line:
        text += f" Budynki są {SIDES[step.building_line]}: możesz iść wzdłuż ich ściany."
    return text


def _crossing(step: Step) -> str:
    """A crossing: the cue before it, the street, its length and what it has; numbered when there are several."""
    turn = step.turn not in (None, "straight")
    if step.cue_before_m:
        where = quantity(step.cue_before_m, "metre")
        text = f"Za {where} {_PL['cue'][step.turn]}: tam jest przejście dla pieszych. " if turn else \
            f"Za {where} jest przejście dla pieszych. "
    else:
        text = f"{_PL['turn'][step.turn]}. " if turn else ""
    across = inflect_name(_text(step.name), "acc") if step.name else None
    what = across or "jezdnię" + (f" ({_text(step.name)})" if step.name else "")
    text += f"Przejdź przez {what} przejściem dla pieszych, {quantity(step.distance_m, 'metre')}."
    if step.crossings:
        text += f" To przejście numer {step.crossings} na trasie."
    return text + " " + _signals(step.crossing or {})


def level(floor: int, *, where: bool = False, dot: bool = True) -> str:
    """A floor: '2. piętro', 'parter', 'poziom -1' below ground; where=True the place: 'na 2. piętrze',
    'na parterze', 'na poziomie -1'; dot=False as easy-read writes it: '2 piętro'."""
    number = f"{floor}." if dot else str(floor)
    if floor == 0:
        return "na parterze" if where else "parter"
    if floor < 0:
        return f"na poziomie {floor}" if where else f"poziom {floor}"
    return f"na {number} piętrze" if where else f"{number} piętro"


def go_to_level(floor: int, *, lift: bool, dot: bool = True) -> str:
    """'Wjedź windą na 2. piętro.', 'Zejdź schodami na poziom -1.': up or down, by lift or by the stairs."""
    verb = ("Zjedź" if floor < 0 else "Wjedź") if lift else ("Zejdź" if floor < 0 else "Wejdź")
    return f"{verb} {'windą' if lift else 'schodami'} na {level(floor, dot=dot)}."


def room_of(name: str, kind, *, to: bool = False) -> str:
    """A room by its number in the kind's words ('pokój 12', to=True: 'do pokoju 12'), or by its name when it
    has no number ('kasy', 'do miejsca: kasy')."""
    if numbered(name):
        return f"{kind.to_room if to else kind.room} {name}"
    return f"do miejsca: {name}" if to else name


def call_ahead(hours) -> str:
    """When to call before the visit: 'Zadzwoń co najmniej 24 godziny przed wizytą.'; hours True: not known."""
    if hours is True:
        return "Zadzwoń przed wizytą."
    return f"Zadzwoń co najmniej {'godzinę' if hours == 1 else quantity(hours, 'hour')} przed wizytą."


def _door(facts: dict) -> str:
    """What a person meets at the door, from the entrance's known facts."""
    parts = []
    if facts.get("ramp"):
        parts.append("pochylnia")
    if facts.get("steps"):
        rail = " z poręczą" if facts.get("handrail") else ""
        parts.append(f"schody{rail}, liczba stopni nieznana" if facts["steps"] is True else  # nobody counted them
                     quantity(facts["steps"], "step") + rail)
    if facts.get("platform_lift"):
        parts.append("podnośnik platformowy przy schodach")
    if facts.get("stair_climber"):
        parts.append("schodołaz przy schodach (obsługuje go pracownik)")
    if facts.get("door_width"):
        parts.append(f"drzwi szerokości {facts['door_width']} cm")
    if "threshold" in facts:
        parts.append(f"próg {facts['threshold']} cm" if facts["threshold"] else "bez progu")
    for key, yes, no in (("automatic_door", "drzwi automatyczne", "drzwi otwierane ręcznie"),
                         ("bell", "dzwonek", None), ("intercom", "domofon", None),
                         ("audio_beacon", "sygnalizator dźwiękowy nad wejściem", None)):
        if facts.get(key):
            parts.append(yes)
        elif facts.get(key) is False and no:
            parts.append(no)
    if facts.get("locked"):
        parts.append("drzwi zwykle zamknięte")
    return f" {parts[0][0].upper()}{', '.join(parts)[1:]}." if parts else ""


def _warning(code: str) -> str | None:
    kind, _, value = code.partition(":")
    if kind == "kerb":
        return f"krawężnik {_num(float(value))} cm"
    if kind == "steep":
        return f"stromo, nachylenie {_num(abs(float(value)))}%"
    if kind == "no_handrail":
        return "brak poręczy"
    if kind == "open_area":
        return "otwarty plac bez prowadzenia"
    if kind == "no_sound_signal":
        return "brak sygnału dźwiękowego, poproś kogoś o pomoc przy przechodzeniu"
    if kind == "no_tactile_paving":
        return "brak ścieżki dotykowej, krawędź jezdni trudno wyczuć laską"
    if kind == "platform_lift":
        return "schody pokonasz podnośnikiem platformowym"
    if kind == "stair_climber":
        return "schody pokonasz na schodołazie z pomocą pracownika: zadzwoń przed wizytą"
    if kind == "advance_notice":
        return "to wejście wymaga uprzedzenia: " + call_ahead(int(value) if value else True)[:-1].lower()
    return None  # a barrier ("barrier:…") is told with its measure and limit, by describe_barrier


def describe_step(step: Step, *, kind) -> str:
    """One step as a Polish sentence (or a few short ones); kind: the place's KindWords (biuro, pokój)."""
    distance = quantity(step.distance_m, "metre") if step.distance_m else ""
    name = f" ({_text(step.name)})" if step.name and step.action not in ("depart", "arrive", "enter", "room") else ""
    if step.action == "depart":
        text = _departure(step)
    elif step.action in ("walk", "ramp"):
        how = "pochylnią " if step.action == "ramp" else ""
        along = _street(step.name, "gen", bare="wzdłuż ") if step.action == "walk" else name
        if step.cue_before_m and step.turn not in (None, "straight"):
            text = f"Za {quantity(step.cue_before_m, 'metre')} {_PL['cue'][step.turn]}. Potem idź {how}{distance}{along}."
        elif step.turn in (None, "straight"):
            text = f"Idź prosto {how}{distance}{along}."
        else:
            text = f"{_PL['turn'][step.turn]} i idź {how}{distance}{along}."
        if step.action == "ramp" and step.incline is not None:
            text += f" Nachylenie {_num(abs(step.incline))}%."
        text += _beside(step)
    elif step.action == "cross":
        text = _crossing(step)
    elif step.action == "steps":
        count = quantity(step.count, "step") if step.count else "schody (brak danych o liczbie stopni)"
        text = f"Pokonaj {count}{name}."
    elif step.action == "lift":
        text = f"Skorzystaj z windy zewnętrznej{name}."
    elif step.action == "arrive":
        text = f"Jesteś przy wejściu: {_text(step.name)}." + _door(step.facts)
    elif step.action == "enter":
        text = f"Wejdź do budynku ({step.name})."
    elif step.action == "lift_up":
        text = go_to_level(step.count, lift=True)
    elif step.action == "stairs_up" and "unknown:lift" in step.warnings:
        text = f"{capital(kind.destination)} jest {level(step.count, where=True)}. Nie wiemy, czy jest tam winda: " \
               "zapytaj przed wizytą."
    elif step.action == "stairs_up" and "no_lift" in step.warnings:
        text = f"{capital(kind.destination)} jest {level(step.count, where=True)}, a w budynku nie ma windy."
    elif step.action == "stairs_up":
        text = go_to_level(step.count, lift=False)
    elif step.action == "staff_come_down":
        text = _staff_come_down(step, kind)
    elif step.action == "room":
        room = "." if not step.name else f", {room_of(step.name, kind)}." if numbered(step.name) else \
            f". Idź {room_of(step.name, kind, to=True)}."  # 'pokój 12'; a named one: 'Idź do miejsca: kasy'
        if step.count is None:
            text = f"Brak danych, na którym piętrze jest {kind.destination}" + room
        elif step.count == 0:
            text = f"{capital(kind.destination)} jest {level(0, where=True)}" + room
        else:  # the step before, by lift or stairs, has told the floor: only the room is new
            text = f"Idź {room_of(step.name, kind, to=True)}." if step.name else ""
    else:
        text = step.action
    if step.landmark and step.action in ("walk", "ramp", "cross"):
        text += f" Punkt orientacyjny: {step.landmark}."
    notes = warning_notes(step.warnings) if step.action not in ("stairs_up", "staff_come_down") else ""
    if notes:
        text += f" Uwaga: {notes}."
    return text


def _staff_come_down(step: Step, kind) -> str:
    """Staff come to the entrance: why the reader cannot reach the destination, and the call that asks them to."""
    floor = step.count
    text = f"Nie wiemy, na którym piętrze jest {kind.destination}." if floor is None else \
        f"{capital(kind.destination)} jest {level(floor, where=True)}."
    for code in step.warnings:
        what, _, value = code.partition(":")
        if code == "barrier:lift":
            text += " W budynku nie ma windy."
        elif code == "unknown:lift":
            text += " Nie wiemy, czy jest tam winda."
        elif what == "barrier":
            text += f" Na drodze {kind.to_destination}: {_PL['attribute'].get(value, value)}."
    come = "zejdzie" if floor else "przyjdzie"
    return text + f" Pracownik {come} do Ciebie do wejścia."  # the route's call-ahead line after it says whom to call


def describe_barrier(attribute: str, value, limit, unit: str, place: str | None, *, kind: str | None = None,
                     reason: str | None = None) -> str:
    """RT-3: the barrier, its measured value against the profile's limit, and where it is (kind "crossing":
    place is the street crossed); reason: why the aid that is there does not help."""
    label = _PL["attribute"].get(attribute, attribute)
    if place and kind == "crossing":
        across = inflect_name(place, "acc")
        place = f"przejście przez {across}" if across else f"przejście dla pieszych, {place}"
    where = f" ({place})" if place else ""
    why = {"stair_climber": ": jest tam schodołaz, ale nie przewiezie ciężkiego wózka elektrycznego"}.get(reason, "")
    if value in (True, False, None) or not unit:
        return f"{label}{where}{why}"
    if attribute == "steps":
        return f"schody: {quantity(value, 'step') if isinstance(value, int) else 'liczba nieznana'}{where}{why}"
    shown = _num(value) if isinstance(value, (int, float)) else str(value)
    if attribute == "incline" and isinstance(limit, (int, float)) and limit < 0:
        return f"{label} {shown}% w dół, a dopuszczalne najwyżej {_num(-limit)}%{where}"
    if attribute.endswith("width"):
        return f"{label} {shown} {unit}, a potrzeba co najmniej {_num(limit)} {unit}{where}"
    return f"{label} {shown} {unit}, a dopuszczalne najwyżej {_num(limit)} {unit}{where}"


def describe_status(status: str) -> str:
    return {"ok": "trasa dostępna", "unverified": "trasa zależna od brakujących danych",
            "no_route": "brak dostępnej trasy"}[status]


def describe_unknown(attribute: str, *, disputed: bool = False) -> str:
    """What nobody has checked, as a noun phrase: 'szerokość drzwi'; disputed: what the sources disagree about."""
    label = _PL["attribute"].get(attribute) or _lowered(_FACT_LABELS.get(attribute, attribute))
    return f"{label} (źródła się różnią)" if disputed else label


def _lowered(label: str) -> str:
    return label[:1].lower() + label[1:]


def _spans(spans) -> str:
    return "całą dobę" if tuple(spans) == ALL_DAY else ", ".join(f"{a}–{b}" for a, b in spans)


def opening_hours(hours) -> list:
    """Each day of the week with its opening hours, as (day, hours) rows of a table."""
    return [(_DAY_NAMES[day], _spans(hours.days[day]) if hours.days.get(day) else "nieczynne") for day in DAYS]


def service_hours(hours) -> str:
    """A service's own hours in one line: 'poniedziałek 08:00–15:00; środa 08:00–17:00'."""
    return "; ".join(f"{_DAY_NAMES[d]} {_spans(s)}" for d, s in hours.days.items())


def _fact_label(name: str, kind) -> str:
    """What a fact is about, in the words of the place's kind where it names the room: 'Pokój', 'Sala'."""
    labels = {"room": capital(kind.room), "steps_inside": f"Stopnie w drodze {kind.to_destination}",
              "room_door_width": f"Szerokość drzwi {kind.to_room}", "room_threshold": f"Próg w drzwiach {kind.to_room}",
              "staff_come_down": f"Pracownik przyjdzie do wejścia, gdy nie możesz dojść {kind.to_destination}"}
    return labels.get(name) or _FACT_LABELS.get(name, name)


def fact_sentences(facts: dict, *, kind) -> list:
    """Each fact as a sentence (the standard register's one wording of a fact); the source and check date
    once at the end when all facts share them. kind: the place's KindWords. A fact with several sources names them
    all, newest first, and when they disagree gives each value: 'Schody: źródła się różnią: …'."""
    sources = {(f.source, f.verified) for f in facts.values() if not f.sources}
    shared = len(sources) == 1
    texts = [_fact_sentence(name, fact, kind, with_source=not shared) for name, fact in facts.items()]
    if shared and texts:
        source, verified = sources.pop()
        texts.append(f"Źródło: {source}; {_checked(verified)}.")
    return texts


def _checked(verified: str | None) -> str:
    return f"sprawdzono: {verified}" if verified else "nie sprawdzono na miejscu"


_SIGN_LANGUAGE = {"on_site": "tak, pracownik zna polski język migowy",
                  "remote": "przez tłumacza online, na ekranie",
                  "appointment": "tłumacz po wcześniejszym umówieniu wizyty"}


def _shown(name: str, value) -> str:
    """A fact's value in words: 'tak', '4 stopnie', '90 cm'."""
    if name in ("steps", "steps_inside"):
        return "są, liczba stopni nieznana" if value is True else quantity(value, "step")
    if name == "advance_notice":
        return "nie" if not value else _lowered(call_ahead(value)[:-1])
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if name == "sign_language":
        return _SIGN_LANGUAGE[value]
    if name == "disabled_parking":
        return quantity(value, "bay")
    if name == "floor":
        return level(value)
    return f"{_num(value)} {_UNITS[name]}" if name in _UNITS else str(value)


def _noted(said: str, fact) -> str:
    """A sentence with the fact's note after it."""
    note = _text(fact.note) if fact.note else ""
    said += f" {note}" if note else ""
    return said + ("" if said[-1] in ".!?" else ".")


def _fact_sentence(name: str, fact, kind, *, with_source: bool) -> str:
    named_room = name == "room" and not numbered(str(fact.value))
    label = "Cel w budynku" if named_room else _fact_label(name, kind)  # 'Cel w budynku: kasy', not 'Sala: kasy'

    if fact.disputed:  # every source's value, newest first
        each = "; ".join(f"{_shown(name, f.value)} ({f.source}; {_checked(f.verified)})" for f in fact.sources)
        said = f"{label}: źródła się różnią: {each}."
        return " ".join([said] + [_noted("", f).strip() for f in fact.sources if f.note])
    said = _noted(f"{label}: {_shown(name, fact.value)}.", fact)  # the note, after its fact
    if fact.sources:
        return f"{said} Źródła: " + "; ".join(f"{f.source} ({_checked(f.verified)})" for f in fact.sources) + "."
    if not with_source:
        return said
    return f"{said} Źródło: {fact.source}; {_checked(fact.verified)}."


def warning_notes(codes) -> str:
    """Step warnings as one clause: 'brak sygnału dźwiękowego; krawężnik 3 cm'; what nobody has
    checked in one clause, 'brak danych' said once."""
    unknown, notes = unchecked_apart(codes, _warning, _PL["attribute"])
    return "; ".join(([f"brak danych: {', '.join(unknown)}"] if unknown else []) + notes)


_VEHICLES = {"tram": "tramwaje", "bus": "autobusy", "trolleybus": "trolejbusy", "metro": "metro", "train": "pociągi",
             "ferry": "promy"}


def describe_stop(vehicles: tuple, lines: tuple) -> str:
    """What calls at a stop, as far as the data says: 'Tu zatrzymują się tramwaje linii 3, 10.'; '' when unknown."""
    lines_text = f" linii {', '.join(lines)}" if lines else ""
    if vehicles:
        what = " i ".join(_VEHICLES[v] for v in vehicles)
        return f"Tu zatrzymują się {what}{lines_text}."
    return f"Tu zatrzymują się pojazdy{lines_text}." if lines else ""


def describe_map(*, origin_kind: str, origin_name: str, place_name: str, entrance_name: str | None,
                 length_m: float) -> tuple:
    """What a route map shows: its short alternative text and its overview (how maps are drawn is the
    document's message)."""
    length = quantity(round(length_m), "metre")
    to = f"wejścia: {entrance_name}" if entrance_name else place_name
    alt = f"Mapa trasy z przystanku {origin_name} do {to}, {length}." if origin_kind == "stop" else \
        f"Mapa trasy z parkingu do {to}, {length}."
    start = f"z przystanku {origin_name}" if origin_kind == "stop" else f"z parkingu: {origin_name}"
    overview = f"Mapa pokazuje trasę {start} do budynku {place_name}. Trasa ma {length}."
    return alt, overview
