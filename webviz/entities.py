"""The entities a page can be about, named in URLs by kind and slug: the same slug
as the entity's IRI (``graph.rdf.terms.entity_iri``), so ``/character/kilgrave`` is
the page of ``https://w3id.org/canon/id/character/kilgrave``."""

import threading
import weakref

from flask import abort

from graph.rdf.terms import slug

KINDS = ("character", "person", "work")
# One index per Story, gone with it: the app drops a Story when the store changes.
_INDEXES = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _index(story):
    """Return {kind: {slug: name}} for every character, person and work of a Story,
    built once per Story."""
    with _LOCK:
        found = _INDEXES.get(story)
    if found is None:
        found = _build_index(story)
        with _LOCK:
            _INDEXES[story] = found
    return found


def _build_index(story):
    people = {*story.actors(), *(s.claim.person for s in story.of_kind("crew"))}
    names = {"character": story.characters(), "person": sorted(people), "work": story.works()}
    return {kind: {slug(name): name for name in sorted(found)} for kind, found in names.items()}


def names(story, kind):
    """Return {slug: name} of one kind of entity in a Story."""
    return dict(_index(story)[kind])


def name_of(story, kind, entity_slug):
    """Return the name behind a kind and slug; abort with 404 naming them when the
    story has no such entity (or 404 for an unknown kind)."""
    if kind not in KINDS:
        abort(404, description=f"no kind of entity called {kind!r}: use one of {', '.join(KINDS)}")
    found = _index(story)[kind].get(entity_slug)
    if found is None:
        abort(404, description=f"no {kind} with the id {entity_slug!r} in this graph")
    return found


def node_id(kind, name):
    """Return the id a node of the graph view and a URL give an entity: "kind/slug"."""
    return f"{kind}/{slug(name)}"
