"""The guide document of the Wrocław data: routes that several groups share told once, one map each, a
finder per group of people, and the same in the standard PDF's structure tree and outline."""

from __future__ import annotations

import re
import subprocess

import pikepdf
import pytest

from guide.document.builder import Documents
from guide.document.nodes import Figure, Finder, Legend

ROUTES_TODAY = 21  # distinct usable routes of routes/wroclaw


@pytest.fixture(scope="module")
def documents(wroclaw_model):
    return Documents(wroclaw_model)


def _usable(route) -> bool:
    return route.status != "no_route"


def _distinct_usable_routes(model) -> set:
    """(place, origin, entrance, path) of every usable route of every place and profile, straight from
    model.routes."""
    return {(place, route.origin, route.entrance, tuple(route.coords))
            for (place, _profile), routes in model.routes.items() for route in routes if _usable(route)}


def _figures(document) -> list:
    return [block for section in document.walk() for block in section.blocks if isinstance(block, Figure)]


def _routes_section(document, place_id: str):
    """The one section of a place's chapter that holds the finders (the place's routes)."""
    chapter = next(s for s in document.sections if s.key == f"place-{place_id}")
    found = [s for s in chapter.walk() if any(isinstance(b, Finder) for b in s.blocks)]
    assert len(found) == 1, [s.key for s in found]
    return found[0]


def test_shared_routes_tell_each_distinct_usable_route_once(wroclaw_model):
    distinct = _distinct_usable_routes(wroclaw_model)
    shared = [s for place in wroclaw_model.data.places for s in wroclaw_model.shared_routes(place.id)
              if _usable(s.route)]
    assert len(shared) == len(distinct)
    assert {(s.route.place, s.route.origin, s.route.entrance, tuple(s.route.coords)) for s in shared} == distinct
    assert len(distinct) == ROUTES_TODAY


def test_every_route_is_in_exactly_one_shared_route_of_its_place(wroclaw_model):
    for place in wroclaw_model.data.places:
        shared = wroclaw_model.shared_routes(place.id)
        told = sum(len(s.routes) for s in shared)
        expected = sum(len(wroclaw_model.routes_for(place.id, p)) for p in wroclaw_model.profiles)
        assert told == expected, place.id
        for profile in wroclaw_model.profiles:
            for route in wroclaw_model.routes_for(place.id, profile):
                holders = [s for s in shared if any(r is route for r in s.routes)]
                assert len(holders) == 1, (place.id, profile, route.origin, len(holders))
                assert profile in holders[0].profiles


def test_standard_document_has_one_map_per_distinct_route_and_easy_read_no_more(wroclaw_model, documents):
    distinct = len(_distinct_usable_routes(wroclaw_model))
    standard = _figures(documents.get("pl", "standard"))
    easy = _figures(documents.get("pl", "easy-read"))
    assert len(standard) == distinct
    assert len({f.name for f in standard}) == distinct
    assert len(easy) <= distinct, (f"{len(easy)} maps in easy-read for {distinct} distinct routes; repeated: "
                                   f"{sorted(n for n in {f.name for f in easy} if [g.name for g in easy].count(n) > 1)}")


def test_each_group_of_people_finds_every_route_of_theirs(wroclaw_model, documents):
    document = documents.get("pl", "standard")
    keys = {section.key for section in document.walk()}
    for place in wroclaw_model.data.places:
        section = _routes_section(document, place.id)
        shared = wroclaw_model.shared_routes(place.id)
        assert len(section.sections) == len(shared), place.id
        for route_section, path in zip(section.sections, shared):  # route sections in the order of shared routes
            maps = [b for b in route_section.blocks if isinstance(b, Figure)]
            if _usable(path.route):  # the map is named like its route's section, and shows that route's path
                assert [m.name for m in maps] == [route_section.key]
                assert maps[0].scene.route[0] != maps[0].scene.route[-1] and route_section.key.startswith("route-")
            else:
                assert maps == []
        finders = [b for b in section.blocks if isinstance(b, Finder)]
        for profile in wroclaw_model.profiles.values():
            mine = [f for f in finders if f.label == profile.name["pl"]]
            assert len(mine) == 1, (place.id, profile.id, [f.label for f in finders])
            targets = [key for _title, key in mine[0].targets]
            assert set(targets) <= keys, (place.id, profile.id, targets)
            expected = [s.key for s, path in zip(section.sections, shared) if profile.id in path.profiles]
            assert targets == expected, (place.id, profile.id)
            assert [t for t, _k in mine[0].targets] == [s.title for s, path in zip(section.sections, shared)
                                                        if profile.id in path.profiles]
            for route in wroclaw_model.routes_for(place.id, profile.id):
                if _usable(route):
                    holder = next(i for i, path in enumerate(shared) if any(r is route for r in path.routes))
                    assert section.sections[holder].key in targets, (place.id, profile.id, route.origin)


def _structure_figures(pdf_path) -> list:
    """The /Alt of every Figure element of the structure tree, in no particular order."""
    alts = []
    with pikepdf.open(pdf_path) as pdf:
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if node.get("/S") == pikepdf.Name.Figure:
                alts.append(str(node.get("/Alt", "")))
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack.extend(k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k)
            elif isinstance(kids, pikepdf.Dictionary) and "/S" in kids:
                stack.append(kids)
    return alts


def test_standard_pdf_has_a_tagged_map_with_alt_text_per_distinct_route(standard, wroclaw_model, documents):
    raw = subprocess.run(["pdfinfo", "-struct-text", str(standard)], capture_output=True, text=True,
                         check=True).stdout
    tagged = sum(1 for line in raw.splitlines() if line.strip().startswith("Figure"))
    alts = _structure_figures(standard)
    maps = sorted(alt for alt in alts if alt.startswith("Mapa trasy"))
    assert tagged == len(alts)  # poppler and pikepdf see the same figures
    assert len(maps) == ROUTES_TODAY == len(_distinct_usable_routes(wroclaw_model))
    assert maps == sorted(f.alt for f in _figures(documents.get("pl", "standard")))


def _page_texts(pdf_path) -> list:
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")]


def test_standard_pdf_outline_has_each_group_with_its_routes_under_each_place(standard, wroclaw_model,
                                                                               documents):
    document = documents.get("pl", "standard")
    pages = _page_texts(standard)
    with pikepdf.open(standard) as pdf:
        numbers = {page.objgen: n for n, page in enumerate(pdf.pages)}

        def page_of(item) -> int:
            destination = item.destination
            assert isinstance(destination, pikepdf.Array), (item.title, destination)
            return numbers[destination[0].objgen]

        def subtree(item):
            for child in item.children:
                yield child
                yield from subtree(child)

        with pdf.open_outline() as outline:
            chapters = {item.title: item for item in outline.root}
            for place in wroclaw_model.data.places:
                chapter = chapters[f"{place.short_name}: {place.name['pl']}"]
                finders = {f.label: f for f in _routes_section(document, place.id).blocks if isinstance(f, Finder)}
                for profile in wroclaw_model.profiles.values():
                    name = profile.name["pl"]
                    entries = [item for item in subtree(chapter) if item.title == name]
                    assert len(entries) == 1, (place.id, name, [i.title for i in subtree(chapter)])
                    children = entries[0].children
                    assert [c.title for c in children] == [title for title, _key in finders[name].targets]
                    for child in children:
                        assert child.title in pages[page_of(child)], (place.id, name, child.title)


def _sentences(section, *, grouped: bool = False) -> list:
    """Every sentence of a section and its sub-sections in reading order (grouped: a paragraph's or a list
    item's sentences joined, as they stand together); legends, which only name pictures, left out."""
    found = []
    for part in section.walk():
        for block in part.blocks:
            if isinstance(block, Legend):
                continue
            groups = [item.sentences for item in getattr(block, "items", ())] + [getattr(block, "sentences", ())]
            found += [" ".join(g) for g in groups if g] if grouped else [s for g in groups for s in g]
    return found


_PHONE_LINE = re.compile(r"\b(?:[Zz]adzwoń|[Tt]elefon zaufania|[Ii]nfolini\w*)\b")
_NUMBER = re.compile(r"\d{2,3}(?: \d{2,3}){2,3}")


def _phone_lines_without_number(texts) -> list:
    """Paragraphs or list items that mention a line to call but give no number with it."""
    return [t for t in texts if _PHONE_LINE.search(t) and not _NUMBER.search(t)]


@pytest.mark.parametrize("register", ["standard", "easy-read"])
def test_every_phone_line_the_guide_mentions_comes_with_its_number(documents, register):
    texts = [t for section in documents.get("pl", register).sections for t in _sentences(section, grouped=True)]
    assert sum(bool(_PHONE_LINE.search(t)) for t in texts) > 10
    assert _phone_lines_without_number(texts) == []


def test_the_phone_check_finds_a_helpline_without_its_number():
    assert _phone_lines_without_number(["Zadzwoń na telefon zaufania.", "Zadzwoń: 71 78 22 300."]) == [
        "Zadzwoń na telefon zaufania."]


def test_no_route_is_never_followed_by_depends_on_missing_data(documents):
    blocked = [s for s in documents.get("pl").walk() if s.key.startswith("route-") and "brak dostępnej trasy" in s.title]
    assert blocked
    for section in blocked:
        assert not [s for s in _sentences(section) if "Trasa zależy od danych" in s], section.title


def test_a_route_from_a_stop_shows_its_vehicle_where_the_data_knows_it(wroclaw_model, documents):
    """The start's pictogram and the text follow stops.csv: a tram stop is never drawn as a bus."""
    from guide.document.builder import StandardBuilder
    builder = StandardBuilder(wroclaw_model, "pl")
    stops = {route.origin: builder.stop_of(route) for routes in wroclaw_model.routes.values() for route in routes
             if route.origin_kind == "stop"}
    known = {origin: stop for origin, stop in stops.items() if stop and stop.vehicles}
    assert {v for stop in known.values() for v in stop.vehicles} == {"tram", "bus"}
    for routes in wroclaw_model.routes.values():
        for route in routes:
            stop = stops.get(route.origin)
            expected = "parking" if route.origin_kind == "parking" else \
                stop.vehicles[0] if stop and len(stop.vehicles) == 1 else "stop"
            assert builder.start_pictogram(route) == expected
    text = " ".join(s for section in documents.get("pl").walk() for block in section.blocks
                    for s in getattr(block, "sentences", ()))
    assert "Tu zatrzymują się tramwaje." in text and "Tu zatrzymują się autobusy." in text


def test_a_facts_note_is_printed_after_its_fact_and_read_aloud(tiny):
    """A note on a single fact (here the steps of the front entrance) stands after the fact in the standard edition
    and in the recording, which reads the same document."""
    from guide import compose, load_guide
    from conftest import edit_text, spoken_script
    edit_text(tiny / "places" / "test-place.yaml", "steps: 4", "steps: {value: 4, note: Schody są strome i wąskie}")
    documents = Documents(compose(load_guide(tiny)))
    entrance = next(s for s in documents.get("pl").walk() if s.key == "place-test-place-entrance-front")
    sentences = [item.text for block in entrance.blocks for item in getattr(block, "items", ())]
    assert "Schody: 4 stopnie. Schody są strome i wąskie." in sentences
    assert "Schody są strome i wąskie." in spoken_script(tiny).transcript()


@pytest.mark.parametrize("how, standard, easy", [
    ("on_site", "Pomoc w polskim języku migowym: tak, pracownik zna polski język migowy.",
     "Pracownik zna język migowy."),
    ("remote", "Pomoc w polskim języku migowym: przez tłumacza online, na ekranie.",
     "Jest tłumacz języka migowego. Miga do Ciebie na ekranie."),
    ("appointment", "Pomoc w polskim języku migowym: tłumacz po wcześniejszym umówieniu wizyty.",
     "Jest tłumacz języka migowego. Umów go przed wizytą."),
    ("true", "Pomoc w polskim języku migowym: tak.", "Jest pomoc w języku migowym."),
])
def test_sign_language_says_how_it_is_offered_in_both_registers(tiny, how, standard, easy):
    """Staff who sign, an interpreter on a screen, or one booked ahead: never 'staff sign' for all of them."""
    from guide import compose, load_guide
    from conftest import edit_text
    edit_text(tiny / "places" / "test-place.yaml", "    lift: true\n", f"    lift: true\n    sign_language: {how}\n")
    documents = Documents(compose(load_guide(tiny)))

    def texts(register):
        inside = next(s for s in documents.get("pl", register).walk() if s.key.endswith("-inside"))
        return [item.text for block in inside.blocks for item in getattr(block, "items", ())]
    assert standard in texts("standard")
    assert easy in texts("easy-read") and ("Pracownik zna język migowy." in texts("easy-read")) == (how == "on_site")


def test_every_map_keeps_its_whole_description_for_the_web_and_pdf_editions_but_not_for_listeners(documents):
    """The web page's map description (and the PDF's map) is what the map shows and how it is drawn; the recording
    says the route's start, entrance and length in its summary, and how maps are drawn once in how to listen."""
    figures = [b for s in documents.get("pl").walk() for b in s.blocks if isinstance(b, Figure)]
    assert len(figures) == ROUTES_TODAY
    for figure in figures:
        assert figure.description[0].startswith("Mapa pokazuje trasę z ") and " do budynku " in figure.description[0]
        assert re.fullmatch(r"Trasa ma \d+ metr(y|ów)?\.", figure.description[1]), figure.description
        assert figure.description[2:] == ("Trasa jest zaznaczona grubą linią z białymi kreskami.",
                                          "Północ jest u góry mapy.")
        assert "audio" not in figure.only and "web" in figure.only and "paper" in figure.only
