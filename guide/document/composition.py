"""Compose the guide model from validated data: every route, and the routes that several profiles share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..data.model import GuideData
from ..data.network import build_graph
from ..data.profiles import load_profiles
from ..language import kind_words
from ..routing.routes import plan_place

__all__ = ["GuideModel", "SharedRoute", "compose", "grouped", "common_start"]


@dataclass(frozen=True)
class SharedRoute:
    """One path from one start to one entrance, told once: the route of every profile that takes it
    (the routes differ only in what each profile is warned about, its time and its way inside)."""

    routes: tuple  # Route, one per profile, in the guide's order of profiles

    @property
    def route(self):
        """The route of the first profile served: origin, path, length and crossings are the same for all."""
        return self.routes[0]

    @property
    def profiles(self) -> tuple:
        return tuple(route.profile for route in self.routes)

    def cue(self, index: int) -> int | None:
        """How early a turn at step index is announced: the earliest any profile needs, told to everybody."""
        return max((r.steps[index].cue_before_m or 0 for r in self.routes), default=0) or None


@dataclass(frozen=True)
class GuideModel:
    """Everything the guide document needs: data, the guide's profiles and every computed route."""

    data: GuideData
    profiles: dict  # profile id -> Profile, in the guide's order
    routes: dict  # (place id, profile id) -> tuple of Route
    shared: dict  # place id -> tuple of SharedRoute

    def routes_for(self, place_id: str, profile_id: str) -> tuple:
        return self.routes[(place_id, profile_id)]

    def chosen_route(self, place_id: str, profile_id: str):
        """The one route an edition with room for one tells: usable, and from a stop when there is one."""
        routes = self.routes_for(place_id, profile_id)
        usable = [r for r in routes if r.status != "no_route"]
        return next((r for r in usable if r.origin_kind == "stop"), usable[0] if usable else
                    routes[0] if routes else None)

    def kind_words(self, place, lang: str):
        """How the guide speaks of this place's kind in a language (biuro and pokój, or kasa and sala)."""
        return kind_words(lang, place.kind, self.data.info.kinds)

    def shared_routes(self, place_id: str) -> tuple:
        """The place's distinct routes: profiles that take the same path from the same start share one."""
        return self.shared[place_id]


def _path_of(route) -> tuple:
    if route.status == "no_route":
        return route.origin, route.status, tuple(b.barrier.attribute for b in route.barriers)
    return route.origin, route.entrance, tuple(route.coords)


def grouped(pairs: Iterable) -> list:
    """(key, value) pairs as [(key, [values…])], keys in the order first seen: the one way profiles that
    share something (a route, a time, a way inside) are put together."""
    groups: dict = {}
    for key, value in pairs:
        groups.setdefault(key, []).append(value)
    return list(groups.items())


def common_start(variants) -> tuple:
    """The items at the start that every variant (a sequence) has: what groups that share a route share."""
    common = []
    for items in zip(*variants):
        if any(item != items[0] for item in items):
            break
        common.append(items[0])
    return tuple(common)


def compose(data: GuideData, *, progress: Callable[[str], None] | None = None) -> GuideModel:
    """Route every place for every profile of the guide."""
    known = load_profiles()
    profiles = {pid: known[pid] for pid in data.info.profiles}
    graph = build_graph(data)
    routes = {}
    for index, place in enumerate(data.places, start=1):
        if progress:
            progress(f"[{index:>2}/{len(data.places)}] routing {place.short_name}")
        for profile in profiles.values():
            routes[(place.id, profile.id)] = tuple(plan_place(graph, place, profile))
    shared = {}
    for place in data.places:
        every = [route for profile in profiles for route in routes[(place.id, profile)]]
        shared[place.id] = tuple(SharedRoute(tuple(group)) for _, group in grouped((_path_of(r), r) for r in every))
    return GuideModel(data=data, profiles=profiles, routes=routes, shared=shared)
