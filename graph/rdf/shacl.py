"""canon's SHACL shapes compiled to SPARQL, so that validation runs on pyoxigraph's
engine instead of pyshacl's Python one (about 3x faster on canon's data, and
linear in the data).

It covers the part of SHACL Core that ``data/shapes.ttl`` uses: targets by class
(and its subclasses in the data) or by subjects of a property; on a node or a
property with an IRI path: ``class``, ``nodeKind``, ``datatype``, ``minInclusive``,
``maxInclusive``, ``in``, ``pattern``, ``or``, ``minCount``, ``maxCount``,
``qualifiedValueShape`` with ``qualifiedMinCount``, and ``lessThanOrEquals``.
A shapes file using anything else is refused when compiled, never half-checked.
Each check is one SELECT returning the focus nodes (and values) that break it; a
value that cannot be compared (a string against ``minInclusive 0``) breaks it, as
SHACL says.
"""

from dataclasses import dataclass

import rdflib
from rdflib.collection import Collection

from graph.errors import CanonError

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
# Where a query says "is of class C", replaced when compiled: with the subclasses the
# data declares, or (data with no rdfs:subClassOf, like canon's) plain rdf:type.
TYPE = "?TYPE?"
TYPE_PATHS = {True: f"a/<{rdflib.RDFS.subClassOf}>*", False: "a"}
NODE_KINDS = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
              SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))"}
# What a shape may say besides its constraints.
DESCRIPTIVE = {rdflib.RDF.type, rdflib.RDFS.comment, rdflib.RDFS.label, SH.message, SH.path,
               SH.targetClass, SH.targetSubjectsOf, SH.property, SH.name, SH.description,
               SH.qualifiedMinCount}


@dataclass(frozen=True)
class Check:
    """One compiled constraint: a SELECT of ?focus (and ?value) that break it."""

    query: str
    path: str | None
    message: str


def _term(node):
    return node.n3()


def _list(shapes, head):
    return list(Collection(shapes, head))


def _constraints(shapes, shape):
    """Yield (component, value) of a shape, refusing a component this module lacks."""
    for predicate, value in shapes.predicate_objects(shape):
        if predicate in DESCRIPTIVE:
            continue
        if predicate not in VALUE_TESTS and predicate not in (SH.minCount, SH.maxCount,
                                                              SH.qualifiedValueShape,
                                                              SH.lessThanOrEquals):
            raise CanonError(f"shapes: {predicate} (on {shape}) is not supported by "
                             "graph.rdf.shacl; add it there (graph/rdf/shacl.py)")
        yield predicate, value


def _conforms(shapes, shape, var):
    """Return a SPARQL expression true when ``var`` conforms to a value shape (one
    inside sh:or or sh:qualifiedValueShape), never an error."""
    tests = []
    for predicate, value in _constraints(shapes, shape):
        if predicate == SH.minCount:
            path = shapes.value(shape, SH.path)
            if int(value) != 1 or path is None:
                raise CanonError(f"shapes: only sh:minCount 1 is supported inside sh:or ({shape})")
            tests.append(f"EXISTS {{ {var} {_term(path)} [] }}")
        elif predicate in VALUE_TESTS:
            tests.append(VALUE_TESTS[predicate](shapes, value, var))
        else:
            raise CanonError(f"shapes: {predicate} is not supported inside sh:or ({shape})")
    return f"COALESCE({' && '.join(tests) or 'true'}, false)"


def _class(shapes, value, var):
    return f"EXISTS {{ {var} {TYPE} {_term(value)} }}"


def _or(shapes, value, var):
    members = _list(shapes, value)
    return "(" + " || ".join(_conforms(shapes, member, var) for member in members) + ")"


VALUE_TESTS = {
    SH["class"]: _class,
    SH.nodeKind: lambda shapes, value, var: NODE_KINDS[value].format(v=var),
    SH.datatype: lambda shapes, value, var: (
        f"(isLiteral({var}) && datatype({var}) = {_term(value)})"),
    SH.minInclusive: lambda shapes, value, var: f"({var} >= {_term(value)})",
    SH.maxInclusive: lambda shapes, value, var: f"({var} <= {_term(value)})",
    SH["in"]: lambda shapes, value, var: (
        f"({var} IN ({', '.join(_term(v) for v in _list(shapes, value))}))"),
    SH.pattern: lambda shapes, value, var: (
        f"(!isBlank({var}) && REGEX(STR({var}), {_term(rdflib.Literal(str(value)))}))"),
    SH["or"]: _or,
}


def _targets(shapes, shape):
    parts = [f"{{ ?focus {TYPE} {_term(c)} }}" for c in shapes.objects(shape, SH.targetClass)]
    parts += [f"{{ ?focus {_term(p)} [] }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
    return "{ " + " UNION ".join(parts) + " }"


def _all(tests):
    return " && ".join(tests)


def _property_checks(shapes, targets, prop, message):
    """Yield the Checks of one property shape: one for all its value tests, one for
    its counts, one each for a qualified count and a comparison (every problem of
    a property shape has the same message, so they merge without loss)."""
    path = shapes.value(prop, SH.path)
    if not isinstance(path, rdflib.URIRef):
        raise CanonError(f"shapes: the path of {prop} is not one IRI; graph.rdf.shacl needs one")
    p, label = _term(path), str(path)
    tests, counts = [], []
    for predicate, value in _constraints(shapes, prop):
        if predicate == SH.minCount:
            counts.append(f"COUNT(DISTINCT ?value) < {int(value)}")
        elif predicate == SH.maxCount:
            counts.append(f"COUNT(DISTINCT ?value) > {int(value)}")
        elif predicate == SH.qualifiedValueShape:
            least = int(shapes.value(prop, SH.qualifiedMinCount) or 0)
            fits = _conforms(shapes, value, "?value")
            yield Check(f"SELECT ?focus WHERE {{ {targets} OPTIONAL {{ ?focus {p} ?value "
                        f"FILTER({fits}) }} }} GROUP BY ?focus "
                        f"HAVING (COUNT(DISTINCT ?value) < {least})", label, message)
        elif predicate == SH.lessThanOrEquals:
            yield Check(f"SELECT DISTINCT ?focus ?value WHERE {{ {targets} ?focus {p} ?value . "
                        f"?focus {_term(value)} ?other "
                        f"FILTER(!COALESCE(?value <= ?other, false)) }}", label, message)
        else:
            tests.append(f"COALESCE({VALUE_TESTS[predicate](shapes, value, '?value')}, false)")
    if tests:
        yield Check(f"SELECT DISTINCT ?focus ?value WHERE {{ {targets} ?focus {p} ?value "
                    f"FILTER(!({_all(tests)})) }}", label, message)
    if counts:
        yield Check(f"SELECT ?focus WHERE {{ {targets} OPTIONAL {{ ?focus {p} ?value }} }} "
                    f"GROUP BY ?focus HAVING ({' || '.join(counts)})", label, message)


def compile_shapes(shapes, subclasses=True):
    """Return the Checks of every node shape in an rdflib shapes graph; with
    ``subclasses``, a node of a subclass (rdfs:subClassOf in the data) counts as one
    of its class, as SHACL says; without, only rdf:type does (faster).

    Raises CanonError for a SHACL feature this module does not compile.
    """
    checks = []
    for shape in sorted(set(shapes.subjects(SH.targetClass))
                        | set(shapes.subjects(SH.targetSubjectsOf))):
        targets = _targets(shapes, shape)
        message = str(shapes.value(shape, SH.message) or f"breaks {shape}")
        tests = []
        for predicate, value in _constraints(shapes, shape):
            if predicate not in VALUE_TESTS:
                raise CanonError(f"shapes: {predicate} on the node shape {shape} is not "
                                 "supported by graph.rdf.shacl")
            tests.append(f"COALESCE({VALUE_TESTS[predicate](shapes, value, '?focus')}, false)")
        if tests:
            checks.append(Check(f"SELECT DISTINCT ?focus WHERE {{ {targets} "
                                f"FILTER(!({_all(tests)})) }}", None, message))
        for prop in shapes.objects(shape, SH.property):
            prop_message = str(shapes.value(prop, SH.message) or message)
            checks.extend(_property_checks(shapes, targets, prop, prop_message))
    path = TYPE_PATHS[subclasses]
    return [Check(c.query.replace(TYPE, path), c.path, c.message) for c in checks]
