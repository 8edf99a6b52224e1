"""Real people's deaths and births are not facts: telling them from a character's.

In a synopsis (an article whose front matter names a work, a season or an episode)
every death is the story's. In news, reviews and features, "Ray Charles died last
year", "the singer, who killed himself in 1980" and "she gave birth to a daughter"
tell of real people, while "in the film, Maggie dies" and "the character is killed
off" tell a story. A death or a birth there is the real world's when

- its person is an actor or crew of the article, or a person the article shows as
  real: named in a sentence that tells a death or a birth with a calendar year, an
  age or words of the real world (funeral, tribute, obituary, "aged 23", a
  weekend, a holiday, a spokesman), and no story in it; or described as one
  ("singer X", "dedicated to X"), whatever story words stand around;
- or its own sentence has such evidence, or words of a work's making ("on the set",
  "during filming", "on stage"), and no story context;
- or it is a birth with no story context at all (news tells births of real people).

Revelations ("X was revealed as the new host") and "a dying X" there are the real
world's unless the article makes X a character or tells a story around them.

Story context is a story-time phrase ("in the second season"), a story word
(character, episode, storyline, killed off) or "in the film", "on screen".
"""

from graph.extract.mentions import known_people
from graph.extract.rules.events.tense import MONTHS, YEARS

STORY_WORDS = frozenset({"character", "characters", "episode", "episodes", "finale",
                         "storyline", "plot", "scene", "scenes", "fictional", "villain",
                         "heroine", "hero", "screen", "onscreen", "on-screen", "season",
                         "series", "sequel", "prequel", "spin-off", "novel", "chapter",
                         "off"})
STORY_WORKS = frozenset({"film", "movie", "show", "series", "episode", "play", "book", "novel",
                         "drama", "soap", "sitcom", "musical", "opera", "story"})
REAL_WORDS = frozenset({"aged", "funeral", "tribute", "tributes", "obituary", "memorial",
                        "legend", "late", "singer", "musician", "rapper", "frontman", "band",
                        "actor", "actress", "comedian", "presenter", "director", "producer",
                        "widow", "widower", "mourners", "mourn", "mourned", "condolences",
                        "passed", "yesterday", "ago", "last", "today", "hospital", "baby",
                        "pregnant", "pregnancy", "son", "daughter", "twins", "family",
                        # the days, the illnesses and the spokespeople of real lives
                        "weekend", "holiday", "illness", "tsunami", "publicist", "agent",
                        "spokesman", "spokeswoman", "spokesperson", "dedicated",
                        "career"})
DEATH_WORDS = frozenset({"died", "dies", "dead", "death", "suicide", "killed", "born", "birth",
                         "funeral", "obituary", "murdered", "passed"})
# Words before a name that make it a real person's.
REAL_DESCRIPTORS = frozenset({"late", "singer", "musician", "rapper", "legend", "comedian",
                              "presenter", "frontman", "guitarist", "drummer", "songwriter",
                              "novelist", "playwright", "footballer", "politician",
                              "president", "actor", "actress", "director", "producer",
                              "star", "co-star",
                              # "dedicated to X", "in memory of X": a work honours a person
                              "dedicated", "memory"})
DESCRIPTOR_SCAN = 4
# The making or the staging of a work, where performers come to harm: "hurt during
# filming", "injured on stage".
PRODUCTION_WORDS = frozenset({"filming", "rehearsal", "rehearsals", "rehearsing", "stunt",
                              "stunts", "stuntman", "stuntwoman", "production", "stage",
                              "onstage", "concert", "gig", "gigs"})
# Events that happen to a body, which real people undergo as characters do ("came back
# from the dead in 2005, when she won again" is a figure of speech on a real person).
BODILY = frozenset({"death", "birth", "injury", "resurrection"})
# Verbs whose subject is an actor: "Ann Marsh, who starred in X".
STAR_LEMMAS = frozenset({"star", "co-star", "costar"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"})


def is_synopsis(ctx):
    """Return True when the front matter names a work, a season or an episode."""
    article = ctx.article
    return any(value is not None for value in (article.work, article.season, article.episode))


def _story_context(ctx, start, end):
    """Return True when tokens [start, end) tell a story: a story-time phrase, a
    story word, "in the film"."""
    tokens = ctx.tokens
    lower = tokens.lower
    for j in range(start, end):
        word = lower[j]
        if tokens.ent_type[j] == "STORYTIME" or word in STORY_WORDS and word != "off":
            return True
        if word == "off" and j > start and tokens.lemma[j - 1] in ("kill", "write"):
            return True  # "the character is killed off"
        if word in STORY_WORKS and j - 2 >= start and lower[j - 1] == "the" \
                and lower[j - 2] in ("in", "on", "of"):
            return True  # "in the film, Maggie dies"
    return False


def _real_evidence(ctx, start, end):
    """Return True when tokens [start, end) hold a calendar year, a month, a weekday,
    an age, a word of the real world or of a work's making ("on the set")."""
    tokens = ctx.tokens
    for j in range(start, end):
        text, word = tokens.text[j], tokens.lower[j]
        if len(text) == 4 and text.isdigit() and text[:2] in YEARS:
            return True
        if word in MONTHS and text[:1].isupper() or word in WEEKDAYS or word in REAL_WORDS:
            return True
        if word == "age" and j + 1 < end and tokens.lower[j + 1] == "of":
            return True
        if word in PRODUCTION_WORDS or word == "set" and j > start \
                and tokens.lower[j - 1] in ("the", "on") and tokens.pos[j] == "NOUN":
            return True  # "injured on the set of X", "during filming": the performer
    return False


def _real_people(ctx):
    """Return the name words of people the article shows as real: actors, crew, and
    names of a sentence that tells a death or a birth with real evidence and no story.
    Computed once per article."""
    cached = ctx.memo.get("real_people")
    if cached is not None:
        return cached
    tokens = ctx.tokens
    people = set(known_people.known_actors(ctx)) | set(known_people.known_crew(ctx)) \
        | _actors_by_verb(ctx)
    names = known_people.all_names(ctx)
    k = 0
    for start, end in tokens.sentences:
        while k < len(names) and names[k].start < start:
            k += 1
        if not any(word in DEATH_WORDS for word in tokens.lower[start:end]):
            continue
        if _real_evidence(ctx, start, end) and not _story_context(ctx, start, end):
            j = k
            while j < len(names) and names[j].start < end:
                people.update(word for word in names[j].text.split() if len(word) > 2)
                j += 1
    for span in names:
        # "late Joy Division singer Ian Curtis", "soul legend Ray Charles"
        floor = max(tokens.sent_start[span.start], span.start - DESCRIPTOR_SCAN)
        if any(tokens.lower[j] in REAL_DESCRIPTORS for j in range(floor, span.start)) \
                and not any(tokens.is_punct[j] for j in range(floor, span.start)):
            people.update(word for word in span.text.split() if len(word) > 2)
    people -= characters(ctx)
    ctx.memo["real_people"] = people
    return people


def characters(ctx):
    """Return the names the article shows as characters, with each word of them: the
    ones the portrayal rules find played, and the subjects of "X is a (fictional)
    character (in W)" (an encyclopedia's first line). Computed once per article."""
    cached = ctx.memo.get("event_characters")
    if cached is not None:
        return cached
    tokens = ctx.tokens
    found = set(known_people.known_characters(ctx))
    for j, lemma in enumerate(tokens.lemma):
        if lemma != "character" or tokens.dep[j] != "attr" or tokens.lemma[tokens.head[j]] != "be":
            continue
        for c in tokens.children(tokens.head[j]):
            span = ctx.name_covering(c) if tokens.dep[c] == "nsubj" else None
            if span is not None:
                found.add(span.text)
                found.update(span.text.split())
    ctx.memo["event_characters"] = found
    return found


def _longer_names(ctx, name):
    """Return the words of the name and of every longer name of the article that
    holds all its words ("Ian" gives Ian and Curtis when "Ian Curtis" is named)."""
    words = set(name.split())
    out = set(words)
    for span in known_people.all_names(ctx):
        other = span.text.split()
        if words <= set(other):
            out.update(other)
    return out


def _age_follows(ctx, end):
    """Return True when the sentence after the one ending at token ``end`` gives an
    age the way obituaries do: "He was 84.", "She was 70 years old."."""
    tokens = ctx.tokens
    if end >= len(tokens):
        return False
    lower, stop = tokens.lower, tokens.sent_end[end]
    return stop - end <= 6 and lower[end] in ("he", "she") and end + 2 < stop \
        and lower[end + 1] == "was" and tokens.tag[end + 2] == "CD"


def _actors_by_verb(ctx):
    """Return the name words of people the article says starred or co-starred in
    something ("Ann Marsh, who starred in X"): actors, so real people."""
    tokens = ctx.tokens
    found = set()
    for v in range(len(tokens)):
        if tokens.lemma[v] not in STAR_LEMMAS or tokens.pos[v] != "VERB":
            continue
        subj = [c for c in tokens.children(v) if tokens.dep[c] == "nsubj"]
        if subj and tokens.lower[subj[0]] in ("who", "that") and tokens.dep[v] == "relcl":
            subj = [tokens.head[v]]
        for s in subj:
            name = known_people.name_ending(ctx, s + 1) if tokens.pos[s] == "PROPN" else None
            if name is not None:
                found.update(word for word in name.text.split() if len(word) > 2)
    return found


def real_world(ctx, found):
    """Return True when an event (a Found of the event forms) in an article that is no
    synopsis tells of a real person, not a character: a death, a birth, an injury or a
    resurrection with real-world evidence, a revelation or "a dying Y" of a name the
    article shows as no character and tells with no story around it, any other event
    of a person the article shows as real and gives no role."""
    if is_synopsis(ctx):
        return False
    tokens = ctx.tokens
    start, end = tokens.sent_start[found.verb], tokens.sent_end[found.verb]
    name = found.character.text
    if name in characters(ctx):
        return False
    if found.event in BODILY and _longer_names(ctx, name) & _real_people(ctx):
        return True  # "Vale, who was born in Leeds, starred in the series": a person
    if _story_context(ctx, start, end):
        return False
    if found.form == "dying":
        # "A dying Orrin Vale told his wife...": outside a synopsis and a story, the
        # dying are people (a character met dying is a synopsis' way of telling)
        return True
    if found.event == "revelation":
        # "X was revealed as the new host", "X turned out to be the winner": news
        # reveals castings and results; a story's revelation is a character's.
        return True
    if found.event not in BODILY:
        # "The show's star Ann Marsh was revealed to be the father": a real person no
        # character stands for (an actor's name for the role is read elsewhere).
        return bool(_longer_names(ctx, name) & _real_people(ctx)) \
            and known_people.role_of(ctx, name) is None
    if _longer_names(ctx, name) & _real_people(ctx):
        return True  # "Ian committed suicide" after "Curtis committed suicide in 1980"
    return found.event == "birth" or _real_evidence(ctx, start, end) \
        or _age_follows(ctx, end)
