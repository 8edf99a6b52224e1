"""Crew rules on making verbs, read from the dependency parse, for news, reviews and
encyclopedia prose. One tree walk covers the word orders English allows:

- ``crew.passive``: "directed by Ann Marsh", "the film, to be directed by Ann Marsh",
  "It is directed by Ann Marsh, who ...", "written and directed by A and B",
  "executive produced by", "adapted for the screen by" (writer);
- ``crew.active``: "Ann Marsh directed Night Harbour", "Ann Marsh, who directed
  Night Harbour", "Ann Marsh, who stars in and co-wrote Night Harbour", "Ann Marsh
  penned the adaptation Night Harbour", "A and B co-wrote X and Y", "Ann Marsh wrote
  and starred in Night Harbour", "Ann Marsh executive produced X", "known for
  directing X", "Night Harbour, which Ann Marsh directed", "directed Mara Quill in
  Night Harbour", "is directing X";
- ``crew.made``: "Ann Marsh made Night Harbour" when the article calls her a director;
- ``crew.award``: "Ann Marsh won best director for Night Harbour" (best screenplay:
  writer), "was nominated for best director for X", "a best director nomination for
  X";
- ``crew.debut``: "Ann Marsh's directorial debut, Night Harbour", "Ann Marsh made her
  directorial debut with Night Harbour".

A work is a title the article names (``works``), or "the film", "the show", "it":
the work last named. Companies, studios and channels are never crew; negated,
hedged and asked statements give nothing (``tree.crew_facts``). Role nouns and
possessives are read in ``credits``.
"""

from graph.extract.mentions.works import work_at
from graph.extract.registry import rule
from graph.extract.rules.crew.people import name_covering
from graph.extract.rules.crew.tree import (
    PASSIVE_MAKING,
    RELATION_NOUNS,
    crew_facts,
    directors_of,
    persons_at,
    persons_beside_role,
    run_text,
    subject,
    title_list,
    verb_role,
    works_at,
    written_title,
)


def _late_agent(ctx, v):
    """Return [the agent] of "adapted for the screen by Ann Marsh", "adapted from a
    novel by Ann Marsh" (the writer the adaptation credits), which the parse hangs on
    the noun before it, or []."""
    tokens = ctx.tokens
    return [a for c in tokens.children(v) if tokens.dep[c] == "prep"
            and tokens.lower[c] in ("for", "from")
            for p in tokens.children(c) if tokens.dep[p] == "pobj" and tokens.is_lower[p]
            for b in tokens.children(p) if tokens.lower[b] == "by"
            for a in tokens.children(b) if tokens.dep[a] == "pobj"][:1]


@rule("crew.passive")
def passive(ctx):
    """Yield crew written "directed by Ann Marsh": the work is what was made."""
    tokens = ctx.tokens
    for v in range(len(tokens)):
        role = verb_role(ctx, v) or PASSIVE_MAKING.get(tokens.lemma[v])
        if tokens.tag[v] != "VBN" or role is None:
            continue
        agents = [p for c in tokens.children(v) if tokens.dep[c] == "agent"
                  for p in tokens.children(c) if tokens.dep[p] == "pobj"] or _late_agent(ctx, v)
        if not agents:
            continue
        persons = persons_at(ctx, agents[0]) or persons_beside_role(ctx, agents[0])
        roles = [role]
        verbs = [v]
        # "written and directed by": the first verb heads the coordination.
        # "written by A and directed by B": the first verb has its own agent, B wrote nothing.
        if tokens.dep[v] == "conj" and verb_role(ctx, tokens.head[v]) \
                and tokens.tag[tokens.head[v]] == "VBN" \
                and not any(tokens.dep[c] == "agent" for c in tokens.children(tokens.head[v])):
            verbs.insert(0, tokens.head[v])
            roles.insert(0, verb_role(ctx, tokens.head[v]))
        top = verbs[0]
        works = []
        subj = [c for c in tokens.children(top) if tokens.dep[c] == "nsubjpass"]
        if tokens.dep[top] == "acl" and tokens.lower[tokens.head[top]] == "executive":
            # "X was executive produced by": the parse makes "executive" the complement.
            be = tokens.head[tokens.head[top]]
            outer = [c for c in tokens.children(be) if tokens.dep[c] in ("nsubj", "nsubjpass")]
            works = works_at(ctx, outer[0]) if outer else []
        elif tokens.dep[top] in ("acl", "relcl") and tokens.head[top] != top:
            # "the 1973 film directed by": the participle says which film, so only a
            # title names it ("The film, directed by", set off by a comma, is the one
            # named before); and "a spin-off of X created by" may be the spin-off's.
            made = tokens.head[top]
            of = tokens.head[made]
            if tokens.dep[made] == "pobj" and tokens.lower[tokens.head[of]] in RELATION_NOUNS:
                continue
            aside = any(tokens.text[k] == "," for k in range(made + 1, top))
            works = works_at(ctx, made, resolve=aside)
            if not works and tokens.dep[made] == "appos" and tokens.is_lower[made] \
                    and work_at(ctx, tokens.head[made]):
                # "Night Harbour, a family saga penned by Ann Marsh": the saga is the title.
                works = [work_at(ctx, tokens.head[made])]
        elif subj:
            works = works_at(ctx, subj[0])
        elif tokens.dep[top] == "conj" and tokens.head[top] != top:
            # "The film features X and was written by Ann Marsh": the first verb's subject.
            outer = [c for c in tokens.children(tokens.head[top])
                     if tokens.dep[c] in ("nsubj", "nsubjpass")]
            works = works_at(ctx, outer[0]) if outer else []
        elif tokens.dep[top] == "xcomp":
            outer = [c for c in tokens.children(tokens.head[top]) if tokens.dep[c] == "nsubj"]
            works = works_at(ctx, outer[0]) if outer else []
        for role in roles:
            yield from crew_facts(ctx, persons, role, works, top, agents[0], "crew.passive", 0.7)


@rule("crew.active")
def active(ctx):
    """Yield crew written "Ann Marsh directed Night Harbour" or "Ann Marsh, who
    co-wrote Night Harbour"."""
    tokens = ctx.tokens
    for v in range(len(tokens)):
        role = verb_role(ctx, v)
        if role is None or tokens.tag[v] not in ("VBD", "VBZ", "VBP", "VBN", "VB", "VBG"):
            continue
        if tokens.tag[v] == "VBG" and tokens.dep[v] != "pcomp" and not any(
                tokens.lemma[c] == "be" and tokens.dep[c] == "aux" for c in tokens.children(v)):
            continue  # "directing" as "known for directing X" or "is directing X" only
        if tokens.tag[v] == "VBN" and not any(tokens.lemma[c] == "have" and
                                              tokens.dep[c] == "aux"
                                              for c in tokens.children(v)) \
                and not (v >= 2 and tokens.text[v - 1] == "-"):
            continue  # a passive participle: crew.passive reads it
        head = v
        if v >= 2 and tokens.text[v - 1] == "-" and tokens.head[v] != v \
                and tokens.dep[v] == "amod":
            objects = [tokens.head[v]]  # "co-wrote Shaun": the parse hangs the title on it
            head = v - 2
        else:
            objects = [c for c in tokens.children(v) if tokens.dep[c] == "dobj"]
            if not objects:
                objects = [c for k in tokens.children(v) if tokens.dep[k] == "conj"
                           for c in tokens.children(k) if tokens.dep[c] == "dobj"]
            if not objects:
                objects = _shared_in(ctx, v)
        resolve = True
        if objects and tokens.lower[objects[0]] in ("which", "that") \
                and tokens.dep[v] == "relcl":
            # "Corkscrew, which Ann Marsh directed": the object is what the clause is on;
            # "the drama that Ann Marsh wrote" says which drama, so only a title names it.
            made = tokens.head[v]
            resolve = any(tokens.text[k] == "," for k in range(made + 1, objects[0]))
            objects = [made]
        subj = subject(ctx, head)
        if subj is None or not objects:
            continue
        persons = persons_at(ctx, subj)
        end = objects[0]
        works = works_at(ctx, end, resolve) or written_title(ctx, end, role)
        if not works:
            works, end = _directed_in(ctx, v, end, role)
        yield from crew_facts(ctx, persons, role, works, min(subj, v, end), max(v, end),
                              "crew.active", 0.65)


@rule("crew.made")
def made_title(ctx):
    """Yield a director written "Ann Marsh made Night Harbour" when the article calls
    Ann Marsh a director: "made" with a title for its object ("made a cameo", "made
    the film" name none)."""
    tokens = ctx.tokens
    directors = None
    for v in range(len(tokens)):
        if tokens.lemma[v] != "make" or tokens.tag[v] not in ("VBD", "VBZ", "VBP", "VBN"):
            continue
        if tokens.tag[v] == "VBN" and not any(tokens.lemma[c] == "have" and
                                              tokens.dep[c] == "aux" for c in tokens.children(v)):
            continue  # "was made by": a studio or a country as often as a person
        objects = [c for c in tokens.children(v) if tokens.dep[c] == "dobj"]
        if not objects or not work_at(ctx, objects[0]):
            continue
        subj = subject(ctx, v)
        if subj is None:
            continue
        if directors is None:
            directors = directors_of(ctx)
        persons = [p for p in persons_at(ctx, subj) if p in directors]
        yield from crew_facts(ctx, persons, "director", title_list(ctx, objects[0]),
                              min(subj, v), objects[0], "crew.made", 0.55)


def _shared_in(ctx, v):
    """Return [the title] of "wrote and starred in Night Harbour": a making verb with no
    object, coordinated with a verb whose "in" names a title; or []."""
    tokens = ctx.tokens
    return [p for k in tokens.children(v) if tokens.dep[k] == "conj"
            for c in tokens.children(k) if tokens.dep[c] == "prep" and tokens.lower[c] == "in"
            for p in tokens.children(c) if tokens.dep[p] == "pobj"
            and works_at(ctx, p, resolve=False)][:1]


def _directed_in(ctx, v, obj, role):
    """Return the works of "directed Mara Quill in Night Harbour": a director's object
    that is a person, and the titled work "in" after it (on the object or the verb);
    returns (works, the token of the work) or ([], obj)."""
    tokens = ctx.tokens
    if role != "director" or name_covering(ctx, obj) is None or work_at(ctx, obj):
        return [], obj
    for k in (obj, v):
        for c in tokens.children(k):
            if tokens.dep[c] == "prep" and tokens.lower[c] == "in":
                objs = [p for p in tokens.children(c) if tokens.dep[p] == "pobj"]
                works = works_at(ctx, objs[0], resolve=False) if objs else []
                if works:
                    return works, objs[0]
    return [], obj


# Prizes that name a crew role: "best director", "best screenplay".
PRIZES = {"director": "director", "screenplay": "writer", "producer": "producer"}
WINNING = frozenset({"win", "take", "earn", "receive", "collect", "get", "scoop", "pick",
                     "land", "bag", "secure", "nominate", "name", "shortlist"})
# Nouns a prize stands before: "a best director nomination", "the best director award".
PRIZE_NOUNS = frozenset({"nomination", "nominations", "nod", "nods", "award", "prize",
                         "oscar", "bafta", "globe", "trophy", "win", "gong"})


def _prize_phrase(ctx, r):
    """Return (verb, owner, anchors) of a prize at token r: the verb that wins it ("won
    best director", "is nominated for best director", "earned a best director
    nomination"), a possessive owner ("her best director nomination") or the winner it
    goes to ("best director went to Ann Marsh") or None, and the tokens a "for WORK"
    may hang on; or None when nothing wins it."""
    tokens = ctx.tokens
    anchors, k = [r], r
    if tokens.dep[k] == "compound" and tokens.lower[tokens.head[k]] in PRIZE_NOUNS:
        k = tokens.head[k]
        anchors.append(k)
    owner = next((c for c in tokens.children(k) if tokens.dep[c] == "poss"
                  and tokens.pos[c] == "PROPN"), None)
    verb = tokens.head[k]
    if tokens.dep[k] == "pobj" and tokens.lower[verb] == "for":
        verb = tokens.head[verb]  # "is nominated for best director"
    elif tokens.dep[k] == "nsubj" and tokens.lemma[verb] == "go":
        # "Best director went to Ann Marsh for X": the prize goes to its winner.
        to = [p for c in tokens.children(verb) if tokens.lower[c] == "to"
              for p in tokens.children(c) if tokens.dep[p] == "pobj"]
        return (None, to[0], anchors + [verb, to[0]]) if to else None
    elif tokens.dep[k] not in ("dobj", "oprd", "attr"):
        verb = None
    if verb is not None and tokens.lemma[verb] not in WINNING:
        verb = None
    if verb is None and owner is None:
        return None
    return verb, owner, anchors + ([verb] if verb is not None else [])


def _prize_title(ctx, i):
    """Return [work] for the object of a prize's "for" at token i: a work the article
    names, else a capitalised run that no entity type calls a person ("won best
    director for The Salt Road"); else []."""
    tokens = ctx.tokens
    works = works_at(ctx, i, resolve=False)
    if works:
        return works
    name = name_covering(ctx, i)
    if name is None or any(tokens.ent_type[k] in ("PERSON", "GPE", "NORP", "DATE")
                           for k in range(name.start, name.end)):
        return []
    return [run_text(ctx, name.start)]


@rule("crew.award")
def award(ctx):
    """Yield crew written "Ann Marsh won best director for Night Harbour", "Ann Marsh
    is nominated for best director for Night Harbour", "Ann Marsh earned a best
    director nomination for Night Harbour" or "Ann Marsh's best director nod for X"."""
    tokens = ctx.tokens
    for r in range(len(tokens)):
        role = PRIZES.get(tokens.lower[r])
        if role is None:
            continue
        # "best" hangs on the role or on the prize noun ("the best director award").
        up = tokens.head[r] if tokens.dep[r] == "compound" else r
        if not any(tokens.lower[c] == "best" for k in (r, up) for c in tokens.children(k)):
            continue
        found = _prize_phrase(ctx, r)
        if found is None:
            continue
        verb, owner, anchors = found
        fors = [c for k in anchors for c in tokens.children(k)
                if tokens.dep[c] == "prep" and tokens.lower[c] == "for" and c > r]
        objs = [p for f in fors for p in tokens.children(f) if tokens.dep[p] == "pobj"]
        subj = owner if owner is not None else subject(ctx, verb)
        if not objs or subj is None:
            continue
        works = _prize_title(ctx, objs[0])
        yield from crew_facts(ctx, persons_at(ctx, subj), role, works, min(subj, r), objs[0],
                              "crew.award", 0.6)


# Debuts that name a role: "her directorial debut".
DEBUTS = {"directorial": "director", "directing": "director", "writing": "writer",
          "screenwriting": "writer", "producing": "producer"}


@rule("crew.debut")
def debut(ctx):
    """Yield crew written "Ann Marsh's directorial debut, Night Harbour" or "Ann Marsh
    made her directorial debut with Night Harbour"."""
    tokens = ctx.tokens
    for d in range(len(tokens)):
        if tokens.lower[d] not in ("debut", "debuts"):
            continue
        role = next((DEBUTS[tokens.lower[c]] for c in tokens.children(d)
                     if tokens.lower[c] in DEBUTS), None)
        if role is None:
            continue
        owner = [c for c in tokens.children(d) if tokens.dep[c] == "poss"]
        person = owner[0] if owner and tokens.pos[owner[0]] == "PROPN" else None
        verb = tokens.head[d]
        if person is None and tokens.dep[d] == "dobj":
            person = subject(ctx, verb)
        works = [work_at(ctx, c) or run_text(ctx, name_covering(ctx, c).start)
                 for c in tokens.children(d)
                 if tokens.dep[c] == "appos" and name_covering(ctx, c)]
        if tokens.dep[d] == "appos" and work_at(ctx, tokens.head[d]):
            works.append(work_at(ctx, tokens.head[d]))
        for k in (d, verb):
            for c in tokens.children(k):
                if tokens.dep[c] == "prep" and tokens.lower[c] in ("with", "on"):
                    objs = [p for p in tokens.children(c) if tokens.dep[p] == "pobj"]
                    works.extend(works_at(ctx, objs[0], resolve=False) if objs else [])
        if person is None or not works:
            continue
        yield from crew_facts(ctx, persons_at(ctx, person), role, works[:1], min(person, d),
                          max(person, d), "crew.debut", 0.6)
