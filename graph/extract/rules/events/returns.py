"""The forms of English that tell of a character's return to the story: "Y returns",
"comes back", "reappears", "is back", "makes a (surprise) return to the show", "was
brought back",
with the mode the words around give (``forms.mode_near``: "as a ghost", "in her
head").

News tells of performers and shows coming back in the same words; these are no
character's return: "back on our screens", "returns in a new drama", "back with a
new series", "returns to host the show", "returns to the stage". A return to a
place is travel ("returns to Dragonstone"), but a return to a work the article names
("returns to Harbour Lights") is to the show. Outside a synopsis, only a character
(a name the article gives an actor for) or a presence with a mode ("as a ghost")
returns: news tells "he returned to the soap" of actors.
"""

from graph.extract.mentions import known_people, works
from graph.extract.rules.events.clause import subject_before, subjects_before
from graph.extract.rules.events.forms import (
    Found,
    dead_phrase,
    mode_near,
    named_role,
    passive_aux,
    verbal,
    words_after,
)
from graph.extract.rules.events.objects import objects_after
from graph.extract.rules.events.realworld import characters, is_synopsis
from graph.extract.rules.events.words import (
    HEAD_WORDS,
    MODE_WORDS,
    RETURN_VERBS,
    SHOW_WORDS,
    TRAVEL_WORDS,
)

# Prepositions that give a return its mode: "as a ghost", "in flashbacks".
MODE_PREPOSITIONS = frozenset({"as", "in", "through", "via", "during"})
MODE_HOPS = 4
# Verbs whose object "return" is a return: "makes a surprise return", "stages a return".
RETURN_MAKERS = frozenset({"make", "stage", "mark", "enjoy"})
SCREEN_WORDS = frozenset({"screen", "screens", "tv", "television", "tvs", "stage", "stages"})
# A return "in a new ..." of these is in another work: a performer's, not a character's.
OTHER_WORK_NOUNS = frozenset({"drama", "film", "movie", "play", "production", "musical",
                              "sitcom", "comedy", "thriller", "album", "role", "documentary",
                              "project", "show", "programme", "program", "venture"})
# ... but "in the new series" is the same show's next run.
STORY_UNIT_NOUNS = frozenset({"series", "season", "episode", "episodes", "run", "chapter"})
# "back with a new album": what performers and shows come back with.
RELEASE_NOUNS = frozenset({"album", "single", "record", "book", "tour", "line-up", "lineup",
                           "look", "format", "presenter", "host", "name"})
# "returns to host (present, judge) the show": a presenter's return.
CAREER_VERBS = frozenset({"host", "present", "front", "judge", "direct", "write", "produce",
                          "narrate", "perform", "sing", "tour", "record", "compere", "co-host",
                          "headline", "coach", "mentor", "launch", "release"})
# "returns to the stage", "to television", "to acting": a performer's career.
CAREER_PLACES = frozenset({"stage", "television", "tv", "acting", "music", "broadway",
                           "theatre", "theater", "studio", "cinema", "films", "screens",
                           "spotlight", "limelight", "politics", "radio", "form", "touring",
                           "comedy", "writing", "directing", "hollywood"})


def return_verb(ctx, i, synopsis):
    """Return the return of "Y returns", "comes back", "reappears", "is back", with
    the mode the words around give. A return to a place ("returns to Dragonstone")
    is travel; in a synopsis (``synopsis``) a bare return is too, unless a mode or
    a show word ("returns to the series") says otherwise."""
    tokens = ctx.tokens
    n = len(tokens)
    lemma = tokens.lemma[i]
    if lemma in RETURN_VERBS and verbal(tokens, i):
        end = i + 1
    elif lemma in ("come", "be") and verbal(tokens, i) and i + 1 < n \
            and tokens.lower[i + 1] == "back":
        end = i + 2
    else:
        return []
    if end < n and dead_phrase(tokens, end):
        return []  # "returns from the dead" is a resurrection
    if lemma == "resurrect" and mode_near(ctx, i) is None:
        return []
    return _story_return(ctx, i, end, subject_before(ctx, i), synopsis)


def return_noun(ctx, i, synopsis):
    """Return the return of "Y makes a (surprise) return to the show": the noun
    "return" as the object of a verb of doing, whose subject returns."""
    tokens = ctx.tokens
    if tokens.lower[i] != "return" or tokens.pos[i] != "NOUN" or tokens.dep[i] != "dobj":
        return []
    verb = tokens.head[i]
    if tokens.lemma[verb] not in RETURN_MAKERS:
        return []
    return _story_return(ctx, i, i + 1, subject_before(ctx, verb), synopsis)


def brought_back(ctx, i, synopsis):
    """Return the returns of "Y was brought back (for the special)" and "the producers
    brought Y back": the makers return a character to the show ("brought back to
    life" is a resurrection, read first)."""
    tokens = ctx.tokens
    n = len(tokens)
    if not verbal(tokens, i):
        return []
    aux = passive_aux(tokens, i)
    if aux is not None:
        if i + 1 >= n or tokens.lower[i + 1] != "back":
            return []
        characters, end = subjects_before(ctx, aux), i + 2
    else:
        characters, last = objects_after(ctx, i, subject_before(ctx, i))
        end = last + 2
        if not characters or end > n or tokens.lower[end - 1] != "back":
            return []
    found = []
    for character in characters:
        found += _story_return(ctx, i, end, character, synopsis)
    return found


def _story_return(ctx, i, end, character, synopsis):
    """Return the return said at tokens [i, end) of ``character`` when the words
    around tell of a story's character coming back, not of travel or of a career."""
    tokens = ctx.tokens
    n = len(tokens)
    mode = mode_near(ctx, i) if is_synopsis(ctx) or _mode_attached(ctx, i) else None
    following = words_after(tokens, i, end, 4)
    show = any(word in SHOW_WORDS for word in following)
    if end < n and tokens.lower[end] in TRAVEL_WORDS and not show and mode is None \
            and not _to_work(ctx, end):
        return []
    if mode is None and _career(ctx, i, end):
        return []
    if synopsis and mode is None and not show:
        return []
    if character is not None and character.text in known_people.known_actors(ctx):
        character = _as_role(ctx, end) or named_role(ctx, character.text)
    if character is None:
        return []
    if "role" in following and character.text not in characters(ctx):
        return []  # "Sladen returned to the role": an actor whose role the text does not give
    # "Bobby Ewing" is known when the article says who played "Bobby"
    known = bool(set(character.text.split()) & characters(ctx))
    cued = mode is not None or show or _season_near(ctx, i)
    if not cued and not known:
        return []  # a bare "X returned" is a character's return only for a known character
    if not known and mode is None and not is_synopsis(ctx):
        return []  # news: "He returned to the soap" of a name no one plays is a performer
    return [Found("return", "return", character, i, end, mode=mode, verb=i)]


def _mode_attached(ctx, i):
    """Return True when a word of presence is what a preposition after the return at
    token ``i`` governs: "returns as a ghost", "comes back in flashbacks", "is back
    in her head"; not a modifier ("her dream job") nor a verb ("returns to voice").
    News uses those words of people; a synopsis is read by the word window alone."""
    tokens = ctx.tokens
    for j in range(i + 1, tokens.sent_end[i]):
        word = tokens.lower[j]
        if word not in MODE_WORDS and word not in HEAD_WORDS or tokens.pos[j] != "NOUN" \
                or tokens.dep[j] != "pobj":
            continue
        prep = tokens.head[j]
        if tokens.lower[prep] not in MODE_PREPOSITIONS:
            continue
        k = tokens.head[prep]
        for _ in range(MODE_HOPS):  # "reappears in the fifth series as a ghost"
            if k == i:
                return True
            if tokens.pos[k] in ("VERB", "AUX") or tokens.head[k] == k:
                break
            k = tokens.head[k]
    return False


def _to_work(ctx, end):
    """Return True when "to" at token ``end`` leads to a work the article names
    ("returns to Harbour Lights"): a return to the show, not travel."""
    if ctx.tokens.lower[end] != "to" or end + 1 >= len(ctx.tokens):
        return False
    span = known_people.name_starting(ctx, end + 1)
    return span is not None and (span.text in ctx.works or works.is_work(ctx, span.text))


def _career(ctx, i, end):
    """Return True when the words after a return at tokens [i, end) tell of a
    performer's or a show's career: "back on our screens", "returns in a new drama",
    "back with a new series", "returns to host the show", "returns to the stage"."""
    tokens = ctx.tokens
    lower = tokens.lower
    stop = min(tokens.sent_end[i], end + 6)
    for j in range(end, stop):
        word = lower[j]
        if word == "our" and j + 1 < stop and lower[j + 1] in SCREEN_WORDS:
            return True  # the viewers' screens: a performer or a show is back
        if word in ("a", "the", "another") and j > end and lower[j - 1] == "in" \
                and j + 1 < stop and lower[j + 1] == "new":
            k = j + 2
            while k < stop and tokens.pos[k] in ("ADJ", "PROPN", "NOUN") \
                    and lower[k] not in OTHER_WORK_NOUNS | STORY_UNIT_NOUNS:
                k += 1
            if k < stop and lower[k] in OTHER_WORK_NOUNS:
                return True  # "in a new drama": another work than the one returned to
        if word == "new" and j > end + 1 and lower[j - 2] == "with" and j + 1 < stop \
                and lower[j + 1] in OTHER_WORK_NOUNS | STORY_UNIT_NOUNS | RELEASE_NOUNS:
            return True  # "back with a new series", "returns with her new album"
        if word == "to" and j + 1 < stop and tokens.lemma[j + 1] in CAREER_VERBS \
                and tokens.tag[j + 1] == "VB":
            return True  # "returns to host the show"
        if word == "to" and j + 1 < stop and (lower[j + 1] in CAREER_PLACES or lower[
                j + 1] == "the" and j + 2 < stop and lower[j + 2] in CAREER_PLACES):
            return True  # "returns to the stage", "to television"
    return False


def _season_near(ctx, i):
    """Return True when a story-time mention stands in the sentence of token i."""
    tokens = ctx.tokens
    return "STORYTIME" in tokens.ent_type[tokens.sent_start[i]:tokens.sent_end[i]]


def _as_role(ctx, index):
    """Return the name after "as" a few tokens from ``index`` ("returns as Kilgrave")."""
    lower = ctx.tokens.lower
    for j in range(index, min(len(lower) - 1, index + 3)):
        if lower[j] == "as":
            return known_people.name_starting(ctx, j + 1)
    return None
