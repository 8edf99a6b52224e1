"""Is an event told as happening, and is it the story's or its backstory: negation
and modality around the event word (``graph.extract.evidence.modality``), infinitives of
intent, clauses of orders, claims and plans, the future, calendar dates, and the
tenses that part a synopsis' story from what happened before it.
"""

from graph.extract.evidence.modality import (
    CLAUSE_BREAKS,
    CONDITIONS,
    HEDGES,
    MODALS,
    NEGATIONS,
    WINDOW,
)
from graph.extract.rules.events.clause import CLAUSE_END, SUBORDINATORS, is_verb
from graph.extract.rules.events.objects import causative_objects
from graph.extract.rules.events.words import (
    EXTRA_HEDGES,
    FUTURE,
    IMPLICATIVE,
    PAST_GERUND_VERBS,
    TIME_CLAUSE,
)

PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# How a hedge word holds the event verb in the parse, and the words that part them
# in word order where the parse does not join them.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "oprd"})
HEDGE_PARTS = frozenset({",", ";", "and", "but", "then", "who", "whom", "which", "while",
                         "after", "before", "when", "as"})
GOVERN_HOPS = 6
# A gerund after these completes the word before ("tasked with killing", "the plan
# of killing"); after others it is an adverbial ("claims the throne after killing").
COMPLEMENT_PREPOSITIONS = frozenset({"with", "of", "about", "on", "into"})
# "stops X killing Y", "prevents him killing Y": the gerund did not happen.
PREVENT_VERBS = frozenset({"stop", "prevent"})
# Finite verbs an article needs before its tense says how it is told.
PAST_NARRATION_VERBS = 8
# Where the clause before an event starts: looking for orders, claims or plans
# (``HEDGE_CLAUSE_MARKS``), or for a future ("will", "would").
HEDGE_CLAUSE_MARKS = frozenset({";", "—", "but", "while", "."})
FUTURE_CLAUSE_MARKS = SUBORDINATORS | CLAUSE_END | {","}
# Where the clause after an event ends, looking for an "if" that makes it a condition
# ("as" stays out: "returns as a ghost if the show is renewed").
CONDITION_CLAUSE_MARKS = (SUBORDINATORS - {"if", "unless", "as"}) | CLAUSE_END | {
    ",", "and", "but"}
CONDITION_SCAN = 10


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
    asserted (``graph.extract.evidence.modality``), not an infinitive of intent, not in
    a clause of orders, claims or plans, and (unless ``future_ok``) not future."""
    tokens = ctx.tokens
    lower = tokens.lower
    if not _asserted(ctx, start, end):
        return False
    floor = tokens.sent_start[start]
    if _infinitive(tokens, start, floor):
        return False
    clause = start - 1
    while clause > floor and lower[clause] not in HEDGE_CLAUSE_MARKS:
        clause -= 1
    first = max(clause, start - 8)
    if any(_governs(tokens, j, start) for j in _unquoted(lower, first, start)
           if lower[j] in EXTRA_HEDGES):
        return False  # "orders his men to kill Y", not "X, sent by the queen, kills Y"
    if start > floor and lower[start - 1] in ("of", "from") and tokens.tag[start] == "VBG":
        return False  # "accused of killing", "stops X from killing Y"
    if tokens.tag[start] == "VBG" and any(tokens.lemma[j] in PREVENT_VERBS
                                          for j in range(max(floor, start - 5), start)):
        return False  # "stops X killing Y": prevented
    if _condition_after(tokens, end):
        return False
    if _weighed(tokens, start):
        return False
    if future_ok:
        return True
    near = start - 1
    while near > floor and lower[near] not in FUTURE_CLAUSE_MARKS:
        near -= 1
    if FUTURE.intersection(lower[near:start]):
        return False  # "she will be the one who kills Jon", not "how it would play out, since"
    times = [j for j in range(max(clause, start - 8), start) if lower[j] in TIME_CLAUSE]
    if times and _reported(tokens, floor, times[-1]):
        return False  # "X argues that when Y dies, there is no heir": a thought, not a story
    return not (times and FUTURE.intersection(lower[floor:tokens.sent_end[start]]))


# Words on a clause that make what its gerund subject names an act only weighed:
# "Killing her would have been too easy", "Killing him off was never an option".
WEIGHING = MODALS | NEGATIONS | frozenset({"would"})


def _weighed(tokens, start):
    """Return True when the event verb at ``start`` is a gerund that is the subject of a
    clause with a modal, "would" or a negation: an act talked about, not told."""
    if tokens.tag[start] != "VBG" or tokens.dep[start] != "csubj":
        return False
    head = tokens.head[start]
    return any(tokens.lower[c] in WEIGHING for c in tokens.children(head)
               if tokens.dep[c] in ("aux", "neg", "advmod"))


def _asserted(ctx, start, end):
    """Return whether the event at tokens [start, end) is asserted: as
    ``graph.extract.evidence.modality.asserted`` (no question, negation, modal or
    condition before it in its clause), but a hedge word ("tries", "wanted",
    "nearly") unasserts only an event it governs (``_governs``): "tries to kill Y",
    "nearly kills Y", not "X, who wanted revenge, kills Y"."""
    tokens = ctx.tokens
    lower = tokens.lower
    floor = tokens.sent_start[start]
    if tokens.is_question(start):
        return False
    clause = start - 1
    while clause >= floor and not (lower[clause] in CLAUSE_BREAKS
                                   or lower[clause] == "," and clause < start - WINDOW):
        clause -= 1
    clause += 1
    first = max(clause, start - WINDOW)
    before = lower[first:start]
    if NEGATIONS.intersection(before) or NEGATIONS.intersection(lower[start:end]) \
            or MODALS.intersection(before) or lower[start] in HEDGES:
        return False
    if any(lower[j] in HEDGES and _governs(tokens, j, start) for j in range(first, start)):
        return False
    return not any(word in CONDITIONS for word in lower[clause:start])


def _unquoted(lower, start, end):
    """Return the indexes of [start, end) outside double quotes: a title ("Heaven
    Sent") is no verb of the clause."""
    found, quoted = [], False
    for j in range(start, end):
        word = lower[j]
        if word in ('"', "“", "”"):
            quoted = word == "“" or word == '"' and not quoted
            continue
        if not quoted:
            found.append(j)
    return found


def _governs(tokens, hedge, verb):
    """Return True when the hedge word at ``hedge`` (an order, a claim, a plan) holds
    the event verb at ``verb`` in its clause: the parse hangs the verb from it by a
    complement ("orders his men to kill", "claims that X killed", "the plot to
    kill"), or, where the parse joins them otherwise, no comma, conjunction or
    relative word parts them ("orders Y executed"). A verb coordinated with the
    hedge ("hunts Y down and kills him") or in another clause ("X, sent by the
    queen, kills Y") is told as done."""
    k, complement = verb, False
    for _ in range(GOVERN_HOPS):
        head = tokens.head[k]
        if head == k:
            break
        dep = tokens.dep[k]
        if dep in COMPLEMENT_DEPS or dep in ("advcl", "acl") and tokens.tag[k] == "VB" \
                or dep == "acl" and tokens.tag[k] == "VBG" \
                or dep in ("dobj", "pcomp") and tokens.tag[k] == "VBG" and (
                    dep == "dobj" or tokens.lower[head] in COMPLEMENT_PREPOSITIONS):
            complement = True  # "imagines killing", "is tasked with killing"
        elif dep not in ("conj", "aux", "auxpass"):
            complement = complement and dep in ("dobj", "pobj", "prep")
        if head == hedge:
            return complement
        k = head
    return not any(tokens.lower[j] in HEDGE_PARTS for j in range(hedge + 1, verb))


def _condition_after(tokens, end):
    """Return True when "if" or "unless" follows the event ending at token ``end`` in
    its clause ("Y dies if the gate falls"); not "as if", "even if", nor an "if" after
    another verb ("kills X to see if ...")."""
    lower = tokens.lower
    for j in range(end, min(tokens.sent_end[end - 1], end + CONDITION_SCAN)):
        if lower[j] in ("if", "unless"):
            return not (lower[j - 1] in ("as", "even") or j - 1 >= end and is_verb(tokens, j - 1))
        if lower[j] in CONDITION_CLAUSE_MARKS:
            return False
    return False


def _reported(tokens, floor, index):
    """Return True when a "that" clause (tagged IN: "argues that", "tells Y that")
    opens between the sentence start ``floor`` and token ``index``."""
    return any(tokens.lower[j] == "that" and tokens.tag[j] == "IN" for j in range(floor, index))


YEARS = ("18", "19", "20")
# "last year", "this month", "two years ago": the calendar of the real world.
CALENDAR_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "decade",
                            "decades"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                    "august", "september", "october", "november", "december"})


def dated(ctx, index):
    """Return True when a calendar date stands just after a verb ("died in April
    2011", "born in 1975", "died last year", "died two years ago"): an event of the
    real world, not of the story (which counts in seasons and episodes). A character
    "killed off in 2019" is dated by the show's calendar, and still a character."""
    tokens = ctx.tokens
    lower = tokens.lower
    if index + 1 < len(tokens) and lower[index + 1] == "off":
        return False
    for i in range(index + 1, min(tokens.sent_end[index], index + 6)):
        text = tokens.text[i]
        if text in (";", ".") or text == "," and i > index + 1:
            break
        year = len(text) == 4 and text.isdigit() and text[:2] in YEARS
        if year or lower[i] in MONTHS and text[:1].isupper():
            return True
        if lower[i] in CALENDAR_UNITS and i > index + 1 and (
                lower[i - 1] in ("last", "this") or i + 1 < len(tokens)
                and lower[i + 1] == "ago"):
            return True
    return False


def _tense_counts(ctx):
    """Return (present, past): how many finite verbs of the article are present and
    past. Computed once per article."""
    cached = ctx.memo.get("tenses")
    if cached is None:
        present = past = 0
        for tag in ctx.tokens.tag:
            if tag in PRESENT_TAGS:
                present += 1
            elif tag == "VBD":
                past += 1
        cached = ctx.memo["tenses"] = (present, past)
    return cached


def narrated_in_present(ctx):
    """Return True when the article tells its story in the present tense (a
    synopsis): most finite verbs are present."""
    present, past = _tense_counts(ctx)
    return present + past >= 20 and present >= 0.65 * (present + past)


def narrated_in_past(ctx):
    """Return True when the article tells its story in the past tense ("Tomas was
    killed at dawn"): more finite verbs are past than present. Its backstory is
    then told in the past perfect ("had killed"), not the simple past."""
    present, past = _tense_counts(ctx)
    return past + present >= PAST_NARRATION_VERBS and past > present


def past_perfect(ctx, index):
    """Return True when the verb at ``index`` is a past perfect ("had killed", "had
    been executed", "had already been shot"); a causative "had" ("had him killed")
    is a simple past, unless it is itself perfect ("had had him killed")."""
    causative = causative_objects(ctx, index)
    if causative is not None:
        return past_perfect(ctx, causative[0])
    tokens = ctx.tokens
    if tokens.tag[index] != "VBN":
        return False
    floor = tokens.sent_start[index]
    for j in range(index - 1, max(floor, index - 4) - 1, -1):
        if tokens.lower[j] in ("had", "'d", "’d"):
            return True
        if tokens.lower[j] != "been" and tokens.pos[j] not in ("ADV", "PART"):
            return False
    return False


def present_perfect(ctx, index):
    """Return True when the verb at ``index`` is a present perfect ("has been
    raised", "have killed", "has just been shot"), not "had been"."""
    causative = causative_objects(ctx, index)
    if causative is not None:
        return present_perfect(ctx, causative[0])  # "has had Y killed"
    tokens = ctx.tokens
    if tokens.tag[index] != "VBN":
        return False
    floor = tokens.sent_start[index]
    for j in range(index - 1, max(floor, index - 4) - 1, -1):
        if tokens.lower[j] in ("has", "have", "'s", "’s", "'ve", "’ve"):
            return tokens.tag[j] in ("VBZ", "VBP")
        if tokens.lower[j] in ("and", "or") and tokens.dep[index] == "conj":
            first = tokens.head[index]  # "has been hit by a car and killed"
            return first < index and tokens.tag[first] == "VBN" and present_perfect(ctx, first)
        if tokens.lower[j] != "been" and tokens.pos[j] not in ("ADV", "PART"):
            return False
    return False


def told_in_past(ctx, index):
    """Return True when the verb at ``index`` is past or perfect ("killed", "was
    killed", "has been executed", "had killed")."""
    causative = causative_objects(ctx, index)
    if causative is not None:
        # "has Y beheaded" is present, "had Y beheaded" past
        return told_in_past(ctx, causative[0])
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
    if tag[index] != "VBN" or tokens.dep[index] == "acl":
        return False  # "closes on Y, killed by X": a participle of the story's time
    first = tokens.head[index]
    if tokens.dep[index] == "conj" and first < index and tag[first] == "VBN" \
            and lower[index - 1] in ("and", "or"):
        return told_in_past(ctx, first)  # "is hit by a cart and killed"
    j = index - 1
    while j >= floor and j >= index - 4:
        word = lower[j]
        if word in ("is", "are", "gets", "get", "being", "be"):
            return False
        if word in ("was", "were", "had", "has", "have", "been", "got"):
            return True
        j -= 1
    return True  # "was killed", "has been executed", or a past tense tagged VBN
