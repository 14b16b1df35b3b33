"""Stage 4: the composed guide (routes, map scenes and descriptions, the spoken script, pictograms)."""
