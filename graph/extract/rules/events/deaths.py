"""The forms of English that tell of a death, one function each.

- ``death_verb``: "X kills Y", "X snaps Y's neck", "X ends Y's life", "Y is killed
  by X", "X has Y beheaded", "stabbed to death", "fatally shot", "X puts Y to death",
  "Y, whom X kills", "Y kills himself", "Y sacrifices herself";
- ``die_verb``: "Y dies of X", "succumbs to his wounds", "bleeds to death", "commits
  suicide", "is found dead", "X finds Y dead", "a dying Y", with the agent and cause
  of a harm told before it in the sentence ("Y is stabbed by X and dies", "X shoots
  Y, and she dies") or "at the hands of X" after it;
- ``death_noun``: "results in Y's death", "pushes Y to her death", "X's murder of
  Y", "the death of Y in the season 1 finale", "Y and Z fall to their deaths".
"""

from graph.extract.mentions import binding, coref, known_people, name_positions
from graph.extract.rules.events.clause import (
    APOSTROPHE_S,
    POSSESSIVES,
    RELATIVES,
    agent_after,
    causative_objects,
    companions_after,
    gerund_subject,
    objects_after,
    relative_object,
    subject_before,
    subjects_before,
)
from graph.extract.rules.events.forms import (
    Found,
    finite,
    passive_aux,
    phrase_at,
    pronoun_at,
    verbal,
    victims_before,
)
from graph.extract.rules.events.tense import happens
from graph.extract.rules.events.words import (
    CAUSE_NOUNS,
    CAUSE_OF_VERB,
    DEATH_GOVERNORS,
    DEATH_NOUNS,
    DIE_VERBS,
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
    SURVIVE_VERBS,
    TO_DEATH_DIE_VERBS,
    TO_DEATH_VERBS,
)

# "before her death", "since Y's death": a death told elsewhere, or not at all.
REFERENCE_PREPOSITIONS = frozenset({"before", "after", "since", "until", "following",
                                    "despite", "avenge", "avenging"})
# "Y's body is found", "X discovers the corpse of Y": Y is dead.
FIND_VERBS = frozenset({"find", "discover"})
BODY_NOUNS = frozenset({"body", "corpse", "remains"})
# "fakes her death", "stages his own death": no one dies.
FAKE_VERBS = frozenset({"fake", "stage", "feign", "survive", "escape", "cheat", "avoid",
                        "prevent", "avert", "foresee", "predict", "investigate", "mourn"})
# Words that part a harm from a death told after it in the sentence: "Y is shot by X,
# but it is the fall that kills her".
HARM_BREAKS = frozenset({"but", "although", "though", "however", "yet", ";", ":", "—", "–"})


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
        victim = _possessor(ctx, owner)
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
        victim = _possessor(ctx, owner)
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


def death_noun(ctx, i, timed):
    """Return the death named by a noun ("Y's death", "the murder of Y", "to her
    death") when the words around make it an event: a verb of result ("results
    in", "pushes ... to"), "at the hands of", or a story time in the sentence
    (``timed``). "After Y's death" alone refers to a death told elsewhere."""
    tokens = ctx.tokens
    lower = tokens.lower
    if tokens.lemma[i] not in DEATH_NOUNS or tokens.pos[i] != "NOUN":
        return []
    floor = tokens.sent_start[i]
    victim = agent = None
    start = i
    if i > floor and tokens.text[i - 1] in APOSTROPHE_S:
        victim = known_people.name_ending(ctx, i - 1)
        start = victim.start if victim is not None else i
    elif i > floor and lower[i - 1] in POSSESSIVES:
        victim, start = "pronoun", i - 1
    end = i + 1
    if i + 2 < len(tokens) and lower[i + 1] == "of":
        k = i + 3 if lower[i + 2] == "the" and known_people.name_starting(ctx, i + 2) is None \
            else i + 2
        target = known_people.name_starting(ctx, k)
        if target is not None and target.end < len(tokens) \
                and tokens.text[target.end] in APOSTROPHE_S:
            return []  # "the death of X's career": the possession dies, not X
        if target is not None:
            if victim not in (None, "pronoun"):
                agent = victim  # "X's murder of Y"
            victim, end = target, target.end
    hands = agent_after(ctx, end - 1)
    agent = agent or hands
    governed = None
    for j in range(start - 1, max(floor, start - 5) - 1, -1):
        if tokens.lemma[j] in DEATH_GOVERNORS and finite(tokens, j) or \
                lower[j] == "to" and j == start - 1 and j > floor and _to_death_verb(tokens, j):
            governed = j
            break
    if victim is None or not (governed is not None or hands is not None or timed(i)):
        return []
    if governed is None and start > floor and lower[start - 1] in REFERENCE_PREPOSITIONS \
            or any(tokens.lemma[j] in FAKE_VERBS for j in range(max(floor, start - 4), start)):
        return []  # "the instant before her death", "fakes her death": no death told
    if victim == "pronoun":
        mover = governed if governed is not None and lower[start - 1] == "to" else None
        if mover is not None:
            verb = _to_death_verb(tokens, start - 1)
            objects, _last = objects_after(ctx, verb)
            if objects:  # "pushes Lysa to her death": Lysa, pushed by the subject
                agent = subject_before(ctx, verb)
                return [Found("death_noun", "death", objects[0], verb, i + 1, agent, verb=i)]
            if lower[i - 1] == "their":  # "A and B fall to their deaths": each subject
                return [Found("death_noun", "death", v, verb, i + 1, verb=i)
                        for v in subjects_before(ctx, verb)]
        victim = pronoun_at(ctx, i - 1, {agent.text} if agent else ())
        if victim is None:
            return []
    first = min(start, governed) if governed is not None else start
    return [Found("death_noun", "death", victim, first, max(end, i + 1), agent, verb=i)]


def _to_death_verb(tokens, to_index):
    """Return the index of the motion verb before "to her death", or None."""
    floor = tokens.sent_start[to_index]
    for j in range(to_index - 1, max(floor, to_index - 5) - 1, -1):
        if tokens.lemma[j] in TO_DEATH_VERBS and finite(tokens, j):
            return j
    return None


def survived(ctx, found):
    """Return True when the sentence goes on to tell that the victim of a death found
    lived ("is poisoned but survives", "is stabbed and later recovers"): the survive
    verb's subject, by the parse, is the victim, a pronoun, or shared with the
    death's verb."""
    tokens = ctx.tokens
    victim = found.character
    for j in range(found.end, tokens.sent_end[found.verb]):
        if tokens.lemma[j] not in SURVIVE_VERBS or not verbal(tokens, j):
            continue
        subject = binding.subject_of(tokens, j)
        if subject is not None and tokens.lower[subject] in RELATIVES:
            subject = tokens.head[tokens.head[subject]]  # "Y, who recovers"
        named = coref.name_covering(ctx, subject) if subject is not None else None
        if subject is None or tokens.lower[subject] in coref.PRONOUNS \
                or named is not None and named.text == victim.text:
            return True
    return False


def _possessor(ctx, owner):
    """Return the name a possessive at token ``owner`` stands for ("his" resolved, or
    the name before "'s"), or None when the token is no possessive or names no one."""
    if ctx.tokens.lower[owner] in POSSESSIVES:
        return pronoun_at(ctx, owner)
    if ctx.tokens.text[owner] in APOSTROPHE_S:
        return known_people.name_ending(ctx, owner)
    return None
