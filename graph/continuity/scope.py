"""The part of the store one answer needs: a Story of the claims about the names a
question gives, and of the claims that order story time, read without loading the
rest of the store.

A name is looked up by its IRI first (the same words in any case), which costs one
indexed read; only a name the store does not hold word for word ("Ned" for Eddard
Stark) reads the names of its kind and their aliases (kept by the store until it is
written) to find what it stands for, as ``find_name`` would over the whole story,
and counts the claims of the names that compete for it (a bounded read each). Works
named by the story times the question gives (``--at``, ``--until``) and by continuity
links are made known too, with the seasons the store shows each work to have, so a
Story read this way orders, cuts and resolves names as the whole store's Story does.
"""

from graph.continuity.names import Fit, Names, in_order, pick, ranked
from graph.continuity.story import (
    Story,
    closest_names,
    store_aliases,
    tie_message,
    unknown_message,
)
from graph.errors import StoryTimeError, UnknownEntityError
from graph.extract.mentions.aliases import fold
from graph.model.facts import Continuity, Fact
from graph.model.storytime import parse_position
from graph.rdf.mapping import fact_order

WHAT = {"character": "character", "person": "actor", "work": "work"}
# Claims counted per competing name (more means "many"), and the most names weighed.
WEIGH_UP_TO = 500
MOST_WEIGHED = 50


def stands_for(store, kind, name):
    """Return the stored names ``name`` may stand for: its own entity when the store
    holds it, else the one name of the kind that fits it best (by fit and by the
    claims the store holds about each, ``graph.continuity.names.choose``), else the
    names that tie for it, best first. Raises UnknownEntityError naming the closest
    names when none fits, or the first of more than MOST_WEIGHED that fit alike."""
    own = store.entity_label(kind, name)
    if own is not None:
        return [own]
    # One Names object per store state, so that its word index is built once.
    known = store.kept(("names", kind),
                       lambda: Names(store.names(kind), aliases=store.aliases(kind)))
    fits = ranked(name, known)
    if not fits:
        raise UnknownEntityError(unknown_message(name, closest_names(name, known), WHAT[kind]))
    if len(fits) > MOST_WEIGHED:
        # Too many to read or weigh ("Smith" in a large store): the user must say more.
        raise UnknownEntityError(tie_message(name, fits, WHAT[kind]))
    if len(fits) == 1:
        return [fits[0].name]
    weighed = in_order(Fit(found.name, found.score, found.how,
                           store.claims_naming_at_most(kind, found.name, WEIGH_UP_TO))
                       for found in fits)
    found = pick(weighed)
    return [found.name] if found else [fit.name for fit in weighed]


def _work_of(text):
    """Return the work a story-time text names, or None (unreadable text is left for
    the Story to refuse with its own message)."""
    if text is None:
        return None
    try:
        return text.work if hasattr(text, "work") else parse_position(text).work
    except StoryTimeError:
        return None


def _linked_works(store, facts):
    """Return the works that continuity links among ``facts`` name and some claim of
    the store names as its work: the whole store's Story knows them."""
    named = {name for fact in facts if isinstance(fact.claim, Continuity)
             for name in (fact.claim.work, fact.claim.with_) if name}
    return sorted(work for work in named if store.has_claims(work))


def _known_works(store, name):
    """Return the works with claims that a work name may stand for; none when the
    store holds no such work (the Story then refuses it in its own words)."""
    try:
        return [work for work in stands_for(store, "work", name) if store.has_claims(work)]
    except UnknownEntityError:
        return []


def claim_works(store):
    """Return {IRI: name} of the works some claim of the store names."""
    labels = store.entity_labels("work")
    return {iri: labels[iri] for iri in store.claim_works() if iri in labels}


def all_works(store):
    """Return the names of the works some claim of the store names, sorted."""
    return sorted(claim_works(store).values())


def story_of_claims(store, claims, until=None):
    """Return a Story of the Sourced ``claims`` (a check's or an answer's) and the
    claims that order story time, knowing every work of the store, cut at ``until``:
    what a page shows them with."""
    facts = [Fact(sourced.claim, evidence) for sourced in claims for evidence in sourced.evidence]
    return story_about(store, until=until, facts=facts, known=all_works(store))


def story_about(store, characters=(), actors=(), works=(), times=(), until=None, docs=(),
                facts=(), known=()):
    """Return a Story of what the store says about the given characters, actors
    (portrayals and crew) and works, and of the claims the articles ``docs`` state,
    plus the claims that order story time, cut at ``until``. ``times`` are story-time
    texts the answer will resolve (an ``--at``): their works are made known without
    reading their claims; ``known`` names more such works, as stored. ``facts`` are
    more Facts the caller read to hold too.

    Raises UnknownEntityError for a name the store does not hold, naming the closest.
    """
    facts = [*store.frame_facts(), *facts]
    wanted = [("character", name) for name in characters]
    wanted += [("person", name) for name in actors]
    wanted += [("work", name) for name in works]
    chosen = {}
    for kind, name in wanted:
        found = stands_for(store, kind, name)
        if len(found) == 1:
            # The Story resolves the typed name as the store did, whatever else it holds.
            chosen.setdefault(kind, {})[fold(name)] = found[0]
        for stored in found:
            facts.extend(store.facts_naming(kind, stored))
    for doc in docs:
        facts.extend(store.facts_in(doc))
    known = list(known)
    for text in (*times, until):
        work = _work_of(text)
        if work:
            known.extend(_known_works(store, work))
    facts = sorted(set(facts), key=fact_order)
    works = [*known, *_linked_works(store, facts)]
    named = {work for fact in facts if (work := getattr(fact.claim, "work", None))}
    seasons = {work: store.seasons_of(work) for work in sorted(named | set(works))}
    return Story(facts, until=until, works=works, seasons=seasons,
                 aliases=store_aliases(store), chosen=chosen)
