"""The spoken script of the audio edition, composed from the guide model (standards AU-01, AU-02).

A script is chapters (one per office, plus the introduction, how to listen, the word list and the
sources), each made of sections a listener can jump to, each made of sentences. Sentences are
written for listening: routes are narrated step by step, every map and pictogram is described,
and each office chapter ends with its contacts. `spoken()` turns every sentence into the words
that are actually said; the transcript is those words.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..language.pl.easyphrasing import entrance_lines, hours_lines, inside_lines
from ..language.pl.readability import sentences
from ..language.pl.phrasing import describe_barrier, describe_step, describe_unknown, quantity, written_date
from .pictograms import pictograms
from ..language.pl.spoken import ordinal, spoken

__all__ = ["Script", "Chapter", "Section", "compose_script"]


@dataclass(frozen=True)
class Section:
    title: str  # spoken form
    sentences: tuple  # spoken forms


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str  # spoken form: the chapter's name in players and in the transcript
    sections: tuple


@dataclass(frozen=True)
class Script:
    title: str
    lang: str
    chapters: tuple

    def transcript(self) -> str:
        """The text that is spoken, as plain text: '# ' before a chapter's title, '## ' before a section's (the
        section title is spoken, the chapter title names the file and the player's chapter)."""
        parts = [self.title, ""]
        for chapter in self.chapters:
            parts.append(f"# {chapter.title}")
            for section in chapter.sections:
                parts += ["", f"## {section.title}", *section.sentences]
            parts.append("")
        return "\n".join(parts)


def _section(title: str, texts) -> Section:
    said = []
    for text in texts:
        said += [_closed(spoken(sentence)) for sentence in sentences(text)]
    return Section(spoken(title), tuple(s for s in said if s))


def _closed(sentence: str) -> str:
    """A sentence that ends like one (a closing bracket read as a pause leaves a comma behind)."""
    sentence = sentence.rstrip(" ,;")
    return sentence + "." if sentence and sentence[-1] not in ".!?:" else sentence


def _lines(easy_lines) -> list:
    return [sentence for line in easy_lines for sentence in line.sentences]


def compose_script(model, lang: str) -> Script:
    """The whole guide as chapters for listening."""
    info = model.data.info
    title = info.title.get(lang) or next(iter(info.title.values()))
    offices = model.data.offices
    chapters = [_introduction(model, title, lang), _how_to_listen(model, offices, lang)]
    chapters += [_office(model, office, lang) for office in offices]
    chapters.append(Chapter("slowniczek", "Słowniczek", (_section("Słowniczek", [
        "Tu wyjaśniamy trudne słowa z tego przewodnika."] + [f"{e.term[lang]}: {e.meaning[lang]}" for e in info.glossary]),)))
    sources = [f"{s['name']}" + (f", stan na {s['retrieved']}." if s.get("retrieved") else ".") for s in info.sources]
    chapters.append(Chapter("o-nagraniu", "O nagraniu i źródła danych", (_section("O nagraniu i źródła danych", [
        f"{title}. Wersja dźwiękowa. Wydawca: {info.publisher}. Wydanie z dnia {written_date(info.edition_date, lang)}.",
        "Nagranie powstało syntezatorem mowy z tych samych danych co wersja drukowana, standardowa i łatwa do czytania.",
        "Źródła danych:", *sources, "To koniec nagrania. Dziękujemy za wysłuchanie."]),)))
    return Script(spoken(title), lang, tuple(chapters))


def _contact_texts(info, lang: str) -> list:
    texts = [f"Telefon{' ' + p.label[lang] if p.label.get(lang) else ''}: {p.number}." for p in info.contacts.phones]
    if info.contacts.email:
        texts.append(f"E-mail: {info.contacts.email}.")
    return texts


def _introduction(model, title: str, lang: str) -> Chapter:
    info = model.data.info
    return Chapter("wstep", "Wstęp", (_section("Wstęp", [
        f"{title}. Wersja dźwiękowa.", f"Wydawca: {info.publisher}.",
        f"Wydanie z dnia {written_date(info.edition_date, lang)}.", info.introduction[lang],
        "Kontakt z MOPS:", *_contact_texts(info, lang)]),))


def _how_to_listen(model, offices, lang: str) -> Chapter:
    chapter_list = ["Rozdział 1: Wstęp.", "Rozdział 2: Jak słuchać."] + [
        f"Rozdział {n}: {o.short_name}." for n, o in enumerate(offices, start=3)] + [
        f"Rozdział {len(offices) + 3}: Słowniczek.", f"Rozdział {len(offices) + 4}: O nagraniu i źródła danych."]
    profiles = [p.name[lang] + "." for p in model.profiles.values()]
    legend = [f"{picture.alt_text(lang)}." for picture in pictograms().values()]
    return Chapter("jak-sluchac", "Jak słuchać", (
        _section("Jak słuchać", [
            "Nagranie ma rozdziały. Każde biuro MOPS ma swój rozdział.",
            "W odtwarzaczu DAISY przejdziesz do następnego rozdziału klawiszem następnego nagłówka. "
            "W rozdziale biura są części: adres, godziny, wejścia, droga w budynku i trasy dla każdej grupy osób.",
            "W plikach MP3 każdy rozdział jest osobnym plikiem. Plik z całym nagraniem ma znaczniki rozdziałów.",
            "Każdy rozdział biura kończy się numerem telefonu i adresem.", "Oto rozdziały:", *chapter_list]),
        _section("Grupy osób", ["Trasy opisujemy dla tych grup osób:", *profiles]),
        _section("Mapy i piktogramy", [
            "W wersjach drukowanych każda trasa ma mapę. W nagraniu opisujemy każdą mapę słowami, a potem "
            "prowadzimy krok po kroku.",
            "W wersji łatwej do czytania przy każdej informacji stoi mały obrazek, czyli piktogram. "
            "Oto piktogramy i ich znaczenie:", *legend])))


def _office(model, office, lang: str) -> Chapter:
    title = f"{office.short_name}: {office.name[lang]}"
    address = f"Adres: {office.address}." + (" Położenie na mapie jest przybliżone." if office.location.approximate
                                             else "")
    phones = [f"Telefon: {p.number}" + (f", {p.label[lang]}" if p.label.get(lang) else "") + "."
              for p in office.contacts.phones]
    email = [f"E-mail: {office.contacts.email}."] if office.contacts.email else []
    sections = [_section(title, [office.description[lang], address, *phones, *email]),
                _section("Godziny otwarcia", _lines([hours_lines(office.hours)]) +
                         ([office.hours.note[lang]] if office.hours and office.hours.note.get(lang) else []))]
    if office.services:
        sections.append(_section("Sprawy do załatwienia", [
            f"{s.name[lang]}." + (f" {s.description[lang]}" if s.description.get(lang) else "") for s in office.services]))
    entrance_texts = []
    for entrance in office.entrances:
        entrance_texts += [f"{entrance.name[lang]}."] + (_lines(entrance_lines(entrance.facts)) or
                                                         ["Brak danych o tym wejściu."])
        if entrance.notes.get(lang):
            entrance_texts.append(entrance.notes[lang])
    sections.append(_section("Wejścia", entrance_texts))
    inside = _lines(inside_lines(office.inside.facts)) or ["Brak danych o wnętrzu budynku."]
    sections.append(_section("W budynku", inside + ([office.inside.notes[lang]] if office.inside.notes.get(lang) else [])))
    sections += _route_sections(model, office, lang)
    sections.append(_section("Kontakt", [f"To był rozdział: {office.short_name}.", address, *phones, *email]))
    return Chapter(office.id, spoken(title), tuple(sections))


def _route_sections(model, office, lang: str) -> list:
    """One section per group of profiles that share the same route, so a listener can jump to it."""
    groups: dict = {}
    for profile in model.profiles.values():
        route = model.chosen_route(office.id, profile.id)
        if route is not None:
            key = (route.status, route.origin, route.entrance, tuple(describe_step(s) for s in route.steps))
            groups.setdefault(key, ([], route))[0].append(profile.name[lang])
    return [_section("Trasa dla: " + ", ".join(names), _narration(model, office, route, lang))
            for names, route in groups.values()]


def _narration(model, office, route, lang: str) -> list:
    phone = (office.contacts.phones or model.data.info.contacts.phones)[0].number
    origin = f"przystanku {route.origin_name}" if route.origin_kind == "stop" else route.origin_name
    if route.status == "no_route":
        texts = [f"Z {origin} nie ma dostępnej trasy dla tej grupy osób. Przeszkody:"]
        texts += [describe_barrier(b.barrier.attribute, b.barrier.value, b.barrier.limit, b.barrier.unit, b.name)
                  for b in route.barriers]
        texts += [f"Inna możliwość: trasa z miejsca {a.origin_name}." for a in route.alternatives if a.kind == "origin"]
        return texts + [f"Zadzwoń przed wizytą: {phone}."]
    entrance = next(e for e in office.entrances if e.id == route.entrance)
    minutes = max(1, round(route.duration_s / 60))
    described = model.map_descriptions[(office.id, route.profile, route.origin)]
    texts = [f"Trasa z {origin} do wejścia: {entrance.name[lang]}.",
             f"Długość: {quantity(round(route.length_m), 'metre')}. Przejście zajmie mniej więcej "
             f"{quantity(minutes, 'minute')}.",
             f"Przejścia przez jezdnię na tej trasie: {route.crossings}." if route.crossings else
             "Na tej trasie nie przechodzisz przez jezdnię.",
             f"Opis mapy. {described.overview}", "Teraz trasa krok po kroku."]
    steps = list(described.steps) + ([describe_step(s, lang) for s in route.inside.steps] if route.inside else [])
    texts += [f"Krok {ordinal(number)}. {step}" for number, step in enumerate(steps, start=1)]
    if route.inside and route.inside.barriers:
        texts.append("Przeszkody w budynku: " + "; ".join(
            describe_barrier(b.attribute, b.value, b.limit, b.unit, None) for b in route.inside.barriers) + ".")
    unknowns = list(dict.fromkeys([u.attribute for u in route.unknowns] +
                                  list(route.inside.unknowns if route.inside else ())))
    if unknowns:
        texts.append("Trasa zależy od brakujących danych: " + ", ".join(describe_unknown(u) for u in unknowns)
                     + f". Zadzwoń przed wizytą, jeśli to dla Ciebie ważne: {phone}.")
    return texts
