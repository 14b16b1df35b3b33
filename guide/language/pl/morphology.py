"""Polish inflection from the SGJP dictionary through Morfeusz 2: street and place names in the case a
sentence needs ("przez ulicę Nowowiejską"), and cardinal numbers agreeing with their noun ("około pięciu
minut", "jedno przejście"). Where the dictionary does not know a word that would have to change, the
functions say so (None) and the caller phrases around the case: never a guessed form."""

from __future__ import annotations

from functools import lru_cache

from num2words import num2words

__all__ = ["inflect_name", "cardinal", "gender_of", "noun_form", "STREET_WORDS"]

STREET_WORDS = {"ul.": "ulica", "pl.": "plac", "al.": "aleja", "os.": "osiedle", "ulica": "ulica", "plac": "plac",
                "aleja": "aleja", "osiedle": "osiedle", "rondo": "rondo", "most": "most", "bulwar": "bulwar",
                "skwer": "skwer", "park": "park", "rynek": "rynek"}  # the words a street or square name starts with


@lru_cache(maxsize=1)
def _dictionary():
    import morfeusz2

    return morfeusz2.Morfeusz(expand_tags=True)


@lru_cache(maxsize=4096)
def _readings(word: str) -> tuple:
    """(lemma, tag) of every reading of the word, tags with one value per field ('adj:sg:nom:f:pos')."""
    return tuple((lemma.split(":")[0], tag) for _, _, (_, lemma, tag, *_) in _dictionary().analyse(word))


@lru_cache(maxsize=4096)
def _forms(lemma: str) -> tuple:
    return tuple((form, tag) for form, _, tag, *_ in _dictionary().generate(lemma))


def _form(lemma: str, tag_start: str, *, gender: str | None = None, case: str) -> str | None:
    """The lemma's form whose tag starts with tag_start ('subst:sg', 'adj:sg', 'num:pl') in case (and gender)."""
    found = [form for form, tag in _forms(lemma) if tag.startswith(tag_start + ":") and tag.split(":")[2] == case
             and (gender is None or tag.split(":")[3] == gender) and not tag.endswith(":col")
             and (tag.endswith(":pos") or not tag.startswith("adj:"))]  # "swobodną", never "najswobodniejszą"
    return max(found, key=len) if found else None  # "dwóch" rather than "dwu": the form heard most


def gender_of(noun: str) -> str | None:
    """The grammatical gender of a noun (m1, m2, m3, f, n), or None when the dictionary does not know it."""
    genders = [tag.split(":")[3] for _, tag in _readings(noun) if tag.startswith("subst:")]
    order = ("m3", "f", "n", "m2", "m1")  # on a tie, a thing before a person: "metr" is a unit, not a master
    return max(order, key=lambda g: (genders.count(g), -order.index(g))) if genders else None


def noun_form(noun: str, number: str, case: str) -> str:
    """A noun (its nominative singular) in number (sg, pl) and case: ('minuta', 'pl', 'gen') → 'minut'."""
    return _form(noun, f"subst:{number}", gender=gender_of(noun), case=case) or noun


def agreeing_ordinal(number: int, noun: str) -> str | None:
    """The ordinal that agrees with the singular noun after it: (2, 'Wojny') → 'drugiej'; None when the word is no
    singular noun the dictionary knows."""
    readings = [tag.split(":") for _, tag in _readings(noun) if tag.startswith("subst:sg:")]
    if not readings:
        return None
    case, gender = readings[0][2], readings[0][3]
    words = num2words(number, lang="pl", to="ordinal").split()
    return " ".join(_form(word, "adj:sg", gender=gender, case=case) or word for word in words)


def _capitalised(form: str, like: str) -> str:
    return form[0].upper() + form[1:] if like[:1].isupper() else form


def inflect_name(name: str, case: str) -> str | None:
    """A street or square name in case (gen, dat, acc, inst, loc): 'ul. Nowowiejska' → 'ulicę Nowowiejską',
    'pl. Solidarności' → 'plac Solidarności'. None when the name does not start with a street word or a word
    that has to agree is not in the dictionary ('ul. Braniborska')."""
    head, *rest = name.split()
    noun = STREET_WORDS.get(head.lower())
    if noun is None or not rest:
        return None
    gender = gender_of(noun)
    words = [_form(noun, "subst:sg", gender=gender, case=case)]
    agreeing = True
    for word in rest:
        readings = _readings(word)
        if agreeing and word[:1].isalpha() and all(tag.startswith("ign") for _, tag in readings):
            return None  # unknown: it might have to agree, and guessing could be wrong
        agrees = [lemma for lemma, tag in readings if tag.startswith("adj:sg:nom:") and tag.split(":")[3] == gender]
        if agreeing and agrees:
            form = _form(agrees[0], "adj:sg", gender=gender, case=case)
            if form is None:
                return None
            words.append(_capitalised(form, word))
        else:
            agreeing = False  # a complement in the genitive ("Solidarności", "św. Macieja") keeps its form
            words.append(word)
    return " ".join(words) if words[0] else None


def cardinal(number: int, case: str, gender: str) -> str:
    """A cardinal number in words, in case and agreeing with a noun of gender: (5, 'gen', 'f') → 'pięciu',
    (1, 'nom', 'n') → 'jedno', (22, 'nom', 'f') → 'dwadzieścia dwie'."""
    spelled = num2words(number, lang="pl").split()
    if spelled[-1] == "jeden" and len(spelled) > 1:  # a compound ending in one keeps "jeden": "dwudziestu jeden"
        return " ".join([_cardinal_word(word, case, gender) for word in spelled[:-1]] + ["jeden"])
    return " ".join(_cardinal_word(word, case, gender) for word in spelled)


def _cardinal_word(word: str, case: str, gender: str) -> str:
    lemma = next((lemma for lemma, tag in _readings(word) if tag.startswith(("num:", "adj:", "subst:"))), word)
    part = {"jeden": "adj:sg", "tysiąc": "subst:sg"}.get(word, "subst:pl" if lemma in ("tysiąc", "milion") else "num:pl")
    return _form(lemma, part, gender="m3" if part.startswith("subst") else gender, case=case) or word
