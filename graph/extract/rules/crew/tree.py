"""Reading crew statements on the dependency parse: who a name is, which work a
noun stands for, the subject of a making verb, and the fact a crew rule makes.

The crew rules that walk the parse (``crew.parse``, ``crew.credits``) share these:

- ``person_at``/``persons_at``: the full name at a token and its conjuncts ("A and B"),
  never a company, a studio or a channel ("Harbour Pictures");
- ``work_of``/``works_at``: the work a noun stands for: a title, "the film"/"it" (the
  work last named, when a definite noun may point back), a list after "films
  including" or "the thrillers A and B";
- ``subject``: the subject of a verb through relative clauses ("A, who directed"),
  coordination ("stars in and co-wrote"), "executive produced" and "known for
  directing";
- ``work_of_kind``: "the sitcom" as the work the article named as a sitcom;
  ``work_in_sentence``: the work a bare "director Ann Marsh" credits;
  ``directors_of``: the people the article calls directors;
- ``crew_facts``: Crew facts for asserted statements only (``modality``; a modal,
  hedge or negation inside the statement counts too), each title whole
  (``full_title``: a headline's "Da Vinci film" is The Da Vinci Code) and two titles
  read as one split (``split_titles``).
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
from graph.extract.mentions.works_index import norm_title
from graph.extract.mentions.works_made import MAKING, making_lemma
from graph.extract.mentions.works_prose import GENRE_NOUNS, mention_covering
from graph.extract.mentions.works_text import capitalised_run
from graph.extract.rules.crew.people import name_covering, resolve_people
from graph.model.facts import Crew

# Verbs that make a writer only in the passive: "adapted for the screen by Ann Marsh"
# ("Ann Marsh adapted the novel": the novel is not hers).
PASSIVE_MAKING = {"adapt": "writer"}
# Role nouns, and those that need a work named with them to count.
ROLE_WORDS = {"director": "director", "directors": "director", "co-director": "director",
              "writer": "writer", "writers": "writer", "screenwriter": "writer",
              "co-writer": "writer", "producer": "producer", "producers": "producer",
              "co-producer": "producer", "creator": "creator", "creators": "creator",
              "co-creator": "creator", "showrunner": "showrunner", "filmmaker": "director",
              "helmer": "director", "helmers": "director",
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
# What a writer writes for a work: "the screenplay for Night Harbour".
SCRIPT_NOUNS = frozenset({"script", "scripts", "screenplay", "screenplays", "teleplay"})
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
# Kinds of work so broad that "the film" means the work just named, whatever the
# article called it ("the comedy Pebble Town took $21m. The film ...").
GENERIC_KINDS = frozenset({"film", "movie", "picture", "show", "series", "programme"})
# Parts of a show whose crew is the show's: "the episode was directed by Ann Marsh".
PART_NOUNS = frozenset({"episode", "episodes", "finale", "premiere", "pilot"})
DIRECTOR_CUES = frozenset({"director", "directors", "film-maker", "filmmaker", "directed",
                           "directing", "directs", "direct"})


def person_at(ctx, i):
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


def conjuncts(ctx, i):
    """Return token i and the tokens coordinated with it ("A and B", "A, B and C")."""
    tokens = ctx.tokens
    out, todo = [], [i]
    while todo:
        k = todo.pop()
        out.append(k)
        todo.extend(c for c in tokens.children(k) if tokens.dep[c] == "conj")
    return sorted(out)


def persons_at(ctx, i):
    """Return the persons named at token i and its conjuncts."""
    tokens = ctx.tokens
    persons = []
    for k in conjuncts(ctx, i):
        found = [person_at(ctx, k)]
        if found[0] is None and k != i and tokens.pos[k] == "NOUN":
            # "by Ann Marsh and her writing partner Ben Kay": the name beside the noun.
            found = [person_at(ctx, c) for c in tokens.children(k) if tokens.dep[c] == "appos"]
        for person in found:
            if person and person not in persons:
                persons.append(person)
    return persons


def persons_beside_role(ctx, i):
    """Return the persons in apposition to a role noun at token i, which the parse makes
    the head ("written by the show's creator, Ann Marsh", "a debut from the filmmaker
    Ann Marsh"), or []."""
    tokens = ctx.tokens
    if tokens.lower[i] not in ROLE_WORDS:
        return []
    return [person for c in tokens.children(i) if tokens.dep[c] == "appos"
            for person in persons_at(ctx, c)]


def listed_title(ctx, i):
    """Return the first title of "films including X", "hits such as X", or None."""
    tokens = ctx.tokens
    for c in tokens.children(i):
        if tokens.dep[c] == "prep" and tokens.lower[c] in ("including", "as", "like"):
            for p in tokens.children(c):
                if tokens.dep[p] == "pobj":
                    found = p if work_at(ctx, p) else listed_title(ctx, p)
                    if found is not None:
                        return found
    return None


def directors_of(ctx):
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


def work_of(ctx, i, resolve=True):
    """Return the work token i stands for: a title, or "the film", "it", "the sequel"
    (the work last named, when ``resolve``); None for "a play" or anything else."""
    tokens = ctx.tokens
    title = work_at(ctx, i)
    if title:
        return title
    low = tokens.lower[i]
    if low in ("it", "this"):
        return work_for(ctx, i) if resolve else None
    if low in SCRIPT_NOUNS:  # "wrote the screenplay for Night Harbour"
        return next((work_of(ctx, p, False) for c in tokens.children(i)
                     if tokens.dep[c] == "prep" and tokens.lower[c] in ("for", "of")
                     for p in tokens.children(c)
                     if tokens.dep[p] == "pobj" and work_of(ctx, p, False)), None)
    if low in PART_NOUNS:
        # "directed four episodes of the drama X": the work the part is of; "the
        # episode was directed by": a part of the work last named, whose crew it is.
        named = next((work_of(ctx, p, False) for c in tokens.children(i)
                      if tokens.dep[c] == "prep" and tokens.lower[c] == "of"
                      for p in tokens.children(c) if tokens.dep[p] == "pobj"), None)
        if named:
            return named
        dets = {tokens.lower[c] for c in tokens.children(i) if tokens.dep[c] in ("det", "poss")}
        return work_for(ctx, i) if resolve and dets & DEFINITE else None
    if low not in GENRE_NOUNS and low not in ("version", "adaptation", "production"):
        return None
    for c in tokens.children(i):
        if tokens.dep[c] in ("appos", "compound", "npadvmod") and work_at(ctx, c):
            return work_at(ctx, c)  # "the adaptation Night Harbour", "his film - X"
        if tokens.dep[c] == "prep" and tokens.lower[c] == "of":
            for p in tokens.children(c):
                if tokens.dep[p] == "pobj" and work_at(ctx, p):
                    return work_at(ctx, p)  # "the film version of X"
    if low in ("version", "adaptation") and i + 2 < len(tokens) \
            and tokens.lower[i + 1] == "of" and work_at(ctx, i + 2):
        return work_at(ctx, i + 2)  # the same, where the parse splits a sentence-like title
    if tokens.tag[i] == "NNS" or not resolve:
        return None  # "her films": many works, none named
    dets = [tokens.lower[c] for c in tokens.children(i) if tokens.dep[c] in ("det", "poss")]
    if any(d in DEFINITE or d.endswith("'s") for d in dets) or any(
            tokens.dep[c] == "poss" for c in tokens.children(i)):
        return work_of_kind(ctx, i) or work_for(ctx, i)
    return None


def work_of_kind(ctx, i):
    """Return the work "the sitcom" at token i points back to when the article named
    one as a sitcom ("the sitcom Harbour Lights"), the last such, or None (then the
    work last named stands)."""
    tokens = ctx.tokens
    kind = tokens.lower[i]
    every = mentions(ctx)
    at = bisect.bisect_left(every, (i, 0, "")) - 1
    if kind in GENERIC_KINDS and at >= 0:
        start = tokens.sent_start[i]
        previous = tokens.sent_start[start - 1] if start > 0 else start
        if every[at][0] >= previous:
            return every[at][2]  # "the animated comedy X ... The film": any work is a film
    while at >= 0:
        start, _end, text = every[at]
        if any(tokens.lower[k] == kind for k in range(max(0, start - 3), start)):
            return text
        at -= 1
    return None


def title_list(ctx, i):
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
        elif "and" in tokens.lower[end:k] and capitalised_run(tokens, k) > k \
                and tokens.ent_type[k] != "PERSON":
            stop = capitalised_run(tokens, k)  # "A and B": B a title the text names once
            text = tokens.span_text(k, stop)
        else:
            break
        if text not in found:
            found.append(text)
        end = stop
    return found


def works_at(ctx, i, resolve=True):
    """Return the works named at token i and its conjuncts ("X and Y"), or listed
    after it ("films including X and Y")."""
    tokens = ctx.tokens
    listed = None
    if not work_at(ctx, i):
        k = i
        for _ in range(3):  # the parse may hang "including X" on a word above
            listed = listed_title(ctx, k)
            if listed is not None or tokens.tag[i] != "NNS" or tokens.head[k] == k:
                break
            k = tokens.head[k]
    if listed is None and tokens.tag[i] == "NNS" and i + 1 < len(tokens) \
            and work_at(ctx, i + 1):
        listed = i + 1  # "the thrillers A and B"
    if listed is not None:
        i = listed
    if work_at(ctx, i):
        return title_list(ctx, i)
    found = []
    for k in conjuncts(ctx, i):
        work = work_of(ctx, k, resolve)
        if work and work not in found:
            found.append(work)
    return found


def full_title(ctx, work):
    """Return the whole title of a work a headline shortens ("Da Vinci film" for The Da
    Vinci Code): the one longer title the article names that holds its words in a
    row at a word boundary; else ``work`` itself, and always for the work the article
    is about (its front matter or page title), which a longer title only extends
    ("... Season Eight", a comic)."""
    cache = ctx.memo.setdefault("crew_full_titles", {})
    if work == ctx.default_work:
        return work  # the article's own work is whole ("Buffy the Vampire Slayer")
    if work not in cache:
        short = f" {norm_title(work)} "
        longer = {text for _s, _e, text in mentions(ctx)
                  if short in f" {norm_title(text)} " and norm_title(text) != short.strip()
                  and len(split_titles(ctx, text)) == 1}
        cache[work] = longer.pop() if len(longer) == 1 else work
    return cache[work]


def _owned_after_name(ctx, i):
    """Return the work named after the possessive of the name at token i ("Ann Marsh's
    [boxing drama] Night Harbour"), or None."""
    tokens, n = ctx.tokens, len(ctx.tokens)
    k = i
    while k < n and tokens.text[k][:1].isupper() and k - i < 5:
        k += 1
    if k == i or k + 1 >= n or tokens.text[k] not in ("'s", "’s"):
        return None
    j = k + 1
    while j < n and j - k < 4 and tokens.is_lower[j] and tokens.pos[j] in ("ADJ", "NOUN"):
        j += 1
    return work_at(ctx, j) if j < n else None


def work_in_sentence(ctx, r):
    """Return the work a bare role at token r ("director Ann Marsh") credits: the work
    last named before it in its sentence, else one named after it for which she is
    praised or nominated ("- nominated for Night Harbour"), else the headline's; a
    title that owns another name ("Night Harbour's Orrin Vale") is that person's, and
    a title her own possessive names ("director Ann Marsh's Night Harbour") is hers."""
    tokens = ctx.tokens
    owned = _owned_after_name(ctx, r + 1)
    if owned:
        return full_title(ctx, owned)  # "director Ann Marsh's thriller Night Harbour"
    start, end = tokens.sent_start[r], tokens.sent_end[r]
    every = mentions(ctx)
    before, after = None, None
    for s, e, text in every[bisect.bisect_left(every, (start, 0, "")):]:
        if s >= end:
            break
        if e + 1 < len(tokens) and tokens.text[e] in ("'s", "’s", "'", "’") \
                and tokens.text[e + 1][:1].isupper():
            continue  # "Ray's Taylor Hackford": that person's work
        if e <= r:
            before = text
        elif after is None and "for" in tokens.lower[max(r, s - 4):s]:
            after = text
    if before or after:
        return full_title(ctx, before or after)
    return work_named_near(ctx, r)


def split_titles(ctx, work):
    """Return [work], or its parts when it joins two titles the article names apart
    ("Iron Tide and Corkscrew" read as one title after "director of")."""
    left, sep, right = work.partition(" and ")
    if sep and is_work(ctx, left) and is_work(ctx, right):
        return [left, right]
    return [work]


def crew_facts(ctx, persons, role, works, start, end, rule_name, confidence):
    """Yield a Crew fact per person and work when tokens [start, end) are asserted."""
    tokens = ctx.tokens
    start, end = min(start, end), max(start, end)
    if not persons or not works or not asserted(ctx, start, end + 1) \
            or HEDGED.intersection(tokens.lower[start:end + 1]):
        return
    first, last = tokens.idx[start], tokens.end_char(end)
    for person in persons:
        for work in [full_title(ctx, p) for w in works for p in split_titles(ctx, w)]:
            if person != work and not is_work(ctx, person):
                yield ctx.fact(Crew(person=person, role=role, work=work), first, last,
                               rule_name, confidence)


def verb_role(ctx, v):
    """Return the role of a making verb at token v ("co-wrote" read whole), or None."""
    return MAKING.get(making_lemma(ctx.tokens, v))


def subject(ctx, v):
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
            v = tokens.head[tokens.head[v]]  # "known for / responsible for directing X"
        elif tokens.dep[v] in ("conj", "xcomp", "amod", "acomp") and tokens.head[v] != v:
            v = tokens.head[v]
        elif tokens.dep[v] == "relcl":
            return tokens.head[v]
        else:
            return None
    return None


def written_title(ctx, i, role):
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
    return [run_text(ctx, name.start)]


def run_text(ctx, start, stop=None):
    """Return the title-case run from token ``start`` ("Angels and Demons", which the
    name finder reads as two names), ending before token ``stop`` when given."""
    limit = stop - start if stop else MAX_RUN
    return ctx.tokens.span_text(start, max(capitalised_run(ctx.tokens, start, limit),
                                           start + 1))
