"""Where a name stands in its sentence, and what that says of it: a subject, a name
in an actor's parentheses, a place after "in" or "at", a title after "the pilot of"
or in quotes, a clause that hangs from another.

The pronoun resolver (``coref``) reads these to choose the names a pronoun may
stand for; they read the tokens and the parse only.
"""

from graph.extract.mentions import binding
from graph.extract.mentions.known_people import is_verb_tag

PLACE_PREPOSITIONS = frozenset({"in", "at", "into", "towards", "toward", "near", "across",
                                "beyond", "through", "outside", "inside", "within", "onto"})
WORK_PREPOSITIONS = frozenset({"in", "of", "on", "from"})
# Nouns for a part of a work: the name after "the pilot of" is a title.
WORK_PARTS = frozenset({"pilot", "episode", "episodes", "season", "seasons", "series",
                        "finale", "premiere", "cast", "run", "sequel", "remake", "reboot",
                        "spin-off", "spinoff", "prequel", "writers", "creator", "creators"})
APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
INDEFINITE = frozenset({"a", "an"})  # "a Lannister loyalist", "a Cyberman": no one's name
APPOSITIVE = 15
# Words tagged IN that open a clause ("since Jessica had..."), not a phrase.
SUBORDINATORS = frozenset({"while", "as", "after", "before", "when", "until", "once",
                           "because", "since", "although", "though", "whereas", "if",
                           "unless", "whenever", "that", "whether"})


def after_parenthesis(tokens, i):
    """Return the index after a parenthesis opening at i ("Jessica (Krysten Ritter)")."""
    text = tokens.text
    if i < len(text) and text[i] == "(":
        j = i
        while j < len(text) and text[j] != ")" and j - i < 12:
            j += 1
        return j + 1
    return i


def word_before(tokens, index):
    """Return the index of the token before a name, looking past "the" ("with the
    Hand"), or None at the start of a sentence."""
    floor = tokens.sent_start[index]
    j = index - 1
    if j > floor and tokens.lower[j] == "the":
        j -= 1
    return j if j >= floor else None


def in_parentheses(tokens, span):
    """Return True when a name stands alone in parentheses, where actors are named."""
    return (span.start > 0 and tokens.text[span.start - 1] == "("
            and span.end < len(tokens) and tokens.text[span.end] == ")")


def is_subject(tokens, span):
    """Return True when a name stands where a subject does: followed (after an
    actor's parenthesis, an appositive or an adverb) by a verb, and not after a
    preposition or a verb."""
    text, lower, tag, starts = tokens.text, tokens.lower, tokens.tag, tokens.is_sent_start
    n = len(text)
    before = word_before(tokens, span.start)
    if before is not None:
        if tag[before] in ("IN", "TO") and lower[before] not in SUBORDINATORS:
            return False
        if is_verb_tag(tag[before]) or text[before] in APOSTROPHE_S \
                or lower[before] in INDEFINITE:
            return False
    i = after_parenthesis(tokens, span.end)
    if i + 1 < n and text[i] == "," and lower[i + 1] in ("who", "which"):
        return True  # "Spike (James Marsters), who burned up"
    if i < n and text[i] == ",":  # "Jon Arryn, the King's Hand, dies"
        j = i + 1
        while j < n and j - i < APPOSITIVE and text[j] != "," and not starts[j]:
            j += 1
        if j < n and text[j] == ",":
            i = j + 1
    while i < n and tokens.pos[i] == "ADV" and not starts[i]:
        i += 1
    return i < n and not starts[i] and (
        is_verb_tag(tag[i]) or lower[i] in ("who", "dies", "kills"))


def root_of(tokens, span):
    """Return the token of a name span whose head lies outside it."""
    return next((k for k in range(span.start, span.end)
                 if not span.start <= tokens.head[k] < span.end), span.end - 1)


def main_subject(tokens, span):
    """Return True unless the parse puts the name in a clause that hangs from
    another ("Before the Doctor can decide, she is shot": the Doctor is not the
    sentence's subject)."""
    verb = tokens.head[root_of(tokens, span)]
    for _ in range(binding.SHARE_DEPTH):
        if tokens.dep[verb] in ("ROOT", "conj", "ccomp"):
            return True
        if tokens.dep[verb] in ("advcl", "relcl", "acl", "prep", "pcomp", "pobj"):
            return False
        verb = tokens.head[verb]
    return True


def subordinate_to(tokens, span, pronoun):
    """Return True when the name's clause hangs below the clause of the pronoun after
    it, so the two need not be one: "Before the Doctor can decide, she is shot"."""
    verb = tokens.head[root_of(tokens, span)]
    target = tokens.head[pronoun]
    for _ in range(binding.SHARE_DEPTH):
        if verb == target:
            return False
        if tokens.dep[verb] not in ("advcl", "prep", "pcomp", "pobj", "mark") \
                or tokens.head[verb] == verb:
            return False
        verb = tokens.head[verb]
        if verb == target:
            return True
    return False


def quoted_alone(tokens, span):
    """Return True for a name alone in double quotes: a title ("Heaven Sent")."""
    return span.start > 0 and span.end < len(tokens) \
        and tokens.text[span.start - 1] in ('"', "“") and tokens.text[span.end] in ('"', "”")


def stands_as_work(ctx, span):
    """Return True when a name stands as a work or a title here."""
    tokens = ctx.tokens
    before = tokens.lower[span.start - 1] if span.start > 0 else ""
    if span.text.startswith("The ") and span.start > 0 \
            and not tokens.is_sent_start[span.start]:
        return True
    if span.text not in ctx.works:
        return after_work_part(tokens, span)
    after = span.end if span.end < len(tokens) else None
    if after is not None and tokens.lower[after] in ("season", "series", "episode", "finale"):
        return True
    return before in WORK_PREPOSITIONS or after is None or not (
        tokens.text[after] == "(" or is_verb_tag(tokens.tag[after]))


def after_work_part(tokens, span):
    """Return True for a name after a part of a work and "of" ("the pilot of Buffy",
    "the cast of Harbour Lights"): a title, whatever else the name may be."""
    j = span.start - 1
    return j > 0 and tokens.lower[j] == "of" and tokens.lower[j - 1] in WORK_PARTS


def at_place(tokens, span):
    """Return True when a name stands where places do: after "in", "at", "into"...
    ("at the Wall" too), or after "to the" ("sent to the Wall", not "talks to Ned")."""
    j = word_before(tokens, span.start)
    if j is None:
        return False
    return tokens.lower[j] in PLACE_PREPOSITIONS or tokens.lower[j] == "to" and j + 1 < span.start
