"""Deaths retold: the synopsis of a later episode that tells again a death (or a
resurrection) that the synopsis of an earlier episode of the same work already
told tells no new event. "Ned's execution" recalled in the next episode is a
memory, and its story time is the episode that first told it.

Only articles whose front matter names a season and an episode are placed in
story order; a death told again after a resurrection told between the two is a
second death ("dies, is raised, dies again"), and two synopses of the same
episode never retell each other.
"""

from collections import defaultdict

# The events a character lives through once until the other one undoes it.
RETOLD_EVENTS = frozenset({"death", "resurrection"})


def _episode_time(article):
    """Return (season, episode) of a synopsis of one episode, or None."""
    if isinstance(article.season, int) and isinstance(article.episode, int):
        return article.season, article.episode
    return None


def first_tellings(articles, fact_lists):
    """Return the fact lists (one per article, in the order of ``articles``) less
    every death or resurrection of a character that an earlier episode's synopsis
    of the same work told last."""
    timeline = defaultdict(list)  # (work, character) -> [(time, article index, event)]
    for index, (article, facts) in enumerate(zip(articles, fact_lists, strict=True)):
        time = _episode_time(article)
        if time is None:
            continue
        for fact in facts:
            if fact.kind == "event" and fact.claim.event in RETOLD_EVENTS:
                key = (fact.claim.work, fact.claim.character)
                timeline[key].append((time, index, fact.claim.event))
    retold = set()
    for key, told in timeline.items():
        told.sort()
        last = None  # (time, event) of the telling that stands
        for time, index, event in told:
            if last is not None and last[1] == event and last[0] < time:
                retold.add((index, key, event))
            else:
                last = (time, event)
    if not retold:
        return fact_lists
    return [[fact for fact in facts
             if not (fact.kind == "event"
                     and (index, (fact.claim.work, fact.claim.character), fact.claim.event)
                     in retold)]
            for index, facts in enumerate(fact_lists)]
