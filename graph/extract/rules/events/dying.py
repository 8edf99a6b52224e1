"""The forms of English that tell of a dying, read at a die verb or a state: "Y dies of
X", "succumbs to his wounds", "bleeds to death", "commits suicide", "is found dead",
"X finds Y dead", "a dying Y", with the agent and cause of a harm told before it in
the sentence ("Y is stabbed by X and dies", "X shoots Y, and she dies") or "at the
hands of X" after it (``die_verb``, ``dead_state``); and whose a possessive is
(``possessor``), which the killing forms share.
"""

from graph.extract.mentions import known_people, name_positions
from graph.extract.rules.events.clause import (
    APOSTROPHE_S,
    POSSESSIVES,
    subject_before,
    subjects_before,
)
from graph.extract.rules.events.forms import (
    Found,
    passive_aux,
    phrase_at,
    pronoun_at,
    verbal,
    victims_before,
)
from graph.extract.rules.events.objects import agent_after, objects_after
from graph.extract.rules.events.tense import happens
from graph.extract.rules.events.words import (
    CAUSE_NOUNS,
    CAUSE_OF_VERB,
    DIE_VERBS,
    HARM_VERBS,
    KILL_VERBS,
    TO_DEATH_DIE_VERBS,
)

# "Y's body is found", "X discovers the corpse of Y": Y is dead.
FIND_VERBS = frozenset({"find", "discover"})
BODY_NOUNS = frozenset({"body", "corpse", "remains"})


# Words that part a harm from a death told after it in the sentence: "Y is shot by X,
# but it is the fall that kills her".
HARM_BREAKS = frozenset({"but", "although", "though", "however", "yet", ";", ":", "—", "–"})


def _cause_after(ctx, i):
    """Return the cause of "dies of poison", "died from his wounds", "succumbs to
    poisoned wine", "dies in a car accident", or None."""
    tokens = ctx.tokens
    lower, pos, tag = tokens.lower, tokens.pos, tokens.tag
    end = tokens.sent_end[i]
    j = i + 1
    if j < end and lower[j] in ("of", "from", "to"):
        k = j + 1
        words = []
        while k < end and len(words) < 4 and (pos[k] in ("NOUN", "ADJ", "DET", "PRON")
                                              or tag[k] == "VBN"):
            words.append(k)
            k += 1
        if any(pos[w] == "NOUN" for w in words):
            # "of his wounds" gives "wounds", "to poisoned wine" gives "poisoned wine"
            first = next(n for n, w in enumerate(words) if pos[w] in ("NOUN", "ADJ")
                         or tag[w] == "VBN")
            return " ".join(tokens.text[w] for w in words[first:]).lower()
    if j + 2 < end and lower[j] == "in" and lower[j + 1] in ("a", "an"):
        k = j + 2
        while k < end and k - j < 6 and pos[k] in ("NOUN", "ADJ"):
            if lower[k] in CAUSE_NOUNS:
                return tokens.span_text(j + 1, k + 1).lower()
            k += 1
    return None


def die_verb(ctx, i):
    """Return the death of "Y dies", "Y died of X", "Y succumbs to", "Y bleeds to
    death", "Y commits suicide", "Y is found dead", "X finds Y dead"."""
    tokens = ctx.tokens
    lower, tag = tokens.lower, tokens.tag
    n = len(tokens)
    lemma = tokens.lemma[i]
    if lemma in FIND_VERBS:
        return _found_dead(ctx, i)
    if lower[i] == "dying" and i > 0 and lower[i - 1] in ("a", "the"):
        victim = known_people.name_starting(ctx, i + 1)  # "A dying Robert names Ned"
        return [Found("dying", "death", victim, i, victim.end, verb=i)] if victim else []
    to_death = lemma in TO_DEATH_DIE_VERBS and phrase_at(tokens, i + 1, ("to", "death")) \
        or lemma == "bleed" and phrase_at(tokens, i + 1, ("out",))
    suicide = lemma == "commit" and phrase_at(tokens, i + 1, ("suicide",))
    if not (lemma in DIE_VERBS or to_death or suicide) or not verbal(tokens, i) \
            or tag[i] == "VBG" or tag[i] == "VBN" and not _perfect(tokens, i):
        return []  # "a pool of water, drowned": a participle with no subject of its own
    if lemma == "succumb" and not (i + 1 < n and lower[i + 1] == "to"):
        return []
    victims = subjects_before(ctx, i)
    if not victims:
        return []
    if suicide:
        return [Found("death_intransitive", "death", v, i, i + 2, cause="suicide", verb=i)
                for v in victims]
    # "bleeds to death" says how, never of what: "death" is no cause
    cause = (None if to_death else _cause_after(ctx, i)) or CAUSE_OF_VERB.get(lemma)
    if lemma == "succumb" and not (cause and any(
            w in CAUSE_NOUNS or w.startswith(("poison", "wound", "injur")) for w in cause.split())):
        return []  # "succumbs to her seduction" is no death
    end = (i + 3 if lower[i + 1] == "to" else i + 2) if to_death else i + 1
    found = []
    for victim in victims:
        agent, harm, start = _harmed_by(ctx, i, victim)
        # "dies at the hands of X"
        agent = agent or agent_after(ctx, end - 1)
        found.append(Found("death_intransitive", "death", victim, start, end, agent,
                           cause or harm, verb=i))
    return found


def dead_state(ctx, i):
    """Return the death of "ends with Y dead", "leaves her dead", "Y lies dead", "Y
    drops dead"; never "left for dead", "presumed dead", "dead tired"."""
    tokens = ctx.tokens
    lower = tokens.lower
    floor = tokens.sent_start[i]
    if lower[i] != "dead" or i + 1 < len(tokens) and tokens.pos[i + 1] == "ADJ" or i <= floor:
        return []
    j = i - 1
    if tokens.text[j] == ")":
        j = coref_parenthesis_start(tokens, j, floor)
    span = known_people.name_ending(ctx, j + 1)
    if span is None and lower[j] in ("him", "her", "them"):
        before = j - 1
        if before >= floor and tokens.lemma[before] == "leave":
            agent = subject_before(ctx, before)
            victim = pronoun_at(ctx, j, {agent.text} if agent is not None else ())
            return [Found("death_active", "death", victim, before, i + 1, agent, verb=i)] \
                if victim is not None else []
        return []
    if span is not None:
        before = name_positions.word_before(tokens, span.start)
        if before is not None and lower[before] == "with" and before > floor \
                and verbal(tokens, before - 1):  # "ends with Y dead", not "With Y dead, ..."
            return [Found("death_intransitive", "death", span, before, i + 1, verb=i)]
        if before is not None and tokens.lemma[before] == "leave":
            agent = subject_before(ctx, before)
            return [Found("death_active", "death", span, before, i + 1, agent, verb=i)]
        return []
    if tokens.lemma[j] in ("lie", "drop", "fall") and verbal(tokens, j):
        return [Found("death_intransitive", "death", v, j, i + 1, verb=i)
                for v in subjects_before(ctx, j)]
    return []


def coref_parenthesis_start(tokens, j, floor):
    """Return the index before the "(" that the ")" at ``j`` closes, or ``j``."""
    k = j - 1
    while k > floor and tokens.text[k] != "(":
        k -= 1
    return k - 1 if tokens.text[k] == "(" else j


def _found_dead(ctx, i):
    """Return the deaths of "Y is found dead", "Y is found hanged", "X finds Y dead",
    "finds him dead" (no agent: finding is no killing)."""
    tokens = ctx.tokens
    if tokens.tag[i] == "VBN" and (_dead_at(tokens, i + 1) or i + 1 < len(tokens)
                                   and tokens.tag[i + 1] == "VBN"
                                   and tokens.lemma[i + 1] in KILL_VERBS):
        aux = passive_aux(tokens, i)  # "is found dead", "is found hanged"
        victims = victims_before(ctx, aux) if aux is not None else []
        cause = CAUSE_OF_VERB.get(tokens.lemma[i + 1])
        return [Found("death_intransitive", "death", v, i, i + 2, cause=cause, verb=i)
                for v in victims]
    body = _body_found(ctx, i)
    if body:
        return body
    if not verbal(tokens, i):
        return []
    victims, last = objects_after(ctx, i, subject_before(ctx, i))
    if not victims or not _dead_at(tokens, last + 1):
        return []
    return [Found("death_intransitive", "death", v, i, last + 2, verb=i) for v in victims]


def _body_found(ctx, i):
    """Return the death of "Y's body is found", "X discovers the corpse of Y", "finds
    his body" (the finder is no killer), or []."""
    tokens = ctx.tokens
    lower = tokens.lower
    n = len(tokens)
    floor = tokens.sent_start[i]
    aux = passive_aux(tokens, i)
    if aux is not None:  # "Y's body is found"
        j = aux - 1
        if j - 1 < floor or lower[j] not in BODY_NOUNS:
            return []
        owner = j - 1
        victim = possessor(ctx, owner)
        return [Found("death_intransitive", "death", victim, owner, i + 1, verb=i)] \
            if victim is not None else []
    if not verbal(tokens, i):
        return []
    j = i + 1
    finder = subject_before(ctx, i)
    exclude = {finder.text} if finder is not None else ()
    if j + 1 < n and lower[j] in POSSESSIVES and lower[j + 1] in BODY_NOUNS:
        victim, end = pronoun_at(ctx, j, exclude), j + 2  # "finds his body"
    elif j + 3 < n and lower[j] == "the" and lower[j + 1] in BODY_NOUNS and lower[j + 2] == "of":
        victim = known_people.name_starting(ctx, j + 3)  # "finds the body of Y"
        end = victim.end if victim is not None else j
    else:
        victim = known_people.name_starting(ctx, j)  # "finds Y's body"
        if victim is None or victim.end + 1 >= n or tokens.text[victim.end] not in APOSTROPHE_S \
                or lower[victim.end + 1] not in BODY_NOUNS:
            return []
        end = victim.end + 2
    if victim is None or victim.text in exclude or lower[end - 1] in BODY_NOUNS and end < n \
            and tokens.pos[end] in ("NOUN", "PROPN", "ADJ"):
        return []  # "finds Y's body double"
    return [Found("death_intransitive", "death", victim, i, end, verb=i)]


def _dead_at(tokens, k):
    """Return True for "dead" at token k, not "dead drunk", "dead tired"."""
    return phrase_at(tokens, k, ("dead",)) and not (k + 1 < len(tokens)
                                                    and tokens.pos[k + 1] == "ADJ")


def _harmed_by(ctx, i, victim):
    """Return (agent span or None, cause or None, first token of the telling) of the
    harm that the sentence tells before the die verb at token i and that struck
    ``victim``: "Y is stabbed by X ..., and she dies" and "X shoots Y and Y dies"
    give X, and the telling starts at the harm ("is stabbed"); with no such harm,
    (None, None, i). The nearest harm verb decides; a contrast ("but", "though") or
    a semicolon between them parts the two."""
    tokens = ctx.tokens
    for j in range(i - 1, tokens.sent_start[i] - 1, -1):
        if tokens.lower[j] in HARM_BREAKS:
            break
        lemma = tokens.lemma[j]
        if lemma not in HARM_VERBS or not verbal(tokens, j):
            continue
        if not happens(ctx, j, j + 1):
            break  # "Y is nearly shot by X and dies of fright"
        aux = passive_aux(tokens, j)
        if aux is not None:
            struck, agent = victims_before(ctx, aux), agent_after(ctx, j)
        else:
            agent = subject_before(ctx, j)
            struck, _last = objects_after(ctx, j, agent)
        hit = next((span for span in struck if span.text == victim.text), None)
        if hit is None:
            break
        first = j if aux is None else aux
        if tokens.sent_start[i] <= hit.start < first and hit.end_char > hit.start_char:
            first = hit.start  # "she is stabbed by X ... and she dies"
        return agent, CAUSE_OF_VERB.get(lemma), first
    return None, None, i


def _perfect(tokens, index):
    """Return True for a participle after "has", "had" or "have" ("had died")."""
    floor = tokens.sent_start[index]
    for j in range(index - 1, max(floor, index - 3) - 1, -1):
        if tokens.lemma[j] == "have":
            return True
        if tokens.pos[j] not in ("ADV", "AUX", "PART"):
            return False
    return False


def possessor(ctx, owner):
    """Return the name a possessive at token ``owner`` stands for ("his" resolved, or
    the name before "'s"), or None when the token is no possessive or names no one."""
    if ctx.tokens.lower[owner] in POSSESSIVES:
        return pronoun_at(ctx, owner)
    if ctx.tokens.text[owner] in APOSTROPHE_S:
        return known_people.name_ending(ctx, owner)
    return None
