"""pyoxigraph terms to rdflib terms, for the writers and validators that need rdflib."""

import pyoxigraph as ox
import rdflib


def to_rdflib(term):
    """Return the rdflib term for a pyoxigraph NamedNode, BlankNode or Literal.

    >>> to_rdflib(ox.Literal("2", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    rdflib.term.Literal('2', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
    """
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def to_dataset(quads):
    """Return an rdflib Dataset holding the quads, each in its named graph."""
    dataset = rdflib.Dataset()
    for q in quads:
        if isinstance(q.graph_name, ox.NamedNode):
            context = dataset.graph(rdflib.URIRef(q.graph_name.value))
        else:
            context = dataset.default_graph
        context.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return dataset


def to_graph(triples):
    """Return an rdflib Graph of pyoxigraph triples or quads (graph names dropped)."""
    graph = rdflib.Graph()
    for q in triples:
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph
