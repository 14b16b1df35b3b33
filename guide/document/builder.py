"""Build the guide document of one language and register from the composed model.

This is the only place that decides what the guide says and in which order: cover, how to use (or to
listen), contents, introduction, one chapter per place, word list, sources, colophon. Every sentence
comes from the language pack; every edition translates the result.
"""

from __future__ import annotations

from dataclasses import replace

from babel import Locale

from ..data.translations import translation_counts
from ..language import check_easy_read, original, pack
from ..media import PRINT_CONDITION
from .composition import GuideModel, common_start, grouped
from .maps import map_scene
from .nodes import (Contents, ContentsEntry, Document, Figure, Finder, Item, ItemList, Legend, Paragraph, Photo, Section,
                    SignVideo, Table, WebAddress, language_name, plain, short_address, shown_in)
from .pictograms import NEGATED, pictograms

__all__ = ["build_document", "Documents"]

VISUAL = ("screen", "paper", "web")  # every edition that is read: PDF on screen, paper, web pages and EPUB


def build_document(model: GuideModel, lang: str, register: str = "standard") -> Document:
    """The guide in one language and register (standard or easy-read)."""
    if register == "easy-read":
        from .easy_read import EasyReadBuilder
        return EasyReadBuilder(model, lang).document()
    return StandardBuilder(model, lang).document()


class Documents:
    """The composed model and its guide documents, each built once per language and register and shared
    by every edition that translates it."""

    def __init__(self, model: GuideModel):
        self.model = model
        self._built: dict = {}
        self.page_numbers: dict = {}  # (paged edition, lang) -> {section key: page}, laid out once per build

    def get(self, lang: str, register: str = "standard") -> Document:
        if (lang, register) not in self._built:
            self._built[(lang, register)] = build_document(self.model, lang, register)
        return self._built[(lang, register)]

    def check_easy_read(self) -> list:
        """Problems in the easy-read texts of the data (ER-03 … ER-07), before anything is written."""
        return check_easy_read(self.model.data)


def route_key(place_id: str, number: int) -> str:
    return f"route-{place_id}-{number}"


class Builder:
    """What both registers share: the language, its pack and its fixed words."""

    register = "standard"

    def __init__(self, model: GuideModel, lang: str):
        self.model, self.lang, self.info = model, lang, model.data.info
        self.pack = pack(lang)
        self._ = self.pack.gettext
        self.title = self.text(self.info.title)

    def text(self, texts: dict) -> str:
        """A text of the data in this language (after translation, data has every language of the guide)."""
        return texts.get(self.lang) or next(iter(texts.values()), "")

    def original(self, name: str) -> str:
        """A name from the data (a place, an address, a source) inside a sentence: marked as a passage in the
        guide's first language when the document is in another."""
        return original(name) if self.lang != self.info.languages[0] else name

    def para(self, *texts: str, only: tuple = (), reference: str | None = None) -> Paragraph:
        return Paragraph(tuple(t for t in texts if t), reference=reference, only=only)

    def items(self, texts, *, numbered: bool = False, start: int = 1, only: tuple = ()) -> ItemList:
        return ItemList(tuple(Item((t,)) for t in texts), numbered=numbered, start=start, only=only)

    def profile_names(self, profile_ids) -> str:
        return ", ".join(self.model.profiles[p].name[self.lang] for p in profile_ids)

    def stop_of(self, route):
        """The transit stop a route starts from, or None (a car park, or a stop stops.csv does not list)."""
        node = self.model.data.network.nodes.get(route.origin)
        return self.model.data.stops.get(node.stop_id) if node is not None and node.stop_id else None

    def start_pictogram(self, route) -> str:
        """The picture of a route's start: parking, tram or bus when the data says which, else any stop."""
        if route.origin_kind == "parking":
            return "parking"
        stop = self.stop_of(route)
        vehicles = stop.vehicles if stop else ()
        return vehicles[0] if len(vehicles) == 1 and vehicles[0] in pictograms() else "stop"

    def origin_name(self, route) -> str:
        """Where a route starts, as a heading shows it (no timetable capitals)."""
        return self.pack.display_name(route.origin_name)

    def kind(self, place):
        """The words for this place's kind in the document's language: biuro and pokój, or kasa and sala."""
        return self.model.kind_words(place, self.lang)

    def phone_for(self, place) -> str | None:
        """The number to call about a place: its own, else the publisher's; None when the data has none."""
        phones = place.contacts.phones or self.info.contacts.phones
        return phones[0].number if phones else None

    def document(self) -> Document:
        return Document(lang=self.lang, register=self.register, title=self.title, subject=self.subject(),
                        publisher=self.info.publisher, edition_date=self.info.edition_date, cover=self.cover(),
                        sections=tuple(self.sections()), back_cover=self.back_cover(), paper=self.info.paper,
                        languages=tuple(self.info.languages), language=self.pack,
                        original=pack(self.info.languages[0]))

    def language_name(self) -> str:
        """The guide's language named in itself ('polski'), from the CLDR data Babel ships."""
        return language_name(self.lang)

    def translation_note(self) -> tuple:
        """How this language's texts came to be, when it is not the guide's first: the language they are translated
        from, how many translations a person has checked, how many texts are still in the first language."""
        first = self.info.languages[0]
        if self.lang == first:
            return ()
        counts = translation_counts(self.model.data, self.lang)
        translated = counts["reviewed"] + counts["unreviewed"]
        original_language = Locale.parse(first).get_display_name(self.lang)
        return (self._("Language of the original: {language}.", language=original_language),
                self._("Where the translation and the original differ, the original applies."),
                self._("Translated texts checked by a person: {checked} of {total}.", checked=counts["reviewed"],
                       total=translated) if translated else "",
                self._("Texts not translated yet, given in the original: {count}.", count=counts["missing"])
                if counts["missing"] else "")

    def back_cover(self) -> tuple:
        """Hook: the back of a printed guide; only the print edition's register has one."""
        return ()

    def sign_video(self, video, lead) -> list:
        """A sign-language video as a block: lead(address) names the part and where to watch it, then who signs
        and when it was recorded. Nothing when the data has no video."""
        if video is None:
            return []
        return [SignVideo(video.url, (lead(short_address(video.url)), self._(
            "Signed by {signer}, recorded: {date}.", signer=video.signer,
            date=self.pack.written_date(video.recorded))))]

    def subject(self) -> str:
        return self.text(self.info.subject)

    def photos(self, photos) -> list:
        """The photos of a place, an entrance or the inside, each with its source and date written under it."""
        return [Photo(str(photo.path), photo.file, self.text(photo.alt), self.photo_caption(photo), photo.size)
                for photo in photos]

    def photo_caption(self, photo) -> tuple:
        """Hook: the sentences under a photo; its source and the date it was taken."""
        return (self.photo_credit(photo),)

    def photo_credit(self, photo) -> str:
        return self._("Photo: {source}, {date}.", source=self.original(photo.source.rstrip(". ")),
                      date=self.pack.written_date(photo.date))

    def legend_items(self) -> tuple:
        """Every pictogram with its meaning, and what a crossed-out one means."""
        items = [Item((f"{p.alt_text(self.lang)}.",), pid) for pid, p in pictograms().items()]
        return tuple(items + [Item((self._("A crossed-out picture means: there is none."),), NEGATED + "steps")])

    def figure(self, place, shared, *, start: str, end: str) -> Figure:
        """The map of a shared route, its alternative text and its description in words."""
        route = shared.route
        entrance = place.entrance(route.entrance)
        alt, overview = self.pack.describe_map(origin_kind=route.origin_kind, origin_name=self.original(self.origin_name(route)),
                                               place_name=self.original(place.short_name), entrance_name=entrance.name[self.lang],
                                               length_m=route.length_m)
        street_name = self.pack.expand_name if self.register == "easy-read" else str
        scene = map_scene(route, self.model.data.network.edges, plain(start), plain(end),
                          start_pictogram=self.start_pictogram(route), metres=lambda n: plain(self.pack.quantity(n, "metre")),
                          street_name=lambda name: plain(street_name(name)))  # a map's labels carry no marks
        number = self.model.shared_routes(place.id).index(shared) + 1
        return Figure(scene, alt, tuple(self.pack.sentences(f"{overview} {self.map_drawing()}")),
                      route_key(place.id, number), only=VISUAL)  # a route's title and summary say it to listeners

    def map_drawing(self) -> str:
        """How every route map is drawn: with each map where maps are shown, once in how to listen."""
        return self._("The route is drawn as a thick line with white dashes. North is at the top of the map.")


class StandardBuilder(Builder):
    """The standard register: full sentences, every fact with its source, every route with every step."""

    def cover(self) -> tuple:
        _, info = self._, self.info
        date = self.pack.written_date(info.edition_date)
        elsewhere = _("The editions for screen readers, in easy-read and to listen to: {address}.",
                      address=short_address(info.download_page)) if info.download_page else \
            _("The editions for screen readers, in easy-read and to listen to are available from the publisher.")
        language = _("Language: {language}.", language=self.language_name())
        note = self.translation_note()  # a reader of a translation knows it at once
        return (self.para(_("Edition of {date}.", date=date)), self.para(_("Publisher: {publisher}.",
                                                                           publisher=self.original(info.publisher))),
                *([self.para(*note)] if note else []),
                self.para(_("Standard edition, accessible to screen readers."), language, only=("screen",)),
                self.para(_("Web pages and e-book (EPUB), accessible to screen readers."), language, only=("web",)),
                self.para(_("Printed edition."), language, elsewhere, only=("paper",)))

    def back_cover(self) -> tuple:
        """The title, publisher and edition, the publisher's contacts, the download page with its QR code, and
        how the file was made: a printed guide's colophon."""
        _, info = self._, self.info
        blocks = [self.para(f"{self.title}.", _("Publisher: {publisher}.", publisher=self.original(info.publisher)),
                            _("Edition of {date}.", date=self.pack.written_date(info.edition_date)))]
        if self.contact_items(info.contacts):
            blocks += [self.para(_("Contact:")), self.items(self.contact_items(info.contacts))]
        if info.download_page:
            blocks += [self.para(self.download()), WebAddress(info.download_page)]
        blocks.append(self.para(self.printing_colophon(), self.made_with("paper"), *self.translation_note()))
        return tuple(blocks)

    def download(self) -> str:
        """Where every edition of the guide can be downloaded (the guide has a download page)."""
        return self._("Download every edition of this guide free of charge, for screen readers, in easy-read and to "
                      "listen to, at {address}.", address=short_address(self.info.download_page))

    def printing_colophon(self) -> str:
        return self._("A PDF/X-4 file for printing (printing condition {condition}), set in DejaVu Sans (Bitstream "
                      "Vera and DejaVu licence).", condition=PRINT_CONDITION)

    def made_with(self, medium: str) -> str:
        """How the edition for this medium was made, naming the other editions."""
        if medium == "paper":
            return self._("Made with the wromik program from one source of data, from which the standard, "
                          "easy-read and audio editions are made too.")
        if medium == "web":
            return self._("Made with the wromik program from one source of data, from which the PDF, easy-read, print "
                          "and audio editions are made too.")
        return self._("Made with the wromik program from one source of data, from which the easy-read, print and "
                      "audio editions are made too.")

    def sections(self) -> list:
        body = [self.introduction()] + [self.place(place) for place in self.model.data.places]
        body += [self.glossary()] * bool(self.info.glossary) + [self.sources(), self.colophon()]  # no empty word list
        return [self.how_to_use(), self.how_to_listen(body), self.contents(body)] + body

    # front matter -----------------------------------------------------------------------------------------

    def how_to_use(self) -> Section:
        _ = self._
        symbols = Legend(tuple(Item((text,), pid) for text, pid in (
            (_("Thick blue line with white dashes: the route."), "route-line"),
            (_("Bus pictogram: a bus stop, where the route starts."), "bus"),
            (_("Tram pictogram: a tram stop, where the route starts."), "tram"),
            (_("Stop pictogram: a stop where the data does not say which vehicle calls, where the route starts."),
             "stop"),
            (_("Parking pictogram: a car park, where the route starts."), "parking"),
            (_("Door pictogram: the entrance to the building, where the route ends."), "door"),
            (_("Grey lines: other pavements nearby."), "other-paths"),
            (_("Arrow with the letter N: north."), "north-arrow"),
            (_("Black bar with a label: the scale, for example 50 metres."), "scale-bar"))))
        words = self.items([_("Names in bold beside the pictograms: the start and the entrance."),
                            _("Names along the lines: the streets and squares the pavements run along.")])
        pictures = self.legend_items()
        return Section("how-to", _("How to use this guide"), 1, only=VISUAL, blocks=(
            self.para(self.text(self.info.scope),
                      _("For each group of people we give the route from the nearest stops to the entrance that "
                        "suits them best."),
                      _("When several groups share a route, it is told once, with the groups it serves."),
                      _("When there is no route, we say why and what can be done instead.")),
        ), sections=(
            Section("how-to-profiles", _("Groups of people (profiles)"), 2, (
                self.items(p.name[self.lang] for p in self.model.profiles.values()),)),
            Section("how-to-maps", _("Map legend"), 2, (symbols, words)),
            Section("how-to-pictograms", _("Pictograms"), 2, (
                self.para(_("The same pictograms are on the maps and in the easy-read edition.")), Legend(pictures),
                self.para(_("The words \u201cno data\u201d mean that nobody has checked it yet. They do not mean "
                            "that the place is accessible. Routes that depend on missing data are marked.")),
                *[self.para(_("Difficult words are explained in the word list at the end of the guide."),
                            reference="glossary")] * bool(self.info.glossary))),
        ))

    def how_to_listen(self, chapters) -> Section:
        _ = self._
        titles = [_("How to listen")] + [chapter.title for chapter in chapters if shown_in(chapter, "audio")]
        listing = [_("Chapter {number}: {title}.", number=n, title=t) for n, t in enumerate(titles, start=1)]
        return Section("how-to-listen", _("How to listen"), 1, only=("audio",), blocks=(
            self.para(_("The recording has chapters. Each place has its own chapter."),
                      _("In a DAISY player the headings have three levels: the chapter of a place, its parts (the "
                        "address, the hours, the entrances, the way inside and each route) and each step of a route."),
                      _("Go to your route at the second level, then from step to step at the third level. To hear a "
                        "step again, go back one heading at the third level."),
                      _("The MP3 file with the whole recording has a chapter mark for each place and for each route."),
                      _("The recording is also in separate MP3 files: one file for each chapter."),
                      _("Each place's chapter ends with its phone number and address."), _("These are the chapters:")),
            self.items(listing)), sections=(
            Section("listen-profiles", _("Groups of people"), 2, (
                self.para(_("We describe routes for these groups of people:")),
                self.items(f"{p.name[self.lang]}." for p in self.model.profiles.values()),
                self.para(_("When several groups share a route, it is told once, and its title names the groups.")))),
            Section("listen-routes", _("Routes and maps"), 2, (
                self.para(_("In the printed editions every route has a map."), self.map_drawing(),
                          _("In the recording each route says where it starts, which entrance it leads to and how long "
                            "it is. Then come its steps, one by one."),
                          _("The words \u201cno data\u201d mean that nobody has checked it yet. They do not mean that "
                            "it is accessible."), _("Ask before your visit if it matters to you.")),)),
        ))

    def contents(self, chapters) -> Section:
        entries = tuple(ContentsEntry(chapter.title, chapter.key, chapter.only) for chapter in chapters)
        return Section("contents", self._("Contents"), 1, (Contents(entries),), only=VISUAL)

    def contact_items(self, contacts) -> list:
        """Each phone (with its label), the e-mail and the website, a sentence each."""
        _, lang = self._, self.lang
        texts = [_("Phone: {number}, {label}.", number=p.number, label=p.label[lang]) if p.label.get(lang)
                 else _("Phone: {number}.", number=p.number) for p in contacts.phones]
        if contacts.email:
            texts.append(_("E-mail: {email}.", email=contacts.email))
        if contacts.website:
            texts.append(_("Website: {url}.", url=contacts.website))
        return texts

    def introduction(self) -> Section:
        _, info = self._, self.info
        contacts = info.contacts
        blocks = [self.para(f"{self.title}.", _("Audio edition."), _("Publisher: {publisher}.", publisher=self.original(info.publisher)),
                            _("Edition of {date}.", date=self.pack.written_date(info.edition_date)), only=("audio",)),
                  self.para(self.text(info.introduction))]
        if self.contact_items(contacts):
            blocks += [self.para(_("Contact:")), self.items(self.contact_items(contacts))]
        if contacts.website:
            blocks.append(WebAddress(contacts.website, only=("paper",)))
        blocks += self.sign_video(info.sign_video, lambda address: _(
            "The introduction in Polish Sign Language (PJM): a video at {address}.", address=address))
        return Section("intro", _("Introduction"), 1, tuple(blocks))

    # a place ----------------------------------------------------------------------------------------------

    def place(self, place) -> Section:
        _, lang, kind = self._, self.lang, self.kind(place)
        where = [_("Address: {address}.", address=self.original(str(place.address)))]
        if place.location.approximate:
            where.append(_("The position on the map is approximate."))
        contact = [" ".join(where)] + self.contact_items(place.contacts)
        sections = [Section(f"place-{place.id}-contact", _("Address and contact"), 2, (self.items(contact),)),
                    Section(f"place-{place.id}-hours", _("Opening hours"), 2,
                            self.hours(place.hours, self.phone_for(place)))]
        if place.services:
            videos = [block for s in place.services for block in self.sign_video(s.sign_video, lambda address, s=s: _(
                "{service} in Polish Sign Language (PJM): a video at {address}.", service=s.name[lang], address=address))]
            sections.append(Section(f"place-{place.id}-services", kind.services, 2, (
                self.items(self.service(s) for s in place.services), *videos)))
        entrances = tuple(Section(f"place-{place.id}-entrance-{e.id}", e.name[lang], 3, (
            self.items(self.pack.fact_sentences(e.facts, kind=kind) or [_("No data about this entrance.")]),
            *([self.para(e.notes[lang])] if e.notes.get(lang) else []), *self.photos(e.photos)))
            for e in place.entrances)
        sections.append(Section(f"place-{place.id}-entrances", _("Entrances"), 2, sections=entrances))
        sections.append(Section(f"place-{place.id}-inside", _("In the building: from the door {to_destination}",
                                                               to_destination=kind.to_destination), 2, (
            self.items(self.pack.fact_sentences(place.inside.facts, kind=kind) or
                       [_("No data about the inside of the building.")]),
            *([self.para(place.inside.notes[lang])] if place.inside.notes.get(lang) else []),
            *self.photos(place.inside.photos))))
        sections.append(self.routes(place))
        video = self.sign_video(place.sign_video, lambda address: _(
            "This place in Polish Sign Language (PJM): a video at {address}.", address=address))
        sections.append(Section(f"place-{place.id}-end", _("Contact"), 2, (
            self.para(_("That was the chapter: {name}.", name=self.original(place.short_name))), self.items(contact), *video),
            only=("audio",)))  # a listener hears where to find the video again at the chapter's end
        return Section(f"place-{place.id}", f"{self.original(place.short_name)}: {place.name[lang]}", 1,
                       (self.para(place.description[lang]), *self.photos(place.photos), *video), tuple(sections))

    def hours(self, hours, phone: str | None) -> tuple:
        _ = self._
        if hours is None:
            return (self.para(_("No data about the opening hours."),
                              _("Call before your visit: {phone}.", phone=phone) if phone else ""),)
        table = Table((_("Day"), _("Hours")), tuple(self.pack.opening_hours(hours)), only=VISUAL)
        heard = self.para(*self.pack.hours_lines(hours).sentences, only=("audio",))  # days with the same hours at once
        return (table, heard) + ((self.para(hours.note[self.lang]),) if hours.note.get(self.lang) else ())

    def service(self, service) -> str:
        _, lang = self._, self.lang
        text = service.name[lang] + (f": {service.description[lang]}" if service.description.get(lang) else "")
        if service.hours:
            text += " " + _("Hours: {hours}.", hours=self.pack.service_hours(service.hours))
            if service.hours.note.get(lang):
                text += f" {service.hours.note[lang]}"
        if service.phones:
            text += " " + _("Phone: {number}.", number=", ".join(p.number for p in service.phones))
        return text

    # routes -----------------------------------------------------------------------------------------------

    def routes(self, place) -> Section:
        """Every distinct route once, and for each group of people the routes that are theirs."""
        _ = self._
        shared = self.model.shared_routes(place.id)
        keys = {id(s): route_key(place.id, n) for n, s in enumerate(shared, start=1)}
        titles = {id(s): self.route_title(n, s.route) for n, s in enumerate(shared, start=1)}
        finders = []
        for profile in self.model.profiles.values():
            own = [s for s in shared if profile.id in s.profiles]
            usable = [str(n) for n, s in enumerate(shared, start=1) if s in own and s.route.status != "no_route"]
            blocked = [str(n) for n, s in enumerate(shared, start=1) if s in own and s.route.status == "no_route"]
            finders.append(Finder(profile.name[self.lang], tuple((titles[id(s)], keys[id(s)]) for s in own),
                                  sentences=(self.finder_sentence(profile.name[self.lang], usable, blocked),)))
        routes = tuple(self.route(place, s, keys[id(s)], titles[id(s)], shared, keys) for s in shared)
        return Section(f"routes-{place.id}", _("Routes"), 2, tuple(finders), routes)

    def finder_sentence(self, group: str, usable: list, blocked: list) -> str:
        """Which routes a group can take, and from which starts it has none."""
        _ = self._
        if not usable:
            text = _("{group}: no route.", group=group)
        elif len(usable) == 1:
            text = _("{group}: route {number}.", group=group, number=usable[0])
        else:
            text = _("{group}: routes {numbers}.", group=group, numbers=", ".join(usable))
        if blocked:
            text += " " + _("The barriers are described under route {numbers}.", numbers=", ".join(blocked))
        return text

    def route_title(self, number: int, route) -> str:
        _ = self._
        name = self.original(self.origin_name(route))
        origin = _("from the stop {name}", name=name) if route.origin_kind == "stop" else _("from {name}", name=name)
        if route.status == "no_route":
            return _("Route {number}: {origin}, no accessible route", number=number, origin=origin)
        return _("Route {number}: {origin}", number=number, origin=origin)

    def route(self, place, shared, key: str, title: str, everything, keys) -> Section:
        _, pack = self._, self.pack
        route = shared.route
        groups = len(shared.profiles)
        blocks = [self.para(_("This route is for: {groups}.", groups=self.profile_names(shared.profiles)),
                            only=VISUAL)]  # in audio the section's title names the groups
        if route.status == "no_route":
            blocks.append(self.para(_("There is no accessible route for this group of people. Barriers:") if groups == 1
                                    else _("There is no accessible route for these groups of people. Barriers:")))
            barriers = grouped((tuple(pack.describe_barrier(b.barrier.attribute, b.barrier.value, b.barrier.limit,
                                                            b.barrier.unit, b.name, kind=b.kind,
                                                            reason=b.barrier.reason)
                                     for b in r.barriers), r.profile)
                               for r in shared.routes)
            for texts, ids in barriers:
                if len(barriers) > 1:
                    blocks.append(self.para(_("For: {groups}.", groups=self.profile_names(ids))))
                blocks.append(self.items(texts))
        else:
            blocks += self.route_walk(place, shared)
        blocks += self.route_notes(place, shared, everything, keys)
        long_title = _("{title}, for: {groups}", title=title, groups=self.profile_names(shared.profiles))
        return Section(key, title, 3, tuple(blocks), outline=False, long_title=long_title)

    def route_walk(self, place, shared) -> list:
        _, pack = self._, self.pack
        route = shared.route
        entrance = place.entrance(route.entrance)
        times = grouped((max(1, round(r.duration_s / 60)), r.profile) for r in shared.routes)
        length = pack.quantity(round(route.length_m), "metre")
        crossings = pack.quantity(route.crossings, "crossing") if route.crossings else _("no crossing")
        if len(times) == 1:
            summary = _("Length: {length}, {time}, {crossings} across the road.", length=length,
                        time=pack.quantity(times[0][0], "minute", about=True), crossings=crossings)
        else:
            each = [_("{groups}: {time}", groups=self.profile_names(ids), time=pack.quantity(minutes, "minute", about=True))
                    for minutes, ids in times]
            summary = _("Length: {length}, {crossings} across the road.", length=length, crossings=crossings) + " " + \
                _("Time: {times}.", times="; ".join(each))
        start = self.origin_name(route) if route.origin_kind == "stop" else _("Parking")
        measured = all(leg.attrs.get("verified") for leg in route.legs if leg.kind != "door")
        stop = self.stop_of(route)
        blocks = [self.para(summary, pack.describe_stop(stop.vehicles, stop.lines) if stop else "",
                            _("Entrance: {name}.", name=entrance.name[self.lang]),
                            "" if measured else _("The distances are approximate: nobody has measured this route "
                                                  "on site yet.")),
                  self.figure(place, shared, start=start, end=entrance.name[self.lang].split(" (")[0])]
        kind = self.kind(place)
        insides = grouped((tuple(t for t in (pack.describe_step(s, kind=kind) for s in r.inside.steps) if t)
                           if r.inside else (), r.profile) for r in shared.routes)
        shared_inside = common_start([inside for inside, _ids in insides])  # the way inside every group takes
        steps = [self.shared_step(shared, index, kind) for index in range(len(route.steps))] + list(shared_inside)
        blocks.append(self.items(steps, numbered=True))
        for inside, ids in insides if len(insides) > 1 else ():
            if inside[len(shared_inside):]:
                blocks += [self.para(_("In the building, for {groups}:", groups=self.profile_names(ids))),
                           self.items(inside[len(shared_inside):], numbered=True, start=len(steps) + 1)]
        barriers = grouped(("; ".join(pack.describe_barrier(b.attribute, b.value, b.limit, b.unit, None, reason=b.reason)
                                      for b in r.inside.barriers) if r.inside else "", r.profile) for r in shared.routes)
        for text, ids in barriers:
            if text:
                blocks.append(self.para(_("Barriers in the building: {barriers}.", barriers=text) + self.only_for(
                    ids, shared)))
        return blocks

    def only_for(self, ids, shared) -> str:
        """' This applies to: …' when a note concerns some of the groups a route serves."""
        return "" if len(ids) == len(shared.profiles) else " " + self._("This applies to: {groups}.",
                                                                       groups=self.profile_names(ids))

    def shared_step(self, shared, index: int, kind) -> str:
        """One step of a shared route: what every group meets, then what only some groups are warned of."""
        steps = [r.steps[index] for r in shared.routes]
        common = [w for w in steps[0].warnings if all(w in s.warnings for s in steps)]
        text = self.pack.describe_step(replace(steps[0], warnings=tuple(common), cue_before_m=shared.cue(index)),
                                       kind=kind)
        extra = grouped((tuple(w for w in s.warnings if w not in common), r.profile)
                        for s, r in zip(steps, shared.routes))
        for warnings, ids in extra:
            notes = self.pack.warning_notes(warnings)
            if notes:
                text += " " + self._("Note for {groups}: {notes}.", groups=self.profile_names(ids), notes=notes)
        return text

    def route_notes(self, place, shared, everything, keys) -> list:
        """Missing data and other possibilities, each for the groups it concerns; the number to call with them."""
        _, pack = self._, self.pack
        blocks, phone, told = [], self.phone_for(place), set()
        for (missing, disputed), ids in grouped(((r.missing_data, r.disputed), r.profile) for r in shared.routes
                                                if r.status != "no_route"):
            if missing:
                what = ", ".join(pack.describe_unknown(u, disputed=u in disputed) for u in missing)
                call = _("Call before your visit if it matters to you: {phone}.", phone=phone) if phone else \
                    _("Ask before your visit if it matters to you.")
                blocks.append(self.para(_("The route depends on data nobody has checked: {missing}.", missing=what),
                                        call + self.only_for(ids, shared)))
                told.update(ids)  # they have the number already
        for alternatives, ids in grouped((r.alternatives, r.profile) for r in shared.routes):
            for alternative in alternatives:
                if alternative.kind == "origin":
                    found = next((s for s in everything if s.route.origin == alternative.origin
                                  and s.route.status != "no_route" and set(ids) <= set(s.profiles)), None)
                    name = self.original(self.pack.display_name(alternative.origin_name))
                    other = _("Another possibility: the route from the stop {name}.", name=name) if found and \
                        found.route.origin_kind == "stop" else _("Another possibility: the route from {name}.", name=name)
                    blocks.append(self.para(other + self.only_for(ids, shared), reference=keys[id(found)] if found else None))
                elif alternative.phone and not set(ids) <= told:
                    rest = [i for i in ids if i not in told]
                    blocks.append(self.para(_("Call before your visit: {phone}.", phone=alternative.phone)
                                            + self.only_for(rest, shared)))
        return blocks

    # back matter ------------------------------------------------------------------------------------------

    def glossary(self) -> Section:
        _ = self._
        return Section("glossary", _("Word list"), 1, (
            self.para(_("Here we explain the difficult words of this guide."), only=("audio",)),
            self.items(f"{e.term[self.lang]} \u2013 {e.meaning[self.lang]}" for e in self.info.glossary)))

    def sources(self) -> Section:
        _ = self._
        texts = [self.original(s["name"]) + (f" ({s['url']})" if s.get("url") else "") +
                 (_(", as of {date}", date=s["retrieved"]) if s.get("retrieved") else "") for s in self.info.sources]
        blocks = [self.items(texts)]
        blocks += [WebAddress(url, only=("paper",)) for url in dict.fromkeys(s["url"] for s in self.info.sources
                                                                            if s.get("url"))]
        facts = [f for o in self.model.data.places for e in o.entrances for f in e.facts.values()]
        facts += [f for o in self.model.data.places for f in o.inside.facts.values()]
        checked = _("With every accessibility fact we give its source and the date it was checked on site.") if any(
            f.verified for f in facts) else _("With every accessibility fact we give its source; none has been checked "
                                              "on site yet.")  # the guide promises only what the data holds
        blocks.append(self.para(checked, _("The positions of buildings and the features of pavements are "
                                           "approximate until they are measured.")))
        return Section("sources", _("Data sources"), 1, tuple(blocks))

    def colophon(self) -> Section:
        """On screen and in the recording; a printed guide has it on its back cover."""
        _, info = self._, self.info
        date = self.pack.written_date(info.edition_date)
        return Section("colophon", _("Colophon"), 1, (
            self.para(f"{self.title}.", _("Publisher: {publisher}.", publisher=self.original(info.publisher)),
                      _("Edition of {date}.", date=date), *self.translation_note()),
            self.para(_("A document conforming to PDF/UA-1, set in DejaVu Sans (Bitstream Vera and DejaVu licence)."),
                      only=("screen",)),
            self.para(self.made_with("screen"), only=("screen",)),
            self.para(self.made_with("web"), only=("web",)),
            self.para(_("The recording was made with a speech synthesiser from the same data as the printed, "
                        "standard and easy-read editions."),
                      self.download() if info.download_page else "",
                      _("This is the end of the recording. Thank you for listening."), only=("audio",)),
        ), only=("screen", "web", "audio"))
