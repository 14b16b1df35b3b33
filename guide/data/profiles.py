"""Access profiles, read from profiles.yaml: hard limits, unknown-data policy and costs."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

import yaml

__all__ = ["Profile", "load_profiles"]


@dataclass(frozen=True)
class Profile:
    id: str
    name: dict
    speed: float
    easy_name: dict = field(default_factory=dict)
    limits: dict = field(default_factory=dict)
    unknown: dict = field(default_factory=dict)
    costs: dict = field(default_factory=dict)
    needs_lift: bool = False
    stair_climber: bool = False  # a staff-operated stair climber can carry this profile's wheelchair
    cue_before: int | None = None

    def limit(self, attribute: str):
        return self.limits.get(attribute)

    def cost(self, name: str) -> float:
        return float(self.costs.get(name, 0))

    def unknown_policy(self, attribute: str) -> str | None:
        """'forbid', 'cost', or None when this profile does not care about the attribute."""
        return self.unknown.get(attribute)


def load_profiles() -> dict:
    """Every known profile by id, in the order of profiles.yaml."""
    text = resources.files("guide.data").joinpath("profiles.yaml").read_text(encoding="utf-8")
    return {pid: Profile(id=pid, **spec) for pid, spec in yaml.safe_load(text).items()}
