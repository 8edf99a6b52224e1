"""Who did what to whom, without a parser: the subject before an event word, the
object after it, the agent of a passive, and whether the event is told as
happening (modality, tense, infinitives).

Word order inside the clause and part-of-speech tags stand in for syntax:

- the subject of a verb is the nearest name before it that is not an object (a
  name after a verb or a preposition), a possessor ("Renly's camp") or an actor in
  parentheses; a pronoun subject is resolved (``graph.extract.coref``); "X, who
  kills" gives X; a common noun just before the verb ("Walder's men murder")
  means the subject is no name;
- the object is the name or pronoun just after the verb, or the name in apposition
  after a description ("her tormenter, Kilgrave"), and the names listed with it;
- the agent of a passive follows "by" in the clause ("is killed in the tournament
  by Gregor"), or "at the hands of".
"""

from graph.extract import coref
from graph.extract.event_words import (
    EXTRA_HEDGES,
    FUTURE,
    IMPLICATIVE,
    PAST_GERUND_VERBS,
    TIME_CLAUSE,
)
from graph.extract.modality import NEGATIONS, asserted

APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
RELATIVES = frozenset({"who", "which", "that"})
COORDINATORS = frozenset({"and", "but", "then", "&", ",", "also", "or", "yet", "so"})
CLAUSE_END = frozenset({";", ":", "—", "–", ".", "!", "?"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "himself", "herself"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
POSSESSIVES = frozenset({"his", "her", "their"})
# Where the clause of a verb starts, looking back for names an object cannot be.
OBJECT_CLAUSE_MARKS = COORDINATORS | CLAUSE_END | RELATIVES
WORK_SCAN = 8
BY_SCAN = 8
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Words tagged IN that open a clause rather than a prepositional phrase.
SUBORDINATORS = coref.SUBORDINATORS
# "after murdering Y", "for killing Y": the gerund's subject is the clause's.
GERUND_OPENERS = SUBORDINATORS | {"for", "upon", "by"}


def is_verb(token):
    """Return True for a verb or auxiliary token."""
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def _skip_parenthesis_back(doc, j, floor):
    """Return the index before the "(" that closes at j, or j when j is no ")"."""
    if doc[j].text != ")":
        return j
    k = j - 1
    while k > floor and doc[k].text != "(":
        k -= 1
    return k - 1


def subject_before(ctx, index, exclude=()):
    """Return the name span of the subject of the verb at ``index``, or None when
    the subject is no name (or none is found in the sentence)."""
    doc = ctx.doc
    floor = doc[index].sent.start
    j = index - 1
    crossed = doc[index].tag_ == "VBG" and j >= floor and doc[j].lower_ in GERUND_OPENERS
    while j >= floor:
        j = _skip_parenthesis_back(doc, j, floor)
        if j < floor:
            return None
        token = doc[j]
        span = coref.name_ending(ctx, j + 1)
        if span is not None:
            owner = span.end < len(doc) and doc[span.end].text in APOSTROPHE_S
            before = coref.word_before(doc, span.start)
            after_verb_or_prep = before is not None and (
                is_verb(before) or before.tag_ in ("IN", "TO")
                and before.lower_ not in SUBORDINATORS or before.lower_ in coref.INDEFINITE)
            modifier = span.end < index and doc[span.end].pos_ == "NOUN" \
                and doc[span.end].is_lower  # "a Lannister loyalist"
            owned = before is not None and before.text in APOSTROPHE_S  # "the King's Hand"
            if coref.in_parentheses(doc, span) or owner or after_verb_or_prep or modifier \
                    or owned or span.text in exclude:
                j = span.start - 1
                continue
            return span
        word = token.lower_
        if word == "," and not crossed and _only_adverbs(doc, j + 1, index):
            # "Jon Arryn, the King's Hand, dies": the name before the appositive
            k = j - 1
            while k > floor and k > j - coref.APPOSITIVE and doc[k].text != ",":
                k -= 1
            named = coref.name_ending(ctx, _skip_parenthesis_back(doc, k - 1, floor) + 1)
            if doc[k].text == "," and named is not None and named.text not in exclude:
                return named
        if word in SUBJECT_PRONOUNS and token.tag_ == "PRP":
            return coref.resolve_pronoun(ctx, j)
        if word in RELATIVES and token.tag_ in ("WP", "WDT"):
            k = j - 1
            if k >= floor and doc[k].text == ",":
                k -= 1
            k = _skip_parenthesis_back(doc, k, floor) if k >= floor else k
            return coref.name_ending(ctx, k + 1) if k >= floor else None
        if word in CLAUSE_END:
            return None
        if word in COORDINATORS:
            crossed = True
        elif token.pos_ in ("NOUN", "PRON") and not crossed and token.lower_ not in (
                "one", "both", "all", "each"):
            return None
        elif is_verb(token) and token.pos_ != "AUX":
            crossed = True
        j -= 1
    return None


def subjects_before(ctx, index):
    """Return the subject names of the verb at ``index``: the subject and the names
    or pronouns joined to it by "and" ("until he and Toshiko Sato both die")."""
    first = subject_before(ctx, index)
    if first is None:
        return []
    doc = ctx.doc
    found = [first]
    floor = doc[index].sent.start
    j = first.start - 1 if floor <= first.start < index else floor - 1
    while j - 1 >= floor and doc[j].lower_ == "and":
        k = _skip_parenthesis_back(doc, j - 1, floor)
        if k < floor:
            break
        other = coref.name_ending(ctx, k + 1)
        if other is not None:
            j = other.start - 1
        elif doc[k].lower_ in SUBJECT_PRONOUNS:
            other = coref.resolve_pronoun(ctx, k)
            j = k - 1
        if other is None or coref.in_parentheses(doc, other):
            break
        found.append(other)
    return found


def _only_adverbs(doc, start, end):
    return all(t.pos_ in ("ADV", "AUX", "PART") for t in doc[start:end])


def objects_after(ctx, index, agent=None):
    """Return (spans, last token index) of the object names after the verb at
    ``index``: a name, a resolved pronoun, an apposition ("her tormenter,
    Kilgrave"), and the names listed after the first ("Catelyn, Talisa and ...")."""
    doc = ctx.doc
    end = doc[index].sent.end
    i = index + 1
    while i < end and (doc[i].pos_ in ("ADV", "PART") or doc[i].lower_ in ("off", "up")):
        i += 1
    if i >= end:
        return [], index
    exclude = {agent.text} if agent is not None else set()
    floor = doc[index].sent.start
    k = index - 1
    while k >= floor and doc[k].lower_ not in OBJECT_CLAUSE_MARKS:
        span = coref.name_ending(ctx, k + 1)
        if span is not None and doc[span.end].text not in APOSTROPHE_S:
            exclude.add(span.text)  # "Wolfram & Hart raised her": her is neither
            k = span.start
            if k > floor and doc[k - 1].text == "&":
                k -= 1
        k -= 1
    if doc[i].lower_ in OBJECT_PRONOUNS and doc[i].tag_ == "PRP":
        span = coref.resolve_pronoun(ctx, i, exclude)
        return ([span], i) if span is not None else ([], i)
    span = coref.name_starting(ctx, i)
    if span is None and doc[i].lower_ in ("the", "a", "an") or doc[i].lower_ in POSSESSIVES:
        # "her tormenter, Kilgrave": a short description, a comma, a name
        k = i + 1
        while k < end and k - i <= 3 and doc[k].pos_ in ("ADJ", "NOUN") \
                and not doc[k].text[:1].isupper():
            k += 1
        if k < end and k > i + 1 and doc[k].text == ",":
            span = coref.name_starting(ctx, k + 1)
    if span is None or span.end < len(doc) and doc[span.end].text in APOSTROPHE_S:
        return [], index  # "killing Sansa's dire-wolf": the possessor is not the object
    spans = [span]
    last = span.end
    while last + 1 < end:
        if doc[last].text == "(":  # "Yoren (Francis Magee)": skip the actor
            last = coref.after_parenthesis(doc, last)
            continue
        if doc[last].text not in (",", "and") and doc[last].lower_ != "and":
            break
        nxt = last + 1
        if doc[nxt].lower_ == "and":
            nxt += 1
        more = coref.name_starting(ctx, nxt)
        if more is None or more.end < len(doc) and doc[more.end].text in APOSTROPHE_S:
            break
        spans.append(more)
        last = more.end
    return spans, last - 1


def agent_after(ctx, index):
    """Return the name span after "by" (or "at the hands of") in the clause after
    a passive verb at ``index``, or None. "by Jon's dire-wolf, Ghost" gives Ghost;
    "by Jon's dire-wolf" alone gives None (the owner is not the agent)."""
    doc = ctx.doc
    end = min(doc[index].sent.end, index + BY_SCAN)
    i = index + 1
    while i < end:
        word = doc[i].lower_
        if word in CLAUSE_END or word in ("and", "but", "while", "who", ","):
            return None
        hands = word == "hands" and i + 1 < end and doc[i + 1].lower_ == "of"
        if word == "by" or hands:
            k = i + 2 if hands else i + 1
            if k < len(doc) and doc[k].lower_ == "the" and coref.name_starting(ctx, k) is None:
                k += 1
            span = coref.name_starting(ctx, k)
            if span is None:
                return None
            if span.end < len(doc) and doc[span.end].text in APOSTROPHE_S:
                m = span.end + 1
                while m < len(doc) and m - span.end < 6 and doc[m].text != ",":
                    m += 1
                after = coref.name_starting(ctx, m + 1) if m < len(doc) else None
                if after is None or after.end < len(doc) and doc[after.end].lower_ == "and":
                    return None  # "by X's assassin, Catelyn and Brienne, who...": no agent
                return after
            return None if coref.in_parentheses(doc, span) else span
        i += 1
    return None


def work_near(ctx, index):
    """Return a work named by "in <Work>" within a few tokens after ``index``."""
    doc = ctx.doc
    end = min(doc[index].sent.end, index + WORK_SCAN)
    i = index
    while i < end:
        if doc[i].text == "(":
            i = coref.after_parenthesis(doc, i)
            continue
        if doc[i].lower_ in CLAUSE_END or doc[i].text == ",":
            return None
        if doc[i].lower_ == "in":
            span = coref.name_starting(ctx, i + 1)
            if span is not None and (span.text in ctx.works or span.text.startswith("The ")):
                return span.text
        i += 1
    return None


def negated_before(ctx, start, index):
    """Return True when a negation stands between token ``start`` and ``index``."""
    return any(t.lower_ in NEGATIONS for t in ctx.doc[start:index])


def _infinitive(doc, index, floor):
    """Return True for a verb told as an infinitive that may not have happened
    ("wants to kill", "to kill him"), False after "manages to", "proceeds to"."""
    j = index - 1
    while j >= floor and doc[j].pos_ == "ADV":
        j -= 1
    if j - 2 >= floor and doc[j].lower_ in ("and", "or") and doc[j - 1].tag_ == "VB":
        j -= 2  # "to find and kill"
    if j < floor or doc[j].lower_ != "to" or doc[j].tag_ != "TO":
        return False
    k = j - 1
    while k >= floor and doc[k].pos_ in ("ADV", "PART"):
        k -= 1
    return not (k >= floor and doc[k].lemma_.lower() in IMPLICATIVE)


def happens(ctx, start, end, future_ok=False):
    """Return True when the event at tokens [start, end) is told as happening:
    asserted (``graph.extract.modality``), not an infinitive of intent, not in
    a clause of orders, claims or plans, and (unless ``future_ok``) not future."""
    doc = ctx.doc
    if not asserted(ctx, start, end):
        return False
    floor = doc[start].sent.start
    if _infinitive(doc, start, floor):
        return False
    clause = start - 1
    while clause > floor and doc[clause].lower_ not in (";", "—", "but", "while", "."):
        clause -= 1
    window = [t.lower_ for t in doc[max(clause, start - 8):start]]
    if EXTRA_HEDGES & set(window):
        return False
    if start > floor and doc[start - 1].lower_ == "of" and doc[start].tag_ == "VBG":
        return False  # "accused of killing", "the idea of killing"
    if future_ok:
        return True
    near = start - 1
    while near > floor and doc[near].lower_ not in SUBORDINATORS | CLAUSE_END | {","}:
        near -= 1
    if FUTURE & {t.lower_ for t in doc[near:start]}:
        return False  # "she will be the one who kills Jon", not "how it would play out, since"
    sentence = {t.lower_ for t in doc[floor:doc[start].sent.end]}
    return not (TIME_CLAUSE & set(window) and FUTURE & sentence)


YEARS = ("18", "19", "20")
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                    "august", "september", "october", "november", "december"})


def dated(ctx, index):
    """Return True when a calendar date stands just after a verb ("died in April
    2011", "born in 1975"): an event of the real world, not of the story."""
    doc = ctx.doc
    for token in doc[index + 1:min(doc[index].sent.end, index + 6)]:
        if token.text in (";", ".") or token.text == "," and token.i > index + 1:
            break
        year = len(token.text) == 4 and token.text.isdigit() and token.text[:2] in YEARS
        if year or token.lower_ in MONTHS and token.text[:1].isupper():
            return True
    return False


def narrated_in_present(ctx):
    """Return True when the article tells its story in the present tense (a
    synopsis): most finite verbs are present. Computed once per article."""
    cached = ctx.memo.get("present")
    if cached is None:
        present = past = 0
        for token in ctx.doc:
            if token.tag_ in PRESENT_TAGS:
                present += 1
            elif token.tag_ == "VBD":
                past += 1
        cached = present + past >= 20 and present >= 0.65 * (present + past)
        ctx.memo["present"] = cached
    return cached


def told_in_past(ctx, index):
    """Return True when the verb at ``index`` is past or perfect ("killed", "was
    killed", "has been executed", "had killed")."""
    doc = ctx.doc
    token = doc[index]
    floor = token.sent.start
    if token.tag_ == "VBD":
        return True
    if token.tag_ == "VBG":
        # "berates Jaime for killing Y", "admits to killing Y": an act already done
        j = index - 1
        while j >= floor and (doc[j].tag_ in ("VBG", "CC") or doc[j].lower_ == "to"):
            j -= 1
        if j >= floor and doc[j].lower_ == "for":
            return True
        return any(doc[k].lemma_.lower() in PAST_GERUND_VERBS
                   for k in range(max(floor, index - 3), index))
    if token.tag_ != "VBN":
        return False
    j = index - 1
    while j >= floor and j >= index - 4:
        word = doc[j].lower_
        if word in ("is", "are", "gets", "get", "being", "be"):
            return False
        if word in ("was", "were", "had", "has", "have", "been", "got"):
            return True
        j -= 1
    return True  # "was killed", "has been executed", or a past tense tagged VBN
