"""The articles one ingest takes: every file named read and checked, each bad one
set aside with its reason, so that one bad file in a scraped folder does not cost
the good ones beside it (or, when strict, refuses them all).

A franchise file is checked here too (``read_franchise``, no language model), so
that extraction, which reads the articles together, never meets a bad one.

>>> import pathlib, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     _ = pathlib.Path(folder, "good.md").write_text("Kilgrave returns.\\n")
...     _ = pathlib.Path(folder, "empty.txt").write_text("")
...     good, bad = read_checked([folder])
>>> [a.doc for a in good], [b.problem for b in bad]
(['good.md'], ['the file is empty'])
"""

from graph.errors import ArticleError
from graph.extract.franchise import read_franchise
from graph.sources import find_articles, read_article


def read_checked(paths, strict=False):
    """Return (articles, problems): the Article of every good file that ``paths``
    (files and folders) name, in ``find_articles`` order, and one ArticleError per
    bad path or file, in the order met.

    With ``strict`` the first problem is raised instead (ArticleError), as an
    all-or-nothing ingest wants.
    """
    articles, problems = [], []
    for path in _article_paths(paths, strict, problems):
        try:
            article = read_article(path)
            if article.format == "franchise":
                read_franchise(article)
        except ArticleError as error:
            if strict:
                raise
            problems.append(error)
            continue
        articles.append(article)
    return articles, problems


def _article_paths(paths, strict, problems):
    """Return the article files ``paths`` name, each once; a path that names none
    is raised when ``strict``, else added to ``problems``."""
    if strict:
        return find_articles(paths)
    found = {}
    for path in paths:
        try:
            found.update(dict.fromkeys(find_articles(path)))
        except ArticleError as error:
            problems.append(error)
    return list(found)
