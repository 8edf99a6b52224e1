"""Crew rules on where a film comes from, as news writes it:

- ``crew.feature``: "Night Harbour, the third feature from Ann Marsh", "a debut from
  the filmmaker Ann Marsh", "Night Harbour, Ann Marsh's second feature": a feature or
  a debut from (or of) a person is that person's film as its director;
- ``crew.from``: "Night Harbour, from producer Ann Marsh", "the thriller Night
  Harbour, from writer Ann Marsh": the role word before the name gives the role;
- ``crew.prize_for``: "Night Harbour earned seven nominations, including best director
  for Ann Marsh", "Night Harbour picked up a best director nod for Ann Marsh": a prize
  a work wins for a person (the other way round from ``crew.award``).

The work is the title the noun stands beside: the title itself ("Night Harbour, from
producer Ann Marsh") or the title the noun is in apposition to ("Night Harbour, a
debut from ..."), through at most two appositions ("Night Harbour, the Lisbon
filmmaker Ann Marsh's second feature"). A bare "the new film from Ann Marsh" names
no job (a studio or a producer may stand there too) and gives nothing; companies are
never crew, and hedged or negated statements give nothing (``tree.crew_facts``).
"""

from graph.extract.mentions.works import work_at
from graph.extract.registry import rule
from graph.extract.rules.crew.parse import PRIZE_NOUNS, PRIZES, WINNING
from graph.extract.rules.crew.tree import (
    OTHER_JOBS,
    ROLE_WORDS,
    crew_facts,
    person_at,
    persons_at,
    persons_beside_role,
)

# Nouns for a film that, said to be from or of a person, make that person its director.
FEATURE_NOUNS = frozenset({"feature", "features", "debut"})


def _titled(ctx, n):
    """Return the title that noun n is or stands in apposition to (through at most
    two appositions), or None."""
    tokens = ctx.tokens
    for _ in range(3):
        work = work_at(ctx, n)
        if work:
            return work
        if tokens.dep[n] != "appos" or tokens.head[n] == n:
            return None
        n = tokens.head[n]
    return None


def _named_role(ctx, p):
    """Return the role a role word gives the name at token p ("producer Ann Marsh",
    "the filmmaker Ann Marsh"), or None ("casting director Ann Marsh": another job)."""
    tokens = ctx.tokens
    for c in tokens.children(p):
        if c < p and tokens.dep[c] in ("compound", "amod") and tokens.lower[c] in ROLE_WORDS:
            before = [k for k in tokens.children(c) if tokens.lower[k] in OTHER_JOBS]
            if not before and not (c > 0 and tokens.lower[c - 1] in OTHER_JOBS):
                return ROLE_WORDS[tokens.lower[c]]
    return None


@rule("crew.feature")
def feature(ctx):
    """Yield the director of "X, the third feature from Ann Marsh" or "X, Ann Marsh's
    debut"."""
    tokens = ctx.tokens
    for f in range(len(tokens)):
        if tokens.lower[f] not in FEATURE_NOUNS or tokens.pos[f] != "NOUN":
            continue
        work = _titled(ctx, f)
        if work is None:
            continue
        for c in tokens.children(f):
            if tokens.dep[c] == "poss" and tokens.pos[c] == "PROPN":
                person = person_at(ctx, c)
                yield from crew_facts(ctx, [person] if person else [], "director", [work],
                                      c, f, "crew.feature", 0.6)
            elif tokens.dep[c] == "prep" and tokens.lower[c] in ("from", "by", "of"):
                for p in tokens.children(c):
                    if tokens.dep[p] == "pobj":
                        persons = persons_at(ctx, p) or persons_beside_role(ctx, p)
                        yield from crew_facts(ctx, persons, "director", [work],
                                              f, p, "crew.feature", 0.6)


@rule("crew.from")
def from_role(ctx):
    """Yield crew written "Night Harbour, from producer Ann Marsh"."""
    tokens = ctx.tokens
    for f in range(len(tokens)):
        if tokens.lower[f] != "from" or tokens.dep[f] != "prep" or tokens.head[f] == f:
            continue
        head = tokens.head[f]
        if tokens.lower[head] in FEATURE_NOUNS:
            continue  # crew.feature reads these
        work = _titled(ctx, head)
        if work is None:
            continue
        for p in tokens.children(f):
            if tokens.dep[p] != "pobj":
                continue
            role = _named_role(ctx, p)
            if role:
                yield from crew_facts(ctx, persons_at(ctx, p), role, [work], head, p,
                                      "crew.from", 0.6)


def _winning_work(ctx, r):
    """Return the title that is the subject of the verb a prize at token r hangs under
    ("Night Harbour earned ... best director"), looking up at most six heads; or None."""
    tokens = ctx.tokens
    k = r
    for _ in range(6):
        if tokens.pos[k] in ("VERB", "AUX") and tokens.dep[k] != "prep":  # not "including"
            subj = [c for c in tokens.children(k) if tokens.dep[c] in ("nsubj", "nsubjpass")]
            if not subj and tokens.dep[k] == "conj":  # "X has landed ... and earned"
                subj = [c for c in tokens.children(tokens.head[k])
                        if tokens.dep[c] in ("nsubj", "nsubjpass")]
            return work_at(ctx, subj[0]) if subj else None
        if tokens.head[k] == k:
            return None
        k = tokens.head[k]
    return None


def _won_for(ctx, r):
    """Return [the winner] of "X earned Ann Marsh an Oscar for best director": the
    person the winning verb's "for" prize is won for, its object; or []."""
    tokens = ctx.tokens
    prep = tokens.head[r]
    if tokens.dep[r] != "pobj" or tokens.lower[prep] != "for":
        return []
    verb = tokens.head[prep]
    if tokens.lower[verb] in PRIZE_NOUNS and tokens.dep[verb] == "dobj":
        verb = tokens.head[verb]  # "earned Ann Marsh a Bafta for best director"
    if tokens.lemma[verb] not in WINNING:
        return []
    return [c for c in tokens.children(verb)
            if tokens.dep[c] in ("dobj", "dative") and tokens.pos[c] == "PROPN"][:1]


@rule("crew.prize_for")
def prize_for(ctx):
    """Yield crew written "Night Harbour earned a best director nod for Ann Marsh" or
    "Night Harbour earned Ann Marsh the Oscar for best director"."""
    tokens = ctx.tokens
    for r in range(len(tokens)):
        role = PRIZES.get(tokens.lower[r])
        if role is None:
            continue
        anchors = [r]
        if tokens.dep[r] == "compound" and tokens.lower[tokens.head[r]] in PRIZE_NOUNS:
            anchors.append(tokens.head[r])  # "a best director nod for Ann Marsh"
        if not any(tokens.lower[c] == "best" for k in anchors for c in tokens.children(k)):
            continue
        if tokens.dep[anchors[-1]] == "dobj" and tokens.lemma[tokens.head[anchors[-1]]] in WINNING:
            anchors.append(tokens.head[anchors[-1]])  # "won best director for Ann Marsh"
        objs = [p for k in anchors for f in tokens.children(k)
                if tokens.dep[f] == "prep" and tokens.lower[f] == "for"
                for p in tokens.children(f) if tokens.dep[p] == "pobj"]
        objs = objs or _won_for(ctx, anchors[-1])
        if not objs or work_at(ctx, objs[0]):
            continue  # "best director for Night Harbour": crew.award reads it
        work = _winning_work(ctx, anchors[-1])
        if work:
            yield from crew_facts(ctx, persons_at(ctx, objs[0]), role, [work], r, objs[0],
                                  "crew.prize_for", 0.6)
