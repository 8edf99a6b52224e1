"""Where the vocabulary, the SHACL shapes and the JSON-LD context live: ``data/``
at the top of the checkout (the project is installed editable from it)."""

import json
from functools import lru_cache
from pathlib import Path

from graph.errors import CanonError

DATA = Path(__file__).resolve().parents[2] / "data"
VOCABULARY = DATA / "canon.ttl"
SHAPES = DATA / "shapes.ttl"
CONTEXT = DATA / "context.jsonld"


def resource(path):
    """Return ``path`` when it exists; raise CanonError naming it otherwise."""
    if not path.is_file():
        raise CanonError(f"{path}: missing; canon runs from its checkout (pip install -e .)")
    return path


@lru_cache(maxsize=1)
def jsonld_context():
    """Return the JSON-LD context (the value of "@context") shipped in data/context.jsonld."""
    return json.loads(resource(CONTEXT).read_text(encoding="utf-8"))["@context"]
