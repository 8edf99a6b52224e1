"""Whether the text says a season it names is made, or only wished, denied or doubted.

A season the verb brings into being exists only when that verb is asserted: "Salt
Road was renewed for a third season" names season 3, "Salt Road was not renewed
for a third season", "if it is renewed for a sixth season", "could return for a
fifth season", "is said to be considering a fifth season", "there will be no fourth
season", "a third series is unlikely" and "was cancelled before a second season"
name none. A season that exists whatever the verb says keeps its fact: "Mara Quill
will not appear in the third season", "Ada Marsh won't return for series three"
(a person stays away from a season that is still made).
"""

from graph.extract.evidence.modality import HEDGES, asserted, denied_above
from graph.extract.rules.seasons.owner import person_like

SEASON_NOUNS = frozenset({"season", "seasons", "series"})
# Verbs that make, order or bring back a season: "renewed for", "ordered a", "returns for".
MAKING_VERBS = frozenset({
    "renew", "commission", "order", "greenlight", "make", "film", "shoot", "produce", "get",
    "land", "earn", "secure", "plan", "consider", "confirm", "announce", "give", "grant",
    "want", "need", "pick", "return", "come", "bring", "be",
})
# Verbs whose subject may be a person coming back to a season that is made anyway.
COMING_BACK = frozenset({"return", "come", "be"})
# "cancelled before a second season": the show ended before the season was made.
ENDING_VERBS = frozenset({"cancel", "axe", "ax", "scrap", "drop", "end", "pull", "shelve"})
BEFORE_WORDS = frozenset({"before", "ahead", "prior"})
PERSON_WORDS = frozenset({"i", "he", "she", "we", "you", "they", "who"})


def season_unmade(ctx, start, end):
    """Return True when the season phrase over tokens [start, end) is one the text
    says is not made, or only may be: the verb that makes it is negated, hedged,
    modal or conditional, the phrase says "no" ("no fourth season"), a hedge
    describes it ("is unlikely"), or the show ended before it. A person's coming
    back, or not, says nothing of the season."""
    tokens = ctx.tokens
    noun = next((i for i in range(start, end) if tokens.lower[i] in SEASON_NOUNS), None)
    if noun is None:
        return False
    if any(tokens.lower[c] == "no" for c in tokens.children(noun)):
        return True  # "there will be no fourth season"
    verb, prep = _verb_of(tokens, noun)
    if verb is None:
        return False
    lemma = tokens.lemma[verb]
    if lemma.startswith("recommission"):
        lemma = "commission"  # the lemmatizer makes "recommissione"
    if prep in BEFORE_WORDS and lemma in ENDING_VERBS:
        return True  # "was cancelled before a second season"
    if any(tokens.dep[c] == "acomp" and tokens.lower[c] in HEDGES
           for c in tokens.children(verb)):
        return True  # "a third series is unlikely"
    if lemma not in MAKING_VERBS or lemma in ("be", "come") and not any(
            tokens.lower[c] == "back" for c in tokens.children(verb)):
        return False  # "be" and "come" make a season only "back": "is back for"
    if lemma in COMING_BACK and _person_subject(ctx, verb):
        return False
    return not asserted(ctx, verb, verb + 1) or denied_above(tokens, verb)


def _verb_of(tokens, noun):
    """Return (verb, preposition) the season noun hangs on: "renewed for a third
    season" gives (renewed, "for"), "is back for" (is, "for"), "ordered a second
    series" (ordered, None); (None, None) when it hangs on another noun ("a role in
    the third season") or no verb."""
    j, prep = noun, None
    if tokens.dep[j] == "conj" and tokens.lower[tokens.head[j]] in SEASON_NOUNS:
        j = tokens.head[j]  # "for a second season and a third season"
    if tokens.dep[j] == "pobj":
        prep = tokens.lower[tokens.head[j]]
        j = tokens.head[j]
        if tokens.dep[j] == "pcomp" or tokens.pos[tokens.head[j]] == "ADV":
            j = tokens.head[j]  # "ahead of a second season", "back for a third"
            if tokens.lower[j] in BEFORE_WORDS:
                prep = tokens.lower[j]
    if tokens.dep[j] not in ("dobj", "nsubj", "nsubjpass", "attr", "prep", "advmod"):
        return None, None
    head = tokens.head[j]
    if head == j or tokens.pos[head] not in ("VERB", "AUX"):
        return None, None
    return head, prep


def _person_subject(ctx, verb):
    """Return True when the subject of a verb is a person: a personal pronoun or a
    name ``is_person`` tells as one."""
    tokens = ctx.tokens
    for child in tokens.children(verb):
        if tokens.dep[child] in ("nsubj", "nsubjpass"):
            if tokens.lower[child] in PERSON_WORDS:
                return True
            name = ctx.name_covering(child)
            return name is not None and person_like(ctx, name.text)
    return False
