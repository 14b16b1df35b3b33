"""How passable one edge or door is for one profile: time cost, barriers and unknowns (RT-1, RT-2, RT-5)."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.profiles import Profile

__all__ = ["Barrier", "Unknown", "Assessment", "assess"]


@dataclass(frozen=True)
class Barrier:
    """A measured value over a profile's limit, e.g. kerb 4 cm > 2 cm."""

    attribute: str
    value: object
    limit: object
    unit: str


@dataclass(frozen=True)
class Unknown:
    """An attribute with no data that the profile needs."""

    attribute: str
    policy: str  # 'forbid' or 'cost'


@dataclass(frozen=True)
class Assessment:
    seconds: float
    barriers: tuple
    unknowns: tuple

    @property
    def passable(self) -> bool:
        return not self.barriers


_KERB_KINDS = ("crossing",)
_INCLINE_KINDS = ("footway", "crossing", "ramp")


def assess(kind: str, attrs: dict, profile: Profile) -> Assessment:
    """Assess an edge already oriented in the direction of travel.

    attrs holds the edge's data: incline (signed, % uphill in travel direction), kerb_start and
    kerb_end (cm), width (m), surface, smoothness, step_count, handrail, traffic_lights,
    sound_signal, tactile_paving, open_area, length (m); a door edge also has ramp and locked.
    """
    barriers: list[Barrier] = []
    unknowns: list[Unknown] = []
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
    step_free_route = kind == "door" and attrs.get("ramp") is True
    steps = 0
    if kind == "steps":
        steps = attrs.get("step_count")
        if steps is None:
            if forbids_steps:
                over("steps", "?", 0, "steps")
            steps = 1
    elif kind == "door" and not step_free_route:
        steps = attrs.get("steps")
        if steps is None:
            if attrs.get("accessible") is False and forbids_steps:
                over("accessible", False, True, "")
            elif attrs.get("accessible") is not True:
                unknown("steps")
            steps = 0
    if steps:
        if forbids_steps:
            over("steps", steps, 0, "steps")
        seconds += steps * profile.cost("step")
        if attrs.get("handrail") is not True:
            seconds += profile.cost("no_handrail")
    if kind == "door" and step_free_route and attrs.get("ramp_incline") is not None:
        limit = profile.limit("uphill")
        if limit is not None and attrs["ramp_incline"] > limit:
            over("ramp_incline", attrs["ramp_incline"], limit, "%")
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
    return Assessment(seconds, tuple(dict.fromkeys(barriers)), tuple(dict.fromkeys(unknowns)))
