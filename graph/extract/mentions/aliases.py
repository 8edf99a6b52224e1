"""The parts of a written name: titles, core words, and the short forms it goes by.

A name as written ("Lord Commander Joer Mormont", "Maester Luwin", Eddard "Ned"
Stark) is split into its leading titles and its core words. The canonical form
drops the titles when at least two core words remain ("King Robert Baratheon" is
"Robert Baratheon") and keeps them when the core is one word, which alone would
say less ("Maester Luwin" stays). The short forms a full name answers to are its
first core word (a given name), its last core word (a surname), a title with
either, and a quoted nickname.

>>> form = name_form("Lord Commander Joer Mormont")
>>> form.canonical, form.titles, form.first, form.last
('Joer Mormont', ('lord', 'commander'), 'Joer', 'Mormont')
>>> name_form("Maester Luwin").canonical
'Maester Luwin'
"""

from dataclasses import dataclass
from functools import cached_property, lru_cache

# Words that stand before a name to rank or address a person, never part of the name.
TITLES = frozenset({
    "captain", "commander", "lieutenant", "sergeant", "major", "colonel", "general",
    "admiral", "commodore", "ensign", "corporal", "chief", "inspector", "detective",
    "constable", "officer", "agent", "sheriff", "deputy", "marshal", "judge", "justice",
    "senator", "president", "governor", "mayor", "councillor", "councilor", "chancellor",
    "minister", "ambassador", "doctor", "dr", "professor", "prof", "nurse", "mr", "mrs", "ms",
    "miss", "mx", "sir", "dame", "lady", "lord", "ser", "king", "queen", "prince", "princess",
    "emperor", "empress", "duke", "duchess", "count", "countess", "baron", "baroness", "earl",
    "maester", "magister", "septa", "septon", "father", "mother", "sister", "brother", "uncle",
    "aunt", "cardinal", "bishop", "reverend", "rabbi", "pastor", "saint", "st",
    # written short, as British police and military ranks are: "DI Ray Sutton"
    "di", "dci", "ds", "dsi", "wpc", "sgt", "supt", "insp", "lt", "capt", "col", "rev",
})
# Words that make a title of the title after them ("Grand Maester", "High Septon").
TITLE_PREFIXES = frozenset({"grand", "high", "vice", "acting", "lord", "lady", "chief"})
# Lower-case words inside a name that give an epithet, not a surname: "Brienne of
# Tarth" is Brienne from Tarth, where "Carice van Houten" is a Houten by name.
EPITHET_WORDS = frozenset({"of", "the"})
# Adjectives that open a by-name rather than a given name: "Little Sam" is not a
# Sam of the Little family, and "Grey Worm" is not the Worm of an article.
BYNAME_WORDS = frozenset({
    "little", "young", "old", "big", "black", "white", "grey", "gray", "red", "mad", "fat",
    "tall", "small", "great", "lame", "bold", "fair", "blind", "bloody", "bald", "lucky",
})
# Written forms that make two spellings of one name equal once case is folded.
_FOLD = str.maketrans({"’": "'", "‘": "'", ".": ""})


# Cached, as ``name_form`` is: name tables ask about the same few hundred names
# thousands of times.
@lru_cache(maxsize=1 << 16)
def fold(text):
    """Return the comparison key of a name: case-folded, curly quotes and dots made
    plain, spaces single.

    >>> fold("JOn  Snow")
    'jon snow'
    """
    return " ".join(text.translate(_FOLD).casefold().split())


def _title_word(word):
    return word.translate(_FOLD).casefold()


@dataclass(frozen=True)
class NameForm:
    """A written name split into ``titles`` (folded) and ``words`` (core, as written)."""

    text: str
    titles: tuple
    words: tuple

    @property
    def full(self):
        """Return True when the core has two words or more (a given name and more)."""
        return len(self.words) >= 2

    @property
    def canonical(self):
        """Return the name without its titles when two core words remain, else as written."""
        return " ".join(self.words) if self.full else self.text

    @cached_property
    def key(self):
        """Return the folded canonical form: the identity of the name."""
        return fold(self.canonical)

    @property
    def first(self):
        """Return the first core word (a given name), or None for a bare title."""
        return self.words[0] if self.words else None

    @property
    def last(self):
        """Return the last core word (a surname or an epithet's place), or None."""
        return self.words[-1] if self.words else None

    @property
    def epithet(self):
        """Return True for "Brienne of Tarth": a given name and where the person is from."""
        return any(word in EPITHET_WORDS for word in self.words[1:-1])

    @property
    def byname(self):
        """Return True for "Little Sam": an adjective and a name, neither a given name
        nor a surname of the whole."""
        return self.full and _title_word(self.words[0]) in BYNAME_WORDS

    @property
    def title(self):
        """Return the last title (the rank: "commander" of "Lord Commander"), or None."""
        return self.titles[-1] if self.titles else None


@lru_cache(maxsize=1 << 16)
def name_form(text):
    """Return the NameForm of a written name; the titles are those leading words in
    TITLES (or a TITLE_PREFIXES word before one) that leave at least one core word.

    >>> name_form("Grand Maester Pycelle").titles
    ('grand', 'maester')
    >>> name_form("Captain").words
    ('Captain',)
    """
    text = " ".join(text.split())
    words = text.split()
    titles = []
    while len(words) > 1:
        word = _title_word(words[0])
        if not words[1][:1].isupper():
            break  # "Mother of Dragons": an epithet, not a title before a name
        if word in TITLES or word in TITLE_PREFIXES and _title_word(words[1]) in TITLES \
                and len(words) > 2:
            titles.append(word)
            words = words[1:]
        else:
            break
    return NameForm(text=text, titles=tuple(titles), words=tuple(words))


def nickname_forms(form, nickname):
    """Return the folded ways a full name with a quoted nickname is also written:
    the nickname with the surname or after the given name ("Ned Stark" for
    Eddard "Ned" Stark).

    >>> sorted(nickname_forms(name_form("Eddard Stark"), "Ned"))
    ['eddard ned', 'ned stark']
    """
    if not form.full or not nickname:
        return set()
    return {fold(f"{nickname} {form.last}"), fold(f"{form.first} {nickname}")}


def nickname_keys(nickname):
    """Return the folded keys a quoted nickname is met as: itself, and without a
    leading "the" ("The Hound" is also "Hound").

    >>> sorted(nickname_keys("The Hound"))
    ['hound', 'the hound']
    """
    key = fold(nickname)
    keys = {key}
    if key.startswith("the "):
        keys.add(key[4:])
    return keys
