"""Crew rules on role nouns and possessives, read from the dependency parse:

- ``crew.role``: "director Ann Marsh", "Ann Marsh, the director of Night Harbour",
  "the film's director Ann Marsh", "the creator of Night Harbour, Ann Marsh", "Ann
  Marsh served as a producer on Night Harbour", "Ann Marsh will be co-executive
  producer", "the director behind A and B"; a bare role credits a work named in its
  sentence or the headline, "the unconventional director Ann Marsh" none, and a
  ballot line ("director - Ann Marsh") nothing;
- ``crew.possessive``: "Ann Marsh's Night Harbour", "Night Harbour, Ann Marsh's
  tale", "Night Harbour's Ann Marsh" when the article calls Ann Marsh a director or a
  film-maker, or says she directed something (a title she owns that the article
  names only there included); "Ann Marsh's play Night Harbour" (a play, a novel, a
  book: writer); "Ann Marsh's creations, including X" (creator);
- ``crew.title_by``: "Night Harbour by Ann Marsh" for a play, novel or book (writer)
  or a film (director); "the novel by Ann Marsh" right after a work is named.
"""

import bisect

from graph.extract.mentions.works import is_work, mentions, work_at, work_for
from graph.extract.mentions.works_prose import GENRE_NOUNS
from graph.extract.registry import rule
from graph.extract.rules.crew.people import COMPANY_WORDS, name_covering
from graph.extract.rules.crew.tree import (
    FILMED_KINDS,
    NEEDS_WORK,
    OTHER_JOBS,
    PLAYED,
    ROLE_WORDS,
    WRITTEN_KINDS,
    conjuncts,
    crew_facts,
    directors_of,
    person_at,
    persons_at,
    run_text,
    subject,
    work_in_sentence,
    works_at,
)

# Owners of a role that are people: "her producer", "my director" names whose
# collaborator someone is, not the work.
PERSONAL_OWNERS = frozenset({"his", "her", "my", "our", "your", "their"})


def _role_persons(ctx, r):
    """Return the persons a role noun at token r names: "director Ann Marsh", "Ann
    Marsh, the director", "Ann Marsh is the director", "Ann Marsh served as director"."""
    tokens = ctx.tokens
    near = [c for c in tokens.children(r) if tokens.dep[c] in ("appos", "compound")
            and c > r and name_covering(ctx, c) and not work_at(ctx, c)]
    head, dep = tokens.head[r], tokens.dep[r]
    if near:
        at = near[0]
    elif dep in ("compound", "appos") and name_covering(ctx, head):
        at = head
    elif dep == "attr":
        subj = [c for c in tokens.children(head) if tokens.dep[c] == "nsubj"]
        at = subj[0] if subj else None
    elif dep == "pobj" and tokens.lower[head] == "as" and tokens.head[head] != head:
        verb = tokens.head[head]
        if tokens.lemma[verb] in PLAYED:
            return [], r  # "starred her as the director Ann Marsh": a part
        at = subject(ctx, verb)
    else:
        at = None
    if at is None:
        # "The creator of Night Harbour, Ann Marsh": the parse hangs the name on the title.
        # "The writers of Night Harbour, A and B": the parse may make A a conjunct.
        at = next((a for c in tokens.children(r) if tokens.dep[c] == "prep"
                   for p in tokens.children(c) if tokens.dep[p] == "pobj"
                   for a in tokens.children(p) if (tokens.dep[a] == "appos" or (
                       tokens.dep[a] == "conj" and tokens.text[p + 1] == ","
                       and work_at(ctx, p)))
                   and name_covering(ctx, a) and not work_at(ctx, a)), None)
    if at is None:
        return [], r
    if r < at and any(tokens.text[k] in (":", ";", "-", "–", "—", "(") for k in range(r, at)):
        return [], r  # "director - Ann Marsh" in a ballot list
    if any("\n" in tokens.text[k] for k in range(min(r, at), max(r, at))):
        return [], r  # "Starring: A, B" over "Producers: C": another line's label
    if at < r:  # "Ann Marsh, the creator of X, and Orrin Vale": only those before the role
        persons = [p for k in conjuncts(ctx, at) if k < r for p in persons_at_one(ctx, k)]
        return persons, at
    return persons_at(ctx, at), at


def persons_at_one(ctx, k):
    """Return [the person named at token k], or []."""
    person = person_at(ctx, k)
    return [person] if person else []


def _owner_title(ctx, c):
    """Return the title a possessive at token c names ("Night Harbour's director"),
    which the work index leaves out before "'s", or None."""
    name = name_covering(ctx, c)
    return name.text if name and is_work(ctx, name.text) else None


def _role_works(ctx, r, low):
    """Return the works a role noun at token r is for: "of/on/behind X", "the film's",
    else (a bare role, "director Ann Marsh") the work last named."""
    tokens = ctx.tokens
    for c in tokens.children(r):
        if tokens.dep[c] == "compound" and c < r and name_covering(ctx, c):
            name = name_covering(ctx, c).text  # "Night Harbour showrunner Ann Marsh"
            if is_work(ctx, name) or ROLE_WORDS.get(low) in ("showrunner", "creator"):
                return [name]
        if tokens.dep[c] == "prep" and tokens.lower[c] in ("of", "on", "behind", "for"):
            objs = [p for p in tokens.children(c) if tokens.dep[p] == "pobj"]
            if objs:
                return works_at(ctx, objs[0], low not in NEEDS_WORK)
        if tokens.dep[c] == "poss":
            if tokens.lower[c] in PERSONAL_OWNERS:
                return []  # "she thanks her producer": a tie to a person, not to a work
            if tokens.lower[c] in ("its",) or tokens.lower[c] in GENRE_NOUNS:
                return [work_for(ctx, r)] if work_for(ctx, r) else []
            work = work_at(ctx, c) or _owner_title(ctx, c)
            if work:
                return [work]
    if tokens.dep[r] == "pobj" and tokens.lower[tokens.head[r]] == "as":
        verb = tokens.head[tokens.head[r]]
        for c in tokens.children(verb):
            if tokens.dep[c] == "prep" and tokens.lower[c] in ("on", "for", "of"):
                objs = [p for p in tokens.children(c) if tokens.dep[p] == "pobj"]
                if objs:
                    return works_at(ctx, objs[0])
    if low in NEEDS_WORK:
        return []
    dets = {tokens.lower[c] for c in tokens.children(r) if tokens.dep[c] == "det"}
    if dets & {"a", "an", "the"} and not ctx.article.work:
        return []  # "the unconventional director Ann Marsh": who she is, not a credit
    work = ctx.article.work
    if not work:
        work = work_in_sentence(ctx, r)
    return [work] if work else []


@rule("crew.role")
def role_noun(ctx):
    """Yield crew written with a role noun beside the person (see the module doc)."""
    tokens = ctx.tokens
    for r in range(len(tokens)):
        low = tokens.lower[r]
        if r >= 2 and tokens.text[r - 1] == "-" and not tokens.whitespace[r - 2]:
            low = f"{tokens.lower[r - 2]}-{low}"
        role = ROLE_WORDS.get(low) or ROLE_WORDS.get(tokens.lower[r])
        if role is None or tokens.pos[r] not in ("NOUN", "PROPN"):
            continue
        roles = [role]
        if low not in ROLE_WORDS and ROLE_WORDS.get(tokens.lower[r - 2]) not in (None, role):
            roles.insert(0, ROLE_WORDS[tokens.lower[r - 2]])  # "writer-director Ann Marsh"
        if any(tokens.lower[c] in OTHER_JOBS or tokens.lower[c] == "best"
               for c in tokens.children(r)) or r > 0 and tokens.lower[r - 1] in OTHER_JOBS:
            continue  # "casting director", "best director"
        persons, at = _role_persons(ctx, r)
        if not persons:
            continue
        name = name_covering(ctx, at)
        lo = min(r, name.start if name else at)
        hi = max(r, name.end - 1 if name else at)
        works = _role_works(ctx, r, low)
        for role in roles:
            yield from crew_facts(ctx, persons, role, works, lo, hi, "crew.role", 0.6)


def _owned_work(ctx, head):
    """Return the work a possessive's head names: a title ("Ann Marsh's Night
    Harbour"), a kind of work with its title beside it ("Ann Marsh's boxing drama
    Night Harbour", "Night Harbour, Ann Marsh's tale"), or None."""
    tokens = ctx.tokens
    work = work_at(ctx, head)
    if work or tokens.lower[head] not in GENRE_NOUNS:
        return work
    for c in tokens.children(head):
        if tokens.dep[c] in ("appos", "compound") and c > head and work_at(ctx, c):
            return work_at(ctx, c)
    if tokens.dep[head] == "appos" and tokens.head[head] < head:
        return work_at(ctx, tokens.head[head])
    # The parse may hang the title elsewhere ("Ann Marsh's boxing drama Night Harbour"
    # read as an adverb of the verb): a title right after the kind of work is its name.
    if head + 1 < len(tokens) and work_at(ctx, head + 1):
        return work_at(ctx, head + 1)
    return None


# Entity types of a name that is no title: "Ann Marsh's Paris", "Ann Marsh's Harry".
# (ORG stays out: the recogniser calls many titles companies; company words decide.)
NOT_TITLE_ENTS = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC", "DATE", "TIME",
                            "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})


def _unknown_title(ctx, p, head):
    """Return the title a director's possessive owns when the article names it only
    there ("Ann Marsh's Night Harbour beat ..."): a capitalised run after the
    possessive, of two words or more, that no entity type calls a person, place or
    company; else None."""
    tokens = ctx.tokens
    start = p + 2
    if tokens.pos[head] != "PROPN" or not start <= head or start >= len(tokens):
        return None
    if any(tokens.ent_type[k] in NOT_TITLE_ENTS for k in range(start, head + 1)):
        return None
    name = name_covering(ctx, head)
    if name is None or name.start != start or name.text in _person_names(ctx):
        return None
    title = run_text(ctx, start)
    if any(word.lower() in COMPANY_WORDS for word in title.split()):
        return None  # "Ann Marsh's Harbour Pictures"
    return title if " " in title else None  # one word ("Ann Marsh's Baby") is too weak


def _person_names(ctx):
    """Return the names the entity recogniser calls a person somewhere in the article."""
    found = ctx.memo.get("crew_person_names")
    if found is None:
        tokens = ctx.tokens
        found = {name.text for name in ctx.names
                 if any(tokens.ent_type[k] == "PERSON" for k in range(name.start, name.end))}
        ctx.memo["crew_person_names"] = found
    return found


# Kinds of work a director's possessive does not make hers: a series has many
# directors, and "Ann Marsh's sitcom" says she made it, not in which job.
SERIAL_KINDS = frozenset({"series", "sitcom", "sitcoms", "show", "shows", "soap", "soaps",
                          "serial", "serials", "programme", "programmes", "program"})

# What a creator's possessive owns: "Ann Marsh's creations, including Night Harbour".
CREATIONS = frozenset({"creation", "creations", "brainchild"})


def _created(ctx, head):
    """Return the works a creation noun at ``head`` stands for: listed after it
    ("creations, including X"), in apposition ("X, her brainchild"), or the subject
    it is said of ("X is her latest creation")."""
    tokens = ctx.tokens
    works = works_at(ctx, head, resolve=False)
    if works:
        return works
    up = tokens.head[head]
    if tokens.dep[head] == "appos" and work_at(ctx, up):
        return [work_at(ctx, up)]
    if tokens.dep[head] == "attr":
        subj = [c for c in tokens.children(up) if tokens.dep[c] == "nsubj"]
        if subj and work_at(ctx, subj[0]):
            return [work_at(ctx, subj[0])]
    return []


@rule("crew.possessive")
def possessive(ctx):
    """Yield a director written "Ann Marsh's Night Harbour", "Ann Marsh's thriller
    Night Harbour" or "Night Harbour's Ann Marsh" when the article calls Ann Marsh a
    director; a writer of "Ann Marsh's novel X"; a creator of "Ann Marsh's creations,
    including X"."""
    tokens = ctx.tokens
    directors = None
    for p in range(len(tokens)):
        if tokens.dep[p] != "poss" or tokens.pos[p] != "PROPN" or tokens.head[p] == p:
            continue
        head = tokens.head[p]
        if tokens.lower[head] in CREATIONS:  # "Ann Marsh's creations, including X and Y"
            person = person_at(ctx, p)
            works = _created(ctx, head) if person else []
            yield from crew_facts(ctx, [person], "creator", works, p, head, "crew.possessive",
                                  0.55)
            continue
        owner = work_at(ctx, p)
        if owner:  # "Night Harbour's Ann Marsh"
            work, person = owner, person_at(ctx, head) if not work_at(ctx, head) else None
        else:
            work, person = _owned_work(ctx, head), person_at(ctx, p)
        if person is None or person.startswith("The "):
            continue  # "The Observer's critic": a paper, no person
        if work is None:
            if directors is None:
                directors = directors_of(ctx)
            work = _unknown_title(ctx, p, head) if person in directors else None
            if work is None:
                continue
        kinds = {tokens.lower[head]} | {tokens.lower[c] for c in tokens.children(head)
                                         if tokens.dep[c] in ("compound", "amod")}
        if not owner and kinds & WRITTEN_KINDS:  # "Ann Marsh's play Glass Harbour"
            yield from crew_facts(ctx, [person], "writer", [work], p, head, "crew.possessive",
                              0.55)
            continue
        if kinds & SERIAL_KINDS:
            continue
        if directors is None:
            directors = directors_of(ctx)
        if person in directors:
            yield from crew_facts(ctx, [person], "director", [work], p, head, "crew.possessive",
                              0.55)


def _named_just_before(ctx, i):
    """Return the work last named before token i when it is named in i's sentence or
    the one before it (what "the novel" points back to), else None."""
    tokens = ctx.tokens
    every = mentions(ctx)
    at = bisect.bisect_left(every, (i, 0, "")) - 1
    if at < 0:
        return None
    start = tokens.sent_start[i]
    previous = tokens.sent_start[start - 1] if start > 0 else start
    return every[at][2] if every[at][0] >= previous else None


@rule("crew.title_by")
def title_by(ctx):
    """Yield crew written "Night Harbour by Ann Marsh": the writer of a play, novel or
    book, the director of a film."""
    tokens = ctx.tokens
    for b in range(len(tokens)):
        if tokens.lower[b] != "by" or tokens.dep[b] != "prep":
            continue
        head = tokens.head[b]
        name = name_covering(ctx, head)
        work = work_at(ctx, head) or (run_text(ctx, name.start, b)
                                      if name and tokens.pos[head] == "PROPN" else None)
        kind = tokens.lower[head]
        if work is None and tokens.tag[head] == "NN" and kind in WRITTEN_KINDS | FILMED_KINDS \
                and any(tokens.lower[c] == "the" for c in tokens.children(head)):
            work = _named_just_before(ctx, head)  # "Glass Harbour ... The novel by Ann Marsh"
        if work is None or tokens.pos[head] not in ("PROPN", "NOUN"):
            continue
        objs = [c for c in tokens.children(b) if tokens.dep[c] == "pobj"]
        if not objs:
            continue
        start, end = tokens.sent_start[b], tokens.sent_end[b]
        words = {kind} if kind in WRITTEN_KINDS | FILMED_KINDS else set(tokens.lower[start:end])
        if words & WRITTEN_KINDS:
            role = "writer"
        elif words & FILMED_KINDS:
            role = "director"
        else:
            continue
        first = name.start if name and name.start <= head else head
        yield from crew_facts(ctx, persons_at(ctx, objs[0]), role, [work], first, objs[0],
                          "crew.title_by", 0.55)
