"""Season rules: which seasons a work has.

- ``season.mention``: every season a mention names, of the show it belongs to
  (``owner.season_work``): "Night Harbour Season Two", "seasons 5, 7 and 8", "series
  2 to 6", "its sixth and final season", "the show's 10th season", "S3", a heading
  "## Season 2". A mention with no season number ("the final season", "the
  finale"), or whose season is a person's, a team's or a venue's (a sentence of
  sport, where the owner is not written as a title), makes no fact;
  nor does a season the text says is not made, or only may be ("was not renewed
  for a third season", "could return for a fifth season": ``made``).
"""

from graph.extract.mentions.season_owners import sports_sentence
from graph.extract.registry import rule
from graph.extract.rules.seasons.made import season_unmade
from graph.extract.rules.seasons.owner import season_work
from graph.model.facts import Season

NAMED = 0.9
INFERRED = 0.75


@rule("season.mention")
def season_mention(ctx):
    """Yield a Season fact for every season a mention names, when its show is known."""
    for mention in ctx.season_mentions:
        span = ctx.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is None:
            continue
        work = season_work(ctx, mention, span.start, span.end)
        if work is None or season_unmade(ctx, span.start, span.end) \
                or sports_sentence(ctx, span.start, work):
            continue
        for season in mention.seasons:
            yield ctx.fact(Season(work=work, season=season), mention.start_char,
                           mention.end_char, "season.mention",
                           NAMED if mention.work else INFERRED)
