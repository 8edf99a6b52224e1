"""The continuity commands of ``canon``: status, timeline, who-plays, roles, cast,
check and ask. The commands about one character, actor or work read only that
entity's claims and those that order story time; check reads the store a batch of
characters at a time, and ask what the form of its question needs.
Each applies the spoiler cut and prints sentences with their sources, or JSON."""

import json
import sys

import click

from graph.cli_options import json_option, one_line, store_option, until_option
from graph.store import open_store


def _story_about(store, until, **names):
    """Return the Story of what one answer about ``names`` needs (see
    ``graph.continuity.scope.story_about``), read without loading the store."""
    from graph.continuity.scope import story_about

    with open_store(store, create=False, read_only=True) as db:
        return story_about(db, until=until, **names)


def _echo_json(value):
    click.echo(json.dumps(value, ensure_ascii=False, indent=1))


def _seasons(seasons):
    if not seasons:
        return "seasons not stated"
    if len(seasons) > 2 and list(seasons) == list(range(seasons[0], seasons[-1] + 1)):
        return f"seasons {seasons[0]}-{seasons[-1]}"
    return ("season " if len(seasons) == 1 else "seasons ") + ", ".join(map(str, seasons))


def _sources(sourced, indent="    ", shown=None):
    """Print each quote of ``sourced`` on its own line, skipping the spans already in
    ``shown`` (a set it adds to): two claims read in one sentence share a quote."""
    for ev in sourced.evidence:
        if shown is not None:
            if (ev.doc, ev.start, ev.end) in shown:
                continue
            shown.add((ev.doc, ev.start, ev.end))
        click.echo(f"{indent}\u201c{one_line(ev.quote)}\u201d ({ev.doc}:{ev.start}-{ev.end})")


@click.command()
@click.argument("character")
@click.option("--at", "at", required=True, metavar="STORY-TIME",
              help='The point of story time: "Jessica Jones S2E1".')
@until_option
@json_option
@store_option
def status(character, at, until, as_json, store):
    """Say whether a character is alive or dead at a point of story time, how they
    are present there, and which claims say so.

    Example: canon status Kilgrave --at "Jessica Jones S2E1"
    """
    from graph.continuity.status import status_at

    story = _story_about(store, until, characters=[character], times=[at])
    found = status_at(story, character, at)
    if as_json:
        _echo_json(found.to_json())
        return
    click.echo(found.sentence())
    for sourced in found.evidence:
        click.echo(f"  {sourced.claim.event} in {story.position_of(sourced)}")
        _sources(sourced)


@click.command()
@click.argument("character")
@until_option
@json_option
@store_option
def timeline(character, until, as_json, store):
    """List what happens to a character in story order, each with its quotes.

    Example: canon timeline Kilgrave
    """
    from graph.continuity.timeline import timeline as steps_of

    name, steps = steps_of(_story_about(store, until, characters=[character]), character)
    if as_json:
        _echo_json({"character": name, "steps": [step.to_json() for step in steps]})
        return
    click.echo(f"{name}: {len(steps)} events")
    for step in steps:
        click.echo(f"  {step.label()}")
        _sources(step.sourced)


@click.command(name="who-plays")
@click.argument("character")
@until_option
@json_option
@store_option
def who_plays(character, until, as_json, store):
    """List the actors of a character by season, recasts marked.

    Example: canon who-plays "Den Watts"
    """
    from graph.continuity.casting import who_plays as castings

    rows = castings(_story_about(store, until, characters=[character]), character)
    if as_json:
        _echo_json([row.to_json() for row in rows])
        return
    for work, seasons, actors, recast, sources in _runs(rows):
        mark = "  (recast)" if recast else ""
        click.echo(f"{work or 'work not stated'}, {_seasons(seasons)}: "
                   f"{', '.join(actors)}{mark}")
        for sourced in dict.fromkeys(sources):
            _sources(sourced)


def _runs(rows):
    """Return who-plays rows joined into runs of seasons with the same actors:
    (work, seasons, actors, recast, sources)."""
    runs = []
    for row in rows:
        last = runs[-1] if runs else None
        if (last and last[0] == row.work and last[2] == row.actors and not row.recast
                and row.season and last[1] and last[1][-1] + 1 == row.season):
            last[1].append(row.season)
            last[4].extend(row.sources)
            continue
        runs.append([row.work, [row.season] if row.season else [], row.actors, row.recast,
                     list(row.sources)])
    return runs


@click.command()
@click.argument("actor")
@until_option
@json_option
@store_option
def roles(actor, until, as_json, store):
    """List the characters an actor plays, by work and season.

    Example: canon roles "David Tennant"
    """
    from graph.continuity.casting import roles as roles_of

    rows = roles_of(_story_about(store, until, actors=[actor]), actor)
    if as_json:
        _echo_json([row.to_json() for row in rows])
        return
    for row in rows:
        click.echo(f"{row.character} in {row.work}, {_seasons(row.seasons)}")
        for sourced in row.sources:
            _sources(sourced)


@click.command()
@click.argument("work")
@click.option("--season", type=click.IntRange(min=1), help="Only this season's cast.")
@until_option
@json_option
@store_option
def cast(work, season, until, as_json, store):
    """List the cast of a work (or one season): actor, character, seasons.

    Example: canon cast "Jessica Jones" --season 2
    """
    from graph.continuity.casting import cast as cast_of

    rows = cast_of(_story_about(store, until, works=[work]), work, season=season)
    if as_json:
        _echo_json([row.to_json() for row in rows])
        return
    for row in rows:
        click.echo(f"{row.actor} as {row.character}, {_seasons(row.seasons)}")


@click.command()
@click.option("--work", metavar="WORK", help="Only findings about this work.")
@until_option
@json_option
@store_option
def check(work, until, as_json, store):
    """Find what breaks continuity: each finding with its rule, severity and the
    claims that raise it. Exits with status 1 when a finding is an error.

    Example: canon check --work "Jessica Jones"
    """
    from graph.continuity.sweep import check_store

    with open_store(store, create=False, read_only=True) as db:
        findings = check_store(db, work=work, until=until)
    if as_json:
        _echo_json([finding.to_json() for finding in findings])
    else:
        for finding in findings:
            click.echo(f"{finding.severity:<8} {finding.rule:<28} {finding.message}")
            shown = set()
            # A conflict prints each side under what it says, as the web page's columns.
            for side in finding.sides:
                click.echo(f"         {side.label}:")
                for sourced in side.claims:
                    _sources(sourced, indent="           ", shown=shown)
            for sourced in () if finding.sides else finding.claims:
                _sources(sourced, indent="         ", shown=shown)
        counts = {}
        for finding in findings:
            counts[finding.severity] = counts.get(finding.severity, 0) + 1
        summary = ", ".join(f"{n} {severity}" for severity, n in sorted(counts.items()))
        click.echo(f"findings: {summary or 'none'}", err=True)
    if any(finding.severity == "error" for finding in findings):
        sys.exit(1)


@click.command()
@click.argument("question")
@until_option
@json_option
@store_option
def ask(question, until, as_json, store):
    """Answer a plain-English continuity question, with its sources.

    Any phrasing of: is X alive (at a time), what happened to X, how does X come
    back, who plays X (when), what did ACTOR play, who killed X, when did X die, who
    died in WORK (season), which dead characters return, who made WORK, which
    seasons is X in, what breaks continuity, where do the sources disagree. A
    question it cannot read suggests the closest ones (exit status 2).

    Example: canon ask "is Kilgrave alive at the end of season 1?"
    """
    from graph.continuity.ask_store import answer_from_store

    with open_store(store, create=False, read_only=True) as db:
        found = answer_from_store(db, question, until=until)
    if as_json:
        _echo_json(found.to_json())
        return
    click.echo(found.text)
    for sourced in found.sources:
        _sources(sourced, indent="  ")
    if found.suggestions and not found.text.startswith("I cannot read"):
        click.echo("Did you mean: " + " / ".join(found.suggestions))
    if found.form is None:
        sys.exit(2)


CONTINUITY_COMMANDS = (status, timeline, who_plays, roles, cast, check, ask)
