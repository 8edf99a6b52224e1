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
"""

from bisect import bisect_left
from dataclasses import dataclass

from graph.extract.mentions import binding
from graph.extract.mentions.names import NOT_NAMES, NameSpan
from graph.extract.registry import RULES

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
PLACE_PREPOSITIONS = frozenset({"in", "at", "into", "towards", "toward", "near", "across",
                                "beyond", "through", "outside", "inside", "within", "onto"})
WORK_PREPOSITIONS = frozenset({"in", "of", "on", "from"})
# Nouns for a part of a work: the name after "the pilot of" is a title.
WORK_PARTS = frozenset({"pilot", "episode", "episodes", "season", "seasons", "series",
                        "finale", "premiere", "cast", "run", "sequel", "remake", "reboot",
                        "spin-off", "spinoff", "prequel", "writers", "creator", "creators"})
APOSTROPHE_S = frozenset({"'s", "’s", "'", "’"})
INDEFINITE = frozenset({"a", "an"})  # "a Lannister loyalist", "a Cyberman": no one's name
PLAY_VERBS = frozenset({"play", "portray", "voice", "star"})
APPOSITIVE = 15
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
# Words tagged IN that open a clause ("since Jessica had..."), not a phrase.
SUBORDINATORS = frozenset({"while", "as", "after", "before", "when", "until", "once",
                           "because", "since", "although", "though", "whereas", "if",
                           "unless", "whenever", "that", "whether"})


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


def is_verb_tag(tag):
    """Return True for the tag of a verb or an auxiliary."""
    return tag.startswith("VB") or tag == "MD"


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


def known_actors(ctx):
    """Return the set of actor names (and their surnames): those the portrayal rules
    find, the subject of "plays", and the name after "played by"."""
    cached = ctx.memo.get("actors")
    if cached is not None:
        return cached
    actors, characters, roles = set(), set(), {}
    for name, func in list(RULES.items()):
        if name.startswith("portrayal."):
            for fact in func(ctx):
                actors.add(fact.claim.actor)
                characters.update(fact.claim.character.split())
                roles.setdefault(fact.claim.actor, fact.claim.character)
                ctx.memo.setdefault("all_roles", set()).add(fact.claim.character)
    tokens = ctx.tokens
    n, pos, lemma = len(tokens), tokens.pos, tokens.lemma
    for span in all_names(ctx):
        after = span.end if span.end < n else None
        if after is not None and pos[after] == "ADV" and span.end + 1 < n:
            after = span.end + 1
        role_after = after is not None and after + 1 < n and (
            pos[after + 1] in ("PROPN", "DET", "PRON"))  # not "Jessica plays along"
        if after is not None and lemma[after] in PLAY_VERBS \
                and is_verb_tag(tokens.tag[after]) and role_after or \
                span.start > 1 and tokens.lower[span.start - 1] == "by" \
                and lemma[span.start - 2] in PLAY_VERBS:
            actors.add(span.text)  # "Julie Benz first played her", "played by Mark Metcalf"
    for actor in list(actors):
        words = actor.split()
        if len(words) > 1 and words[-1] not in characters:
            actors.add(words[-1])
            if actor in roles:
                roles.setdefault(words[-1], roles[actor])
    ctx.memo["actors"] = actors
    ctx.memo["roles"] = roles
    return actors


def known_crew(ctx):
    """Return the names the crew rules find as crew, with their surnames: a
    showrunner or a director is no character a pronoun stands for."""
    cached = ctx.memo.get("crew")
    if cached is None:
        cached = set()
        for name, func in list(RULES.items()):
            if name.startswith("crew."):
                for fact in func(ctx):
                    cached.add(fact.claim.person)
                    cached.add(fact.claim.person.split()[-1])
        cached -= known_characters(ctx)
        ctx.memo["crew"] = cached
    return cached


def known_characters(ctx):
    """Return the characters the portrayal rules find, with each word of their names."""
    known_actors(ctx)
    cached = ctx.memo.get("characters")
    if cached is None:
        cached = set()
        for character in ctx.memo.get("all_roles", ()):
            cached.add(character)
            cached.update(character.split())
        ctx.memo["characters"] = cached
    return cached


def role_of(ctx, actor):
    """Return the character a known actor plays in the article, or None."""
    known_actors(ctx)
    return ctx.memo["roles"].get(actor)


def all_names(ctx):
    """Return the name spans of the article, plus sentence-first words that the
    tagger took for common nouns but the article uses as names elsewhere."""
    cached = ctx.memo.get("all_names")
    if cached is not None:
        return cached
    tokens = ctx.tokens
    seen = {span.text for span in ctx.names} | {span.text.split()[0] for span in ctx.names}
    starts = {span.start for span in ctx.names}
    extra = []
    for i, _end in tokens.sentences:
        text = tokens.text[i]
        if (i not in starts and text in seen and text[:1].isupper()
                and tokens.lower[i] not in NOT_NAMES and tokens.is_alpha[i]):
            extra.append(NameSpan(i, i + 1, tokens.idx[i], tokens.end_char(i), text, None,
                                  frozenset()))
    spans = sorted([*ctx.names, *extra], key=lambda s: s.start)
    ctx.memo["all_names"] = spans
    ctx.memo["name_at"] = {span.start: span for span in spans}
    ctx.memo["name_before"] = {span.end: span for span in spans}
    return spans


def name_starting(ctx, index):
    """Return the name (all_names) starting at a token, or None."""
    all_names(ctx)
    return ctx.memo["name_at"].get(index)


def name_ending(ctx, index):
    """Return the name (all_names) whose last token is ``index - 1``, or None."""
    all_names(ctx)
    return ctx.memo["name_before"].get(index)


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
        if _main_subject(tokens, span):
            first_subject.setdefault(sent_start[span.start], span)
        for i in range(span.end, tokens.sent_end[span.start]):
            if i in starts:
                break  # another name: the pronouns after it may be its own
            if lower[i] in ("himself", "herself") or lower[i] in ("he", "she") \
                    and tag[i] == "PRP":
                if not _subordinate_to(tokens, span, i) and _may_bind(ctx, span, i):
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


def _root_of(tokens, span):
    """Return the token of a name span whose head lies outside it."""
    return next((k for k in range(span.start, span.end)
                 if not span.start <= tokens.head[k] < span.end), span.end - 1)


def _main_subject(tokens, span):
    """Return True unless the parse puts the name in a clause that hangs from
    another ("Before the Doctor can decide, she is shot": the Doctor is not the
    sentence's subject)."""
    verb = tokens.head[_root_of(tokens, span)]
    for _ in range(binding.SHARE_DEPTH):
        if tokens.dep[verb] in ("ROOT", "conj", "ccomp"):
            return True
        if tokens.dep[verb] in ("advcl", "relcl", "acl", "prep", "pcomp", "pobj"):
            return False
        verb = tokens.head[verb]
    return True


def _subordinate_to(tokens, span, pronoun):
    """Return True when the name's clause hangs below the clause of the pronoun after
    it, so the two need not be one: "Before the Doctor can decide, she is shot"."""
    verb = tokens.head[_root_of(tokens, span)]
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


def _quoted(tokens, span):
    """Return True for a name alone in double quotes: a title ("Heaven Sent")."""
    return span.start > 0 and span.end < len(tokens) \
        and tokens.text[span.start - 1] in ('"', "“") and tokens.text[span.end] in ('"', "”")


def _is_work(ctx, span):
    """Return True when a name stands as a work or a title here."""
    tokens = ctx.tokens
    before = tokens.lower[span.start - 1] if span.start > 0 else ""
    if span.text.startswith("The ") and span.start > 0 \
            and not tokens.is_sent_start[span.start]:
        return True
    if span.text not in ctx.works:
        return _part_of(tokens, span)
    after = span.end if span.end < len(tokens) else None
    if after is not None and tokens.lower[after] in ("season", "series", "episode", "finale"):
        return True
    return before in WORK_PREPOSITIONS or after is None or not (
        tokens.text[after] == "(" or is_verb_tag(tokens.tag[after]))


def _part_of(tokens, span):
    """Return True for a name after a part of a work and "of" ("the pilot of Buffy",
    "the cast of Harbour Lights"): a title, whatever else the name may be."""
    j = span.start - 1
    return j > 0 and tokens.lower[j] == "of" and tokens.lower[j - 1] in WORK_PARTS


def _at_place(tokens, span):
    """Return True when a name stands where places do: after "in", "at", "into"...
    ("at the Wall" too), or after "to the" ("sent to the Wall", not "talks to Ned")."""
    j = word_before(tokens, span.start)
    if j is None:
        return False
    return tokens.lower[j] in PLACE_PREPOSITIONS or tokens.lower[j] == "to" and j + 1 < span.start


def _referents(ctx, spans, subject, genders):
    """Return the Referents of the name spans, with the genders given."""
    tokens = ctx.tokens
    actors = known_actors(ctx) | known_crew(ctx)
    characters = known_characters(ctx)
    subjects = {span.text for span in spans if subject[span.start]}
    # "Daenerys takes ...": a name that is the subject of a singular verb is one person
    singular = {span.text for span in spans
                if tokens.tag[tokens.head[_root_of(tokens, span)]] == "VBZ"
                and tokens.dep[_root_of(tokens, span)] in binding.SUBJECT_DEPS}
    out = []
    for span in spans:
        before = tokens.lower[span.start - 1] if span.start > 0 else ""
        possessor = span.end < len(tokens) and tokens.text[span.end] in APOSTROPHE_S
        place = _at_place(tokens, span) and not possessor and span.text not in subjects
        character = not (span.text in actors or in_parentheses(tokens, span) or place
                         or before in INDEFINITE or _is_work(ctx, span)
                         or span.labels & {"STORYTIME"} or _quoted(tokens, span))
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
            if span is not None and tokens.dep[_root_of(tokens, span)] != "poss":
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
