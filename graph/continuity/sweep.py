"""Continuity checks over a whole store, read an article at a time.

A Story of the whole store holds every claim in memory at once and takes longer to
read than to check (46 s to read 100k claims, 4 s to check them). Here the claims
that order story time are read once; then every article's graph is read alone (a
range of the store's graph index: no join, which Oxigraph answers for many bound
characters by scanning the property, 9 s a query at 1M claims) and the facts about
characters some rule could say something about are sorted by character, spilling
to disk past a bound (``graph.continuity.spill``). Each batch of characters becomes
a Story with those facts, every work the store's claims name and every season it
shows, so that it orders and cuts story time as the whole store's Story does. The
rules about characters (``CHARACTER_RULES``) run on each batch and the rules about
story order (``FRAME_RULES``) once, which gives the findings ``run_checks`` gives on
the whole Story.

The characters checked are those with a death, resurrection or recast, those given
more than one actor, and those placed past the last season or episode a season
claim gives their work; characters whose names fold alike are checked together,
since the rules group claims by folded name. Memory grows with a batch, the names
of the store's entities and the findings, not with the store.
"""

from operator import itemgetter

from graph.continuity.checks import CHARACTER_RULES, FRAME_RULES, sorted_findings
from graph.continuity.scope import claim_works
from graph.continuity.spill import sorted_spilling
from graph.continuity.story import Story, fold_name
from graph.model.storytime import work_key
from graph.rdf.mapping import fact_order

# Characters checked together: a batch's Story holds the frame's claims again.
BATCH = 2_000
# Facts held in memory while they are sorted by character; more go to disk.
SPILL = 200_000
# The events without which no rule about one character's life finds anything.
LIFE_EVENTS = ("death", "resurrection", "recast")


def _limits(frame):
    """Return ({work key: highest season}, {(work key, season): fewest episodes})
    that the season claims of ``frame`` give."""
    highest, counts = {}, {}
    for sourced in frame.of_kind("season"):
        claim = sourced.claim
        key = work_key(claim.work)
        highest[key] = max(highest.get(key, claim.season), claim.season)
        if claim.episodes:
            place = (key, claim.season)
            counts[place] = min(counts.get(place, claim.episodes), claim.episodes)
    return highest, counts


def _to_check(store, frame, works, seasons):
    """Return the IRIs of the characters some rule may find something about:
    ``works`` maps the IRIs of the works claims name to their names, ``seasons``
    their names to the seasons the store shows. Claims past a work's last season or
    a season's last episode are looked for only where the store shows such a
    season or episode: looking costs a scan of the work's claims."""
    chosen = store.characters_with_events(LIFE_EVENTS) | store.characters_with_actors()
    highest, counts = _limits(frame)
    for iri, name in works.items():
        key = work_key(name)
        if key in highest and max(seasons.get(name, [0])) > highest[key]:
            chosen |= store.characters_past(iri, highest[key])
        for (counted, season), episodes in counts.items():
            last = store.last_episode(name, season) if counted == key else None
            if last is not None and last > episodes:
                chosen |= store.characters_past(iri, season, episodes)
    return chosen


def _chosen_facts(store, folds, labels):
    """Yield (folded name, Fact) for every fact whose character's name folds as one
    of ``folds``, reading the store an article at a time."""
    for doc, _title, _published in store.article_index():
        for fact in store.facts_of_article(doc, labels):
            fold = fold_name(getattr(fact.claim, "character", None))
            if fold in folds:
                yield fold, fact


def _batches(chosen_facts, size, spill):
    """Yield lists of Facts, those of about ``size`` folded names each, every fact of
    one name in one list, from (folded name, Fact) pairs in any order; at most
    ``spill`` pairs are held in memory."""
    batch, names, last = [], 0, None
    for fold, fact in sorted_spilling(chosen_facts, itemgetter(0), spill):
        if fold != last:
            if names >= size:
                yield batch
                batch, names = [], 0
            names, last = names + 1, fold
        batch.append(fact)
    if batch:
        yield batch


def check_store(store, work=None, until=None, batch=BATCH, spill=SPILL):
    """Return the findings of every continuity rule over the whole store, cut at
    ``until``, sorted as ``run_checks`` sorts them; ``work`` keeps those with a claim
    of that work. Raises as ``Story`` does for a cut that names no known point."""
    labels = {}
    for kind in ("character", "person", "work"):
        labels.update(store.entity_labels(kind))
    works = claim_works(store)
    seasons = {labels[iri]: numbers for iri, numbers in store.all_seasons().items()
               if iri in labels}
    frame_facts = store.frame_facts()

    def story(facts):
        return Story(facts, until=until, works=list(works.values()), seasons=seasons)

    frame = story(frame_facts)
    findings = [finding for rule in FRAME_RULES for finding in rule(frame)]
    characters = store.entity_labels("character")
    folds = {fold_name(characters[iri])
             for iri in _to_check(store, frame, works, seasons) if iri in characters}
    for part in _batches(_chosen_facts(store, folds, labels), batch, spill):
        story_part = story(frame_facts + sorted(part, key=fact_order))
        findings.extend(finding for rule in CHARACTER_RULES for finding in rule(story_part))
    return sorted_findings(frame, findings, work)
