"""The easy-read edition (tekst łatwy do czytania): A4, 16 pt, one sentence per line, a pictogram beside
every instruction and fact (standards ER-01 … ER-08), tagged PDF/UA-1 like the standard edition."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer

from ..language.pl.easyphrasing import (EasyLine, barrier_sentence, entrance_lines, hours_lines, inside_lines, route_lines,
                            short_entrance_name)
from ..language.pl.readability import check_guide, expand_name, sentences
from ..document.maps import draw_pdf, map_scene
from ..language.pl.phrasing import written_date
from ..document.pictograms import draw_pictogram, pictograms
from ..pdf.tagging import ContentsEntry, PictureRow, TaggedFigure, TaggedParagraph, artifact
from .standard import FONT, FONT_BOLD, StandardPdfRenderer

__all__ = ["EasyReadPdfRenderer"]


class _Sentence(TaggedParagraph):
    """One sentence on its own line(s); it never breaks across pages (ER-02)."""

    def split(self, availWidth, availHeight):
        return []


class EasyReadPdfRenderer(StandardPdfRenderer):
    """A4 portrait, body 16 pt with 1.5 line spacing, headings 20 pt and more, pictograms on the left."""

    name = "easy-read"
    description = "wromik-latwy-tekst.pdf: the easy-read guide (tekst łatwy do czytania) with pictograms"
    base_size = 16.0
    file_name = "wromik-latwy-tekst.pdf"
    subject = "Przewodnik po biurach MOPS w tekście łatwym do czytania"
    pictogram_size = 14 * mm

    @classmethod
    def check(cls, model) -> list:
        """The easy-read texts must exist and follow ER-03, ER-04, ER-06 and ER-07 before anything is written."""
        return check_guide(model.data)

    def make_styles(self) -> dict:
        def style(name, size, font=FONT):
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.5, spaceBefore=0,
                                  spaceAfter=0, textColor=colors.black, alignment=TA_LEFT, splitLongWords=0)
        return {"title": style("title", 30, FONT_BOLD), "h1": style("h1", 26, FONT_BOLD), "h2": style("h2", 22, FONT_BOLD),
                "h3": style("h3", 20, FONT_BOLD), "body": style("body", self.base_size), "toc": style("toc", self.base_size),
                "label": style("label", self.base_size)}

    def _furniture(self, canvas, doc) -> None:
        _, bottom, right, _ = self.sheet.trim_box
        with artifact(canvas):
            canvas.setFont(FONT, self.base_size)
            canvas.setFillColor(colors.black)
            canvas.drawRightString(right - self.margin, bottom + 10 * mm, f"Strona {canvas.getPageNumber()}")

    # story helpers ----------------------------------------------------------------------------------------

    def section(self, text: str, level: int, key: str | None = None) -> list:
        """A heading kept with what follows it."""
        return [Spacer(1, 10 if level > 1 else 0), CondPageBreak((80 if level < 3 else 50) * mm),
                self.heading(text, level, key),
                Spacer(1, 8)]

    def sentence_lines(self, text: str, parent: int = 0) -> list:
        """A text as one paragraph per sentence (ER-03), with breathing space between them."""
        story = []
        for sentence in sentences(text):
            story += [_Sentence.plain(sentence, self.styles["body"], tree=self.tree, parent=parent), Spacer(1, 4)]
        return story

    def rows(self, lines) -> list:
        """Easy lines as a list: L > LI > LBody > P, each with its pictogram as an artifact beside it."""
        if not lines:
            return []
        element = self.tree.element("L", 0, ListNumbering="None")
        story = []
        for line in lines:
            item = self.tree.element("LI", element)
            body = self.tree.element("LBody", item)
            paragraphs = [Paragraph(escape(s), self.styles["body"]) for s in line.sentences]
            story += [PictureRow(self._picture(line.pictogram), self.pictogram_size, paragraphs, tree=self.tree,
                                 parent=body), Spacer(1, 8)]
        return story

    @staticmethod
    def _picture(pid: str):
        return lambda canvas, x, y, size: draw_pictogram(canvas, pid, x, y, size)

    # the story --------------------------------------------------------------------------------------------

    def _story(self) -> list:
        info = self.model.data.info
        date = written_date(info.edition_date, self.lang)
        story = [Spacer(1, 50 * mm),
                 TaggedParagraph.plain(self.title, self.styles["title"], tree=self.tree, tag="H1",
                                       outline=("cover", self.title, 0)), Spacer(1, 16)]
        story += self.sentence_lines(f"Tekst łatwy do czytania. Wydanie z dnia {date}. Wydawca: {info.publisher}.")
        story += [PageBreak()] + self._how_to_read() + [PageBreak()] + self._contents() + [PageBreak()]
        story += self.section("Wprowadzenie", 1, "intro") + self.sentence_lines(info.easy_read_introduction.texts[self.lang])
        phone = info.contacts.phones[0].number if info.contacts.phones else None
        if phone:
            story += self.rows([self._call(phone, "Masz pytania?")])
        for office in self.model.data.offices:
            story += [PageBreak()] + self._office(office)
        story += [PageBreak()] + self.section("Słowniczek", 1, "glossary")
        story += self.sentence_lines("Tu są trudne słowa z tego przewodnika.")
        for entry in info.glossary:
            story += self.section(entry.term[self.lang], 2) + self.sentence_lines(entry.easy_read.texts[self.lang])
        story += [PageBreak()] + self.section("O tym przewodniku", 1, "colophon")
        story += self.sentence_lines(f"Wydawca: {info.publisher}. Wydanie z dnia {date}. "
                                     "Ten przewodnik ma też inne wersje. Jest wersja zwykła. Jest wersja do druku. "
                                     "Jest też wersja do słuchania.")
        return story

    def _how_to_read(self) -> list:
        story = self.section("Jak czytać ten przewodnik", 1, "how-to")
        story += self.sentence_lines("Ten przewodnik opisuje biura MOPS we Wrocławiu. Każde biuro ma swój rozdział. "
                                     "Piszemy o drodze do biura. Piszemy też o wnętrzu budynku. "
                                     "Obok każdej informacji jest obrazek.")
        story += self.section("Co znaczą obrazki", 2)
        for pid, picture in pictograms().items():
            alt = picture.alt_text(self.lang)
            story += [PictureRow(self._picture(pid), self.pictogram_size,
                                 [Paragraph(escape(alt + "."), self.styles["body"])], tree=self.tree, alt=alt),
                      Spacer(1, 6)]
        return story

    def _contents(self) -> list:
        entries = [("Wprowadzenie", "intro")] + [(self._office_title(o), f"office-{o.id}") for o in self.model.data.offices]
        entries += [("Słowniczek", "glossary"), ("O tym przewodniku", "colophon")]
        story = self.section("Spis treści", 1, "contents")
        for text, key in entries:
            story += [ContentsEntry(text, str(self.pages.get(key, "…")), key, self.styles["toc"], tree=self.tree),
                      Spacer(1, 4)]
        return story

    @staticmethod
    def _office_title(office) -> str:
        title = expand_name(office.short_name)
        return title[:1].upper() + title[1:]

    def _call(self, phone: str, lead: str | None = None):
        return EasyLine("phone", tuple(s for s in (lead, f"Zadzwoń: {phone}.") if s))

    def _office(self, office) -> list:
        lang = self.lang
        story = self.section(self._office_title(office), 1, f"office-{office.id}")
        story += self.sentence_lines(office.easy_read.texts[lang])
        story += self.section("Adres i telefon", 2)
        lines = [EasyLine("information", (f"Adres: {expand_name(str(office.address))}.",))]
        phones, seen = [], set()
        for phone in office.contacts.phones:
            label = phone.label.get(lang, "telefon")
            if label not in seen:
                seen.add(label)
                phones.append(f"{label[:1].upper()}{label[1:]}: {phone.number}.")
        if phones:
            lines.append(EasyLine("phone", tuple(phones[:2])))
        if office.contacts.email:
            lines.append(EasyLine("information", (f"E-mail: {office.contacts.email}",)))
        story += self.rows(lines)
        story += self.section("Kiedy jest otwarte", 2) + self.rows([hours_lines(office.hours)])
        if office.services:
            story += self.section("Co tu załatwisz", 2)
            story += self.rows([EasyLine("information", tuple(sentences(s.easy_read.texts[lang])))
                                for s in office.services])
        story += self.section("Wejścia", 2)
        for entrance in office.entrances:
            story += self.section(self._capital(short_entrance_name(entrance.name[lang])), 3)
            story += self.rows(entrance_lines(entrance.facts))
        story += self.section("W budynku", 2) + self.rows(inside_lines(office.inside.facts))
        facts = [f for e in office.entrances for f in e.facts.values()] + list(office.inside.facts.values())
        if any(not f.verified for f in facts):
            story += self.rows([EasyLine("information", ("Nikt jeszcze nie sprawdził tych informacji na miejscu.",))])
        story += self.section("Jak dojść", 2)
        story += self.sentence_lines("Każda grupa osób ma tu swoją trasę. Inne trasy są w wersji zwykłej.")
        for number, (names, route) in enumerate(self._route_groups(office), start=1):
            story += self.section(f"Trasa {number}", 3) + self.sentence_lines("Ta trasa jest dla tych osób:")
            story += self.sentence_lines(" ".join(f"{name}." for name in names))
            story += self._route(office, route)
        return story

    @staticmethod
    def _capital(text: str) -> str:
        return text[:1].upper() + text[1:]

    def _route_groups(self, office) -> list:
        """The best route of each profile (from a stop when there is one); profiles whose easy-read routes read the same share one section."""
        groups: dict = {}
        for profile in self.model.profiles.values():
            route = self.model.chosen_route(office.id, profile.id)
            if route is None:
                continue
            key = (route.status, route.origin, route.entrance, tuple(self._lines_of(route)),
                   tuple(b.barrier.attribute for b in route.barriers))
            groups.setdefault(key, ([], route))[0].append(profile.easy_name.get(self.lang) or profile.name[self.lang])
        return list(groups.values())

    @staticmethod
    def _lines_of(route) -> list:
        steps = list(route.steps) + (list(route.inside.steps) if route.inside else [])
        return route_lines(steps, origin_kind=route.origin_kind, origin_name=route.origin_name)

    def _route(self, office, route) -> list:
        phone = office.contacts.phones[0].number if office.contacts.phones else \
            self.model.data.info.contacts.phones[0].number
        if route.status == "no_route":
            lines = [EasyLine("wheelchair", ("Nie ma dobrej trasy dla tej grupy.",))]
            lines += [EasyLine("information", (barrier_sentence(b.barrier.attribute),))
                      for b in route.barriers[:3]]
            lines += [EasyLine("bus", (f"Możesz zacząć z innego miejsca: przystanek {expand_name(a.origin_name)}.",))
                      for a in route.alternatives if a.kind == "origin"]
            return self.rows(lines + [self._call(phone, "Zadzwoń przed wizytą.")])
        lines = self._lines_of(route)
        if route.inside and route.inside.barriers:
            lines += [EasyLine("information", ("Uwaga!", *dict.fromkeys(barrier_sentence(b.attribute)
                                                                    for b in route.inside.barriers)))]
        if route.unknowns or (route.inside and route.inside.unknowns):
            lines.append(self._call(phone, "Nie wszystko na tej trasie jest sprawdzone."))
        entrance = next(e for e in office.entrances if e.id == route.entrance)
        start = expand_name(route.origin_name).split(" (")[0] if route.origin_kind == "stop" else "Parking"
        end = self._capital(short_entrance_name(entrance.name[self.lang]))
        scene = map_scene(route, self.model.data.network.edges, start, end if len(end) <= 20 else "Wejście")
        alt = self.model.map_descriptions[(office.id, route.profile, route.origin)].alt
        size = 85 * mm
        figure = TaggedFigure(size, size, lambda canvas, w, h: draw_pdf(canvas, w, h, scene, FONT, self.base_size),
                              tree=self.tree, alt=alt)
        return self.rows(lines) + [CondPageBreak(size + 10), figure, Spacer(1, 12)]
