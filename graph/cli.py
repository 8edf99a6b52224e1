"""The ``canon`` command: parses arguments, calls the library, prints.

Errors raised as CanonError become one line on stderr and exit status 1; click's
usage errors exit with 2.
"""

import json
import sys
from importlib.metadata import entry_points
from pathlib import Path

import click

from graph import __version__
from graph.cli_continuity import CONTINUITY_COMMANDS
from graph.cli_options import one_line, store_option
from graph.errors import CanonError
from graph.model.words import KINDS
from graph.rdf.formats import FORMATS, format_of_path
from graph.store import open_store, resolve_location


class CanonGroup(click.Group):
    """A click group that turns CanonError into one line on stderr and exit status 1,
    and adds the commands other packages declare (webviz declares ``serve``) as
    ``canon.commands`` entry points, loaded only when asked for, so that graph
    never imports them and ``import graph.cli`` stays free of Flask."""

    def list_commands(self, ctx):
        """Return the names of the built-in commands and the plugged-in ones, sorted."""
        return sorted({*super().list_commands(ctx), *_plugins()})

    def get_command(self, ctx, name):
        """Return a built-in command, else the plugged-in one of that name, else None."""
        command = super().get_command(ctx, name)
        if command is None and name in _plugins():
            command = _plugins()[name].load()
        return command

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CanonError as exc:
            click.echo(f"canon: error: {exc}", err=True)
            sys.exit(1)


def _plugins():
    return {entry.name: entry for entry in entry_points(group="canon.commands")}


@click.group(cls=CanonGroup)
@click.version_option(__version__, prog_name="canon")
def cli():
    """canon: a knowledge graph of franchise continuity.

    Articles about TV, film and comic franchises become sourced facts (who plays
    whom, which seasons a show has, what happens to characters) in an RDF store.

    Example: canon ingest data/articles/ && canon facts --about Kilgrave
    """


def _read_articles(paths):
    from graph.intake import read_checked

    return read_checked(paths, strict=True)[0]


def _extract_with_progress(articles, jobs, label):
    from graph.extract.pipeline import extract_articles

    with click.progressbar(length=len(articles), label=label, file=sys.stderr,
                           hidden=not sys.stderr.isatty()) as bar:
        return extract_articles(articles, jobs=jobs, progress=lambda: bar.update(1))


BATCH_HELP = ("Quads written at once, each batch whole (default: the store's, about "
              "500,000 on disk, 50,000 on a server); smaller bounds memory.")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Re-read articles even when they are unchanged.")
@click.option("--strict", is_flag=True,
              help="Store nothing when any file is bad (by default the good ones are stored).")
@click.option("--jobs", default=1, show_default=True, help="Processes for the language pipeline.")
@click.option("--batch-quads", type=click.IntRange(min=1), metavar="N", help=BATCH_HELP)
@store_option
def ingest(paths, force, strict, jobs, batch_quads, store):
    """Read articles (files or folders of .txt, .md, .html) into the store.

    Every file is read and checked first. A bad one (empty, binary, not UTF-8,
    broken front matter...) gets one line on stderr and is skipped, the good ones
    are stored, and the exit status is 1; with --strict nothing is stored. The
    articles are stored in batches, each in one transaction, each article whole. An
    unchanged article is skipped; a changed one replaces what it said before.

    Example: canon ingest data/articles/ --store canon-data
    """
    from graph.intake import read_checked

    with open_store(store) as db:
        articles, skipped = read_checked(paths, strict=strict)
        for problem in skipped:
            click.echo(f"canon: error: {problem}", err=True)
        extracted = _extract_with_progress(articles, jobs, "Reading articles")
        results = db.ingest(zip(articles, extracted, strict=True), force=force,
                            batch_quads=batch_quads)
        location = db.location
    counts = {status: 0 for status in ("added", "replaced", "unchanged")}
    for result in results:
        counts[result.status] += 1
    facts = sum(r.facts for r in results if r.status != "unchanged")
    click.echo(
        f"{counts['added']} added, {counts['replaced']} replaced, {counts['unchanged']} "
        f"unchanged{f', {len(skipped)} skipped' if skipped else ''} "
        f"({len(results)} articles, {facts} facts stored)"
    )
    click.echo(f"store: {_where(location)}")
    if skipped:
        sys.exit(1)


def _where(location):
    return location if location == "memory:" or "://" in location else str(Path(location).resolve())


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--jobs", default=1, show_default=True, help="Processes for the language pipeline.")
def extract(files, jobs):
    """Print the facts of articles as FACTS JSON Lines; the store is not opened.

    Example: canon extract ../shared/eval/seed/jessica-jones-s2.txt > facts.jsonl
    """
    from graph.extract.pipeline import extract_articles

    articles = _read_articles(files)
    for facts in extract_articles(articles, jobs=jobs):
        for fact in facts:
            click.echo(json.dumps(fact.to_json(), ensure_ascii=False))


def _fact_line(fact):
    fields = {k: v for k, v in fact.claim.fields().items() if v not in (None, [])}
    body = ", ".join(f"{k}={v}" for k, v in fields.items())
    ev = fact.evidence
    where = f"{ev.doc}:{ev.start}-{ev.end}, {ev.rule or 'imported'}, {ev.confidence:.2f}"
    return f"{fact.kind:<11} {body}\n            \u201c{one_line(ev.quote)}\u201d ({where})"


def _entity_name(db, about):
    """Return the stored entity name ``about`` stands for (``find_name``: the same
    name in any case, an alias, a first name, a surname, misspelt...); raises
    UnknownEntityError naming the closest names when none or several fit."""
    from graph.continuity.names import Names
    from graph.continuity.story import find_name

    aliases = {name: others for kind in ("character", "person", "work")
               for name, others in db.aliases(kind).items()}
    return find_name(about, Names(sorted(set(db.labels().values())), aliases=aliases), "entity")


@cli.command()
@click.option("--about", metavar="NAME",
              help='Only facts naming this entity: its name in any case, or part of it '
                   '("Elektra" for Elektra Natchios) when only one entity fits.')
@click.option("--kind", type=click.Choice(KINDS), help="Only facts of this kind.")
@click.option("--json", "as_json", is_flag=True, help="Print FACTS JSON Lines.")
@store_option
def facts(about, kind, as_json, store):
    """List the facts in the store, each with its quote and article.

    Example: canon facts --about Kilgrave --kind event
    """
    with open_store(store, create=False, read_only=True) as db:
        found = db.facts(about=_entity_name(db, about) if about else None, kind=kind)
    for fact in found:
        click.echo(json.dumps(fact.to_json(), ensure_ascii=False) if as_json else _fact_line(fact))
    if not as_json:
        click.echo(f"facts: {len(found)}", err=True)


@cli.command()
@click.option("--format", "format_name", type=click.Choice(list(FORMATS)),
              help="RDF format; by default taken from -o's suffix, else turtle.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="File to write (default stdout).")
@store_option
def export(format_name, output, store):
    """Write the whole graph as RDF: turtle, ntriples, nquads, trig or jsonld.

    Example: canon export --format trig -o canon.trig
    """
    from graph.exchange import write_export

    if format_name is None:
        fmt = format_of_path(output) if output else None
        format_name = fmt.name if fmt else "turtle"
    with open_store(store, create=False, read_only=True) as db:
        size = write_export(db, output, format_name)
    if output:
        click.echo(f"wrote {size} bytes of {format_name} to {output}", err=True)


@cli.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "format_name", type=click.Choice([*FORMATS, "facts"]),
              help="Format of FILE; by default taken from its suffix (.jsonl is facts).")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of the data.")
@click.option("--batch-quads", type=click.IntRange(min=1), metavar="N", help=BATCH_HELP)
@store_option
def import_(file, format_name, no_validate, batch_quads, store):
    """Add an RDF file or a FACTS JSON Lines file (a story bible) to the store.

    Example: canon import bible.jsonl
    """
    from graph.exchange import import_file

    with open_store(store) as db:
        summary = import_file(db, file, format_name, validate=not no_validate,
                              batch_quads=batch_quads)
    what = "facts" if summary["kind"] == "facts" else "quads"
    click.echo(f"imported {summary['count']} {what} into {summary['graphs']} graphs from {file}")


@cli.command()
@click.argument("article")
@store_option
def forget(article, store):
    """Remove everything one article said (by file name or path).

    Example: canon forget jessica-jones-s2.txt
    """
    doc = Path(article).name
    with open_store(store, create=False) as db:
        removed = db.forget(doc)
    if not removed:
        raise CanonError(f"article {doc!r} is not in the store at {resolve_location(store)}; "
                         "canon stats --articles lists what is")
    click.echo(f"forgot {doc}")


@cli.command()
@click.option("--articles", "list_articles", is_flag=True, help="Also list every article.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@store_option
def stats(list_articles, as_json, store):
    """Count what the store holds: articles, claims, entities, evidence, quads.

    Example: canon stats --articles
    """
    with open_store(store, create=False, read_only=True) as db:
        counts = db.stats()
        articles = db.articles() if list_articles else None
        location = db.location
    if as_json:
        click.echo(json.dumps({**counts, "store": _where(location),
                               **({"article_list": articles} if articles else {})}, indent=1))
        return
    click.echo(f"store:     {_where(location)}")
    click.echo(f"articles:  {counts['articles']}")
    click.echo("claims:    " + ", ".join(f"{n} {k}" for k, n in counts["claims"].items()))
    click.echo("entities:  " + ", ".join(f"{n} {k}" for k, n in counts["entities"].items()))
    click.echo(f"evidence:  {counts['evidence']}")
    click.echo(f"quads:     {counts['quads']}")
    for row in articles or ():
        click.echo(f"  {row['doc']}  {row['claims']} claims  {row['title'] or ''}")


for _command in CONTINUITY_COMMANDS:
    cli.add_command(_command)


def main():
    """Run the canon command line."""
    cli(prog_name="canon")
