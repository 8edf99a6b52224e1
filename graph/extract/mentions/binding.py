"""What the dependency parse says about who a pronoun can be: the subject of a verb
(shared along coordinated verbs and open clauses), the verb that governs an object
pronoun, and the nouns that give a name its gender.

- ``subject_of``: the subject of "kills" in "she turns on X and kills her" is "she"
  (``conj``); of "kill" in "climbs out to kill the Master" the climber (``advcl``,
  ``xcomp``), until a verb has a subject of its own;
- ``governing_verb``: "her" in "kills her" and "buries her" is the object of the verb,
  so never the verb's subject ("Matt buries her" is not Matt); a possessive ("her
  mistress") is no object of the verb and may be its subject;
- ``noun_genders``: "her boyfriend, Danny Pink", "his wife Angie", "Missy, now a
  woman": a name in apposition to (or compounded with) a gendered noun.

The parse of the small English model is often wrong on long sentences: callers
use these as evidence beside word order, never as the only reading.
"""

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative", "oprd"})
# Clauses that share the subject of the verb they hang from when they have none.
SHARING_DEPS = frozenset({"conj", "xcomp", "advcl"})
SHARE_DEPTH = 4
MALE_NOUNS = frozenset({
    "man", "boy", "husband", "boyfriend", "father", "son", "brother", "king", "uncle",
    "nephew", "grandfather", "prince", "lord", "monk", "priest", "widower", "dad",
    "stepfather", "fiancé", "fiance", "gentleman", "hero", "patriarch", "emperor",
})
FEMALE_NOUNS = frozenset({
    "woman", "girl", "wife", "girlfriend", "mother", "daughter", "sister", "queen", "aunt",
    "niece", "grandmother", "princess", "lady", "mistress", "widow", "mum", "mom",
    "stepmother", "fiancée", "fiancee", "heroine", "matriarch", "empress", "actress",
    "waitress", "nun", "witch",
})
VERB_POS = frozenset({"VERB", "AUX"})


def subject_of(tokens, verb):
    """Return the token index of the subject of the verb at ``verb``: its own
    ``nsubj``/``nsubjpass``, else the subject of the verb it is coordinated with or
    hangs from as an open clause ("turns on X and kills her"), or None."""
    for _ in range(SHARE_DEPTH):
        for j in tokens.children(verb):
            if tokens.dep[j] in SUBJECT_DEPS:
                return j
        head = tokens.head[verb]
        if tokens.dep[verb] not in SHARING_DEPS or head == verb or tokens.pos[head] not in VERB_POS:
            return None
        verb = head
    return None


def governing_verb(tokens, index):
    """Return the index of the verb whose object the pronoun at ``index`` is ("kills
    her", "hands it to him"), or None (a subject, a possessive, a noun's object)."""
    dep, head = tokens.dep[index], tokens.head[index]
    if dep in OBJECT_DEPS and tokens.pos[head] in VERB_POS:
        return head
    if dep == "pobj" and tokens.dep[head] in ("prep", "dative", "agent"):
        verb = tokens.head[head]
        if verb != head and tokens.pos[verb] in VERB_POS:
            return verb
    return None


def _gender_of_noun(tokens, j):
    """Return "m", "f" or None for a lower-case gendered noun at token ``j``."""
    if not tokens.is_lower[j]:
        return None
    lemma = tokens.lemma[j]
    if lemma in MALE_NOUNS:
        return "m"
    if lemma in FEMALE_NOUNS:
        return "f"
    return None


def noun_genders(tokens, spans):
    """Return {span.start: "m" or "f"} for names in apposition to a gendered noun
    ("her boyfriend, Danny", "Missy, now a woman") or compounded with one ("his
    wife Angie")."""
    out = {}
    for span in spans:
        root = next((k for k in range(span.start, span.end)
                     if not span.start <= tokens.head[k] < span.end), span.end - 1)
        found = None
        head = tokens.head[root]
        if span.end < len(tokens) and tokens.tag[span.end].startswith("VB"):
            continue  # "the woman Ada Marsh fell for": the name opens a clause of its own
        if tokens.dep[root] == "appos" and head != root:
            found = _gender_of_noun(tokens, head)
        if found is None:
            for j in tokens.children(root):
                if tokens.dep[j] in ("appos", "compound", "nmod") \
                        and not span.start <= j < span.end:
                    found = _gender_of_noun(tokens, j)
                    if found:
                        break
        if found:
            out[span.start] = found
    return out
