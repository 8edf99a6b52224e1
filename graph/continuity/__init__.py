"""Continuity: what the graph says about story time, answered with its evidence.

``story`` places a franchise's claims in story time (with a spoiler cut),
``status`` folds a character's events up to a point, ``casting`` answers who
plays whom, ``checks`` finds what breaks continuity, and ``ask`` reads plain
English questions into these.
"""
