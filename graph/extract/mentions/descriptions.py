"""Who "the healer" is: a definite description that stands for the one character the
article has described with that noun.

A synopsis names a character once with what they are, "the healer Mirri Vane" or
"Mirri Vane, the healer", "Tobin Ash, a cruel jailer", and later calls them by the
noun alone: "Daenerys burns the healer alive", "the jailer is strangled". A noun
stands for a name when the article has described exactly one name with it, before
the description is used; nouns of groups ("the soldiers") and nouns described
with two names stand for no one.

- ``described_names``: {noun: the one NameSpan it describes, and where};
- ``description_at``: the name a "the <noun>" at a token stands for, as a span
  with the name's text and the description's place (the evidence of "kills the
  healer" is those words, never a name sentences before).
"""

from dataclasses import replace

from graph.extract.mentions import known_people, name_positions

# Words before a name that describe no one: "the Lady Ilsa", "the late Tam".
NOT_DESCRIPTIONS = frozenset({"late", "young", "old", "elder", "younger", "real", "new",
                              "same", "other", "first", "last", "former", "lord", "lady",
                              "king", "queen", "prince", "princess", "ser", "sir", "maester",
                              "man", "woman", "one", "show", "series", "film", "episode",
                              "season", "character", "actor", "actress", "role"})
NOUN_TAGS = frozenset({"NN", "JJ"})  # "the healer/JJ Mirri": the tagger's slip
ADJECTIVES = 2


def _noun(tokens, j):
    """Return the lower-case noun at token ``j`` a description can hold, or None."""
    word = tokens.lower[j]
    if tokens.tag[j] not in NOUN_TAGS or not tokens.is_lower[j] or not tokens.is_alpha[j] \
            or word in NOT_DESCRIPTIONS or len(word) < 3:
        return None
    return word


def _before_name(tokens, span):
    """Return the noun of "the <noun> <Name>" before a name, or None."""
    j = span.start - 1
    if j - 1 < tokens.sent_start[span.start] or tokens.lower[j - 1] != "the":
        return None
    return _noun(tokens, j)


def _after_name(tokens, span):
    """Return the noun of "<Name>, the/a <adjective>* <noun>," after a name, or None."""
    k = name_positions.after_parenthesis(tokens, span.end)
    end = tokens.sent_end[span.start]
    if k + 2 >= end or tokens.text[k] != "," or tokens.lower[k + 1] not in ("the", "a", "an"):
        return None
    j = k + 2
    while j < end - 1 and j - k - 2 < ADJECTIVES and tokens.pos[j] == "ADJ" \
            and tokens.tag[j + 1] in NOUN_TAGS:
        j += 1
    noun = _noun(tokens, j)
    if noun is None or j + 1 >= end or tokens.text[j + 1] not in (",", ".", ";", ")"):
        return None  # "Y, the healer of the village": a longer phrase, not one noun
    return noun


def described_names(ctx):
    """Return {noun: (NameSpan, token index after which the noun stands for it)}
    for each noun the article describes exactly one name with. Computed once per
    article."""
    cached = ctx.memo.get("descriptions")
    if cached is not None:
        return cached
    tokens = ctx.tokens
    actors = known_people.known_actors(ctx)
    found = {}
    for span in known_people.all_names(ctx):
        if span.text in actors or span.text in ctx.works:
            continue
        for noun in (_before_name(tokens, span), _after_name(tokens, span)):
            if noun is not None:
                found.setdefault(noun, []).append(span)
    table = {}
    for noun, spans in found.items():
        if len({span.text for span in spans}) == 1:
            table[noun] = (spans[0], spans[0].end)
    ctx.memo["descriptions"] = table
    return table


def description_at(ctx, index):
    """Return the name a "the <noun>" starting at token ``index`` stands for, placed
    at the two words, or None: the noun must end its phrase ("the healer's tent" and
    "the healer Mirri" are no bare description) and follow the description."""
    tokens = ctx.tokens
    n = len(tokens)
    if index + 1 >= n or tokens.lower[index] != "the":
        return None
    entry = described_names(ctx).get(tokens.lower[index + 1])
    if entry is None:
        return None
    span, after = entry
    k = index + 2
    if index < after or k < n and (tokens.pos[k] in ("NOUN", "PROPN")
                                   or tokens.text[k] in ("'s", "’s")):
        return None
    return replace(span, start=index, end=k, start_char=tokens.idx[index],
                   end_char=tokens.end_char(k - 1))
