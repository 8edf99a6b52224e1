"""Who did it, without a parser: the subject before an event word (its object, agent
and work are read in ``objects``; whether the event is told as happening in
``graph.extract.rules.events.tense``).

Word order inside the clause and part-of-speech tags stand in for syntax:

- the subject of a verb is the nearest name before it that is not an object (a
  name after a verb or a preposition), a possessor ("Renly's camp") or an actor in
  parentheses; a pronoun subject is resolved (``graph.extract.mentions.coref``); "X, who
  kills" gives X; a common noun just before the verb ("Walder's men murder")
  means the subject is no name; but the object of "see", "let", "watch"... is the
  subject of a bare infinitive after it ("lets Y die"); names listed with the
  subject share its verb ("A, B and C are executed");

A pronoun stands for the name it resolves to, but where the pronoun stands
(``pronoun_span``): the evidence of "she dies" is "she dies", never a name sentences
before it.
"""

from dataclasses import replace

from graph.extract.mentions import binding, coref, descriptions, known_people, name_positions

APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
RELATIVES = frozenset({"who", "which", "that"})
COORDINATORS = frozenset({"and", "but", "then", "&", ",", "also", "or", "yet", "so"})
CLAUSE_END = frozenset({";", ":", "—", "–", ".", "!", "?"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "himself", "herself"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
POSSESSIVES = frozenset({"his", "her", "their"})
# Where the clause of a verb starts, looking back for names an object cannot be.
OBJECT_CLAUSE_MARKS = COORDINATORS | CLAUSE_END | RELATIVES
WORK_SCAN = 8
BY_SCAN = 8
# Words tagged IN that open a clause rather than a prepositional phrase.
SUBORDINATORS = name_positions.SUBORDINATORS
# "after murdering Y", "for killing Y": the gerund's subject is the clause's.
GERUND_OPENERS = SUBORDINATORS | {"for", "upon", "by"}
# Verbs whose object is the subject of a bare infinitive after it: "sees Y die",
# "lets him die", "watches X kill Y".
RAISING_VERBS = frozenset({"see", "watch", "hear", "let", "make", "help", "have", "feel",
                           "witness", "notice"})
# "has Y beheaded", "gets Y killed": the participle tells what befell the object.
CAUSATIVES = frozenset({"have", "get"})
FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
# The first words of names of groups ("the Council of Thirteen", "the Sons of the
# Harpy"): after "the", no one character.
GROUP_WORDS = frozenset({"council", "army", "armies", "house", "order", "guard", "brotherhood",
                         "sons", "children", "brothers", "sisters", "men", "company", "legion",
                         "family", "clan", "court", "band", "knights", "people", "tribe"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
DESCRIPTION = 3
RELATIVE_SCAN = 6


def is_verb(tokens, i):
    """Return True for a verb or auxiliary at token ``i``."""
    return known_people.is_verb_tag(tokens.tag[i])


def misread_verb(tokens, i):
    """Return True for a verb in -s the tagger read as a plural noun ("stabs/NNS",
    "flees/NNS"): its lemma differs from the word."""
    word = tokens.lower[i]
    return tokens.tag[i] == "NNS" and word.endswith("s") and word != tokens.lemma[i]


def pronoun_span(ctx, index, exclude=()):
    """Return the name the pronoun at ``index`` stands for, as a span with the
    name's text and the pronoun's place, or None (no pronoun, or no name found).
    Names whose text is in ``exclude`` are left out."""
    named = coref.resolve_pronoun(ctx, index, exclude)
    if named is None:
        return None
    tokens = ctx.tokens
    return replace(named, start=index, end=index + 1, start_char=tokens.idx[index],
                   end_char=tokens.end_char(index))


def skip_parenthesis_back(tokens, j, floor):
    """Return the index before the "(" that closes at j, or j when j is no ")"."""
    text = tokens.text
    if text[j] != ")":
        return j
    k = j - 1
    while k > floor and text[k] != "(":
        k -= 1
    return k - 1


def subject_before(ctx, index, exclude=()):
    """Return the name span of the subject of the verb at ``index``, or None when
    the subject is no name (or none is found in the sentence): read from the words
    before the verb, else from the parse ("Danny, played by X, a former soldier,
    has been hit by a car and killed")."""
    found = _subject_by_order(ctx, index, exclude)
    if found is None or found.text in known_people.known_actors(ctx):
        # "Y, played by Z, a former sailor, is hit": the parse knows Y is the subject
        return parsed_subject(ctx, index, exclude) or found
    parsed = parsed_subject(ctx, index, exclude)
    if parsed is not None and found.end <= parsed.start and parsed.end_char > 0:
        return parsed  # 'X said Y "dies a hero"': the order skipped the quote's subject
    return found


def parsed_subject(ctx, index, exclude=()):
    """Return the name (or resolved pronoun) the parse gives as the subject of the
    verb or auxiliary at ``index``, shared along coordinated verbs, or None."""
    tokens = ctx.tokens
    verb = tokens.head[index] if tokens.dep[index] in ("aux", "auxpass") else index
    subject = binding.subject_of(tokens, verb)
    if subject is None or subject >= index:
        return None
    if tokens.lower[subject] in SUBJECT_PRONOUNS:
        return pronoun_span(ctx, subject)
    if tokens.lemma[subject] in ("character", "role"):
        return _actors_role(ctx, subject) or _the_character(ctx, subject)
    span = coref.name_covering(ctx, subject)
    if span is None or span.text in exclude or name_positions.in_parentheses(tokens, span):
        return None
    return span


def gerund_subject(ctx, index):
    """Return the name (or resolved pronoun) that does the act of a gerund at
    ``index`` hanging from a preposition ("After killing Y, X flees", "X escapes by
    killing Y"): the subject of the verb the preposition hangs from, wherever it
    stands; or None."""
    tokens = ctx.tokens
    if tokens.tag[index] != "VBG" or tokens.dep[index] != "pcomp":
        return None
    prep = tokens.head[index]
    verb = tokens.head[prep]
    if tokens.dep[prep] != "prep" or verb == prep or not is_verb(tokens, verb):
        return None
    subject = binding.subject_of(tokens, verb)
    if subject is None:
        return None
    if tokens.lower[subject] in SUBJECT_PRONOUNS:
        return pronoun_span(ctx, subject)
    span = coref.name_covering(ctx, subject)
    return None if span is None or name_positions.in_parentheses(tokens, span) else span


def _actors_role(ctx, noun):
    """Return the character "his character" or "Ann Marsh's character" at token
    ``noun`` stands for: the role the article gives that actor, as a span at the
    noun's place, or None."""
    tokens = ctx.tokens
    owner = next((j for j in tokens.children(noun) if tokens.dep[j] == "poss"), None)
    if owner is None:
        return None
    if tokens.lower[owner] not in ("his", "her", "their"):
        actor = coref.name_covering(ctx, owner)
        role = known_people.role_of(ctx, actor.text) if actor is not None else None
    else:
        role = _pronoun_role(ctx, owner)
    if role is None:
        return None
    return coref.NameSpan(noun, noun + 1, tokens.idx[noun], tokens.end_char(noun), role, None,
                          frozenset())


def _the_character(ctx, noun):
    """Return the character "the character" at token ``noun`` stands for: the last
    name before it that the article gives an actor for ("Y is a character played
    by X. The character was killed off"), as a span at the noun's place, or None."""
    tokens = ctx.tokens
    if noun == 0 or tokens.lower[noun - 1] != "the" or tokens.lower[noun] != "character":
        return None
    known = known_people.known_characters(ctx)
    last = None
    for span in known_people.all_names(ctx):
        if span.start >= noun:
            break
        if span.text in known:
            last = span
    if last is None:
        return None
    return coref.NameSpan(noun, noun + 1, tokens.idx[noun], tokens.end_char(noun),
                          last.text, None, frozenset())


def _pronoun_role(ctx, owner):
    """Return the role of the actor "his" at token ``owner`` stands for: the name the
    pronoun resolves to, else the nearest known actor named before it in its sentence
    ("A left after the second series, and his character was killed off"), or None."""
    named = coref.resolve_pronoun(ctx, owner)
    if named is not None:
        role = known_people.role_of(ctx, named.text)
        if role is None and named.text in ctx.memo.get("all_roles", ()):
            role = named.text  # "X plays Y. His character": "his" read as Y, a played role
        if role is not None:
            return role
    actors = known_people.known_actors(ctx)
    floor = ctx.tokens.sent_start[owner]
    for span in reversed(ctx.names):
        if floor <= span.start < owner and span.text in actors:
            return known_people.role_of(ctx, span.text)
    return None


def _subject_by_order(ctx, index, exclude=()):
    """Return the subject name that word order gives (see ``subject_before``)."""
    tokens = ctx.tokens
    text, lower, tag, pos = tokens.text, tokens.lower, tokens.tag, tokens.pos
    floor = tokens.sent_start[index]
    j = index - 1
    crossed = tag[index] == "VBG" and j >= floor and lower[j] in GERUND_OPENERS
    while j >= floor:
        j = skip_parenthesis_back(tokens, j, floor)
        if j < floor:
            return None
        span = known_people.name_ending(ctx, j + 1)
        if span is not None:
            owner = span.end < len(tokens) and text[span.end] in APOSTROPHE_S
            before = name_positions.word_before(tokens, span.start)
            kind = span.end < index and modifier(tokens, span)  # "a Lannister loyalist"
            owned = before is not None and text[before] in APOSTROPHE_S  # "the King's Hand"
            if _raised(tokens, before, span.end, index) and span.text not in exclude:
                return span
            if name_positions.in_parentheses(tokens, span) or owner \
                    or _after_verb_or_prep(tokens, before) \
                    or kind or owned or span.text in exclude:
                j = span.start - 1
                continue
            return span
        word = lower[j]
        if word in OBJECT_PRONOUNS and tag[j] == "PRP" and _raised(tokens, j - 1, j + 1, index):
            # "X lets him die": him is never X
            raiser = subject_before(ctx, j - 1)
            return pronoun_span(ctx, j, {raiser.text} if raiser is not None else ())
        if word == "," and not crossed and _only_adverbs(tokens, j + 1, index):
            # "Jon Arryn, the King's Hand, dies": the name before the appositive
            k = j - 1
            while k > floor and k > j - name_positions.APPOSITIVE and text[k] != ",":
                k -= 1
            named = known_people.name_ending(ctx, skip_parenthesis_back(tokens, k - 1, floor) + 1)
            if text[k] == "," and named is not None and named.text not in exclude:
                return named
        if word in SUBJECT_PRONOUNS and tag[j] == "PRP":
            return pronoun_span(ctx, j)
        if word in RELATIVES and tag[j] in ("WP", "WDT"):
            k = j - 1
            if k >= floor and text[k] == ",":
                k -= 1
            k = skip_parenthesis_back(tokens, k, floor) if k >= floor else k
            return known_people.name_ending(ctx, k + 1) if k >= floor else None
        if word in CLAUSE_END:
            return None
        if word in COORDINATORS:
            crossed = True
        elif pos[j] in ("NOUN", "PRON") and not crossed and word not in (
                "one", "both", "all", "each"):
            # "the healer dies": the one name the article described so
            described = descriptions.description_at(ctx, j - 1) if j > floor else None
            return described if described is not None and described.end == j + 1 \
                and described.text not in exclude else None
        elif is_verb(tokens, j) and pos[j] != "AUX":
            crossed = True
        j -= 1
    return None


def _after_verb_or_prep(tokens, before):
    """Return True when the word at ``before`` (the one before a name) makes the name
    an object: a verb (or a verb in -s the tagger reads as a plural noun: "Jon
    stabs/NNS Daenerys"), a preposition or a verb's particle ("hunts down Y"),
    "a"/"an"."""
    lower = tokens.lower
    return before is not None and (
        is_verb(tokens, before) or tokens.tag[before] in ("IN", "TO", "RP")
        and lower[before] not in SUBORDINATORS or lower[before] in name_positions.INDEFINITE
        or misread_verb(tokens, before))


def _raised(tokens, before, end, index):
    """Return True when the name or pronoun ending at token ``end`` is the subject of
    the bare infinitive at ``index``, as the object of a verb of RAISING_VERBS at
    ``before``: "sees Y die", "lets Y die"."""
    return tokens.tag[index] == "VB" and before is not None \
        and before >= tokens.sent_start[index] and tokens.lemma[before] in RAISING_VERBS \
        and is_verb(tokens, before) and _only_adverbs(tokens, end, index)


def subjects_before(ctx, index):
    """Return the subject names of the verb at ``index``: the subject and the names
    or pronouns listed with it ("until he and Toshiko Sato both die", "A, B and C
    are executed"). A comma lists a name only after an "and" has: "Jon Arryn, the
    Hand" is no list; nor is a name after a verb or a preposition ("After meeting
    A, B and C are executed")."""
    first = subject_before(ctx, index)
    if first is None:
        return []
    tokens = ctx.tokens
    found = [first]
    floor = tokens.sent_start[index]
    j = _before_the(tokens, first.start) if floor <= first.start < index else floor - 1
    listed = False
    while j - 1 >= floor and (tokens.lower[j] == "and" or tokens.text[j] == "," and listed):
        listed = True
        k = skip_parenthesis_back(tokens, j - 1, floor)
        if k < floor:
            break
        other = known_people.name_ending(ctx, k + 1)
        if other is not None:
            j = _before_the(tokens, other.start)  # "The Hound and the Mountain fall"
        elif tokens.lower[k] in SUBJECT_PRONOUNS:
            other = pronoun_span(ctx, k)
            j = k - 1
        if other is None or name_positions.in_parentheses(tokens, other) \
                or _after_verb_or_prep(tokens, name_positions.word_before(tokens, other.start)):
            break
        found.append(other)
    return found


def _before_the(tokens, start):
    """Return the index before a name starting at ``start``, past a "the" before it."""
    j = start - 1
    return j - 1 if j >= tokens.sent_start[start] and tokens.lower[j] == "the" else j


def _only_adverbs(tokens, start, end):
    return all(pos in ("ADV", "AUX", "PART") for pos in tokens.pos[start:end])


def modifier(tokens, span):
    """Return True when a lower-case noun follows a name: the name says what kind
    ("Stark soldiers", "the Frey men"), it names no one; but not a verb in -s the
    tagger took for a noun and the parse still heads the clause with ("Ilsa hunts/NNS
    down Y")."""
    end = span.end
    return end < len(tokens) and tokens.pos[end] == "NOUN" and tokens.is_lower[end] \
        and not (misread_verb(tokens, end) and tokens.dep[end] in ("ROOT", "conj"))


