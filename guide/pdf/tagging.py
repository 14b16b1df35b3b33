"""A PDF/UA tagging layer over ReportLab's platypus, reusable by every PDF edition.

While the story is drawn, tagged flowables open marked-content sequences (BDC … EMC) with an
MCID and record which structure element owns them; page furniture is wrapped as Artifact. After
ReportLab has saved the file, finish() uses pikepdf to write the structure tree, the ParentTree,
link OBJRs, /Lang, MarkInfo, ViewerPreferences and XMP metadata (standards UA-01 … UA-12).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import pikepdf
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table

from ..clock import source_date
from ..document.nodes import plain, spans

__all__ = ["StructureTree", "TaggedParagraph", "TaggedTable", "TaggedFigure", "TaggedListItem", "ContentsEntry",
           "PictureRow", "artifact", "finish", "markup"]

_SPAN_BEGIN, _SPAN_END = "wromik_span_begin", "wromik_span_end"  # ReportLab onDraw callbacks, registered per canvas


@dataclass
class _Element:
    type: str
    parent: int | None
    attrs: dict
    kids: list = field(default_factory=list)  # ("mcid", page, mcid) | ("elem", id) | ("annot", page, rect)


class StructureTree:
    """The logical structure collected while drawing; element 0 is the Document. `original` is the /Lang of the
    passages sentences mark as in the guide's first language, or None when that is the document's language."""

    def __init__(self, lang: str, original: str | None = None):
        self.lang, self.original = lang, original
        self.elements = [_Element("Document", None, {})]
        self.destinations: dict = {}  # bookmark key -> page number, filled while drawing
        self._next_mcid: dict = {}
        self.open = self.outer = None  # the element whose marked content is being drawn, and the one around a Span

    def element(self, type_: str, parent: int = 0, **attrs) -> int:
        self.elements.append(_Element(type_, parent, attrs))
        index = len(self.elements) - 1
        self.elements[parent].kids.append(("elem", index))
        return index

    def begin(self, canvas, element: int) -> None:
        """Open a marked-content sequence owned by element on the current page."""
        canvas.addLiteral(self._marked(canvas, element))
        self.open = element
        canvas.setNamedCB(_SPAN_BEGIN, _span_begin)  # for the passages in another language inside (markup)
        canvas.setNamedCB(_SPAN_END, _span_end)
        canvas._wromik_tree = self

    def end(self, canvas) -> None:
        canvas.addLiteral("EMC")
        self.open = None

    def _marked(self, canvas, element: int) -> str:
        """The BDC operator of a new marked-content sequence of element on the current page, recorded."""
        page = canvas.getPageNumber() - 1
        mcid = self._next_mcid.get(page, 0)
        self._next_mcid[page] = mcid + 1
        self.elements[element].kids.append(("mcid", page, mcid))
        return f"/{self.elements[element].type} <</MCID {mcid}>> BDC"

    def span(self, canvas, lang: str) -> str:
        """Operators that end the open element's sequence and start a Span element with /Lang inside it: a passage
        in another language (PDF/UA-1 7.2-34), as its own structure element so every reader keeps its text."""
        self.outer, self.open = self.open, self.element("Span", self.open, Lang=lang)
        return "EMC " + self._marked(canvas, self.open)

    def span_end(self, canvas) -> str:
        """Operators that end the Span and go on with the element around it."""
        self.open = self.outer
        return "EMC " + self._marked(canvas, self.open)

    def link(self, canvas, element: int, rect: tuple) -> None:
        """Record that the link annotation at rect on this page belongs to element."""
        self.elements[element].kids.append(("annot", canvas.getPageNumber() - 1, tuple(round(v, 2) for v in rect)))


def markup(text: str, original: str | None) -> str:
    """ReportLab paragraph markup of a text: escaped, and with `original` (a /Lang) each word of a passage marked as
    in the guide's first language in a Span element with that /Lang (PDF/UA-1 7.2-34). Word by word, so a line or
    page break never falls inside a Span."""
    if not original:
        return escape(plain(text))
    tagged = f'<onDraw name="{_SPAN_BEGIN}" label="{original}"/>{{}}<onDraw name="{_SPAN_END}"/>'
    return "".join(re.sub(r"\S+", lambda word: tagged.format(escape(word.group())), piece) if marked else escape(piece)
                   for piece, marked in spans(text))


def _span_begin(canvas, kind, lang) -> None:
    canvas._curr_tx_info["tx"]._code.append(canvas._wromik_tree.span(canvas, lang))  # in the text, before the word


def _span_end(canvas, kind, label) -> None:
    canvas._curr_tx_info["tx"]._code.append(canvas._wromik_tree.span_end(canvas))


class artifact:
    """Context manager: everything drawn inside is page furniture, not content."""

    def __init__(self, canvas):
        self.canvas = canvas

    def __enter__(self):
        self.canvas.addLiteral("/Artifact BMC")

    def __exit__(self, *exc):
        self.canvas.addLiteral("EMC")


def _keep_line_end_spaces(paragraph: Paragraph) -> None:
    """ReportLab drops the space at soft line breaks; put it back so tagged text keeps word breaks."""
    lines = getattr(paragraph.blPara, "lines", [])
    for line in lines[:-1]:
        if paragraph.blPara.kind == 0:
            words = line[1]
            if words and not words[-1].endswith(" "):
                words[-1] += " "
        else:
            frags = [frag for frag in getattr(line, "words", []) if not hasattr(frag, "cbDefn")]  # not a Span's mark
            if frags and not frags[-1].text.endswith(" "):
                frags[-1].text += " "


class TaggedParagraph(Paragraph):
    """A paragraph or heading (P, H1–H6) whose pieces on each page belong to one structure element."""

    def __init__(self, text, style, *, tree: StructureTree = None, tag: str = "P", parent: int = 0,
                 outline: tuple | None = None, anchor: str | None = None, lang: str | None = None,
                 element: int | None = None, **kwargs):
        super().__init__(text, style, **kwargs)
        self.tree, self.tag, self.outline, self.anchor = tree, tag, outline, anchor
        attrs = {"Lang": lang} if lang else {}
        self.element = element if element is not None else (tree.element(tag, parent, **attrs) if tree else None)

    @classmethod
    def plain(cls, text: str, style, *, tree: StructureTree, **kwargs):
        """A paragraph of a text (escaped for ReportLab's markup, passages in the first language tagged)."""
        return cls(markup(text, tree.original), style, tree=tree, **kwargs)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:
            part.tree, part.tag, part.element = self.tree, self.tag, self.element
            part.outline = self.outline if part is parts[0] else None
            part.anchor = self.anchor if part is parts[0] else None
        return parts

    def draw(self):
        canvas = self.canv
        if self.anchor:  # a place that page references point to, without an outline entry
            canvas.bookmarkPage(self.anchor)
        if self.outline:
            key, title, level = self.outline
            canvas.bookmarkPage(key)
            canvas.addOutlineEntry(title, key, level=level)
        _keep_line_end_spaces(self)
        self.tree.begin(canvas, self.element)
        super().draw()
        self.tree.end(canvas)


class TaggedTable(Table):
    """A table tagged Table > TR > TH/TD; the first row holds column headers, optionally the first column
    row headers. Backgrounds and grid lines are artifacts."""

    def __init__(self, data, *, tree: StructureTree, parent: int = 0, row_headers: bool = False, **kwargs):
        self.tree = tree
        self.table_element = tree.element("Table", parent)
        self.row_headers = row_headers
        self._row = None
        super().__init__(data, renderCB=self._tag, **kwargs)

    def split(self, availWidth, availHeight):
        return []  # tables here are short (a week of opening hours): move the whole table to the next page

    def _tag(self, table, event, *args):
        canvas = table.canv
        if event in ("startBG", "startLines"):
            canvas.addLiteral("/Artifact BMC")
        elif event in ("endBG", "endLines", "endCell"):
            canvas.addLiteral("EMC")
        elif event == "startRow":
            self._row = self.tree.element("TR", self.table_element)
        elif event == "startCell":
            row, column = args[0], args[1]
            if row == 0:
                cell = self.tree.element("TH", self._row, Scope="Column")
            elif self.row_headers and column == 0:
                cell = self.tree.element("TH", self._row, Scope="Row")
            else:
                cell = self.tree.element("TD", self._row)
            self.tree.begin(canvas, cell)


class TaggedFigure(Flowable):
    """A picture drawn by a function, tagged as a Figure with its Alt text."""

    def __init__(self, width, height, draw_function, *, tree: StructureTree, alt: str, parent: int = 0):
        super().__init__()
        self.width, self.height, self.draw_function = width, height, draw_function
        self.tree = tree
        self.element = tree.element("Figure", parent, Alt=alt)

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        bbox = canvas.absolutePosition(0, 0) + canvas.absolutePosition(self.width, self.height)
        self.tree.elements[self.element].attrs["BBox"] = [round(v, 2) for v in bbox]
        self.tree.begin(canvas, self.element)
        canvas.saveState()
        self.draw_function(canvas, self.width, self.height)
        canvas.restoreState()
        self.tree.end(canvas)


class TaggedListItem(Flowable):
    """One list item: LI > Lbl (the bullet or number) + LBody (the paragraph)."""

    def __init__(self, label: str, body: Paragraph, *, tree: StructureTree, list_element: int, label_style,
                 indent: float):
        super().__init__()
        self.label, self.body, self.tree, self.label_style, self.indent = label, body, tree, label_style, indent
        self.item = tree.element("LI", list_element)
        self.label_element = tree.element("Lbl", self.item)
        self.body_element = tree.element("LBody", self.item)

    def wrap(self, availWidth, availHeight):
        width, height = self.body.wrap(availWidth - self.indent, availHeight)
        self.width, self.height = availWidth, height
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return []  # list items are short: move the whole item to the next page

    def draw(self):
        canvas = self.canv
        self.tree.begin(canvas, self.label_element)
        canvas.setFont(self.label_style.fontName, self.label_style.fontSize)
        canvas.setFillColor(self.label_style.textColor)
        canvas.drawString(0, self.height - self.label_style.fontSize, self.label + " ")
        self.tree.end(canvas)
        self.tree.begin(canvas, self.body_element)
        _keep_line_end_spaces(self.body)
        self.body.drawOn(canvas, self.indent, 0)
        self.tree.end(canvas)


class PictureRow(Flowable):
    """A small picture at the left and one paragraph per sentence beside it, never split across pages.

    The picture is a Figure with Alt when it carries meaning of its own (a legend), or an Artifact when
    it only repeats the text beside it. The paragraphs are P elements under parent (an LBody, say).
    """

    def __init__(self, draw_picture, size: float, paragraphs: list, *, tree: StructureTree, parent: int = 0,
                 alt: str | None = None, gap: float = 8, spacing: float = 2, link: str | None = None):
        super().__init__()
        self.draw_picture, self.size, self.paragraphs, self.tree = draw_picture, size, paragraphs, tree
        self.gap, self.spacing, self.link = gap, spacing, link if paragraphs else None
        self.figure = tree.element("Figure", parent, Alt=alt) if alt else None
        self.elements = [tree.element("P", parent) for _ in paragraphs]
        if self.link:  # P > Link: the first paragraph is the text of a web link over the whole row
            self.elements[0] = tree.element("Link", self.elements[0])

    def wrap(self, availWidth, availHeight):
        indent = self.size + self.gap
        self.heights = [p.wrap(availWidth - indent, availHeight)[1] for p in self.paragraphs]
        text_height = sum(self.heights) + self.spacing * max(len(self.heights) - 1, 0)
        self.width, self.height = availWidth, max(self.size, text_height)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return []  # a sentence never breaks across pages (ER-02)

    def draw(self):
        canvas = self.canv
        top = self.height
        picture_y = top - self.size
        if self.figure is not None:
            bbox = canvas.absolutePosition(0, picture_y) + canvas.absolutePosition(self.size, top)
            self.tree.elements[self.figure].attrs["BBox"] = [round(v, 2) for v in bbox]
            self.tree.begin(canvas, self.figure)
            self.draw_picture(canvas, 0, picture_y, self.size)
            self.tree.end(canvas)
        else:
            with artifact(canvas):
                self.draw_picture(canvas, 0, picture_y, self.size)
        y = top
        for paragraph, element, height in zip(self.paragraphs, self.elements, self.heights):
            y -= height
            _keep_line_end_spaces(paragraph)
            self.tree.begin(canvas, element)
            paragraph.drawOn(canvas, self.size + self.gap, y)
            self.tree.end(canvas)
            y -= self.spacing
        if self.link:
            canvas.linkURL(self.link, (0, 0, self.width, self.height), relative=1, thickness=0,
                           Contents=PDFString(self.paragraphs[0].getPlainText()))
            self.tree.link(canvas, self.elements[0], canvas.absolutePosition(0, 0)
                           + canvas.absolutePosition(self.width, self.height))


class ContentsEntry(Flowable):
    """A table-of-contents line: the text, a dotted leader and the page number, tagged P.

    With a destination (on screen) the text is a Link: P > Link, with the link annotation attached to
    the Link element by an OBJR. Without one (on paper) it is plain text and there is no annotation."""

    def __init__(self, text: str, page_label: str, destination: str | None, style, *, tree: StructureTree,
                 link_text: str = "", parent: int = 0):
        super().__init__()
        self.text, self.page_label, self.destination, self.style = plain(text), page_label, destination, style
        self.words = _words(text, tree.original)
        self.link_text = link_text  # what the link says to a screen reader: the title and its page
        self.tree = tree
        self.paragraph = tree.element("P", parent)
        self.content = tree.element("Link", self.paragraph) if destination else self.paragraph

    def wrap(self, availWidth, availHeight):
        style = self.style
        label_width = stringWidth(self.page_label, style.fontName, style.fontSize)
        self.lines = simpleSplit(self.text, style.fontName, style.fontSize, availWidth - label_width - 24)
        self.width, self.height = availWidth, style.leading * len(self.lines) + 4
        return self.width, self.height

    def draw_line(self, canvas, number: int, y: float) -> None:
        """One line of the title, word by word, each word of another language in a Span with its /Lang."""
        style, x = self.style, 0.0
        first = sum(len(line.split()) for line in self.lines[:number])
        for word in self.words[first:first + len(self.lines[number].split())]:
            for index, (piece, lang) in enumerate(word):
                piece += " " if index == len(word) - 1 else ""
                if lang:
                    canvas.addLiteral(self.tree.span(canvas, lang))
                canvas.drawString(x, y, piece)
                if lang:
                    canvas.addLiteral(self.tree.span_end(canvas))
                x += stringWidth(piece, style.fontName, style.fontSize)

    def draw(self):
        canvas, style = self.canv, self.style
        baseline = 5
        self.tree.begin(canvas, self.content)
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        for number in range(len(self.lines)):
            self.draw_line(canvas, number, baseline + style.leading * (len(self.lines) - 1 - number))
        canvas.drawRightString(self.width, baseline, self.page_label)
        self.tree.end(canvas)
        with artifact(canvas):
            canvas.setDash(1, 3)
            canvas.setStrokeColor(style.textColor)
            start = canvas.stringWidth(self.lines[-1] + " ", style.fontName, style.fontSize) + 4
            end = self.width - canvas.stringWidth(self.page_label, style.fontName, style.fontSize) - 4
            if end > start:
                canvas.line(start, baseline, end, baseline)
            canvas.setDash()
        if self.destination:
            x0, y0 = canvas.absolutePosition(0, 0)
            x1, y1 = canvas.absolutePosition(self.width, self.height)
            canvas.linkRect(self.link_text or self.text, self.destination,
                            (0, 0, self.width, self.height), relative=1, thickness=0)
            self.tree.link(canvas, self.content, (x0, y0, x1, y1))


def _words(text: str, original: str | None) -> list:
    """The words of a text, each as its (piece, /Lang or None) parts: 'Strzegomska 6:' is ('Strzegomska', pl) …
    ('6', pl), (':', None)."""
    words, word = [], []
    for piece, marked in spans(text):
        for part in re.split(r"(\s+)", piece):
            if part.isspace():
                words, word = (words + [word], []) if word else (words, word)
            elif part:
                word.append((part, original if marked else None))
    return words + [word] if word else words


def _pdf_date(moment: dt.datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def finish(path, tree: StructureTree, *, title: str, author: str, subject: str, lang: str) -> None:
    """Write the structure tree and the PDF/UA metadata into a saved ReportLab PDF, in place."""
    moment = source_date()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pages = pdf.pages
        refs = [pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem)) for _ in tree.elements]
        root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
        page_parents: dict = {}
        annot_parents: list = []
        annots_by_page = {}
        for index, page in enumerate(pages):
            found = []
            for annot in page.obj.get("/Annots", []):
                rect = tuple(round(float(v), 2) for v in annot.Rect)
                found.append((rect, annot))
            annots_by_page[index] = found
        for index, element in enumerate(tree.elements):
            ref = refs[index]
            ref.S = pikepdf.Name("/" + element.type)
            ref.P = root if element.parent is None else refs[element.parent]
            for key, value in element.attrs.items():
                if key == "Scope":
                    ref.A = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name("/" + value))
                elif key == "BBox":
                    ref.A = pikepdf.Dictionary(O=pikepdf.Name.Layout, BBox=pikepdf.Array(value))
                else:
                    ref[pikepdf.Name("/" + key)] = pikepdf.String(value)
            kids = pikepdf.Array()
            for kid in element.kids:
                if kid[0] == "elem":
                    kids.append(refs[kid[1]])
                elif kid[0] == "mcid":
                    _, page_index, mcid = kid
                    kids.append(pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=pages[page_index].obj, MCID=mcid))
                    page_parents.setdefault(page_index, {})[mcid] = ref
                else:
                    _, page_index, rect = kid
                    annot = _matching_annotation(annots_by_page[page_index], rect)
                    annot.StructParent = len(pages) + len(annot_parents)
                    annot_parents.append(ref)
                    kids.append(pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Pg=pages[page_index].obj, Obj=annot))
            ref.K = kids
        root.K = pikepdf.Array([refs[0]])
        nums = pikepdf.Array()
        for page_index, page in enumerate(pages):
            page.obj.StructParents = page_index
            mcids = page_parents.get(page_index, {})
            nums.append(page_index)
            nums.append(pdf.make_indirect(pikepdf.Array([mcids[m] for m in sorted(mcids)])))
            if "/Annots" in page.obj:
                page.obj.Tabs = pikepdf.Name.S
        for offset, ref in enumerate(annot_parents):
            nums.append(len(pages) + offset)
            nums.append(ref)
        root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=nums))
        root.ParentTreeNextKey = len(pages) + len(annot_parents)
        catalog = pdf.Root
        catalog.StructTreeRoot = root
        catalog.MarkInfo = pikepdf.Dictionary(Marked=True)
        catalog.Lang = pikepdf.String(lang)
        catalog.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        if "/Outlines" in catalog:
            catalog.PageMode = pikepdf.Name.UseOutlines
        info = pdf.docinfo
        info.Title, info.Author, info.Subject = pikepdf.String(title), pikepdf.String(author), pikepdf.String(subject)
        info.Creator = info.Producer = pikepdf.String("wromik")
        info.CreationDate = info.ModDate = pikepdf.String(_pdf_date(moment))
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:title"] = title
            meta["dc:creator"] = [author]
            meta["dc:description"] = subject
            meta["dc:language"] = [lang]
            meta["pdfuaid:part"] = "1"
            meta["xmp:CreateDate"] = meta["xmp:ModifyDate"] = meta["xmp:MetadataDate"] = moment.isoformat()
            meta["pdf:Producer"] = "wromik"
            meta["xmp:CreatorTool"] = "wromik"
        pdf.save(path, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def _matching_annotation(candidates, rect):
    best = min(candidates, key=lambda item: sum(abs(a - b) for a, b in zip(item[0], rect)))
    return best[1]
