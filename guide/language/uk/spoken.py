"""Ukrainian text normalised for speech (standard AU-02) for espeak-ng's uk voice: what the listener should hear,
written out.

Every passage marked original() (a Polish name) is kept as it is, marked, for the Polish voice; a bracketed
original that only repeats the Cyrillic name before it is left out ("вулиця Стшегомська (ul. Strzegomska)" is
heard "вулиця Стшегомська"). Everything else becomes words: times as times ("з сьомої тридцять до п'ятнадцятої
тридцять", "об одинадцятій"), dates with ordinals ("двадцять третього листопада"), floors and "3-й", "3-му" as
ordinals in their case and gender, numbers before a noun agreeing with it ("дві сходинки", "близько п'яти
хвилин"), phone numbers in their groups, house numbers ("шість дріб вісім", "дев'ять а"), abbreviations and
units written out ("вул." вулиця, "см" сантиметрів), dashes and symbols in words. Left without rules,
espeak-ng says "6/8" with an English "slash", "3-й" as "три-йот" and "вул." as "вул". A Latin-script word left
over (an acronym, a brand) is marked original() too, so the Ukrainian voice never spells it in English.
"""

from __future__ import annotations

import re
from functools import lru_cache

from num2words import num2words

from ...data.text import ORIGINAL_END, ORIGINAL_START, original, plain, spans
from .. import keeping, paused
from .transliteration import cyrillic_name, street_words, transliterate

__all__ = ["said", "pronounced", "spoken", "ordinal", "cardinal"]

_CASES = ("nom", "gen", "dat", "acc", "ins", "loc")
_NUM2WORDS_CASES = dict(zip(_CASES, ("nominative", "genitive", "dative", "accusative", "instrumental", "locative")))
_CASE_AFTER = {"до": "gen", "від": "gen", "з": "gen", "із": "gen", "зі": "gen", "біля": "gen", "поблизу": "gen",
               "навпроти": "gen", "уздовж": "gen", "вздовж": "gen", "після": "gen", "без": "gen", "для": "gen",
               "близько": "gen", "коло": "gen", "понад": "acc", "через": "acc", "про": "acc", "за": "acc",
               "у": "loc", "в": "loc", "на": "loc", "при": "loc", "по": "loc", "о": "loc", "об": "loc",
               "перед": "ins", "під": "ins", "над": "ins", "між": "ins"}  # looked up in lower case
_ENDINGS = {  # ordinal endings: hard (перший) and soft (третій)
    "nom_m": ("ий", "ій"), "nom_f": ("а", "я"), "nom_n": ("е", "є"), "gen_m": ("ого", "ього"),
    "gen_f": ("ої", "ьої"), "dat_m": ("ому", "ьому"), "dat_f": ("ій", "ій"), "acc_f": ("у", "ю"),
    "ins_m": ("им", "ім"), "ins_f": ("ою", "ьою"), "loc_m": ("ому", "ьому"), "loc_f": ("ій", "ій"),
    "nom_pl": ("і", "і"), "gen_pl": ("их", "іх")}
_SUFFIX_FORMS = {"й": "nom_m", "ий": "nom_m", "ій": "nom_m", "го": "gen_m", "ого": "gen_m", "ього": "gen_m",
                 "му": "loc_m", "ому": "loc_m", "ьому": "loc_m", "м": "ins_m", "им": "ins_m", "ім": "ins_m",
                 "а": "nom_f", "я": "nom_f", "тя": "nom_f", "ї": "gen_f", "ої": "gen_f", "ьої": "gen_f",
                 "у": "acc_f", "ю": "acc_f", "е": "nom_n", "є": "nom_n", "ою": "ins_f", "ьою": "ins_f",
                 "і": "nom_pl", "х": "gen_pl", "их": "gen_pl"}  # 3-й, 3-го, на 3-му, 3-я: the ending tells the form
_NOUNS = {  # abbreviation -> its noun in nom, gen, dat, acc, ins, loc
    "вул.": ("вулиця", "вулиці", "вулиці", "вулицю", "вулицею", "вулиці"),
    "пл.": ("площа", "площі", "площі", "площу", "площею", "площі"),
    "просп.": ("проспект", "проспекту", "проспекту", "проспект", "проспектом", "проспекті"),
    "буд.": ("будинок", "будинку", "будинку", "будинок", "будинком", "будинку"),
    "каб.": ("кабінет", "кабінету", "кабінету", "кабінет", "кабінетом", "кабінеті"),
    "кімн.": ("кімната", "кімнати", "кімнаті", "кімнату", "кімнатою", "кімнаті"),
    "тел.": ("телефон", "телефону", "телефону", "телефон", "телефоном", "телефоні"),
    "№": ("номер", "номера", "номеру", "номер", "номером", "номері"),
    "пов.": ("поверх", "поверху", "поверху", "поверх", "поверхом", "поверсі"),
    "кв.": ("квартира", "квартири", "квартирі", "квартиру", "квартирою", "квартирі"),
    "м.": ("місто", "міста", "місту", "місто", "містом", "місті"),
}
_PHRASES = {"напр.": "наприклад", "т. зв.": "так званий", "і т. д.": "і так далі", "і т. ін.": "і таке інше",
            "ім.": "імені", "див.": "дивіться", "обл.": "область", "р-н": "район", "св.": "святого",
            "грн": "гривень", "зл.": "злотих", "ін.": "інші", "т. ч.": "тому числі"}
_ACRONYMS = {"MP3": "ем-пе-три", "DAISY": "дейзі", "PDF": "пе-де-еф", "QR": "кю-ар", "МОПС": "мопс",
             "ЄС": "є-ес", "ID": "ай-ді"}  # respelt for the engine
_ACRONYM = rf"(?<![\w-])({'|'.join(re.escape(a) for a in sorted(_ACRONYMS, key=len, reverse=True))})(?![\w-])"
_DAYS_GENITIVE = {"понеділок": "понеділка", "вівторок": "вівторка", "середа": "середи", "четвер": "четверга",
                  "п'ятниця": "п'ятниці", "субота": "суботи", "неділя": "неділі", "пн": "понеділка", "вт": "вівторка",
                  "ср": "середи", "чт": "четверга", "пт": "п'ятниці", "сб": "суботи", "нд": "неділі"}
_MONTHS = ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
           "листопада", "грудня")
_MONTHS_NOMINATIVE = ("січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень",
                      "жовтень", "листопад", "грудень")
_UNITS = {  # one, few, many, and after a fraction (the genitive singular); gender
    "м": (("метр", "метри", "метрів", "метра"), "m"), "m": (("метр", "метри", "метрів", "метра"), "m"),
    "см": (("сантиметр", "сантиметри", "сантиметрів", "сантиметра"), "m"),
    "cm": (("сантиметр", "сантиметри", "сантиметрів", "сантиметра"), "m"),
    "км": (("кілометр", "кілометри", "кілометрів", "кілометра"), "m"),
    "%": (("відсоток", "відсотки", "відсотків", "відсотка"), "m"),
    "хв": (("хвилина", "хвилини", "хвилин", "хвилини"), "f"), "год": (("година", "години", "годин", "години"), "f")}
_FEMININE = ("хвилин", "годин", "сходин", "зупин", "сторін", "особ", "людин", "лінi", "лінії", "кімнат", "секунд",
             "доб", "дитин", "перешкод", "платформ", "дверцят", "гривн", "сходинк", "гривен", "ночі", "ніч")
_NEUTER = ("місц", "місце", "вікн", "крісл", "місць")
_LATIN_LETTERS = dict(zip("abcdefghijklmnopqrstuvwxyz", ("а", "бе", "це", "де", "е", "еф", "ге", "аш", "і", "йот",
                                                          "ка", "ель", "ем", "ен", "о", "пе", "кю", "ер", "ес", "те",
                                                          "у", "ве", "дубль-ве", "ікс", "ігрек", "зет")))
_CYRILLIC_LETTERS = {"а": "а", "б": "бе", "в": "ве", "г": "ге", "д": "де", "е": "е", "є": "є", "ж": "же", "з": "зе",
                     "і": "і", "к": "ка", "л": "ел", "м": "ем", "н": "ен"}  # 12б: "дванадцять бе"
_APOSTROPHES = re.compile("[\u2019\u02bc]")  # ’ and ʼ as '


def cardinal(number: int | str, case: str = "nom", gender: str = "m") -> str:
    """A cardinal number in words, in case (nom, gen, dat, acc, ins, loc) and gender (m, f, n):
    (2, 'nom', 'f') → 'дві', (5, 'gen', 'f') → "п'яти", (1, 'nom', 'n') → 'одне'."""
    number = int(number)
    said = num2words(number, lang="uk", case=_NUM2WORDS_CASES[case], gender="feminine" if gender == "f" else "masculine")
    if gender == "n" and number % 10 == 1 and number % 100 != 11 and case in ("nom", "acc"):
        said = re.sub(r"один$", "одне", said)
    return said


def ordinal(number: int, form: str = "nom_m") -> str:
    """A Ukrainian ordinal: form is nom_m, nom_f, nom_n, gen_m, gen_f, dat_m, dat_f, acc_f, ins_m, ins_f, loc_m,
    loc_f, nom_pl, gen_pl: (3, 'loc_m') → 'третьому', (7, 'gen_f') → 'сьомої'."""
    words = num2words(number, lang="uk", to="ordinal").replace("двохтисяч", "двотисяч").split()
    last = words[-1]
    soft = last.endswith("ій")
    words[-1] = last[:-2] + _ENDINGS[form][1 if soft else 0]
    return " ".join(words)


def _case_after(word: str | None) -> str:
    return _CASE_AFTER.get((word or "").lower(), "nom")


def _gender(noun: str) -> str:
    lowered = noun.lower()
    if lowered.startswith(_FEMININE):
        return "f"
    return "n" if lowered.startswith(_NEUTER) else "m"


def _time(hours: str, minutes: str, form: str) -> str:
    """7:30 → сьома тридцять (nom_f), сьомої тридцять (gen_f), сьомій тридцять (loc_f), сьомою тридцять (ins_f)."""
    hour = int(hours)
    if hour in (0, 24) and minutes == "00":  # 0:00 and 24:00 are midnight
        return {"nom_f": "північ", "gen_f": "півночі", "loc_f": "опівночі", "ins_f": "північчю"}[form]
    spoken_hour = "нуль" if hour == 0 else ordinal(hour, form)
    if minutes == "00":
        return spoken_hour
    if minutes.startswith("0"):
        return f"{spoken_hour} нуль {cardinal(minutes)}"
    return f"{spoken_hour} {cardinal(minutes)}"


def _time_form(word: str | None) -> str:
    """The case of a time after the word before it: 'о сьомій', 'до сьомої', 'перед сьомою', else 'сьома'."""
    case = _case_after(word)
    return {"gen": "gen_f", "loc": "loc_f", "ins": "ins_f"}.get(case, "nom_f")


_TIME = r"([01]?\d|2[0-4])[:.]([0-5]\d)"


def _times(text: str) -> str:
    def time_range(match):
        lead = (match.group(1) or "").strip()
        start = _time(match.group(2), match.group(3), "gen_f")
        end = _time(match.group(4), match.group(5), "gen_f")
        return f"{lead + ' ' if lead and lead.lower() not in ('з', 'від', 'із') else ''}" \
               f"{lead if lead.lower() in ('з', 'від', 'із') else 'з'} {start} до {end}"

    def single(match):
        word = match.group(1)
        said = _time(match.group(2), match.group(3), _time_form(word))
        if word and word.lower() in ("о", "об"):
            if said == "опівночі":
                return said
            word = word[0] + ("б" if said[0] in "аоуеіи" else "")
        return (f"{word} " if word else "") + said

    text = re.sub(rf"(?:\b(\w+)\s+)?\b{_TIME}\s*[–—-]\s*{_TIME}\b", time_range, text)
    return re.sub(r"(?:\b(\w+)\s+)?\b([01]?\d|2[0-4]):([0-5]\d)\b", single, text)


def _digits(group: str) -> str:
    """A group of a phone number: its leading zeros one by one, then the number: '022' → 'нуль двадцять два'."""
    zeros = len(group) - len(group.lstrip("0"))
    return " ".join(["нуль"] * zeros + ([cardinal(group)] if group.strip("0") else []))


def _phones(text: str) -> str:
    """Nine-digit numbers written in groups, read group by group with a pause between: 71 78 22 300."""
    def read(match):
        written = match.group(0)
        groups = re.split(r"[ -]", re.sub(r"^\+48 ?", "", written))
        prefix = "плюс сорок вісім, " if written.startswith("+48") else ""
        return prefix + ", ".join(_digits(g) for g in groups)

    return re.sub(r"(?:\+48 ?)?(?<![\d/])\d{2,3}(?:[ -]\d{2,3}){2,3}(?![\d/])",
                  lambda m: read(m) if len(re.sub(r"\D", "", re.sub(r"^\+48", "", m.group(0)))) == 9 else m.group(0),
                  text)


def _letter(letter: str) -> str:
    lowered = letter.lower()
    return _LATIN_LETTERS.get(lowered) or _CYRILLIC_LETTERS.get(lowered, lowered)


def _house(number: str) -> str:
    digits, letter = re.fullmatch(r"(\d+)([^\W\d_]?)", number).groups()
    return cardinal(digits) + (f" {_letter(letter)}" if letter else "")


def _addresses(text: str) -> str:
    text = re.sub(r"\b(\d{2})-(\d{3})\b", lambda m: f"{_digits(m.group(1))}, {_digits(m.group(2))}", text)  # 50-001
    letter = r"[A-Za-zабвгдеєжзік]"
    text = re.sub(rf"\b\d+{letter}?(?:/\d+{letter}?)+\b",
                  lambda m: " дріб ".join(_house(part) for part in m.group(0).split("/")), text)
    return re.sub(rf"\b(\d+)({letter})\b", lambda m: _house(m.group(0)), text)


def _ordinals(text: str) -> str:
    """'3-й' → 'третій', 'на 3-му поверсі' → 'на третьому поверсі', 'на 3-й платформі' → 'на третій платформі';
    a bare number before a form of 'поверх' is an ordinal too: 'на 3 поверсі'."""
    def suffixed(match):
        before, number, suffix = match.group(1), int(match.group(2)), match.group(3)
        form = _SUFFIX_FORMS[suffix]
        if form == "nom_m" and _case_after(before) == "loc":
            form = "loc_f"  # на 3-й платформі
        return (f"{before} " if before else "") + ordinal(number, form)

    suffixes = "|".join(sorted(_SUFFIX_FORMS, key=len, reverse=True))
    text = re.sub(rf"(?:\b(\w+)\s+)?\b(\d+)-({suffixes})\b", suffixed, text)
    floors = {"поверх": "nom_m", "поверху": "gen_m", "поверсі": "loc_m", "поверхом": "ins_m"}
    return re.sub(r"(?<![-−\w])(\d+)\s+(поверх|поверху|поверсі|поверхом)\b",
                  lambda m: f"{ordinal(int(m.group(1)), floors[m.group(2)])} {m.group(2)}", text)


def _abbreviations(text: str) -> str:
    def noun(match):
        before, abbreviation = match.group(1), match.group(2).lower()
        forms = _NOUNS[abbreviation]
        word = forms[_CASES.index(_case_after(before))]
        if match.group(2)[0].isupper() and not before:
            word = word.capitalize()
        return f"{before} {word}" if before else word

    nouns = "|".join(re.escape(a) for a in sorted(_NOUNS, key=len, reverse=True))
    text = re.sub(rf"(?:\b(\w+)\s+)?(?<![\w.])({nouns})(?=\s|$|[\d,;:)])", noun, text, flags=re.IGNORECASE)
    text = re.sub(r"№(?=\d)", "номер ", text)
    phrases = "|".join(re.escape(p) for p in sorted(_PHRASES, key=len, reverse=True))
    text = re.sub(rf"(?<![\w.])({phrases})(?=\s|$|[,;])", lambda m: _PHRASES[m.group(1)], text)
    return re.sub(r"(?<![\w-])([Ee])-mail(?![\w-])", lambda m: f"{'Е' if m.group(1) == 'E' else 'е'}лектронна пошта", text)


def _day_ranges(text: str) -> str:
    """понеділок–п'ятниця, пн–пт → з понеділка до п'ятниці."""
    names = "|".join(sorted(_DAYS_GENITIVE, key=len, reverse=True))
    return re.sub(rf"(?<![\w'])({names})\.?\s*[–—-]\s*({names})\b\.?",
                  lambda m: f"з {_DAYS_GENITIVE[m.group(1).lower()]} до {_DAYS_GENITIVE[m.group(2).lower()]}", text,
                  flags=re.IGNORECASE)


def _dates(text: str) -> str:
    def date(day: str, month: int, year: str | None) -> str:
        said = f"{ordinal(int(day), 'gen_m')} {_MONTHS[month - 1]}"
        return said + (f" {ordinal(int(year), 'gen_m')} року" if year else "")

    year_word = r"(?:\s+(?:року|р\.)(?!\w))?"
    text = re.sub(rf"\b(\d{{4}})-(\d{{2}})-(\d{{2}})\b{year_word}",
                  lambda m: date(m.group(3), int(m.group(2)), m.group(1)), text)
    text = re.sub(rf"\b(\d{{1,2}})\.(0?[1-9]|1[0-2])\.(\d{{4}})\b{year_word}",
                  lambda m: date(m.group(1), int(m.group(2)), m.group(3)), text)
    text = re.sub(rf"\b(\d{{4}})-(0[1-9]|1[0-2])\b{year_word}",
                  lambda m: f"{_MONTHS_NOMINATIVE[int(m.group(2)) - 1]} {ordinal(int(m.group(1)), 'gen_m')} року", text)
    months = "|".join(_MONTHS)
    text = re.sub(rf"\b(\d{{1,2}}) ({months})(?: (\d{{4}})\b{year_word})?",
                  lambda m: date(m.group(1), _MONTHS.index(m.group(2)) + 1, m.group(3)), text)
    return re.sub(rf"\b({'|'.join(_MONTHS_NOMINATIVE)}) (\d{{4}})\b{year_word}",
                  lambda m: f"{m.group(1)} {ordinal(int(m.group(2)), 'gen_m')} року", text)


_WEB_WORDS = {"pl": "пе-ел", "org": "орг", "com": "ком", "net": "нет", "eu": "е-у", "ua": "у-а", "info": "інфо",
              "www": "ве-ве-ве", "http": "", "https": ""}
_WEB_SIGNS = {"@": " равлик ", ".": " крапка ", "-": " дефіс ", "/": " скісна риска ", "_": " підкреслення "}


def _web_address(address: str) -> str:
    """A web or e-mail address as a Ukrainian says it, its words read as the Polish they mostly are:
    'biuro@example.org' → 'біуро равлик ексампле крапка орг'."""
    address = re.sub(r"^https?://", "", address)
    parts = re.split(r"([@./_-])", address)
    said = "".join(_WEB_SIGNS.get(part) or _WEB_WORDS.get(part.lower()) or
                   (cardinal(part) if part.isdigit() else _spelled(part) if not re.search("[aeiouy]", part.lower())
                    else transliterate(part).lower()) for part in parts if part)
    return re.sub(r"\s{2,}", " ", said).strip()


def _spelled(word: str) -> str:
    """A word without vowels letter by letter: 'pjm' → 'пе-йот-ем'."""
    return "-".join(_letter(char) for char in word)


_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_SITE = (r"(?:https?://|\b(?=(?:[\w-]+\.)+[a-z]{2,}/)|\b(?=[\w-]+\.(?:[\w-]+\.)*"
         r"(?:pl|com|org|net|eu|info|ua)(?![\w.-]*\w)))[\w-]+(?:\.[\w-]+)+(?:/(?:\S*[^\s.,;:!?)])?)?")
_AS_WRITTEN = rf"{_EMAIL}|{_SITE}|{_ACRONYM}"  # said as written, respelt only for the speech engine


def _web(text: str) -> str:
    """Web and e-mail addresses said in Ukrainian words."""
    text = re.sub(_EMAIL, lambda m: _web_address(m.group(0)), text)  # e-mail first
    return re.sub(_SITE, lambda m: _web_address(m.group(0)), text)


def _unit_noun(number: int, fraction: bool, forms: tuple, case: str) -> str:
    if fraction:
        return forms[3]
    if case == "gen":
        return forms[3] if number % 10 == 1 and number % 100 != 11 else forms[2]
    last, tens = number % 10, number % 100
    return forms[0] if last == 1 and tens != 11 else forms[1] if 2 <= last <= 4 and not 12 <= tens <= 14 else forms[2]


def _numbers(text: str) -> str:
    text = re.sub(r"(?<![\w\d])[-−](?=\d)", "мінус ", text)  # a level below ground: рівень -1
    units = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))

    def with_unit(match):
        before, whole, part, unit = match.group(1), match.group(2), match.group(3), match.group(4)
        forms, gender = _UNITS[unit]
        case = _case_after(before)
        case = case if case in ("gen", "acc") else "nom"
        if part:
            said = f"{cardinal(whole, case, 'f')} кома {cardinal(part, case, 'f')}"
        else:
            said = cardinal(whole, case, gender)
        return (f"{before} " if before else "") + f"{said} {_unit_noun(int(whole), bool(part), forms, case)}"

    text = re.sub(rf"(?:\b(\w+)\s+)?\b(\d+)(?:,(\d+))?\s?({units})(?=[\W]|$)", with_unit, text)
    text = re.sub(r"\b(\d+),(\d+)\b", lambda m: f"{cardinal(m.group(1), 'nom', 'f')} кома "
                                              f"{cardinal(m.group(2), 'nom', 'f')}", text)

    def counted(match):
        before, number, noun = match.group(1), match.group(2), match.group(3)
        case = _case_after(before)
        case = case if case in ("gen", "acc") else "nom"
        return (f"{before} " if before else "") + cardinal(number, case, _gender(noun))

    text = re.sub(r"(?:\b(\w+)\s+)?\b(\d+)(?= ([а-яіїєґ'][а-яіїєґ']*))", counted, text)
    return re.sub(r"\d+", lambda m: cardinal(m.group(0)), text)


def _ranges(text: str) -> str:
    """'10–15 хвилин' → 'від 10 до 15 хвилин' (the numbers read next, in the genitive); a hyphen between numbers
    (a house-number range, 4-5) is a pause."""
    text = re.sub(r"(?<![\d,])(\d+)\s*[–—]\s*(\d+)(?![\d:])", r"від \1 до \2", text)
    return re.sub(r"(?<=\d)-(?=\d)", ", ", text)


def _symbols(text: str) -> str:
    text = re.sub(r"(\d)\+", r"\1 плюс", text)
    for symbol, words in (("≥", " щонайменше "), ("≤", " не більше "), (">", " більше ніж "), ("<", " менше ніж "),
                          ("&", " і "), ("+", " плюс "), ("=", " дорівнює "), ("×", " на ")):
        text = text.replace(symbol, words)
    text = re.sub(r"\s*[–—]\s*", ", ", text)
    text = re.sub(r"(?<=\w)/(?=\w)", " ", text)  # км/год
    text = re.sub(r"[„”“\"«»]", "", text)
    text = re.sub(r"\s*\(\s*", ", ", text)
    text = re.sub(r"\s*\)", ",", text)
    return text


_LATIN_WORD = r"[A-Za-z\u00C0-\u024F][\w.'-]*"


def _latin(text: str) -> str:
    """Any Latin-script word left (an acronym, a brand, an untranslated word) marked original for the Polish voice."""
    def mark(match) -> str:
        words = match.group(0)
        return original(words.rstrip(".")) + ("." if words.endswith(".") else "")
    return re.sub(rf"{_LATIN_WORD}(?:\s+{_LATIN_WORD})*", mark, text)


def _said_piece(text: str) -> str:
    """One stretch of Ukrainian text (no marks) in the words heard, acronyms and addresses as written; its edges'
    spaces kept."""
    return keeping(_AS_WRITTEN, _APOSTROPHES.sub("'", text), _in_words)


def _in_words(text: str) -> str:
    text = _abbreviations(text)
    text = _dates(text)
    text = _day_ranges(text)
    text = _times(text)
    text = _phones(text)
    text = _ordinals(text)
    text = _addresses(text)
    text = _ranges(text)
    text = _symbols(text)
    return _numbers(text)


def _repeats(cyrillic_before: str, name: str) -> bool:
    """Whether a Polish name only repeats the Cyrillic words before it ('вулиці Стшегомської', 'ul. Strzegomska'):
    the name's words after its street noun, in Cyrillic, each alike the word before in all but its ending."""
    said = cyrillic_name(name).lower().split()[1 if street_words(name)[0] else 0:]
    before = re.findall(r"[\w']+", cyrillic_before.lower())[-len(said):] if said else []
    return len(before) == len(said) and all(a[:max(3, len(b) - 2)] == b[:max(3, len(b) - 2)]
                                            for a, b in zip(before, said))


_FLOOR_SAID = re.compile(r"(?:поверх(?:у|і|ом)?|поверсі)(?::\s*[\w']+)?\s*$", re.IGNORECASE)  # 'третій поверх', 'Поверх: другий' just said


def _drop_repeated_originals(text: str) -> str:
    """Without a bracketed original that repeats what was just said: a street's or stop's Cyrillic name, or the
    floor ('на третьому поверсі (2. piętro)'), which a listener has heard in Ukrainian."""
    pattern = re.compile(rf"\s*\(\s*{ORIGINAL_START}([^{ORIGINAL_END}]*){ORIGINAL_END}\s*\)")

    def drop(match):
        before = plain(text[:match.start()])
        return "" if _FLOOR_SAID.search(before) or _repeats(before, match.group(1)) else match.group(0)
    return pattern.sub(drop, text)


@lru_cache(maxsize=None)  # the audio, the transcript and the e-books say the same texts
def said(text: str) -> str:
    """The Ukrainian text in the words the listener hears, spelt as a reader reads them: numbers, times and dates in
    words, abbreviations expanded, acronyms and web addresses as written, every original() passage kept, marked;
    PAUSE where a breath is due."""
    text = paused(_drop_repeated_originals(text))
    said = "".join(original(piece) if marked else _said_piece(piece) for piece, marked in spans(text))
    said = re.sub(r"[ \t]{2,}", " ", said)
    said = re.sub(r",\s*([,.;:!?])", r"\1", said)
    said = re.sub(rf",\s*({ORIGINAL_END}?)\s*$", r"\1", said)
    return said.strip(" ,")


def pronounced(text: str) -> str:
    """A said() text spelt for the speech engine: acronyms as they sound ('дейзі'), web and e-mail addresses in
    Ukrainian words, any other Latin-script word marked original() for the Polish voice."""
    return "".join(original(piece) if marked else _latin(_web(re.sub(_ACRONYM, lambda m: _ACRONYMS[m.group(1)], piece)))
                   for piece, marked in spans(text))


def spoken(text: str) -> str:
    """The Ukrainian text as the speech engine says it to the listener, with every original() passage kept, marked."""
    return pronounced(said(text))
