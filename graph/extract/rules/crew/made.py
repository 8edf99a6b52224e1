"""What a making verb made: whether "written by" or "Ruiz directed" is about a work
or a part of one ("the episode", "eighteen parts, all"), and which work that is.

A title before "created by" is that work; "the series", "the episode" or "it" is the
article's own work (or a part of it); "a play", "the 1973 film directed by" is some
other work the words do not name, which gives no crew fact.
"""

from graph.extract.mentions.works import is_work, title_at, title_ending
from graph.extract.mentions.works_index import WORK_NOUNS
from graph.extract.mentions.works_text import (
    APOSTROPHE_S,
    QUOTES,
    compound_at,
    compound_ending,
    opens_sentence,
    skip_markup,
)
from graph.extract.rules.crew.roles import DETERMINERS
from graph.extract.rules.crew.tree import work_of_kind

# Nouns a made thing is: "directed the episode", "the parts, all written by".
MADE_NOUNS = WORK_NOUNS | frozenset({
    "episode", "episodes", "season", "seasons", "finale", "premiere", "pilot", "script",
    "scripts", "part", "parts", "special", "specials", "instalment", "installment",
    "two-parter", "shows", "films", "it", "arc", "arcs", "block",
})
# Ordinals that stand for a part named before them: "and B directed the second".
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                      "eighth", "ninth", "tenth", "last", "final", "next", "latter"})
# Made things that an article's own work has many of: "an episode written by" is one of
# them, while "a film directed by" is some other work.
PARTS = frozenset({"episode", "episodes", "part", "parts", "instalment", "installment",
                   "special", "specials", "two-parter", "script", "scripts", "finale",
                   "premiere", "pilot", "season", "seasons"})
# What "the series" or "it" is when an article says so: its own work (a film or a novel
# an article mentions is more often another work).
OWN_KINDS = frozenset({"series", "show", "programme", "program", "sitcom", "drama",
                       "miniseries", "serial", "soap", "shows", "it", "comedy", "anthology"})
# Words between a made thing and its "written by": "the finale, which was also written by".
PASSIVE_FILLER = frozenset({",", "also", "was", "were", "is", "are", "been", "which", "that",
                            "itself", "originally", "all", "both", "each", "first", "later",
                            "partly", "mostly", "entirely", "jointly", "then"})


def skip_determiners(doc, i):
    """Return the index after the determiners and adjectives at token i ("the new")."""
    j = i
    while j < len(doc) and j - i < 4 and (doc[j].lower_ in DETERMINERS or doc[j].pos_ == "ADJ"):
        j += 1
    return j


def made_thing(ctx, j):
    """Return (found, work) for the subject of "[subject] written by" ending at j: a
    work's title, a made thing ("the episode", "eighteen parts, all"), else (False, None)."""
    doc = ctx.doc
    k = j
    while k > 0 and doc[k - 1].lower_ in PASSIVE_FILLER:
        k -= 1
    if k == 0:
        return False, None
    if doc[k - 1].text in QUOTES:
        return True, None  # "Hell Bent", written by: an episode's title
    title = title_ending(ctx, k, strict=True)
    if title and is_work(ctx, title.text):
        if title.start > 0 and doc[title.start - 1].lower_ in ("of", "to", "with"):
            head = _appositive_before(ctx, title.start - 1)
            if head:
                return True, head
        return True, title.text
    noun, n = compound_ending(doc, k)
    if noun in MADE_NOUNS:
        if n > 1 and doc[n - 1].text in APOSTROPHE_S and doc[n - 2].lower_ not in WORK_NOUNS:
            return False, None  # "Ana Ruiz's sitcom, created by": which sitcom is unsaid
        while n > 0 and k - n < 6 and doc[n - 1].pos_ in ("ADJ", "NUM", "PROPN", "NOUN"):
            n -= 1
        if n > 2 and doc[n - 1].lower_ in ("a", "an") and doc[n - 2].lemma_ == "be":
            # "Night Harbour is a crime drama series created by": what the subject is
            head = title_ending(ctx, _skip_filler(doc, n - 2))
            if head and is_work(ctx, head.text):
                return True, head.text
            if doc[n - 3].lower_ == "it" and opens_sentence(doc, n - 3):
                return True, None
        if n > 1 and doc[n - 1].lower_ in ("a", "an", "the") and doc[n - 2].text == ",":
            head = title_ending(ctx, n - 2)  # "Night Harbour, a sequel film written by"
            if head:
                return True, head.text
        dated = any(t.like_num and not t.is_lower for t in doc[n:k])
        if noun not in PARTS and (dated or noun not in OWN_KINDS
                                  or n > 0 and doc[n - 1].lower_ in ("a", "an")):
            return False, None  # "a play", "the 1973 film directed by": another work, unnamed
        return True, None
    return _clause_subject_is_made(ctx, k), None


def _skip_filler(doc, j):
    """Return the index before the adverbs ending at j ("X is also a ...", "X was
    originally a ...")."""
    while j > 0 and doc[j - 1].pos_ == "ADV":
        j -= 1
    return j


def _clause_subject_is_made(ctx, k):
    """Return True when the sentence up to token k is one noun phrase about a made thing:
    "The two-part conclusion to the first series ... was written by"."""
    doc = ctx.doc
    start = doc[k - 1].sent.start
    for i in range(k - 1, start - 1, -1):
        if opens_sentence(doc, i):
            start = i
            break
    words = doc[start:k]
    return not any(t.tag_ in ("VBD", "VBZ", "VBP") for t in words) and any(
        t.lower_ in MADE_NOUNS - {"it"} for t in words[:8])


def _appositive_before(ctx, j):
    """Return the work X of "X, a spin-off of" where token j is the "of", or None."""
    doc = ctx.doc
    i = j - 1
    while i > 1 and j - i < 6 and doc[i].text != ",":
        i -= 1
    title = title_ending(ctx, i) if doc[i].text == "," else None
    return title.text if title and is_work(ctx, title.text) else None


def relative_subject(ctx, j):
    """Return the work before ", which" earlier in the sentence of token j, or None."""
    doc = ctx.doc
    sent_start = doc[j].sent.start
    for k in range(j - 1, sent_start, -1):
        if doc[k].lower_ in ("which", "that") and doc[k - 1].text == ",":
            title = title_ending(ctx, k - 1)
            return title.text if title and is_work(ctx, title.text) else None
    return None


def participle_subject(ctx, end):
    """Return the work after "Created by X, " (a title there), else None."""
    doc = ctx.doc
    if end < len(doc) and doc[end].text == ",":
        title = title_at(ctx, end + 1)
        if title and is_work(ctx, title.text):
            return title.text
    return None


def made_object(ctx, v, subject_start):
    """Return (made, work, end): whether the making verb ending before v made a work:
    its object ("the episode", a title) or the noun before the subject ("an episode
    Ruiz wrote")."""
    doc = ctx.doc
    if subject_start > 0:
        before = doc[subject_start - 1]
        if before.lower_ in ("that", "which") and subject_start > 1:
            before = doc[subject_start - 2]
        # A quote closed by a comma or a stop is speech: '"I cast her," Ruiz wrote'.
        said = before.i > 0 and doc[before.i - 1].text in (",", ".", "!", "?")
        if compound_ending(doc, before.i + 1)[0] in MADE_NOUNS - {"it"} \
                or before.text in QUOTES and not said:
            return True, None, v
    j = v
    while j < len(doc) and j - v < 5 and (doc[j].lower_ in DETERMINERS | {"every", "each", "all",
                                                                            "both", "of"}
                                         or doc[j].pos_ in ("ADJ", "NUM")):
        j += 1
    title = title_at(ctx, j, quoted=True)
    if title and (is_work(ctx, title.text) or doc[skip_markup(doc, j)].text in QUOTES):
        return True, title.text if is_work(ctx, title.text) else None, title.end
    if j > v and j < len(doc):
        word, after = compound_at(doc, j)
        if word in MADE_NOUNS - {"it"}:
            if after + 1 < len(doc) and doc[after].lower_ in ("for", "of") \
                    and word not in OWN_KINDS:
                # "wrote the script for X": X's; "for a new play", some other work.
                k = skip_determiners(doc, after + 1)
                kind, past = compound_at(doc, k)
                title = title_at(ctx, past if kind in MADE_NOUNS else k, quoted=True)
                if title and is_work(ctx, title.text):
                    return True, title.text, title.end
                if kind in OWN_KINDS and doc[k - 1].lower_ in DETERMINERS:
                    return True, None, past  # "the first episode of the series"
                return False, None, v
            definite = doc[j - 1].lower_ in DETERMINERS - {"a", "an"}
            # "wrote the sitcom": the one the article named as a sitcom, if it did.
            return True, work_of_kind(ctx, after - 1) if definite else None, after
    k = v + 2  # "A directed the first series, and B directed the second"
    if k <= len(doc) and doc[v].lower_ == "the" and doc[v + 1].lower_ in ORDINALS and (
            k == len(doc) or doc[k].is_punct or doc[k].lower_ in ("and", "but", "too")):
        return True, None, k
    return False, None, v
