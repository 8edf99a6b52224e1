"""The story time of an event: the story-time phrase of its own clause, else the
article's.

``storytime.story_time_source`` gives the story-time phrase nearest an event in its
sentence. A phrase that belongs to another clause is not the event's:

- one past a contrast ("Kilgrave dies here, but the actor would reprise the role in
  season 2");
- one inside a relative clause the event is not in ("Ada, who was killed in the
  first series, returns as a ghost": the return is not in the first series).

The event's time is read among the phrases of its own clause; when every phrase of
the sentence is another clause's, the event takes the article's own time (section
heading, front matter).
"""

from graph.extract.mentions.storytime import front_matter_time, story_time_source

# Words that part a clause's story time from another's.
CONTRASTS = frozenset({"but", ";", "although", "though", "whereas", "yet"})
# Dependencies that open a clause describing a noun.
RELATIVE_DEPS = frozenset({"relcl", "acl"})
# How far up the parse a clause head is looked for.
MAX_CLIMB = 12


def _relative_head(tokens, j):
    """Return the head of the relative clause holding token ``j``, or None."""
    for _ in range(MAX_CLIMB):
        if tokens.dep[j] in RELATIVE_DEPS:
            return j
        head = tokens.head[j]
        if head == j:
            return None
        j = head
    return None


def _other_clause(tokens, j, verb):
    """Return True when the story-time phrase at token ``j`` belongs to another clause
    than the event at ``verb``: past a contrast, or in a relative clause the event
    is not in."""
    low, high = min(j, verb), max(j, verb)
    if any(tokens.lower[k] in CONTRASTS for k in range(low, high)):
        return True
    clause = _relative_head(tokens, j)
    # the event's verb is in that clause: it, or one of the MAX_CLIMB - 1 heads above it
    return clause is not None and not tokens.hangs_from(verb, clause, MAX_CLIMB - 1)


def story_time(ctx, verb):
    """Return story_time_source of the event at ``verb`` (work, season, episode,
    from the sentence), read from the story-time phrases of the event's own clause:
    the article's own time when every phrase of the sentence belongs to another."""
    time = story_time_source(ctx, verb)
    if not time[3]:
        return time
    tokens = ctx.tokens
    start, end = tokens.sent_start[verb], tokens.sent_end[verb]
    own, foreign = [], False
    for j in range(start, end):
        if tokens.ent_type[j] != "STORYTIME":
            continue
        if _other_clause(tokens, j, verb):
            foreign = True
        else:
            own.append(j)
    if not own:
        return (*front_matter_time(ctx), False)
    if not foreign:
        return time
    # the phrase nearest the event among its own clause's: the time read at it
    nearest = min(own, key=lambda j: abs(j - verb))
    return story_time_source(ctx, nearest)
