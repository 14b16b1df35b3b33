"""The wromik command. Exit codes: 0 ok, 1 invalid data or failed build, 2 usage error."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from .errors import DataError, UsageError, WromikError, explain_os_error
from .data.text import terminal_safe

__all__ = ["main"]

DEFAULT_DATA = "routes/wroclaw"


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class _SafeStream:
    """A terminal stream that writes everything through terminal_safe."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(terminal_safe(text))

    def __getattr__(self, name):
        return getattr(self.stream, name)


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def _split(values, option: str, example: str) -> list | None:
    """The names given to a repeatable option (also comma-separated), each once; None when the option is absent."""
    if values is None:
        return None
    names = list(dict.fromkeys(part.strip() for value in values for part in value.split(",") if part.strip()))
    if not names:
        raise UsageError(f"{option} is empty. Give a name, for example {option} {example}, or leave the option out "
                         f"to build them all.")
    return names


def _cmd_build(args) -> int:
    from .build import build
    options = {"speech_engine": args.speech_engine, "speech_fallback": args.speech_fallback,
               "speech_cache": args.speech_cache}
    manifest = build(Path(args.data_dir), args.out, editions=_split(args.edition, "--edition", "standard"),
                     languages=_split(args.lang, "--lang", "pl"), options=options, progress=_progress)
    for artifact in manifest["artifacts"]:
        print(f"{artifact['path']}\t{artifact['edition']}\t{artifact['bytes']} bytes")
    return 0


def _cmd_serve(args) -> int:
    from .serve import serve

    def announce(address: str) -> None:
        print(f"Serving {args.out} at {address}", flush=True)
        print(f"Open it in a browser; the download page is {address}index.html. Stop with Ctrl+C.", file=sys.stderr,
              flush=True)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl+C stops it, even started in the background
    try:
        serve(args.out, args.port, announce)
    except KeyboardInterrupt as stop:  # how a preview ends: not an error
        print(f"Stopped serving {args.out} ({str(stop) or 'SIGINT'}).", file=sys.stderr)
    return 0


def _cmd_check(args) -> int:
    from .build import data_warnings
    from .data.dataset import load_guide, summary
    from .language import available_languages, check_easy_read
    data = load_guide(Path(args.data_dir), languages=available_languages())
    problems = check_easy_read(data) if args.easy_read else []
    if problems:  # 'valid' is said only of data that is
        raise DataError(problems)
    print(f"{args.data_dir}: valid ({summary(data)}).")
    for warning in data_warnings(data):
        print(f"Warning: {warning}", file=sys.stderr)
    _photo_warnings(data)
    if args.easy_read:
        from .language import pack
        for lang in data.info.languages:
            print(pack(lang).readability_report(data))
    return 0


def _photo_warnings(data) -> None:
    """Warn of every photo with fewer pixels than the print edition needs for 300 ppi (the build warns too)."""
    from .data.photos import every_photo
    photos = every_photo(data)
    if photos:
        from .renderers.print_ready import PrintPdfRenderer
        for photo in photos:
            warning = PrintPdfRenderer.photo_warning(photo.file, photo.size)
            if warning:
                print(warning, file=sys.stderr)


def _cmd_new(args) -> int:
    from .starter import new_guide
    written = new_guide(Path(args.folder), city=args.city, bbox=args.bbox.split(","), publisher=args.publisher,
                        lang=args.language)
    print(f"Wrote a starter guide for {args.city} to {args.folder} ({len(written)} files): one place, one stop, one "
          f"path. Fill them in (see 'Start a guide for your city' in the README), then run: wromik check "
          f"{args.folder}")
    return 0


def _cmd_translations(args) -> int:
    from .data.dataset import load_guide
    from .data.translations import translation_counts, write_catalogs
    from .language import available_languages
    data = load_guide(Path(args.data_dir), languages=available_languages())
    written = write_catalogs(data)
    if not written:
        print(f"{args.data_dir}: the guide has one language ({data.info.languages[0]}), so there is nothing to "
              f"translate. List more under 'languages' in guide.yaml.")
    for path in written:
        counts = translation_counts(data, path.stem)
        print(f"Wrote {path}: {counts['reviewed']} texts translated and reviewed, {counts['unreviewed']} translated "
              f"but not reviewed (fuzzy), {counts['missing']} to translate. Open it in a PO editor such as Poedit.")
    return 0


def _cmd_profiles(args) -> int:
    from .data.profiles import load_profiles
    for profile in load_profiles().values():
        limits = ", ".join(f"{k} {v}" for k, v in profile.limits.items() if not isinstance(v, list)) or "no hard limits"
        print(f"{profile.id:<20} {profile.name.get('en', profile.id)} — {profile.speed} m/s; {limits}")
    return 0


def _find_place(data, wanted: str):
    needle = wanted.casefold().replace(" ", "-")
    for place in data.places:
        if needle in (place.id, place.short_name.casefold().replace(" ", "-")):
            return place
    names = ", ".join(o.id for o in data.places)
    raise UsageError(f"Unknown place '{wanted}'. Known places: {names}.")


def _cmd_route(args) -> int:
    from .data.dataset import load_guide
    from .data.network import build_graph
    from .data.profiles import load_profiles
    from .language import kind_words, pack
    from .routing.routes import plan_place
    profiles = load_profiles()
    if args.profile not in profiles:
        raise UsageError(f"Unknown profile '{args.profile}'. Known profiles: {', '.join(profiles)}.")
    data = load_guide(Path(args.data_dir))
    place = _find_place(data, args.place)
    profile = profiles[args.profile]
    routes = plan_place(build_graph(data), place, profile)
    if args.origin:
        wanted = args.origin.casefold()
        routes = [r for r in routes if wanted in (r.origin.casefold(), r.origin_name.casefold())]
        if not routes:
            raise UsageError(f"No stop or parking '{args.origin}' near {place.short_name}.")
    lang = data.info.languages[0]
    words, kind = pack(lang), kind_words(lang, place.kind, data.info.kinds)
    print(f"{place.short_name} — {place.address} — {profile.name[lang]}")
    for route in routes:
        print()
        minutes = max(1, round(route.duration_s / 60))
        print(f"From {route.origin_name} ({route.origin}): {words.describe_status(route.status)}, "
              f"{words.quantity(round(route.length_m), 'metre')}, {words.quantity(minutes, 'minute')}, "
              f"{words.quantity(route.crossings, 'crossing')}" + (f"; entrance {route.entrance}" if route.entrance else ""))
        if route.status == "no_route":
            for b in route.barriers:
                said = words.describe_barrier(b.barrier.attribute, b.barrier.value, b.barrier.limit, b.barrier.unit, b.name,
                                              kind=b.kind, reason=b.barrier.reason)
                print(f"  ✗ {said}")
        else:
            for number, step in enumerate(route.steps, start=1):
                print(f"  {number:>2}. {words.describe_step(step, kind=kind)}")
            if route.inside:
                for step in route.inside.steps:
                    print(f"   • {words.describe_step(step, kind=kind)}")
                for b in route.inside.barriers:
                    print(f"   ✗ {words.describe_barrier(b.attribute, b.value, b.limit, b.unit, None, reason=b.reason)}")
        for unknown in route.missing_data:
            print(f"  ? {words.describe_unknown(unknown, disputed=unknown in route.disputed)}")
        for alternative in route.alternatives:
            if alternative.kind == "origin":
                print(f"  → also possible from {alternative.origin_name}")
            elif alternative.phone:
                print(f"  → call before the visit: {alternative.phone}")
    return 0


def _cmd_import_stops(args) -> int:
    from .data.stops import import_stops
    imported = import_stops(Path(args.feed), Path(args.data_dir))
    if imported.timetable:
        service = f" {imported.served} of them with vehicle types and lines from the feed's timetable."
    else:
        service = (" The feed has no timetable (routes.txt, trips.txt, stop_times.txt): give its folder or .zip file "
                   "to import vehicle types and lines.")
    print(f"Imported {imported.stops} stops into {Path(args.data_dir) / 'stops.csv'}.{service}")
    return 0


def _cmd_preflight(args) -> int:
    from .pdf.preflight import PreflightError, binding_of, preflight_limited
    failed = 0
    for file in args.files:  # each file is checked in a child process with time and memory limits
        try:
            findings = preflight_limited(Path(file))
        except PreflightError as error:  # not checked (missing, not a PDF, password, bomb…): say so, go on
            failed += 1
            print(f"{file}: {error.message} Fix: {error.fix}", flush=True)
            if error.detail and os.environ.get("WROMIK_DEBUG"):
                print(error.detail, file=sys.stderr, flush=True)
            continue
        binding = binding_of(Path(file))
        if not findings:
            print(f"{file}: {binding}: passes PX-01 … PX-05 (PDF/X-4, bleed, CMYK, embedded fonts, binding).")
            continue
        failed += 1
        print(f"{file}: {binding}: {len(findings)} finding(s).")
        for (rule, obj, message, fix), pages in _group(findings).items():
            where = f"{_page_list(pages)}, {obj}" if pages[0] else obj
            print(f"  {rule} {where}: {message}\n      Fix: {fix}")
    return 1 if failed else 0


def _group(findings) -> dict:
    """Findings that differ only in their page, together."""
    grouped: dict = {}
    for finding in findings:
        pages = grouped.setdefault((finding.rule, finding.object, finding.message, finding.fix), [])
        if finding.page not in pages:
            pages.append(finding.page)
    return grouped


def _page_list(pages) -> str:
    spans, start = [], pages[0]
    for previous, page in zip(pages, pages[1:] + [None]):
        if page != previous + 1:
            spans.append(f"{start}" if start == previous else f"{start}–{previous}")
            start = page
    return ("page " if len(pages) == 1 else "pages ") + ", ".join(spans)


def _port(value: str) -> int:
    if not value.isdigit() or int(value) > 65535:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port: give a number from 0 to 65535, for example 8000")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wromik", description="Build the accessible WROMIK city guide.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = commands.add_parser("build", help="validate the data and build the guide's editions")
    build.add_argument("data_dir", nargs="?", default=DEFAULT_DATA, metavar="DATA_DIR")
    build.add_argument("--out", default="output", help="output directory (default: output)")
    build.add_argument("--edition", action="append", help="edition(s) to build, e.g. routes (default: all)")
    build.add_argument("--lang", action="append", help="language(s) to build, e.g. pl (default: all of the guide's)")
    build.add_argument("--speech-engine", choices=["espeak-ng", "gtts"], default="espeak-ng",
                       help="voice of the audio edition: espeak-ng (offline, default) or gtts (online)")
    build.add_argument("--speech-fallback", action="store_true",
                       help="if the speech engine fails (no network, refused), warn and use espeak-ng instead")
    build.add_argument("--speech-cache", metavar="DIR",
                       help="where synthesised clips are kept (default: $WROMIK_SPEECH_CACHE or ~/.cache/wromik/speech)")
    build.set_defaults(run=_cmd_build)
    serve = commands.add_parser("serve", help="show the built guide in a browser: serve the output folder on "
                                "http://127.0.0.1 until Ctrl+C")
    serve.add_argument("--out", default="output", help="the output folder to serve (default: output)")
    serve.add_argument("--port", type=_port, help="the port (default: 8000, or the next free one; 0: any free one)")
    serve.set_defaults(run=_cmd_serve)
    check = commands.add_parser("check", help="validate the data and list every problem")
    check.add_argument("data_dir", nargs="?", default=DEFAULT_DATA, metavar="DATA_DIR")
    check.add_argument("--easy-read", action="store_true",
                       help="also check every easy-read text against ER-03, ER-04, ER-06 and ER-07")
    check.set_defaults(run=_cmd_check)
    new = commands.add_parser("new", help="start a guide for another city: a minimal valid guide to fill in")
    new.add_argument("folder", metavar="DIR", help="a new (or empty) folder for the guide's data")
    new.add_argument("--city", required=True, help="the city's name, e.g. Gdynia")
    new.add_argument("--bbox", required=True, metavar="W,S,E,N",
                     help="the guide's area in degrees (WGS84): west,south,east,north, e.g. 18.45,54.45,18.60,54.57")
    new.add_argument("--publisher", help="who publishes the guide (can be filled in later)")
    new.add_argument("--language", default="pl", help="the guide's first language (default pl)")
    new.set_defaults(run=_cmd_new)
    route = commands.add_parser("route", help="print the routes to one place for one profile")
    route.add_argument("data_dir", nargs="?", default=DEFAULT_DATA, metavar="DATA_DIR",
                       help=f"the guide's data folder, like every other command (default {DEFAULT_DATA})")
    route.add_argument("place", metavar="PLACE", help="the place's id, e.g. strzegomska-6")
    route.add_argument("--profile", required=True, help="profile id (see 'wromik profiles')")
    route.add_argument("--from", dest="origin", metavar="STOP", help="only the route from this stop (node id or name)")
    route.set_defaults(run=_cmd_route)
    translations = commands.add_parser("translations", help="write translations/<language>.po with every text of the "
                                       "guide to translate into its other languages (for a PO editor)")
    translations.add_argument("data_dir", nargs="?", default=DEFAULT_DATA, metavar="DATA_DIR")
    translations.set_defaults(run=_cmd_translations)
    profiles = commands.add_parser("profiles", help="list the access profiles and their limits")
    profiles.set_defaults(run=_cmd_profiles)
    stops = commands.add_parser("import-stops", help="import transit stops, their vehicle types and lines from a GTFS "
                                "feed (its folder, .zip file or stops.txt)")
    stops.add_argument("feed", metavar="FEED")
    stops.add_argument("data_dir", nargs="?", default=DEFAULT_DATA, metavar="DATA_DIR")
    stops.set_defaults(run=_cmd_import_stops)
    check_pdf = commands.add_parser("preflight", help="check PDFs for the print shop (PX-01 … PX-05)")
    check_pdf.add_argument("files", nargs="+", metavar="FILE.pdf")
    check_pdf.set_defaults(run=_cmd_preflight)
    return parser


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    for caught in (signal.SIGTERM, signal.SIGHUP):  # stop cleanly, as on Ctrl+C
        signal.signal(caught, _stop)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _SafeStream(sys.stdout), _SafeStream(sys.stderr)
    try:
        return _run(args)
    finally:
        sys.stdout, sys.stderr = streams


def _run(args) -> int:
    """Run a command; every error wromik expects ends in a message and an exit code, never a traceback."""
    try:
        return args.run(args)
    except WromikError as error:
        print(f"wromik: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:  # the reader closed the pipe (e.g. `| head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt as stop:
        name = str(stop) or "SIGINT"
        if getattr(stop, "published", False):
            print(f"wromik: stopped by {name} just after the new guide was published.", file=sys.stderr)
        elif args.command == "build":
            print(f"wromik: stopped by {name}; nothing was published and the output folder is as it was.",
                  file=sys.stderr)
        else:
            print(f"wromik: stopped by {name}.", file=sys.stderr)
        return 128 + getattr(signal, name, signal.SIGINT)
    except OSError as error:
        print(f"wromik: {explain_os_error(error, error.filename or '.')}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug in wromik, not in the data: say so plainly
        if os.environ.get("WROMIK_DEBUG"):
            raise
        print(f"wromik: internal error ({type(error).__name__}: {error}). Please report it; "
              "set WROMIK_DEBUG=1 to see the details.", file=sys.stderr)
        return 3
