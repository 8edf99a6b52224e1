"""The forms of English that tell of a killing, read at a harm verb: "X kills Y", "X
snaps Y's neck", "X ends Y's life", "Y is killed by X", "X has Y beheaded", "stabbed
to death", "fatally shot", "X puts Y to death", "Y, whom X kills", "Y kills
himself", "Y sacrifices herself", "saw Y killed" (``death_verb``).
"""

from graph.extract.mentions import coref, known_people
from graph.extract.rules.events.clause import (
    APOSTROPHE_S,
    POSSESSIVES,
    gerund_subject,
    subject_before,
    subjects_before,
)
from graph.extract.rules.events.dying import die_verb, possessor
from graph.extract.rules.events.forms import (
    Found,
    passive_aux,
    phrase_at,
    pronoun_at,
    verbal,
    victims_before,
)
from graph.extract.rules.events.objects import (
    agent_after,
    causative_objects,
    companions_after,
    objects_after,
    relative_object,
)
from graph.extract.rules.events.words import (
    CAUSE_NOUNS,
    CAUSE_OF_VERB,
    FATAL_ADVERBS,
    FATAL_AFTER,
    FATAL_PHRASE_VERBS,
    FATAL_PHRASES,
    GIVE_LIFE_VERBS,
    HARM_VERBS,
    HEAD_VERBS,
    KILL_VERBS,
    LIFE_VERBS,
    NECK_VERBS,
    REFLEXIVES,
)


def _fatal_end(tokens, verb, k):
    """Return the index after a phrase at token k that makes the harm verb at token
    ``verb`` fatal ("to death", "alive"; "to the sword" after "put"), or None."""
    phrases = FATAL_PHRASES.get(tokens.lemma[verb], FATAL_AFTER)
    for words in phrases:
        if phrase_at(tokens, k, words):
            end = k + len(words)
            if words == ("through",) and end < len(tokens) and tokens.pos[end] in (
                    "DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ"):
                return None  # "runs Y through the drill": through something
            return end
    return None


def _fatal(tokens, index, after):
    """Return True when words say a harm was fatal: "fatally" before the verb, or
    "to death", "dead", "alive" just after the verb or its object (``after``)."""
    floor = tokens.sent_start[index]
    if any(word in FATAL_ADVERBS for word in tokens.lower[max(floor, index - 2):index]):
        return True
    return any(_fatal_end(tokens, index, start) for start in (index + 1, after + 1))


# "saw Y killed", "watched Y murdered": the participle tells what was seen.
PERCEIVE_VERBS = frozenset({"see", "watch", "witness"})


def death_verb(ctx, i):
    """Return the deaths told by a killing verb at token i."""
    tokens = ctx.tokens
    lemma = tokens.lemma[i]
    if lemma in HEAD_VERBS:
        beheaded = _head_off(ctx, i)
        if beheaded or lemma not in NECK_VERBS and lemma not in HARM_VERBS:
            return beheaded
    if lemma in NECK_VERBS:
        return _neck(ctx, i, NECK_VERBS[lemma])
    if lemma in LIFE_VERBS:
        return _life(ctx, i)
    harm = lemma in HARM_VERBS or lemma in FATAL_PHRASE_VERBS
    if not (lemma in KILL_VERBS or harm):
        return []
    if harm and tokens.tag[i] == "VBG" and i > 0 and tokens.lower[i - 1] == "by":
        return []  # "kills Oberyn by crushing his skull": the manner of another verb
    cause = CAUSE_OF_VERB.get(lemma)
    causative = _causative(ctx, i)
    if causative:
        return causative if not harm or _fatal(tokens, i, i) else []
    aux = passive_aux(tokens, i)
    if aux is None and tokens.tag[i] == "VBN" and tokens.dep[i] == "acl":
        # "Clara, killed by the raven, ...": a participle hanging from a name
        named = coref.name_covering(ctx, tokens.head[i])
        if named is None or harm and not _fatal(tokens, i, i):
            return []
        return [Found("death_passive", "death", named, i, i + 1, agent_after(ctx, i), cause,
                      verb=i)]
    if aux is None and tokens.tag[i] == "VBN" and tokens.dep[i] in ("ccomp", "xcomp") \
            and tokens.lemma[tokens.head[i]] in PERCEIVE_VERBS:
        # "viewers saw Y killed in a crash": what was seen happened to Y
        seen = [coref.name_covering(ctx, c) for c in tokens.children(i)
                if tokens.dep[c] in ("nsubj", "nsubjpass")]
        if not seen or seen[0] is None or harm and not _fatal(tokens, i, i):
            return []
        return [Found("death_passive", "death", seen[0], i, i + 1, agent_after(ctx, i), cause,
                      verb=i)]
    if aux is not None:
        if harm and not _fatal(tokens, i, i):
            return []
        agent = agent_after(ctx, i)
        end = i + 1 if lemma not in FATAL_PHRASE_VERBS else _fatal_end(tokens, i, i + 1) or i + 1
        victims = victims_before(ctx, aux)
        if victims:  # "Y is killed along with Z": Z too
            victims += companions_after(ctx, i)
        return [Found("death_passive", "death", v, i, end, agent, cause, verb=i)
                for v in victims]
    if not verbal(tokens, i):
        return []
    if i + 1 < len(tokens) and tokens.lower[i + 1] in REFLEXIVES:
        return _reflexive(ctx, i, harm)
    agent = subject_before(ctx, i) or gerund_subject(ctx, i)  # "After killing Y, X flees"
    victims, last = objects_after(ctx, i, agent)
    if not victims:
        if lemma == "drown":
            return die_verb(ctx, i)
        victim = relative_object(ctx, i)  # "Y, whom X kills"
        victims, last = ([victim], i) if victim is not None else ([], i)
    if not victims or harm and not _fatal(tokens, i, last):
        return []
    if lemma in FATAL_PHRASE_VERBS:  # "puts Y to the sword": the verb alone says nothing
        last = (_fatal_end(tokens, i, last + 1) or last + 1) - 1
    if agent is None:
        cause = cause or _cause_subject(ctx, i)
    return [Found("death_active", "death", v, i, last + 1, agent, cause, verb=i)
            for v in victims if agent is None or v.text != agent.text]


def _reflexive(ctx, i, harm):
    """Return the deaths of "Y kills himself", "Y hangs herself", "they burn
    themselves alive", "Y sacrifices himself": the subjects die by their own hand."""
    tokens = ctx.tokens
    if harm and not _fatal(tokens, i, i + 1):
        return []  # "shoots himself in the foot"
    lemma = tokens.lemma[i]
    cause = "sacrifice" if lemma == "sacrifice" else "suicide"
    return [Found("death_active", "death", v, i, i + 2, v, cause, verb=i)
            for v in subjects_before(ctx, i)]


def _causative(ctx, i):
    """Return the deaths of "X has Y beheaded", "X had him killed", "X gets Y
    killed", else []."""
    causative = causative_objects(ctx, i)
    if causative is None:
        return []
    have, victims = causative
    agent = subject_before(ctx, have)
    cause = CAUSE_OF_VERB.get(ctx.tokens.lemma[i])
    return [Found("death_passive", "death", v, have, i + 1, agent, cause, verb=i)
            for v in victims]


def _owner_end(ctx, j):
    """Return the index after the possessor starting at token ``j`` ("his", "Y's"),
    or None."""
    tokens = ctx.tokens
    n = len(tokens)
    if j < n and tokens.lower[j] in POSSESSIVES:
        return j + 1
    span = known_people.name_starting(ctx, j)
    if span is not None and span.end < n and tokens.text[span.end] in APOSTROPHE_S:
        return span.end + 1
    return None


def _head_off(ctx, i):
    """Return the death of "X cuts off Y's head", "X chops his head off", "Y's head is
    cut off": a beheading told with "off"."""
    tokens = ctx.tokens
    lower = tokens.lower
    n = len(tokens)
    j = i + 2 if i + 1 < n and lower[i + 1] == "off" else i + 1
    owner_end = _owner_end(ctx, j)
    if owner_end is None or owner_end >= n or lower[owner_end] != "head":
        if i + 1 < n and lower[i + 1] == "off":
            return _neck_passive(ctx, i, "head")
        return []
    if j == i + 1 and not (owner_end + 1 < n and lower[owner_end + 1] == "off"):
        return []  # "cuts Y's head": a wound, not a beheading
    return _neck(ctx, i, "head", j, owner_end)


def _neck(ctx, i, part, j=None, owner_end=None):
    """Return the death of "X snaps Y's neck" / "X slits his throat" (the possessor
    starting at token ``j``, i + 1 unless given)."""
    tokens = ctx.tokens
    lower = tokens.lower
    n = len(tokens)
    if j is None:
        j = i + 1
        owner_end = _owner_end(ctx, j)
        if owner_end is None or owner_end >= n or lower[owner_end] != part:
            return _neck_passive(ctx, i, part)
    agent = subject_before(ctx, i)
    exclude = {agent.text} if agent is not None else ()
    victim = pronoun_at(ctx, j, exclude) if lower[j] in POSSESSIVES \
        else known_people.name_starting(ctx, j)
    if victim is None or agent is not None and victim.text == agent.text:
        return []
    return [Found("death_active", "death", victim, i, owner_end + 1, agent, verb=i)]


def _neck_passive(ctx, i, part):
    """Return the death of "Y's throat is slit (by X)", "his neck is broken", "Y has
    his throat slit": the owner of the part dies."""
    tokens = ctx.tokens
    lower = tokens.lower
    floor = tokens.sent_start[i]
    j = i - 1
    while j > floor and tokens.pos[j] in ("ADV", "PART"):
        j -= 1
    if j - 2 < floor or tokens.lemma[j] not in ("be", "get") or lower[j - 1] != part:
        if not (j - 1 >= floor and lower[j] == part and lower[j - 1] in POSSESSIVES
                and j - 2 >= floor and tokens.lemma[j - 2] == "have"):
            return []
        victim = subject_before(ctx, j - 2)  # "Y has his throat slit"
        start = j - 2
    else:
        owner = j - 2
        victim = possessor(ctx, owner)
        start = owner if victim is None or victim.end_char == 0 else victim.start
    if victim is None:
        return []
    return [Found("death_passive", "death", victim, min(start, i), i + 1, agent_after(ctx, i),
                  verb=i)]


def _life(ctx, i):
    """Return the death of "X ends Y's life", "Y takes her own life" (Y's own act)."""
    tokens = ctx.tokens
    if not verbal(tokens, i):
        return []
    if tokens.lemma[i] in GIVE_LIFE_VERBS:
        return _given_life(ctx, i)
    found = _neck(ctx, i, "life")
    if found:
        return found
    j = i + 1
    if j + 2 < len(tokens) and tokens.lower[j] in POSSESSIVES \
            and tokens.lower[j + 1] == "own" and tokens.lower[j + 2] == "life":
        victim = subject_before(ctx, i)
        if victim is not None:
            return [Found("death_active", "death", victim, i, j + 3, victim, "suicide",
                          verb=i)]
    return []


def _given_life(ctx, i):
    """Return the death of "Y gives his life to save X", "Y lays down her life for X",
    "Y gives her life." (a sacrifice); not "gives his life meaning", "gives her life
    to the church"."""
    tokens = ctx.tokens
    lower = tokens.lower
    n = len(tokens)
    j = i + 2 if tokens.lemma[i] == "lay" and i + 1 < n and lower[i + 1] == "down" else i + 1
    if tokens.lemma[i] == "lay" and j == i + 1 or j + 1 >= n \
            or lower[j] not in POSSESSIVES or lower[j + 1] != "life":
        return []
    k = j + 2
    after = lower[k] if k < n else "."
    purpose = after == "to" and k + 1 < n and tokens.tag[k + 1] == "VB"
    if not (purpose or after in ("for", ".", ",", ";", "and")):
        return []
    victim = subject_before(ctx, i)
    if victim is None:
        return []
    return [Found("death_active", "death", victim, i, k, victim, "sacrifice", verb=i)]


def _cause_subject(ctx, i):
    """Return the cause when the subject of a killing verb is one ("the poison that
    killed Y", "an explosion kills Y"), else None."""
    tokens = ctx.tokens
    floor = tokens.sent_start[i]
    for j in range(i - 1, max(floor, i - 4) - 1, -1):
        if tokens.lower[j] in CAUSE_NOUNS:
            return tokens.lower[j]
    return None
