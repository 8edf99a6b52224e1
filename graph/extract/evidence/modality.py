"""Is a statement asserted? Negation, modality, hypotheticals, rumours and questions.

"Kilgrave won't be raised from the dead", "she is rumoured to return", "if he
comes back", "Will Daredevil return?" are not facts. Rules ask ``asserted(ctx,
start, end)`` about the tokens of the statement they matched (usually the verb
and what stands around it); the check looks at the words before the verb in the
same clause and at the sentence as a whole.

>>> from graph.extract.reading.nlp import load_pipeline
>>> doc = load_pipeline()("Kilgrave won't be raised from the dead.")
>>> asserted_tokens(doc, 4, 5)
False
"""

NEGATIONS = frozenset({"not", "n't", "never", "no", "nor", "neither", "cannot", "without",
                       "n’t"})
# "will"/"would" stay out: "Kilgrave would return for season two" reports a decision.
MODALS = frozenset({"may", "might", "could", "should", "must", "can", "shall"})
HEDGES = frozenset({
    "rumoured", "rumored", "rumour", "rumor", "rumours", "rumors", "reportedly", "allegedly",
    "possibly", "perhaps", "maybe", "speculation", "speculate", "speculated", "hope", "hopes",
    "hoping", "wish", "wishes", "unconfirmed", "supposedly", "apparently", "likely", "unlikely",
    "expected", "plans", "planned", "planning", "want", "wants", "wanted", "threatens",
    "threatened", "tries", "tried", "attempts", "attempted", "nearly", "almost", "fake",
    "faked", "fakes", "pretends", "pretended", "seemingly", "presumed", "believed", "thought",
    "fears", "feared", "whether",
    # castings in talks, hoped for, refused or denied: "in talks to play", "would love to"
    "talks", "negotiations", "negotiating", "love", "refused", "refuses", "declined",
    "denied", "denies", "linked", "tipped", "considering", "eyeing", "frontrunner",
    # "attached to direct": a project's tentative commitment, not yet a credit
    "attached",
})
# Words of a plan or a wish that a statement below them hangs from: "was due to
# play", "is keen to return", "was lined up to play" (the words of HEDGES are read
# around the verb already).
INTENTIONS = frozenset({"due", "keen", "eager", "desperate", "willing", "reluctant",
                        "anxious", "determined", "lined", "earmarked", "pencilled",
                        "penciled"})
CONDITIONS = frozenset({"if", "unless", "whether", "should", "suppose", "supposing", "imagine"})
CLAUSE_BREAKS = frozenset({";", ":", "—", "–", "but", "although", "though", "however",
                           "while", "whereas", "yet"})
WINDOW = 6


def _clause_start(words, index, sent_start):
    """Return the index where the clause holding ``index`` starts."""
    i = index - 1
    while i >= sent_start:
        word = words[i]
        if word in CLAUSE_BREAKS or (word == "," and i < index - WINDOW):
            return i + 1
        i -= 1
    return sent_start


def _without_comparisons(words, start, end):
    """Return words[start:end] without the "no" of "no less than", "none other than",
    which stress a statement rather than deny it.

    >>> _without_comparisons(["no", "less", "than", "ann", "marsh"], 0, 5)
    ['', 'less', 'than', 'ann', 'marsh']
    """
    out = list(words[start:end])
    for k in range(start, end - 2):
        if words[k] in ("no", "none", "nothing") and words[k + 1] in ("less", "other") \
                and words[k + 2] == "than":
            out[k - start] = ""
    return out


def _asserted(words, start, end, sent_start, question):
    """Return the verdict on tokens [start, end), given the lower-case ``words`` of the
    text, the start of the sentence and whether the sentence is a ``question``."""
    if question:
        return False
    clause = _clause_start(words, start, sent_start)
    before = set(_without_comparisons(words, max(clause, start - WINDOW), start))
    inside = words[start:end]
    if NEGATIONS & before or NEGATIONS.intersection(inside):
        return False
    if MODALS & before or HEDGES & before or HEDGES.intersection(inside[:1]):
        return False
    return not any(word in CONDITIONS for word in words[clause:start])


def asserted_tokens(doc, start, end):
    """Return False when the statement at tokens [start, end) of ``doc`` is negated,
    hedged, modal, conditional or asked; True otherwise."""
    sent = doc[start].sent
    words = [t.lower_ for t in doc[sent.start:max(end, sent.end)]]
    return _asserted(words, start - sent.start, end - sent.start, 0,
                     sent.text.rstrip().endswith("?"))


def asserted(ctx, start, end):
    """Return whether the statement at tokens [start, end) of the article is asserted."""
    tokens = ctx.tokens
    return _asserted(tokens.lower, start, end, tokens.sent_start[start],
                     tokens.is_question(start))


def asserted_above(ctx, index, climb=5, through=None):
    """Return False when token ``index`` or a verb the parse hangs it from, up to
    ``climb`` steps, is negated, hedged or asked ("was not Vera", "are hoping to
    persuade Ann to return as Vera", "denies that she will play"); True otherwise.
    With ``through``, the climb goes on only through those dependencies (a clause's
    complements: the main clause does not deny an apposition, "Vera, played by Ann,
    never smiles")."""
    tokens = ctx.tokens
    if any(tokens.dep[j] == "neg" for j in tokens.children(index)):
        return False  # "was not Vera": the negation stands after the anchor
    i = index
    for _ in range(climb):
        head = tokens.head[i]
        if head == i or through is not None and tokens.dep[i] not in through:
            return True
        i = head
        if tokens.lower[i] in INTENTIONS:
            return False  # "was due to play Vera but pulled out"
        if tokens.pos[i] in ("VERB", "AUX") and (
                not asserted(ctx, i, i + 1)
                or any(tokens.dep[j] == "neg" for j in tokens.children(i))):
            return False
    return True


# What a statement may hang from and still be what the verb above it says: "hoping to
# persuade Ann to return as Vera", "denies that she will play Vera".
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "prep", "pcomp", "pobj"})


def denied_above(tokens, index, climb=6):
    """Return True when a word the parse hangs token ``index`` from, up to its clause's
    root, is negated, hedged or asked about: "X's Y does not appear", "neither X's Y
    nor ...", "X's Y is rumoured to come back". The name itself may still be a true
    pairing; what the clause says of it is not asserted."""
    i = index
    for _ in range(climb):
        if tokens.lower[i] in HEDGES or any(
                tokens.dep[c] == "neg" or tokens.lower[c] in ("neither", "nor")
                or tokens.dep[c] == "aux" and tokens.lower[c] in MODALS
                for c in tokens.children(i)):
            return True
        if tokens.head[i] == i:
            return False
        i = tokens.head[i]
    return False
