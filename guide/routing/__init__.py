"""Stage 2: accessible routes for each profile, why a route is missing, and its structured steps."""
