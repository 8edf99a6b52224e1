"""Rule families, one package each: portrayal, crew, seasons, events, continuity.
Importing a family's modules registers its rules (``graph.extract.registry``)."""
