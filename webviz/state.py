"""What the app keeps between requests: the store, the Story built from it for each
spoiler cut, and the Stories of single entities that their pages read, all read again
when the store changes."""

import threading

from graph.continuity.scope import story_about, story_of_claims
from graph.continuity.story import Story
from graph.continuity.sweep import check_store

# Stories kept, one per spoiler cut; a link shared widely makes one cut popular.
MAX_STORIES = 16
# Stories of one entity kept (per cut and entity): the pages most asked for.
MAX_ENTITY_STORIES = 256
# Graphs of the graph view read around one node (per cut, node, limit and filters).
MAX_GRAPHS = 64
# Graph JSON answers kept (per cut and query): each is one to a few hundred kB.
MAX_ANSWERS = 256


class Canon:
    """The store one app serves and a cache of its Story per spoiler cut."""

    def __init__(self, store):
        self.store = store
        self._lock = threading.Lock()
        self._facts = None
        self._stories = {}
        self._entity_stories = {}
        self._findings = {}
        self._graphs = {}
        self._answers = {}
        self._derived = {}

    def facts(self):
        """Return every stored Fact, read once until the store changes."""
        with self._lock:
            if self._facts is None:
                self._facts = self.store.facts()
            return self._facts

    def _kept(self, stories, limit, key, build):
        """Return ``stories[key]``, built by ``build()`` when missing; the oldest is
        dropped when ``limit`` stories are kept."""
        with self._lock:
            story = stories.get(key)
        if story is None:
            story = build()
            with self._lock:
                if len(stories) >= limit:
                    stories.pop(next(iter(stories)))
                stories[key] = story
        return story

    def story(self, until=None):
        """Return the Story of the store cut at ``until`` (story-time text or None).

        Raises StoryTimeError or UnknownEntityError for a cut that names no known
        point, as ``Story`` does."""
        return self._kept(self._stories, MAX_STORIES, until or "",
                          lambda: Story(self.facts(), until=until))

    def story_about(self, until=None, **names):
        """Return the Story of what the store says about ``names`` (as
        ``graph.continuity.scope.story_about`` takes them) cut at ``until``, read from
        the store once until it changes. Raises as ``story`` does."""
        key = (until or "", tuple(sorted((arg, tuple(values)) for arg, values in names.items())))
        return self._kept(self._entity_stories, MAX_ENTITY_STORIES, key,
                          lambda: story_about(self.store, until=until, **names))

    def findings(self, until=None):
        """Return (findings, story): the findings of every continuity check over the
        store cut at ``until``, read a batch of characters at a time, and the Story
        the continuity page shows them with (their claims and those that order story
        time, knowing every work: ``story_of_claims``); both once until the store
        changes. Raises as ``story`` does."""
        def check():
            found = check_store(self.store, until=until)
            claims = [sourced for finding in found for sourced in finding.claims]
            return found, story_of_claims(self.store, claims, until=until)
        return self._kept(self._findings, MAX_STORIES, until or "", check)

    def graph(self, key, build):
        """Return ``build()``, built once until the store changes and kept under
        ``key`` among the MAX_GRAPHS last built: the graph view's graphs."""
        return self._kept(self._graphs, MAX_GRAPHS, key, build)

    def answer(self, key, build):
        """Return ``build()``, built once until the store changes and kept under ``key``
        among the MAX_ANSWERS last built: whole answers (the graph JSON) that the same
        request would build again unchanged."""
        return self._kept(self._answers, MAX_ANSWERS, key, build)

    def derived(self, name, compute):
        """Return ``compute()``, computed once until the store changes and kept under
        ``name``: what pages derive from every fact (span numbers, say)."""
        with self._lock:
            if name in self._derived:
                return self._derived[name]
        value = compute()
        with self._lock:
            return self._derived.setdefault(name, value)

    def changed(self):
        """Forget what was read from the store: call after writing to it."""
        with self._lock:
            self._facts = None
            self._stories = {}
            self._entity_stories = {}
            self._findings = {}
            self._graphs = {}
            self._answers = {}
            self._derived = {}
