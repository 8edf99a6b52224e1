"""Family ties stated in an article, as far as they carry a surname.

Synopses name a character by first name for pages on end and give the family
once, as a relation: "Ned's son Bran", "Tommen (Joffrey's younger brother)",
"Tyrion is Cersei's brother", "Eddard has five sons: Bran, Rickon and Robb",
"the siblings Jojen and Meera, children of Howland Reed".
Each of these is a FamilyLink; the name table (``graph.extract.mentions.resolve_table``)
turns a link into a full name when one side of it has a surname and the other
has none ("Bran" becomes "Bran Stark").

A surname passes between siblings, and from a father to his children; never
from a mother or through a marriage (who took whose name is not in the text),
and never along a half, step, foster, sworn or in-law tie, nor to a bastard.
A father is a relative the article shows to be male: a title (King, Ser), a
"his" that stands for him, or a kin word that names him (someone's husband,
son or brother).
"""

from dataclasses import dataclass

from graph.extract.mentions.coref import FEMALE_TITLES, MALE_TITLES, referents, resolve_pronoun
from graph.extract.mentions.known_people import name_ending, name_starting
from graph.extract.mentions.name_positions import after_parenthesis

CHILD_WORDS = {"son": "m", "sons": "m", "daughter": "f", "daughters": "f",
               "child": None, "children": None, "kids": None}
SIBLING_WORDS = {"brother": "m", "brothers": "m", "sister": "f", "sisters": "f",
                 "sibling": None, "siblings": None, "twin": None, "twins": None}
FATHER_WORDS = frozenset({"father", "dad"})
# Kin words that say nothing of a surname but do say who is a man or a woman.
GENDER_WORDS = {"husband": "m", "father": "m", "dad": "m", "uncle": "m", "nephew": "m",
                "grandson": "m", "grandfather": "m", "wife": "f", "mother": "f", "mum": "f",
                "mom": "f", "aunt": "f", "niece": "f", "granddaughter": "f",
                "grandmother": "f", "widow": "f", "widower": "m"}
KIN_WORDS = {**CHILD_WORDS, **SIBLING_WORDS, **GENDER_WORDS}
# A tie that does not pass a family name.
BROKEN = frozenset({"half", "step", "stepson", "foster", "adopted", "adoptive", "sworn",
                    "bastard", "illegitimate", "blood", "surrogate", "godson", "goddaughter"})
MODIFIER_WORDS = frozenset({"year", "years", "old", "-", "twin", "baby", "firstborn",
                            "first", "second", "third", "only", "other", "eldest",
                            "youngest", "oldest", "elder", "older", "younger", "little",
                            "big", "late", "beloved", "teenage", "infant", "estranged"})
COPULAS = frozenset({"is", "was", "are", "were"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
LIST_JOINS = frozenset({"and", "&"})
MAX_MODIFIERS = 6
OF_WINDOW = 6


@dataclass(frozen=True)
class FamilyLink:
    """``person`` is the ``relation`` ("child", "sibling" or "spouse-like") of
    ``relative``, as written; ``relative_gender`` is "m", "f" or None."""

    person: str
    relation: str
    relative: str
    relative_gender: str | None


def _kin_after(tokens, i):
    """Return (index of the kin word, kin word) for modifiers then a kin word
    starting at token i ("younger brother", "10-year-old son"), or None."""
    lower, pos = tokens.lower, tokens.pos
    j = i
    while j < len(tokens) and j - i <= MAX_MODIFIERS:
        word = lower[j]
        if word in BROKEN or word.startswith(("half-", "step")):
            return None
        if word in KIN_WORDS:
            if j + 2 < len(tokens) and lower[j + 1] == "-" and lower[j + 2] == "in":
                return None  # "brother-in-law"
            return j, word
        if word not in MODIFIER_WORDS and pos[j] not in ("ADJ", "NUM"):
            return None
        j += 1
    return None


def _names_from(ctx, i):
    """Return the names of a list starting at token i ("Bran (Isaac Hempstead
    Wright), Rickon and Robb"), skipping an opening comma or colon."""
    tokens = ctx.tokens
    text = tokens.text
    if i < len(tokens) and text[i] in (",", ":"):
        i += 1
    names = []
    while i < len(tokens):
        span = name_starting(ctx, i)
        if span is None or span.end < len(tokens) and text[span.end] in POSSESSIVE:
            break  # "his son Joffrey and Ned's daughter Sansa": Ned is no son
        names.append(span.text)
        i = after_parenthesis(tokens, span.end)
        if i < len(tokens) and text[i] == ",":
            i += 1
        if i < len(tokens) and tokens.lower[i] in LIST_JOINS:
            i += 1
    return names


def _names_before(ctx, i):
    """Return the names of a list ending just before token i ("Arya & Sansa are"),
    nearest first."""
    lower = ctx.tokens.lower
    names = []
    while i > 0:
        span = _span_before(ctx, i)
        if span is None:
            break
        names.append(span.text)
        j = span.start
        if j > 0 and lower[j - 1] in LIST_JOINS | {","}:
            i = j - 1
        else:
            break
    return names


def _span_before(ctx, i):
    """Return the name span ending just before token i, past an actor's parenthesis
    ("Tommen (Callum Wharry)"), or None."""
    if i > 0 and ctx.tokens.text[i - 1] == ")":
        i = _paren_start(ctx.tokens, i)
    return name_ending(ctx, i)


def _name_before(ctx, i):
    """Return the text of the name ending just before token i (see _span_before)."""
    span = _span_before(ctx, i)
    return span.text if span else None


def _written_before(ctx, start):
    """Return the names a kin phrase starting at ``start`` describes when it follows
    them: "Tommen (Joffrey's brother)", "Myrcella, Cersei's daughter,", "Tyrion is
    Cersei's brother", "Arya and Sansa are Ned's daughters"."""
    tokens = ctx.tokens
    if start == 0:
        return []
    before = tokens.lower[start - 1]
    if before in ("(", ","):
        name = _name_before(ctx, start - 1)
        return [name] if name else []
    if before in COPULAS:
        return _names_before(ctx, start - 1)
    return []


def _relation(word):
    if word in CHILD_WORDS:
        return "child"
    if word in SIBLING_WORDS:
        return "sibling"
    if word in FATHER_WORDS:
        return "father"
    return "other"


def _owner(ctx, i, genders):
    """Return the name a "his" or "her" at token i stands for: the name joined to it
    by "and" ("Brandon and his brother Rickon"), else the pronoun's referent when
    the article shows that referent to be of the pronoun's gender."""
    tokens = ctx.tokens
    gender = "m" if tokens.lower[i] == "his" else "f"
    if i > 1 and tokens.lower[i - 1] == "and":
        before = _name_before(ctx, i - 1)
        if before is not None:
            return before
    span = resolve_pronoun(ctx, i)
    if span is None or _gender_of(span.text, genders) != gender:
        return None
    return span.text


def _possessed(ctx, genders):
    """Yield (person, relation, relative, relative gender) for "X's KIN Y",
    "his KIN Y", "Y, X's KIN" and "Y is X's KIN"."""
    tokens = ctx.tokens
    lower = tokens.lower
    for i in range(len(tokens) - 1):
        if lower[i] in ("his", "her"):
            kin = _kin_after(tokens, i + 1)
            if kin is None:
                continue
            relative, gender = _owner(ctx, i, genders), "m" if lower[i] == "his" else "f"
            if relative is None:
                continue
            start = i
        elif lower[i] in POSSESSIVE:
            span = name_ending(ctx, i)
            kin = _kin_after(tokens, i + 1) if span else None
            if kin is None:
                continue
            relative, gender, start = span.text, None, span.start
        else:
            continue
        k, word = kin
        people = _names_from(ctx, k + 1)
        if not people:
            people = _written_before(ctx, start)
        for person in people:
            yield person, word, relative, gender


def _has_children(ctx):
    """Yield (person, word, relative, None) for "X has five sons: A, B and C"."""
    tokens = ctx.tokens
    lower = tokens.lower
    for i in range(1, len(tokens) - 2):
        if lower[i] not in ("has", "had") or name_ending(ctx, i) is None:
            continue
        kin = _kin_after(tokens, i + 1)
        if kin is None or kin[1] not in CHILD_WORDS:
            continue
        relative = name_ending(ctx, i).text
        for person in _names_from(ctx, kin[0] + 1):
            yield person, kin[1], relative, None


def _children_of(ctx):
    """Yield (person, word, relative, None) for "A and B, children of X" and
    "A, son of X": the relative is the last name within a few words of "of"."""
    tokens = ctx.tokens
    lower = tokens.lower
    for i in range(1, len(tokens) - 2):
        if lower[i] not in CHILD_WORDS or lower[i + 1] != "of":
            continue
        relative = None
        for j in range(i + 2, min(i + 2 + OF_WINDOW, len(tokens))):
            span = name_starting(ctx, j)
            if span is not None:
                relative = span.text
            if tokens.is_punct[j] and tokens.text[j] != "-" or tokens.pos[j] == "VERB":
                break
        if relative is None:
            continue
        j = i - 1 if lower[i - 1] in (",", "the") else i
        people = _names_before(ctx, j)
        for person in people:
            yield person, lower[i], relative, None


def _paren_start(tokens, i):
    """Return the index of the "(" of a parenthesis that closes just before i."""
    j = i - 1
    while j > 0 and tokens.text[j] != "(" and i - j < 12:
        j -= 1
    return j


def _gender_of(name, genders):
    words = name.split()
    if words and words[0].lower() in MALE_TITLES:
        return "m"
    if words and words[0].lower() in FEMALE_TITLES:
        return "f"
    return genders.get(name) or genders.get(words[-1] if len(words) > 1 and words[0].lower()
                                            in MALE_TITLES | FEMALE_TITLES else words[0])


def family_links(ctx):
    """Return the FamilyLinks the article states (once per article)."""
    cached = ctx.memo.get("family_links")
    if cached is not None:
        return cached
    genders = {r.span.text: r.gender for r in referents(ctx) if r.gender}
    found = [*_possessed(ctx, genders), *_has_children(ctx), *_children_of(ctx)]
    for person, word, relative, gender in found:
        if KIN_WORDS.get(word):
            genders.setdefault(person, KIN_WORDS[word])
            genders.setdefault(person.split()[0], KIN_WORDS[word])
        if word in ("wife", "widow"):
            genders.setdefault(relative, "m")
        elif word in ("husband", "widower"):
            genders.setdefault(relative, "f")
        if gender:
            genders.setdefault(relative, gender)
    links = []
    for person, word, relative, gender in found:
        relation = _relation(word)
        if relation == "other" or person == relative:
            continue
        if relation == "father":
            person, relative, relation = relative, person, "child"
            gender = "m"
        links.append(FamilyLink(person, relation, relative,
                                gender or _gender_of(relative, genders)))
    ctx.memo["family_links"] = links
    ctx.memo["family_genders"] = genders
    return links


def family_genders(ctx):
    """Return {name as written: "m" or "f"} for the names whose gender the article
    shows (titles, pronouns, kin words)."""
    family_links(ctx)
    return ctx.memo["family_genders"]
