"""What a name stands for in an article: a performer, a maker, a work, or neither
known, read from all the evidence the article gives about it.

Portrayal rules relate an actor to a character; news and encyclopedia prose name
directors, authors, plays, films and magazines in the same places ("Martin
Scorsese's The Aviator", "Douglas Hodge (Dumb Show)"). Evidence, per name:

- the noun that introduces it: "French actress Audrey Tautou", "Swedish star
  Skarsgard" (a performer); "director Mike Leigh", "author Roald Dahl" (a maker);
  "the film Amelie", "hit musical Billy Elliot" (a work); the same nouns in an
  apposition after it ("Ann Marsh, the actress,");
- NER labels (evidence, not truth): WORK_OF_ART, ORG and places are no one;
- what the article already established: its works (``works.is_work``), a title
  opening with "The" mid-sentence, quotes around it;
- what the portrayal rules found: someone who plays is a performer
  (``established_actors``, given by the caller).

A surname or a given name alone ("Staunton", "Meryl") stands for the one full
name of a person the article gave that it can shorten to (``full_person``).

>>> from graph.extract.reading.nlp import load_pipeline
>>> from graph.extract.reading.context import Context
>>> from graph.sources import Article
>>> text = "Director Ann Marsh cast actress Vera Quill. Quill thanked her."
>>> article = Article(doc="d.txt", path="d.txt", format="txt", text=text, body_start=0,
...     content_hash="0" * 64)
>>> ctx = Context.build(article, load_pipeline()(text))
>>> [kind_of(ctx, span) for span in ctx.names]
['maker', 'performer', None]
>>> full_person(ctx, ctx.names[2])
'Vera Quill'
"""

from collections import defaultdict

from graph.extract.mentions import works
from graph.extract.mentions.aliases import name_form

PERFORMER_WORDS = frozenset({
    "actor", "actress", "actors", "actresses", "star", "stars", "co-star", "costar",
    "newcomer", "performer", "thespian", "comedian", "comedienne", "starlet", "lead",
    "leading", "heartthrob",
})
MAKER_WORDS = frozenset({
    "director", "directors", "author", "novelist", "writer", "playwright", "filmmaker",
    "film-maker", "producer", "creator", "co-creator", "showrunner", "screenwriter",
    "composer", "dramatist", "auteur", "editor", "critic", "presenter", "host", "judge",
    "spokesperson", "spokesman", "spokeswoman", "manager", "agent", "executive", "chief",
    "boss", "founder", "journalist", "reporter", "singer", "rapper", "designer", "maker",
})
WORK_WORDS = frozenset({
    "film", "films", "movie", "series", "show", "sitcom", "drama", "play", "musical",
    "comedy", "thriller", "novel", "book", "programme", "program", "soap", "opera",
    "adaptation", "sequel", "remake", "documentary", "magazine", "newspaper", "channel",
    "network", "studio", "album", "single", "song", "epic", "biopic", "franchise",
    "miniseries", "cartoon", "game", "production", "tale", "memoir", "hit", "blockbuster",
})
# What works do, said of a work without an object: "opens tonight", "premiered".
WORK_VERBS = frozenset({"open", "premiere", "air", "debut", "gross", "screen", "stream",
                        "broadcast", "flop", "launch", "premier"})
NOT_PEOPLE_LABELS = frozenset({"WORK_OF_ART", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT",
                               "NORP", "LAW", "LANGUAGE", "DATE", "MONEY", "STORYTIME"})
APPOSITION_MARKS = frozenset({",", "-", "–", "—", "("})
# Describing words count as nouns only: "to play Vera" is no play called Vera.
NOUN_TAGS = frozenset({"NOUN", "PROPN", "ADJ"})
TITLE_WORDS = frozenset({"of", "the", "and", "in", "a", "to", "on", "for", "with", "man's"})
# Quotes and italics (not bold) around a name.
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "_"})
# How many words back a describing noun may stand: "Oscar-winning French actress X".
LOOK_BACK = 4
# Describing words that may stand between such a noun and the name.
# (a verb only as an adjective: "Oscar-winning actress X", not "the film stars X").
BETWEEN_TAGS = frozenset({"NOUN", "ADJ", "PROPN", "NUM", "PUNCT", "DET", "PART"})


def _kind_noun(tokens, i):
    """Return the kind a noun at token ``i`` names ("actress", "director", "film"), or
    None for any other token."""
    word = tokens.lower[i] if tokens.pos[i] in NOUN_TAGS else None
    if word in PERFORMER_WORDS:
        return "performer"
    if word in MAKER_WORDS:
        return "maker"
    if word in WORK_WORDS:
        return "work"
    return None


def _noun_before(ctx, span):
    """Return the kind a describing noun just before a name gives it ("actress Ann
    Marsh", "the film Blue Harbour", "director X"), or None."""
    tokens = ctx.tokens
    sent_start = tokens.sent_start[span.start]
    i = span.start - 1
    while i >= sent_start and span.start - i <= LOOK_BACK:
        kind = _kind_noun(tokens, i)
        if kind is not None:
            return kind
        if tokens.pos[i] == "NOUN":
            return None  # only the noun nearest the name describes it: not "film-maker"
        if tokens.pos[i] not in BETWEEN_TAGS and tokens.dep[i] != "amod" \
                or tokens.text[i] in (",", "(", ")"):
            return None
        if tokens.text[i] in ("'s", "’s"):
            return None  # "the show's director X": the noun is the head, read it there
        i -= 1
    return None


def _noun_after(ctx, span):
    """Return the kind an apposition after a name gives it ("Ann Marsh, the actress,",
    "Blue Harbour, a film by"), or None."""
    tokens = ctx.tokens
    i = span.end
    n = len(tokens)
    if i + 2 >= n or tokens.text[i] not in APPOSITION_MARKS:
        return None
    j = i + 1
    end = min(n, tokens.sent_end[span.start], j + LOOK_BACK + 2)
    owner = ctx.name_starting(j)
    if owner is not None and owner.end < n and tokens.text[owner.end] in ("'s", "’s"):
        j = owner.end + 1  # "Blue Harbour - Ann Marsh's 1950s drama"
    elif tokens.lower[j] not in ("the", "a", "an", "its", "his", "her", "their"):
        return None
    while j < end:
        if j + 1 < len(tokens) and tokens.text[j + 1] in ("'s", "’s"):
            j += 2  # "Vera, the show's best character": the owner is no description
            continue
        kind = _kind_noun(tokens, j)
        if kind is not None:
            return kind
        if tokens.text[j] in (",", "(", ";", ":") or tokens.pos[j] in ("VERB", "AUX", "ADP"):
            return None  # "X, the harbour master (series 1–3)": an aside ends it
        j += 1
    return None


def _copula_noun(ctx, span):
    """Return the kind a copula gives a name that is its subject ("Ann Marsh is an
    American actress", "Tom Reed was a director"), or None."""
    tokens = ctx.tokens
    last = span.end - 1
    verb = tokens.head[last]
    if tokens.dep[last] != "nsubj" or tokens.lemma[verb] != "be":
        return None
    for j in tokens.children(verb):
        if tokens.dep[j] == "attr":
            if tokens.lower[j] in PERFORMER_WORDS:
                return "performer"
            if tokens.lower[j] in MAKER_WORDS:
                return "maker"
    return None


def _as_noun(ctx, span):
    """Return "maker" for a name that takes a maker's job a few words on ("Tom Reed
    took over as showrunner", "served as director"), or None."""
    tokens = ctx.tokens
    end = min(tokens.sent_end[span.start], span.end + LOOK_BACK)
    for i in range(span.end, end):
        if tokens.lower[i] == "as":
            j = i + 1
            while j < end + 2 and j < len(tokens) and tokens.pos[j] in ("DET", "ADJ"):
                j += 1
            if j + 1 < len(tokens) and tokens.text[j][:1].isupper() \
                    and tokens.pos[j + 1] == "PROPN":
                return None  # "cast as Agent Rook": a character's title, no job
            return "maker" if j < len(tokens) and tokens.lower[j] in MAKER_WORDS else None
        if tokens.text[i] in (",", ";", "(") or tokens.pos[i] in ("PROPN", "NOUN"):
            return None
    return None


def _quoted(ctx, span):
    """Return True when quotes or emphasis close around the name."""
    text = ctx.tokens.text
    return (span.start > 0 and span.end < len(text) and text[span.start - 1] in QUOTE_MARKS
            and text[span.end] in QUOTE_MARKS)


def looks_like_work(ctx, span):
    """Return True when the article treats a name as a work: known to the works index,
    in quotes, a mid-sentence "The ...", labelled WORK_OF_ART, or introduced by a
    noun for a work ("the film Amelie")."""
    return span.text in ctx.works or works.is_work(ctx, span.text) or work_here(ctx, span)


def work_here(ctx, span):
    """Return True when the words around a name make it a work at this place: quotes
    or italics, a mid-sentence "The ...", a describing noun for a work, a title NER
    labels WORK_OF_ART, or a work's verb ("opens tonight"); a character may share
    its work's name elsewhere ("stars as X")."""
    tokens = ctx.tokens
    if _quoted(ctx, span):
        return True
    if span.text.startswith("The ") and not tokens.is_sent_start[span.start]:
        return True
    # The small model calls many "Name (Actor)" pairs WORK_OF_ART: the label counts
    # only for a name no person would bear ("Dead Man's Shoes", "Touch of Frost").
    if "WORK_OF_ART" in span.labels and (span.size > 3 or any(
            word in TITLE_WORDS for word in span.text.lower().split()[1:])):
        return True
    return (_noun_before(ctx, span) == "work" or _noun_after(ctx, span) == "work"
            or _runs_like_a_work(ctx, span))


def _runs_like_a_work(ctx, span):
    """Return True when a name is the subject of what only works do, with no object:
    "Blue Harbour opens tonight", "premiered in May" (not "Vera opens the door")."""
    tokens = ctx.tokens
    last = span.end - 1
    verb = tokens.head[last]
    if tokens.dep[last] != "nsubj" or tokens.lemma[verb] not in WORK_VERBS:
        return False
    return not any(tokens.dep[j] == "dobj" for j in tokens.children(verb))


def kind_of(ctx, span):
    """Return what the article says a name is: "performer", "maker" (a director,
    writer, presenter...), "work", "thing" (an organisation or place by NER), or
    None when it says nothing."""
    memo = ctx.memo.setdefault("name_kinds", {})
    key = (span.start, span.end)
    if key not in memo:
        memo[key] = _kind(ctx, span)
    return memo[key]


def _kind(ctx, span):
    """Return the kind of a name (``kind_of``), uncached."""
    before = _noun_before(ctx, span)
    if before in ("performer", "maker"):
        return before
    after = _noun_after(ctx, span)
    if after in ("performer", "maker"):
        return after
    said = _copula_noun(ctx, span) or _as_noun(ctx, span)
    if said is not None:
        return said
    if looks_like_work(ctx, span):
        return "work"
    labels = span.labels
    # The small model calls many lone surnames ORG ("Burton"): only longer names count.
    if span.size > 1 and labels and labels <= NOT_PEOPLE_LABELS:
        return "thing"
    return None


def performers(ctx):
    """Return the texts of the names the article introduces as performers."""
    memo = ctx.memo
    if "performer_names" not in memo:
        memo["performer_names"] = {span.text for span in ctx.names
                                   if kind_of(ctx, span) == "performer"}
    return memo["performer_names"]


def _people_index(ctx):
    """Return ({full name: NER or the text calls it a person}, {surname: full names},
    {given name: full names}) over the article's two- to four-word names that stand
    somewhere as no work, thing or maker; read once per article."""
    memo = ctx.memo
    if "people_index" not in memo:
        people = {}
        for other in ctx.names:
            if not 2 <= other.size <= 4 or other.nickname:
                continue
            kind = kind_of(ctx, other)
            if kind in ("work", "thing", "maker"):
                continue
            people[other.text] = people.get(other.text, False) or kind == "performer" \
                or "PERSON" in other.labels
        surnames, givens = defaultdict(set), defaultdict(set)
        for text in people:
            form = name_form(text)
            surnames[form.last].add(text)
            givens[form.first].add(text)
        memo["people_index"] = (people, surnames, givens)
    return memo["people_index"]


def full_person(ctx, span, established=frozenset()):
    """Return the one full name of a person the article gives that a one-word name
    shortens to ("Staunton" for Imelda Staunton, "Meryl" for Meryl Streep), or None.

    A person's full name is two to four words, labelled PERSON by NER, introduced as
    a performer, or in ``established`` (names the rules found as actors); a surname
    shortens it, or else a given name, when exactly one such name fits.
    """
    if span.size != 1:
        return None
    people, surnames, givens = _people_index(ctx)
    for index in (surnames, givens):
        found = {text for text in index.get(span.text, ())
                 if people[text] or text in established}
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None
