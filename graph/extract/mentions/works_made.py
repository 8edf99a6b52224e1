"""Titles that the words crediting a work mark: news names a film by what was done to
it, often with no quotes, italics or kind noun ("Sideways", "Ray", "Inception").

- made: the subject of a passive making verb with a person for its agent ("Inception
  was written and directed by Ann Marsh"), the name such a participle describes
  ("Corkscrew, helmed by Ann Marsh"), the object of an active one ("is set to direct
  Corkscrew") but not of "write", whose object is as often a song, a letter or a
  book, nor a performer ("directed Mara Quill in Corkscrew");
- credited: the name before a credit noun that a person's name follows ("Corkscrew
  director Ann Marsh", "Night Harbour star Mara Quill");
- awarded: the name after "for" in an award's phrase ("won best director for
  Corkscrew", "nominated for Night Harbour", "an Oscar for Corkscrew"), and the
  subject a "best" prize for a kind of work goes to ("Corkscrew won best film",
  "Night Harbour was named best drama").

A person's name, a nation's adjective ("British director"), a place, a company and an
award category ("Best Actor") are never titles; ``works_prose.prose_titles`` reads
these spans with its other cues and its checks of title text.
"""

from graph.extract.mentions.works_text import MAX_TITLE_WORDS, TITLE_JOINERS, capitalised_run

# Lemmas of making verbs and the role each gives (the crew rules read the roles).
MAKING = {"direct": "director", "write": "writer", "produce": "producer", "create": "creator",
          "pen": "writer", "script": "writer", "helm": "director", "co-write": "writer",
          "co-direct": "director", "co-create": "creator", "co-produce": "producer",
          "executive-produce": "producer", "wrote": "writer"}
# Nouns that credit a person with a work named before them: "Corkscrew director X".
CREDIT_NOUNS = frozenset({"director", "co-director", "writer", "screenwriter", "co-writer",
                          "producer", "co-producer", "creator", "co-creator", "showrunner",
                          "star", "helmer", "filmmaker", "film-maker", "actor", "actress",
                          "author", "novelist", "playwright"})
# Verbs and nouns whose "for X" names an award's work: "won for X", "an Oscar for X".
WINNING_VERBS = frozenset({"win", "nominate", "honour", "honor", "shortlist"})
PRIZE_WORDS = frozenset({"nomination", "nominations", "nod", "award", "prize", "oscar",
                         "bafta", "emmy", "globe", "statuette", "gong", "trophy"})
# Verbs that give a work a prize, and the kinds of work a "best" prize names.
BEST_VERBS = frozenset({"name", "win", "take", "scoop", "collect", "crown", "vote"})
BEST_KINDS = frozenset({"film", "picture", "series", "drama", "comedy", "show", "documentary",
                        "musical", "play", "sitcom", "miniseries", "programme", "movie",
                        "animation", "feature", "thriller"})
# The first word of an award's category, which is written capitalised too.
CATEGORY_WORDS = frozenset({"best", "outstanding", "favourite", "favorite"})
# Named things that no title is: NER labels of people's groups, places, dates.
NOT_TITLE_ENTS = frozenset({"NORP", "GPE", "LOC", "FAC", "DATE", "TIME", "MONEY",
                            "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "LANGUAGE"})
# Last words of a company's name: "Pixar Animation Studios producer" credits no title.
COMPANY_ENDINGS = frozenset({"studios", "pictures", "films", "entertainment", "productions",
                             "bros", "bros.", "records", "media", "company", "corporation",
                             "inc", "ltd", "animation"})
PERSONAL = frozenset({"he", "she", "they", "i", "we"})
# Making verbs whose object need not be a screen work: "wrote a letter", "penned a hit".
WRITING = frozenset({"write", "co-write", "pen", "script", "wrote"})
# Small words inside a title that hang on its name: "The Lord of the Rings".
TITLE_INSIDE = frozenset({"of", "the", "a", "an", "and", "&", ":"})


def making_lemma(tokens, v):
    """Return the lemma of a making verb at token v ("co-wrote" read whole), or None."""
    lemma = tokens.lemma[v]
    if v >= 2 and tokens.text[v - 1] == "-" and tokens.lower[v - 2] in ("co", "executive"):
        lemma = f"{tokens.lower[v - 2]}-{lemma}"
    return lemma if lemma in MAKING else (tokens.lemma[v] if tokens.lemma[v] in MAKING else None)


def _is_person(tokens, i):
    """Return True when token i reads as a person: a personal pronoun or a proper noun
    with no article ("by the Old Ones": a people, not a person)."""
    if tokens.lower[i] in PERSONAL:
        return True
    return tokens.pos[i] == "PROPN" and not any(tokens.dep[c] == "det"
                                                for c in tokens.children(i))


def _run_ending(tokens, end, midsentence):
    """Return the start of the title-case run that ends just before token ``end``, or
    ``end`` when none does. The run starts at most at its sentence's start, never on a
    small word, and a lone capitalised first word of a sentence that is no name
    (``_proper``: "Veteran director X") is no run."""
    start = end
    k = end - 1
    first = tokens.sent_start[end - 1] if end > 0 else 0
    while k >= first and end - k <= MAX_TITLE_WORDS and "\n" not in tokens.text[k]:
        word = tokens.text[k]
        if word[:1].isupper() or word[:1].isdigit() and k < end - 1:
            start = k
        elif not (word.lower() in TITLE_JOINERS or word == ":") or k == first:
            break
        k -= 1
    while start < end and tokens.lower[start] in TITLE_JOINERS - {"the", "a", "an"}:
        start += 1
    if start == first and end - start == 1 and not _proper(tokens, start, midsentence):
        return end
    return start


def _plain(tokens, start, end, credited=False):
    """Return True when tokens start..end may be a title: not a person's two-word name
    (unless a credit noun and a person follow it, where NER takes a title for a
    person as often as not), a nation, place or date, a company, or an award
    category."""
    words = range(start, end)
    if all(tokens.ent_type[k] in NOT_TITLE_ENTS or tokens.pos[k] == "ADJ" and not
           tokens.ent_type[k] for k in words):
        return False
    if tokens.lower[end - 1] in COMPANY_ENDINGS or tokens.lower[start] in CATEGORY_WORDS:
        return False
    # A one-word title is often taken for a person ("Ray"), and one with "The" or a
    # small word or a number inside ("Tales of Tor", "Corkscrew 2"); a longer name
    # of capitalised words only is taken for one rightly as often as not.
    named_like = tokens.lower[start] != "the" and all(
        tokens.text[k][:1].isupper() and tokens.is_alpha[k] for k in words)
    return credited or not (end - start >= 2 and tokens.ent_type[start] == "PERSON"
                            and named_like)


def _proper(tokens, i, midsentence):
    """Return True when token i is a name: a proper noun, a capitalised word inside a
    sentence, or a sentence's capitalised first word that the article also writes
    capitalised inside a sentence ("Inception was directed by", not "Music was written
    by")."""
    if tokens.pos[i] == "PROPN":
        return True
    if not tokens.text[i][:1].isupper() or tokens.pos[i] in ("PRON", "DET"):
        return False
    opens = tokens.sent_start[i] == i or i > 0 and "\n" in tokens.text[i - 1] + \
        tokens.whitespace[i - 1]
    return not opens or tokens.text[i] in midsentence


def _phrase_end(tokens, head):
    """Return the end of the title whose name ends at token ``head``: the capitalised
    words and small title words that hang on it ("The Lord of the Rings"), up to the
    first other word ("Corkscrew for Warner Brothers", "Corkscrew on Saturday")."""
    end, last = head + 1, tokens.doc[head].right_edge.i
    while end <= last and (tokens.text[end][:1].isupper() or tokens.text[end].isdigit()
                           or tokens.lower[end] in TITLE_INSIDE):
        end += 1
    while tokens.lower[end - 1] in TITLE_INSIDE:
        end -= 1
    return end


def _passive_made(tokens, v):
    """Return the token of what the passive participle v says a person made:
    "Corkscrew was directed by Ann Marsh", "Corkscrew, helmed by Ann Marsh"; or None."""
    agents = [p for c in tokens.children(v) if tokens.dep[c] == "agent"
              for p in tokens.children(c) if tokens.dep[p] == "pobj"]
    if not agents or not _is_person(tokens, agents[0]):
        return None
    subjects = [c for c in tokens.children(v) if tokens.dep[c] == "nsubjpass"]
    if not subjects and tokens.dep[v] == "conj":  # "was written and directed by"
        subjects = [c for c in tokens.children(tokens.head[v]) if tokens.dep[c] == "nsubjpass"]
    if subjects:
        return subjects[0]
    return tokens.head[v] if tokens.dep[v] == "acl" and tokens.head[v] < v else None


def _active_made(tokens, v):
    """Return the token of the object of an active making verb ("will direct
    Corkscrew", "hired to produce Corkscrew"), or None: a participle with no "have"
    is passive, and "directed Mara Quill in Corkscrew" has a performer for object."""
    if tokens.tag[v] not in ("VB", "VBD", "VBZ", "VBP", "VBN") or tokens.tag[v] == "VBN" and \
            not any(tokens.lemma[c] == "have" for c in tokens.children(v)):
        return None
    objects = [c for c in tokens.children(v) if tokens.dep[c] == "dobj"]
    if not objects or any(tokens.dep[c] == "prep" and tokens.lower[c] == "in"
                          for k in (v, objects[0]) for c in tokens.children(k)):
        return None
    return objects[0]


def _made(tokens, midsentence):
    """Yield (start, end) of titles a making verb's subject, head or object names."""
    for v in range(len(tokens)):
        lemma = making_lemma(tokens, v)
        if lemma is None:
            continue
        made = _passive_made(tokens, v) if tokens.tag[v] == "VBN" else None
        if made is None and lemma not in WRITING:
            made = _active_made(tokens, v)
        if made is None or any("\n" in tokens.text[k] + tokens.whitespace[k]
                               for k in range(min(made, v), max(made, v))):
            continue  # the parse runs across lines: an infobox label is no sentence
        if tokens.dep[made] == "pobj" and tokens.lower[tokens.head[made]] == "by" \
                or "as" in tokens.lower[max(0, made - 2):made]:
            continue  # "by Lynch and all directed by": a maker; "as the Doctor": a part
        if not _proper(tokens, made, midsentence):
            continue
        # The title is the name and what hangs on it ("The Lord of the Rings"), which
        # the run of capitals holds; the run may go on past it ("Corkscrew for Warner
        # Brothers", "The Lord of the Rings for New Line": "for" ends a title).
        end = _phrase_end(tokens, made)
        start = _run_ending(tokens, made + 1, midsentence)
        if start <= made and capitalised_run(tokens, start) >= end:
            yield start, end


def _credited(tokens, midsentence):
    """Yield (start, end) of titles named before a credit noun and a person's name."""
    n = len(tokens)
    for r in range(1, n - 1):
        if tokens.lower[r] not in CREDIT_NOUNS or not tokens.is_lower[r] \
                or tokens.pos[r + 1] != "PROPN" or tokens.ent_type[r + 1] != "PERSON":
            continue
        if tokens.ent_type[r - 1] in NOT_TITLE_ENTS or tokens.pos[r - 1] == "ADJ" \
                and not tokens.ent_type[r - 1]:
            continue  # "British director X", "Veteran director X"
        start = _run_ending(tokens, r, midsentence)
        if start < r - 1 and tokens.lower[start] == "the":
            start += 1  # "the Saltmarsh director": "the" is the director's
        if any(tokens.lower[k] in ("and", "or", "&") for k in range(start, r)):
            continue  # "Ray's Ann Marsh and British director X": a list, no title
        if start < r and capitalised_run(tokens, start) == r:
            yield start, r


def _awards(tokens, h):
    """Return True when "for" hangs on token h of an award's phrase: a winning verb
    ("won for", "was nominated for") or a category or prize ("best director for",
    "an Oscar for", "a nomination for")."""
    if tokens.lemma[h] in WINNING_VERBS:
        return True
    return tokens.lower[h] in PRIZE_WORDS or any(
        tokens.lower[c] == "best" for c in tokens.children(h))


def _best_work(tokens):
    """Yield (start, end) of titles that win a prize for a kind of work: "Beef was
    named best limited series", "Oppenheimer won best picture" (the subject of a
    winning verb whose object is "best" and a kind of work; a person wins "best
    actor", never "best film")."""
    for v in range(len(tokens)):
        if tokens.lemma[v] not in BEST_VERBS:
            continue
        prizes = [c for c in tokens.children(v) if tokens.dep[c] in ("dobj", "oprd", "attr")
                  and tokens.lower[c] in BEST_KINDS
                  and any(tokens.lower[a] == "best" for a in tokens.children(c))]
        subjects = [c for c in tokens.children(v) if tokens.dep[c] in ("nsubj", "nsubjpass")]
        if not prizes or not subjects or not tokens.text[subjects[0]][:1].isupper():
            continue
        made = subjects[0]
        start = _run_ending(tokens, made + 1, set())
        if start == made + 1 and tokens.pos[made] in ("PROPN", "NOUN"):
            start = made  # "Oppenheimer won": one word opening the sentence
        end = _phrase_end(tokens, made)
        if start <= made and capitalised_run(tokens, start) >= end:
            yield start, end


def _awarded(tokens):
    """Yield (start, end) of titles after "for" in an award's phrase."""
    n = len(tokens)
    for i in range(1, n - 1):
        if tokens.lower[i] != "for" or not tokens.text[i + 1][:1].isupper():
            continue
        if not _awards(tokens, tokens.head[i]):
            continue
        heads = [p for p in tokens.children(i) if tokens.dep[p] == "pobj"]
        if heads and capitalised_run(tokens, i + 1) > heads[0]:
            yield i + 1, _phrase_end(tokens, heads[0])


def made_titles(ctx):
    """Yield (start, end) token spans of the titles the making verbs, credit nouns and
    awards mark, which are no person, place, company or award category."""
    tokens = ctx.tokens
    n = len(tokens)
    midsentence = {tokens.text[i] for i in range(n)
                   if tokens.sent_start[i] != i and tokens.text[i][:1].isupper()}
    # A surname the article uses alone ("Blanchett said") ends a person's name.
    alone = {}
    for i in range(1, n - 1):
        if tokens.pos[i] == "PROPN" and not tokens.text[i - 1][:1].isupper() \
                and not tokens.text[i + 1][:1].isupper():
            alone.setdefault(tokens.text[i], []).append(i)
    credited = set(_credited(tokens, midsentence))
    for start, end in {*_made(tokens, midsentence), *credited, *_awarded(tokens),
                       *_best_work(tokens)}:
        named = end - start in (2, 3) and tokens.lower[start] != "the" and any(
            not start <= i < end for i in alone.get(tokens.text[end - 1], ()))
        if _plain(tokens, start, end, (start, end) in credited) and not named:
            yield start, end
