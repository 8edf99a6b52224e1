"""The names search and suggestions match, indexed once per store version so that a
query scores only the names that can match it.

Each entry is matched by its name and by its aliases, the other names articles give
it ("ned" finds Eddard Stark, "the hound" Sandor Clegane). A query matches a text
(compared case-folded) as the same text, a text starting with it, a text
containing it (a first name, a surname), or a near text: one whose rapidfuzz ratio
(0-100) to the query, or to a run of as many words as the query has, is at least
NEAR ("kilgrav" finds Kilgrave, "doc" does not find Matt Murdock); a query with
titles ("King Robert Baratheon") matches as itself and without them. Matches come
best first: by that rank, then the closer, then the entry the store says most
about (its weight, claims), then by name, then in the order the names were given.
The same, exact and containing matches are one substring test per text; the near
ones are scored by rapidfuzz's ``process.extract`` over the distinct texts (names,
aliases and runs of words), in C, with its score cut-off, and each text's score
goes to every entry that holds it.
"""

from rapidfuzz import fuzz, process

from graph.continuity.names import core_text

# A near match must be this close (rapidfuzz ratio, 0-100).
NEAR = 80
# A query this short matches by substring only.
NEAR_FROM = 3
# Word widths whose texts are kept: a query of more words than any name has compares
# against the whole names alone, so its texts are those of the widest name.
MAX_WIDTHS = 8


def search_texts(query):
    """Return the case-folded texts a query is matched as: itself, and without its
    titles when it has some and two name words remain ("King Robert Baratheon")."""
    folded = query.casefold()
    # Titles are known by the capital after them: a typed query may be all lower case.
    bare = core_text(" ".join(query.split()).title()).casefold()
    titled = bare != folded and len(bare.split()) < len(folded.removeprefix("the ").split())
    return [folded, bare] if titled else [folded]


class NameIndex:
    """Names to match queries against: ``entries`` are (name, anything) pairs, kept
    in their order; ``aliases`` {position: other names} and ``weights`` {position:
    claims} of some entries; ``matches`` returns their positions."""

    def __init__(self, entries, aliases=None, weights=None):
        self.entries = list(entries)
        self._folded = [name.casefold() for name, _thing in self.entries]
        self._weights = dict(weights or {})
        # Every text an entry is matched by (its name, then its aliases), with its owner.
        self._owned = [(name, number) for number, name in enumerate(self._folded)]
        for number, others in (aliases or {}).items():
            self._owned += [(other.casefold(), number) for other in others]
        self._widest = max((len(text.split()) for text, _n in self._owned), default=1)
        self._texts = {}

    def _near_texts(self, width):
        """Return (texts, owners): the distinct texts and runs of ``width`` words of
        them, and for each the positions of the entries that hold it."""
        width = min(width, self._widest + 1)
        if width not in self._texts:
            owners = {}
            for name, number in self._owned:
                words = name.split()
                runs = (" ".join(words[i:i + width])
                        for i in range(max(1, len(words) - width + 1)))
                for text in dict.fromkeys((name, *runs)):
                    owners.setdefault(text, []).append(number)
            if len(self._texts) >= MAX_WIDTHS:
                self._texts.pop(next(iter(self._texts)))
            self._texts[width] = (list(owners), list(owners.values()))
        return self._texts[width]

    def _order(self, number):
        return (-self._weights.get(number, 0), self._folded[number], number)

    def matches(self, query):
        """Return the positions of the entries whose names or aliases match ``query``,
        best first (a generator: the near matches are scored only when asked for)."""
        folded = query.casefold()
        queries = search_texts(query)
        ranks = {}
        for typed in queries:
            # One substring test per text, in a comprehension: the loop that costs.
            for text, number in [pair for pair in self._owned if typed in pair[0]]:
                rank = 0 if text == typed else 1 if text.startswith(typed) else 2
                ranks[number] = min(rank, ranks.get(number, rank))
        yield from sorted(ranks, key=lambda n: (ranks[n], *self._order(n)))
        if len(folded) < NEAR_FROM:
            return
        best = {}
        for typed in queries:
            texts, owners = self._near_texts(max(1, len(typed.split())))
            for _text, score, at in process.extract(typed, texts, scorer=fuzz.ratio,
                                                    score_cutoff=NEAR, limit=None):
                for number in owners[at]:
                    if number not in ranks and score > best.get(number, -1):
                        best[number] = score
        yield from sorted(best, key=lambda n: (-best[n], *self._order(n)))
