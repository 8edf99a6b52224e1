"""Who "he", "her" and "they" are: pronouns resolved to a recent character name.

No parser and no trained coreference model: a few salience rules over the name
spans of the article, measured on synopses and news articles, right most of the
time and never certain.

Candidates are the names of the pronoun's sentence (before it) and of the two
sentences before, less those that are not characters:

- actors: the name inside "Character (Actor)" parentheses, and every name a
  portrayal rule finds as an actor (with its surname: "Ritter's detective");
- works: a name the article knows as a work, where it stands as one ("Jessica
  Jones Season Two", "in The Defenders"), and mid-sentence titles ("The Wall");
- places: a name after "in", "at", "into"... or "to the" ("sent to the Wall") that
  is never a subject elsewhere;
- names of the wrong gender, where the article shows one (a title such as
  "Lady" or "Ser", or the his/her and he/she that follow the name as a subject).

Among them, a subject pronoun ("he resurrects") takes the nearest name in subject
position (a name followed by its verb), else the nearest name; an object or
possessive pronoun ("kills him", "snaps his neck") takes the nearest name of its
own clause that is not a possessor ("in Tywin's bed"), else the nearest name.
Callers pass the clause's subject in ``exclude``: "X kills him" is never X.

What the article established about its names (actors, crew, characters) is read in
``known_people``; where a name stands (subject, parenthesis, place, title) in
``name_positions``.
"""

from bisect import bisect_left
from dataclasses import dataclass

from graph.extract.mentions import binding
from graph.extract.mentions.known_people import (
    all_names,
    known_actors,
    known_characters,
    known_crew,
)
from graph.extract.mentions.name_positions import (
    APOSTROPHE_S,
    INDEFINITE,
    at_place,
    in_parentheses,
    is_subject,
    main_subject,
    quoted_alone,
    root_of,
    stands_as_work,
    subordinate_to,
)
from graph.extract.mentions.names import NameSpan

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "themselves"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
PRONOUNS = MALE | FEMALE | PLURAL
REFLEXIVES = frozenset({"himself", "herself", "themselves"})
MALE_TITLES = frozenset({"ser", "sir", "lord", "king", "prince", "mr", "mr.", "father",
                         "brother", "uncle", "khal", "duke", "count", "baron", "emperor"})
TITLES = frozenset({"ser", "sir", "lord", "lady", "king", "queen", "prince", "princess",
                    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dame", "khal", "maester",
                    "captain", "doctor", "dr", "dr.", "uncle", "aunt"})
FEMALE_TITLES = frozenset({"lady", "queen", "princess", "mrs", "mrs.", "ms", "ms.", "miss",
                           "mother", "sister", "aunt", "dame", "duchess", "countess",
                           "empress", "khaleesi"})
GENDER_MARGIN = 2
CLAUSE_MARKS = frozenset({",", ";", ":", "who", "whom", "which", "while", "but", "—", "–"})
SENTENCES_BACK = 2
# Nouns a subject pronoun does not stand for, so they part no pronoun from a name.
THINGS = frozenset({"death", "murder", "story", "show", "series", "episode", "season", "film",
                    "plan", "threat", "grief", "deal", "trail", "plot", "scene", "finale",
                    "premiere", "revival", "return", "truth", "answer", "result", "idea",
                    "news", "end", "fate", "body", "life", "world", "war", "battle", "fight",
                    "shot", "attack", "spell", "curse", "power", "memory", "heart", "twist"})
THING_ENDINGS = ("tion", "ment", "ness", "ity", "ance", "ence", "ism")
ORGANISATIONS = frozenset({"guild", "council", "army", "order", "brotherhood", "league",
                           "society", "clan", "court", "church", "agency", "bureau",
                           "ministry", "firm", "company", "corporation", "institute"})
GROUP_LABELS = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Referent:
    """A name that a pronoun may stand for, with what its position says of it."""

    span: NameSpan
    sent_start: int
    subject: bool
    possessor: bool
    character: bool
    gender: str | None
    group: bool = False
    plural: bool = False


def _gender_votes(ctx, spans, subject):
    """Return {name or first name: "m" or "f"} from titles ("Lady", "Ser"), from the
    first "he", "she" or reflexive after a subject name and before any other name
    ("Buffy sacrifices herself"), and from a sentence whose subject is "He" or "She"
    after a sentence whose subject is the name (the majority wins)."""
    tokens = ctx.tokens
    lower, tag, sent_start = tokens.lower, tokens.tag, tokens.sent_start
    votes = {}

    def vote(span, female, weight=1):
        words = span.text.split()
        keys = {span.text, words[1] if words[0].lower() in TITLES and len(words) > 1
                else words[0]}
        for key in keys:
            votes.setdefault(key, [0, 0])[1 if female else 0] += weight

    first_subject = {}
    starts = {span.start for span in spans}
    nouns = binding.noun_genders(tokens, spans)
    for span in spans:
        title = span.text.split()[0].lower()
        if title in MALE_TITLES or title in FEMALE_TITLES:
            vote(span, title in FEMALE_TITLES, 3)
        if span.start in nouns:  # "her boyfriend, Danny Pink"
            vote(span, nouns[span.start] == "f", 3)
        if not subject[span.start] or span.text in known_actors(ctx):
            continue
        if main_subject(tokens, span):
            first_subject.setdefault(sent_start[span.start], span)
        for i in range(span.end, tokens.sent_end[span.start]):
            if i in starts:
                break  # another name: the pronouns after it may be its own
            if lower[i] in ("himself", "herself") or lower[i] in ("he", "she") \
                    and tag[i] == "PRP":
                if not subordinate_to(tokens, span, i) and _may_bind(ctx, span, i):
                    vote(span, lower[i] in ("she", "herself"))
                break
    for start, end in tokens.sentences:
        # "She would be back", "In the closing minutes she tells": a sentence whose
        # subject is "he" or "she" and names no one before it
        opener = next((i for i in range(start, min(start + 6, end))
                       if lower[i] in ("he", "she") and tag[i] == "PRP" or i in starts), None)
        if opener is not None and opener not in starts and start > 0:
            named = first_subject.get(sent_start[start - 1])
            if named is not None:
                vote(named, lower[opener] == "she")
    return votes


def _decided(votes):
    """Return {name: "m" or "f"} from votes {name: [male, female]}: one vote can be
    wrong ("Before the Doctor can decide, she is shot"), so a name needs a title or
    a margin of two."""
    return {key: ("m" if m > f else "f") for key, (m, f) in votes.items()
            if abs(m - f) >= GENDER_MARGIN}


def _chain_votes(ctx, votes):
    """Return the votes with one more for each name whose coordinated verb's subject
    is "he" or "she" ("Y is stabbed by X, and she dies": Y is a she)."""
    tokens = ctx.tokens
    out = {key: list(pair) for key, pair in votes.items()}
    for i, word in enumerate(tokens.lower):
        if word in ("he", "she") and tokens.dep[i] in binding.SUBJECT_DEPS:
            named = _shared_subject(ctx, i, 0)
            if named is not None:
                out.setdefault(named.text, [0, 0])[1 if word == "she" else 0] += 1
    return out


def _may_bind(ctx, span, reflexive):
    """Return False for a reflexive whose own clause has another subject ("the girl
    the Doctor saved, who calls herself Me": herself is the girl, not the Doctor)."""
    tokens = ctx.tokens
    if tokens.lower[reflexive] not in REFLEXIVES:
        return True
    verb = binding.governing_verb(tokens, reflexive)
    subject = binding.subject_of(tokens, verb) if verb is not None else None
    return subject is None or span.start <= subject < span.end


def _referents(ctx, spans, subject, genders):
    """Return the Referents of the name spans, with the genders given."""
    tokens = ctx.tokens
    actors = known_actors(ctx) | known_crew(ctx)
    characters = known_characters(ctx)
    subjects = {span.text for span in spans if subject[span.start]}
    # "Daenerys takes ...": a name that is the subject of a singular verb is one person
    singular = {span.text for span in spans
                if tokens.tag[tokens.head[root_of(tokens, span)]] == "VBZ"
                and tokens.dep[root_of(tokens, span)] in binding.SUBJECT_DEPS}
    out = []
    for span in spans:
        before = tokens.lower[span.start - 1] if span.start > 0 else ""
        possessor = span.end < len(tokens) and tokens.text[span.end] in APOSTROPHE_S
        place = at_place(tokens, span) and not possessor and span.text not in subjects
        character = not (span.text in actors or in_parentheses(tokens, span) or place
                         or before in INDEFINITE or stands_as_work(ctx, span)
                         or span.labels & {"STORYTIME"} or quoted_alone(tokens, span))
        gender = genders.get(span.text) or genders.get(span.text.split()[0])
        # "the Hand", "the Firm": after "the", a name NER takes for an organisation
        # or a place is no "he" or "she"
        group = before == "the" and (tokens.ent_type[span.end - 1] in GROUP_LABELS
                                     or span.text.split()[0].lower() in ORGANISATIONS)
        # "the Freys", never "Daenerys (Emilia Clarke)", a character of the article
        plural = span.size == 1 and span.text.endswith("s") and "PERSON" not in span.labels \
            and span.text not in characters and span.text not in singular
        out.append(Referent(span, tokens.sent_start[span.start], subject[span.start],
                            possessor, character, gender, group, plural))
    return out


def referents(ctx):
    """Return the Referents of the article (every name, with its position), once."""
    cached = ctx.memo.get("referents")
    if cached is not None:
        return cached
    tokens = ctx.tokens
    spans = all_names(ctx)
    subject = {span.start: is_subject(tokens, span) for span in spans}
    votes = _gender_votes(ctx, spans, subject)
    ctx.memo["genders"] = _decided(votes)
    out = _referents(ctx, spans, subject, ctx.memo["genders"])
    ctx.memo["referents"] = out
    # A second reading, with the genders that the first one's "he" and "she" show.
    ctx.memo["genders"] = _decided(_chain_votes(ctx, votes))
    out = _referents(ctx, spans, subject, ctx.memo["genders"])
    for key in ("referents_by_sentence", "pronouns", "referent_at"):
        ctx.memo.pop(key, None)
    ctx.memo["referents"] = out
    return out


def _referents_by_sentence(ctx):
    """Return {sentence start: the Referents of that sentence, in text order}, once."""
    cached = ctx.memo.get("referents_by_sentence")
    if cached is None:
        cached = {}
        for referent in referents(ctx):
            cached.setdefault(referent.sent_start, []).append(referent)
        ctx.memo["referents_by_sentence"] = cached
    return cached


def noun_subjects(ctx):
    """Return the token indexes of common nouns in subject position ("The soldier
    keeps talking", "One of the commanders wants"), once per article."""
    cached = ctx.memo.get("noun_subjects")
    if cached is None:
        tokens = ctx.tokens
        n, tag, pos = len(tokens), tokens.tag, tokens.pos
        cached = []
        for i in range(n):
            if tag[i] not in ("NN", "NNS") or not tokens.is_lower[i] \
                    or tokens.dep[i] not in binding.SUBJECT_DEPS or _thing(tokens.lemma[i]):
                continue  # "in the episode broadcast that day": no subject
            j = i + 1
            while j < n and pos[j] == "ADV":
                j += 1
            if j < n and tag[j] in ("VBZ", "VBD", "VBP", "MD"):
                cached.append(i)
        ctx.memo["noun_subjects"] = cached
    return cached


def _thing(lemma):
    """Return True for a noun that names no person ("the death", "the plan", "the
    revelation"): no "he" or "she" stands for it."""
    return lemma in THINGS or lemma.endswith(THING_ENDINGS)


def _blocked(ctx, start, end):
    """Return True when a common noun subject stands between two tokens: the
    pronoun after it more likely stands for that noun than for an earlier name;
    but not a noun that the name before it owns ("Willow's grief turns her ...;
    she hunts")."""
    nouns = noun_subjects(ctx)  # in text order
    k = bisect_left(nouns, start)
    if not (k < len(nouns) and nouns[k] < end):
        return False
    tokens = ctx.tokens
    owner = next((j for j in tokens.children(nouns[k]) if tokens.dep[j] == "poss"), None)
    return owner is None or owner != start - 1 and name_covering(ctx, owner) is None


def _agrees(pronoun, referent):
    if pronoun in PLURAL:
        return referent.plural
    if referent.group:
        return False
    if referent.gender is None:
        return pronoun not in PLURAL
    return (referent.gender == "m") == (pronoun in MALE)


def _clause_start(tokens, index):
    i = index - 1
    sent_start = tokens.sent_start[index]
    while i > sent_start and tokens.lower[i] not in CLAUSE_MARKS:
        i -= 1
    return i


def name_covering(ctx, j):
    """Return the name span (all_names) holding token ``j``, or None."""
    cover = ctx.memo.get("name_cover")
    if cover is None:
        cover = {}
        for span in all_names(ctx):
            for k in range(span.start, span.end):
                cover[k] = span
        ctx.memo["name_cover"] = cover
    return cover.get(j)


def _subject_name(ctx, j, index, depth):
    """Return the name the subject token ``j`` stands for: its name, or what a
    pronoun before ``index`` resolves to; None for a common noun."""
    span = name_covering(ctx, j)
    if span is not None:
        referent = _referent_at(ctx, span.start)
        return span if referent is not None and referent.character else None
    if ctx.tokens.lower[j] in PRONOUNS and j < index:
        return _resolve(ctx, j, (), depth + 1)
    return None


def _shared_subject(ctx, index, depth):
    """Return the name a subject pronoun continues: the subject of the verb its own
    verb is coordinated with ("X is stabbed, and she dies"), or None."""
    tokens = ctx.tokens
    verb = tokens.head[index]
    if tokens.dep[index] not in binding.SUBJECT_DEPS or tokens.dep[verb] != "conj":
        return None
    first = tokens.head[verb]
    subject = binding.subject_of(tokens, first) if first < verb else None
    if subject is None or subject == index or subject > index:
        return None
    return _subject_name(ctx, subject, index, depth)


def _continued(ctx, index, depth):
    """Return the name a sentence's subject pronoun continues from the sentence
    before, when that sentence's main subject is the same pronoun or a name ("X is
    shot. She would be back."), and nothing in its own sentence comes first; or None."""
    tokens = ctx.tokens
    here = tokens.sent_start[index]
    if here == 0 or tokens.dep[tokens.head[index]] != "ROOT" \
            or any(name_covering(ctx, j) for j in range(here, index)):
        return None
    before = tokens.sent_start[here - 1]
    root = next((j for j in range(before, here) if tokens.head[j] == j), None)
    subject = binding.subject_of(tokens, root) if root is not None else None
    if subject is None:
        return None
    if tokens.lower[subject] in PRONOUNS and tokens.lower[subject] != tokens.lower[index]:
        return None
    named = _subject_name(ctx, subject, index, depth)
    if tokens.lower[index] in PLURAL:
        return named
    if named is None or ctx.memo.get("genders", {}).get(named.text) is None:
        # "Angel killed her ... She kept appearing": a subject of unknown gender, or
        # an actor, yields to the one the sentence before called by the same pronoun
        same = FEMALE if tokens.lower[index] in FEMALE else MALE
        for j in range(before, here):
            if tokens.lower[j] in same and j != subject:
                other = _resolve(ctx, j, (), depth + 1)
                if other is not None and (named is None or other.text != named.text):
                    return other
        if named is None:
            return None
        # or to a name of the sentence before known to be of the pronoun's gender
        gender = "f" if same is FEMALE else "m"
        known = [r.span for r in _referents_by_sentence(ctx).get(before, ())
                 if r.character and r.gender == gender]
        if known:
            return known[0]
    return named


def _echoed(ctx, index, depth, exclude=()):
    """Return what the nearest earlier pronoun of the same person stands for, when no
    name that the pronoun could stand for comes between ("Before X can decide what
    to do with her, she is shot"; "he leaves her ... Y gets to her"), or None."""
    tokens = ctx.tokens
    word = tokens.lower[index]
    if word in PLURAL:
        return None  # "they" gathers names too loosely to echo
    same = FEMALE if word in FEMALE else MALE
    floor = tokens.sent_start[index]
    for _ in range(SENTENCES_BACK):
        floor = tokens.sent_start[floor - 1] if floor > 0 else floor
    j = index - 1
    while j >= floor:
        span = name_covering(ctx, j)
        if span is not None:
            referent = _referent_at(ctx, span.start)
            if referent is not None and referent.character \
                    and span.text not in exclude and _agrees(word, referent):
                return None
            j = span.start - 1
            continue
        if tokens.lower[j] in same - REFLEXIVES:
            if _blocked(ctx, j, index):
                return None  # "One of the commanders wants ...; Y stops him and kills him"
            named = _resolve(ctx, j, (), depth + 1)
            return named if named is not None and named.text not in exclude else None
        j -= 1
    return None


def _referent_at(ctx, start):
    """Return the Referent of the name starting at token ``start``, or None."""
    at = ctx.memo.get("referent_at")
    if at is None:
        at = ctx.memo["referent_at"] = {r.span.start: r for r in referents(ctx)}
    return at.get(start)


def _structural(ctx, index, depth, subject_like, exclude=()):
    """Return the name the parse and the pronouns before it say a pronoun stands
    for: the subject it continues (coordinated verbs, the sentence before), or an
    earlier pronoun of the same person; or None."""
    found = None
    if subject_like:
        found = _shared_subject(ctx, index, depth) or _continued(ctx, index, depth)
    found = found or _echoed(ctx, index, depth, exclude)
    if found is None or found.text in exclude:
        return None
    gender = ctx.memo.get("genders", {}).get(found.text)
    word = ctx.tokens.lower[index]
    if gender is not None and (gender == "f") != (word in FEMALE) and word not in PLURAL:
        return None
    return found


def _subject_appositions(ctx, index):
    """Return the names that stand as or with the subjects of the verb whose object
    the pronoun at ``index`` is ("the law firm Wolfram & Hart raised her": her is
    neither Wolfram nor Hart), within two links of the parse."""
    tokens = ctx.tokens
    verb = binding.governing_verb(tokens, index)
    if verb is None:
        return set()
    subjects = {j for j in tokens.children(verb) if tokens.dep[j] in binding.SUBJECT_DEPS}
    names = set()
    for k in range(tokens.sent_start[verb], verb):
        head = tokens.head[k]
        if k in subjects or head in subjects or tokens.head[head] in subjects:
            span = name_covering(ctx, k)
            # "Ada Marsh's grief turns her": her may be the owner
            if span is not None and tokens.dep[root_of(tokens, span)] != "poss":
                names.add(span.text)
    return names


def _clause_subject(ctx, index, depth):
    """Return the subject name of the verb whose object the pronoun at ``index`` is
    ("Matt buries her": Matt), or None."""
    tokens = ctx.tokens
    verb = binding.governing_verb(tokens, index)
    if verb is None:
        return None
    subject = binding.subject_of(tokens, verb)
    if subject is None or subject == index:
        return None
    return _subject_name(ctx, subject, index, depth)


def resolve_pronoun(ctx, index, exclude=()):
    """Return the NameSpan a pronoun at token ``index`` most likely stands for, or
    None (not a pronoun, or no candidate). Names whose text is in ``exclude`` are
    left out."""
    memo = ctx.memo.setdefault("pronouns", {})
    key = (index, tuple(sorted(exclude)))
    if key not in memo:
        memo[key] = _resolve(ctx, index, exclude, 0)
    return memo[key]


def _resolve(ctx, index, exclude, depth):
    """Return what resolve_pronoun returns, ``depth`` pronouns down a chain."""
    tokens = ctx.tokens
    pronoun = tokens.lower[index]
    if pronoun not in PRONOUNS or depth > 3:
        return None
    exclude = set(exclude)
    exclude.update(_subject_appositions(ctx, index))
    bound = _clause_subject(ctx, index, depth)
    if bound is not None:
        if pronoun in REFLEXIVES:
            return bound  # "Buffy sacrifices herself"
        exclude.add(bound.text)  # "Matt buries her" is never Matt
    sents = []
    start = tokens.sent_start[index]
    for _ in range(SENTENCES_BACK + 1):
        sents.append(start)
        if start == 0:
            break
        start = tokens.sent_start[start - 1]
    by_sentence = _referents_by_sentence(ctx)
    candidates = [r for start in reversed(sents) for r in by_sentence.get(start, ())
                  if r.span.end <= index and r.character
                  and r.span.text not in exclude and _agrees(pronoun, r)]
    if not candidates:
        return None
    candidates.reverse()  # nearest first
    here = tokens.sent_start[index]
    if pronoun in REFLEXIVES:  # "Buffy sacrifices herself", however it is parsed
        return next((r.span for r in candidates if r.sent_start == here and not r.possessor),
                    None)
    best = None
    # "..., and her death calls Faith": a possessive opening a clause is read like a
    # subject pronoun.
    opens_clause = index == tokens.sent_start[index] or tokens.lower[index - 1] in (
        ",", "and", "but", ";", "then")
    tag = tokens.tag[index]
    subject_like = pronoun in SUBJECT_PRONOUNS and tag == "PRP" or \
        tag == "PRP$" and opens_clause
    structural = _structural(ctx, index, depth, subject_like, exclude)
    if structural is not None:
        return structural  # "X is stabbed by Y, and she dies": X
    if subject_like:
        # "As X's memory returns, she ...": a possessor of her own sentence too
        best = next((r for r in candidates
                     if r.subject or r.possessor and r.sent_start == here), None)
    else:
        clause = _clause_start(tokens, index)
        best = next((r for r in candidates if r.span.start >= clause and not r.possessor),
                    None)
    best = best or candidates[0]
    if best.gender is None and pronoun not in PLURAL:
        # a name known to be of the pronoun's gender, in this sentence or the one
        # before, beats a nearer name of unknown gender
        recent = set(sents[:2])
        # a possessor only as the one name of its sentence ("The death is not the
        # end of Clara's story. Then she appears ...")
        alone = {start for start in recent
                 if len({r.span.text for r in candidates if r.sent_start == start}) == 1}
        known = next((r for r in candidates if r.gender and r.sent_start in recent
                      and (r.subject or not subject_like or r.possessor
                           and r.sent_start in alone)), None)
        if best.sent_start != here or known is not None and known.sent_start == here:
            best = known or best
    if _blocked(ctx, best.span.end, index):
        return None
    return best.span
