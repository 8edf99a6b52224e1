"""The works around a spin-off, sequel, prequel or remake cue: which work derives
(X) from which (Y).

- "X is a spin-off of Y", "X, a sequel to Y", "a spin-off of Y, titled X", "the
  sequel to Y, X, opens";
- "the Y spin-off X", "Y's prequel X" (Y a work, or a name the article shows as no
  person or company), "X, the Y prequel";
- "its sequel, X", "the spin-off X": Y is the work "its" means (``works.work_for``);
- "the horror prequel Y: Dawn": a subtitle names the parent first;
- "X, the spin-off": Y the article's work, when the sentence names no other.

An apposition is said whatever the clause around it hedges: "Vale will star in X, a
remake of Y" asserts the remake.
"""

from graph.extract.mentions import coref, kinds
from graph.extract.mentions.works import is_work, title_at, title_ending, title_of_name, work_for
from graph.extract.mentions.works_index import WORK_NOUNS, norm_title
from graph.extract.mentions.works_text import APOSTROPHE_S, QUOTES, compound_at, line_sentence
from graph.extract.rules.continuity.statement import Other, emit, object_works, subject_work

# Participles that give a new work its title: "a spin-off of Y, titled X".
NAMING_WORDS = frozenset({"titled", "entitled", "called", "named", "dubbed"})
# What a name before "spin-off X" may be instead of the parent work.
NOT_WORK_KINDS = frozenset({"performer", "maker", "thing"})
MAKERS_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})


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
    people = coref.known_actors(ctx) | coref.known_crew(ctx)
    for span in ctx.names:
        if span.text == parent.text and (span.text in people or span.labels & MAKERS_LABELS
                                         or kinds.kind_of(ctx, span) in NOT_WORK_KINDS):
            return False  # a person's film, a company's ("the Netflix spin-off X")
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
            named = _named_after(ctx, others[-1])
            if named:  # "A spin-off of Y, titled X, was announced"
                yield from emit(ctx, named.text, relation, others, i, named.end, rule_name, 0.8)
                return
        yield from emit(ctx, work, relation, others, min(start, i), after, rule_name, 0.85)
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
    if child and ":" in child.text and relation != "separate_continuity":
        # "the horror prequel Lantern Street: Dawn": a subtitle names the parent first
        parent = child.text.split(":")[0].strip()
        yield from emit(ctx, child.text, relation, [Other(parent, child.end_char)], i, child.end,
                        rule_name, 0.6)
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
