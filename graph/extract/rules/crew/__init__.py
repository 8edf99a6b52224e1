"""Crew rules: who made a work."""
