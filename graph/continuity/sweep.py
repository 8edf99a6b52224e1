"""Continuity checks over a whole store, read a batch of characters at a time.

A Story of the whole store holds every claim in memory at once and takes longer to
read than to check (46 s to read 100k claims, 4 s to check them). Here the store
is read in parts: the claims that order story time once, then the claims of a
batch of characters at a time, each batch in a Story with those claims, every work
the store's claims name and every season it shows, so that it orders and cuts
story time as the whole store's Story does. The rules about characters
(``CHARACTER_RULES``) run on each batch and the rules about story order
(``FRAME_RULES``) once, which gives the findings ``run_checks`` gives on the whole
Story.

Only characters some rule could say something about are read: those with a death,
resurrection or recast, those given more than one actor, and those placed past the
last season or episode a season claim gives their work. Characters whose names fold
alike are read in one batch, since the rules group claims by folded name. Memory
grows with a batch, the names of the store's entities and the findings, not with
the store.
"""

from collections import defaultdict

from graph.continuity.checks import CHARACTER_RULES, FRAME_RULES, sorted_findings
from graph.continuity.scope import claim_works
from graph.continuity.story import Story, fold_name
from graph.model.storytime import work_key

# Characters read per query: larger batches cost more per character on Oxigraph.
BATCH = 400
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


def _batches(chosen, characters, size):
    """Yield lists of character IRIs, about ``size`` each, holding every IRI whose
    name folds like a chosen one's together; ``characters`` maps IRIs to names."""
    by_fold = defaultdict(list)
    for iri, name in characters.items():
        by_fold[fold_name(name)].append(iri)
    batch = []
    for fold in sorted({fold_name(characters[iri]) for iri in chosen if iri in characters}):
        batch.extend(sorted(by_fold[fold]))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def check_store(store, work=None, until=None, batch=BATCH):
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
    docs = store.article_docs()
    for iris in _batches(_to_check(store, frame, works, seasons), characters, batch):
        part = story(frame_facts + store.facts_of_characters(iris, labels, docs))
        findings.extend(finding for rule in CHARACTER_RULES for finding in rule(part))
    return sorted_findings(frame, findings, work)
