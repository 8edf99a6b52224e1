"""What ``canon ask`` suggests: an example question per intent, filled with names,
and the questions a reader may have meant ("Did you mean: Who plays Ned Stark?"),
the intents closest to what was typed, filled with the names it gives.

>>> examples({"character": "Silas Crane"})[:2]
['Is Silas Crane alive at the end of season 1?', 'What happened to Silas Crane?']
"""

from rapidfuzz import fuzz

from graph.continuity.question import INTENTS

# The slot each intent needs a name for, and the question it is asked by: the
# examples and the "did you mean" suggestions fill it with a name.
TEMPLATES = {
    "alive": ("character", "Is {} alive at the end of season 1?"),
    "happened": ("character", "What happened to {}?"),
    "comes-back": ("character", "How does {} come back?"),
    "plays": ("character", "Who plays {}?"),
    "played": ("person", "What did {} play?"),
    "died-when": ("character", "When did {} die?"),
    "killer": ("character", "Who killed {}?"),
    "died-in": ("work", "Which characters died in {} season 1?"),
    "back-from-dead": (None, "Which characters came back from the dead?"),
    "crew": ("work", "Who made {}?"),
    "appears": ("character", "Which seasons is {} in?"),
    "continuity": ("work", "What breaks continuity in {}?"),
    "conflicts": (None, "Where do the sources disagree?"),
}
# The names the examples take when the caller gives none.
DEFAULT_NAMES = {"character": "Kilgrave", "person": "David Tennant", "work": "Jessica Jones"}
SUGGESTIONS = 3


# The slot an intent cannot answer without, and the kind of name that fills it.
NEEDS = {"alive": "character", "happened": "character", "comes-back": "character",
         "plays": "character", "played": "actor", "died-when": "character",
         "killer": "character", "appears": "character"}
SLOT_KIND = {"character": "character", "actor": "person", "work": "work"}


def examples(names=None):
    """Return one question per intent, filled with ``names`` ({"character": ...,
    "person": ..., "work": ...}, the defaults where one is missing)."""
    names = {**DEFAULT_NAMES, **(names or {})}
    return [template.format(names[slot]) if slot else template
            for slot, template in (TEMPLATES[intent] for intent in INTENTS)]


EXAMPLES = examples()


def unique(items):
    """Return the items in order, each once."""
    return list(dict.fromkeys(items))


def suggest(question, names, intents=INTENTS, limit=SUGGESTIONS):
    """Return up to ``limit`` questions of ``intents`` filled with ``names`` ([(kind,
    name)]), those most like the question first; intents without a name slot too."""
    filled = []
    for intent in intents:
        slot, template = TEMPLATES[intent]
        if slot is None:
            filled.append(template)
        filled += [template.format(name) for kind, name in names if kind == slot]
    filled = unique(filled)
    ranked = sorted(filled, key=lambda q: -fuzz.token_set_ratio(question.lower(), q.lower()))
    return ranked[:limit]


def names_given(reading, lexicon):
    """Return [(kind, name)] of the names a reading gives: the stored name each fits
    (the first), or the stored names closest to one that fits none."""
    out = []
    for typed, kinds in reading.runs:
        out += [(kind, stored[0]) for kind, stored in kinds.items()]
        if not kinds:
            out += [(kind, near) for kind in ("character", "person", "work")
                    for near in lexicon.closest(kind, typed)[:1]]
    return out


def closer(reading, lexicon):
    """Return the questions of the reading's intent with the names closest to the
    one the store does not know."""
    slot = NEEDS.get(reading.intent) or "work"
    typed = getattr(reading, slot) or reading.work
    if not typed:
        return []
    near = lexicon.closest(SLOT_KIND[slot], typed)
    return [TEMPLATES[reading.intent][1].format(name) for name in near]


