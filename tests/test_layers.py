"""The layers of DESIGN.md import downward only: the core never loads the web."""

import ast
import subprocess
import sys
from pathlib import Path

GRAPH = Path(__file__).resolve().parents[1] / "graph"


def test_importing_graph_leaves_flask_and_pyvis_out():
    """``import graph`` and its CLI load neither flask nor pyvis nor webviz."""
    code = ("import sys, graph, graph.cli, graph.store, graph.exchange, graph.extract.pipeline; "
            "print(sorted(m for m in ('flask', 'pyvis', 'webviz') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_graph_module_imports_the_web():
    """No module under graph/ names flask, pyvis or webviz in an import."""
    for path in GRAPH.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in {"flask", "pyvis", "webviz"}, (path, name)


def test_sources_know_nothing_of_nlp_or_rdf():
    """The sources layer imports neither spaCy nor any RDF library."""
    tree = ast.parse((GRAPH / "sources.py").read_text(encoding="utf-8"))
    imported = {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {m.split(".")[0] for m in imported} & {"spacy", "rdflib", "pyoxigraph"}
