"""Bound values for a query sent as text: a ``VALUES`` block written into the query's
WHERE group, its terms serialised by pyoxigraph.

pyoxigraph binds variables with ``substitutions``; a SPARQL server takes only text.
The values go in as inline data at the start of the WHERE group, not as a
trailing ``VALUES`` after the query: a trailing block joins after the query's
FILTERs, LIMIT and projection have run, so ``FILTER(?x = ?needle)`` would see an
unbound ``?needle`` and ``LIMIT 1`` would cut before the join. At the start of
the group the values join the group's patterns, and its FILTERs, OPTIONALs and
GRAPH patterns see them, as with pyoxigraph's substitutions.

Terms are written by pyoxigraph's ``str()`` (N-Triples syntax, which escapes
quotes, backslashes and line breaks), never spliced from raw text.

>>> import pyoxigraph as ox
>>> with_values('SELECT ?s WHERE { ?s ?p ?o }', {'o': ox.Literal('a "b" }')})
'SELECT ?s WHERE { VALUES (?o) { ("a \\\\"b\\\\" }") } ?s ?p ?o }'
>>> with_values('CONSTRUCT { ?s ?p "{" } WHERE { ?s ?p ?o }', {'s': ox.NamedNode('https://x/a')})
'CONSTRUCT { ?s ?p "{" } WHERE { VALUES (?s) { (<https://x/a>) } ?s ?p ?o }'
"""

import re

import pyoxigraph as ox

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# What may hold a brace that opens no group: comments, strings, IRIs.
_TOKEN = re.compile(r"""
    \#[^\n]*
  | '''(?:[^'\\]|\\.|'(?!''))*'''
  | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
  | '(?:[^'\\\n]|\\.)*'
  | "(?:[^"\\\n]|\\.)*"
  | <[^<>"{}|^`\\\x00-\x20]*>
  | [{}]
""", re.VERBOSE | re.DOTALL)
# A CONSTRUCT keyword right before the first brace: that brace opens the template.
_CONSTRUCT = re.compile(r"\bCONSTRUCT(?:\s|#[^\n]*)*$", re.IGNORECASE)


def term_text(term):
    """Return a term as SPARQL text (pyoxigraph's escaping); raise ValueError for a
    blank node or any term a VALUES block cannot hold."""
    if not isinstance(term, ox.NamedNode | ox.Literal):
        raise ValueError(f"cannot bind {term!r}: only IRIs and literals can be sent")
    return str(term)


def _where_brace(query):
    """Return the offset just past the ``{`` that opens the query's WHERE group: the
    first brace outside comments, strings and IRIs, or the one after a CONSTRUCT
    template."""
    braces = [m for m in _TOKEN.finditer(query) if m.group() in ("{", "}")]
    if braces and _CONSTRUCT.search(query, 0, braces[0].start()):
        depth = 0
        for index, brace in enumerate(braces):
            depth += 1 if brace.group() == "{" else -1
            if depth == 0:
                braces = braces[index + 1:]
                break
    if not braces or braces[0].group() != "{":
        raise ValueError("the query has no WHERE group to bind values in")
    return braces[0].end()


def with_values(query, bindings):
    """Return ``query`` with ``bindings`` ({variable name: term}) as a one-row VALUES
    block at the start of its WHERE group; the query itself when there are none.
    Raises ValueError for a variable name or a term that cannot be bound."""
    if not bindings:
        return query
    names = list(bindings)
    for name in names:
        if not _NAME.match(name):
            raise ValueError(f"cannot bind variable {name!r}: not a SPARQL variable name")
    row = " ".join(term_text(bindings[name]) for name in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"
    at = _where_brace(query)
    return query[:at] + block + query[at:]
