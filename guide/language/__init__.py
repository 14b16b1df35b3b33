"""Stage 3: what a language says; one package per language (its phrasing, speech and readability rules)."""
