"""Who else an event word involves, without a parser: the object after it, the names
listed with a subject or an object, the agent of a passive, and the work named
beside it (the subject before it is ``clause``).

- the object is the name or pronoun just after the verb ("the Hound" too), or the
  name in apposition after a description ("her tormenter, Kilgrave", "his daughter
  Shireen", "Tobin's son, Alder"), and the names listed with it up to a name that
  opens a clause of its own ("After X kills Y, Z flees"); "Y, whom X kills" gives Y;
  "X has Y and Z beheaded" gives Y and Z (``causative_objects``);
- the agent of a passive follows "by" in the clause ("is killed in the tournament
  by Gregor"), or "at the hands of"; a name that says what kind ("the Frey
  soldiers") is no one's.
"""


from graph.extract.mentions import descriptions, known_people, name_positions, works
from graph.extract.mentions.works_index import is_universe
from graph.extract.mentions.works_text import is_markup, skip_markup
from graph.extract.rules.events.clause import (
    APOSTROPHE_S,
    BY_SCAN,
    CAUSATIVES,
    CLAUSE_END,
    DESCRIPTION,
    FINITE_TAGS,
    GROUP_WORDS,
    OBJECT_CLAUSE_MARKS,
    OBJECT_PRONOUNS,
    POSSESSIVES,
    QUOTES,
    RELATIVE_SCAN,
    WORK_SCAN,
    is_verb,
    misread_verb,
    modifier,
    pronoun_span,
    skip_parenthesis_back,
    subject_before,
)


def companions_after(ctx, index):
    """Return the names after "along with" or "together with" in the clause of the
    verb at ``index`` ("is killed along with Y and Z"): they share its fate."""
    tokens = ctx.tokens
    lower = tokens.lower
    end = min(tokens.sent_end[index], index + BY_SCAN)
    for i in range(index + 1, end - 2):
        if lower[i] in CLAUSE_END or lower[i] in ("and", "but", "while", "who", ","):
            return []
        if lower[i] in ("along", "together") and lower[i + 1] == "with":
            k = i + 3 if lower[i + 2] == "the" and known_people.name_starting(ctx, i + 2) is None \
                else i + 2
            spans, _last = _listed(ctx, k, tokens.sent_end[index])
            return spans
    return []


def _opens_clause(tokens, span):
    """Return True when a finite verb follows a name (past an actor's parenthesis and
    adverbs): the name is the subject of a clause of its own ("..., Mira flees"). A
    verb in -s the tagger reads as a plural noun ("flees/NNS") counts."""
    i = name_positions.after_parenthesis(tokens, span.end)
    while i < len(tokens) and tokens.pos[i] == "ADV":
        i += 1
    return i < len(tokens) and (tokens.tag[i] in FINITE_TAGS or misread_verb(tokens, i))


def _described(ctx, k, end):
    """Return the name in apposition to a short description starting at token ``k``:
    after a comma ("tormenter, Kilgrave" in "her tormenter, Kilgrave"), or straight
    after a noun ("daughter Shireen" in "his daughter Shireen"); or None."""
    tokens = ctx.tokens
    start = k
    while k < end and k - start < DESCRIPTION and tokens.pos[k] in ("ADJ", "NOUN") \
            and not tokens.text[k][:1].isupper():
        k += 1
    if start < k < end and tokens.text[k] == ",":
        return known_people.name_starting(ctx, k + 1)
    if start < k < end and tokens.pos[k - 1] == "NOUN":
        return known_people.name_starting(ctx, k)
    return None


def _group(span):
    """Return True for a name after "the" that names a group: a plural ("the Freys")
    or a name of GROUP_WORDS ("the Council of Thirteen")."""
    return span.size == 1 and span.text.endswith("s") \
        or span.text.split()[0].lower() in GROUP_WORDS


def objects_after(ctx, index, agent=None):
    """Return (spans, last token index) of the object names after the verb at
    ``index``: a name, a resolved pronoun, an apposition ("her tormenter,
    Kilgrave"), and the names listed after the first ("Catelyn, Talisa and ...")."""
    tokens = ctx.tokens
    text, lower, pos = tokens.text, tokens.lower, tokens.pos
    n = len(tokens)
    end = tokens.sent_end[index]
    i = index + 1
    while i < end and (pos[i] in ("ADV", "PART") or lower[i] in ("off", "up", "both")
                       or lower[i] in QUOTES):
        # a nickname in quotes before the name: "killed off \"Dirty\" Den Watts"
        i += 3 if lower[i] in QUOTES and i + 2 < end and lower[i + 2] in QUOTES else 1
    if i >= end:
        return [], index
    exclude = {agent.text} if agent is not None else set()
    floor = tokens.sent_start[index]
    k = index - 1
    while k >= floor and lower[k] not in OBJECT_CLAUSE_MARKS:
        span = known_people.name_ending(ctx, k + 1)
        if span is not None and text[span.end] not in APOSTROPHE_S:
            exclude.add(span.text)  # "Wolfram & Hart raised her": her is neither
            k = span.start
            if k > floor and text[k - 1] == "&":
                k -= 1
        k -= 1
    if lower[i] in OBJECT_PRONOUNS and tokens.tag[i] == "PRP":
        span = pronoun_span(ctx, i, exclude)
        return ([span], i) if span is not None else ([], i)
    span = known_people.name_starting(ctx, i)
    if span is None and lower[i] == "the":
        span = known_people.name_starting(ctx, i + 1)  # "kills the Hound"
        if span is not None and _group(span):
            return [], index  # "slaughters the Freys": no one character
    if span is not None and modifier(tokens, span):
        return [], index  # "kills Stark soldiers": a kind of soldier, no one's name
    if span is None and lower[i] in ("the", "a", "an") or lower[i] in POSSESSIVES:
        span = _described(ctx, i + 1, end)  # "her tormenter, Kilgrave"
        if span is None:
            span = descriptions.description_at(ctx, i)  # "the healer": Mirri
            if span is not None:
                return [span], span.end - 1
    elif span is not None and span.end + 1 < end and text[span.end] in APOSTROPHE_S:
        # "killing Sansa's dire-wolf": the possessor is not the object, but the name
        # of what it owns is ("kills Tobin's son, Alder")
        span = _described(ctx, span.end + 1, end)
    if span is None or span.end < n and text[span.end] in APOSTROPHE_S:
        return [], index
    return _listed(ctx, span.start, end, span)


def _listed(ctx, start, end, span=None):
    """Return (spans, last token index) of the name starting at token ``start`` (or
    the given ``span`` placed there) and the names listed after it ("Catelyn,
    Talisa and ..."), up to a name that opens a clause of its own; ([], start)
    when no name starts there."""
    tokens = ctx.tokens
    text, lower = tokens.text, tokens.lower
    n = len(tokens)
    span = span or known_people.name_starting(ctx, start)
    if span is None or span.end < n and text[span.end] in APOSTROPHE_S:
        return [], start
    spans = [span]
    last = span.end
    while last + 1 < end:
        if text[last] == "(":  # "Yoren (Francis Magee)": skip the actor
            last = name_positions.after_parenthesis(tokens, last)
            continue
        if text[last] not in (",", "and") and lower[last] != "and":
            break
        nxt = last + 1
        if lower[nxt] == "and":
            nxt += 1
        more = known_people.name_starting(ctx, nxt)
        if more is None or more.end < n and text[more.end] in APOSTROPHE_S \
                or _opens_clause(tokens, more):
            break  # "After X kills Y, Z flees": Z is the next clause's subject
        spans.append(more)
        last = more.end
    return spans, last - 1


def relative_object(ctx, index):
    """Return the name that a relative pronoun before the verb at ``index`` stands
    for as its object ("Y, whom X kills"; "Y, who X kills" with a subject between),
    or None."""
    tokens = ctx.tokens
    floor = tokens.sent_start[index]
    for j in range(index - 1, max(floor, index - RELATIVE_SCAN) - 1, -1):
        word = tokens.lower[j]
        if word in CLAUSE_END or word == "," or is_verb(tokens, j) and tokens.pos[j] != "AUX":
            return None
        if word in ("whom", "who") and tokens.tag[j] == "WP":
            if word == "who" and not any(pos in ("PROPN", "PRON", "NOUN")
                                         for pos in tokens.pos[j + 1:index]):
                return None  # "Y, who then kills": Y is the subject
            k = j - 1
            if k >= floor and tokens.text[k] == ",":
                k -= 1
            k = skip_parenthesis_back(tokens, k, floor) if k >= floor else k
            return known_people.name_ending(ctx, k + 1) if k >= floor else None
    return None


def causative_objects(ctx, index):
    """Return (index of the "has", "had" or "gets", the object spans) of "X has Y
    beheaded", "had him killed", "gets Y and Z killed", whose participle stands at
    ``index``; or None. A pronoun object never stands for X."""
    tokens = ctx.tokens
    lower = tokens.lower
    floor = tokens.sent_start[index]
    if tokens.tag[index] not in ("VBN", "VBD"):
        return None
    if index - 1 > floor and lower[index - 1] in ("him", "her", "them"):
        have = index - 2
        if tokens.lemma[have] not in CAUSATIVES:
            return None
        causer = subject_before(ctx, have)
        named = pronoun_span(ctx, index - 1, {causer.text} if causer is not None else ())
        return (have, [named]) if named is not None else None
    objects = []
    j = index  # the objects end just before token j
    while (named := known_people.name_ending(ctx, j)) is not None:
        objects.append(named)
        j = named.start
        if j - 1 <= floor or lower[j - 1] not in ("and", ","):
            break
        j -= 1  # "has Y and Z burned"
    have = j - 1
    if not objects or have < floor or tokens.lemma[have] not in CAUSATIVES:
        return None
    return have, objects[::-1]


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
            if k < n and lower[k] == "the" and known_people.name_starting(ctx, k) is None:
                k += 1
            span = known_people.name_starting(ctx, k)
            if span is None or modifier(tokens, span):
                return None  # "by the Frey soldiers": a kind of soldier, no one's name
            if span.end < n and text[span.end] in APOSTROPHE_S:
                m = span.end + 1
                while m < n and m - span.end < 6 and text[m] != ",":
                    m += 1
                # only a name after a comma is in apposition ("by Jon's dire-wolf, Ghost")
                after = known_people.name_starting(ctx, m + 1) if m < n and text[m] == "," else None
                if after is None or after.end < n and lower[after.end] == "and":
                    return None  # "by X's assassin, Catelyn and Brienne, who...": no agent
                return after
            return None if name_positions.in_parentheses(tokens, span) else span
        i += 1
    return None


def work_near(ctx, index):
    """Return a work named by "in <Work>" within a few tokens after ``index``."""
    tokens = ctx.tokens
    end = min(tokens.sent_end[index], index + WORK_SCAN)
    i = index
    while i < end:
        if tokens.text[i] == "(":
            i = name_positions.after_parenthesis(tokens, i)
            continue
        if tokens.lower[i] in CLAUSE_END or tokens.text[i] == ",":
            return None
        if tokens.lower[i] == "in":
            span = known_people.name_starting(ctx, i + 1)
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
    j = name_positions.after_parenthesis(tokens, skip_markup(ctx.doc, title.end))  # "In X (2017),"
    return title.text if j < index and tokens.text[j] == "," else None
