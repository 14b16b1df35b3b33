"""The easy-read checker's logic every pack shares (rules ER-03, ER-07): splitting sentences, finding words,
averaging and scoring a text, reporting; each pack gives its words, its syllables and its readability measure
(guide/language/<code>/readability.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..data.text import ORIGINAL_END, ORIGINAL_START
from . import easy_problem, easy_texts, written_in


@dataclass(frozen=True)
class Finding:
    """One rule broken in one sentence."""

    rule: str  # ER-03, ER-04, ER-06, ER-07
    sentence: str
    message: str
    fix: str


@dataclass(frozen=True)
class Rules:
    """One language's easy-read checker: how it splits and counts a text, and its readability measure (ER-07)."""

    sentences: Callable  # text -> its sentences
    words: Callable  # text -> its words
    syllables: Callable  # word -> its syllables
    findings: Callable  # (sentence, glossary) -> the Findings of one sentence
    score: Callable  # sentences -> the readability measure
    limit: float  # the highest score an easy-read text may have
    measure: str  # the measure as a finding names it: 'FOG-PL', 'a Flesch-Kincaid grade of'
    label: str  # the measure as the report names it: 'FOG-PL', 'Flesch-Kincaid grade'
    hard: int  # the syllables of a word the fix of a hard text names
    aim_words: int  # the most words per sentence on average


def split_sentences(text: str, *, abbreviations, opening: str, closing: str) -> list:
    """Split a text into sentences at a token ending in . ! ? … before a capital or a digit; a dot after a listed
    abbreviation or inside an original passage does not end one. opening, closing: the quotes and brackets a
    token may start or end with."""
    tokens = text.split()
    found, current, inside = [], [], False
    for index, token in enumerate(tokens):
        current.append(token)
        for char in token:
            inside = True if char == ORIGINAL_START else False if char == ORIGINAL_END else inside
        bare = token.rstrip(closing + ORIGINAL_END).lstrip(opening + ORIGINAL_START)
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if inside or bare.lower() in abbreviations or not bare or bare[-1] not in ".!?…":
            continue
        if not following or following.lstrip(opening + "„" + ORIGINAL_START)[:1].isupper() or \
                following[:1].isdigit():
            found.append(" ".join(current))
            current = []
    if current:
        found.append(" ".join(current))
    return found


def words_in(text: str, edge_punctuation: str) -> list:
    """The words of a text: tokens with a letter or digit, without the punctuation around them or a final dot."""
    found = []
    for token in text.split():
        bare = token.strip(edge_punctuation).rstrip(".")
        if re.search(r"\w", bare):
            found.append(bare)
    return found


def fog(text_sentences: list, *, words, syllables, hard: int) -> float:
    """A FOG index: 0.4 × (words per sentence + 100 × share of words with `hard` or more syllables)."""
    all_words = [w for s in text_sentences for w in words(s)]
    if not all_words:
        return 0.0
    hard_words = sum(1 for w in all_words if syllables(w) >= hard)
    return 0.4 * (len(all_words) / len(text_sentences) + 100 * hard_words / len(all_words))


def stems_of(terms, *, words) -> tuple:
    """Stems that cover a glossary term in any case: 'pochylnia' covers 'pochylnią', 'pochylni'."""
    stems = []
    for term in terms:
        for word in words(term):
            lowered = word.lower()
            if len(lowered) >= 5:
                stems.append(lowered[:max(4, len(lowered) - 3)])
    return tuple(stems)


def findings_of(text: str, rules: Rules, glossary: tuple) -> list:
    """Every finding for one easy-read text (ER-03, ER-04, ER-06, ER-07) by a language's rules."""
    parts = rules.sentences(text)
    found = [f for sentence in parts for f in rules.findings(sentence, glossary)]
    counts = [len(rules.words(s)) for s in parts]
    if counts and sum(counts) / len(counts) > rules.aim_words:
        longest = parts[counts.index(max(counts))]
        found.append(Finding("ER-03", longest, f"Expected at most {rules.aim_words} words per sentence on average "
                             f"but received {sum(counts) / len(counts):.1f}", "Split the longest sentences."))
    score = rules.score(parts)
    if score > rules.limit:
        syllables = rules.syllables
        hard = sorted({w for w in rules.words(text) if syllables(w) >= rules.hard}, key=lambda w: -syllables(w))
        hardest = max(parts, key=lambda s: rules.score([s]))
        found.append(Finding("ER-07", hardest, f"Expected {rules.measure} at most {rules.limit:g} but received "
                             f"{score:.1f}", "Use shorter sentences and shorter words" +
                             (f", for example instead of: {', '.join(hard[:4])}." if hard else ".")))
    return found


def texts_in(data, easy: bool, lang: str) -> list:
    """The guide's easy-read texts, or the standard texts they stand for, written in lang; not those shown in the
    original language instead."""
    info = data.info
    if easy:
        found = [t.texts for t in [info.easy_read_introduction] + [e.easy_read for e in info.glossary] +
                 [o.easy_read for o in data.places] + [s.easy_read for o in data.places for s in o.services]
                 if t is not None]
    else:
        found = [info.introduction] + [e.meaning for e in info.glossary] + [o.description for o in data.places]
        found += [s.description for o in data.places for s in o.services if s.description]
    return [text for text in (written_in(t, lang) for t in found) if text]


def report(data, rules: Rules, lang: str) -> str:
    """Sentences, words per sentence and the readability measure of the easy-read texts in lang beside the
    standard ones (ER-07)."""
    lines = []
    for label, easy in ((f"Easy-read texts ({lang})", True), (f"Standard texts ({lang})", False)):
        parts = [s for text in texts_in(data, easy, lang) for s in rules.sentences(text)]
        count = sum(len(rules.words(s)) for s in parts)
        lines.append(f"{label}: {len(parts)} sentences, {count / max(len(parts), 1):.1f} words per sentence, "
                     f"{rules.label} {rules.score(parts):.1f}")
    return "\n".join(lines)


def problems_in(data, lang: str, rules: Rules, glossary_of, quotes: str) -> list:
    """Problems in every easy-read text of the guide written in lang (a missing text, or one shown in the original
    language, is reported where the data and its translations are checked); glossary_of: the pack's glossary from
    the terms in lang; quotes: the opening and closing quote a problem puts the sentence in."""
    if lang not in data.info.languages:
        return []
    glossary = glossary_of(term for entry in data.info.glossary for term in [written_in(entry.term, lang)] if term)
    return [easy_problem(easy, lang, finding, f"{quotes[0]}{finding.sentence}{quotes[1]}") for easy in easy_texts(data)
            if written_in(easy.texts, lang) for finding in findings_of(easy.texts[lang], rules, glossary)]
