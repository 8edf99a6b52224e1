"""What an article has established about its names: who acts in it, who makes the
show, who the characters are, and every name span it holds.

Coreference, descriptions, kinship, appearances and the real-world event rules ask
these before they decide what a name stands for: an actor or a showrunner is no
character a pronoun stands for, a character's death is a story's. Each is found
once per article (``ctx.memo``) from what the portrayal and crew rules find, and
from "X plays", "played by X".
"""

from graph.extract.mentions.names import NOT_NAMES, NameSpan
from graph.extract.registry import RULES

PLAY_VERBS = frozenset({"play", "portray", "voice", "star"})


def is_verb_tag(tag):
    """Return True for the tag of a verb or an auxiliary."""
    return tag.startswith("VB") or tag == "MD"


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
