"""Renderer support for the audio edition: speech engines and their cache, loudness and MP3, DAISY."""
