"""A name table: every name met in some articles, and what each short form stands for.

One table is built per article (to resolve names within it) and one per work (to
resolve a first name in one synopsis to the full name another gives). It is
built in one pass over the articles' name spans and name-bearing facts, so its
cost is linear in the names met, plus a comparison of the few names that share
their first letters (misspellings, ``graph.extract.mentions.resolve_spelling``).

A short form resolves only when exactly one full name fits it: "Jon" in a table
holding Jon Snow and Jon Arryn stays "Jon", unless the fact is a portrayal and
one of them is played by the same actor.
"""

import re
from collections import Counter, defaultdict

from graph.extract.mentions.aka import written_aliases
from graph.extract.mentions.aliases import TITLES, fold, name_form, nickname_forms, nickname_keys
from graph.extract.mentions.kinship import family_genders, family_links
from graph.extract.mentions.resolve_spelling import spelling_map

CHARACTER_FIELDS = ("character", "agent")
PERSON_FIELDS = ("actor", "person")
# A span opening with one of these tags is a clause word swept into a name
# ("Since Robb", "Even Joffrey"), not a given name.
FUNCTION_TAGS = frozenset({"ADP", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "PART", "INTJ",
                           "NUM", "ADV"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
WORD = re.compile(r"[^\W\d_][\w'’.-]*")
MAX_WORDS = 5
# Rounds of surname passing: a chain as long as "Robert's son Joffrey,
# Joffrey's brother Tommen" takes two.
FAMILY_ROUNDS = 3


def _source_span(ctx, span):
    """Return True when a name span can stand for a person: no clause word first, no
    stray punctuation, and not the thing of a possessive ("King's Landing Cersei")."""
    words = span.text.split()
    if not words or len(words) > MAX_WORDS or not all(WORD.fullmatch(w) for w in words):
        return False
    if ctx.doc[span.start].pos_ in FUNCTION_TAGS:
        return False
    return not (span.start > 0 and ctx.doc[span.start - 1].text in POSSESSIVES
                and not ctx.doc[span.start - 2].whitespace_)


def _shift_slip(text):
    """Return True when a word of ``text`` has a second capital by mistake ("JOn")."""
    return any(word[:2].isupper() and word[2:3].islower() for word in text.split())


def best_spelling(spellings):
    """Return the spelling to show from {spelling: times met}: the most frequent,
    a shift-key slip ("RObert") only when there is no other.

    >>> best_spelling({"RObert": 2, "Robert": 1})
    'Robert'
    """
    return max(spellings.items(),
               key=lambda item: (not _shift_slip(item[0]), item[1], item[0]))[0]


def fact_names(fact):
    """Return (field, value) for the name fields a fact fills."""
    out = []
    for field in CHARACTER_FIELDS + PERSON_FIELDS:
        value = getattr(fact.claim, field, None)
        if isinstance(value, str) and value.strip():
            out.append((field, value))
    return out


class NameTable:
    """The names of some articles, their canonical spellings and their short forms.

    ``read`` is a list of (facts, context) pairs; ``people`` the folded names known
    as actors or crew anywhere (a real person is the same person in every work);
    ``local`` is True for the table of one article, where a lone surname may stand
    for a character and a title with a given name ("Captain Mara") for the full name
    the article gives; across articles only an actor's surname resolves, and a
    titled name only to a full name met with that title.
    """

    def __init__(self, read, people=frozenset(), local=True):
        self.local = local
        self.counts = Counter()
        self.surface = defaultdict(Counter)
        self.forms = {}
        self.ranks = defaultdict(set)
        self.characters = set()
        self.people = set(people)
        self.partners = defaultdict(set)
        self.nick_targets = defaultdict(set)
        self.respelt = {}
        for facts, ctx in read:
            self._add_article(facts, ctx)
        self._spell()
        self._index()
        # Family names are given over all the articles of a work, where a misspelt
        # given name ("Jamie") has met its right spelling first.
        if not local and self._add_family_names(read):
            self._spell()
            self._index()

    def _add(self, text):
        """Count one meeting of a written name; return its NameForm, or None."""
        form = name_form(text)
        if not form.words:
            return None
        self.counts[form.key] += 1
        self.surface[form.key][form.canonical] += 1
        self.forms.setdefault(form.key, form)
        if form.title and form.full:
            self.ranks[form.key].add(form.title)
        return form

    def _add_article(self, facts, ctx):
        """Count the names of one article: its person-like spans with their
        nicknames, then the names its facts give, their roles and portrayal pairs."""
        for span in ctx.names:
            if not _source_span(ctx, span):
                continue
            form = self._add(span.text)
            if span.nickname and form and form.full:
                self._add_nickname(form, span.nickname)
        for span, alias in written_aliases(ctx):
            form = name_form(span.text)
            if form.full and form.key in self.counts:
                self._add_nickname(form, alias)
        for fact in facts:
            keys = {}
            for field, value in fact_names(fact):
                key = name_form(value).key
                if key not in self.counts:
                    self._add(value)
                keys[field] = key
                (self.characters if field in CHARACTER_FIELDS else self.people).add(key)
            if fact.kind == "portrayal":
                self.partners[keys["character"]].add(keys["actor"])
                self.partners[keys["actor"]].add(keys["character"])

    def _add_nickname(self, form, nickname):
        """Let a nickname stand for a full name: alone ("Ned", "the Hound", "Hound")
        and with the surname or after the given name ("Ned Stark")."""
        for key in nickname_keys(nickname):
            if " " in key:
                self.respelt[key] = form.key
            else:
                self.nick_targets[key].add(form.key)
        for key in nickname_forms(form, nickname):
            self.respelt[key] = form.key

    def _surname(self, name):
        """Return the surname a written name resolves to in this table, or None; a
        lone word known as a surname ("the Lannisters' brother Lannister") is one."""
        written = name_form(name)
        word = fold(written.first) if written.words else None
        if not written.full and len(self.family.get(word, ())) > len(self.given[0].get(word, ())):
            return written.first  # more often a surname than a given name
        form = name_form(self.resolve(name, "character"))
        if not form.full or form.epithet or form.byname or len(form.words) > 3:
            return None
        return form.last

    def _bare_given(self, name):
        """Return the given name of a one-word name that no full name in the table
        claims (not a given name, surname or nickname of anyone), else None."""
        form = name_form(name)
        if form.full or not form.words or fold(form.first) in TITLES:
            return None
        word = fold(form.first)
        word = self.word_respelt.get(word, word)
        if any(index.get(word) for index in (*self.given, self.family, self.nicknames)):
            return None
        return form.first

    def _add_family_names(self, read):
        """Give a surname to one-word names whose family the articles state
        (``graph.extract.mentions.kinship``); return True when a name was added."""
        links = [link for _facts, ctx in read for link in family_links(ctx)]
        if not links:
            return False
        votes = defaultdict(Counter)
        for _facts, ctx in read:
            for name, gender in family_genders(ctx).items():
                votes[name_form(self.resolve(name, "character")).key][gender] += 1
        added = False
        for _round in range(FAMILY_ROUNDS):
            found = set()
            for link in links:
                for receiver, giver in self._directions(link, votes):
                    given, surname = self._bare_given(receiver), self._surname(giver)
                    if given and surname and fold(surname) != fold(given):
                        found.add(f"{given} {surname}")
            if not found:
                break
            for name in found:
                form = self._add(name)
                self.characters.add(form.key)
                # "Queen Cersei" stands for the Cersei Lannister the family gives.
                self.ranks[form.key].update(
                    known.title for known in self.forms.values()
                    if known.title and not known.full and known.first == form.first)
            added = True
            self._index()
        return added

    def _directions(self, link, votes):
        """Return the (receiver, giver) pairs along which a link passes a surname:
        both ways between siblings, from a father to a child, and from a parent
        whom the text introduces by full name and no gender."""
        if link.relation == "sibling":
            return [(link.person, link.relative), (link.relative, link.person)]
        gender = link.relative_gender
        if gender is None and name_form(link.relative).full:
            return [(link.person, link.relative)]  # "children of Howland Reed"
        if gender is None:
            counted = votes.get(name_form(self.resolve(link.relative, "character")).key)
            if counted and len(counted) == 1:
                gender = next(iter(counted))
        return [(link.person, link.relative)] if gender == "m" else []

    def _kind(self, key):
        """Return "person" for a real person's name, "name" for any other."""
        return "person" if key in self.people and key not in self.characters else "name"

    def _spell(self):
        """Fill ``respelt`` (variant key -> canonical key): nickname forms, then
        misspellings of full names, then of single words."""
        # One table is one scope: any two partner sets here can disagree.
        scoped = {k: {(None, p) for p in ps} for k, ps in self.partners.items()}
        full = {k: n for k, n in self.counts.items()
                if self.forms[k].full and k not in self.respelt}
        self.respelt.update(spelling_map(full, scoped, self._kind))
        words = Counter()
        word_partners = defaultdict(set)
        for key, n in self.counts.items():
            form = self.forms[key]
            word = fold(form.first)
            if form.full and self._kind(key) == "person":
                continue
            words[word] += n
            word_partners[word] |= scoped.get(key, set())
        self.word_respelt = spelling_map(words, word_partners)

    def canonical_key(self, key):
        """Return the canonical key of a folded full name (itself when no variant)."""
        return self.respelt.get(key, key)

    def display(self, key):
        """Return the most frequent written spelling of a canonical key, a slip of
        the shift key ("RObert") last."""
        spellings = self.surface.get(key)
        return best_spelling(spellings) if spellings else None

    def _index(self):
        """Build the short-form indexes: given names, surnames, title + name,
        nicknames (each folded word -> set of canonical keys), and the single-word
        names grouped by their word."""
        self.given = (defaultdict(set), defaultdict(set))
        self.family = defaultdict(set)
        self.titled = defaultdict(set)
        self.nicknames = defaultdict(set)
        self.single = defaultdict(Counter)
        givens = Counter(fold(f.first) for f in self.forms.values() if f.full)
        surnames = Counter(fold(f.last) for f in self.forms.values() if f.full)
        for key, form in self.forms.items():
            if not form.full:
                self.single[fold(form.first)][form.text] += self.counts[key]
                continue
            last = fold(form.last)
            others = givens[last] - (fold(form.first) == last)
            if others and surnames[last] == 1 and self._kind(key) != "person":
                # Two names run together ("Kilgrave Jessica" in a caption): a last
                # word that is another full name's given name, and no one else's
                # surname, is not a surname.
                continue
            canonical = self.canonical_key(key)
            # "Brienne of Tarth" or a three-word run is less surely one person's name.
            tier = 1 if form.epithet or len(form.words) > 2 else 0
            if not form.byname:
                self.given[tier][fold(form.first)].add(canonical)
            if not form.epithet and not form.byname:
                self.family[fold(form.last)].add(canonical)
            for title in self.ranks.get(key, ()):
                self.titled[(title, fold(form.first))].add(canonical)
                self.titled[(title, fold(form.last))].add(canonical)
        for nickname, targets in self.nick_targets.items():
            self.nicknames[nickname] |= {self.canonical_key(t) for t in targets}
        self.paired = defaultdict(set)
        for key, partners in self.partners.items():
            self.paired[self.canonical_key(key)] |= {self.canonical_key(p) for p in partners}

    def _fits(self, key, field):
        """Return True when a canonical key may fill a field: a character field takes
        no name known only as a real person's, and the reverse."""
        if field in CHARACTER_FIELDS:
            return not (key in self.people and key not in self.characters)
        return not (key in self.characters and key not in self.people)

    def _partnered(self, keys, partner):
        """Return the keys among ``keys`` in a portrayal with ``partner``."""
        if partner is None:
            return set()
        return {k for k in keys if partner in self.paired.get(k, ())}

    def _candidates(self, word, title, field):
        """Yield the candidate sets for a one-word name, most specific first: a titled
        name ("Lord Commander Mormont") never stands for a surname met without the
        title."""
        if title:
            yield self.titled.get((title, word), set())
            if not self.local:
                return
        yield self.nicknames.get(word, set()) | self.given[0].get(word, set())
        yield self.given[1].get(word, set())
        if not title and (self.local or field in PERSON_FIELDS):
            yield self.family.get(word, set())

    def _confirmed(self, keys, field):
        """Return the keys among ``keys`` that some fact gives in this role, when every
        other key was met only once (a stray run of capitals such as a headline's
        "Oberyn Takes" is no rival to a character named in the facts)."""
        known = self.characters if field in CHARACTER_FIELDS else self.people
        confirmed = {k for k in keys if k in known}
        if all(self.counts.get(k, 0) <= 1 for k in keys - confirmed):
            return confirmed
        return set()

    def _full_for_word(self, word, title, field, partner):
        """Return the one canonical full-name key a word can stand for, or None."""
        for keys in self._candidates(word, title, field):
            keys = {k for k in keys if self._fits(k, field)}
            if len(keys) > 1:
                keys = self._partnered(keys, partner) or self._confirmed(keys, field)
                return next(iter(keys)) if len(keys) == 1 else None
            if keys:
                return next(iter(keys))
        return None

    def _single(self, form, word):
        """Return the written form a one-word name is best known by: a titled name as
        written (its title says who it is), a lone word with the one title it is met
        with when that is at least as frequent ("Luwin" is "Maester Luwin"), else
        the most frequent spelling of the word."""
        if form.titles:
            return form.text
        seen = self.single.get(word)
        if not seen:
            return form.text
        bare = {text: n for text, n in seen.items() if not name_form(text).titles}
        titled = {text: n for text, n in seen.items() if text not in bare}
        if len(titled) == 1:
            text, n = next(iter(titled.items()))
            if n >= sum(bare.values()):
                return text
        return best_spelling(bare) if bare else form.text

    def respell(self, value):
        """Return a full name in its canonical spelling (a one-word name as it is)."""
        form = name_form(value)
        if not form.full:
            return value
        return self.display(self.canonical_key(form.key)) or form.canonical

    def resolve(self, value, field, partner=None):
        """Return the canonical name for ``value`` in a name ``field``; ``partner`` is
        the name on the other side of a portrayal, if any."""
        if partner is not None:
            partner = self.canonical_key(name_form(partner).key)
        form = name_form(value)
        if not form.words:
            return value
        if form.full:
            return self.respell(value)
        word = fold(form.first)
        word = self.word_respelt.get(word, word)
        key = self._full_for_word(word, form.title, field, partner)
        if key is not None:
            return self.display(key)
        return self._single(form, word)
