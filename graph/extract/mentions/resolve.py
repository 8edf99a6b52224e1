"""Name resolution: one canonical name per entity, within an article and a work.

A character first met as "Jessica Jones (Krysten Ritter)" and later called
"Jessica", or an actor later called "Ritter", gets the full name in every fact;
a quoted nickname (Eddard "Ned" Stark) is an alias of the full name; titles go
when two name words remain ("King Robert Baratheon" is Robert Baratheon) and stay
on a one-word name ("Maester Luwin"). A short name that could belong to two full
names is left as it is.

Across the articles read together, the articles about one work share a table
(``graph.extract.mentions.resolve_table``): a first name in one synopsis resolves to the
full name another one gives, and a misspelling merges into the most frequent
spelling when the context agrees (``graph.extract.mentions.resolve_spelling``). Works are
never mixed, except for real people: an actor is the same person in every work.
Only name fields (actor, character, agent, person) change; a work field is never
rewritten, so the show "Jessica Jones" stays a show while "Jessica" the
character becomes "Jessica Jones".
"""

from collections import Counter, defaultdict
from dataclasses import replace

from graph.extract.mentions.aliases import name_form
from graph.extract.mentions.resolve_spelling import spelling_map
from graph.extract.mentions.resolve_table import PERSON_FIELDS, NameTable, best_spelling, fact_names


def _resolved(table, fact):
    """Return the fact with its name fields resolved in ``table``."""
    claim = fact.claim
    if fact.kind == "portrayal":
        # Each side of a portrayal picks between namesakes by its partner.
        actor = table.resolve(claim.actor, "actor")
        character = table.resolve(claim.character, "character", partner=actor)
        actor = table.resolve(claim.actor, "actor", partner=character)
        changes = {"actor": actor, "character": character}
        if name_form(actor).key == name_form(character).key:
            return fact
    else:
        changes = {field: table.resolve(value, field) for field, value in fact_names(fact)}
    changes = {k: v for k, v in changes.items() if v and v != getattr(claim, k)}
    return replace(fact, claim=replace(claim, **changes)) if changes else fact


def _people(read):
    """Return the folded names that fill an actor or crew field in any article."""
    return {name_form(value).key for facts, _ctx in read for fact in facts
            for field, value in fact_names(fact) if field in PERSON_FIELDS}


def resolve_facts(facts, ctx):
    """Return the facts with short names replaced by the full names they stand for
    in the article: all its name spans (``ctx.names``) are sources of full names,
    and a lone surname counts as well as a given name."""
    read = [(facts, ctx)]
    table = NameTable(read, people=_people(read), local=True)
    return [_resolved(table, fact) for fact in facts]


def _work_of(ctx, index):
    """Return the key of the table an article shares: its work, or itself alone."""
    work = ctx.default_work
    return ("work", work.casefold()) if work else ("article", index)


def resolve_corpus(read):
    """Return one list of facts per article from (facts, context) pairs, with names
    resolved across the articles read together: one table per work (a character's
    lone surname does not cross articles), then one spelling of each real
    person's name over all works."""
    people = _people(read)
    groups = defaultdict(list)
    for index, (facts, ctx) in enumerate(read):
        groups[_work_of(ctx, index)].append((facts, ctx))
    tables = {key: NameTable(items, people=people, local=False)
              for key, items in groups.items()}
    resolved = [[_resolved(tables[_work_of(ctx, i)], f) for f in facts]
                for i, (facts, ctx) in enumerate(read)]
    spelt = _people_spelling(resolved, [ctx for _facts, ctx in read], people)
    return [[_respelt_people(spelt, fact) for fact in facts] for facts in resolved]


def _people_spelling(resolved, contexts, people):
    """Return {written full name: canonical spelling} for real people over all the
    articles: one slip apart, and playing the same character of the same work or
    far rarer (``graph.extract.mentions.resolve_spelling``)."""
    counts, surface, partners = Counter(), defaultdict(Counter), defaultdict(set)
    for facts, ctx in zip(resolved, contexts, strict=True):
        for span in ctx.names:
            form = name_form(span.text)
            if form.full and form.key in people:
                counts[form.key] += 1
                surface[form.key][form.canonical] += 1
        for fact in facts:
            if fact.kind == "portrayal":
                partners[name_form(fact.claim.actor).key].add(
                    (ctx.default_work, name_form(fact.claim.character).key))
    respelt = spelling_map(counts, partners)
    return {text: best_spelling(surface[respelt[key]])
            for key, spellings in surface.items() if key in respelt for text in spellings}


def _respelt_people(spelt, fact):
    """Return the fact with each real person's full name in its canonical spelling."""
    changes = {field: spelt[value] for field, value in fact_names(fact)
               if field in PERSON_FIELDS and value in spelt}
    return replace(fact, claim=replace(fact.claim, **changes)) if changes else fact
