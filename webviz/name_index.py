"""The names search and suggestions match, indexed once per store version so that a
query scores only the names that can match it.

A query matches a name (compared case-folded) as the same name, a name starting
with it, a name containing it, or a near name: one whose rapidfuzz ratio (0-100)
to the query, or to a run of as many words as the query has, is at least NEAR
("kilgrav" finds Kilgrave, "doc" does not find Matt Murdock). Matches come best
first: by that rank, then the closer, then by name, then in the order the names
were given. The same, exact and containing matches are one substring test per
name; the near ones are scored by rapidfuzz's ``process.extract`` over the
distinct texts (names and runs of words), in C, with its score cut-off, and each
text's score goes to every name that holds it.
"""

from rapidfuzz import fuzz, process

# A near match must be this close (rapidfuzz ratio, 0-100).
NEAR = 80
# A query this short matches by substring only.
NEAR_FROM = 3
# Word widths whose texts are kept: a query of more words than any name has compares
# against the whole names alone, so its texts are those of the widest name.
MAX_WIDTHS = 8


class NameIndex:
    """Names to match queries against: ``entries`` are (name, anything) pairs, kept
    in their order; ``matches`` returns their positions."""

    def __init__(self, entries):
        self.entries = list(entries)
        self._folded = [name.casefold() for name, _thing in self.entries]
        self._widest = max((len(name.split()) for name in self._folded), default=1)
        self._texts = {}

    def _near_texts(self, width):
        """Return (texts, owners): the distinct names and runs of ``width`` words of
        the names, and for each the positions of the names that hold it."""
        width = min(width, self._widest + 1)
        if width not in self._texts:
            owners = {}
            for number, name in enumerate(self._folded):
                words = name.split()
                runs = (" ".join(words[i:i + width])
                        for i in range(max(1, len(words) - width + 1)))
                for text in dict.fromkeys((name, *runs)):
                    owners.setdefault(text, []).append(number)
            if len(self._texts) >= MAX_WIDTHS:
                self._texts.pop(next(iter(self._texts)))
            self._texts[width] = (list(owners), list(owners.values()))
        return self._texts[width]

    def matches(self, query):
        """Return the positions of the entries whose names match ``query``, best first
        (a generator: the near matches are scored only when asked for)."""
        folded = query.casefold()
        found = [number for number, name in enumerate(self._folded) if folded in name]
        ranked = sorted(((0 if self._folded[n] == folded else
                          1 if self._folded[n].startswith(folded) else 2), self._folded[n], n)
                        for n in found)
        yield from (number for _rank, _name, number in ranked)
        if len(folded) < NEAR_FROM:
            return
        texts, owners = self._near_texts(max(1, len(folded.split())))
        taken, best = set(found), {}
        for _text, score, at in process.extract(folded, texts, scorer=fuzz.ratio,
                                                score_cutoff=NEAR, limit=None):
            for number in owners[at]:
                if number not in taken and score > best.get(number, -1):
                    best[number] = score
        yield from sorted(best, key=lambda n: (-best[n], self._folded[n], n))
