"""The work a portrayal belongs to, where the text names it: the portrayal's own
clause ("played Vera in Salt Road", "starred in Salt Road as Vera", "joins Salt Road
as Vera"), the words right after the pair ("in The Work"), the sentence, or the work
the article names far more often than any other.

The works index knows the titles an article introduces as works; a casting verb's
"in" phrase names the work of the part even when nothing else in the article says
it is one, as long as the name is no place, performer or maker.
"""

from collections import Counter

from graph.extract.mentions import works
from graph.extract.mentions.kinds import full_person, kind_of

PLAY_LEMMAS = frozenset({"play", "portray", "voice"})
# Verbs whose "in" phrase, or object, may name the work of the part.
JOIN_LEMMAS = frozenset({"join", "rejoin"})
CASTING_LEMMAS = PLAY_LEMMAS | JOIN_LEMMAS | frozenset({
    "star", "co-star", "appear", "cast", "return", "guest", "debut", "reprise", "recur",
    "reappear"})
# How far a work's title may hang below the clause that holds it.
MAX_CLAUSE_CLIMB = 8
# NER labels of a name in "starred in X as Vera" that make X a place, no work.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def clause_work(ctx, verb, character):
    """Return the title of the work a portrayal's clause names, or None: the object of
    a joining verb ("joins Salt Road as Vera"), the name of an "in" phrase on a casting
    or playing verb ("starred in Salt Road as Vera") or on the character ("played Vera
    in Salt Road", "her turn as Vera in Salt Road"), when that name is no performer or
    maker, and a known work or (in an "in" phrase or as the object) no place, no
    person by NER and no name after a lower-case "the" ("in the Red Room"); an "on"
    phrase ("plays Vera on Salt Road") only names a known work."""
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
        if span.start > 0 and tokens.text[span.start - 1] == "the":
            continue  # "returns as Leland in the Red Room": a place in the story
        if joined or "PERSON" not in span.labels:
            return span.text
    return None


def work_after(ctx, index):
    """Return the work named by "in The Work" just after token ``index``, or None."""
    tokens = ctx.tokens
    if index + 1 < len(tokens) and tokens.text[index] == ")":
        index += 1
    if index < len(tokens) and tokens.lower[index] == "in":
        span = ctx.name_starting(index + 1)
        if span and (span.text in ctx.works or span.text.startswith("The ")):
            return span.text
    return None


def sentence_work(ctx, actor, character):
    """Return the known work the sentence of an actor and a character names for the
    pair: the first named after both ("plays Vera in a remake of Harbour Lights"),
    else the last named before both ("In Harbour Lights, Ann plays Vera"), else one
    named between them ("Ann Marsh joins Harbour Lights, where she plays Vera"), never
    one the pair's names are part of; None when the sentence names none."""
    tokens = ctx.tokens
    start, end = min(actor.start, character.start), max(actor.end, character.end)
    sent_start, sent_end = tokens.sent_start[start], tokens.sent_end[max(start, end - 1)]
    inside = [(s, e, t) for s, e, t in works.mentions(ctx) if sent_start <= s < sent_end
              and not any(s < span.end and e > span.start for span in (actor, character))
              and not _told_of_actor(tokens, s, actor, character)]
    after = [t for s, _e, t in inside if s >= end]
    before = [t for _s, e, t in inside if e <= start]
    between = [t for s, e, t in inside if s >= start and e <= end]
    return after[0] if after else before[-1] if before else between[0] if between else None


def _told_of_actor(tokens, index, actor, character):
    """Return True when token ``index`` stands in a relative clause on the actor that
    does not hold the character, and so tells of another work: "played by Lily Hart,
    who also appeared in Salt Road" (not "Lily Hart, who plays Vera in Salt Road")."""
    i = index
    for _ in range(MAX_CLAUSE_CLIMB):
        head = tokens.head[i]
        if head == i:
            return False
        if tokens.dep[i] == "relcl":
            last = actor.end - 1  # "the actress Lily Hart, who ...": the clause on the noun
            on_actor = actor.start <= head < actor.end or tokens.dep[last] == "appos" \
                and tokens.head[last] == head
            return on_actor and not tokens.hangs_from(character.end - 1, i, MAX_CLAUSE_CLIMB)
        i = head
    return False


def main_work(ctx):
    """Return the work an article is about when its text says so by repetition: the
    known work named at least twice and more than twice as often as any other, and
    no lone word of a person's name; else None."""
    if "main_work" not in ctx.memo:
        counts = Counter(text for _s, _e, text in works.mentions(ctx))
        ranked = counts.most_common(2)
        main = None
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > 2 * ranked[1][1]):
            main = ranked[0][0]
            if " " not in main and any(span.text == main and full_person(ctx, span)
                                       for span in ctx.names):
                main = None  # "Alex" for Alex Rodriguez
        ctx.memo["main_work"] = main
    return ctx.memo["main_work"]
