"""Polish: phrasing of steps and facts for each register, speech normalisation, easy-read rules."""
