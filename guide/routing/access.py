"""How passable one edge or door is for one profile: time cost, barriers and unknowns (RT-1, RT-2, RT-5)."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.profiles import Profile

__all__ = ["Barrier", "Unknown", "Assessment", "assess", "settled"]


@dataclass(frozen=True)
class Barrier:
    """A measured value over a profile's limit, e.g. kerb 4 cm > 2 cm; reason: why the aid that is there does not
    help this profile ("stair_climber": a stair climber cannot carry a powered wheelchair)."""

    attribute: str
    value: object
    limit: object
    unit: str
    reason: str | None = None


@dataclass(frozen=True)
class Unknown:
    """An attribute with no data that the profile needs; disputed: the sources give different values."""

    attribute: str
    policy: str  # 'forbid' or 'cost'
    disputed: bool = False


@dataclass(frozen=True)
class Assessment:
    seconds: float
    barriers: tuple
    unknowns: tuple
    warnings: tuple = ()  # what this profile must know to pass: stair_climber, platform_lift, advance_notice[:hours]

    @property
    def passable(self) -> bool:
        return not self.barriers


_KERB_KINDS = ("crossing",)
_INCLINE_KINDS = ("footway", "crossing", "ramp")


def settled(outcomes: list, judged):
    """The most favourable outcome of the readings of disagreeing sources (fewest barriers, then fewest unknowns;
    the newest source's first on a tie), and whether the readings differ in judged(outcome) for the profile: then
    the disagreement is something the route depends on."""
    best = min(outcomes, key=lambda outcome: tuple(len(part) for part in judged(outcome)))
    return best, any(judged(outcome) != judged(best) for outcome in outcomes)


def assess(kind: str, attrs: dict, profile: Profile) -> Assessment:
    """Assess an edge already oriented in the direction of travel.

    attrs holds the edge's data: incline (signed, % uphill in travel direction), kerb_start and
    kerb_end (cm), width (m), surface, smoothness, step_count, handrail, traffic_lights,
    sound_signal, tactile_paving, open_area, length (m); a door edge also has ramp, platform_lift, stair_climber,
    advance_notice and locked, and, when sources disagree, the names of the disputed facts and the door as each
    reading of them tells it (readings): a disagreement that matters to the profile is an unknown, never fine.
    """
    if attrs.get("readings"):
        outcomes = [_assess(kind, reading, profile) for reading in attrs["readings"]]
        best, differ = settled(outcomes, lambda a: (a.barriers, a.unknowns, a.warnings))
        if not differ:
            return best
        disputed = tuple(Unknown(name, "cost", disputed=True) for name in attrs["disputed"])
        return Assessment(best.seconds + profile.cost("unknown"), best.barriers, best.unknowns + disputed,
                          best.warnings)
    return _assess(kind, attrs, profile)


def _assess(kind: str, attrs: dict, profile: Profile) -> Assessment:
    barriers: list[Barrier] = []
    unknowns: list[Unknown] = []
    warnings: list[str] = []
    seconds = attrs.get("length", 0.0) / profile.speed

    def unknown(attribute: str, named: str | None = None) -> None:
        """The profile's policy for an unknown attribute; named: what it is here (a door's "door_width")."""
        nonlocal seconds
        policy = profile.unknown_policy(attribute)
        if policy == "forbid":
            barriers.append(Barrier(named or attribute, None, "unknown", ""))
        if policy:
            unknowns.append(Unknown(named or attribute, policy))
            seconds += profile.cost("unknown")

    def over(attribute: str, value, limit, unit: str) -> None:
        barriers.append(Barrier(attribute, value, limit, unit))

    forbids_steps = profile.limit("steps") == "forbid"
    ramp, platform_lift = attrs.get("ramp") is True, attrs.get("platform_lift") is True
    step_free_route = kind == "door" and (ramp or platform_lift)
    steps, reason = 0, None
    if kind == "steps":
        steps = attrs.get("step_count")
        if steps is None:
            if forbids_steps:
                over("steps", "?", 0, "steps")
            steps = 1
    elif kind == "door" and not step_free_route:
        steps = attrs.get("steps")  # a count, or True: steps, their number unknown
        if steps is None:
            if attrs.get("accessible") is False and forbids_steps:
                over("accessible", False, True, "")
            elif attrs.get("accessible") is not True:
                unknown("steps")
            steps = 0
        elif steps and forbids_steps and attrs.get("stair_climber") is True:
            if profile.stair_climber:  # staff carry the wheelchair up: they must be told before
                warnings.append("stair_climber")
                seconds += profile.cost("stair_climber")
                steps = 0
            else:
                reason = "stair_climber"
    if steps:
        if forbids_steps:
            barriers.append(Barrier("steps", "?" if steps is True else steps, 0, "steps", reason))
        seconds += (1 if steps is True else steps) * profile.cost("step")
        if attrs.get("handrail") is not True:
            seconds += profile.cost("no_handrail")
    if kind == "door" and ramp and not platform_lift and attrs.get("ramp_incline") is not None:
        limit = profile.limit("uphill")
        if limit is not None and attrs["ramp_incline"] > limit:
            over("ramp_incline", attrs["ramp_incline"], limit, "%")
    if kind == "door" and forbids_steps and platform_lift and not ramp and attrs.get("steps") != 0:
        warnings.append("platform_lift")
    notice = attrs.get("advance_notice") if kind == "door" and forbids_steps else None
    if notice:  # the accessible way in needs notice: those who need it must call ahead
        warnings.append("advance_notice" if notice is True else f"advance_notice:{notice}")
    if kind == "lift":
        seconds += profile.cost("lift")
    if kind == "crossing":
        seconds += profile.cost("crossing")
        for attribute, cost in (("traffic_lights", "no_lights"), ("sound_signal", "no_sound"),
                                ("tactile_paving", "no_tactile")):
            value = attrs.get(attribute)
            if value is None and profile.cost(cost):
                unknown("signals")
            elif value is False:
                seconds += profile.cost(cost)
    if kind in _INCLINE_KINDS:
        incline = attrs.get("incline")
        if incline is None:
            unknown("incline")
        else:
            up, down = profile.limit("uphill"), profile.limit("downhill")
            if up is not None and incline > up:
                over("incline", round(incline, 1), up, "%")
            if down is not None and -incline > down:
                over("incline", round(incline, 1), -down, "%")
    kerb_limit = profile.limit("kerb")
    for end in ("kerb_start", "kerb_end"):
        height = attrs.get(end)
        if height is None:
            if kind in _KERB_KINDS or (kind == "door" and end == "kerb_start"):
                unknown("kerb", "threshold" if kind == "door" else None)
        elif kerb_limit is not None and height > kerb_limit:
            over("threshold" if kind == "door" else "kerb", height, kerb_limit, "cm")
    width_limit = profile.limit("width")
    if width_limit is not None and kind != "lift":
        width = attrs.get("width")
        if width is None:
            unknown("width", "door_width" if kind == "door" else None)
        elif width < width_limit:
            over("door_width" if kind == "door" else "width", width, width_limit, "m")
    if kind not in ("door", "lift", "steps"):
        surface = attrs.get("surface")
        if surface is None:
            unknown("surface")
        elif surface in profile.limits.get("surfaces", ()):
            over("surface", surface, "paved", "")
        if attrs.get("smoothness") in profile.limits.get("smoothness", ()):
            over("smoothness", attrs["smoothness"], "good", "")
    if attrs.get("open_area"):
        seconds += profile.cost("open_area")
    if kind == "door" and attrs.get("locked"):
        if attrs.get("bell") or attrs.get("intercom"):
            seconds += 60
        else:
            over("locked", True, False, "")
    return Assessment(seconds, tuple(dict.fromkeys(barriers)), tuple(dict.fromkeys(unknowns)), tuple(warnings))
