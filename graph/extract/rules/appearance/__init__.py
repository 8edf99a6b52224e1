"""Appearance rules: where an article says a character is present in a work, a
season, and in what mode."""
