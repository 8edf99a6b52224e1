"""What the app keeps between requests: the store, the Story built from it for each
spoiler cut, and the Stories of single entities that their pages read, all read again
when the store changes."""

import threading

from graph.continuity.scope import story_about
from graph.continuity.story import Story

# Stories kept, one per spoiler cut; a link shared widely makes one cut popular.
MAX_STORIES = 16
# Stories of one entity kept (per cut and entity): the pages most asked for.
MAX_ENTITY_STORIES = 256


class Canon:
    """The store one app serves and a cache of its Story per spoiler cut."""

    def __init__(self, store):
        self.store = store
        self._lock = threading.Lock()
        self._facts = None
        self._stories = {}
        self._entity_stories = {}
        self._derived = {}

    def facts(self):
        """Return every stored Fact, read once until the store changes."""
        with self._lock:
            if self._facts is None:
                self._facts = self.store.facts()
            return self._facts

    def story(self, until=None):
        """Return the Story of the store cut at ``until`` (story-time text or None).

        Raises StoryTimeError or UnknownEntityError for a cut that names no known
        point, as ``Story`` does."""
        key = until or ""
        with self._lock:
            story = self._stories.get(key)
        if story is None:
            story = Story(self.facts(), until=until)
            with self._lock:
                if len(self._stories) >= MAX_STORIES:
                    self._stories.pop(next(iter(self._stories)))
                self._stories[key] = story
        return story

    def story_about(self, until=None, **names):
        """Return the Story of what the store says about ``names`` (as
        ``graph.continuity.scope.story_about`` takes them) cut at ``until``, read from
        the store once until it changes. Raises as ``story`` does."""
        key = (until or "", tuple(sorted((arg, tuple(values)) for arg, values in names.items())))
        with self._lock:
            story = self._entity_stories.get(key)
        if story is None:
            story = story_about(self.store, until=until, **names)
            with self._lock:
                if len(self._entity_stories) >= MAX_ENTITY_STORIES:
                    self._entity_stories.pop(next(iter(self._entity_stories)))
                self._entity_stories[key] = story
        return story

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
            self._derived = {}
