"""The easy-read register of the guide document (standards ER-01 … ER-08): short sentences, one per line,
a pictogram beside every instruction and fact, the best route of each group of people."""

from __future__ import annotations

from .builder import Builder, VISUAL
from dataclasses import replace

from .composition import common_start, grouped
from ..language import capital
from .nodes import Contents, ContentsEntry, Item, ItemList, Legend, Paragraph, Section, SignVideo, short_address


__all__ = ["EasyReadBuilder"]

MAX_SENTENCES = 5  # beside one pictogram: a reader finds the picture of every sentence within a glance


class EasyReadBuilder(Builder):
    register = "easy-read"

    def subject(self) -> str:
        return self._("{subject}, in easy-read", subject=self.text(self.info.subject))

    def sentences(self, *texts: str) -> Paragraph:
        return Paragraph(tuple(s for text in texts if text for s in self.pack.sentences(text)))

    def rows(self, lines) -> ItemList:
        """Easy lines, each with the pictogram it sits beside; a line of more than MAX_SENTENCES sentences (a long
        note) is split into even rows, each beside the pictogram again, so that every sentence has one near."""
        items = []
        for line in lines:
            parts = -(-len(line.sentences) // MAX_SENTENCES)
            size = -(-len(line.sentences) // max(parts, 1))
            items += [Item(tuple(line.sentences[i:i + size]), line.pictogram)
                      for i in range(0, len(line.sentences), size)] if line.sentences else [Item((), line.pictogram)]
        return ItemList(tuple(items))

    def calls(self, phone: str | None, lead: str | None = None, *, before_visit: bool = False) -> list:
        """A line asking to call, when the data has a number to call ("before your visit", or after a lead)."""
        if phone is None:
            return []
        call = self._("Call before your visit: {phone}.", phone=phone) if before_visit else \
            self._("Call: {phone}.", phone=phone)
        return [self.pack.EasyLine("phone", tuple(s for s in (lead, call) if s))]

    def sign_video(self, video, lead) -> list:
        """A sign-language video in short sentences: what it is about (lead(address)), and how to open it."""
        if video is None:
            return []
        _ = self._
        return [SignVideo(video.url, (lead(short_address(video.url)), _("Scan the code with your phone."),
                                      _("Or type this address: {address}", address=short_address(video.url))))]

    def notes(self, easy) -> list:
        """The easy-read version of an entrance's or the inside's notes, beside the information pictogram."""
        text = easy.texts.get(self.lang) if easy else None
        return [self.pack.EasyLine("information", tuple(self.pack.sentences(text)))] if text else []

    def photo_caption(self, photo) -> tuple:
        """What the photo shows, a sentence a line, then its source and date: the picture and the words together."""
        return (*self.pack.sentences(self.text(photo.alt)), self.photo_credit(photo))

    def place_title(self, place) -> str:
        return self.original(capital(self.pack.expand_name(place.short_name)))

    def cover(self) -> tuple:
        _ = self._
        date = self.pack.written_date(self.info.edition_date)
        return (self.sentences(_("Easy-read text."), _("Edition of {date}.", date=date),
                               _("Publisher: {publisher}.", publisher=self.info.publisher)),)

    def sections(self) -> list:
        _, info = self._, self.info
        places = self.model.data.places
        pictures = self.legend_items()
        scope = info.easy_read_scope.texts[self.lang] if info.easy_read_scope else ""
        sections = [Section("how-to", _("How to read this guide"), 1, (
            self.sentences(scope, _("Next to each piece of information there is a picture.")),), (
            Section("how-to-pictures", _("What the pictures mean"), 2, (Legend(pictures),)),
            Section("how-to-maps", _("How to read a map"), 2, (
                self.sentences(_("Each route has a map."), _("Next to the lines are the names of the streets.")),
                Legend(self.map_legend_items())))), only=VISUAL)]
        entries = [ContentsEntry(_("Introduction"), "intro")] + [
            ContentsEntry(self.place_title(o), f"place-{o.id}") for o in places] + [
            ContentsEntry(_("Word list"), "glossary")] * bool(info.glossary) + [
            ContentsEntry(_("About this guide"), "colophon")]
        sections.append(Section("contents", _("Contents"), 1, (Contents(tuple(entries)),), only=VISUAL))
        intro = [self.sentences(info.easy_read_introduction.texts[self.lang]),
                 *self.sign_video(info.sign_video, lambda address: _("There is a film in sign language about this guide."))]
        if info.contacts.phones:
            intro.append(self.rows(self.calls(info.contacts.phones[0].number, _("Any questions?"))))
        sections.append(Section("intro", _("Introduction"), 1, tuple(intro)))
        sections += [self.place(place) for place in places]
        sections += [Section("glossary", _("Word list"), 1, (
            self.sentences(_("Here are the difficult words of this guide.")),), tuple(
            Section(f"glossary-{n}", e.term[self.lang], 2, (self.sentences(e.easy_read.texts[self.lang]),))
            for n, e in enumerate(info.glossary, start=1)))] * bool(info.glossary)  # no empty word list
        date = self.pack.written_date(info.edition_date)
        sections.append(Section("colophon", _("About this guide"), 1, (self.sentences(
            _("Publisher: {publisher}.", publisher=self.original(info.publisher)), _("Edition of {date}.", date=date),
            _("This guide has other editions too. There is a standard edition. There is an edition for printing. "
              "There is also an edition to listen to."),
            _("You find them here: {address}.", address=short_address(info.download_page)) if info.download_page
            else ""),)))
        return sections

    def map_legend_items(self) -> tuple:
        """What each thing on a map means, beside the symbol or pictogram the map draws for it."""
        _ = self._
        starts = _("The way starts here.")
        return (Item((_("The blue line with white dashes is the way."),), "route-line"),
                Item((_("This picture is a bus stop."), starts), "bus"),
                Item((_("This picture is a tram stop."), starts), "tram"),
                Item((_("This picture is a stop."), _("A tram or a bus stops here."), starts), "stop"),
                Item((_("This picture is a car park."), starts), "parking"),
                Item((_("This picture is the door of the building."), _("The way ends here.")), "door"),
                Item((_("The grey lines are other pavements."),), "other-paths"),
                Item((_("The arrow with the letter N shows north."),), "north-arrow"),
                Item((_("The black bar shows a distance."), _("Its label says how many metres it is.")),
                     "scale-bar"))

    def place(self, place) -> Section:
        _, lang, pack = self._, self.lang, self.pack
        key = f"place-{place.id}"
        address = _("Address: {address}.", address=self.original(pack.expand_name(str(place.address))))
        lines = [pack.EasyLine("address", (address, _("The place on the map is not exact.")) if
                               place.location.approximate else (address,))]
        phones = list(dict.fromkeys(p.label.get(lang, _("phone")) for p in place.contacts.phones))
        numbers = {p.label.get(lang, _("phone")): p.number for p in reversed(place.contacts.phones)}
        if phones:
            lines.append(pack.EasyLine("phone", tuple(f"{capital(label)}: {numbers[label]}." for label in phones[:2])))
        if place.contacts.email:
            lines.append(pack.EasyLine("email", (_("E-mail: {email}", email=place.contacts.email),)))
        heading = _("Address and phone") if phones else _("Address")
        sections = [Section(f"{key}-contact", heading, 2, (self.rows(lines),)),
                    Section(f"{key}-hours", _("When it is open"), 2, (self.rows(
                        [pack.hours_lines(place.hours)] + (self.calls(self.phone_for(place), before_visit=True)
                                                            if place.hours is None else [])),))]
        if place.services:
            sections.append(Section(f"{key}-services", self.kind(place).easy_services, 2, (self.rows(
                pack.EasyLine(s.pictogram or "information", tuple(pack.sentences(s.easy_read.texts[lang])))
                for s in place.services), *(block for s in place.services for block in self.sign_video(
                    s.sign_video, lambda address, s=s: _("There is a film in sign language about this: {service}.",
                                                         service=s.name[lang]))))))
        sections.append(Section(f"{key}-entrances", _("Entrances"), 2, sections=tuple(
            Section(f"{key}-entrance-{e.id}", capital(pack.short_entrance_name(e.name[lang])), 3,
                    (self.rows(pack.entrance_lines(e.facts) + self.notes(e.easy_read)), *self.photos(e.photos)))
            for e in place.entrances)))
        inside = [self.rows(pack.inside_lines(place.inside.facts, kind=self.kind(place)) +
                            self.notes(place.inside.easy_read)), *self.photos(place.inside.photos)]
        facts = [f for e in place.entrances for f in e.facts.values()] + list(place.inside.facts.values())
        if any(not f.verified for f in facts):
            inside.append(self.rows([pack.EasyLine("question", (_("Nobody has checked this information on site "
                                                                     "yet."),))]))
        sections.append(Section(f"{key}-inside", _("In the building"), 2, tuple(inside)))
        sections.append(self.routes(place))
        return Section(key, self.place_title(place), 1, (self.sentences(place.easy_read.texts[lang]),
                                                          *self.photos(place.photos), *self.sign_video(
            place.sign_video, lambda address: _("There is a film in sign language about this place."))),
            tuple(sections))

    def routes(self, place) -> Section:
        """The best route of each group of people; groups that take the same path share one section and one
        map, with what differs told for each group."""
        _ = self._
        chosen, paths = [], self.model.shared_routes(place.id)
        for profile in self.model.profiles.values():
            route = self.model.chosen_route(place.id, profile.id)
            if route is not None:
                shared = next(s for s in paths if any(r is route for r in s.routes))
                chosen.append((id(shared), (profile, route, shared)))
        sections = []
        for _key, members in grouped(chosen):
            number = paths.index(members[0][2]) + 1  # the route's number in every edition and its map's file name
            names = " ".join(f"{p.easy_name.get(self.lang) or p.name[self.lang]}." for p, _r, _s in members)
            sections.append(Section(f"route-{place.id}-easy-{number}", _("Route {number}", number=number), 3, (
                self.sentences(_("This route is for these people:"), names), *self.route(place, members))))
        return Section(f"routes-{place.id}", _("How to get there"), 2, (self.sentences(
            _("Each group of people has its own route here. Other routes are in the standard edition.")),),
            tuple(sections))

    def lines_of(self, place, route, shared) -> list:
        if route.status == "no_route":
            return self.no_route_lines(route)
        steps = [replace(s, cue_before_m=shared.cue(i)) for i, s in enumerate(route.steps)]
        steps += list(route.inside.steps) if route.inside else []
        lines = self.pack.route_lines(steps, origin_kind=route.origin_kind, origin_name=route.origin_name,
                                      origin_pictogram=self.start_pictogram(route), kind=self.kind(place))
        if route.inside and route.inside.barriers:
            lines.append(self.pack.EasyLine("warning", (self._("Watch out!"), *dict.fromkeys(
                s for b in route.inside.barriers for s in self.barrier(b)))))
        return lines

    def barrier(self, barrier) -> tuple:
        """A barrier (routing's Barrier) in short sentences."""
        return tuple(self.pack.sentences(self.pack.barrier_sentence(barrier.attribute, reason=barrier.reason)))

    def no_route_lines(self, route) -> list:
        _, pack = self._, self.pack
        lines = [pack.EasyLine("warning", (_("There is no good route for this group."),))]  # for any group
        lines += [pack.EasyLine("warning", said) for said in list(dict.fromkeys(self.barrier(b.barrier)
                                                                               for b in route.barriers))[:3]]
        return lines + [pack.EasyLine("bus", (_("You can start from another place: the stop {name}.",
                                                name=self.original(pack.expand_name(a.origin_name))),))
                        for a in route.alternatives if a.kind == "origin"]

    def route_calls(self, route, phone) -> list:
        """The number to call at a route's end: when it depends on unchecked data, or when staff must be told."""
        if route.status == "no_route":
            return []
        if route.missing_data:
            return self.calls(phone, self._("Not everything on this route has been checked."))
        return self.calls(phone, before_visit=True) if route.calls_ahead else []

    def route(self, place, members) -> list:
        """The lines every group in the section shares, then for each group what is only theirs, then the map."""
        _, pack = self._, self.pack
        phone = self.phone_for(place)
        variants = grouped((tuple(self.lines_of(place, route, shared)) + tuple(self.route_calls(route, phone)), profile)
                           for profile, route, shared in members)
        common = common_start([lines for lines, _p in variants])
        blocks = [self.rows(common)]
        for lines, profiles in variants:
            if len(variants) > 1 and lines[len(common):]:
                names = " ".join(f"{p.easy_name.get(self.lang) or p.name[self.lang]}." for p in profiles)
                blocks += [self.sentences(_("For these people:"), names), self.rows(lines[len(common):])]
        _p, route, shared = members[0]
        if route.status == "no_route":
            return blocks + [self.rows(self.calls(phone, before_visit=True))]
        entrance = capital(pack.short_entrance_name(place.entrance(route.entrance).name[self.lang]))
        start = pack.expand_name(route.origin_name) if route.origin_kind == "stop" else _("Parking")  # as the text names it
        return blocks + [self.figure(place, shared, start=start, end=entrance if len(entrance) <= 20 else
                                     _("Entrance"))]

