"""Page breaks that read well (issue 13): a heading stays on the page of the first line under it, and a route's map
stays on the page of its heading and first steps, or comes right after the steps, never alone on its page."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer
from reportlab.platypus.flowables import _listWrapOn

__all__ = ["keep_headings_with_content", "map_after_last_line", "MapWithSteps"]


def _is_heading(flowable) -> bool:
    return getattr(flowable, "tag", "")[:1] == "H"


def _shows_nothing(flowable) -> bool:
    """Spacing, a conditional page break or a zero-size mark (an outline entry): nothing a reader sees."""
    return isinstance(flowable, Spacer) or getattr(flowable, "_ZEROSIZE", False)


def keep_headings_with_content(story: list) -> list:
    """The story with each heading kept with the first thing a reader sees under it: the heading and what stands
    between them (spacing, outline marks, sub-headings) keep with the next flowable, so ReportLab moves them
    together, and a conditional page break among them is dropped (the run's first heading has made its room)."""
    kept, in_run = [], False
    for flowable in story:
        if in_run and isinstance(flowable, CondPageBreak):
            continue
        if _is_heading(flowable):
            in_run = True
        elif not _shows_nothing(flowable):
            in_run = False
        if in_run:
            flowable.keepWithNext = True
        kept.append(flowable)
    return kept


class MapWithSteps(Flowable):
    """A section's opening (its heading and the text before its map), the map, and the rest of the section (the
    steps and their notes). Where it lands, the map follows the opening when both fit on the page with the first
    step; else the opening and the steps come first and the map right after them (kept with their last line),
    when the opening and the first step fit; else all of it starts on the next page (where the same choice is
    made again)."""

    def __init__(self, opening: list, figure: list, steps: list):
        super().__init__()
        self.opening, self.figure, self.steps = keep_headings_with_content(opening), figure, steps

    def wrap(self, availWidth, availHeight):
        return availWidth, 0xFFFFFF  # never drawn whole: split() orders the parts where it lands

    def getSpaceBefore(self):
        return self.opening[0].getSpaceBefore()

    def split(self, availWidth, availHeight):
        def fits(flowables) -> bool:
            return _listWrapOn(flowables, availWidth, self.canv)[1] <= availHeight

        first_step = [next(f for f in self.steps if not _shows_nothing(f))]
        if fits(self.opening + self.figure + first_step):
            return [*self.opening, *self.figure, *self.steps]
        if fits(self.opening + first_step):
            return [*self.opening, *map_after_last_line(self.steps, self.figure)]
        if self._frame._atTop:  # nothing fits better on any page
            return [*self.opening, *self.figure, *self.steps]
        return [PageBreak(), MapWithSteps(self.opening, self.figure, self.steps)]


def map_after_last_line(text: list, figure: list) -> list:
    """The text, then the map kept with the text's last line: a map that ends its section never stands alone."""
    last = max(index for index, flowable in enumerate(text) if not _shows_nothing(flowable))
    return text[:last] + [KeepTogether(text[last:] + figure)]
