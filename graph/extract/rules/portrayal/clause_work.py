"""The work a portrayal's own clause names: "played Vera in Salt Road", "starred in
Salt Road as Vera", "joins Salt Road as Vera".

The works index knows the titles an article introduces as works; a casting verb's
"in" phrase names the work of the part even when nothing else in the article says
it is one, as long as the name is no place, performer or maker.
"""

from graph.extract.mentions import works
from graph.extract.mentions.kinds import kind_of

PLAY_LEMMAS = frozenset({"play", "portray", "voice"})
# Verbs whose "in" phrase, or object, may name the work of the part.
JOIN_LEMMAS = frozenset({"join", "rejoin"})
CASTING_LEMMAS = PLAY_LEMMAS | JOIN_LEMMAS | frozenset({
    "star", "co-star", "appear", "cast", "return", "guest", "debut", "reprise", "recur",
    "reappear"})
# NER labels of a name in "starred in X as Vera" that make X a place, no work.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def clause_work(ctx, verb, character):
    """Return the title of the work a portrayal's clause names, or None: the object of
    a joining verb ("joins Salt Road as Vera"), the name of an "in" phrase on a casting
    or playing verb ("starred in Salt Road as Vera") or on the character ("played Vera
    in Salt Road", "her turn as Vera in Salt Road"), when that name is no performer or
    maker, and a known work or (in an "in" phrase or as the object) no place and no
    person by NER; an "on" phrase ("plays Vera on Salt Road") only names a known work."""
    tokens = ctx.tokens
    if tokens.lower[verb] == "as":
        verb = tokens.head[verb]  # "stars as Vera": the verb the phrase hangs from
    heads = tokens.children(character.end - 1)
    if tokens.lemma[verb] in CASTING_LEMMAS:
        heads = tokens.children(verb) + heads
    for j in heads:
        joined = tokens.dep[j] == "dobj" and tokens.lemma[verb] in JOIN_LEMMAS
        if joined:
            span = ctx.name_covering(j)
        elif tokens.dep[j] == "prep" and tokens.lower[j] in ("in", "on"):
            objects = [k for k in tokens.children(j) if tokens.dep[k] == "pobj"]
            span = ctx.name_covering(objects[0]) if objects else None
        else:
            continue
        if span is None or kind_of(ctx, span) in ("performer", "maker"):
            continue
        if works.is_work(ctx, span.text):
            return span.text
        if tokens.lower[j] == "on" or span.labels & PLACE_LABELS:
            continue  # "on Monday", "on BBC One"; "in London": only a known work
        if joined or "PERSON" not in span.labels:
            return span.text
    return None
