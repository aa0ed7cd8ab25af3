"""Stage: geocode."""
