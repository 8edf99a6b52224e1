"""Bound values for a query sent as text: each bound variable of the WHERE group
written as its term, and a VALUES block that still binds it for the projection,
ORDER BY and GROUP BY; the terms serialised by pyoxigraph.

pyoxigraph binds variables with ``substitutions``; a SPARQL server takes only text.
Why not a trailing ``VALUES`` after the query: it joins after the query's FILTERs,
LIMIT and projection have run, so ``FILTER(?x = ?needle)`` would see an unbound
``?needle`` and ``LIMIT 1`` would cut before the join. Why not only a VALUES block
inside the group: it gives the right answers, but Oxigraph does not push it into
``GRAPH ?g { ... OPTIONAL ... }`` (0.08 ms with a constant, 18 ms with the block on
760 graphs, growing with the store). A constant in the pattern is what every
server's optimizer uses. A subquery's projection, GROUP BY, ORDER BY and HAVING
keep the variable (the VALUES block outside binds it; its pattern inside holds
the term). Where a term still cannot stand in for its variable (``BOUND(?x)``),
the rewritten text does not parse and the VALUES block alone is sent; pyoxigraph
parses each query template once to know. The rewrite is for canon's own
queries: a variable local to a subquery that does not project it would be
rewritten too.

Terms are written by pyoxigraph's ``str()`` (N-Triples syntax, which escapes
quotes, backslashes and line breaks), never spliced from raw text.

>>> import pyoxigraph as ox
>>> with_values('SELECT ?s WHERE { ?s ?p ?o FILTER(?o != ?other) }', {'o': ox.Literal('}')})
'SELECT ?s WHERE { VALUES (?o) { ("}") } ?s ?p "}" FILTER("}" != ?other) }'
>>> with_values('CONSTRUCT { ?s ?p "{" } WHERE { ?s ?p ?o }', {'s': ox.NamedNode('https://x/a')})
'CONSTRUCT { ?s ?p "{" } WHERE { VALUES (?s) { (<https://x/a>) } <https://x/a> ?p ?o }'
"""

import re

import pyoxigraph as ox

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Comments, strings and IRIs (which may hold a brace or a ?), variables, braces,
# and the keywords around a subquery's projection and modifiers (not canon:order).
_TOKEN = re.compile(r"""
    \#[^\n]*
  | '''(?:[^'\\]|\\.|'(?!''))*'''
  | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
  | '(?:[^'\\\n]|\\.)*'
  | "(?:[^"\\\n]|\\.)*"
  | <[^<>"{}|^`\\\x00-\x20]*>
  | [?$][A-Za-z0-9_]+
  | [{}]
  | (?<![\w:])(?:SELECT|WHERE|GROUP|ORDER|HAVING)(?![\w:])
""", re.VERBOSE | re.DOTALL | re.IGNORECASE)
# A CONSTRUCT keyword right before the first brace: that brace opens the template.
_CONSTRUCT = re.compile(r"\bCONSTRUCT(?:\s|#[^\n]*)*$", re.IGNORECASE)


def term_text(term):
    """Return a term as SPARQL text (pyoxigraph's escaping); raise ValueError for a
    blank node or any term a VALUES block cannot hold."""
    if not isinstance(term, ox.NamedNode | ox.Literal):
        raise ValueError(f"cannot bind {term!r}: only IRIs and literals can be sent")
    return str(term)


def _where_group(query):
    """Return (start, end) of the inside of the query's WHERE group: the first group
    outside comments, strings and IRIs, or the one after a CONSTRUCT template."""
    braces = [m for m in _TOKEN.finditer(query) if m.group() in ("{", "}")]
    if braces and _CONSTRUCT.search(query, 0, braces[0].start()):
        braces = braces[_closing(braces) + 1:]
    if not braces or braces[0].group() != "{":
        raise ValueError("the query has no WHERE group to bind values in")
    return braces[0].end(), braces[_closing(braces)].start()


def _closing(braces):
    """Return the index of the brace that closes the first one."""
    depth = 0
    for index, brace in enumerate(braces):
        depth += 1 if brace.group() == "{" else -1
        if depth == 0:
            return index
    raise ValueError("the query's braces do not balance")


def with_values(query, bindings):
    """Return ``query`` with ``bindings`` ({variable name: term}) written into its
    WHERE group as the terms (not in a subquery's projection or modifiers) and as a
    one-row VALUES block at its start; with the VALUES block alone where a term
    still cannot stand in for its variable (BOUND(?x)); the query itself when there
    are no bindings. Raises
    ValueError for a variable name or a term that cannot be bound."""
    if not bindings:
        return query
    for name in bindings:
        if not _NAME.match(name):
            raise ValueError(f"cannot bind variable {name!r}: not a SPARQL variable name")
    terms = {name: term_text(term) for name, term in bindings.items()}
    start, end = _where_group(query)
    names = " ".join("?" + name for name in terms)
    block = f" VALUES ({names}) {{ ({' '.join(terms.values())}) }}"
    body = _written_in(query[start:end], terms)
    kinds = tuple((name, type(term).__name__) for name, term in bindings.items())
    if not _fits(query, kinds, query[:start] + block + body + query[end:]):
        body = query[start:end]
    return query[:start] + block + body + query[end:]


def _written_in(body, terms):
    """Return ``body`` with each variable of ``terms`` written as its term, except in
    a subquery's projection, GROUP BY, ORDER BY and HAVING, where a term cannot
    stand (there the variable stays, bound by the VALUES block outside)."""
    parts, at, keep = [], 0, False
    for match in _TOKEN.finditer(body):
        token = match.group()
        word = token.upper()
        if word in ("SELECT", "GROUP", "ORDER", "HAVING"):
            keep = True
        elif word == "WHERE" or token in ("{", "}"):
            keep = False
        elif token[0] in "?$" and not keep and token[1:] in terms:
            parts.append(body[at:match.start()])
            parts.append(terms[token[1:]])
            at = match.end()
    parts.append(body[at:])
    return "".join(parts)


# Whether terms may stand in for the variables, by (query, kinds of the terms):
# the answer depends on nothing else, and canon's queries are a few templates.
_FITS = {}
_EMPTY = ox.Store()


def _fits(query, kinds, rewritten):
    """Return True when ``rewritten`` (``query`` with terms of ``kinds`` in place of
    its variables) parses as a query; parsed once per query and kinds."""
    key = (query, kinds)
    if key not in _FITS:
        try:
            _EMPTY.query(rewritten)
            _FITS[key] = True
        except SyntaxError:
            _FITS[key] = False
    return _FITS[key]
