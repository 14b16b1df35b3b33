"""Renderer support for the spoken editions: speech engines and their cache, recording (where each clip lies), loudness
and MP3, DAISY."""
