"""The other names an article gives the people and characters its facts name.

An article gives a second name to someone in a few English patterns:

- a quoted nickname inside the name: Eddard "Ned" Stark, Sandor "The Hound" Clegane
  (the name spans carry it, ``graph.extract.mentions.names``);
- "known as" and its kin after the name: "Sandor Clegane, known as the Hound",
  "Robert Ewing, better known as Bobby", "Ada Marsh, nicknamed 'Mags'", "aka";
- a short form of the given name in brackets: "Daenerys (Dany)", a single word with
  the given name's first letter, which no fact of the article names (so "Kilgrave
  (Tennant)", an actor in brackets, is no alias).

The name is matched to the full name the article's resolved facts give (so
"Daenerys (Dany)" gives Daenerys Targaryen the alias Dany), and only names some fact
fills get aliases: an alias is looked up in the store by the entity it belongs to.
"""

from graph.extract.mentions.aliases import fold, name_form
from graph.model.facts import Alias, Evidence

# Fields of a fact that hold a name, and the kind of entity each names.
NAME_FIELDS = {"character": "character", "agent": "character", "actor": "person",
               "person": "person"}
# Words after "Name," that say what follows is another name of it.
KNOWN_AS = (("known", "as"), ("also", "known", "as"), ("better", "known", "as"),
            ("widely", "known", "as"), ("commonly", "known", "as"),
            ("popularly", "known", "as"), ("nicknamed",), ("dubbed",), ("aka",),
            ("a.k.a.",))
QUOTES = frozenset("\"'“”‘’")
# Longest alias read after "known as", in words.
MAX_ALIAS_WORDS = 3
RULE = "alias"


def _entities(facts):
    """Return {folded name: (kind, name)} of the names the facts fill; a name filled
    as both a character and a person is left out (which entity is meant is unsure)."""
    found = {}
    for fact in facts:
        for field, kind in NAME_FIELDS.items():
            value = getattr(fact.claim, field, None)
            if isinstance(value, str) and value.strip():
                key = fold(value)
                found[key] = None if found.get(key, (kind,))[0] != kind else (kind, value)
    return {key: entry for key, entry in found.items() if entry}


def _owner(written, entities):
    """Return the (kind, name) a written name stands for among the facts' entities:
    the same name, else the only one holding all its words, or None."""
    form = name_form(written)
    key = fold(form.canonical)
    if key in entities:
        return entities[key]
    words = {fold(word) for word in form.words}
    if not words:
        return None
    holders = [entry for name, entry in entities.items()
               if words <= set(fold(w) for w in name_form(name).words)]
    return holders[0] if len(holders) == 1 else None


def _quoted_nicknames(ctx):
    """Yield (name span, alias, start, end) for the names written with a quoted
    nickname inside."""
    for span in ctx.names:
        if span.nickname:
            yield span, span.nickname, span.start_char, span.end_char


def _alias_after(tokens, i, end):
    """Return (alias, end token) for the name written from token i (an optional "the"
    and quotes, then capitalised words), or None."""
    text = tokens.text
    j = i
    if j < end and text[j] in QUOTES:
        j += 1
    first = j
    if j < end and tokens.lower[j] == "the":
        j += 1
    words = 0
    while j < end and words < MAX_ALIAS_WORDS and text[j][:1].isupper() and text[j].isalpha():
        j += 1
        words += 1
    if not words:
        return None
    alias = tokens.span_text(first, j)
    if j < end and text[j] in QUOTES:
        j += 1
    return alias, j


def _known_as(ctx):
    """Yield (name span, alias, start, end) for "Name, known as Alias" and its kin."""
    tokens = ctx.tokens
    n = len(tokens)
    for span in ctx.names:
        i = span.end
        if i >= n or tokens.text[i] != ",":
            continue
        for words in KNOWN_AS:
            k = i + 1 + len(words)
            if tuple(tokens.lower[i + 1:k]) != words:
                continue
            found = _alias_after(tokens, k, tokens.sent_end[span.start])
            if found:
                alias, stop = found
                yield span, alias, span.start_char, tokens.end_char(stop - 1)
            break


def _bracketed(ctx):
    """Yield (name span, alias, start, end) for "Name (Short)": one capitalised word
    in brackets starting with the given name's letter, shorter than it."""
    tokens = ctx.tokens
    n = len(tokens)
    for span in ctx.names:
        i = span.end
        if i + 2 >= n or tokens.text[i] != "(" or tokens.text[i + 2] != ")":
            continue
        word, given = tokens.text[i + 1], name_form(span.text).first or ""
        if word.isalpha() and word[:1].isupper() and word[:1] == given[:1] \
                and len(word) < len(given) and fold(word) != fold(given):
            yield span, word, span.start_char, tokens.end_char(i + 2)


def written_aliases(ctx):
    """Return (name span, alias) for every other name the article writes beside a
    name ("known as", a short form in brackets), quoted nicknames left out (the
    name spans carry those): name resolution reads them as nicknames."""
    return [(span, alias) for finder in (_known_as, _bracketed)
            for span, alias, _start, _end in finder(ctx)]


def article_aliases(facts, ctx):
    """Return the Aliases an article gives the entities its (resolved) facts name, each
    (entity, alias) once, in text order."""
    entities = _entities(facts)
    text = ctx.article.text
    found = {}
    for finder in (_quoted_nicknames, _known_as, _bracketed):
        for span, alias, start, end in finder(ctx):
            owner = _owner(span.text, entities)
            if owner is None or fold(alias) in entities:
                continue
            kind, name = owner
            if fold(alias) in {fold(word) for word in name_form(name).words}:
                continue  # a word of the name is no other name
            evidence = Evidence(doc=ctx.article.doc, start=start, end=end,
                                quote=text[start:end], rule=RULE, confidence=0.8)
            found.setdefault((kind, name, fold(alias)), Alias(kind, name, alias, evidence))
    return sorted(found.values(), key=lambda a: (a.evidence.start, a.name))
