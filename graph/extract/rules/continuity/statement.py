"""The parts of a continuity statement: its subject work, its object works, whether
it is said, and the facts it makes.

The continuity rules (``continuity``, ``continuity_denial``) find a cue ("a spin-off
of", "shares a universe with") and read the rest here:

- ``subject_work``: X, the work the subject names: a title (before an aside: "X,
  which aired on Fox, has"), "the series" or "the show" (the work of the article or
  of its section, ``works.work_for``), "it" (opening a sentence: the article's work;
  later in one: the work that opens it);
- ``object_works``: Y, each title of the list after the cue ("with A, B and C");
- ``polarity`` and ``plain``: whether the statement is asserted, plainly negated, or
  hedged, modal, conditional or asked (which gives nothing);
- ``relation_fact`` and ``emit``: the Continuity facts relating X to each Y.
"""

from graph.extract.evidence.modality import CONDITIONS, HEDGES, MODALS, NEGATIONS, WINDOW
from graph.extract.mentions.works import is_work, title_at, title_ending, titles_from, work_for
from graph.extract.mentions.works_index import WORK_NOUNS, norm_title
from graph.extract.mentions.works_text import (
    APOSTROPHE_S,
    asserted_in_line,
    compound_at,
    compound_ending,
    is_markup,
    line_sentence,
    opens_sentence,
)
from graph.model.facts import Continuity

# Words between a work and the cue that say nothing about the relation.
SUBJECT_FILLER = frozenset({"is", "was", "are", "were", "be", "been", "became", "becomes",
                            "remains", "serves", "served", "also", "itself", "which", "that",
                            "already", "still", "officially", "technically", "effectively",
                            "set", "in", "takes", "took", "place", "exists", "existed",
                            "the", "a", "an", "has", "had", "have", "does", "did", "do",
                            "very", "much", "firmly", "entirely", "completely", "really",
                            "to"})
# "X acts as a prequel to Y": verbs whose "as" leads to the relation, not away from it.
AS_VERBS = frozenset({"acts", "act", "acted", "serves", "serve", "served", "functions",
                      "works", "worked", "doubles", "stands", "stood"})
SERIES_NOUNS = frozenset({"series", "show", "miniseries", "programme", "program", "sitcom",
                          "drama", "serial", "soap"})
# Verbs whose object is a character: "playing X in a remake of Y".
PLAY_VERBS = frozenset({"play", "portray", "voice"})
# Words before a kind of work that leads to a title: "the 2014 film X", "his series X".
KIND_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "this"})
# Nouns that stand for a work before its title: "the 1954 classic X".
ACCLAIM_NOUNS = frozenset({"classic", "hit", "blockbuster", "favourite", "favorite", "smash",
                           "original", "cult"})
# Words of these parts of speech end the describing words before a kind of work.
FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "PUNCT"})
# Hedges that may close a sentence: "X is a spin-off of Y, reportedly."
TRAILING_HEDGES = frozenset({"reportedly", "allegedly", "apparently", "supposedly", "rumoured",
                             "rumored", "possibly", "perhaps", "maybe", "unconfirmed"})


def words_at(doc, i, words):
    """Return the index after ``words`` (lower-case) read at token i, or None."""
    if i + len(words) > len(doc):
        return None
    for n, word in enumerate(words):
        if doc[i + n].lower_ != word:
            return None
    return i + len(words)


def _clause_words(ctx, start):
    """Return the lower-case words of the clause before token ``start`` (at most WINDOW)."""
    doc = ctx.doc
    sent = line_sentence(doc, start)[0]
    words = []
    for i in range(start - 1, max(sent, start - WINDOW) - 1, -1):
        if doc[i].text in (";", ":", "—", "–") or doc[i].lower_ in ("but", "although", "while"):
            break
        words.append(doc[i].lower_)
    return words


def _asked(doc, i):
    """Return True when the sentence of token i (cut at line breaks) is a question."""
    end = line_sentence(doc, i)[1]
    while end > i + 1 and doc[end - 1].is_space:
        end -= 1
    return doc[end - 1].text == "?"


def polarity(ctx, start, end):
    """Return "yes" for an asserted statement at tokens [start, end), "no" for a plainly
    negated one ("does not share"), None for a hedged, modal, conditional or asked one."""
    doc = ctx.doc
    before = set(_clause_words(ctx, start))
    inside = {t.lower_ for t in doc[start:end]}
    after = {t.lower_ for t in doc[end:line_sentence(doc, start)[1]]}
    # modality looks before the statement; a relation's words run from its subject to
    # its cue ("X could be a spin-off of") and may end on a hedge (", reportedly.").
    if (MODALS | HEDGES | CONDITIONS) & inside or TRAILING_HEDGES & after:
        return None
    if asserted_in_line(ctx, start, end):
        return "yes"
    if _asked(doc, start) or (MODALS | HEDGES | CONDITIONS) & before:
        return None
    return "no" if NEGATIONS & (before | inside) else None


def apposition_polarity(ctx, start, end):
    """Return "yes" for an apposition at tokens [start, end) ("X, a remake of Y") that
    is itself neither hedged, modal, negated nor asked, whatever the clause it hangs
    in says ("Vale will star in X, a remake of Y"); None otherwise."""
    doc = ctx.doc
    inside = {t.lower_ for t in doc[start:end]}
    after = {t.lower_ for t in doc[end:line_sentence(doc, start)[1]]}
    if (MODALS | HEDGES | CONDITIONS | NEGATIONS) & inside or TRAILING_HEDGES & after \
            or _asked(doc, start):
        return None
    return "yes"


def plain(ctx, start, end):
    """Return False when a statement with its own negation ("has nothing to do with") is
    hedged, modal, conditional, asked or negated once more."""
    doc = ctx.doc
    if _asked(doc, start):
        return False
    before = set(_clause_words(ctx, start)) | {t.lower_ for t in doc[start:end]}
    return not (MODALS & before or HEDGES & before or CONDITIONS & before or NEGATIONS & before)


def relation_fact(ctx, work, relation, other, start, end_char, rule_name, confidence):
    """Return a Continuity Fact quoting from token ``start`` to ``end_char``, or None
    for a work related to itself."""
    if not work or not other or norm_title(work) == norm_title(other):
        return None
    claim = Continuity(work=work, relation=relation, with_=other)
    return ctx.fact(claim, ctx.doc[start].idx, end_char, rule_name, confidence)


def emit(ctx, work, relation, others, start, cue_end, rule_name, confidence, negated=None,
         said_from=None):
    """Yield facts relating ``work`` to each Title in ``others``, when asserted.

    ``negated`` is the relation a plainly negated statement makes instead (None: none);
    ``said_from`` the token where an apposition starts whose own words alone say
    whether it is asserted (``apposition_polarity``).
    """
    said = polarity(ctx, start, cue_end) if said_from is None \
        else apposition_polarity(ctx, said_from, cue_end)
    if said == "no":
        relation = negated
    if said is None or relation is None:
        return
    cue = ctx.doc[cue_end - 1]
    for other in others:
        fact = relation_fact(ctx, work, relation, other.text, start,
                             max(other.end_char, cue.idx + len(cue.text)), rule_name, confidence)
        if fact:
            yield fact


def subject_work(ctx, i):
    """Return (work, start) of the subject of a cue at token i: a title, "the series",
    "it" opening a sentence, "X, the spin-off that"; (None, i) when unsaid."""
    doc = ctx.doc
    j = i
    if i > 1 and doc[i - 1].lower_ in ("its", "their") and doc[i - 2].text == ",":
        j = i - 1  # "Salt Road, its spin-off of Harbour Lights": an apposition, "its" the maker's
    while j > 0 and (doc[j - 1].lower_ in SUBJECT_FILLER or doc[j - 1].pos_ in ("ADV", "AUX")
                     or doc[j - 1].lower_ in NEGATIONS or is_markup(doc[j - 1])
                     or doc[j - 1].tag_ in ("JJ", "VBN") and doc[j - 1].is_lower
                     or doc[j - 1].lower_ in AS_VERBS
                     or doc[j - 1].lower_ == "as" and j > 1 and doc[j - 2].lower_ in AS_VERBS):
        j -= 1
    comma = j > 0 and doc[j - 1].text == ","
    if comma:
        j -= 1
    if j == 0:
        return None, i
    title = title_ending(ctx, j, strict=True)
    if title and comma and not is_work(ctx, title.text):
        # "Gotham, which aired on Fox, has": the subject stands before the aside.
        m = j - 1
        while m > 0 and j - m < 15 and doc[m].text != "," and not opens_sentence(doc, m):
            m -= 1
        before = title_ending(ctx, m, strict=True) if doc[m].text == "," else None
        if before and is_work(ctx, before.text):
            title = before
    if title and title.start > 0 and doc[title.start - 1].lemma_.lower() in PLAY_VERBS:
        return None, i  # "playing Willy Wonka in a remake of": a character, not a work
    if title:
        return title.text, title.start
    word, k = compound_ending(doc, j)
    if word in SERIES_NOUNS | {"spin-off", "spinoff", "reboot", "revival"} and k > 0:
        while k > 0 and j - k < 5 and doc[k - 1].lower_ not in ("the", "this", ","):
            k -= 1
        if k > 1 and doc[k - 1].lower_ == "the" and doc[k - 2].text == ",":
            head = title_ending(ctx, k - 2)  # "Angel, the spin-off that ..."
            if head:
                return head.text, head.start
        if doc[k - 1].lower_ in ("the", "this") and word in SERIES_NOUNS:
            return work_for(ctx, i), k - 1
    if doc[j - 1].lower_ == "it" and opens_sentence(doc, j - 1):
        return work_for(ctx, i), j - 1
    if doc[j - 1].lower_ == "it":
        return _sentence_topic(ctx, j - 1)  # "X started on CBS, but it crossed over"
    if doc[j - 1].lower_ == "as":
        return _sentence_topic(ctx, j - 1)
    return None, i


def _sentence_topic(ctx, i):
    """Return (work, start) of the known work opening the sentence of token i:
    "Angel premiered on The WB in 1999 as a spin-off of ..."."""
    doc = ctx.doc
    k = i
    while k > 0 and not opens_sentence(doc, k):
        k -= 1
    title = title_at(ctx, k)
    if title and is_work(ctx, title.text) and title.end <= i:
        return title.text, title.start
    return None, i


def _owner_word(doc, k, j):
    """Return True for a capitalised word or its "'s" owning the kind of work after it,
    right after the determiner: "the BBC drama X", "the BBC's drama X"."""
    if doc[k].text in APOSTROPHE_S:
        return k == j + 1 and doc[j].text[:1].isupper()
    return k == j and doc[k].text[:1].isupper() and k + 1 < len(doc) and (
        doc[k + 1].is_lower or doc[k + 1].text in APOSTROPHE_S)


def _past_kind(doc, i):
    """Return where the title starts after a cue ending at token i, past "the" and a
    kind of work before the title ("the 2014 film X", "his earlier series X", "its hit
    drama X", "the BBC drama X", "the 1954 classic X"); i itself when no title follows
    such a kind."""
    j = i + 1 if i < len(doc) and doc[i].lower_ in KIND_DETERMINERS else i
    k = j
    while k < len(doc) and k - j < 4 and compound_at(doc, k)[0] not in WORK_NOUNS and (
            doc[k].like_num or doc[k].is_lower and not doc[k].is_punct
            and doc[k].pos_ not in FUNCTION_POS or _owner_word(doc, k, j)):
        k += 1
    word, after = compound_at(doc, k) if k < len(doc) else ("", k)
    if word in WORK_NOUNS and after < len(doc) and doc[after].text[:1].isupper():
        return after
    if k > j and doc[k - 1].lower_ in ACCLAIM_NOUNS and doc[k].text[:1].isupper():
        return k  # "the 1954 classic X", "its hit X"
    return i + 1 if i < len(doc) and doc[i].text == "the" else i


def object_works(ctx, i):
    """Return the Titles of the works after a cue ending at token i; "the show's
    universe", "the parent series" name the article's work."""
    doc = ctx.doc
    found = titles_from(ctx, _past_kind(doc, i), quoted=True)
    if found and found[0].end + 1 < len(doc) and doc[found[0].end].text in APOSTROPHE_S:
        # "a remake of Ann Marsh's classic X": the name owns the work that follows
        k = found[0].end + 1
        while k < len(doc) and k - found[0].end < 4 and doc[k].is_lower:
            k += 1
        found = titles_from(ctx, k, quoted=True) if k > found[0].end + 1 else []
    if found and found[-1].end < len(doc) and compound_at(doc, found[-1].end)[0] in WORK_NOUNS \
            and not is_work(ctx, found[-1].text):
        return []  # "the Netflix show": a company's name before a noun, not a title
    if found:
        return found
    j = i + 1 if i < len(doc) and doc[i].lower_ == "the" else i
    while j < len(doc) and j - i < 3 and doc[j].lower_ in ("parent", "original", "main", "same"):
        j += 1
    word, after = compound_at(doc, j) if j < len(doc) else ("", j)
    if j > i and word in SERIES_NOUNS:
        work = work_for(ctx, i)
        if work:
            last = doc[after - 1]
            return [Other(work, last.idx + len(last.text))]
    return []


class Other:
    """A work named by a phrase rather than a title ("the parent series")."""

    def __init__(self, text, end_char):
        self.text, self.end_char = text, end_char
