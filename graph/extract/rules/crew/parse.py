"""Crew rules read from the dependency parse, for news, reviews and encyclopedia prose.

One tree walk covers the word orders English allows for a making verb or a role:

- ``crew.passive``: "directed by Ann Marsh", "the film, to be directed by Ann Marsh",
  "It is directed by Ann Marsh, who ...", "written and directed by A and B";
- ``crew.active``: "Ann Marsh directed Night Harbour", "Ann Marsh, who directed
  Night Harbour", "Ann Marsh, who stars in and co-wrote Night Harbour", "Ann Marsh
  penned the adaptation Night Harbour", "A and B co-wrote X and Y";
- ``crew.role``: "director Ann Marsh's new film Night Harbour", "Ann Marsh, the
  director of Night Harbour", "the film's director Ann Marsh", "Ann Marsh served as a
  producer on Night Harbour", "Ann Marsh will be co-executive producer";
- ``crew.possessive``: "Ann Marsh's Night Harbour", "Night Harbour, Ann Marsh's
  tale", "Night Harbour's Ann Marsh" when the article calls Ann Marsh a director or a
  film-maker, or says she directed something; "Ann Marsh's play Night Harbour" (a
  play, a novel, a book: writer);
- ``crew.award``: "Ann Marsh won best director for Night Harbour" (and best
  screenplay: writer);
- ``crew.debut``: "Ann Marsh's directorial debut, Night Harbour", "Ann Marsh made her
  directorial debut with Night Harbour";
- ``crew.title_by``: "Night Harbour by Ann Marsh" for a play, novel or book (writer)
  or a film (director).

A work is a title the article names (``works``), or "the film", "the show", "it":
the work last named. Companies, studios and channels are never crew; negated,
hedged and asked statements give nothing (``modality``).
"""

import bisect

from graph.extract.evidence.modality import HEDGES, MODALS, NEGATIONS, asserted
from graph.extract.mentions.works import (
    is_work,
    mentions,
    work_at,
    work_for,
    work_named_near,
)
from graph.extract.mentions.works_prose import GENRE_NOUNS, capitalised_run, mention_covering
from graph.extract.registry import rule
from graph.extract.rules.crew.people import name_covering, resolve_people
from graph.model.facts import Crew

# Lemmas of making verbs and the role each gives.
MAKING = {"direct": "director", "write": "writer", "produce": "producer", "create": "creator",
          "pen": "writer", "script": "writer", "helm": "director", "co-write": "writer",
          "co-direct": "director", "co-create": "creator", "co-produce": "producer",
          "executive-produce": "producer", "wrote": "writer"}
# Role nouns, and those that need a work named with them to count.
ROLE_WORDS = {"director": "director", "directors": "director", "co-director": "director",
              "writer": "writer", "writers": "writer", "screenwriter": "writer",
              "co-writer": "writer", "producer": "producer", "producers": "producer",
              "co-producer": "producer", "creator": "creator", "creators": "creator",
              "co-creator": "creator", "showrunner": "showrunner", "filmmaker": "director",
              "film-maker": "director", "playwright": "writer", "novelist": "writer",
              "author": "writer", "scriptwriter": "writer"}
# Verbs whose "as" names a part played, not a job: "starred her as the director".
PLAYED = frozenset({"star", "play", "cast", "portray", "appear"})
NEEDS_WORK = frozenset({"filmmaker", "film-maker", "playwright", "novelist", "author"})
# "director of photography", "casting director": other jobs.
OTHER_JOBS = frozenset({"casting", "art", "music", "musical", "creative", "managing",
                        "artistic", "technical", "stunt", "assistant", "photography", "news",
                        "theatre", "festival", "company", "record", "line", "editor",
                        "associate", "programming", "development"})
# Kinds of work that "X by Y" makes Y the writer of, and the director of.
WRITTEN_KINDS = frozenset({"play", "plays", "novel", "novels", "book", "books", "story",
                           "memoir", "poem", "comic", "author", "playwright", "novelist",
                           "script", "screenplay"})
FILMED_KINDS = frozenset({"film", "films", "movie", "movies", "documentary"})
# Nouns whose "of X" names another work than the noun: "a spin-off of X created by".
RELATION_NOUNS = frozenset({"spin-off", "spinoff", "sequel", "prequel", "remake", "reboot",
                            "off"})
# Words inside a statement that make it no fact: "Ann Marsh could become the director".
HEDGED = MODALS | HEDGES | NEGATIONS
# The longest title read from capitals alone.
MAX_RUN = 12
# What stands between the titles of a list.
LIST_GAP = frozenset({",", "and", "or", '"', "“", "”", "'", "‘", "’"})
DEFINITE = frozenset({"the", "this", "that", "its", "his", "her", "their"})
DIRECTOR_CUES = frozenset({"director", "directors", "film-maker", "filmmaker", "directed",
                           "directing", "directs", "direct"})


def _person(ctx, i):
    """Return the full name of the person named at token i, or None (no name, a
    company, a work, a character)."""
    name = name_covering(ctx, i)
    if name is None:
        return None
    words = name.text.split()
    while words and words[0].lower().endswith(("-born", "-based")):
        words = words[1:]  # "Dutch-born Ann Marsh"
    found = resolve_people(ctx, [" ".join(words)])
    return found[0] if found else None


def _conjuncts(ctx, i):
    """Return token i and the tokens coordinated with it ("A and B", "A, B and C")."""
    tokens = ctx.tokens
    out, todo = [], [i]
    while todo:
        k = todo.pop()
        out.append(k)
        todo.extend(c for c in tokens.children(k) if tokens.dep[c] == "conj")
    return sorted(out)


def _people(ctx, i):
    """Return the persons named at token i and its conjuncts."""
    persons = []
    for k in _conjuncts(ctx, i):
        person = _person(ctx, k)
        if person and person not in persons:
            persons.append(person)
    return persons


def _listed(ctx, i):
    """Return the first title of "films including X", "hits such as X", or None."""
    tokens = ctx.tokens
    for c in tokens.children(i):
        if tokens.dep[c] == "prep" and tokens.lower[c] in ("including", "as", "like"):
            for p in tokens.children(c):
                if tokens.dep[p] == "pobj":
                    found = p if work_at(ctx, p) else _listed(ctx, p)
                    if found is not None:
                        return found
    return None


def _work_of(ctx, i, resolve=True):
    """Return the work token i stands for: a title, or "the film", "it", "the sequel"
    (the work last named, when ``resolve``); None for "a play" or anything else."""
    tokens = ctx.tokens
    title = work_at(ctx, i)
    if title:
        return title
    low = tokens.lower[i]
    if low in ("it", "this"):
        return work_for(ctx, i) if resolve else None
    if low not in GENRE_NOUNS and low not in ("version", "adaptation", "production"):
        return None
    for c in tokens.children(i):
        if tokens.dep[c] in ("appos", "compound", "npadvmod") and work_at(ctx, c):
            return work_at(ctx, c)  # "the adaptation Night Harbour", "his film - X"
        if tokens.dep[c] == "prep" and tokens.lower[c] == "of":
            for p in tokens.children(c):
                if tokens.dep[p] == "pobj" and work_at(ctx, p):
                    return work_at(ctx, p)  # "the film version of X"
    if tokens.tag[i] == "NNS" or not resolve:
        return None  # "her films": many works, none named
    dets = [tokens.lower[c] for c in tokens.children(i) if tokens.dep[c] in ("det", "poss")]
    if any(d in DEFINITE or d.endswith("'s") for d in dets) or any(
            tokens.dep[c] == "poss" for c in tokens.children(i)):
        return work_for(ctx, i)
    return None


def _title_list(ctx, i):
    """Return the titles of the list that starts with the title at token i: "A, B and
    C", "'A,' 'B' and 'C'" (read from the text, which the parse often splits)."""
    tokens = ctx.tokens
    every = mentions(ctx)
    first = mention_covering(every, i)
    found, end = [first[2]], first[1]
    at = bisect.bisect_left(every, (end, 0, ""))
    while True:
        k = end
        while k < len(tokens) and tokens.lower[k] in LIST_GAP:
            k += 1
        if k == end or "and" in tokens.lower[first[1]:end] and end > first[1]:
            break
        while at < len(every) and every[at][0] < k:
            at += 1
        if at < len(every) and every[at][0] == k:
            stop, text = every[at][1], every[at][2]
        elif "and" in tokens.lower[end:k] and capitalised_run(tokens, k) > k:
            stop = capitalised_run(tokens, k)  # "A and B": B a title the text names once
            text = tokens.span_text(k, stop)
        else:
            break
        if text not in found:
            found.append(text)
        end = stop
    return found


def _works(ctx, i, resolve=True):
    """Return the works named at token i and its conjuncts ("X and Y"), or listed
    after it ("films including X and Y")."""
    tokens = ctx.tokens
    listed = None
    if not work_at(ctx, i):
        k = i
        for _ in range(3):  # the parse may hang "including X" on a word above
            listed = _listed(ctx, k)
            if listed is not None or tokens.tag[i] != "NNS" or tokens.head[k] == k:
                break
            k = tokens.head[k]
    if listed is None and tokens.tag[i] == "NNS" and i + 1 < len(tokens) \
            and work_at(ctx, i + 1):
        listed = i + 1  # "the thrillers A and B"
    if listed is not None:
        i = listed
    if work_at(ctx, i):
        return _title_list(ctx, i)
    found = []
    for k in _conjuncts(ctx, i):
        work = _work_of(ctx, k, resolve)
        if work and work not in found:
            found.append(work)
    return found


def _facts(ctx, persons, role, works, start, end, rule_name, confidence):
    """Yield a Crew fact per person and work when tokens [start, end) are asserted."""
    tokens = ctx.tokens
    start, end = min(start, end), max(start, end)
    if not persons or not works or not asserted(ctx, start, end + 1) \
            or HEDGED.intersection(tokens.lower[start:end + 1]):
        return
    first, last = tokens.idx[start], tokens.end_char(end)
    for person in persons:
        for work in works:
            if person != work and not is_work(ctx, person):
                yield ctx.fact(Crew(person=person, role=role, work=work), first, last,
                               rule_name, confidence)


def _verb_role(ctx, v):
    """Return the role of a making verb at token v ("co-wrote" read whole), or None."""
    tokens = ctx.tokens
    lemma = tokens.lemma[v]
    if v >= 2 and tokens.text[v - 1] == "-" and tokens.lower[v - 2] in ("co", "executive"):
        lemma = f"{tokens.lower[v - 2]}-{lemma}"
    return MAKING.get(lemma) or MAKING.get(tokens.lemma[v])


def _subject(ctx, v):
    """Return the token of the subject of verb v: its own, its relative clause's
    antecedent ("A, who directed"), or the subject of the verb it is coordinated with."""
    tokens = ctx.tokens
    for _ in range(4):
        subj = [c for c in tokens.children(v) if tokens.dep[c] in ("nsubj", "nsubjpass")]
        if subj:
            s = subj[0]
            if tokens.lower[s] in ("who", "that") and tokens.dep[v] == "relcl":
                return tokens.head[v]
            if tokens.lower[s] == "executive":  # "Ann Marsh executive produced"
                names = [c for c in tokens.children(s) if tokens.dep[c] == "compound"]
                return names[-1] if names else None
            return s
        if tokens.dep[v] == "pcomp" and tokens.head[tokens.head[v]] != tokens.head[v]:
            v = tokens.head[tokens.head[v]]  # "known for directing X"
        elif tokens.dep[v] in ("conj", "xcomp", "amod") and tokens.head[v] != v:
            v = tokens.head[v]
        elif tokens.dep[v] == "relcl":
            return tokens.head[v]
        else:
            return None
    return None


@rule("crew.passive")
def passive(ctx):
    """Yield crew written "directed by Ann Marsh": the work is what was made."""
    tokens = ctx.tokens
    for v in range(len(tokens)):
        if tokens.tag[v] != "VBN" or _verb_role(ctx, v) is None:
            continue
        agents = [p for c in tokens.children(v) if tokens.dep[c] == "agent"
                  for p in tokens.children(c) if tokens.dep[p] == "pobj"]
        if not agents:
            continue
        persons = _people(ctx, agents[0])
        roles = [_verb_role(ctx, v)]
        verbs = [v]
        # "written and directed by": the first verb heads the coordination.
        if tokens.dep[v] == "conj" and _verb_role(ctx, tokens.head[v]) \
                and tokens.tag[tokens.head[v]] == "VBN":
            verbs.insert(0, tokens.head[v])
            roles.insert(0, _verb_role(ctx, tokens.head[v]))
        top = verbs[0]
        works = []
        subj = [c for c in tokens.children(top) if tokens.dep[c] == "nsubjpass"]
        if tokens.dep[top] in ("acl", "relcl") and tokens.head[top] != top:
            # "the 1973 film directed by": the participle says which film, so only a
            # title names it ("The film, directed by", set off by a comma, is the one
            # named before); and "a spin-off of X created by" may be the spin-off's.
            made = tokens.head[top]
            of = tokens.head[made]
            if tokens.dep[made] == "pobj" and tokens.lower[tokens.head[of]] in RELATION_NOUNS:
                continue
            aside = any(tokens.text[k] == "," for k in range(made + 1, top))
            works = _works(ctx, made, resolve=aside)
        elif subj:
            works = _works(ctx, subj[0])
        elif tokens.dep[top] == "xcomp":
            outer = [c for c in tokens.children(tokens.head[top]) if tokens.dep[c] == "nsubj"]
            works = _works(ctx, outer[0]) if outer else []
        for role in roles:
            yield from _facts(ctx, persons, role, works, top, agents[0], "crew.passive", 0.7)


def _written_title(ctx, i, role):
    """Return [title] for a capitalised object of a making verb at token i that the
    article names nowhere else ("co-wrote Night Harbour": one writes no person; one
    directs a person, so a director's object must not read as one), else []."""
    tokens = ctx.tokens
    name = name_covering(ctx, i)
    if name is None:
        return []
    if role not in ("writer", "creator"):
        # One directs an actor as well as a film: a name NER reads as a person, or one
        # followed by "in" ("directed Mara Quill in X"), is no title.
        after = tokens.lower[name.end] if name.end < len(tokens) else ""
        if tokens.ent_type[name.start] == "PERSON" or after in ("in", "on", "to", "as"):
            return []
    return [_run_text(ctx, name.start)]


def _run_text(ctx, start, stop=None):
    """Return the title-case run from token ``start`` ("Angels and Demons", which the
    name finder reads as two names), ending before token ``stop`` when given."""
    limit = stop - start if stop else MAX_RUN
    return ctx.tokens.span_text(start, max(capitalised_run(ctx.tokens, start, limit),
                                           start + 1))


@rule("crew.active")
def active(ctx):
    """Yield crew written "Ann Marsh directed Night Harbour" or "Ann Marsh, who
    co-wrote Night Harbour"."""
    tokens = ctx.tokens
    for v in range(len(tokens)):
        role = _verb_role(ctx, v)
        if role is None or tokens.tag[v] not in ("VBD", "VBZ", "VBP", "VBN", "VB", "VBG"):
            continue
        if tokens.tag[v] == "VBG" and tokens.dep[v] != "pcomp":
            continue  # "directing" only as "known for directing X"
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
        subj = _subject(ctx, head)
        if subj is None or not objects:
            continue
        persons = _people(ctx, subj)
        works = _works(ctx, objects[0]) or _written_title(ctx, objects[0], role)
        yield from _facts(ctx, persons, role, works, min(subj, v), objects[0], "crew.active",
                          0.65)


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
        at = _subject(ctx, verb)
    else:
        at = None
    if at is None:
        # "The creator of Night Harbour, Ann Marsh": the parse hangs the name on the title.
        at = next((a for c in tokens.children(r) if tokens.dep[c] == "prep"
                   for p in tokens.children(c) if tokens.dep[p] == "pobj"
                   for a in tokens.children(p) if tokens.dep[a] == "appos"
                   and name_covering(ctx, a) and not work_at(ctx, a)), None)
    if at is None:
        return [], r
    if r < at and any(tokens.text[k] in (":", ";", "-", "–", "—", "(") for k in range(r, at)):
        return [], r  # "director - Ann Marsh" in a ballot list
    return _people(ctx, at), at


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
                return _works(ctx, objs[0], low not in NEEDS_WORK)
        if tokens.dep[c] == "poss":
            if tokens.lower[c] in ("its",) or tokens.lower[c] in GENRE_NOUNS:
                return [work_for(ctx, r)] if work_for(ctx, r) else []
            work = work_at(ctx, c)
            if work:
                return [work]
    if tokens.dep[r] == "pobj" and tokens.lower[tokens.head[r]] == "as":
        verb = tokens.head[tokens.head[r]]
        for c in tokens.children(verb):
            if tokens.dep[c] == "prep" and tokens.lower[c] in ("on", "for", "of"):
                objs = [p for p in tokens.children(c) if tokens.dep[p] == "pobj"]
                if objs:
                    return _works(ctx, objs[0])
    if low in NEEDS_WORK:
        return []
    dets = {tokens.lower[c] for c in tokens.children(r) if tokens.dep[c] == "det"}
    if dets & {"a", "an", "the"} and not ctx.article.work:
        return []  # "the unconventional director Ann Marsh": who she is, not a credit
    work = ctx.article.work
    if not work:
        work = work_named_near(ctx, r)
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
        yield from _facts(ctx, persons, role, works, lo, hi, "crew.role", 0.6)


def _directors(ctx):
    """Return the persons the article calls a director or a film-maker, or says
    directed something: a cue word in a sentence that names them."""
    found = ctx.memo.get("crew_directors")
    if found is not None:
        return found
    tokens = ctx.tokens
    found = set()
    cue_sentences = {tokens.sent_start[i] for i, low in enumerate(tokens.lower)
                     if low in DIRECTOR_CUES}
    for name in ctx.names:
        if tokens.sent_start[name.start] in cue_sentences:
            found.update(resolve_people(ctx, [name.text]))
    ctx.memo["crew_directors"] = found
    return found


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
    return None


@rule("crew.possessive")
def possessive(ctx):
    """Yield a director written "Ann Marsh's Night Harbour", "Ann Marsh's thriller
    Night Harbour" or "Night Harbour's Ann Marsh" when the article calls Ann Marsh a
    director."""
    tokens = ctx.tokens
    directors = None
    for p in range(len(tokens)):
        if tokens.dep[p] != "poss" or tokens.pos[p] != "PROPN" or tokens.head[p] == p:
            continue
        head = tokens.head[p]
        owner = work_at(ctx, p)
        if owner:  # "Night Harbour's Ann Marsh"
            work, person = owner, _person(ctx, head) if not work_at(ctx, head) else None
        else:
            work, person = _owned_work(ctx, head), _person(ctx, p)
        if work is None or person is None:
            continue
        kinds = {tokens.lower[head]} | {tokens.lower[c] for c in tokens.children(head)
                                         if tokens.dep[c] in ("compound", "amod")}
        if not owner and kinds & WRITTEN_KINDS:  # "Ann Marsh's play Glass Harbour"
            yield from _facts(ctx, [person], "writer", [work], p, head, "crew.possessive",
                              0.55)
            continue
        if directors is None:
            directors = _directors(ctx)
        if person in directors:
            yield from _facts(ctx, [person], "director", [work], p, head, "crew.possessive",
                              0.55)


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
        work = work_at(ctx, head) or (_run_text(ctx, name.start, b)
                                      if name and tokens.pos[head] == "PROPN" else None)
        if work is None or tokens.pos[head] not in ("PROPN", "NOUN"):
            continue
        objs = [c for c in tokens.children(b) if tokens.dep[c] == "pobj"]
        if not objs:
            continue
        start, end = tokens.sent_start[b], tokens.sent_end[b]
        words = set(tokens.lower[start:end])
        if words & WRITTEN_KINDS:
            role = "writer"
        elif words & FILMED_KINDS:
            role = "director"
        else:
            continue
        first = name.start if name and name.start <= head else head
        yield from _facts(ctx, _people(ctx, objs[0]), role, [work], first, objs[0],
                          "crew.title_by", 0.55)


# Prizes that name a crew role: "best director", "best screenplay".
PRIZES = {"director": "director", "screenplay": "writer", "producer": "producer"}
WINNING = frozenset({"win", "take", "earn", "receive", "collect", "get", "scoop", "pick"})


@rule("crew.award")
def award(ctx):
    """Yield crew written "Ann Marsh won best director for Night Harbour"."""
    tokens = ctx.tokens
    for r in range(len(tokens)):
        role = PRIZES.get(tokens.lower[r])
        if role is None or not any(tokens.lower[c] == "best" for c in tokens.children(r)):
            continue
        verb = tokens.head[r]
        if tokens.lemma[verb] not in WINNING or tokens.dep[r] != "dobj":
            continue
        fors = [c for k in (r, verb) for c in tokens.children(k)
                if tokens.dep[c] == "prep" and tokens.lower[c] == "for"]
        objs = [p for f in fors for p in tokens.children(f) if tokens.dep[p] == "pobj"]
        subj = _subject(ctx, verb)
        if not objs or subj is None:
            continue
        works = _works(ctx, objs[0], resolve=False)
        yield from _facts(ctx, _people(ctx, subj), role, works, subj, objs[0], "crew.award",
                          0.6)


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
            person = _subject(ctx, verb)
        works = [work_at(ctx, c) or _run_text(ctx, name_covering(ctx, c).start)
                 for c in tokens.children(d)
                 if tokens.dep[c] == "appos" and name_covering(ctx, c)]
        if tokens.dep[d] == "appos" and work_at(ctx, tokens.head[d]):
            works.append(work_at(ctx, tokens.head[d]))
        for k in (d, verb):
            for c in tokens.children(k):
                if tokens.dep[c] == "prep" and tokens.lower[c] in ("with", "on"):
                    objs = [p for p in tokens.children(c) if tokens.dep[p] == "pobj"]
                    works.extend(_works(ctx, objs[0], resolve=False) if objs else [])
        if person is None or not works:
            continue
        yield from _facts(ctx, _people(ctx, person), role, works[:1], min(person, d),
                          max(person, d), "crew.debut", 0.6)
