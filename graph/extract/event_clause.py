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

A pronoun stands for the name it resolves to, but where the pronoun stands
(``pronoun_span``): the evidence of "she dies" is "she dies", never a name sentences
before it.
"""

from dataclasses import replace

from graph.extract import coref, works
from graph.extract.event_words import (
    EXTRA_HEDGES,
    FUTURE,
    IMPLICATIVE,
    PAST_GERUND_VERBS,
    TIME_CLAUSE,
)
from graph.extract.modality import NEGATIONS, asserted
from graph.extract.works_index import is_universe
from graph.extract.works_text import is_markup

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
# Where the clause before an event starts: looking for orders, claims or plans
# (``HEDGE_CLAUSE_MARKS``), or for a future ("will", "would").
HEDGE_CLAUSE_MARKS = frozenset({";", "—", "but", "while", "."})
FUTURE_CLAUSE_MARKS = SUBORDINATORS | CLAUSE_END | {","}


def is_verb(tokens, i):
    """Return True for a verb or auxiliary at token ``i``."""
    return coref.is_verb_tag(tokens.tag[i])


def pronoun_span(ctx, index, exclude=()):
    """Return the name the pronoun at ``index`` stands for, as a span with the
    name's text and the pronoun's place, or None (no pronoun, or no name found).
    Names whose text is in ``exclude`` are left out."""
    named = coref.resolve_pronoun(ctx, index, exclude)
    if named is None:
        return None
    tokens = ctx.tokens
    return replace(named, start=index, end=index + 1, start_char=tokens.idx[index],
                   end_char=tokens.end_char(index))


def _skip_parenthesis_back(tokens, j, floor):
    """Return the index before the "(" that closes at j, or j when j is no ")"."""
    text = tokens.text
    if text[j] != ")":
        return j
    k = j - 1
    while k > floor and text[k] != "(":
        k -= 1
    return k - 1


def subject_before(ctx, index, exclude=()):
    """Return the name span of the subject of the verb at ``index``, or None when
    the subject is no name (or none is found in the sentence)."""
    tokens = ctx.tokens
    text, lower, tag, pos = tokens.text, tokens.lower, tokens.tag, tokens.pos
    floor = tokens.sent_start[index]
    j = index - 1
    crossed = tag[index] == "VBG" and j >= floor and lower[j] in GERUND_OPENERS
    while j >= floor:
        j = _skip_parenthesis_back(tokens, j, floor)
        if j < floor:
            return None
        span = coref.name_ending(ctx, j + 1)
        if span is not None:
            owner = span.end < len(tokens) and text[span.end] in APOSTROPHE_S
            before = coref.word_before(tokens, span.start)
            after_verb_or_prep = before is not None and (
                is_verb(tokens, before) or tag[before] in ("IN", "TO")
                and lower[before] not in SUBORDINATORS or lower[before] in coref.INDEFINITE)
            modifier = span.end < index and pos[span.end] == "NOUN" \
                and tokens.is_lower[span.end]  # "a Lannister loyalist"
            owned = before is not None and text[before] in APOSTROPHE_S  # "the King's Hand"
            if coref.in_parentheses(tokens, span) or owner or after_verb_or_prep or modifier \
                    or owned or span.text in exclude:
                j = span.start - 1
                continue
            return span
        word = lower[j]
        if word == "," and not crossed and _only_adverbs(tokens, j + 1, index):
            # "Jon Arryn, the King's Hand, dies": the name before the appositive
            k = j - 1
            while k > floor and k > j - coref.APPOSITIVE and text[k] != ",":
                k -= 1
            named = coref.name_ending(ctx, _skip_parenthesis_back(tokens, k - 1, floor) + 1)
            if text[k] == "," and named is not None and named.text not in exclude:
                return named
        if word in SUBJECT_PRONOUNS and tag[j] == "PRP":
            return pronoun_span(ctx, j)
        if word in RELATIVES and tag[j] in ("WP", "WDT"):
            k = j - 1
            if k >= floor and text[k] == ",":
                k -= 1
            k = _skip_parenthesis_back(tokens, k, floor) if k >= floor else k
            return coref.name_ending(ctx, k + 1) if k >= floor else None
        if word in CLAUSE_END:
            return None
        if word in COORDINATORS:
            crossed = True
        elif pos[j] in ("NOUN", "PRON") and not crossed and word not in (
                "one", "both", "all", "each"):
            return None
        elif is_verb(tokens, j) and pos[j] != "AUX":
            crossed = True
        j -= 1
    return None


def subjects_before(ctx, index):
    """Return the subject names of the verb at ``index``: the subject and the names
    or pronouns joined to it by "and" ("until he and Toshiko Sato both die")."""
    first = subject_before(ctx, index)
    if first is None:
        return []
    tokens = ctx.tokens
    found = [first]
    floor = tokens.sent_start[index]
    j = first.start - 1 if floor <= first.start < index else floor - 1
    while j - 1 >= floor and tokens.lower[j] == "and":
        k = _skip_parenthesis_back(tokens, j - 1, floor)
        if k < floor:
            break
        other = coref.name_ending(ctx, k + 1)
        if other is not None:
            j = other.start - 1
        elif tokens.lower[k] in SUBJECT_PRONOUNS:
            other = pronoun_span(ctx, k)
            j = k - 1
        if other is None or coref.in_parentheses(tokens, other):
            break
        found.append(other)
    return found


def _only_adverbs(tokens, start, end):
    return all(pos in ("ADV", "AUX", "PART") for pos in tokens.pos[start:end])


def objects_after(ctx, index, agent=None):
    """Return (spans, last token index) of the object names after the verb at
    ``index``: a name, a resolved pronoun, an apposition ("her tormenter,
    Kilgrave"), and the names listed after the first ("Catelyn, Talisa and ...")."""
    tokens = ctx.tokens
    text, lower, pos = tokens.text, tokens.lower, tokens.pos
    n = len(tokens)
    end = tokens.sent_end[index]
    i = index + 1
    while i < end and (pos[i] in ("ADV", "PART") or lower[i] in ("off", "up")):
        i += 1
    if i >= end:
        return [], index
    exclude = {agent.text} if agent is not None else set()
    floor = tokens.sent_start[index]
    k = index - 1
    while k >= floor and lower[k] not in OBJECT_CLAUSE_MARKS:
        span = coref.name_ending(ctx, k + 1)
        if span is not None and text[span.end] not in APOSTROPHE_S:
            exclude.add(span.text)  # "Wolfram & Hart raised her": her is neither
            k = span.start
            if k > floor and text[k - 1] == "&":
                k -= 1
        k -= 1
    if lower[i] in OBJECT_PRONOUNS and tokens.tag[i] == "PRP":
        span = pronoun_span(ctx, i, exclude)
        return ([span], i) if span is not None else ([], i)
    span = coref.name_starting(ctx, i)
    if span is None and lower[i] in ("the", "a", "an") or lower[i] in POSSESSIVES:
        # "her tormenter, Kilgrave": a short description, a comma, a name
        k = i + 1
        while k < end and k - i <= 3 and pos[k] in ("ADJ", "NOUN") \
                and not text[k][:1].isupper():
            k += 1
        if k < end and k > i + 1 and text[k] == ",":
            span = coref.name_starting(ctx, k + 1)
    if span is None or span.end < n and text[span.end] in APOSTROPHE_S:
        return [], index  # "killing Sansa's dire-wolf": the possessor is not the object
    spans = [span]
    last = span.end
    while last + 1 < end:
        if text[last] == "(":  # "Yoren (Francis Magee)": skip the actor
            last = coref.after_parenthesis(tokens, last)
            continue
        if text[last] not in (",", "and") and lower[last] != "and":
            break
        nxt = last + 1
        if lower[nxt] == "and":
            nxt += 1
        more = coref.name_starting(ctx, nxt)
        if more is None or more.end < n and text[more.end] in APOSTROPHE_S:
            break
        spans.append(more)
        last = more.end
    return spans, last - 1


def agent_after(ctx, index):
    """Return the name span after "by" (or "at the hands of") in the clause after
    a passive verb at ``index``, or None. "by Jon's dire-wolf, Ghost" gives Ghost;
    "by Jon's dire-wolf" alone gives None (the owner is not the agent)."""
    tokens = ctx.tokens
    text, lower = tokens.text, tokens.lower
    n = len(tokens)
    end = min(tokens.sent_end[index], index + BY_SCAN)
    i = index + 1
    while i < end:
        word = lower[i]
        if word in CLAUSE_END or word in ("and", "but", "while", "who", ","):
            return None
        hands = word == "hands" and i + 1 < end and lower[i + 1] == "of"
        if word == "by" or hands:
            k = i + 2 if hands else i + 1
            if k < n and lower[k] == "the" and coref.name_starting(ctx, k) is None:
                k += 1
            span = coref.name_starting(ctx, k)
            if span is None:
                return None
            if span.end < n and text[span.end] in APOSTROPHE_S:
                m = span.end + 1
                while m < n and m - span.end < 6 and text[m] != ",":
                    m += 1
                after = coref.name_starting(ctx, m + 1) if m < n else None
                if after is None or after.end < n and lower[after.end] == "and":
                    return None  # "by X's assassin, Catelyn and Brienne, who...": no agent
                return after
            return None if coref.in_parentheses(tokens, span) else span
        i += 1
    return None


def work_near(ctx, index):
    """Return a work named by "in <Work>" within a few tokens after ``index``."""
    tokens = ctx.tokens
    end = min(tokens.sent_end[index], index + WORK_SCAN)
    i = index
    while i < end:
        if tokens.text[i] == "(":
            i = coref.after_parenthesis(tokens, i)
            continue
        if tokens.lower[i] in CLAUSE_END or tokens.text[i] == ",":
            return None
        if tokens.lower[i] == "in":
            span = coref.name_starting(ctx, i + 1)
            if span is not None and (span.text in ctx.works or span.text.startswith("The ")):
                return span.text
        i += 1
    return None


def work_fronted(ctx, index):
    """Return the work of an "In <Work>," that opens the sentence of token ``index``
    before it ("In The Defenders, Elektra is raised ..."), or None. Only a name the
    article treats as a work counts (``works.is_work``: "In Westeros," names a place)."""
    tokens = ctx.tokens
    i = tokens.sent_start[index]
    while i < index and (tokens.is_space[i] or is_markup(ctx.doc[i])):
        i += 1
    if i + 1 >= index or tokens.lower[i] != "in":
        return None
    title = works.title_at(ctx, i + 1)
    if title is None or title.end >= index or is_universe(title.text) \
            or not works.is_work(ctx, title.text):
        return None
    j = title.end
    while j < index and is_markup(ctx.doc[j]):
        j += 1
    j = coref.after_parenthesis(tokens, j)  # "In The Defenders (2017),"
    return title.text if j < index and tokens.text[j] == "," else None


def negated_before(ctx, start, index):
    """Return True when a negation stands between token ``start`` and ``index``."""
    return any(word in NEGATIONS for word in ctx.tokens.lower[start:index])


def _infinitive(tokens, index, floor):
    """Return True for a verb told as an infinitive that may not have happened
    ("wants to kill", "to kill him"), False after "manages to", "proceeds to"."""
    lower, pos, tag = tokens.lower, tokens.pos, tokens.tag
    j = index - 1
    while j >= floor and pos[j] == "ADV":
        j -= 1
    if j - 2 >= floor and lower[j] in ("and", "or") and tag[j - 1] == "VB":
        j -= 2  # "to find and kill"
    if j < floor or lower[j] != "to" or tag[j] != "TO":
        return False
    k = j - 1
    while k >= floor and pos[k] in ("ADV", "PART"):
        k -= 1
    return not (k >= floor and tokens.lemma[k] in IMPLICATIVE)


def happens(ctx, start, end, future_ok=False):
    """Return True when the event at tokens [start, end) is told as happening:
    asserted (``graph.extract.modality``), not an infinitive of intent, not in
    a clause of orders, claims or plans, and (unless ``future_ok``) not future."""
    tokens = ctx.tokens
    lower = tokens.lower
    if not asserted(ctx, start, end):
        return False
    floor = tokens.sent_start[start]
    if _infinitive(tokens, start, floor):
        return False
    clause = start - 1
    while clause > floor and lower[clause] not in HEDGE_CLAUSE_MARKS:
        clause -= 1
    window = lower[max(clause, start - 8):start]
    if EXTRA_HEDGES.intersection(window):
        return False
    if start > floor and lower[start - 1] == "of" and tokens.tag[start] == "VBG":
        return False  # "accused of killing", "the idea of killing"
    if future_ok:
        return True
    near = start - 1
    while near > floor and lower[near] not in FUTURE_CLAUSE_MARKS:
        near -= 1
    if FUTURE.intersection(lower[near:start]):
        return False  # "she will be the one who kills Jon", not "how it would play out, since"
    return not (TIME_CLAUSE.intersection(window)
                and FUTURE.intersection(lower[floor:tokens.sent_end[start]]))


YEARS = ("18", "19", "20")
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                    "august", "september", "october", "november", "december"})


def dated(ctx, index):
    """Return True when a calendar date stands just after a verb ("died in April
    2011", "born in 1975"): an event of the real world, not of the story."""
    tokens = ctx.tokens
    for i in range(index + 1, min(tokens.sent_end[index], index + 6)):
        text = tokens.text[i]
        if text in (";", ".") or text == "," and i > index + 1:
            break
        year = len(text) == 4 and text.isdigit() and text[:2] in YEARS
        if year or tokens.lower[i] in MONTHS and text[:1].isupper():
            return True
    return False


def narrated_in_present(ctx):
    """Return True when the article tells its story in the present tense (a
    synopsis): most finite verbs are present. Computed once per article."""
    cached = ctx.memo.get("present")
    if cached is None:
        present = past = 0
        for tag in ctx.tokens.tag:
            if tag in PRESENT_TAGS:
                present += 1
            elif tag == "VBD":
                past += 1
        cached = present + past >= 20 and present >= 0.65 * (present + past)
        ctx.memo["present"] = cached
    return cached


def present_perfect(ctx, index):
    """Return True when the verb at ``index`` is a present perfect ("has been
    raised", "have killed", "has just been shot"), not "had been"."""
    tokens = ctx.tokens
    if tokens.tag[index] != "VBN":
        return False
    floor = tokens.sent_start[index]
    for j in range(index - 1, max(floor, index - 4) - 1, -1):
        if tokens.lower[j] in ("has", "have", "'s", "’s", "'ve", "’ve"):
            return tokens.tag[j] in ("VBZ", "VBP")
        if tokens.lower[j] != "been" and tokens.pos[j] not in ("ADV", "PART"):
            return False
    return False


def told_in_past(ctx, index):
    """Return True when the verb at ``index`` is past or perfect ("killed", "was
    killed", "has been executed", "had killed")."""
    tokens = ctx.tokens
    lower, tag = tokens.lower, tokens.tag
    floor = tokens.sent_start[index]
    if tag[index] == "VBD":
        return True
    if tag[index] == "VBG":
        # "berates Jaime for killing Y", "admits to killing Y": an act already done
        j = index - 1
        while j >= floor and (tag[j] in ("VBG", "CC") or lower[j] == "to"):
            j -= 1
        if j >= floor and lower[j] == "for":
            return True
        return any(tokens.lemma[k] in PAST_GERUND_VERBS
                   for k in range(max(floor, index - 3), index))
    if tag[index] != "VBN":
        return False
    j = index - 1
    while j >= floor and j >= index - 4:
        word = lower[j]
        if word in ("is", "are", "gets", "get", "being", "be"):
            return False
        if word in ("was", "were", "had", "has", "have", "been", "got"):
            return True
        j -= 1
    return True  # "was killed", "has been executed", or a past tense tagged VBN
