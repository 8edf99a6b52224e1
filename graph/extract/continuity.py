"""Continuity rules: spin-offs, crossovers, sequels, shared and separate continuity
(being written in issue 3)."""
