"""Stage 1: read and validate every data file (places, network, stops, profiles) into the data model."""
