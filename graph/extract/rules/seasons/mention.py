"""Season rules: which seasons a work has.

- ``season.mention``: any season mention whose work is known ("Jessica Jones
  Season Two", "the sophomore season" of an article about one work, "the
  season 1 finale"); a mention with no season number ("the final season", "the
  finale") makes no fact.
"""

from graph.extract.registry import rule
from graph.model.facts import Season


@rule("season.mention")
def season_mention(ctx):
    """Yield a Season fact for every season mention with a work."""
    for mention in ctx.season_mentions:
        work = mention.work or ctx.default_work
        if work is None or not mention.season:
            continue
        yield ctx.fact(Season(work=work, season=mention.season), mention.start_char,
                       mention.end_char, "season.mention", 0.9 if mention.work else 0.75)
