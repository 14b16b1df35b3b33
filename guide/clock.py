"""The build's moment: SOURCE_DATE_EPOCH when set, so that the same input gives the same output."""

from __future__ import annotations

import datetime as dt
import os

__all__ = ["source_date"]


def source_date() -> dt.datetime:
    """The build's timestamp: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(tz=dt.timezone.utc).replace(microsecond=0)
