"""canon: a knowledge graph of franchise continuity.

Articles become sourced, time-aware facts (``graph.extract``), held as RDF quads
with one named graph per article (``graph.store``), and exported as standard RDF
(``graph.rdf``). This package never imports the web view.
"""

__version__ = "0.1.0"
