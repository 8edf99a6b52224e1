"""Which TV show a season mention belongs to.

The work named in the phrase wins ("season 10 of Night Harbour", "Night Harbour's
10th season", "Night Harbour season 10"); the mention finder has already refused
countries, channels, awards and people there. Otherwise the season is the show's
the sentence is about: the nearest work named before the mention in its sentence
("Night Harbour, now in its fifth season"), a definite "the show", "the series",
"our show" standing for the article's show, else a work named after it in the
sentence, else the subject of the clause when it is no person ("Night Harbour
returns for a third series"); then the article's show (front matter, a title in the headline, the
works index), then the last work named in the sentences just before. "Its" stands
for the nearest title before it in the sentence, else for the name its phrase
hangs on or the subject of its verb; "the show's" for the article's show.

A season that belongs to a person, a team or a venue is no show's: "her first
season as a coach", "their third season in the league", "the theatre's first
season", "the third season of the competition".
"""

import re
from collections import Counter

from graph.extract.mentions import works
from graph.extract.mentions.kinds import full_person, kind_of
from graph.extract.mentions.known_people import known_actors, known_characters
from graph.extract.mentions.season_owners import (
    CHANNEL_NAMES,
    NOT_A_WORK_END,
    about_television,
    is_channel,
    not_a_work,
)
from graph.extract.mentions.whole_title import full_title
from graph.extract.mentions.works_index import first_line, norm_title, title_case

# Nouns that stand for a TV show: "the show's 10th season", "season 1 of our show".
SHOW_NOUNS = frozenset({"show", "series", "programme", "program", "sitcom", "drama", "soap",
                        "serial", "comedy", "franchise", "competition show", "docuseries"})
# Subjects whose "its" season may be a show's: "The cartoon returns for its third season".
SHOW_LIKE = SHOW_NOUNS | frozenset({"cartoon", "thriller", "quiz", "saga", "documentary",
                                    "miniseries", "spin-off", "spinoff", "reboot", "remake"})
PERSON_OWNERS = frozenset({"his", "her", "my", "your", "their"})
SHOW_DETERMINERS = frozenset({"the", "this", "our", "its", "that"})
# Words that may stand between an owner and the season: "its upcoming fifth season",
# "the show's acclaimed 13-episode second season".
MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "VBN", "VBG", "CD", "HYPH", "RB", "CC", "NN"})
MAX_MODIFIERS = 4
# A title in quotes, its closing punctuation inside or out ("“The Voice,”").
QUOTED = re.compile(r"(?<![\w])[\"“‘'](?P<title>[A-Z][^\"“”‘’'\n]{0,60}?)[,.!?]?[\"”’'](?!\w)")
# Verbs whose subject is a show when it is no person: "Night Harbour returns for a
# fourth series", "was renewed for a third season".
SHOW_VERBS = frozenset({"return", "air", "premiere", "begin", "start", "end", "run", "renew",
                        "commission", "launch", "film", "shoot", "debut", "conclude",
                        "finish", "come", "wrap", "open", "close", "enter", "be", "get"})
# Verbs whose object is a show when it is no person: "left Salt Road after season 4",
# "joined Harbour Lights in its fifth season".
SHOW_OBJECT_VERBS = frozenset({"join", "rejoin", "leave", "quit", "exit", "star", "appear",
                               "renew", "axe", "ax", "cancel", "commission", "revive", "host",
                               "present", "front", "narrate"})
# NER labels of dates and amounts, never a show ("returned on Friday; its third season").
TIME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                         "QUANTITY"})
# Verbs whose passive subject is a show whatever NER says: "X was renewed for".
RENEWAL_VERBS = frozenset({"renew", "recommission", "commission", "order", "axe", "ax",
                           "cancel", "greenlight", "pick"})
# What only a show does to its cast or story: "X stars Ada Marsh", "X centres on".
SHOW_SUBJECT_VERBS = frozenset({"star", "feature", "chronicle", "centre", "center",
                                "revolve", "air", "premiere"})
RELATIVES = frozenset({"which", "that", "who"})
# Relatives that stand only for people, whose season "its" never is.
PERSON_RELATIVES = frozenset({"who", "whom"})
# Words a page's title adds to a show's name: "X review", "X (TV series)".
HEADLINE_EXTRAS = re.compile(r"\s*(?:\((?:TV|television)[^)]*\)|\b(?:review|recap)s?\b)",
                             re.IGNORECASE)
# How far up the parse "its" looks for the name it stands for.
MAX_HOPS = 6
# How many sentences back the last work named still stands for "its".
SENTENCES_BACK = 3


def _refs(ctx):
    """Return [(token index, title or None)] of the work references of an article, in
    text order; None marks "the show" or "our series", read as the article's show."""
    cached = ctx.memo.get("season_work_refs")
    if cached is not None:
        return cached
    doc, tokens = ctx.doc, ctx.tokens
    refs = {}
    for name in ctx.names:
        title = works.title_of_name(ctx, name)
        if title is not None and works.is_work(ctx, title.text) and not not_a_work(ctx, name) \
                and not person_name(ctx, title.text):
            refs[title.start] = _title_text(ctx, name)
    for match in QUOTED.finditer(tokens.doc_text):
        title = match.group("title").strip()
        if title_case(title) and len(title.split()) <= 8 and not _named_no_work(title) \
                and not person_name(ctx, title):
            span = doc.char_span(match.start("title"), match.start("title") + 1,
                                 alignment_mode="expand")
            if span is not None:
                refs.setdefault(span.start, title)
    for start_char, (_end, title) in works.index(ctx).italics.items():
        span = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
        if span is not None and not _named_no_work(title):
            refs.setdefault(span.start, title)
    for i, word in enumerate(tokens.lower):
        if word in SHOW_NOUNS and i > 0 and tokens.pos[i] == "NOUN" and (
                tokens.lower[i - 1] in SHOW_DETERMINERS
                or i > 1 and tokens.lower[i - 2] in SHOW_DETERMINERS) \
                and not (i + 1 < len(tokens) and ctx.name_starting(i + 1)):
            refs.setdefault(i, None)
    cached = sorted(refs.items())
    ctx.memo["season_work_refs"] = cached
    return cached


def person_name(ctx, title):
    """Return True when a title is one word of a person's full name the article
    gives ("Kendall" quoted, for Kendall Jenner): a person's, never a show's."""
    people = ctx.memo.get("season_person_words")
    if people is None:
        people = ctx.memo["season_person_words"] = {
            span.text for span in ctx.names
            if span.size == 1 and full_person(ctx, span) is not None}
    return title in people


def person_like(ctx, title):
    """Return True when the article gives a title as a person somewhere: a performer,
    a name NER calls a person, or one word of a person's name."""
    people = ctx.memo.get("season_person_names")
    if people is None:
        people = ctx.memo["season_person_names"] = {
            span.text for span in ctx.names if "PERSON" in span.labels}
    return title in people or title in known_actors(ctx) or person_name(ctx, title)


def _named_no_work(title):
    """Return True for a title in quotes or italics that names a channel or an award."""
    return " ".join(title.lower().split()) in CHANNEL_NAMES or bool(NOT_A_WORK_END.search(title))


def article_show(ctx, token_index):
    """Return the show an article is about at a token: its front matter's work, else a
    title in its headline, else the works index's (a section's, the article's)."""
    if ctx.article.work:
        return ctx.article.work
    first_line = ctx.tokens.doc_text.find("\n", ctx.article.body_start)
    for index, title in _refs(ctx):
        if first_line >= 0 and ctx.tokens.idx[index] > first_line:
            break
        if title:
            return title
    found = works.work_for(ctx, token_index)
    if not ctx.article.work and found is not None and not works.index(ctx).sections:
        found = _topic_show(ctx, found)  # a section heading names its own show
    return None if found is None or person_name(ctx, found) else found


def _topic_show(ctx, last):
    """Return the work a news article with no section headings names most often (the
    one it is about), when it names it more often than ``last``, the work named last;
    else ``last``. "Ada Marsh, who starred in X, says the show's third series ..." is
    the article's show's, not X's."""
    if "season_topic_counts" not in ctx.memo:
        counts, first = Counter(), {}
        for _s, _e, title in works.mentions(ctx):
            counts[norm_title(title)] += 1
            first.setdefault(norm_title(title), title)
        ctx.memo["season_topic_counts"] = counts, first
    counts, first = ctx.memo["season_topic_counts"]
    top = max(counts, key=counts.get, default=None)
    if top is None or counts[top] <= counts[norm_title(last)]:
        return last
    return first[top]


def _owner_before(ctx, start):
    """Return the word that owns the season starting at token ``start`` ("its",
    "her", "'s", "the"), with the noun before "'s", and where the word stands, as
    (word, noun, index)."""
    tokens = ctx.tokens
    i = start - 1
    skipped = 0
    while i >= 0 and skipped < MAX_MODIFIERS and tokens.tag[i] in MODIFIER_TAGS \
            and tokens.lower[i] not in SHOW_NOUNS:
        i -= 1
        skipped += 1
    if i < 0:
        return None, None, None
    word = tokens.lower[i]
    if tokens.tag[i] == "POS" and i > 0:
        return "'s", tokens.lower[i - 1], i
    return word, None, i


def season_work(ctx, mention, start, end):
    """Return the show a season mention over tokens [start, end) belongs to, or None
    when it belongs to a person, team or venue, or no show is in sight."""
    if mention.work:
        return mention.work
    tokens = ctx.tokens
    if tokens.text[start][:1] == "S" and tokens.text[start][1:].isdigit():
        return ctx.article.work  # "S3" alone is a season only in an article about a show
    if start > 0 and tokens.text[start - 1] == "(":
        # "Ann Marsh as Vera Stone, the keeper (series 1–3)": a cast list's aside
        # belongs to a work named just before it, else to the page's show.
        name = ctx.name_ending(start - 1)
        title = _title_text(ctx, name) if name is not None else None
        if title and works.is_work(ctx, title):
            return title
        found = article_show(ctx, start)
        if found:
            return found
    word, noun, at = _owner_before(ctx, start)
    if word in PERSON_OWNERS or word == "'s" and noun not in SHOW_NOUNS \
            and noun not in CHANNEL_NAMES:
        # A person's, a team's or a venue's season ("the theatre's first season"),
        # but a person's time on a show is the show's ("her second season on X"), and
        # a possessive the article writes as a title elsewhere is a show's.
        found = _on_show(ctx, end)
        owner = ctx.name_ending(at) if word == "'s" else None
        if found is None and owner is not None \
                and works.is_work(ctx, _title_text(ctx, owner)):
            found = _show_name(ctx, owner)
        if found is None and word == "'s" and tokens.text[at] in ("'", "’"):
            found = _quoted_before(ctx, at)  # "'Red Orchard' Season 3": no possessive
        return found
    if end + 1 < len(tokens) and tokens.lower[end] == "of":
        j = end + 1
        while j < len(tokens) and (tokens.lower[j] in SHOW_DETERMINERS | {"“", '"', "‘"}
                                   or tokens.pos[j] == "ADJ" and tokens.is_lower[j]):
            j += 1  # "the first season of the new league"
        kind = j
        while kind < len(tokens) and tokens.pos[kind] in ("NOUN", "ADJ", "VERB") \
                and tokens.is_lower[kind] and tokens.lower[kind] not in SHOW_LIKE:
            kind += 1  # "of the spy drama Glasshouse": describing nouns before the kind
        title = ctx.name_starting(kind) if kind > j else None
        if title is not None and works.is_work(ctx, _title_text(ctx, title)) \
                and not not_a_work(ctx, title, places=False):
            return _title_text(ctx, title)  # "of the cooking contest Salt Kitchen"
        if kind < len(tokens) and tokens.lower[kind] in SHOW_LIKE:
            while kind + 1 < len(tokens) and tokens.lower[kind + 1] in SHOW_LIKE:
                kind += 1  # "the quiz show X", "the comedy drama X"
            title = ctx.name_starting(kind + 1)
            if title is not None:
                return None if not_a_work(ctx, title, places=False) \
                    else _title_text(ctx, title)
            j = kind
        if j < len(tokens) and tokens.pos[j] in ("NOUN", "PROPN") and tokens.is_lower[j] \
                and tokens.lower[j] not in SHOW_LIKE:
            return None  # "the third season of the competition"
        channel = ctx.name_starting(j)
        if channel is not None:
            # "of the NBC competition The Boardroom": the title; "of the ITV1 reality
            # show": the show of the article.
            return _channel_show(ctx, channel, start)
    if word == "its":
        if _thing_subject(ctx, start - 1):
            return None  # "The orchestra opens its second season"
        found = _title_before(ctx, start) or _its_name(ctx, start - 1) \
            or _antecedent(ctx, start - 1)
        if found and person_like(ctx, found):
            # "Mara Quill won its second series": "its" is no person's, but NER calls
            # many titles persons; a show named just before wins.
            found = _recent_show(ctx, start) or found
        if found:
            return found
    if word == "'s":  # "the show's 10th season": the show the article is about
        return article_show(ctx, start) or _title_before(ctx, start) \
            or _previous_subject(ctx, start) \
            or _recent_show(ctx, start)
    if word != "its" and _new_work_since(ctx, start):
        return None  # "Vale will write a new comedy. The first series has six episodes."
    return _renewed_object(ctx, start) or _sentence_show(ctx, start) or ctx.article.work \
        or _antecedent(ctx, start, named_only=True) or article_show(ctx, start) \
        or _recent_show(ctx, start) or _headline_name(ctx) or _last_owner(ctx, start)


def _last_owner(ctx, start):
    """Return the show that owns the last season the article mentions before token
    ``start`` ("its first season" of Severance), for a bare season with no show in
    sight ("the second season has been worth it"), or None."""
    owners = ctx.memo.setdefault("season_owners_by_start", {})
    found = None
    for mention in ctx.season_mentions:
        span = ctx.doc.char_span(mention.start_char, mention.end_char,
                                 alignment_mode="expand")
        if span is None or span.start >= start:
            break
        if span.start not in owners:
            owners[span.start] = None  # no loop through this mention while it is read
            owners[span.start] = season_work(ctx, mention, span.start, span.end)
        found = owners[span.start] or found
    return found


def _title_before(ctx, start):
    """Return the nearest title named before token ``start`` in its sentence, or None."""
    sent_start = ctx.tokens.sent_start[start]
    for i, title in reversed(_refs(ctx)):
        if i < start and title:
            return title if i >= sent_start else None
    return None


def _antecedent(ctx, token, named_only=False):
    """Return the work the phrase at ``token`` belongs to by the parse: the name the
    phrase hangs on ("Night Harbour, now in its fifth season") or the subject of its
    verb ("Night Harbour begins its third season"; "the show" as subject is the
    article's show); None when that is no work. ``named_only`` (a season with no
    owner word, where the subject may be anyone) takes only a subject that is not
    a person by NER, in an article about television: "Night Harbour returns for a
    third series", never "Ada Marsh returns for a third series"."""
    tokens = ctx.tokens
    j = token
    for _step in range(MAX_HOPS):
        head = tokens.head[j]
        if head == j:
            break
        j = head
        name = ctx.name_ending(j + 1)
        if name is not None and not named_only:
            return None if not_a_work(ctx, name) else _title_text(ctx, name)
        if tokens.pos[j] in ("VERB", "AUX"):
            if named_only and tokens.lemma[j] in SHOW_OBJECT_VERBS:
                found = _object_show(ctx, j, token)
                if found:
                    return found  # "Mara Quill left Salt Road after season 4"
            for child in tokens.children(j):
                if tokens.dep[child] in ("nsubj", "nsubjpass"):
                    if named_only and tokens.lemma[j] not in SHOW_VERBS \
                            and not _renewal(tokens.lemma[j]):
                        return None  # "Vera Stone appears in the fourth season"
                    if tokens.lower[child] in PERSON_RELATIVES:
                        return None  # "the host, who has presented it since its first"
                    if tokens.lower[child] in RELATIVES and tokens.dep[j] == "relcl":
                        child = tokens.head[j]  # "Night Harbour, which returns for ..."
                    renewed = tokens.dep[child] == "nsubjpass" and _renewal(tokens.lemma[j])
                    return _subject_work(ctx, child, named_only, renewed)
            break
    return None


def _names_before(ctx, token):
    """Yield the names of the sentence that end before ``token``, nearest first."""
    tokens = ctx.tokens
    k = token
    while k > tokens.sent_start[token]:
        name = ctx.name_ending(k)
        if name is not None:
            yield name
            k = name.start
        else:
            k -= 1


def _show_name(ctx, name):
    """Return a name's title when nothing in the article makes it a person, a maker,
    a date, a country, a channel or an award, else None."""
    if not_a_work(ctx, name) or ctx.tokens.ent_type[name.start] in TIME_LABELS:
        return None
    title = _title_text(ctx, name)
    if title in known_actors(ctx) or title in known_characters(ctx) or person_name(ctx, title) \
            or kind_of(ctx, name) in ("performer", "maker"):
        return None
    return title


def _joined_or_left(ctx, name):
    """Return True when a name is what a verb of joining, leaving or starring takes:
    "left Copperhead", "starred in Copperhead", "joined the cast of Copperhead"."""
    tokens = ctx.tokens
    head = tokens.head[name.end - 1]
    if tokens.dep[name.end - 1] == "pobj" and tokens.lower[head] in ("in", "of", "on"):
        head = tokens.head[head]  # "starred in X", "the cast of X"
    return tokens.lemma[head] in SHOW_OBJECT_VERBS or tokens.lower[head] in ("cast", "role")


def _its_name(ctx, its):
    """Return the show "its" at token ``its`` stands for among the names before it in
    its sentence, nearest first: one nothing makes a person ("Copper Coast returned
    last year; its third season ..."), or one NER calls a person that a verb of
    joining or leaving takes ("who left Copperhead after its second season"), since
    "its" is never a person's. None when no name fits."""
    for name in _names_before(ctx, its):
        if person_like(ctx, name.text) and not _joined_or_left(ctx, name):
            continue
        found = _show_name(ctx, name)
        if found:
            return found
    return None


def _quoted_before(ctx, quote):
    """Return the title in quotes that the closing quote at token ``quote`` ends, or
    None."""
    text, idx = ctx.tokens.doc_text, ctx.tokens.idx
    for i, title in reversed(_refs(ctx)):
        if i < quote and title:
            return title if text[idx[i]:idx[quote]].strip() == title else None
    return None


def _on_show(ctx, end):
    """Return the show named after "on" at token ``end`` ("her second season on
    Ember Crown", "his third series on the show"), or None: a channel, a place or
    any other thing after "on" is no show ("her first season on the board")."""
    tokens = ctx.tokens
    k = end + 1
    if end >= len(tokens) or tokens.lower[end] != "on" or k >= len(tokens):
        return None
    name = ctx.name_starting(k)
    if name is None and tokens.lower[k] == "the":
        name = ctx.name_starting(k + 1)
        if name is None and k + 1 < len(tokens) and tokens.lower[k + 1] in SHOW_NOUNS:
            return article_show(ctx, k + 1)
    return _show_name(ctx, name) if name is not None else None


def _renewed_object(ctx, start):
    """Return the show a verb of renewing takes as its object when the season is its
    "for" phrase ("renewed Salt Road, a spin-off of X, for a second season"), or None."""
    tokens = ctx.tokens
    prep = tokens.head[start] if tokens.dep[start] == "pobj" else None
    for k in range(start, min(start + 4, len(tokens))):
        if tokens.dep[k] == "pobj" and tokens.lower[tokens.head[k]] == "for":
            prep = tokens.head[k]
            break
    if prep is None or tokens.lower[prep] != "for" or tokens.head[prep] == prep:
        return None
    verb = tokens.head[prep]
    return _object_show(ctx, verb, start) if tokens.lemma[verb] in RENEWAL_VERBS else None


def _object_show(ctx, verb, token):
    """Return the show a verb of joining or leaving takes as its object before
    ``token`` ("left Salt Road after season 4"), when the article makes it no person;
    else None."""
    for child in ctx.tokens.children(verb):
        if ctx.tokens.dep[child] == "dobj" and child < token:
            name = ctx.name_covering(child)
            if name is not None and not person_like(ctx, name.text):
                return _show_name(ctx, name)
    return None


def _channel_show(ctx, name, start):
    """Return the show of "the fourth series of the ITV1 reality show Island Nights"
    for a channel's name after "of": the title after the channel's describing nouns,
    else the article's show when a noun for a show follows; None for any other name
    ("the first season of the Premier League")."""
    if not is_channel(ctx, name):
        return None
    tokens = ctx.tokens
    show_noun = False
    first = name.end
    if first < len(tokens) and tokens.pos[first] == "NUM":
        first += 1  # "the BBC Two comedy X": the channel's number the names left out
    for k in range(first, min(first + 4, len(tokens))):
        title = ctx.name_starting(k)
        if title is not None and k > first:
            return None if not_a_work(ctx, title) else _title_text(ctx, title)
        if not tokens.is_lower[k]:
            break
        show_noun = show_noun or tokens.lower[k] in SHOW_NOUNS
    return article_show(ctx, start) or _recent_show(ctx, start) if show_noun else None


def _thing_subject(ctx, token):
    """Return True when "its" at ``token`` has for antecedent the subject of its verb
    and that subject is a common noun for no show ("The orchestra opens its second
    season", "the league ... its first season"), with no title between them."""
    tokens = ctx.tokens
    j = token
    climbed = set()
    for _step in range(MAX_HOPS):
        head = tokens.head[j]
        if head == j:
            return False
        j = head
        climbed.add(j)
        if tokens.pos[j] in ("VERB", "AUX"):
            subject = next((c for c in tokens.children(j)
                            if tokens.dep[c] in ("nsubj", "nsubjpass")), None)
            # "Its inaugural season ended": the season itself is no owner; "The
            # footballer joined X for its second season": X, named after the
            # subject, stands nearer.
            return subject is not None and subject not in climbed \
                and tokens.pos[subject] == "NOUN" \
                and tokens.is_lower[subject] and tokens.lower[subject] not in SHOW_LIKE \
                and ctx.name_ending(subject + 1) is None \
                and not any(subject < i < token and title for i, title in _refs(ctx))
    return False


def _renewal(lemma):
    """Return True for the lemma of a verb that renews, orders or ends a show (the
    lemmatizer makes "recommissione" of "recommissioned")."""
    return lemma in RENEWAL_VERBS or lemma.startswith(("renew", "recommission", "commission"))


def _subject_work(ctx, child, named_only, renewed=False):
    """Return the work a subject token stands for (see ``_antecedent``), or None.
    A show ``renewed`` ("X has been renewed for a third series") is taken whatever
    NER says of its name, since people are not renewed, commissioned or axed."""
    name = ctx.name_covering(child)  # "Game of Thrones": the parse's head is "Game"
    if name is not None:
        if not_a_work(ctx, name) or named_only and (
                not renewed and (ctx.tokens.ent_type[name.start] == "PERSON"
                                 or not about_television(ctx))
                or name.text in known_actors(ctx) or name.text in known_characters(ctx)):
            return None
        return _title_text(ctx, name)
    if ctx.tokens.lower[child] in SHOW_NOUNS:
        return article_show(ctx, child) or _previous_subject(ctx, child)
    return None


def _title_text(ctx, name):
    """Return a name's text as a title, with a capital "The" before it."""
    title = works.title_of_name(ctx, name)
    text = full_title(ctx, name) if title is None or title.text == name.text else title.text
    end = name.end
    if end < len(ctx.tokens) and ctx.tokens.text[end] in ("'s", "’s") \
            and works.is_work(ctx, text + ctx.tokens.text[end]):
        return text + ctx.tokens.text[end]  # "St Brigid's", a title ending in its possessive
    return text


def _sentence_show(ctx, start):
    """Return the show the sentence around token ``start`` names: the nearest reference
    before it, else the nearest after it."""
    tokens = ctx.tokens
    sent_start, sent_end = tokens.sent_start[start], tokens.sent_end[start]
    refs = [(i, title) for i, title in _refs(ctx) if sent_start <= i < sent_end]
    before = [item for item in refs if item[0] < start][::-1]
    after = [item for item in refs if item[0] >= start]
    for i, title in before + after:
        found = title or article_show(ctx, i) or _previous_subject(ctx, i)
        if found:
            return found
    return None


# Verbs that bring in a show with no name yet: "will write a comedy".
NEW_WORK_VERBS = frozenset({"write", "develop", "create", "commission", "order", "launch",
                            "make", "pitch", "sell", "plan", "produce", "co-write"})


def _new_work_since(ctx, start):
    """Return True when a show with no name is brought in ("a new comedy", "another
    series", never a season: "a second series") after the last title named before
    token ``start``, in its sentence or the one before: a bare season after it is
    that new show's, which has no name."""
    tokens = ctx.tokens
    sent = tokens.sent_start[start]
    earliest = tokens.sent_start[sent - 1] if sent > 0 else 0
    named = [i for i, title in _refs(ctx) if title and earliest <= i < start]
    for k in range(max(named, default=earliest - 1) + 1, start):
        if tokens.lower[k] in SHOW_LIKE and tokens.pos[k] == "NOUN" \
                and tokens.ent_type[k] != "STORYTIME" \
                and tokens.dep[k] not in ("attr", "appos", "compound") \
                and ctx.name_starting(k + 1) is None and _brought_in(tokens, k):
            return True
    return False


def _brought_in(tokens, k):
    """Return True when the show noun at token k is a new one the sentence brings in:
    "another series", "a new comedy", "will write a comedy"; not "the most present
    character in a television series", which names no show."""
    children = tokens.children(k)
    if any(tokens.lower[c] == "another" for c in children):
        return True
    if not any(tokens.lower[c] in ("a", "an") for c in children):
        return False
    return any(tokens.lower[c] in ("new", "untitled") for c in children) \
        or tokens.dep[k] == "dobj" and tokens.lemma[tokens.head[k]] in NEW_WORK_VERBS


def _previous_subject(ctx, token):
    """Return the subject of the sentence before the one holding ``token``, when it is a
    name nothing makes a person, or the subject of what only shows do ("Dunmore Hall
    stars Ada Marsh as a hotelier. The show ..." is Dunmore Hall). None otherwise."""
    tokens = ctx.tokens
    start = tokens.sent_start[token]
    if start == 0:
        return None
    before = tokens.sent_start[start - 1]
    for k in range(before, start):
        if tokens.dep[k] in ("nsubj", "nsubjpass") and tokens.dep[tokens.head[k]] == "ROOT":
            name = ctx.name_covering(k)
            if name is None or person_like(ctx, name.text) \
                    and tokens.lemma[tokens.head[k]] not in SHOW_SUBJECT_VERBS:
                return None
            return _show_name(ctx, name)
    return None


def _headline_name(ctx):
    """Return the one name of the headline that nothing makes a person, a channel, a
    place or a date, for a season with no show in sight: a review headed "Harbour
    Lights" that says "season two dragged" reviews Harbour Lights. None when the
    headline has no such name, or several."""
    if "season_headline_name" not in ctx.memo:
        start, end = first_line(ctx.article.text, ctx.article.body_start)
        # A headline that is a name and no more is a page's title, whatever NER says.
        alone = HEADLINE_EXTRAS.sub("", ctx.article.text[start:end]).strip(" \"'“”‘’*_:")
        found = {_show_name(ctx, name) for name in ctx.names
                 if start <= ctx.tokens.idx[name.start] < end
                 and (name.text == alone or not person_like(ctx, name.text))} - {None}
        ctx.memo["season_headline_name"] = found.pop() if len(found) == 1 else None
    return ctx.memo["season_headline_name"]


def _recent_show(ctx, start):
    """Return the last work named in the few sentences before token ``start``, or None."""
    tokens = ctx.tokens
    sent_starts = [s for s, _e in tokens.sentences if s <= tokens.sent_start[start]]
    earliest = sent_starts[max(0, len(sent_starts) - 1 - SENTENCES_BACK)] if sent_starts else 0
    for i, title in reversed(_refs(ctx)):
        if i < start and i >= earliest and title:
            return title
    return None
