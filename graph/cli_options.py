"""Options that several ``canon`` commands share."""

import click

STORE_HELP = "Store: a folder (default ./canon-data) or memory:. Also read from $CANON_STORE."
UNTIL_HELP = 'Spoiler cut: hide every claim after this point ("Jessica Jones S2E3").'


def store_option(func):
    """Return ``func`` with the --store option every store command takes."""
    return click.option("--store", "store", envvar="CANON_STORE", metavar="LOCATION",
                        help=STORE_HELP)(func)


def until_option(func):
    """Return ``func`` with the --until spoiler cut every continuity query takes."""
    return click.option("--until", metavar="STORY-TIME", help=UNTIL_HELP)(func)


def json_option(func):
    """Return ``func`` with a --json flag."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON.")(func)


def one_line(text):
    """Return text with each run of whitespace, newlines included, as one space: a
    quote from a franchise file spans lines, and console output keeps one per line."""
    return " ".join(text.split())
