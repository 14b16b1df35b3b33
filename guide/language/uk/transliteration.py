"""Polish names in Cyrillic, as Ukrainian writes them (Стшегомська, Князевича, Солідарності), and a street
or stop name as a Ukrainian sentence gives it: the transliteration, in the case the sentence needs, with the
original in brackets for matching the Latin-script sign: "вулиці Стшегомської (ul. Strzegomska)".

The table follows the usual Ukrainian practice for Polish names: sz ш, cz ч, rz ж (ш after p, t, k, ch), ch х,
ó у, ą он (ом before b, p), ę ен (ем), l before a vowel soft (Wola Воля), i after a consonant softens the vowel
after it (Kniaziewicza Князевича, Zachodnia Заходня), ść сть (Solidarności Солідарності), -ski -ський.
"""

from __future__ import annotations

import re

from .. import ROMAN_NUMERAL, original

__all__ = ["transliterate", "street_words", "cyrillic_name", "signed_name", "STREET_NOUNS"]

_VOWELS = "aąeęioóuy"
_SOFTENED = {"a": "я", "e": "е", "o": "ьо", "u": "ю", "ó": "ю", "ą": "йон", "ę": "ен"}  # after a consonant + i
_IOTATED = {"a": "я", "e": "є", "o": "йо", "u": "ю", "ó": "ю", "ą": "йон", "ę": "єн"}  # j or i before a vowel
_SOFT_L = {"a": "ля", "e": "ле", "i": "лі", "o": "льо", "u": "лю", "ó": "лю", "ą": "льон", "ę": "лен", "y": "ли"}
_SOFT_CONSONANTS = {"ć": "ць", "ś": "сь", "ź": "зь", "ń": "нь", "dź": "дзь"}
_BEFORE_I = {"c": "ц", "s": "с", "z": "з", "n": "н", "dz": "дз"}  # ci, si, zi, ni, dzi: the Polish soft consonants
_DIGRAPHS = {"szcz": "щ", "sz": "ш", "cz": "ч", "ch": "х", "dż": "дж", "dz": "дз", "rz": "ж"}
_LETTERS = {"a": "а", "b": "б", "c": "ц", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "г", "i": "і", "j": "й",
            "k": "к", "l": "ль", "ł": "л", "m": "м", "n": "н", "o": "о", "ó": "у", "p": "п", "r": "р", "s": "с",
            "t": "т", "u": "у", "w": "в", "y": "и", "z": "з", "ż": "ж", "x": "кс", "v": "в", "q": "к"}
_ENDINGS = (("ńskiego", "нського"), ("skiego", "ського"), ("ckiego", "цького"), ("ńskiej", "нської"),
            ("skiej", "ської"), ("ckiej", "цької"), ("owej", "ової"), ("ński", "нський"), ("ńska", "нська"),
            ("skich", "ських"), ("ckich", "цьких"), ("ski", "ський"), ("cki", "цький"), ("szki", "шкі"), ("czki", "чкі"),
            ("zki", "зький"), ("ska", "ська"), ("czka", "чка"), ("szka", "шка"),
            ("cka", "цька"), ("zka", "зька"), ("skie", "ське"), ("ckie", "цьке"), ("icz", "ич"), ("icza", "ича"),
            ("iczem", "ичем"), ("ów", "ув"), ("ej", "ої"))
_ADJECTIVE_Y = re.compile(r"[nwtdłrl]y$")  # Główny Глувний, Stary Старий: a masculine adjective
_RULE_OF_NINE = re.compile(r"(?<=[дтзсцжчшр])і(?=[бвгґджзклмнпрстфхцчшщ])|(?<=н)і(?=ц)")  # Legnicka Легницька
_VELARS = "gkh"

# The words a Polish street or square name starts with, as Ukrainian says them: (noun, gender) and the noun in
# nom, gen, dat, acc, ins, loc.
STREET_NOUNS = {
    "ulica": ("f", ("вулиця", "вулиці", "вулиці", "вулицю", "вулицею", "вулиці")),
    "plac": ("f", ("площа", "площі", "площі", "площу", "площею", "площі")),
    "aleja": ("f", ("алея", "алеї", "алеї", "алею", "алеєю", "алеї")),
    "osiedle": ("m", ("мікрорайон", "мікрорайону", "мікрорайону", "мікрорайон", "мікрорайоном", "мікрорайоні")),
    "most": ("m", ("міст", "мосту", "мосту", "міст", "мостом", "мосту")),
    "bulwar": ("m", ("бульвар", "бульвару", "бульвару", "бульвар", "бульваром", "бульварі")),
    "skwer": ("m", ("сквер", "скверу", "скверу", "сквер", "сквером", "сквері")),
    "park": ("m", ("парк", "парку", "парку", "парк", "парком", "парку")),
    "rondo": ("n", ("кільце", "кільця", "кільцю", "кільце", "кільцем", "кільці")),
}
_STREET_ABBREVIATIONS = {"ul.": "ulica", "pl.": "plac", "al.": "aleja", "os.": "osiedle"}
_CASES = ("nom", "gen", "dat", "acc", "ins", "loc")
# A Ukrainian feminine adjective in each case: the hard one (Стшегомська) and the soft one (Заходня).
_HARD_FEMININE = ("а", "ої", "ій", "у", "ою", "ій")
_SOFT_FEMININE = ("я", "ьої", "ій", "ю", "ьою", "ій")
_POLISH_FEMININE_ADJECTIVE = re.compile(r"(?:sk|ck|dzk|zk|ow|ew|n|ln|dn|sn|tn|ąc|l|t|g|d|w|r|k)[aei]?a$")
_SAINT = {"a": "Святого", "y": "Святої", "i": "Святої"}  # św. before a name in the genitive: Macieja, Anny


def _word(word: str) -> str:
    """One Polish word in Cyrillic letters (lower case)."""
    lowered = word.lower()
    ending = next(((polish, ukrainian) for polish, ukrainian in _ENDINGS if lowered.endswith(polish)
                   and len(lowered) > len(polish)), None)
    if ending:
        lowered = lowered[:-len(ending[0])]
    elif _ADJECTIVE_Y.search(lowered):
        lowered, ending = lowered[:-1], ("y", "ий")
    out, at = [], 0
    while at < len(lowered):
        rest = lowered[at:]
        before = lowered[at - 1] if at else ""
        if rest.startswith(("ści", "ść")):
            vowel = rest[3:4] if rest.startswith("ści") else ""
            if rest.startswith("ści") and vowel in _SOFTENED and vowel != "":
                out.append("ст" + _SOFTENED[vowel].lstrip("ь"))
                at += 4
            else:
                out.append("сті" if rest.startswith("ści") else "сть")
                at += 3 if rest.startswith("ści") else 2
            continue
        if rest.startswith("rz") and before in ("p", "t", "k", "h"):
            out.append("ш")
            at += 2
            continue
        soft = next((p for p in ("dzi", "ci", "si", "zi", "ni") if rest.startswith(p)), None)
        if soft:
            consonant = _BEFORE_I[soft[:-1]]
            vowel = rest[len(soft):len(soft) + 1]
            if vowel and vowel in _SOFTENED:
                out.append(consonant + _SOFTENED[vowel])
                at += len(soft) + 1
            else:
                out.append(consonant + "і")
                at += len(soft)
            continue
        digraph = next((d for d in _DIGRAPHS if rest.startswith(d)), None)
        if digraph:
            out.append(_DIGRAPHS[digraph])
            at += len(digraph)
            continue
        char = rest[0]
        following = rest[1:2]
        if char == "i" and following == "i":
            out.append("ії")  # Armii Армії
            at += 2
        elif char == "ś" and following == "w":
            out.append("с")  # Świdnica Свідниця
            at += 1
        elif char in _SOFT_CONSONANTS:
            out.append("н" if char == "ń" and rest[1:3] == "sk" else _SOFT_CONSONANTS[char])
            at += 1
        elif char == "l":
            vowel = rest[2:3] if following == "i" and rest[2:3] in _SOFTENED and rest[2:3] else following
            if vowel in _SOFT_L and vowel:
                out.append(_SOFT_L[vowel])  # Wola Воля; lia, lie as la, le
                at += 1 + len(vowel) + (following == "i" and vowel != "i")
            else:
                out.append("ль")
                at += 1
        elif char == "j" and following in _IOTATED and following and (not before or before in _VOWELS):
            out.append(_IOTATED[following])
            at += 2
        elif char == "i" and following in _IOTATED and following:
            if before in _VELARS and before:
                out.append("е" if following == "e" else "і" + _LETTERS[following])  # Kielce Кельце, Legia Легія
            elif before and before not in _VOWELS:
                out.append(_SOFTENED[following])  # Biała Бяла, Nowowiejska Нововейська: the i only softens
            else:
                out.append(_IOTATED[following])
            at += 2
        elif char in ("ą", "ę"):
            out.append(("о" if char == "ą" else "е") + ("м" if following in ("b", "p") else "н"))
            at += 1
        else:
            out.append(_LETTERS.get(char, char))
            at += 1
    text = "".join(out)
    if ending:
        text = (text[:-1] if text.endswith("ь") and ending[1][0] in "нс" else text) + ending[1]
    return _RULE_OF_NINE.sub("и", text)


def transliterate(text: str) -> str:
    """Polish text in Cyrillic letters, word by word, capitals kept: 'Świętego Macieja' → 'Свентего Мацея'."""
    def word(match) -> str:
        polish = match.group(0)
        if re.fullmatch(ROMAN_NUMERAL, polish) or re.fullmatch("[A-Z]", polish):
            return polish  # Jana Pawła II, Przystanek B: a numeral or a letter is written as the sign shows it
        cyrillic = _word(polish)
        if polish.isupper() and len(polish) > 1:
            return cyrillic.upper()
        return cyrillic[:1].upper() + cyrillic[1:] if polish[:1].isupper() else cyrillic
    return re.sub(r"[^\W\d_]+", word, text)


def street_words(name: str) -> tuple:
    """(street noun, the rest of the name) of a Polish street or square name: ('ulica', 'Strzegomska'); the
    noun None when the name does not start with one."""
    head, _, rest = name.strip().partition(" ")
    noun = _STREET_ABBREVIATIONS.get(head.lower()) or (head.lower() if head.lower() in STREET_NOUNS else None)
    return (noun, rest) if noun and rest else (None, name.strip())


def _agreeing(word: str, case: str) -> str:
    """A transliterated feminine adjective in case: ('Стшегомська', 'gen') → 'Стшегомської'."""
    index = _CASES.index(case)
    if word.endswith("я"):
        stem = word[:-1]
        ending = _SOFT_FEMININE[index]
        return stem + (ending[1:] if stem.endswith("ь") and ending.startswith("ь") else ending)
    return word[:-1] + _HARD_FEMININE[index]


def _saint(words: list) -> list:
    """'św. Macieja' → 'Святого Мацея' (the saint's name is in the genitive in a street name)."""
    out = []
    for index, word in enumerate(words):
        if word.lower() in ("św.", "św"):
            following = words[index + 1] if index + 1 < len(words) else ""
            out.append(_SAINT.get(following[-1:], "Святий") if following else word)
        else:
            out.append(transliterate(word))
    return out


def cyrillic_name(name: str, case: str = "nom") -> str:
    """A Polish street, square or stop name in Cyrillic, in case (nom, gen, dat, acc, ins, loc): the street noun
    in Ukrainian, a feminine adjective after a feminine noun agreeing with it, any other word as it is:
    ('ul. Strzegomska', 'gen') → 'вулиці Стшегомської', ('pl. Solidarności', 'loc') → 'площі Солідарності'."""
    noun, rest = street_words(name)
    words = rest.split()
    cyrillic = _saint(words)
    if noun is None:
        return " ".join(cyrillic)
    gender, forms = STREET_NOUNS[noun]
    alone = len(words) == 1 or words[1].startswith("(")  # 'pl. Strzegomski (Muzeum Współczesne)'
    masculine = re.search(r"(?:sk|ck|dzk|zk)i$", words[0]) and cyrillic[0].endswith(("ий", "ій"))
    if gender == "f" and alone and masculine:  # plac Strzegomski: площа is feminine, so Стшегомська
        cyrillic[0] = cyrillic[0][:-2] + ("а" if cyrillic[0].endswith("ий") else "я")
    if gender == "f" and alone and (masculine or _POLISH_FEMININE_ADJECTIVE.search(words[0])) and \
            cyrillic[0].endswith(("а", "я")):
        cyrillic[0] = _agreeing(cyrillic[0], case)
    return " ".join([forms[_CASES.index(case)]] + cyrillic)


def signed_name(name: str, case: str = "nom") -> str:
    """A name as a reader must match it on a Latin-script sign: the Cyrillic name in case with the original in
    brackets, marked: 'вулиця Стшегомська (ul. Strzegomska)'."""
    return f"{cyrillic_name(name, case)} ({original(name)})"
