"""Deaths told by a noun, and deaths the sentence takes back.

- ``death_noun``: "results in Y's death", "pushes Y to her death", "X's murder of
  Y", "the death of Y in the season 1 finale", "Y and Z fall to their deaths";
- ``survived``: "is poisoned but survives", "is stabbed and later recovers".

A death told by a verb is read in ``killing`` ("X kills Y") and ``dying`` ("Y dies").
"""

from graph.extract.mentions import binding, coref, known_people
from graph.extract.rules.events.clause import (
    APOSTROPHE_S,
    POSSESSIVES,
    RELATIVES,
    subject_before,
    subjects_before,
)
from graph.extract.rules.events.forms import (
    Found,
    finite,
    pronoun_at,
    verbal,
)
from graph.extract.rules.events.objects import agent_after, objects_after
from graph.extract.rules.events.words import (
    DEATH_GOVERNORS,
    DEATH_NOUNS,
    SURVIVE_VERBS,
    TO_DEATH_VERBS,
)

# "before her death", "since Y's death": a death told elsewhere, or not at all.
REFERENCE_PREPOSITIONS = frozenset({"before", "after", "since", "until", "following",
                                    "despite", "avenge", "avenging"})
# "fakes her death", "stages his own death": no one dies.
FAKE_VERBS = frozenset({"fake", "stage", "feign", "survive", "escape", "cheat", "avoid",
                        "prevent", "avert", "foresee", "predict", "investigate", "mourn"})


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


