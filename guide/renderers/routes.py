"""The routes edition: every computed route as GeoJSON, for maps and for other tools."""

from __future__ import annotations

import json

from ..document.nodes import plain
from . import Renderer

__all__ = ["RoutesRenderer"]


class RoutesRenderer(Renderer):
    name = "routes"
    media_type = "application/geo+json"
    description = "routes.geojson: every route with profile, length, duration, steps, warnings and barriers"

    def write(self) -> None:
        """One feature per place, profile and start, with the instructions in the document's language."""
        model, lang = self.documents.model, self.lang
        features = []
        for place in model.data.places:
            for profile in model.profiles.values():
                for route in model.routes_for(place.id, profile.id):
                    features.append(self._feature(place, profile, route))
        collection = {"type": "FeatureCollection", "name": f"routes-{lang}", "features": features}
        path = self.output_path("routes.geojson")
        path.write_text(json.dumps(collection, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    def _feature(self, place, profile, route) -> dict:
        lang, model, phrasing = self.lang, self.documents.model, self.document.language
        coords = [[round(lon, 7), round(lat, 7)] for lon, lat in route.coords]
        geometry = {"type": "LineString", "coordinates": coords} if len(coords) > 1 else \
            {"type": "Point", "coordinates": coords[0]} if coords else None
        inside = route.inside
        properties = {
            "place": place.id, "place_name": place.name.get(lang) or place.name[model.data.info.languages[0]],
            "address": str(place.address), "profile": profile.id, "profile_name": profile.name.get(lang),
            "origin": route.origin, "origin_name": phrasing.display_name(route.origin_name), "origin_kind": route.origin_kind,
            "status": route.status, "entrance": route.entrance, "length_m": route.length_m,
            "duration_s": route.duration_s, "crossings": route.crossings,
            "steps": [s.to_dict() for s in route.steps],
            "warnings": sorted({w for s in route.steps for w in s.warnings}),
            "unknowns": [{"attribute": u.attribute, "edge": u.edge_id, "position": list(u.position),
                          **({"disputed": True} if u.disputed else {})} for u in route.unknowns],
            "barriers": [{"attribute": b.barrier.attribute, "value": b.barrier.value, "limit": b.barrier.limit,
                          "unit": b.barrier.unit, "edge": b.edge_id, "kind": b.kind, "position": list(b.position),
                          "name": b.name, "entrance": b.entrance, **({"reason": b.barrier.reason} if b.barrier.reason
                                                                     else {})} for b in route.barriers],
            "alternatives": [{k: v for k, v in a.__dict__.items() if v is not None} for a in route.alternatives],
            "inside": None if inside is None else {
                "steps": [s.to_dict() for s in inside.steps],
                "barriers": [dict(b.__dict__, text=phrasing.describe_barrier(b.attribute, b.value, b.limit, b.unit, None,
                                                                             reason=b.reason))
                             for b in inside.barriers], "unknowns": list(inside.unknowns),
                "disputed": list(inside.disputed),
                "facilities": {k: {"value": f.value, "verified": f.verified, "source": f.source}
                               for k, f in inside.facilities.items()}},
        }
        kind = model.kind_words(place, lang)
        properties["instructions"] = [phrasing.describe_step(s, kind=kind) for s in route.steps]
        if inside:
            said = (phrasing.describe_step(s, kind=kind) for s in inside.steps)
            properties["instructions_inside"] = [text for text in said if text]  # a room step may add nothing
        for item, barrier in zip(properties["barriers"], route.barriers):
            b = barrier.barrier
            item["text"] = phrasing.describe_barrier(b.attribute, b.value, b.limit, b.unit, barrier.name, kind=barrier.kind,
                                                     reason=b.reason)
        for item, unknown in zip(properties["unknowns"], route.unknowns):
            item["text"] = phrasing.describe_unknown(unknown.attribute, disputed=unknown.disputed)
        return {"type": "Feature", "geometry": geometry, "properties": _plain(properties)}


def _plain(value):
    """Every text in a value without the marks of passages in the guide's first language (JSON has no use for
    them: its consumers get the names as they are)."""
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value
