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
(``works.work_for``); in news (no front matter), a bare "director Ann Marsh" credits
only a work named in its sentence or the headline, and "the unconventional director
Ann Marsh" none. The forms news writes that these token rules miss are read on the
parse in ``crew.parse``. A character of the article (a name with an actor in
parentheses) is never crew, and a surname alone counts only when the article
gives the full name. Statements that are negated, hedged or asked give nothing.

The rules share their reading: role words and the phrase around one in
``crew_roles``, people's names in ``crew_people``, what a making verb made in
``crew_made``.
"""

from graph.extract.mentions.works import (
    index,
    is_work,
    title_at,
    title_ending,
    work_for,
)
from graph.extract.mentions.works_text import (
    asserted_in_line,
    compound_at,
    compound_ending,
    opens_sentence,
    word_positions,
)
from graph.extract.registry import rule
from graph.extract.rules.crew.made import (
    MADE_NOUNS,
    made_object,
    made_thing,
    participle_subject,
    relative_subject,
)
from graph.extract.rules.crew.people import (
    name_covering,
    people_at,
    people_ending,
    resolve_people,
    skip_descriptors,
    subject_people,
)
from graph.extract.rules.crew.roles import (
    ROLE_FIRST_WORDS,
    ROLE_NOUNS,
    phrase_before_role,
    role_at,
    role_phrases,
)
from graph.extract.rules.crew.tree import full_title, split_titles, work_in_sentence
from graph.model.facts import Crew

# Words between a made thing and its "directed by".
PASSIVE_WORDS = frozenset({"was", "were", "is", "are", "been", "all", "both", "also", "then",
                           "later", "mostly", ","})
MAKING_VERBS = {"create": "creator", "co-create": "creator", "write": "writer",
                "co-write": "writer", "direct": "director", "produce": "producer",
                "executive-produce": "producer"}
# The forms of the making verbs that rules look for first.
PARTICIPLES = frozenset({"created", "written", "directed", "produced", "co", "executive"})
MAKING_FORMS = frozenset({"created", "wrote", "directed", "produced", "co", "create", "write",
                         "direct", "produce"})
# Verbs whose "as" names a part: "Mara Quill starred as the director Ann Marsh".
PLAYED = frozenset({"star", "play", "cast", "portray", "appear"})
COPULAS = frozenset({"be", "become", "remain", "stay"})
# Owners of a role that are people ("her producer"), not a work.
PERSONAL_OWNERS = frozenset({"his", "her", "my", "our", "your", "their"})
# "Ana Ruiz is set to direct", "was hired to write": an announced job.
APPOINTED = frozenset({"set", "slated", "tapped", "hired", "due", "signed", "on",
                       "chosen", "to"})


def _facts(ctx, persons, roles, work, token_span, char_span, rule_name, confidence):
    """Yield a Crew fact per person and role, when the statement is asserted."""
    if not persons or not roles or not asserted_in_line(ctx, *token_span):
        return
    work = work or work_for(ctx, token_span[0])
    if not work:
        return
    for part in split_titles(ctx, work):
        part = full_title(ctx, part)
        for person in persons:
            if person == part:
                continue
            for role in roles:
                yield ctx.fact(Crew(person=person, role=role, work=part), *char_span,
                               rule_name, confidence)


def _char_end(ctx, token_end):
    """Return the end character of the token before ``token_end``."""
    last = ctx.doc[token_end - 1]
    return last.idx + len(last.text)


@rule("crew.title")
def role_title(ctx):
    """Yield crew written with the role before the names: "showrunner Ana Ruiz"."""
    doc = ctx.doc
    for r in word_positions(ctx, ROLE_FIRST_WORDS):
        found = role_at(doc, r)
        if found is None:
            continue
        role, after = found
        persons, end = people_at(ctx, after)
        if not persons:
            continue
        if doc[r].text[:1].isupper() and not opens_sentence(doc, r):
            continue  # "Director Skinner" in mid-sentence is a character's rank
        start, work, det = phrase_before_role(ctx, r)
        if work is None and not ctx.article.work:
            # In news, "the unconventional director Ann Marsh" says who she is, and a
            # bare "director Ann Marsh" credits only a work named in its sentence.
            work = None if det else work_in_sentence(ctx, r)
            if work is None:
                continue
        roles = [role]
        if start > 1 and doc[start - 1].lower_ == "and":
            word, first = compound_ending(doc, start - 1)
            if word in ROLE_NOUNS:  # "showrunner and executive producer Ana Ruiz"
                roles.insert(0, ROLE_NOUNS[word])
                start = phrase_before_role(ctx, first)[0]
        yield from _facts(ctx, persons, roles, work, (start, end),
                          (doc[start].idx, _char_end(ctx, end)), "crew.title", 0.85)


@rule("crew.appositive")
def appositive(ctx):
    """Yield crew written "Ana Ruiz, the show's creator" or "its creator, Ana Ruiz"."""
    doc = ctx.doc
    for roles, start, after, after_work, work, named, det in role_phrases(ctx):
        if start > 2 and doc[start - 1].lower_ == "and" and doc[start - 2].is_lower \
                and doc[start - 2].pos_ == "NOUN" and doc[start - 3].text == ",":
            start -= 2  # "Ana Ruiz, star and co-creator of Night Harbour"
        # "Ana Ruiz, the show's creator"; "Ana Ruiz - the director behind X -".
        if start > 0 and doc[start - 1].text in (",", "-", "–", "—") and (
                det or after_work > after):
            persons, first = people_ending(ctx, start - 1)
            if persons:
                for each in _listed(ctx, after, after_work, named) or [work]:
                    yield from _facts(ctx, persons, roles, each, (first, after_work),
                                      (doc[first].idx, _char_end(ctx, after_work)),
                                      "crew.appositive", 0.85)
                continue
        # "her producer, Colin Marsh": whose collaborator he is, not a work's crew.
        if det and after + 1 < len(doc) and doc[after].text == "," and named is None \
                and doc[start].lower_ not in PERSONAL_OWNERS:
            persons, end = people_at(ctx, after + 1)
            if persons and (end >= len(doc) or doc[end].is_punct):
                yield from _facts(ctx, persons, roles, work, (start, end),
                                  (doc[start].idx, _char_end(ctx, end)), "crew.appositive",
                                  0.8)


def _listed(ctx, after, end, named):
    """Return the titles of the list that the work named after a role noun opens ("the
    director behind A and B"), or [] when none is named."""
    if named is None:
        return []
    doc = ctx.doc
    k = next((k for k in range(after, end) if (t := title_at(ctx, k, quoted=True))
              and t.text == named), None)
    if k is None:
        return [named]
    found = []
    while k < len(doc):
        title = title_at(ctx, k, quoted=True)
        if title is None or found and not is_work(ctx, title.text) and any(
                t.ent_type_ == "PERSON" for t in doc[title.start:title.end]):
            break  # "the creator of A, and Orrin Vale": a person, no title
        stop = title.end
        if stop < len(doc) and doc[stop].is_digit and len(doc[stop].text) <= 2:
            stop += 1  # "Die Hard 2": a sequel's number
        found.append(doc[title.start:stop].text)
        if stop + 1 < len(doc) and doc[stop].text == "," and doc[stop + 1].lower_ == "and":
            stop += 1
        if stop >= len(doc) or doc[stop].lower_ not in ("and", ","):
            break
        k = stop + 1
    return found or [named]


@rule("crew.as")
def served_as(ctx):
    """Yield crew written "Ana Ruiz served as showrunner", "Ana Ruiz is the creator" or
    "the director was Ana Ruiz"."""
    doc = ctx.doc
    for roles, start, _after, after_work, work, named, det in role_phrases(ctx):
        verb = after_work
        while verb < len(doc) and verb - after_work < 3 and doc[verb].pos_ in ("DET", "NOUN"):
            verb += 1  # "Directors this season include"
        if (det or opens_sentence(doc, start)) and verb < len(doc) \
                and doc[verb].lemma_.lower() in ("be", "include"):
            persons, end = people_at(ctx, verb + 1)
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
            if v > 0 and doc[v - 1].lemma_.lower() in PLAYED:
                continue  # "starred as the director": a part played
            if v > 0 and doc[v - 1].text == "," and named is None and any(
                    t.text == "," for t in doc[after_work:after_work + 4]):
                continue  # "Ana Ruiz, as a producer and actor, made ...": a trade, no credit
            j = start - 1
            between = title_ending(ctx, j)
            if between and is_work(ctx, between.text) and between.start > 0 \
                    and doc[between.start - 1].pos_ == "VERB":
                work, j = work or between.text, between.start
            persons, first = people_ending(ctx, j)
            if not persons:
                persons, first = subject_people(ctx, j)
        elif doc[v].lemma_.lower() in COPULAS:
            persons, first = subject_people(ctx, v + 1)
        else:
            continue
        if persons:
            yield from _facts(ctx, persons, roles, work, (v, after_work),
                              (doc[first].idx, _char_end(ctx, after_work)), "crew.as", 0.85)


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
        hyphened = v > 1 and doc[v - 1].text == "-" and not doc[v - 2].whitespace_
        if hyphened and doc[v - 2].lower_ == "co":
            v -= 2  # "co-written by": the prefix belongs to the verb
        elif hyphened:
            yield from _compound_maker(ctx, v, roles)  # "the Ana Ruiz-created series"
            continue
        if j + 1 < len(doc) and doc[j].lower_ in ("for", "in") and doc[j + 1].text[:1].isupper():
            j += 2  # "created for Netflix by"
            while j < len(doc) and doc[j].text[:1].isupper():
                j += 1
        if j >= len(doc) or doc[j].lower_ != "by":
            continue
        persons, end = people_at(ctx, skip_descriptors(ctx, j + 1))
        if not persons:
            continue
        if end + 1 < len(doc) and doc[end].lower_ == "with":
            partners, after = people_at(ctx, end + 1)  # "written by A with B": a co-writer
            if partners:
                persons, end = persons + partners, after
        k = v
        while k > 0 and doc[k - 1].lower_ in ("and", "all", "both", "then", "later", "also"):
            k -= 1
        if k == last_end:
            found, work = True, last_work
        elif opens_sentence(doc, v):
            found, work = True, participle_subject(ctx, end)
        else:
            found, work = made_thing(ctx, v)
            if not found:
                work = relative_subject(ctx, v)
                found = work is not None
        if not found:
            continue
        if work is None and _season_made(doc, k) and not ctx.article.work:
            # "The first two seasons were directed by": the article's show's seasons,
            # not those of a show an actor was in, named in the sentence before.
            work = index(ctx).article_work
        work = work or work_for(ctx, v)
        last_end, last_work = end, work
        yield from _facts(ctx, persons, roles, work, (v, end),
                          (doc[v].idx, _char_end(ctx, end)), "crew.by", 0.85)


def _season_made(doc, v):
    """Return True when what the making verb at token v made is seasons or series with
    no title ("The first two seasons were directed by")."""
    j = v
    while j > 0 and doc[j - 1].lower_ in PASSIVE_WORDS:
        j -= 1
    return j > 0 and doc[j - 1].lower_ in ("season", "seasons", "series") \
        and not doc[j - 1].text[:1].isupper()


def _compound_maker(ctx, v, roles):
    """Yield crew written "the Ana Ruiz-created series" (the made thing after it)."""
    doc = ctx.doc
    name = name_covering(ctx, v - 2)
    if name is None:
        return
    # The name finder joins "Calder-created" into the name: the person ends at the hyphen.
    first = name.start
    persons = resolve_people(ctx, [doc[first:v - 1].text])
    title = title_at(ctx, v + 1)
    if title:
        work, end = title.text, title.end
    elif v + 1 < len(doc) and compound_at(doc, v + 1)[0] in MADE_NOUNS:
        work, end = None, compound_at(doc, v + 1)[1]
    else:
        return
    yield from _facts(ctx, persons, roles, work, (first, end),
                      (doc[first].idx, _char_end(ctx, end)), "crew.by", 0.8)


@rule("crew.verb")
def made_it(ctx):
    """Yield crew written "Ana Ruiz directed the episode" or "an episode Ruiz wrote"."""
    doc = ctx.doc
    verbs = set(word_positions(ctx, MAKING_FORMS))
    for name in ctx.names:
        if not verbs.intersection(range(name.end, name.end + 8)):
            continue
        persons, end = people_at(ctx, name.start)
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
        made, work, obj_end = made_object(ctx, v, name.start)
        if not made:
            continue
        if obj_end + 1 < len(doc) and doc[obj_end].lower_ == "with":
            partners, partners_end = people_at(ctx, obj_end + 1)  # "created it with Ben Kay"
            if partners:
                persons, obj_end = persons + partners, partners_end
        yield from _facts(ctx, persons, roles, work, (name.start, obj_end),
                          (name.start_char, _char_end(ctx, obj_end)), "crew.verb", 0.8)
