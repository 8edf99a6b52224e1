"""Crew rules: showrunners, creators, writers, directors (being written in issue 3)."""
