"""Name resolution within one article: one canonical name per entity.

A character first met as "Jessica Jones (Krysten Ritter)" and later called
"Jessica", or an actor later called "Ritter", gets the full name in every fact;
a quoted nickname (Eddard "Ned" Stark) is an alias of the full name. A short name
that could belong to two full names is left as it is.
"""

from dataclasses import replace

NAME_FIELDS = ("actor", "character", "agent", "person")
# Titles are not names: "Captain Mara Quill" is also "Mara", never "Captain".
TITLES = frozenset({
    "captain", "dr", "dr.", "doctor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir",
    "dame", "lady", "lord", "ser", "king", "queen", "prince", "princess", "detective",
    "officer", "agent", "professor", "general", "colonel", "sergeant", "maester", "uncle",
    "aunt", "father", "mother", "sister", "brother",
})


def alias_table(full_names, nicknames=()):
    """Return {alias: full name} for the first and last words (titles skipped) of each name
    and for each (nickname, full name) pair, leaving out aliases shared by two names.

    >>> alias_table(["Jessica Jones", "Krysten Ritter"])["Jessica"]
    'Jessica Jones'
    """
    candidates = {}
    for full in full_names:
        words = full.split()
        while len(words) > 1 and words[0].lower() in TITLES:
            words = words[1:]
        if len(words) < 2 and words[0] == full:
            continue
        for alias in {words[0], words[-1]}:
            candidates.setdefault(alias, set()).add(full)
    for nickname, full in nicknames:
        candidates.setdefault(nickname, set()).add(full)
    return {alias: next(iter(fulls)) for alias, fulls in candidates.items() if len(fulls) == 1}


def resolve_corpus(read):
    """Return one list of facts per article from (facts, context) pairs, with names
    resolved across the articles read together."""
    return [facts for facts, _ctx in read]


def resolve_facts(facts, ctx):
    """Return the facts with short names replaced by the full names they stand for.

    The context's NameSpans give nicknames, which become aliases.
    """
    names = ctx.names
    full = {
        getattr(f.claim, field) for f in facts for field in NAME_FIELDS
        if getattr(f.claim, field, None) and len(getattr(f.claim, field).split()) > 1
    }
    nicknames = [(span.nickname, span.text) for span in names if span.nickname]
    aliases = alias_table(sorted(full), nicknames)
    out = []
    for fact in facts:
        changes = {}
        for field in NAME_FIELDS:
            value = getattr(fact.claim, field, None)
            if value and value in aliases:
                changes[field] = aliases[value]
        claim = replace(fact.claim, **changes) if changes else fact.claim
        out.append(replace(fact, claim=claim))
    return out
