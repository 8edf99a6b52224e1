"""People's names in crew statements: who a name is, and the names before or after a
role word or a making verb.

A character of the article (a name with an actor in parentheses, "as X", "X, played
by") is never crew; a name that is a work or a company ("Harbour Pictures") is none
either; a surname alone counts only
when the article gives the full name once ("Ruiz" after "Ana Ruiz"). Coordinated
names are read together: "A and B", "A, B and C", "Andy and Susan Kay" (who share a
surname).
"""


from graph.extract.mentions.works import is_work
from graph.extract.mentions.works_text import is_markup, opens_sentence, skip_markup
from graph.extract.rules.crew.roles import ROLE_MODIFIERS, ROLE_NOUNS

# Words in a name that make it a company, a channel or a studio, never crew.
COMPANY_WORDS = frozenset({"studios", "studio", "pictures", "films", "productions",
                           "entertainment", "network", "channel", "bbc", "hbo", "netflix",
                           "records", "media", "company", "group", "television", "tv",
                           "comics", "itv", "fox", "paramount", "disney", "warner", "sony",
                           "universal", "dreamworks", "miramax", "lionsgate", "amazon"})
# Finite verbs: a name just before one is the subject of a clause of its own.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Words between a person and "as"/"is" or a making verb: "who would later become".
VERB_FILLER_POS = frozenset({"VERB", "AUX", "ADV", "PART"})


def _people_index(ctx):
    """Return (characters, full names by first and by last word) of the article, built
    once per document."""
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
    value = (characters, by_word)
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
    characters, by_word = _people_index(ctx)
    words = _strip_roles(text.split())
    text = " ".join(words)
    if not words or text in characters or is_work(ctx, text) or "/" in text \
            or any(w.lower() in COMPANY_WORDS for w in words):
        return None
    if 2 <= len(words) <= 5:
        return text
    full = by_word.get(text, ())
    return next(iter(full)) if len(full) == 1 else None


def name_covering(ctx, i):
    """Return the NameSpan that covers token i, or None."""
    return ctx.name_covering(i)


def _name_from(ctx, i):
    """Return (text, end) of the name that covers token i, from token i on, or None."""
    name = name_covering(ctx, i)
    if name is None:
        return _sentence_initial_word(ctx, i)
    return ctx.doc[i:name.end].text, name.end


def _sentence_initial_word(ctx, i):
    """Return (text, i + 1) for a capitalised word opening a sentence, which the name
    finder leaves out when the tagger calls it a noun ("Davies returned"), or None."""
    token = ctx.doc[i]
    if token.text[:1].isupper() and token.is_alpha and opens_sentence(ctx.doc, i):
        return token.text, i + 1
    return None


def resolve_people(ctx, texts):
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


def people_at(ctx, i):
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
        if nxt is None or k == j + 2 and nxt.end < len(doc) and doc[nxt.end].tag_ in FINITE_TAGS:
            break  # "directed by A, and B served as showrunner": B opens a new clause
        texts.append(nxt.text)
        end = nxt.end
        if doc[j].lower_ == "and" or k == j + 2:
            break
        j = skip_markup(doc, end)
    return resolve_people(ctx, texts), skip_markup(doc, end) if end < len(doc) and \
        doc[end].text.startswith("*") else end


def people_ending(ctx, j):
    """Return ([persons], start) for the names "A", "A and B", "A, B and C" ending at j."""
    doc = ctx.doc
    while j > 0 and is_markup(doc[j - 1]):
        j -= 1
    name = ctx.name_ending(j)
    if name is None:
        word = _sentence_initial_word(ctx, j - 1) if j > 0 else None
        return (resolve_people(ctx, [word[0]]), j - 1) if word else ([], j)
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
    return resolve_people(ctx, texts), start


def skip_descriptors(ctx, i):
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


def subject_people(ctx, j):
    """Return (persons, start) of the people who are the subject of a verb phrase ending
    at j: "Ana Ruiz", "Ana Ruiz, who would later", "Ana Ruiz, the producer, was"."""
    doc = ctx.doc
    k = j
    while k > 0 and j - k < 5 and (doc[k - 1].pos_ in VERB_FILLER_POS or doc[k - 1].lower_ in (
            "who", "over", "on", "back", "in", "up", "then")):
        k -= 1
    if k > 0 and doc[k - 1].text == ",":
        k -= 1
    persons, start = people_ending(ctx, k)
    before = start
    while before > 0 and doc[before - 1].text[:1].isupper():
        before -= 1  # the name finder may split a name ("Ian", "Curtis")
    if persons and before > 0 and doc[before - 1].lower_ in ("of", "for", "with", "to", "by"):
        return [], start  # "the widow of Ana Ruiz will be a producer": not Ana Ruiz
    if k == 0 or doc[k].text != ",":
        return persons, start
    # Jump back over an aside between commas ("Ana Ruiz, the producer, was"; "Ana Ruiz,
    # who worked with Ben Kay, was") to the names before it.
    m = k - 1
    while m > 0 and k - m < 14 and doc[m].text != "," and not doc[m].is_sent_start:
        m -= 1
    relative = any(t.lower_ in ("who", "which", "whom") for t in doc[m + 1:k])
    if doc[m].text == "," and (relative or not persons):
        return people_ending(ctx, m)
    return persons, start
