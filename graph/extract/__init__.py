"""Extraction: article text to facts with evidence (spaCy pipeline plus named rules).

Use ``extract_articles`` / ``extract_article`` from ``graph.extract.pipeline``.
"""
