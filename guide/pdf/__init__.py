"""Renderer support for the PDF editions: tagging (PDF/UA), prepress (PDF/X), print colour, preflight."""
