"""What the app keeps between requests: the store, and the Story built from it for
each spoiler cut, rebuilt when the store changes."""

import threading

from graph.continuity.story import Story

# Stories kept, one per spoiler cut; a link shared widely makes one cut popular.
MAX_STORIES = 16


class Canon:
    """The store one app serves and a cache of its Story per spoiler cut."""

    def __init__(self, store):
        self.store = store
        self._lock = threading.Lock()
        self._facts = None
        self._stories = {}
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
            self._derived = {}
