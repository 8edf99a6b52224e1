"""Questions answered from a store, reading only what each intent needs: the
claims about the character or actor it names, the claims naming the work it asks
the crew of, the deaths of the work it names, the deaths and returns of everyone
for "which dead characters return?", and a check of the store read a batch of
characters at a time for "what breaks continuity?" and "where do the sources
disagree?". Names are read through the store's own resolution (``stands_for``).
The answers are those ``ask.answer`` gives over the whole store's Story.
"""


import re
from collections import Counter

from graph.continuity.ask import read_answer, with_or_without_the
from graph.continuity.scope import all_works, stands_for, story_about
from graph.continuity.story import closest_names
from graph.continuity.sweep import check_store
from graph.errors import UnknownEntityError

# What parts an article's title: "Jessica Jones season 1 finale synopsis, AKA Smile".
TITLE_PARTS = re.compile(r"\s*[,:|–—]\s*")
# The events that "which dead characters return?" reads.
COMEBACK_EVENTS = ("death", "return", "resurrection")
# The articles example names are drawn from: the latest, as the home page shows.
LATEST_ARTICLES = 20


class StoreNames:
    """The names a store holds, read as ``read_question`` asks (``fits``,
    ``closest``, ``samples``), each through the store's own resolution."""

    def __init__(self, store):
        self.store = store

    def fits(self, kind, typed):
        """Return the stored names of ``kind`` a typed name stands for, with or
        without a leading "the"; empty when none."""
        try:
            return with_or_without_the(lambda name: stands_for(self.store, kind, name), typed)
        except UnknownEntityError:
            return []

    def closest(self, kind, typed):
        """Return the stored names of ``kind`` that look most like a typed one."""
        return closest_names(typed, self.store.names(kind))

    def samples(self):
        """Return [(kind, name)]: the store's most written-about character, actor
        and work, for examples."""
        docs = self.store.latest_docs(LATEST_ARTICLES)
        return [(kind, name) for kind in ("character", "person", "work")
                for name in self.store.most_sourced(kind, 1, docs)[:1]]

    def episode(self, typed):
        """Return (work, season, episode) of the episode an article's title names
        ("Baelor", or "AKA Smile" after the comma of "Jessica Jones season 1 finale
        synopsis, AKA Smile"): the story time most of its claims give; or None."""
        key = _title_key(typed)
        for doc, title, _published in self.store.article_index() if key else ():
            parts = [title, *TITLE_PARTS.split(title)[1:]] if title else []
            if key in {_title_key(part) for part in parts}:
                return _episode_of(self.store, doc)
        return None


def _title_key(text):
    """Return a title as compared: case-folded, no quotes, no leading "the"."""
    key = " ".join(text.casefold().strip(" \"'“”‘’").split())
    return key.removeprefix("the ")


def _episode_of(store, doc):
    """Return the (work, season, episode) most claims of article ``doc`` give, or None."""
    counts = Counter((claim.work, claim.season, claim.episode)
                     for fact in store.facts_in(doc)
                     if (claim := fact.claim).kind == "event" and claim.work
                     and claim.season and claim.episode is not None)
    return counts.most_common(1)[0][0] if counts else None


def _about(store, until, field, name, times=()):
    """Return the Story about one named entity, with or without a leading "the" (as
    ``ask`` resolves names)."""
    return with_or_without_the(
        lambda typed: story_about(store, until=until, times=times, **{field: [typed]}), name)


def _works_meant(store, work, when_none):
    """Return the stored works a typed work stands for (none when the store holds
    none), or ``when_none`` when no work was typed."""
    try:
        return stands_for(store, "work", work) if work else when_none
    except UnknownEntityError:
        return []


def _deaths_story(store, until, work):
    """Return the Story of the deaths in ``work`` (typed; of every work when None, so
    that the only work can be found), knowing every work."""
    facts = [fact for name in _works_meant(store, work, [None])
             for fact in store.facts_of_events(("death",), name)]
    return story_about(store, until=until, known=all_works(store), facts=facts)


def _crew_story(store, until, work):
    """Return the Story of the crew credits of the work ``work`` (typed; of none
    when None), knowing every work."""
    facts = [fact for name in _works_meant(store, work, [])
             for fact in store.facts_of_kind_in_work("crew", name)]
    return story_about(store, until=until, known=all_works(store), facts=facts)


def _work_typed(reading):
    return reading.work or (reading.when.work if reading.when else None)


def _story_for(store, until):
    """Return ``story_for(intent, reading)`` reading from ``store`` cut at ``until``."""
    def story_for(intent, r):
        work = _work_typed(r)
        times = [work] if work else []
        if intent == "played":
            return _about(store, until, "actors", r.actor)
        if intent == "died-in":
            return _deaths_story(store, until, work)
        if intent == "back-from-dead":
            return story_about(store, until=until, facts=store.facts_of_events(COMEBACK_EVENTS))
        if intent == "crew":
            return _crew_story(store, until, work)
        if intent in ("continuity", "conflicts") and not r.character:
            return story_about(store, until=until, known=all_works(store))
        return _about(store, until, "characters", r.character, times)
    return story_for


def answer_from_store(store, question, until=None):
    """Return the Answer to a plain English question (see ``ask.answer``), reading
    from ``store`` only what the question's intent needs, cut at ``until``."""
    return read_answer(question, _story_for(store, until),
                       lambda work: check_store(store, work=work, until=until),
                       StoreNames(store))
