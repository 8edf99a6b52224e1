"""Crew rules: who made a work (showrunner, creator, writer, director, producer).

Each rule reads people's names next to a role word or a making verb:

- ``crew.title``: the role before the name: "showrunner Ana Ruiz", "series creator
  Ana Ruiz", "Night Harbour head writer Ben Kay".
- ``crew.appositive``: "Ana Ruiz, the show's creator", "its creator, Ana Ruiz",
  "Ana Ruiz and Ben Kay, the showrunners of Night Harbour".
- ``crew.as``: "Ana Ruiz served as showrunner", "Ben Kay took over as showrunner",
  "Ana Ruiz is the creator and showrunner", "with Ana Ruiz as showrunner", "the
  director was Ana Ruiz", "executive producers include A and B".
- ``crew.by``: "created by Ana Ruiz and Ben Kay", "written by A and directed by B",
  "written and directed by A", "the Ana Ruiz-created series".
- ``crew.verb``: "Ana Ruiz directed the episode", "an episode Ruiz wrote and
  directed", "Ana Ruiz, who created the series", "Ana Ruiz will direct the finale".

The work is the one the words name ("creator of Night Harbour", "Night Harbour,
created by"), else the one the article or its section is about
(``works.work_for``). A character of the article (a name with an actor in
parentheses) is never crew, and a surname alone counts only when the article
gives the full name. Statements that are negated, hedged or asked give nothing.
"""

import bisect

from graph.extract.registry import rule
from graph.extract.works import (
    APOSTROPHE_S,
    QUOTES,
    WORK_NOUNS,
    asserted_in_line,
    compound_at,
    compound_ending,
    first_words,
    is_markup,
    is_work,
    opens_sentence,
    skip_markup,
    title_at,
    title_ending,
    word_positions,
    work_for,
)
from graph.model.facts import Crew

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
MAKING_VERBS = {"create": "creator", "co-create": "creator", "write": "writer",
                "co-write": "writer", "direct": "director", "produce": "producer",
                "executive-produce": "producer"}
# Nouns a made thing is: "directed the episode", "the parts, all written by".
MADE_NOUNS = WORK_NOUNS | frozenset({
    "episode", "episodes", "season", "seasons", "finale", "premiere", "pilot", "script",
    "scripts", "part", "parts", "special", "specials", "instalment", "installment",
    "two-parter", "shows", "films", "it", "arc", "arcs", "block",
})
# Made things that an article's own work has many of: "an episode written by" is one of
# them, while "a film directed by" is some other work.
PARTS = frozenset({"episode", "episodes", "part", "parts", "instalment", "installment",
                   "special", "specials", "two-parter", "script", "scripts", "finale",
                   "premiere", "pilot", "season", "seasons"})
ROLE_FIRST_WORDS = first_words(ROLE_NOUNS)
# What "the series" or "it" is when an article says so: its own work (a film or a novel
# an article mentions is more often another work).
OWN_KINDS = frozenset({"series", "show", "programme", "program", "sitcom", "drama",
                       "miniseries", "serial", "soap", "shows", "it", "comedy", "anthology"})
# The forms of the making verbs that rules look for first.
PARTICIPLES = frozenset({"created", "written", "directed", "produced", "co", "executive"})
MAKING_FORMS = frozenset({"created", "wrote", "directed", "produced", "co", "create", "write",
                         "direct", "produce"})
# Words between a made thing and its "written by": "the finale, which was also written by".
PASSIVE_FILLER = frozenset({",", "also", "was", "were", "is", "are", "been", "which", "that",
                            "itself", "originally", "all", "both", "each", "first", "later",
                            "partly", "mostly", "entirely", "jointly", "then"})
# Words between a person and "as"/"is" or a making verb: "who would later become".
VERB_FILLER_POS = frozenset({"VERB", "AUX", "ADV", "PART"})
COPULAS = frozenset({"be", "become", "remain", "stay"})
# "Ana Ruiz is set to direct", "was hired to write": an announced job.
APPOINTED = frozenset({"set", "slated", "tapped", "hired", "due", "signed", "on", "attached",
                       "chosen", "to"})


def _people_index(ctx):
    """Return (characters, full names by first and by last word, name starts) of the
    article, built once per document."""
    if "crew_people" in ctx.memo:
        return ctx.memo["crew_people"]
    doc, names = ctx.doc, ctx.names
    characters = set()
    for name in names:
        e = name.end
        inner = ctx.name_starting(e + 1) if e + 1 < len(doc) and doc[e].text == "(" else None
        after_as = name.start > 0 and doc[name.start - 1].lower_ == "as"
        played = e + 2 < len(doc) and doc[e + 1].lower_ == "played" and doc[e + 2].lower_ == "by"
        if after_as or played or inner and inner.end < len(doc) and doc[inner.end].text == ")":
            characters.add(name.text)
            characters.update(name.text.split())
    by_word = {}
    for name in names:
        words = _strip_roles(name.text.split())
        full = " ".join(words)
        if 2 <= len(words) <= 5 and full not in characters and not is_work(ctx, full):
            for word in (words[0], words[-1]):
                by_word.setdefault(word, set()).add(full)
    value = (characters, by_word, [n.start for n in names])
    ctx.memo["crew_people"] = value
    return value


def _strip_roles(words):
    """Return the words of a name without leading role words ("Showrunner Ana Ruiz")."""
    while words and (words[0].lower() in ROLE_NOUNS or words[0].lower() in ROLE_MODIFIERS):
        words = words[1:]
    return words


def _person(ctx, text):
    """Return the full name of a person written ``text``, or None when it is no person
    (a character, a work) or a surname the article never completes."""
    characters, by_word, _starts = _people_index(ctx)
    words = _strip_roles(text.split())
    text = " ".join(words)
    if not words or text in characters or is_work(ctx, text):
        return None
    if 2 <= len(words) <= 5:
        return text
    full = by_word.get(text, ())
    return next(iter(full)) if len(full) == 1 else None


def _name_from(ctx, i):
    """Return (text, end) of the name that covers token i, from token i on, or None."""
    starts = _people_index(ctx)[2]
    at = bisect.bisect_right(starts, i) - 1
    if at < 0 or ctx.names[at].end <= i:
        return _sentence_initial_word(ctx, i)
    name = ctx.names[at]
    return ctx.doc[i:name.end].text, name.end


def _sentence_initial_word(ctx, i):
    """Return (text, i + 1) for a capitalised word opening a sentence, which the name
    finder leaves out when the tagger calls it a noun ("Davies returned"), or None."""
    token = ctx.doc[i]
    if token.text[:1].isupper() and token.is_alpha and opens_sentence(ctx.doc, i):
        return token.text, i + 1
    return None


def _resolve(ctx, texts):
    """Return the persons of coordinated names; "Andy and Susan Kay" share a surname."""
    persons = []
    for n, text in enumerate(texts):
        person = _person(ctx, text)
        if person is None and len(text.split()) == 1 and n + 1 < len(texts) \
                and len(texts[n + 1].split()) > 1:
            person = _person(ctx, f"{text} {texts[n + 1].split()[-1]}")
        if person:
            persons.append(person)
    return persons


def _people_at(ctx, i):
    """Return ([persons], end) for the names "A", "A and B", "A, B and C" at token i."""
    doc = ctx.doc
    i = skip_markup(doc, i)
    first = _name_from(ctx, i) if i < len(doc) else None
    if first is None:
        return [], i
    texts, end = [first[0]], first[1]
    j = skip_markup(doc, end)
    while j + 1 < len(doc) and (doc[j].lower_ == "and" or doc[j].text == ","):
        k = j + 2 if doc[j].text == "," and doc[j + 1].lower_ == "and" else j + 1
        nxt = ctx.name_starting(skip_markup(doc, k))
        if nxt is None:
            break
        texts.append(nxt.text)
        end = nxt.end
        if doc[j].lower_ == "and" or k == j + 2:
            break
        j = skip_markup(doc, end)
    return _resolve(ctx, texts), skip_markup(doc, end) if end < len(doc) and \
        doc[end].text.startswith("*") else end


def _people_ending(ctx, j):
    """Return ([persons], start) for the names "A", "A and B", "A, B and C" ending at j."""
    doc = ctx.doc
    while j > 0 and is_markup(doc[j - 1]):
        j -= 1
    name = ctx.name_ending(j)
    if name is None:
        word = _sentence_initial_word(ctx, j - 1) if j > 0 else None
        return (_resolve(ctx, [word[0]]), j - 1) if word else ([], j)
    texts, start = [name.text], name.start
    while start > 1 and (doc[start - 1].lower_ == "and" or doc[start - 1].text == ","):
        k = start - 1
        while k > 0 and is_markup(doc[k - 1]):
            k -= 1
        prev = ctx.name_ending(k)
        if prev is None:
            break
        texts.insert(0, prev.text)
        start = prev.start
    return _resolve(ctx, texts), start


def _skip_descriptors(ctx, i):
    """Return the index of the name after "by the novelist" / "by showrunner"."""
    doc = ctx.doc
    j = skip_markup(doc, i)
    k = j
    while k < len(doc) and k - j < 3 and doc[k].is_lower and doc[k].pos_ in ("DET", "NOUN",
                                                                             "ADJ"):
        k += 1
    if k > j and doc[k - 1].pos_ == "DET":
        return len(doc)  # "by the Old Ones": a group or a thing, not a person
    return k if k > j and _name_from(ctx, skip_markup(doc, k)) else j


def _role_at(doc, i):
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


def _roles_from(doc, i):
    """Return ([roles], index after) for "creator and showrunner" starting at token i."""
    found = _role_at(doc, i)
    if found is None:
        return [], i
    roles, end = [found[0]], found[1]
    if end + 1 < len(doc) and doc[end].lower_ == "and":
        more = _role_at(doc, end + 1)
        if more:
            roles.append(more[0])
            end = more[1]
    return roles, end


def _phrase_before_role(ctx, r):
    """Return (start, work, has_determiner) of the words before a role noun at r:
    determiners, modifiers, a work's title or a possessive ("the show's")."""
    doc = ctx.doc
    j, work, det = r, None, False
    while j > 0:
        word, start = compound_ending(doc, j)
        if word in ROLE_MODIFIERS and (doc[start].is_lower or opens_sentence(doc, start)):
            j = start
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


def _work_after(ctx, i, role):
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
    if role in ("director", "producer") and not is_work(ctx, title.text):
        return False, i  # "the director of the FBI"
    return title.text, title.end


def _facts(ctx, persons, roles, work, token_span, char_span, rule_name, confidence):
    """Yield a Crew fact per person and role, when the statement is asserted."""
    if not persons or not roles or not asserted_in_line(ctx, *token_span):
        return
    work = work or work_for(ctx, token_span[0])
    if not work:
        return
    for person in persons:
        if person == work:
            continue
        for role in roles:
            yield ctx.fact(Crew(person=person, role=role, work=work), *char_span, rule_name,
                           confidence)


def _char_end(ctx, token_end):
    """Return the end character of the token before ``token_end``."""
    last = ctx.doc[token_end - 1]
    return last.idx + len(last.text)


@rule("crew.title")
def role_title(ctx):
    """Yield crew written with the role before the names: "showrunner Ana Ruiz"."""
    doc = ctx.doc
    for r in word_positions(ctx, ROLE_FIRST_WORDS):
        found = _role_at(doc, r)
        if found is None:
            continue
        role, after = found
        persons, end = _people_at(ctx, after)
        if not persons:
            continue
        if doc[r].text[:1].isupper() and not opens_sentence(doc, r):
            continue  # "Director Skinner" in mid-sentence is a character's rank
        start, work, _det = _phrase_before_role(ctx, r)
        roles = [role]
        if start > 1 and doc[start - 1].lower_ == "and":
            word, first = compound_ending(doc, start - 1)
            if word in ROLE_NOUNS:  # "showrunner and executive producer Ana Ruiz"
                roles.insert(0, ROLE_NOUNS[word])
                start = _phrase_before_role(ctx, first)[0]
        yield from _facts(ctx, persons, roles, work, (start, end),
                          (doc[start].idx, _char_end(ctx, end)), "crew.title", 0.85)


@rule("crew.appositive")
def appositive(ctx):
    """Yield crew written "Ana Ruiz, the show's creator" or "its creator, Ana Ruiz"."""
    doc = ctx.doc
    for r in word_positions(ctx, ROLE_FIRST_WORDS):
        roles, after = _roles_from(doc, r)
        if not roles:
            continue
        start, work, det = _phrase_before_role(ctx, r)
        named, after_work = _work_after(ctx, after, roles[0])
        if named is False:
            continue
        work = named or work
        if start > 0 and doc[start - 1].text == "," and (det or after_work > after):
            persons, first = _people_ending(ctx, start - 1)
            if persons:
                yield from _facts(ctx, persons, roles, work, (first, after_work),
                                  (doc[first].idx, _char_end(ctx, after_work)),
                                  "crew.appositive", 0.85)
                continue
        if det and after + 1 < len(doc) and doc[after].text == "," and named is None:
            persons, end = _people_at(ctx, after + 1)
            if persons and (end >= len(doc) or doc[end].is_punct):
                yield from _facts(ctx, persons, roles, work, (start, end),
                                  (doc[start].idx, _char_end(ctx, end)), "crew.appositive",
                                  0.8)


def _subject_people(ctx, j):
    """Return (persons, start) of the people who are the subject of a verb phrase ending
    at j: "Ana Ruiz", "Ana Ruiz, who would later", "Ana Ruiz, the producer, was"."""
    doc = ctx.doc
    k = j
    while k > 0 and j - k < 5 and (doc[k - 1].pos_ in VERB_FILLER_POS or doc[k - 1].lower_ in (
            "who", "over", "on", "back", "in", "up", "then")):
        k -= 1
    if k > 0 and doc[k - 1].text == ",":
        k -= 1
    persons, start = _people_ending(ctx, k)
    if k == 0 or doc[k].text != ",":
        return persons, start
    # Jump back over an aside between commas ("Ana Ruiz, the producer, was"; "Ana Ruiz,
    # who worked with Ben Kay, was") to the names before it.
    m = k - 1
    while m > 0 and k - m < 14 and doc[m].text != "," and not doc[m].is_sent_start:
        m -= 1
    relative = any(t.lower_ in ("who", "which", "whom") for t in doc[m + 1:k])
    if doc[m].text == "," and (relative or not persons):
        return _people_ending(ctx, m)
    return persons, start


@rule("crew.as")
def served_as(ctx):
    """Yield crew written "Ana Ruiz served as showrunner", "Ana Ruiz is the creator" or
    "the director was Ana Ruiz"."""
    doc = ctx.doc
    for r in word_positions(ctx, ROLE_FIRST_WORDS):
        roles, after = _roles_from(doc, r)
        if not roles:
            continue
        start, work, det = _phrase_before_role(ctx, r)
        named, after_work = _work_after(ctx, after, roles[0])
        if named is False:
            continue
        work = named or work
        verb = after_work
        while verb < len(doc) and verb - after_work < 3 and doc[verb].pos_ in ("DET", "NOUN"):
            verb += 1  # "Directors this season include"
        if (det or opens_sentence(doc, start)) and verb < len(doc) \
                and doc[verb].lemma_.lower() in ("be", "include"):
            persons, end = _people_at(ctx, verb + 1)
            if persons:
                yield from _facts(ctx, persons, roles, work, (start, end),
                                  (doc[start].idx, _char_end(ctx, end)), "crew.as", 0.8)
                continue
        v = start - 1
        while v > 0 and doc[v].pos_ == "ADV" and start - v < 3:
            v -= 1  # "were also the creators"
        if v < 0:
            continue
        if doc[v].lower_ == "as":
            j = start - 1
            between = title_ending(ctx, j)
            if between and is_work(ctx, between.text) and between.start > 0 \
                    and doc[between.start - 1].pos_ == "VERB":
                work, j = work or between.text, between.start
            persons, first = _people_ending(ctx, j)
            if not persons:
                persons, first = _subject_people(ctx, j)
        elif doc[v].lemma_.lower() in COPULAS:
            persons, first = _subject_people(ctx, v + 1)
        else:
            continue
        if persons:
            yield from _facts(ctx, persons, roles, work, (v, after_work),
                              (doc[first].idx, _char_end(ctx, after_work)), "crew.as", 0.85)


def _made_thing(ctx, j):
    """Return (found, work) for the subject of "[subject] written by" ending at j: a
    work's title, a made thing ("the episode", "eighteen parts, all"), else (False, None)."""
    doc = ctx.doc
    k = j
    while k > 0 and doc[k - 1].lower_ in PASSIVE_FILLER:
        k -= 1
    if k == 0:
        return False, None
    if doc[k - 1].text in QUOTES:
        return True, None  # "Hell Bent", written by: an episode's title
    title = title_ending(ctx, k, strict=True)
    if title and is_work(ctx, title.text):
        if title.start > 0 and doc[title.start - 1].lower_ in ("of", "to", "with"):
            head = _appositive_before(ctx, title.start - 1)
            if head:
                return True, head
        return True, title.text
    noun, n = compound_ending(doc, k)
    if noun in MADE_NOUNS:
        if n > 1 and doc[n - 1].text in APOSTROPHE_S and doc[n - 2].lower_ not in WORK_NOUNS:
            return False, None  # "Ana Ruiz's sitcom, created by": which sitcom is unsaid
        while n > 0 and k - n < 5 and doc[n - 1].pos_ in ("ADJ", "NUM", "PROPN", "NOUN"):
            n -= 1
        if n > 1 and doc[n - 1].lower_ in ("a", "an", "the") and doc[n - 2].text == ",":
            head = title_ending(ctx, n - 2)  # "Night Harbour, a sequel film written by"
            if head:
                return True, head.text
        dated = any(t.like_num and not t.is_lower for t in doc[n:k])
        if noun not in PARTS and (dated or noun not in OWN_KINDS
                                  or n > 0 and doc[n - 1].lower_ in ("a", "an")):
            return False, None  # "a play", "the 1973 film directed by": another work, unnamed
        return True, None
    return _clause_subject_is_made(ctx, k), None


def _clause_subject_is_made(ctx, k):
    """Return True when the sentence up to token k is one noun phrase about a made thing:
    "The two-part conclusion to the first series ... was written by"."""
    doc = ctx.doc
    start = doc[k - 1].sent.start
    for i in range(k - 1, start - 1, -1):
        if opens_sentence(doc, i):
            start = i
            break
    words = doc[start:k]
    return not any(t.tag_ in ("VBD", "VBZ", "VBP") for t in words) and any(
        t.lower_ in MADE_NOUNS - {"it"} for t in words[:8])


def _appositive_before(ctx, j):
    """Return the work X of "X, a spin-off of" where token j is the "of", or None."""
    doc = ctx.doc
    i = j - 1
    while i > 1 and j - i < 6 and doc[i].text != ",":
        i -= 1
    title = title_ending(ctx, i) if doc[i].text == "," else None
    return title.text if title and is_work(ctx, title.text) else None


def _relative_subject(ctx, j):
    """Return the work before ", which" earlier in the sentence of token j, or None."""
    doc = ctx.doc
    sent_start = doc[j].sent.start
    for k in range(j - 1, sent_start, -1):
        if doc[k].lower_ in ("which", "that") and doc[k - 1].text == ",":
            title = title_ending(ctx, k - 1)
            return title.text if title and is_work(ctx, title.text) else None
    return None


@rule("crew.by")
def made_by(ctx):
    """Yield crew written "created by Ana Ruiz and Ben Kay" or "directed by Ana Ruiz"."""
    doc = ctx.doc
    last_end, last_work, joined = -1, None, -1
    for v in word_positions(ctx, PARTICIPLES):
        role = MAKING_VERBS.get(doc[v].lemma_.lower()) if doc[v].tag_ == "VBN" else None
        if role is None or v <= joined:
            continue
        roles, j = [role], v + 1
        while j + 1 < len(doc) and doc[j].lower_ == "and" and doc[j + 1].tag_ == "VBN" \
                and doc[j + 1].lemma_.lower() in MAKING_VERBS:
            roles.append(MAKING_VERBS[doc[j + 1].lemma_.lower()])  # "written and directed by"
            j += 2
        joined = j - 1
        if v > 1 and doc[v - 1].text == "-" and not doc[v - 2].whitespace_:
            yield from _compound_maker(ctx, v, roles)  # "the Ana Ruiz-created series"
            continue
        if j + 1 < len(doc) and doc[j].lower_ in ("for", "in") and doc[j + 1].text[:1].isupper():
            j += 2  # "created for Netflix by"
            while j < len(doc) and doc[j].text[:1].isupper():
                j += 1
        if j >= len(doc) or doc[j].lower_ != "by":
            continue
        persons, end = _people_at(ctx, _skip_descriptors(ctx, j + 1))
        if not persons:
            continue
        k = v
        while k > 0 and doc[k - 1].lower_ in ("and", "all", "both", "then", "later", "also"):
            k -= 1
        if k == last_end:
            found, work = True, last_work
        elif opens_sentence(doc, v):
            found, work = True, _participle_subject(ctx, end)
        else:
            found, work = _made_thing(ctx, v)
            if not found:
                work = _relative_subject(ctx, v)
                found = work is not None
        if not found:
            continue
        work = work or work_for(ctx, v)
        last_end, last_work = end, work
        yield from _facts(ctx, persons, roles, work, (v, end),
                          (doc[v].idx, _char_end(ctx, end)), "crew.by", 0.85)


def _compound_maker(ctx, v, roles):
    """Yield crew written "the Ana Ruiz-created series" (the made thing after it)."""
    doc = ctx.doc
    starts = _people_index(ctx)[2]
    at = bisect.bisect_right(starts, v - 2) - 1
    name = ctx.names[at] if at >= 0 else None
    if name is None or not name.start <= v - 2 < name.end:
        return
    # The name finder joins "Calder-created" into the name: the person ends at the hyphen.
    first = name.start
    persons = _resolve(ctx, [doc[first:v - 1].text])
    title = title_at(ctx, v + 1)
    if title:
        work, end = title.text, title.end
    elif v + 1 < len(doc) and compound_at(doc, v + 1)[0] in MADE_NOUNS:
        work, end = None, compound_at(doc, v + 1)[1]
    else:
        return
    yield from _facts(ctx, persons, roles, work, (first, end),
                      (doc[first].idx, _char_end(ctx, end)), "crew.by", 0.8)


def _participle_subject(ctx, end):
    """Return the work after "Created by X, " (a title there), else None."""
    doc = ctx.doc
    if end < len(doc) and doc[end].text == ",":
        title = title_at(ctx, end + 1)
        if title and is_work(ctx, title.text):
            return title.text
    return None


@rule("crew.verb")
def made_it(ctx):
    """Yield crew written "Ana Ruiz directed the episode" or "an episode Ruiz wrote"."""
    doc = ctx.doc
    verbs = set(word_positions(ctx, MAKING_FORMS))
    for name in ctx.names:
        if not verbs.intersection(range(name.end, name.end + 8)):
            continue
        persons, end = _people_at(ctx, name.start)
        if not persons or name.start > 0 and doc[name.start - 1].lower_ in ("and", ",") \
                and ctx.name_ending(name.start - 1):
            continue  # the second of "A and B": read with A
        v = end
        if v + 1 < len(doc) and doc[v].text == "," and doc[v + 1].lower_ == "who":
            v += 2
        elif v < len(doc) and doc[v].text == ",":
            # "Ana Ruiz, an executive producer, directed": past the aside.
            close = next((k for k in range(v + 1, min(v + 9, len(doc))) if doc[k].text == ","),
                         None)
            v = close + 1 if close else v
        while v < len(doc) and v - end < 5 and (doc[v].pos_ in ("ADV", "AUX")
                                                 or doc[v].lower_ in APPOINTED):
            v += 1
        if v + 2 < len(doc) and doc[v].lower_ == "co" and doc[v + 1].text == "-":
            v += 2  # "co-created", "co-wrote"
        roles = []
        while v < len(doc) and doc[v].lemma_.lower() in MAKING_VERBS and (
                doc[v].tag_ == "VBD" or doc[v].tag_ == "VBN" and (
                    roles or doc[v - 1].lemma_ == "have")
                or doc[v].tag_ == "VB" and doc[v - 1].lower_ in ("will", "to")):
            roles.append(MAKING_VERBS[doc[v].lemma_.lower()])
            v += 1
            if v + 1 < len(doc) and doc[v].lower_ == "and" and doc[v + 1].tag_ in ("VBD", "VBN"):
                v += 1
        if not roles:
            continue
        made, work, obj_end = _made_object(ctx, v, name.start)
        if not made:
            continue
        if obj_end + 1 < len(doc) and doc[obj_end].lower_ == "with":
            partners, partners_end = _people_at(ctx, obj_end + 1)  # "created it with Ben Kay"
            if partners:
                persons, obj_end = persons + partners, partners_end
        yield from _facts(ctx, persons, roles, work, (name.start, obj_end),
                          (name.start_char, _char_end(ctx, obj_end)), "crew.verb", 0.8)


def _made_object(ctx, v, subject_start):
    """Return (made, work, end): whether the making verb ending before v made a work:
    its object ("the episode", a title) or the noun before the subject ("an episode
    Ruiz wrote")."""
    doc = ctx.doc
    if subject_start > 0:
        before = doc[subject_start - 1]
        if before.lower_ in ("that", "which") and subject_start > 1:
            before = doc[subject_start - 2]
        if compound_ending(doc, before.i + 1)[0] in MADE_NOUNS - {"it"} or before.text in QUOTES:
            return True, None, v
    j = v
    while j < len(doc) and j - v < 5 and (doc[j].lower_ in DETERMINERS | {"every", "each", "all",
                                                                            "both", "of"}
                                         or doc[j].pos_ in ("ADJ", "NUM")):
        j += 1
    title = title_at(ctx, j, quoted=True)
    if title and (is_work(ctx, title.text) or doc[skip_markup(doc, j)].text in QUOTES):
        return True, title.text if is_work(ctx, title.text) else None, title.end
    if j > v and j < len(doc):
        word, after = compound_at(doc, j)
        if word in MADE_NOUNS - {"it"}:
            return True, None, after
    return False, None, v
