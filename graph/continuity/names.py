"""How a typed name finds the stored names it may stand for, and which one it means.

A typed name fits a stored name (with the other names the articles give it, its
aliases) in one of these ways, best first; each way has a fit score (``FIT``):

- the same name in any case, with or without a leading "the" ("jessica jones");
- the same name once titles are dropped ("King Robert Baratheon", "Robert Baratheon");
- an alias the articles give, alone or with the surname ("Ned", "Ned Stark", "the
  Hound" for Sandor Clegane);
- all the typed words in the name, or all the name's words typed ("Lord Commander
  Jon Snow" for "Jon Snow");
- a first name ("Eddard"), a one-word name typed as the first word ("Ser Vardis" for
  "Vardis Egen"), a surname ("Stark"), another word of the name, a title the name
  carries ("the Maester" for "Maester Luwin");
- a misspelling: a name, alias or name word close in edit distance (rapidfuzz ratio
  at least ``NEAR``: "Jamie Lannister", "Kilgrav").

The names whose fit is within ``BAND`` of the best compete; among them the one the
store says most about (claims) is taken when it clearly leads (``LEAD`` times the
next), or the better fit when the claims are level. Anything else is a near tie,
and an error names the candidates.

>>> known = Names(["Eddard Stark", "Arya Stark", "Ned Umber"],
...               aliases={"Eddard Stark": ("Ned",)},
...               weight={"Eddard Stark": 40, "Arya Stark": 30, "Ned Umber": 2})
>>> choose("Ned Stark", known).name, choose("ned", known).name
('Eddard Stark', 'Eddard Stark')
>>> [fit.name for fit in ranked("Stark", known)]
['Eddard Stark', 'Arya Stark']
"""

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from graph.extract.mentions.aliases import fold, name_form

# Fit scores of each way a typed name fits a stored one.
FIT = {"same": 100, "core": 96, "alias": 90, "words": 90, "given": 86, "first typed": 84,
       "surname": 76, "word": 72, "title": 70}
# A misspelling's fit is its ratio less this, so that it ranks below every other way.
NEAR_OFFSET = 30
# How close (rapidfuzz ratio, 0-100) a misspelt name or word must be; words shorter
# than NEAR_WORD letters are never taken as misspelt ("Ned" is not "Ted").
NEAR = 90
NEAR_WORD = 4
# Names whose fit is this close to the best compete on what the store says of them.
BAND = 5
# A competitor is taken when it has this many times the claims of the next one.
LEAD = 2
# Suggestions for an unknown name are at least this close (ratio), on the whole name
# or on its first word.
SUGGEST = 60
# ``fold`` without its cache: an index folds each of a store's names once, and 100k
# names would only churn the cache.
_plain_fold = fold.__wrapped__


class Names(list):
    """Stored names of one kind, sorted, with ``aliases`` ({name: other names the
    articles give it}), ``weight`` ({name: claims about it}) and ``chosen``
    ({folded typed name: stored name} already decided by a reading of the store)."""

    def __init__(self, names=(), aliases=None, weight=None, chosen=None):
        super().__init__(names)
        self.aliases = dict(aliases or {})
        self.weight = dict(weight or {})
        self.chosen = dict(chosen or {})


@dataclass(frozen=True)
class Fit:
    """How well a typed name fits one stored ``name``: ``score`` (see ``FIT``),
    ``how`` (the way it fits) and ``weight`` (the claims the store holds about it)."""

    name: str
    score: int
    how: str
    weight: int = 0


def _bare(text):
    """Return a folded text without a leading "the"."""
    key = fold(text)
    return key[4:] if key.startswith("the ") else key


def _core(text):
    """Return the folded core words of a written name: no titles, no leading "the"
    (titles are known by the capital of the word after them, so read before folding)."""
    return tuple(fold(word) for word in name_form(" ".join(_words(text))).words)


def _alias_keys(name, aliases):
    """Return the folded forms an alias makes of a name: the alias, and the alias with
    the surname or after the given name ("ned stark", "eddard ned")."""
    words = _core(name)
    keys = set()
    for alias in aliases:
        key = _bare(alias)
        keys.add(key)
        if len(words) >= 2 and " " not in key:
            keys.update({f"{key} {words[-1]}", f"{words[0]} {key}"})
    return keys


def _words(typed):
    """Return a typed name's words without a leading "the"."""
    words = typed.split()
    return words[1:] if len(words) > 1 and words[0].casefold() == "the" else words


def core_text(typed):
    """Return a typed name without a leading "the", and without its titles when two
    name words remain ("King Robert Baratheon" is "Robert Baratheon"; "Doctor Who"
    stays), as written.

    >>> core_text("Lord Commander Jeor Mormont"), core_text("Doctor Who")
    ('Jeor Mormont', 'Doctor Who')
    """
    return name_form(" ".join(_words(typed))).canonical


def fit(typed, name, aliases=()):
    """Return the Fit of a typed name to a stored one with its aliases, or None when
    it does not fit."""
    key, core, words = _bare(typed), _core(typed), _core(name)
    if not key:
        return None
    if key == _bare(name):
        return Fit(name, FIT["same"], "same")
    if core and core == words:
        return Fit(name, FIT["core"], "core")
    if key in _alias_keys(name, aliases):
        return Fit(name, FIT["alias"], "alias")
    if not core or not words:
        return _near(key, name, aliases)
    if len(core) >= 2 and set(core) <= set(words) or len(words) >= 2 and set(words) <= set(core):
        return Fit(name, FIT["words"], "words")
    if len(core) == 1:
        word = core[0]
        if word == words[0]:
            return Fit(name, FIT["given"], "given")
        if any(word in _core(alias) for alias in aliases):
            return Fit(name, FIT["given"], "alias word")
        if word == words[-1] and len(words) > 1:
            return Fit(name, FIT["surname"], "surname")
        if word in words:
            return Fit(name, FIT["word"], "word")
        if word in _bare(name).split():
            # The title alone: "the Inspector" for the one "Inspector Hale".
            return Fit(name, FIT["title"], "title")
    elif len(words) == 1 and words[0] == core[0]:
        return Fit(name, FIT["first typed"], "first typed")
    return _near(key, name, aliases)


def _near(key, name, aliases):
    """Return the Fit of a misspelt name, alias or (for one typed word) name word."""
    texts = [_bare(name), *_alias_keys(name, aliases)]
    if " " not in key and len(key) >= NEAR_WORD:
        texts += [word for word in _core(name) if len(word) >= NEAR_WORD]
    best = max((fuzz.ratio(key, text) for text in texts), default=0)
    if best >= NEAR:
        return Fit(name, round(best) - NEAR_OFFSET, "near")
    return None


def _candidates(typed, known):
    """Return the names of ``known`` worth scoring for ``typed``: those sharing a word
    or an alias word with it, and those close to it in spelling (rapidfuzz over the
    names and their words, in C)."""
    index = _index(known)
    typed_words = set(_core(typed)) | {_bare(typed)}
    found = set()
    for word in typed_words:
        found.update(index.by_word.get(word, ()))
    key = _bare(typed)
    if len(key) >= NEAR_WORD:
        for text in (key, *_core(typed)):
            if len(text) < NEAR_WORD:
                continue
            for _match, _score, at in process.extract(text, index.texts, scorer=fuzz.ratio,
                                                      score_cutoff=NEAR, limit=None):
                found.update(index.owners[at])
    return found


class _Index:
    """Folded names, their words and their aliases' (``by_word``), with the names that
    hold each; ``texts`` and ``owners`` list them for rapidfuzz. Titles are indexed
    as words too: ``fit`` judges what a shared word means, the index only finds the
    names worth judging, so it folds without parsing names (a store has 100k)."""

    def __init__(self, known):
        aliases = getattr(known, "aliases", {})
        self.by_word = {}
        by_word = self.by_word
        for name in known:
            folded = _plain_fold(name)
            for key in (folded, *folded.split()):
                by_word.setdefault(key, set()).add(name)
        for name, others in aliases.items():
            for key in _alias_keys(name, others) | {w for a in others
                                                    for w in _plain_fold(a).split()}:
                by_word.setdefault(key, set()).add(name)
        self.texts = list(self.by_word)
        self.owners = list(self.by_word.values())


# The index of the last few name lists: a command resolves several names over one list.
_INDEXES = {}
_KEPT = 4


def _index(known):
    """Return the _Index of ``known``, kept while the same list object is asked about."""
    kept = _INDEXES.get(id(known))
    if kept is not None and kept[0] is known:
        return kept[1]
    index = _Index(known)
    if len(_INDEXES) >= _KEPT:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(known)] = (known, index)
    return index


def ranked(typed, known):
    """Return the Fits of the names in ``known`` (a list, or Names with aliases and
    weights) that ``typed`` may stand for and that compete for it, best first: the
    exact name alone when there is one, else those within BAND of the best fit, by
    claims then fit then name."""
    aliases = getattr(known, "aliases", {})
    weight = getattr(known, "weight", {})
    chosen = getattr(known, "chosen", {}).get(fold(typed))
    if chosen is not None and chosen in known:
        return [Fit(chosen, FIT["same"], "chosen", weight.get(chosen, 0))]
    fits = [found for name in _candidates(typed, known)
            if (found := fit(typed, name, aliases.get(name, ()))) is not None]
    if not fits:
        return []
    best = max(found.score for found in fits)
    if best == FIT["same"]:
        # The same name in any case is the one meant (the least spelling of several).
        name = min(found.name for found in fits if found.score == best)
        return [Fit(name, best, "same", weight.get(name, 0))]
    return in_order(Fit(f.name, f.score, f.how, weight.get(f.name, 0)) for f in fits
                    if f.score >= best - BAND)


def choose(typed, known):
    """Return the one Fit ``typed`` stands for among ``known``, or None when none fits
    or several are a near tie (``ranked`` lists them); see ``pick``."""
    return pick(ranked(typed, known))


def in_order(fits):
    """Return Fits in the order they compete: by claims, then fit, then name."""
    return sorted(fits, key=lambda f: (-f.weight, -f.score, f.name))


def pick(fits):
    """Return the Fit taken among competing ``fits``, or None for none or a near tie:
    the first (``in_order``) when the store says LEAD times more about it than about
    the next, or at least as much and it fits better."""
    fits = in_order(fits)
    if len(fits) <= 1:
        return fits[0] if fits else None
    first, second = fits[0], fits[1]
    if first.weight > LEAD * second.weight or \
            first.weight >= second.weight and first.score > second.score:
        return first
    return None


def closest(typed, known, limit=3):
    """Return up to ``limit`` names of ``known`` that look most like ``typed``, closest
    first: by edit distance (rapidfuzz ratio, at least SUGGEST) on the whole name or
    an alias, and on the first word, so that relatives who only share a surname are
    no suggestion ("Brandon Varrow" suggests Brannoc Varrow, not Arla Varrow); a
    one-word name is also compared with first words ("Edmnd" for Edmund Varrow)."""
    key, core = _bare(typed), _core(typed)
    if not key or not known:
        return []
    aliases = getattr(known, "aliases", {})
    texts = [_plain_fold(name).removeprefix("the ") for name in known]
    owners = list(known)
    for name, others in aliases.items():
        for text in _alias_keys(name, others):
            texts.append(text)
            owners.append(name)
    scores = {}
    for text, score, at in process.extract(key, texts, scorer=fuzz.ratio,
                                           score_cutoff=SUGGEST, limit=None):
        words = text.split()
        if len(core) >= 2 and len(words) >= 2:
            score = min(score, fuzz.ratio(core[0], words[0]))
        if score >= SUGGEST:
            scores[owners[at]] = max(scores.get(owners[at], 0), score)
    if len(core) == 1:
        firsts = [text.split()[0] for text in texts]
        for _text, score, at in process.extract(key, firsts, scorer=fuzz.ratio,
                                                score_cutoff=NEAR - 10, limit=None):
            # A first word alike counts a little less than the whole name alike.
            scores[owners[at]] = max(scores.get(owners[at], 0), score - 5)
    order = sorted(scores, key=lambda name: (-scores[name], name))
    return order[:limit]
