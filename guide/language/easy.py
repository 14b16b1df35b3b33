"""The easy-read register's logic every pack shares: lines beside a pictogram, yes/no facts, disputed facts and
notes; each pack gives only its words (guide/language/<code>/easyphrasing.py)."""

from __future__ import annotations

from dataclasses import dataclass

from ..media import NEGATED


@dataclass(frozen=True)
class EasyLine:
    """One instruction or fact: a pictogram id and its sentences, each printed on its own line; fact: the fact it
    tells, when it tells one."""

    pictogram: str
    sentences: tuple
    fact: str | None = None


def line(pictogram: str, *sentences: str, fact: str | None = None) -> EasyLine:
    """A line of the sentences that are there (None and '' are left out)."""
    return EasyLine(pictogram, tuple(s for s in sentences if s), fact)


def warning_sentences(step, warnings: dict) -> list:
    """The sentences of a step's warnings (warnings: kind of warning -> sentence), each said once."""
    found = []
    for code in step.warnings:
        kind = code.partition(":")[0]
        if kind in warnings and warnings[kind] not in found:
            found.append(warnings[kind])
    return found


def yes_no_lines(known: dict, table: dict) -> list:
    """A line per known fact; a "there is none" sentence gets its pictogram crossed out. table: fact -> (pictogram,
    the sentence(s) for yes or a dict of them by value, the sentence(s) for no or None[, the pictogram for no])."""
    lines = []
    for name, (pictogram, yes, no, *when_no) in table.items():
        if name not in known:
            continue
        value = known[name]
        said = (yes.get(value) if isinstance(yes, dict) else yes) if value else no
        if said:
            lines.append(line(pictogram if value else (when_no or [NEGATED + pictogram])[0],
                              *(said if isinstance(said, tuple) else (said,)), fact=name))
    return lines


def told(facts: dict, lines_of, *, lang: str, sentences, uncertain: str) -> list:
    """The lines lines_of(known values) gives for facts (name -> Fact): a fact whose sources disagree with the
    newest source's value and the uncertain sentence after it; a fact's easy-read note in lang, split by the pack's
    sentences(), after its line."""
    known = {name: fact.newest.value for name, fact in facts.items() if fact.known or fact.disputed}
    lines = []
    for each in lines_of(known):
        fact = facts.get(each.fact)
        note = fact.easy_read.texts.get(lang) if fact is not None and fact.easy_read is not None else None
        if note:
            each = EasyLine(each.pictogram, each.sentences + tuple(sentences(note)), each.fact)
        lines.append(each)
        if fact is not None and fact.disputed:
            lines.append(line("warning", uncertain, fact=each.fact))
    return lines


def short_time(value: str) -> str:
    """A time of the data without its leading zero: '08:30' -> '8:30', '00:00' -> '0:00'."""
    return value.lstrip("0") if not value.startswith("00") else value[1:]
