"""Appearance rules: a character present in a work, a season and a mode, as an
article states it.

- ``appearance.appears``: "Mara Quill appears in season 2 as a ghost", "Vera Stone
  appears only in flashbacks in the fourth season".
- ``appearance.guest``: "Orrin Vale guest-stars in two episodes", "Dana Holt guest
  stars as Vera Stone in season 3" (the actor's character).
- ``appearance.cameo``: "Tomas Reed makes a cameo in the finale", "makes a brief
  appearance", "cameos in season 4".

The one present is the subject: a character the article knows (a name it gives an
actor), the character of an actor it knows ("Dana Holt, who plays Vera Stone ...
guest-stars"), the name after "as", or in the synopsis of an episode any name that
is no actor's. A person the article does not tie to a role makes no fact (in news
"X makes a cameo" is mostly a real person as themselves). Season and work come from
the story time of the verb (the sentence, a section heading, the front matter); the
mode from the words after the verb ("as a ghost", "in a flashback"). Negated,
hedged, modal and asked statements make none ("will not appear").
"""

from graph.extract.evidence.modality import asserted
from graph.extract.mentions.known_people import known_actors, known_characters, role_of
from graph.extract.mentions.season_owners import CHANNEL_NAMES
from graph.extract.mentions.storytime import story_time
from graph.extract.registry import rule
from graph.model.facts import Appearance

# The mode a word after the verb gives: "as a ghost", "in flashbacks", "in her dreams".
MODE_WORDS = {
    "ghost": "ghost", "spirit": "ghost", "apparition": "ghost",
    "hallucination": "hallucination", "figment": "hallucination",
    "flashback": "flashback", "flashbacks": "flashback", "memory": "flashback",
    "memories": "flashback",
    "dream": "dream", "dreams": "dream", "nightmare": "dream",
    "vision": "vision", "visions": "vision",
    "voice": "voice", "voiceover": "voice", "voice-over": "voice",
    "clone": "clone", "double": "clone",
    "photograph": "mention", "photo": "mention", "portrait": "mention",
}
# How many words after the verb the mode and "as Character" may stand.
WINDOW = 12
# Words between a subject and its verb: "Mara Quill briefly appears".
BETWEEN = frozenset({"only", "briefly", "also", "again", "later", "finally", "even", "then",
                     "now", "first", "still"})
# Words after "appear" that tell of presence: "appears in", "appears as", "appears
# alongside"; anything else ("to be", "that", "distressed") is seeming.
PRESENCE_WORDS = frozenset({"in", "as", "on", "at", "during", "throughout", "alongside",
                            "with", "opposite", "before", "after", "for", "via", "through"})
CAMEO_NOUNS = frozenset({"cameo", "appearance", "appearances", "cameos"})
CAMEO_ADJECTIVES = frozenset({"a", "an", "brief", "guest", "surprise", "special", "short",
                              "fleeting", "final", "second", "memorable", "another"})
STAR_WORDS = frozenset({"star", "stars", "starred", "starring"})
CONFIDENCE = 0.7


def _verbs(ctx):
    """Yield (rule name, first token, last token) of each appearance verb phrase."""
    tokens = ctx.tokens
    lower, lemma, n = tokens.lower, tokens.lemma, len(tokens)
    for i in range(n):
        if lemma[i] == "appear" and tokens.pos[i] in ("VERB", "AUX") and _present(ctx, i):
            yield "appearance.appears", i, i
        elif lower[i] in ("cameo", "cameos", "cameoed") and tokens.pos[i] == "VERB":
            yield "appearance.cameo", i, i
        elif lower[i] == "guest":
            j = i + 2 if i + 2 < n and lower[i + 1] == "-" else i + 1
            if j < n and lower[j] in STAR_WORDS:
                yield "appearance.guest", i, j
        elif lemma[i] == "make" and tokens.pos[i] == "VERB":
            j = i + 1
            while j < n and j - i <= 4 and lower[j] in CAMEO_ADJECTIVES:
                j += 1
            if j < n and lower[j] in CAMEO_NOUNS and j > i + 1:
                yield "appearance.cameo", i, j


def _present(ctx, i):
    """Return True when "appear" at token i tells of presence ("appears in season 2",
    "appears as a ghost", "appears briefly."), not of seeming ("appears to be upset",
    "appears distressed", "it appears that")."""
    tokens = ctx.tokens
    j = i + 1
    while j < len(tokens) and tokens.lower[j] in BETWEEN:
        j += 1
    return j >= len(tokens) or tokens.lower[j] in PRESENCE_WORDS or tokens.is_punct[j] \
        and tokens.text[j] != "-"


def _subject(ctx, first):
    """Return the name just before a verb phrase (adverbs skipped), or None."""
    j = first
    while j > 0 and ctx.tokens.lower[j - 1] in BETWEEN:
        j -= 1
    return ctx.name_ending(j)


def _after(ctx, last):
    """Return (mode, character after "as", end token) read in the words after the verb."""
    tokens = ctx.tokens
    end = min(tokens.sent_end[last], last + 1 + WINDOW)
    mode, character, stop = None, None, last + 1
    for k in range(last + 1, end):
        word = tokens.lower[k]
        if word in (",", ";", "but", "while", "when", "after", "before", "which", "who"):
            break
        if mode is None and word in MODE_WORDS:
            mode, stop = MODE_WORDS[word], k + 1
        if character is None and word == "as" and ctx.name_starting(k + 1) is not None:
            name = ctx.name_starting(k + 1)
            character, stop = name, max(stop, name.end)
        if tokens.ent_type[k] == "STORYTIME" or tokens.pos[k] == "PROPN":
            stop = max(stop, k + 1)
    return mode, character, stop


def _character(ctx, subject, named):
    """Return the character present: the name after "as", the subject when it is a
    character, the role of a known actor; in an episode's synopsis, a subject that is
    no actor. None otherwise."""
    if named is not None:
        return named.text
    actors = known_actors(ctx)
    if subject.text in known_characters(ctx) and subject.text not in actors:
        return subject.text
    if subject.text in actors:
        return role_of(ctx, subject.text)
    if ctx.article.episode is not None and subject.text.lower() not in CHANNEL_NAMES:
        return subject.text
    return None


def _appearances(ctx):
    """Return [(rule name, Fact)] of every stated appearance, found once per article."""
    cached = ctx.memo.get("appearances")
    if cached is not None:
        return cached
    tokens = ctx.tokens
    cached = []
    for name, first, last in _verbs(ctx):
        subject = _subject(ctx, first)
        if subject is None or not asserted(ctx, first, last + 1):
            continue
        mode, named, stop = _after(ctx, last)
        character = _character(ctx, subject, named)
        if not character:
            continue
        work, season, _episode = story_time(ctx, first)
        end_char = tokens.idx[stop - 1] + len(tokens.text[stop - 1])
        claim = Appearance(character=character, work=work, season=season, mode=mode)
        cached.append((name, ctx.fact(claim, subject.start_char, end_char, name, CONFIDENCE)))
    ctx.memo["appearances"] = cached
    return cached


@rule("appearance.appears")
def appearance_appears(ctx):
    """Yield the facts of "X appears (in season 2) (as a ghost)"."""
    return [fact for name, fact in _appearances(ctx) if name == "appearance.appears"]


@rule("appearance.guest")
def appearance_guest(ctx):
    """Yield the facts of "X guest-stars (as Y) (in season 3)"."""
    return [fact for name, fact in _appearances(ctx) if name == "appearance.guest"]


@rule("appearance.cameo")
def appearance_cameo(ctx):
    """Yield the facts of "X makes a cameo", "X makes a brief appearance", "X cameos"."""
    return [fact for name, fact in _appearances(ctx) if name == "appearance.cameo"]
