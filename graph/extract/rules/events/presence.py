"""How a character is present, as the article states it: the mode words that hang
from a verb in the parse ("returned ..., first as a ghost", "appears in the
Doctor's mind as a vision", "kept appearing in flashbacks"), the appearances that
such a mode makes a fact of, and the deaths that a dream or a vision holds (a
death "in a nightmare" is no death).

- ``mode_of``: the mode of the words that hang from a verb, within a few links of
  the parse and never through another verb's clause; else the words around it
  (``graph.extract.rules.events.forms.mode_near``);
- ``appearance.mode``: "X appears as a ghost", "X kept appearing in flashbacks",
  "X is seen in a vision", "Y sees X again, but only in a dream": an appearance
  with its mode. A plain "X appears" says nothing of a mode and gives no fact;
- ``imagined``: a death told in a dream, a vision or a hallucination;
- ``remembered``: one told in a flashback, before the story.
"""

from graph.extract.mentions import known_people
from graph.extract.mentions.storytime import story_time_source
from graph.extract.registry import rule
from graph.extract.rules.events.clause import subject_before
from graph.extract.rules.events.objects import objects_after
from graph.extract.rules.events.tense import happens
from graph.extract.rules.events.words import MODE_WORDS
from graph.model.facts import Appearance

HOPS = 3
VERB_POS = frozenset({"VERB", "AUX"})
APPEAR_VERBS = frozenset({"appear", "emerge", "materialise", "materialize", "manifest",
                          "visit"})
SEE_VERBS = frozenset({"see", "meet", "encounter"})
# Modes of a mind's making: a death inside one is no death of the story.
IMAGINED = frozenset({"dream", "hallucination", "vision"})
IMAGINED_WORDS = frozenset({"fantasy", "fantasies", "imagination", "imagines", "imagined",
                            "daydream", "daydreams"})
CONFIDENCE = 0.6


def _hangs_from(tokens, j, verb):
    """Return True when token ``j`` hangs from ``verb`` within HOPS links of the
    parse, through no other verb."""
    k = j
    for _ in range(HOPS):
        head = tokens.head[k]
        if head == verb:
            return True
        if head == k or tokens.pos[head] in VERB_POS:
            return False
        k = head
    return False


def parsed_mode(ctx, verb):
    """Return the mode of a MODE_WORDS word hanging from the verb at ``verb``, or
    None."""
    tokens = ctx.tokens
    for j in range(tokens.sent_start[verb], tokens.sent_end[verb]):
        mode = MODE_WORDS.get(tokens.lower[j])
        if mode is not None and j != verb and _hangs_from(tokens, j, verb):
            return mode
    return None


def imagined(ctx, verb):
    """Return True when the event at ``verb`` happens in a dream, a vision or a
    hallucination ("In a nightmare, Y is killed"), or is imagined."""
    tokens = ctx.tokens
    mode = parsed_mode(ctx, verb)
    if mode in IMAGINED:
        return True
    k = verb
    for _ in range(HOPS):  # "a vision in which Y dies": the clause hangs from the vision
        k = tokens.head[k]
        if MODE_WORDS.get(tokens.lower[k]) in IMAGINED:
            return True
    return any(tokens.lower[j] in IMAGINED_WORDS and _hangs_from(tokens, j, verb)
               for j in range(tokens.sent_start[verb], tokens.sent_end[verb]))


def remembered(ctx, verb):
    """Return True when the event at ``verb`` is shown in a flashback or a memory
    ("In a flashback, X kills Y"): it happened before the story told."""
    return parsed_mode(ctx, verb) == "flashback"


def _appearing(ctx, i):
    """Return (character span, mode) of an appearance at token i, or None."""
    tokens = ctx.tokens
    lemma = tokens.lemma[i]
    if tokens.pos[i] not in VERB_POS:
        return None
    mode = parsed_mode(ctx, i)
    if mode is None:
        return None
    if lemma in APPEAR_VERBS or lemma == "see" and tokens.tag[i] == "VBN":
        # "X appears as a ghost", "X is seen in flashbacks"
        return subject_before(ctx, i), mode
    if lemma in SEE_VERBS:
        # "Y sees X again, but only in a dream"
        seer = subject_before(ctx, i)
        objects, _last = objects_after(ctx, i, seer)
        return (objects[0] if objects else None), mode
    return None


@rule("appearance.mode")
def appearance_mode(ctx):
    """Yield the appearances whose mode the article states: "X appears in Y's mind
    as a vision", "X kept appearing in flashbacks", "Y sees X in a dream"."""
    tokens = ctx.tokens
    actors = known_people.known_actors(ctx)
    for i, lemma in enumerate(tokens.lemma):
        if lemma not in APPEAR_VERBS and lemma not in SEE_VERBS:
            continue
        found = _appearing(ctx, i)
        if found is None or found[0] is None or found[0].text in actors \
                or found[0].text in ctx.works or not happens(ctx, i, i + 1):
            continue
        span, mode = found
        work, season, _episode, _timed = story_time_source(ctx, i)
        start = min(span.start_char, tokens.idx[i]) if span.end_char > span.start_char \
            and tokens.sent_start[span.start] == tokens.sent_start[i] else tokens.idx[i]
        end = max(tokens.end_char(i), _mode_end(ctx, i))
        yield ctx.fact(Appearance(character=span.text, work=work, season=season, mode=mode),
                       start, end, "appearance.mode", CONFIDENCE)


def _mode_end(ctx, verb):
    """Return the end offset of the mode word that hangs from the verb."""
    tokens = ctx.tokens
    for j in range(verb + 1, tokens.sent_end[verb]):
        if tokens.lower[j] in MODE_WORDS and _hangs_from(tokens, j, verb):
            return tokens.end_char(j)
    return tokens.end_char(verb)
