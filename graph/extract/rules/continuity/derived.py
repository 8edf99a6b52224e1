"""The works around a spin-off, sequel, prequel or remake cue: which work derives
(X) from which (Y).

- "X is a spin-off of Y", "X, a sequel to Y", "a spin-off of Y, titled X", "the
  sequel to Y, X, opens";
- "the Y spin-off X", "Y's prequel X" (Y a work, or a name the article shows as no
  person or company), "X, the Y prequel";
- "its sequel, X", "the spin-off X": Y is the work "its" means (``works.work_for``);
- "Y spawned a spin-off, X", "it got a sequel, X": Y the subject of the verb;
- "the horror prequel Y: Dawn": a subtitle names the parent first;
- "X, the spin-off": Y the article's work, when the sentence names no other.

An apposition is said whatever the clause around it hedges: "Vale will star in X, a
remake of Y" asserts the remake.
"""

from graph.extract.mentions import kinds, known_people
from graph.extract.mentions.works import is_work, title_at, title_ending, title_of_name, work_for
from graph.extract.mentions.works_index import WORK_NOUNS, norm_title
from graph.extract.mentions.works_text import APOSTROPHE_S, QUOTES, compound_at, line_sentence
from graph.extract.rules.continuity.statement import Other, emit, object_works, subject_work

# Participles that give a new work its title: "a spin-off of Y, titled X".
NAMING_WORDS = frozenset({"titled", "entitled", "called", "named", "dubbed"})
# What NER calls a name before "spin-off X" that is a company or place, not a work.
MAKERS_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
# Verbs whose object is a work the subject begot: "Y spawned a spin-off, X".
SPAWN_VERBS = frozenset({"spawn", "launch", "produce", "inspire", "generate", "get",
                         "receive", "earn", "beget"})
# What closes an apposition "its sequel, X".
CLOSING = frozenset({",", ".", "(", ";", "—", "–"})
# Verbs whose subject makes or stars in a work: "the sequel Ann Marsh directed".
MAKING_VERBS = frozenset({"direct", "write", "produce", "star", "play", "make", "film",
                          "shoot", "create", "co-write", "helm", "pen", "develop", "turn"})
# "its sequel X", "the spin-off X": the parent is the work these mean.
OWN_DETERMINERS = frozenset({"its", "the"})


def _apposed_after(ctx, title, i):
    """Return the Title set off by commas after ``title`` when the cue at token ``i``
    opens a noun phrase of its own ("The long-awaited sequel to Y, X, opens"), or
    None."""
    doc = ctx.doc
    j = title.end if hasattr(title, "end") else None
    if j is None or j + 1 >= len(doc) or doc[j].text != ",":
        return None
    k = i - 1
    while k >= 0 and (doc[k].is_lower and doc[k].pos_ in ("ADJ", "ADV") or doc[k].tag_ in (
            "VBN", "VBG", "HYPH") or doc[k].text == "-"):
        k -= 1  # "the long-awaited sequel"
    if k < 0 or doc[k].lower_ not in ("the",):
        return None
    named = title_at(ctx, j + 1)
    if named is None or named.end >= len(doc) or doc[named.end].text != ",":
        return None
    return named


def _spawned(ctx, i, after, child, relation, rule_name):
    """Yield the fact of "Y spawned a spin-off, X" and "it got a sequel, X": the cue
    is the object of a verb of begetting, whose subject is the parent (a work the
    article knows: people launch spin-offs too)."""
    doc = ctx.doc
    head = doc[after - 1]
    while head.dep_ in ("compound", "amod") and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in SPAWN_VERBS:
        return
    parent, start = subject_work(ctx, verb.i)
    if parent and is_work(ctx, parent) and _may_be_work(ctx, child.text, by_ner=False):
        yield from emit(ctx, child.text, relation, [Other(parent, child.end_char)], start,
                        child.end, rule_name, 0.6)


def _relative_subject(doc, end):
    """Return True when the name ending at token ``end`` opens a relative clause with
    no "that" ("the sequel Orrin Vale directed was a flop"): a verb of making after
    it, or a verb followed at once by the main clause's verb."""
    if end + 1 >= len(doc) or doc[end].pos_ != "VERB":
        return False
    return doc[end].lemma_.lower() in MAKING_VERBS or doc[end + 1].pos_ in ("AUX", "VERB")


def _apposition(doc, start, i):
    """Return True when the cue at token ``i`` opens an apposition to the subject
    starting at token ``start``: "X, a remake of Y"."""
    return start < i - 1 and doc[i - 1].lower_ in ("a", "an", "the") \
        and doc[i - 2].text == ","


def _named_after(ctx, title):
    """Return the Title a naming participle gives after ``title`` ("Y, titled X", "Y,
    called X"), or None."""
    doc = ctx.doc
    j = title.end if hasattr(title, "end") else None
    if j is None or j + 2 >= len(doc) or doc[j].text != ",":
        return None
    if doc[j + 1].lower_ not in NAMING_WORDS:
        return None
    k = j + 2
    return title_at(ctx, k, quoted=True) or (title_at(ctx, k + 1, quoted=True)
                                             if doc[k].text in QUOTES else None)


def _titled_parent(ctx, parent, i, after):
    """Return True when a name the article does not yet know as a work is the parent
    of a titled work: "Harbour Lights' prequel Salt Roads", "the Harbour Lights
    spin-off Salt Roads" (a title right after the cue), and the article shows the
    name as no person ("director Ann Marsh's sequel X" is her film)."""
    if after >= len(ctx.doc) or title_at(ctx, after) is None:
        return False
    if parent.end < i - 1 or parent.end == i - 1 and ctx.doc[i - 1].text not in APOSTROPHE_S:
        return False  # words stand between the name and the cue
    return _may_be_work(ctx, parent.text)


def _may_be_work(ctx, text, by_ner=True):
    """Return False when the article shows a name as a person or a company: a known
    actor or crew, a performer or maker by the words around it, an organisation by
    NER ("the Netflix spin-off X"; only ``by_ner``: a title right after "the
    spin-off" is a work whatever NER calls it)."""
    people = known_people.known_actors(ctx) | known_people.known_crew(ctx)
    for span in ctx.names:
        if span.text != text:
            continue
        if span.text in people or kinds.kind_of(ctx, span) in ("performer", "maker"):
            return False
        if by_ner and (span.labels & MAKERS_LABELS or kinds.kind_of(ctx, span) == "thing"):
            return False
    return True


def derived(ctx, i, after, relation, rule_name):
    """Yield the facts of a spin-off, sequel or prequel cue at tokens [i, after):
    "X is a spin-off of Y", "the Y spin-off X", "X, the Y prequel", "X is a Y sequel",
    "X, a prequel film" (to the article's work when the sentence names no other)."""
    doc = ctx.doc
    if after < len(doc) and compound_at(doc, after)[0] in WORK_NOUNS:
        after = compound_at(doc, after)[1]  # "a prequel film to"
    if after < len(doc) and doc[after].lower_ in ("of", "from", "to"):
        work, start = subject_work(ctx, i)
        others = object_works(ctx, after + 1)
        if work is None and others:
            named = _named_after(ctx, others[-1]) or _apposed_after(ctx, others[-1], i)
            if named:  # "A spin-off of Y, titled X, was announced", "the sequel to Y, X,"
                yield from emit(ctx, named.text, relation, others, i, named.end, rule_name, 0.8)
                return
        # "Vale will star in X, a remake of Y": the apposition is said whatever the
        # clause around it hedges
        said = i - 1 if _apposition(doc, start, i) else None
        yield from emit(ctx, work, relation, others, min(start, i), after, rule_name, 0.85,
                        said_from=said)
        return
    parent = title_ending(ctx, i - 1 if doc[i - 1].text in APOSTROPHE_S else i)
    if parent and (is_work(ctx, parent.text) or _titled_parent(ctx, parent, i, after)):
        child = title_at(ctx, after + 1 if after < len(doc) and doc[after].text == "," else after)
        det = parent.start - 1 if parent.start > 0 and doc[parent.start - 1].lower_ in (
            "a", "an", "the") else parent.start
        if child is None and det > 1 and doc[det - 1].text == ",":
            child = title_ending(ctx, det - 1)
            start = child.start if child else det
        elif child is None:
            work, start = subject_work(ctx, det)
            child = Other(work, 0) if work else None
        else:
            start = parent.start
        if child:
            yield from emit(ctx, child.text, relation, [parent], min(start, i), after,
                            rule_name, 0.8)
        return
    child = title_at(ctx, after) if after < len(doc) else None
    if child is None and after + 1 < len(doc) and doc[after].text == ",":
        child = title_at(ctx, after + 1)  # "its sequel, X," closed as an apposition
        if child and child.end < len(doc) and doc[child.end].text not in CLOSING:
            child = None  # "the sequel, Orrin Vale said, was": an aside
    if child and ":" in child.text and relation != "separate_continuity":
        # "the horror prequel Lantern Street: Dawn": a subtitle names the parent first
        parent = child.text.split(":")[0].strip()
        yield from emit(ctx, child.text, relation, [Other(parent, child.end_char)], i, child.end,
                        rule_name, 0.6)
        return
    if child and i > 0 and doc[i - 1].lower_ in OWN_DETERMINERS \
            and compound_at(doc, i)[0] != "follow-up":  # "its follow-up, X": often an album
        # "its sequel, X", "the spin-off X": of the work "its" and "the" mean
        parent = work_for(ctx, i)
        if _relative_subject(doc, child.end):
            return  # "the sequel Orrin Vale directed": the name is no title
        if parent and _may_be_work(ctx, child.text, by_ner=False):
            yield from emit(ctx, child.text, relation, [Other(parent, child.end_char)], i - 1,
                            child.end, rule_name, 0.6)
        return
    if child and i > 1 and doc[i - 1].lower_ in ("a", "an") and doc[i - 2].text != ",":
        yield from _spawned(ctx, i, after, child, relation, rule_name)
        return
    if i > 1 and doc[i - 1].lower_ in ("a", "an", "the") and doc[i - 2].text == ",":
        child = title_ending(ctx, i - 2)
        parent = work_for(ctx, i)
        if child is None or parent is None:
            return
        named = other_works(ctx, line_sentence(doc, i), child.text)
        if all(norm_title(t.text) == norm_title(parent) for t in named):
            last = doc[after - 1]
            yield from emit(ctx, child.text, relation,
                            [Other(parent, last.idx + len(last.text))], child.start, after,
                            rule_name, 0.6)


def other_works(ctx, sent, work):
    """Return the Titles of known works named in tokens [start, end), ``work`` left out."""
    found = []
    for name in ctx.names:
        if name.start >= sent[1]:
            break
        if name.start >= sent[0]:
            title = title_of_name(ctx, name)
            if title and is_work(ctx, title.text) and norm_title(title.text) != norm_title(work):
                found.append(title)
    return found
