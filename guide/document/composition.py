"""Compose the guide model from validated data: the one thing renderers read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .maps import describe_map
from ..data.model import GuideData
from ..language.pl.phrasing import describe_step
from ..data.network import build_graph
from ..data.profiles import load_profiles
from ..routing.routes import plan_office

__all__ = ["GuideModel", "compose"]


@dataclass(frozen=True)
class GuideModel:
    """Everything the editions need: data, the guide's profiles and every computed route."""

    data: GuideData
    profiles: dict  # profile id -> Profile, in the guide's order
    routes: dict  # (office id, profile id) -> tuple of Route
    map_descriptions: dict  # (office id, profile id, origin) -> MapDescription

    def routes_for(self, office_id: str, profile_id: str) -> tuple:
        return self.routes[(office_id, profile_id)]

    def chosen_route(self, office_id: str, profile_id: str):
        """The one route an edition with room for one tells: usable, and from a stop when there is one."""
        routes = self.routes_for(office_id, profile_id)
        usable = [r for r in routes if r.status != "no_route"]
        return next((r for r in usable if r.origin_kind == "stop"), usable[0] if usable else
                    routes[0] if routes else None)


def compose(data: GuideData, *, progress: Callable[[str], None] | None = None) -> GuideModel:
    """Route every office for every profile of the guide."""
    known = load_profiles()
    profiles = {pid: known[pid] for pid in data.info.profiles}
    graph = build_graph(data)
    routes, descriptions = {}, {}
    for index, office in enumerate(data.offices, start=1):
        if progress:
            progress(f"[{index:>2}/{len(data.offices)}] routing {office.short_name}")
        for profile in profiles.values():
            routes[(office.id, profile.id)] = tuple(plan_office(graph, office, profile))
            for route in routes[(office.id, profile.id)]:
                if route.status != "no_route":
                    entrance = next(e for e in office.entrances if e.id == route.entrance)
                    descriptions[(office.id, profile.id, route.origin)] = describe_map(
                        route, office.short_name, entrance.name["pl"], [describe_step(s) for s in route.steps])
    return GuideModel(data=data, profiles=profiles, routes=routes, map_descriptions=descriptions)
