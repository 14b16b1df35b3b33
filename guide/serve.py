"""wromik serve: the output folder on this computer's own address, to look at the guide in a browser before it is
published. The standard library's threading HTTP server, with the media types of the guide's files."""

from __future__ import annotations

import errno
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .errors import UsageError
from .output import read_manifest

__all__ = ["serve", "HOST", "DEFAULT_PORT"]

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
_TRIES = 100  # without --port: 8000, or the next free port up to 8099


class _Handler(SimpleHTTPRequestHandler):
    """Files of the output folder, each with its media type (text in UTF-8)."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".mp3": "audio/mpeg",
                      ".epub": "application/epub+zip", ".smil": "application/smil+xml", ".m3u8": "audio/x-mpegurl",
                      ".geojson": "application/geo+json", ".json": "application/json", ".css": "text/css",
                      ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that stops a download (a player seeking) is no error; anything else is reported as usual."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(out: str, port: int | None, announce) -> None:
    """Serve the folder until stopped (KeyboardInterrupt); announce(address) once it is listening."""
    folder = Path(out)
    if not folder.is_dir():
        raise UsageError(f"{out} is not a folder wromik built: there is no guide to show. Build it first: run "
                         f"`wromik build --out {out}`.")
    if read_manifest(folder) is None:
        raise UsageError(f"{out} is not a wromik output folder (it has no wromik manifest.json). Build the guide "
                         f"into it first: run `wromik build --out {out}`.")
    handler = functools.partial(_Handler, directory=str(folder.resolve()))
    with _bind(handler, port) as server:
        announce(f"http://{HOST}:{server.server_address[1]}/")
        server.serve_forever()


def _bind(handler, port: int | None) -> _Server:
    """A server on the port asked for (0: any free one), or without one on 8000 or the next free port."""
    for candidate in ([port] if port is not None else range(DEFAULT_PORT, DEFAULT_PORT + _TRIES)):
        try:
            return _Server((HOST, candidate), handler)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise UsageError(f"Cannot listen on {HOST}:{candidate} ({error.strerror}). Choose another port "
                                 f"with --port.") from None
            if port is not None:
                raise UsageError(f"Port {port} is in use by another program. Choose another with --port, or leave "
                                 f"--port out to take the next free one.") from None
    raise UsageError(f"Ports {DEFAULT_PORT} to {DEFAULT_PORT + _TRIES - 1} are all in use. Choose one with --port.")
