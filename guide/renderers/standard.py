"""The standard edition: an A4 PDF/UA-1 guide, tagged for screen readers, with route maps."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, PageBreak, PageTemplate, Paragraph, Spacer

from ..document.maps import draw_pdf, map_scene, write_png
from ..data.model import DAYS
from ..document.pictograms import draw_pictogram, pictograms
from ..language.pl.phrasing import describe_barrier, describe_step, describe_unknown, quantity
from ..pdf.pdfx import Sheet
from ..data.text import FONT_FILES
from ..pdf.tagging import (ContentsEntry, PictureRow, StructureTree, TaggedFigure, TaggedListItem, TaggedParagraph,
                       TaggedTable, artifact, finish)
from . import Renderer

__all__ = ["StandardPdfRenderer", "register_fonts", "FONT", "FONT_BOLD"]

FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
DAY_NAMES = dict(zip(DAYS, ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")))
FACT_LABELS = {
    "accessible": "Dostępne dla osób na wózku", "steps": "Schody", "ramp": "Pochylnia", "ramp_incline": "Nachylenie pochylni",
    "handrail": "Poręcze", "door_width": "Szerokość drzwi", "threshold": "Próg", "automatic_door": "Drzwi automatyczne",
    "bell": "Dzwonek", "intercom": "Domofon", "audio_beacon": "Sygnalizator dźwiękowy (np. Totupoint)",
    "locked": "Zwykle zamknięte", "tactile_paving": "Ścieżka dotykowa", "contrast_marking": "Kontrastowe oznaczenie stopni",
    "disabled_parking": "Miejsca parkingowe dla osób z niepełnosprawnościami", "floor": "Piętro", "room": "Pokój",
    "lift": "Winda", "stairs_handrail": "Poręcze przy schodach", "steps_inside": "Stopnie w drodze do biura",
    "room_door_width": "Szerokość drzwi do pokoju", "room_threshold": "Próg w drzwiach pokoju",
    "accessible_toilet": "Toaleta dla osób z niepełnosprawnościami", "induction_loop": "Pętla indukcyjna",
    "sign_language": "Pomoc w polskim języku migowym", "guide_dogs": "Psy przewodniki i asystujące wpuszczane",
    "seating": "Miejsca do siedzenia",
}
UNITS = {"door_width": "cm", "threshold": "cm", "room_door_width": "cm", "room_threshold": "cm", "ramp_incline": "%"}


def register_fonts() -> None:
    """Register the embedded sans-serif font (Latin Extended-A and Cyrillic)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILES[FONT])))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_FILES[FONT_BOLD])))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _styles(base: float) -> dict:
    def style(name, size, font=FONT, leading=1.4, before=0, after=6):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * leading, 1), spaceBefore=before,
                              spaceAfter=after, textColor=colors.black, alignment=TA_LEFT,
                              keepWithNext=name.startswith("h"))  # a heading never ends a page
    return {"title": style("title", base * 2.4, FONT_BOLD, 1.25, 0, 18), "h1": style("h1", base * 1.8, FONT_BOLD, 1.25, 6, 10),
            "h2": style("h2", base * 1.4, FONT_BOLD, 1.3, 10, 6), "h3": style("h3", base * 1.15, FONT_BOLD, 1.3, 8, 4),
            "body": style("body", base), "label": style("label", base), "toc": style("toc", base)}


def _fact_texts(facts: dict) -> list:
    """Each fact as a sentence; the source and check date once when all facts share them."""
    sources = {(f.source, f.verified) for f in facts.values()}
    shared = len(sources) == 1
    texts = [_fact_text(name, fact, with_source=not shared) for name, fact in facts.items()]
    if shared and texts:
        source, verified = sources.pop()
        texts.append(f"Źródło: {source}; " + (f"sprawdzono: {verified}." if verified else "nie sprawdzono na miejscu."))
    return texts


def _fact_text(name: str, fact, *, with_source: bool = True) -> str:
    value = fact.value
    if isinstance(value, bool):
        shown = "tak" if value else "nie"
    elif name in ("steps", "steps_inside"):
        shown = quantity(value, "step")
    elif name == "disabled_parking":
        shown = quantity(value, "bay")
    elif name == "floor":
        shown = "parter" if value == 0 else f"{value}. piętro"
    else:
        shown = f"{value} {UNITS[name]}" if name in UNITS else str(value)
    if not with_source:
        return f"{FACT_LABELS.get(name, name)}: {shown}."
    checked = f"sprawdzono: {fact.verified}" if fact.verified else "nie sprawdzono na miejscu"
    return f"{FACT_LABELS.get(name, name)}: {shown}. Źródło: {fact.source}; {checked}."


class StandardPdfRenderer(Renderer):
    """A4 portrait, body 12 pt, every page element tagged or an artifact."""

    name = "standard"
    media_type = "application/pdf"
    description = "wromik-standard.pdf: the tagged PDF/UA-1 guide with route maps"
    sheet = Sheet(*A4, bleed=0, slug=0)
    base_size = 12.0
    furniture_size = 10.0
    margin = 20 * mm  # from the trim edge to the text
    links = True  # live links (on screen); on paper, page numbers instead
    colour_space = None  # ReportLab's enforceColorSpace: None keeps the colours as drawn (RGB)
    file_name = "wromik-standard.pdf"
    subject = "Przewodnik po dostępności biur MOPS"
    edition_note = "Wersja standardowa, dostępna dla czytników ekranu."
    conformance_note = "Dokument zgodny z PDF/UA-1"

    def prepare(self) -> None:
        register_fonts()
        self.styles = self.make_styles()
        self.title = self.model.data.info.title.get(self.lang) or next(iter(self.model.data.info.title.values()))

    def make_styles(self) -> dict:
        return _styles(self.base_size)

    def write(self) -> None:
        path = self.output_path(self.file_name)
        pages: dict = {}
        for _ in range(4):  # later passes know every heading's page, for the contents and page references
            tree = StructureTree(self.lang)
            self._build(path, tree, pages)
            if tree.destinations == pages:
                break
            pages = tree.destinations
        info = self.model.data.info
        finish(path, tree, title=self.title, author=info.publisher, subject=self.subject,
               lang={"pl": "pl-PL", "uk": "uk-UA", "en": "en-GB"}[self.lang])

    # page furniture ---------------------------------------------------------------------------------------

    def _furniture(self, canvas, doc) -> None:
        left, bottom, right, top = self.sheet.trim_box
        with artifact(canvas):
            canvas.setFont(FONT, self.furniture_size)
            canvas.setFillColor(colors.black)
            if canvas.getPageNumber() > 1:
                canvas.drawString(left + self.margin, top - 12 * mm, self.title)
                canvas.setLineWidth(0.5)
                canvas.line(left + self.margin, top - 14 * mm, right - self.margin, top - 14 * mm)
            canvas.drawRightString(right - self.margin, bottom + 10 * mm, f"Strona {canvas.getPageNumber()}")

    def _build(self, path, tree: StructureTree, pages: dict) -> None:
        slug = self.sheet.slug
        doc = BaseDocTemplate(str(path), pagesize=self.sheet.media_size, title=self.title,
                              author=self.model.data.info.publisher, lang=self.lang, initialFontName=FONT,
                              initialFontSize=self.base_size, invariant=1, enforceColorSpace=self.colour_space,
                              leftMargin=slug + self.margin, rightMargin=slug + self.margin,
                              topMargin=slug + self.margin + 4 * mm, bottomMargin=slug + self.margin)
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame], onPage=self._furniture)])
        self.tree, self.pages, self.frame_width = tree, pages, doc.width
        story = self._story()
        doc.build(story, canvasmaker=self._canvas_maker(tree))

    @staticmethod
    def _canvas_maker(tree):
        from reportlab.pdfgen.canvas import Canvas

        class DestinationCanvas(Canvas):
            def bookmarkPage(self, key, **kwargs):
                tree.destinations[key] = self.getPageNumber()
                return super().bookmarkPage(key, **kwargs)
        return DestinationCanvas

    # story helpers ----------------------------------------------------------------------------------------

    def heading(self, text: str, level: int, key: str | None = None, *, anchor: str | None = None):
        style = self.styles[f"h{level}"]
        outline = (key, text, level - 1) if key else None
        return TaggedParagraph.plain(text, style, tree=self.tree, tag=f"H{level}", outline=outline, anchor=anchor)

    def see_page(self, key: str) -> str:
        """Hook: a reference to the page of a heading or anchor; on screen the contents links do this job."""
        return ""

    def url_code(self, url: str) -> list:
        """Hook: what stands beside a web address; on screen the address itself is enough."""
        return []

    def para(self, text: str, style: str = "body"):
        return TaggedParagraph.plain(text, self.styles[style], tree=self.tree)

    def bullets(self, items, numbered: bool = False) -> list:
        element = self.tree.element("L", 0, ListNumbering="Decimal" if numbered else "Disc")
        flowables = []
        for number, text in enumerate(items, start=1):
            body = Paragraph(escape(text), self.styles["body"])
            label = f"{number}." if numbered else "•"
            flowables.append(TaggedListItem(label, body, tree=self.tree, list_element=element,
                                            label_style=self.styles["label"], indent=9 * mm))
            flowables.append(Spacer(1, 3))
        return flowables

    def pictogram_legend(self) -> list:
        """Every pictogram of the shared set as a Figure with its alt text, and its meaning beside it."""
        rows = []
        for pid, picture in pictograms().items():
            alt = picture.alt_text(self.lang)
            rows.append(PictureRow(lambda canvas, x, y, size, pid=pid: draw_pictogram(canvas, pid, x, y, size),
                                   self.base_size * 2.2, [Paragraph(escape(alt + "."), self.styles["body"])],
                                   tree=self.tree, alt=alt))
            rows.append(Spacer(1, 4))
        return rows

    # the story --------------------------------------------------------------------------------------------

    def _story(self) -> list:
        model, info = self.model, self.model.data.info
        story = [Spacer(1, 60 * mm), TaggedParagraph.plain(self.title, self.styles["title"], tree=self.tree, tag="H1",
                                                          outline=("cover", self.title, 0)),
                 self.para(f"Wydanie z dnia {info.edition_date}."), self.para(f"Wydawca: {info.publisher}."),
                 self.para(self.edition_note), PageBreak()]
        story += self._how_to_use() + [PageBreak()]
        story += self._contents() + [PageBreak()]
        story += [self.heading("Wprowadzenie", 1, "intro"), self.para(info.introduction[self.lang])]
        story += [self.para("Kontakt: " + ", ".join(f"{p.number} ({p.label.get(self.lang, '')})".replace(" ()", "")
                                                     for p in info.contacts.phones) + f", e-mail {info.contacts.email}"
                                       + (f", strona internetowa {info.contacts.website}." if info.contacts.website
                                          else "."))]
        if info.contacts.website:
            story += self.url_code(info.contacts.website)
        for office in model.data.offices:
            story += [PageBreak()] + self._office(office)
        story += [PageBreak(), self.heading("Słowniczek", 1, "glossary")]
        story += self.bullets([f"{entry.term[self.lang]} – {entry.meaning[self.lang]}" for entry in info.glossary])
        story += [self.heading("Źródła danych", 1, "sources")]
        sources = [f"{s['name']}" + (f" ({s['url']})" if s.get("url") else "") +
                   (f", stan na {s['retrieved']}" if s.get("retrieved") else "") for s in info.sources]
        story += self.bullets(sources)
        for url in dict.fromkeys(s["url"] for s in info.sources if s.get("url")):
            story += self.url_code(url)
        story += [self.para(
            "Przy każdej informacji o dostępności podajemy jej źródło i datę sprawdzenia na miejscu. "
            "Położenie budynków i cechy chodników są przybliżone, dopóki nie zostaną zmierzone.")]
        story += [self.heading("Metryczka", 1, "colophon"),
                  self.para(f"{self.title}. Wydawca: {info.publisher}. Wydanie z dnia {info.edition_date}."),
                  self.para(f"{self.conformance_note}, złożony krojem DejaVu Sans (licencja Bitstream Vera i DejaVu). "
                            "Przygotowano programem wromik z jednego źródła danych, z którego powstają też wersja łatwa "
                            "do czytania, wersja do druku i wersja dźwiękowa.")]
        return story

    def _how_to_use(self) -> list:
        story = [self.heading("Jak korzystać z przewodnika", 1, "how-to"),
                 self.para("Przewodnik opisuje każde biuro MOPS: adres, godziny, kontakt, wejścia i drogę w budynku. "
                           "Dla każdej grupy osób podajemy trasę z najbliższych przystanków do najlepszego dla niej "
                           "wejścia. Jeśli trasy nie ma, piszemy dlaczego i co można zrobić zamiast tego."),
                 self.heading("Grupy osób (profile)", 2)]
        story += self.bullets([p.name[self.lang] for p in self.model.profiles.values()])
        story += [self.heading("Legenda map", 2)]
        story += self.bullets(["Gruba niebieska linia z białymi kreskami: trasa.",
                               "Piktogram autobusu lub parkingu: przystanek lub parking, czyli początek trasy.",
                               "Piktogram drzwi: wejście do budynku, czyli koniec trasy.",
                               "Szare linie: inne chodniki w pobliżu.", "Strzałka z literą N: północ.",
                               "Czarny odcinek z opisem: podziałka, na przykład 50 metrów."])
        story += [self.heading("Piktogramy", 2),
                  self.para("Te same piktogramy są na mapach i w wersji łatwej do czytania.")]
        story += self.pictogram_legend()
        story += [self.para("Słowa „brak danych” znaczą, że nikt jeszcze tego nie sprawdził. Nie znaczą, że miejsce "
                            "jest dostępne. Trasy, które zależą od brakujących danych, są oznaczone."),
                  self.para("Trudne słowa wyjaśnia słowniczek na końcu przewodnika" + self.see_page("glossary") + ".")]
        return story

    def _contents(self) -> list:
        entries = [("Wprowadzenie", "intro")] + [(f"{o.short_name}: {o.name[self.lang]}", f"office-{o.id}")
                                                 for o in self.model.data.offices]
        entries += [("Słowniczek", "glossary"), ("Źródła danych", "sources"), ("Metryczka", "colophon")]
        story = [self.heading("Spis treści", 1, "contents")]
        for text, key in entries:
            story.append(ContentsEntry(text, str(self.pages.get(key, "…")), key if self.links else None,
                                       self.styles["toc"], tree=self.tree))
        return story

    def _office(self, office) -> list:
        lang = self.lang
        story = [self.heading(f"{office.short_name}: {office.name[lang]}", 1, f"office-{office.id}"),
                 self.para(office.description[lang]), self.heading("Adres i kontakt", 2)]
        where = f"Adres: {office.address}." + (" Położenie na mapie jest przybliżone." if office.location.approximate else "")
        contact = [where] + [f"Telefon: {p.number}" + (f" ({p.label[lang]})" if p.label.get(lang) else "") + "."
                             for p in office.contacts.phones]
        if office.contacts.email:
            contact.append(f"E-mail: {office.contacts.email}.")
        story += self.bullets(contact)
        story += [self.heading("Godziny otwarcia", 2)] + self._hours(office.hours)
        if office.services:
            story += [self.heading("Sprawy do załatwienia", 2)]
            story += self.bullets([self._service_text(s) for s in office.services])
        story += [self.heading("Wejścia", 2)]
        for entrance in office.entrances:
            story += [self.heading(entrance.name[lang], 3)]
            facts = _fact_texts(entrance.facts) or ["Brak danych o tym wejściu."]
            story += self.bullets(facts)
            if entrance.notes.get(lang):
                story.append(self.para(entrance.notes[lang]))
        story += [self.heading("W budynku: od drzwi do biura", 2)]
        facts = _fact_texts(office.inside.facts) or ["Brak danych o wnętrzu budynku."]
        story += self.bullets(facts)
        if office.inside.notes.get(lang):
            story.append(self.para(office.inside.notes[lang]))
        for profile in self.model.profiles.values():
            story += [CondPageBreak(60 * mm), self.heading(f"Trasy: {profile.name[lang]}", 2)]
            for route in self.model.routes_for(office.id, profile.id):
                story += self._route(office, route)
        return story

    def _hours(self, hours) -> list:
        if hours is None:
            return [self.para("Brak danych o godzinach otwarcia. Zadzwoń przed wizytą.")]
        rows = [["Dzień", "Godziny"]]
        for day in DAYS:
            spans = hours.days.get(day)
            rows.append([DAY_NAMES[day], ", ".join(f"{a}–{b}" for a, b in spans) if spans else "nieczynne"])
        table = TaggedTable(rows, tree=self.tree, row_headers=True, colWidths=[min(60 * mm, self.frame_width / 2)] * 2, hAlign="LEFT",
                            style=[("FONT", (0, 0), (-1, -1), FONT, self.base_size), ("FONT", (0, 0), (-1, 0), FONT_BOLD),
                                   ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
                                   ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
        story = [table, Spacer(1, 6)]
        if hours.note.get(self.lang):
            story.append(self.para(hours.note[self.lang]))
        return story

    def _service_text(self, service) -> str:
        text = f"{service.name[self.lang]}"
        if service.description.get(self.lang):
            text += f": {service.description[self.lang]}"
        if service.hours:
            days = "; ".join(f"{DAY_NAMES[d]} {', '.join(f'{a}–{b}' for a, b in s)}" for d, s in service.hours.days.items())
            text += f" Godziny: {days}."
            if service.hours.note.get(self.lang):
                text += f" {service.hours.note[self.lang]}"
        if service.phones:
            text += " Telefon: " + ", ".join(p.number for p in service.phones) + "."
        return text

    def _route(self, office, route) -> list:
        origin = f"przystanku {route.origin_name}" if route.origin_kind == "stop" else route.origin_name
        story = [self.heading(f"Z {origin}", 3, anchor=_route_key(office.id, route.profile, route.origin))]
        if route.status == "no_route":
            story.append(self.para("Brak dostępnej trasy dla tej grupy osób. Przeszkody:"))
            story += self.bullets([describe_barrier(b.barrier.attribute, b.barrier.value, b.barrier.limit, b.barrier.unit,
                                                    b.name) for b in route.barriers])
        else:
            entrance = next(e for e in office.entrances if e.id == route.entrance)
            minutes = max(1, round(route.duration_s / 60))
            story.append(self.para(f"Długość: {quantity(round(route.length_m), 'metre')}, około "
                                   f"{quantity(minutes, 'minute')}, {quantity(route.crossings, 'crossing')} przez jezdnię. "
                                   f"Wejście: {entrance.name[self.lang]}."))
            step_texts = [describe_step(s, self.lang) for s in route.steps]
            inside_texts = [describe_step(s, self.lang) for s in route.inside.steps] if route.inside else []
            story += self.bullets(step_texts + inside_texts, numbered=True)
            if route.inside and route.inside.barriers:
                story.append(self.para("Przeszkody w budynku: " + "; ".join(
                    describe_barrier(b.attribute, b.value, b.limit, b.unit, None) for b in route.inside.barriers) + "."))
            story.append(self._map(office, route, entrance.name[self.lang]))
        unknowns = list(dict.fromkeys([u.attribute for u in route.unknowns] +
                                      list(route.inside.unknowns if route.inside else ())))
        if unknowns:
            story.append(self.para("Trasa zależy od brakujących danych (" + ", ".join(describe_unknown(u) for u in unknowns)
                                   + "). Zadzwoń przed wizytą, jeśli to dla Ciebie ważne."))
        for alternative in route.alternatives:
            if alternative.kind == "origin":
                key = _route_key(office.id, route.profile, alternative.origin)
                story.append(self.para(f"Inna możliwość: trasa z miejsca {alternative.origin_name}{self.see_page(key)}."))
            elif alternative.phone:
                story.append(self.para(f"Zadzwoń przed wizytą: {alternative.phone}."))
        return story

    def _map(self, office, route, entrance_name):
        start = route.origin_name if route.origin_kind == "stop" else "Parking"
        scene = map_scene(route, self.model.data.network.edges, start, entrance_name.split(" (")[0])
        alt = self.model.map_descriptions[(office.id, route.profile, route.origin)].alt
        self.map_file(scene, f"{office.id}-{route.profile}-{route.origin}")
        size = 75 * mm
        return TaggedFigure(size, size, lambda canvas, w, h: draw_pdf(canvas, w, h, scene, FONT), tree=self.tree, alt=alt)

    def map_file(self, scene, name: str) -> None:
        """Hook: the map as a PNG beside the PDF, for the download page."""
        write_png(self.output_path(f"maps/{name}.png", "image/png"), scene, str(FONT_FILES[FONT]))


def _route_key(office_id: str, profile_id: str, origin: str) -> str:
    return f"route-{office_id}-{profile_id}-{origin}"
