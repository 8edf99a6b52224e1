"""Role words in crew statements: the role nouns ("showrunner", "co-creator") and
the phrase around one: the words before it ("the show's", "Night Harbour head") and
the work named after it ("creator of Night Harbour").

``role_phrases(ctx)`` yields each role noun of an article with that phrase read; the
crew rules (``crew``) then look for the people before or after it.
"""

from typing import NamedTuple

from graph.extract.mentions.works import is_work, title_at, title_ending, work_for
from graph.extract.mentions.works_index import WORK_NOUNS
from graph.extract.mentions.works_text import (
    APOSTROPHE_S,
    compound_at,
    compound_ending,
    first_words,
    opens_sentence,
    word_positions,
)

ROLE_NOUNS = {
    "showrunner": "showrunner", "show-runner": "showrunner", "co-showrunner": "showrunner",
    "creator": "creator", "co-creator": "creator",
    "writer": "writer", "screenwriter": "writer", "co-writer": "writer",
    "director": "director", "co-director": "director",
    "producer": "producer", "co-producer": "producer",
}
ROLE_NOUNS.update({f"{noun}s": role for noun, role in list(ROLE_NOUNS.items())})
# Words that may stand between a determiner and the role noun ("its new head writer").
ROLE_MODIFIERS = frozenset({
    "series", "show", "executive", "co-executive", "head", "lead", "chief", "original", "new",
    "former", "current", "longtime", "then", "supervising", "consulting", "franchise",
    "episode", "credited", "sole", "only", "first", "incoming", "outgoing", "joint", "staff",
})
# Roles only a work has: a name just before them is a work's title, not a company's.
CREATIVE_ROLES = frozenset({"showrunner", "creator", "writer"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "our"})
# "casting director", "director of photography": other jobs.
OTHER_JOBS_BEFORE = frozenset({
    "casting", "art", "music", "musical", "creative", "managing", "artistic", "technical",
    "stunt", "fight", "assistant", "content", "unit", "photography", "line", "record",
    "associate", "news", "theatre", "theater", "stage", "film", "festival", "company",
})
ROLE_FIRST_WORDS = first_words(ROLE_NOUNS)


class RolePhrase(NamedTuple):
    """A role noun phrase: "the show's creator and showrunner of Night Harbour"."""

    roles: list  # the roles, in order: ["creator", "showrunner"]
    start: int  # the first token of the words before the role noun ("the show's")
    after: int  # the token after the role nouns
    end: int  # the token after the work named after them, else ``after``
    work: str | None  # the work named after the role nouns, else before them
    named: str | None  # the work named after the role nouns ("of Night Harbour")
    det: bool  # a determiner or a possessive stands before the role noun


def role_at(doc, i):
    """Return (role, index after) for a role noun at token i, or None."""
    word, after = compound_at(doc, i)
    role = ROLE_NOUNS.get(word)
    if role is None or doc[i].text.isupper():
        return None
    if i > 0 and doc[i - 1].lower_ in OTHER_JOBS_BEFORE:
        return None
    if after + 1 < len(doc) and doc[after].lower_ == "of" and doc[after + 1].lower_ in (
            "photography", "music", "casting", "development", "programming"):
        return None
    return role, after


def roles_from(doc, i):
    """Return ([roles], index after) for "creator and showrunner" starting at token i."""
    found = role_at(doc, i)
    if found is None:
        return [], i
    roles, end = [found[0]], found[1]
    if end + 1 < len(doc) and doc[end].lower_ == "and":
        more = role_at(doc, end + 1)
        if more:
            roles.append(more[0])
            end = more[1]
    return roles, end


def _describes(doc, j):
    """Return True when the word before token j is one lower-case adjective or noun
    after a determiner ("the auteur director"), not a prize ("the best director") or
    another job ("the casting director")."""
    word = doc[j - 1] if j >= 2 else None
    return word is not None and word.is_lower and word.pos_ in ("ADJ", "NOUN") \
        and word.tag_ != "JJS" and word.lower_ not in OTHER_JOBS_BEFORE \
        and doc[j - 2].lower_ in DETERMINERS


def phrase_before_role(ctx, r):
    """Return (start, work, has_determiner) of the words before a role noun at r:
    determiners, modifiers, a work's title or a possessive ("the show's")."""
    doc = ctx.doc
    j, work, det = r, None, False
    while j > 0:
        word, start = compound_ending(doc, j)
        if word in ROLE_MODIFIERS and (doc[start].is_lower or opens_sentence(doc, start)):
            j = start
        elif _describes(doc, j) and not det and work is None:
            j -= 1  # "the auteur director", "the acclaimed director"
        elif word in DETERMINERS:
            j, det = start, True
        elif word in APOSTROPHE_S and j >= 2:
            if doc[j - 2].lower_ in WORK_NOUNS:
                work, j, det = work or work_for(ctx, r), j - 2, True
                continue
            title = title_ending(ctx, j - 1)
            if title is None or not is_work(ctx, title.text):
                break
            work, j, det = work or title.text, title.start, True
        else:
            # "Night Harbour showrunner Ana Ruiz"; "Netflix executive producer" is a company.
            title = title_ending(ctx, j)
            creative = ROLE_NOUNS.get(compound_at(doc, r)[0]) in CREATIVE_ROLES and j == r
            if title is None or work is not None or not (is_work(ctx, title.text) or creative):
                break
            work, j = title.text, title.start
    return j, work, det


def work_after(ctx, i, role):
    """Return (work, index after) for "of/on/for [the second season of] WORK" at token
    i; work is None when no title follows, False when the title is not a work
    ("the director of the FBI")."""
    doc = ctx.doc
    if i >= len(doc) or doc[i].lower_ not in ("of", "on", "for", "behind"):
        return None, i
    j = i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    k = j
    while k < len(doc) and k - j < 4 and doc[k].lower_ != "of" and not doc[k].is_punct:
        k += 1
    if k < len(doc) and doc[k].lower_ == "of" and any(
            t.lower_ in ("season", "series", "seasons", "episode") for t in doc[j:k]):
        j = k + 1
    title = title_at(ctx, j, quoted=True)
    if title is None:
        return None, i
    if role in ("director", "producer") and not is_work(ctx, title.text) \
            and doc[i].lower_ != "behind":
        return False, i  # "the director of the FBI"; "the director behind X" makes X a work
    return title.text, title.end


def role_phrases(ctx):
    """Yield the RolePhrase of each role noun of the article, but for a role in
    something that is no work ("the director of the FBI")."""
    doc = ctx.doc
    for r in word_positions(ctx, ROLE_FIRST_WORDS):
        roles, after = roles_from(doc, r)
        if not roles:
            continue
        start, work, det = phrase_before_role(ctx, r)
        named, after_work = work_after(ctx, after, roles[0])
        if named is False:
            continue
        yield RolePhrase(roles, start, after, after_work, named or work, named, det)
