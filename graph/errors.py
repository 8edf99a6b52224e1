"""The few errors canon raises; the CLI and the web view translate them at the edge.

Every message names the bad value and, where there is one, the way out, so that
the CLI can print ``str(error)`` as its one line on stderr.
"""


class CanonError(Exception):
    """Base of every error canon raises on purpose."""


class ArticleError(CanonError):
    """An article file that cannot be read: missing, empty, binary, not UTF-8,
    bad front matter, or an HTML page with no main text."""

    def __init__(self, path, problem):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class StoryTimeError(CanonError):
    """A story time that cannot be parsed or placed ("S0E2", "season two of")."""


class UnknownEntityError(CanonError):
    """A name that matches nothing in the store."""


class StoreError(CanonError):
    """A store that cannot be opened, read or written."""


class FormatError(CanonError):
    """An unknown RDF or facts format, or a file that does not parse in its format."""
