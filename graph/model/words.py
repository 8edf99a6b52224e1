"""The controlled words of the facts contract (shared/FACTS.md), in one place.

Every claim checks its words against these sets, the RDF mapping turns each word
into an IRI of the vocabulary, and the SHACL shapes list the same words.
"""

EVENTS = (
    "death", "resurrection", "return", "departure", "recast", "injury", "birth", "revelation",
)
MODES = (
    "physical", "hallucination", "flashback", "dream", "vision", "ghost", "voice", "clone",
    "alternate", "mention",
)
CREW_ROLES = ("showrunner", "creator", "writer", "director", "producer")
RELATIONS = (
    "shares_continuity", "separate_continuity", "spinoff_of", "sequel_of", "prequel_of",
    "crossover_with",
)
EPISODE_WORDS = ("premiere", "finale")
KINDS = ("portrayal", "season", "event", "appearance", "crew", "continuity", "placement")
