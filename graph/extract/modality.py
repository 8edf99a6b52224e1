"""Is a statement asserted? Negation, modality, hypotheticals, rumours and questions.

"Kilgrave won't be raised from the dead", "she is rumoured to return", "if he
comes back", "Will Daredevil return?" are not facts. Rules ask ``asserted(ctx,
start, end)`` about the tokens of the statement they matched (usually the verb
and what stands around it); the check looks at the words before the verb in the
same clause and at the sentence as a whole.

>>> from graph.extract.nlp import load_pipeline
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
})
CONDITIONS = frozenset({"if", "unless", "whether", "should", "suppose", "supposing", "imagine"})
CLAUSE_BREAKS = frozenset({";", ":", "—", "–", "but", "although", "though", "however",
                           "while", "whereas", "yet"})
WINDOW = 6


def _clause_start(doc, index, sent_start):
    """Return the index where the clause holding ``index`` starts."""
    i = index - 1
    while i >= sent_start:
        token = doc[i]
        if token.lower_ in CLAUSE_BREAKS or (token.text == "," and i < index - WINDOW):
            return i + 1
        i -= 1
    return sent_start


def asserted_tokens(doc, start, end):
    """Return False when the statement at tokens [start, end) of ``doc`` is negated,
    hedged, modal, conditional or asked; True otherwise."""
    sent = doc[start].sent
    if sent.text.rstrip().endswith("?"):
        return False
    clause = _clause_start(doc, start, sent.start)
    before = [t.lower_ for t in doc[max(clause, start - WINDOW):start]]
    inside = [t.lower_ for t in doc[start:end]]
    if NEGATIONS & set(before) or NEGATIONS & set(inside):
        return False
    if MODALS & set(before) or HEDGES & set(before) or HEDGES & set(inside[:1]):
        return False
    return not any(t.lower_ in CONDITIONS for t in doc[clause:start])


def asserted(ctx, start, end):
    """Return whether the statement at tokens [start, end) of the article is asserted."""
    return asserted_tokens(ctx.doc, start, end)
