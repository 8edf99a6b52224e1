"""Deterministic synthetic franchises: FACTS JSON Lines (and the N-Quads canon stores
for them) of 1k to 1M distinct claims, for the benchmarks.

    python bench/synth.py --claims 100000 --seed 1 -o out.jsonl [--nquads out.nq]

A franchise is a few works (one per CLAIMS_PER_WORK claims, at least three), each
with seasons of EPISODES episodes (season claims carry the count), a crew
(creators, showrunners, producers, writers, directors, some of them shared across
works) and a continuity link to an earlier work (sequel, prequel or spin-off; a
spin-off is placed after a season of its parent). Its characters each get an actor
(sometimes a recast for the later seasons, sometimes a clashing second actor),
events in story order (deaths, some at another character's hand, departures,
injuries, revelations, returns in every presence mode, resurrections) and
appearances, with a few continuity breaks (a second death, a physical appearance
while dead). The claims are spread over articles of FACTS_PER_ARTICLE facts, and
one claim in ten is read again in a later article.

Everything streams: the generator holds one character's claims and the articles
still waiting for a re-read claim, so 1M claims need no more memory than 10k. The
same size and seed give the same bytes. The N-Quads are what ``canon import
--format facts`` of the JSON Lines file writes (``graph.rdf.mapping.article_quads``
on each article, as ``graph.exchange.import_file`` names it), so that a baseline can
bulk-load the same data.
"""

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.model.facts import (  # noqa: E402
    Appearance,
    Continuity,
    Crew,
    Event,
    Evidence,
    Fact,
    Placement,
    Portrayal,
    Season,
)
from graph.sources import Article  # noqa: E402

SEED = 20261123
EPISODES = 10
FACTS_PER_ARTICLE = 40
CLAIMS_PER_WORK = 25000
REREAD = 0.1
# A re-read claim goes into one of the next REREAD_WINDOW articles: the articles
# still open are all the generator keeps besides one character.
REREAD_WINDOW = 50
SAMPLE = 20
SYLLABLES = ("ka", "lo", "ren", "vi", "dar", "mo", "sel", "tha", "bri", "gor", "na", "ys",
             "el", "tor", "mi")
AWAY = ("hallucination", "flashback", "dream", "vision", "ghost", "voice", "mention")
BODILY = ("physical",)
OTHER_BODIES = ("clone", "alternate")  # present, but not the dead one back in body
CREW = (("creator", 1), ("showrunner", 2), ("producer", 4), ("writer", 8), ("director", 8))
SHARED_CREW = 0.3
LINKS = ("sequel_of", "prequel_of", "spinoff_of")
ACTOR_SHIFT, WORK_SHIFT, CREW_SHIFT = 7, 3, 11
RULE, REREAD_RULE = "synthetic", "synthetic-reread"


def name(index, shift=0):
    """Return a unique name for ``index`` built from syllables: two words below 15**4,
    a third word above (so a million claims never reuse a character's name)."""
    s = [SYLLABLES[(index // 15**k + shift) % 15] for k in range(4)]
    out = f"{(s[0] + s[1]).capitalize()} {(s[2] + s[3] + 'an').capitalize()}"
    high = index // 15**4
    if high:
        out += f" {(SYLLABLES[high % 15] + SYLLABLES[high // 15 % 15] + 'os').capitalize()}"
    return out


def works_of(size, seed=SEED):
    """Return [(work, seasons)] of the franchise of ``size`` claims and ``seed``."""
    rng = random.Random(seed)
    return [(f"Saga {name(i, WORK_SHIFT).split()[0]}", rng.randint(4, 8))
            for i in range(max(3, round(size / CLAIMS_PER_WORK)))]


def _work_claims(rng, works):
    """Yield (claim, quote) pairs of the works: seasons with episode counts, crew,
    continuity links and placements."""
    crew = []
    for index, (work, seasons) in enumerate(works):
        for season in range(1, seasons + 1):
            yield (Season(work, season, EPISODES),
                   f"Season {season} of {work} has {EPISODES} episodes.")
        hired = set()
        for role, count in CREW:
            for _ in range(count):
                if crew and rng.random() < SHARED_CREW:
                    person = rng.choice(crew)
                else:
                    person = name(len(crew), CREW_SHIFT)
                    crew.append(person)
                if (person, role) not in hired:
                    hired.add((person, role))
                    yield Crew(person, role, work), f"{person} is a {role} of {work}."
        if index == 0:
            continue
        parent, parent_seasons = works[rng.randrange(index)]
        relation = rng.choice(LINKS)
        yield (Continuity(work, relation, parent),
               f"{work} is a {relation.replace('_', ' ')} {parent}.")
        if relation == "spinoff_of":
            season = rng.randint(1, parent_seasons)
            yield (Placement(work, after=f"{parent} S{season}"),
                   f"{work} is set after season {season} of {parent}.")


def _episode(rng, episode):
    """Return the episode as an article may write it: sometimes "finale" for the last."""
    return "finale" if episode == EPISODES and rng.random() < 0.5 else episode


def _portrayals(rng, character, actor, work, seasons):
    """Return (claim, quote) pairs: who plays a character, with recasts and clashes."""
    first, last = sorted(rng.sample(range(1, seasons + 1), 2)) if seasons > 1 else (1, 1)
    played = name(actor, ACTOR_SHIFT)
    out = [(Portrayal(played, character, work, tuple(range(first, last + 1))),
            f"{played} plays {character} in {work}.")]
    roll = rng.random()
    if roll < 0.2 and last < seasons:  # a recast for the later seasons
        recast = name(actor + 1, ACTOR_SHIFT)
        out.append((Portrayal(recast, character, work, tuple(range(last + 1, seasons + 1))),
                    f"{recast} takes over as {character}."))
    elif roll < 0.23:  # a clash: a second actor in the same seasons
        clash = name(actor + 2, ACTOR_SHIFT)
        out.append((Portrayal(clash, character, work, (first,)),
                    f"{clash} plays {character} in season {first}."))
    return out


def _event(rng, alive, agents):
    """Return the Event fields (event, mode, agent) of the next event of a life."""
    if alive:
        event = rng.choice(("death", "death", "departure", "return", "injury", "revelation"))
    else:
        event = rng.choice(("return", "return", "return", "resurrection"))
    mode = agent = None
    if event == "return":
        mode = rng.choice(AWAY + OTHER_BODIES) if not alive else rng.choice(("physical", None))
    if event == "death" and rng.random() < 0.5:
        agent = rng.choice(agents)
    return {"event": event, "mode": mode, "agent": agent}


def _life(rng, character, work, seasons, agents):
    """Return (claim, quote) pairs: a character's events and appearances, in story
    order, with a few continuity breaks (a second death, a physical appearance while
    dead)."""
    slots = sorted(rng.sample([(s, e) for s in range(1, seasons + 1)
                               for e in range(1, EPISODES + 1)], rng.randint(2, 7)))
    out, alive, died = [], True, seasons + 1
    for season, episode in slots:
        fields = _event(rng, alive, agents)
        claim = Event(character, work=work, season=season, episode=_episode(rng, episode),
                      **fields)
        out.append((claim, f"{character}: {fields['event']} in season {season} "
                           f"episode {episode}."))
        if fields["event"] == "death":
            alive, died = False, min(died, season)
        elif fields["event"] == "resurrection" or fields["mode"] in BODILY:
            alive = True
    for season in sorted(rng.sample(range(1, seasons + 1), min(seasons, rng.randint(1, 3)))):
        mode = "physical" if season < died else rng.choice(AWAY)
        out.append((Appearance(character, work, season, mode),
                    f"{character} appears ({mode}) in season {season}."))
    if not alive and rng.random() < 0.1:
        season, episode = slots[-1]
        twice = Event(character, "death", work, season, episode + 1 if episode < EPISODES else 1)
        out.append((twice, f"{character} is killed again in season {season}."))
    elif not alive and rng.random() < 0.05 and slots[-1][0] < seasons:
        out.append((Appearance(character, work, seasons, "physical"),
                    f"{character} is seen alive in season {seasons}."))
    return out


def claims(size, seed=SEED):
    """Yield (claim, quote) pairs of about ``size`` distinct claims (the last
    character is finished): the works' claims first, then character after character.
    Claims of different characters always differ, so only one character's claims are
    kept to drop repeats."""
    rng = random.Random(seed)
    works = works_of(size, seed)
    count = 0
    for piece in _work_claims(rng, works):
        count += 1
        yield piece
    index = 0
    while count < size:
        work, seasons = works[index % len(works)]
        character = name(index)
        agents = [name(index - k if index >= k else index + k) for k in range(1, 6)]
        seen = set()
        for claim, quote in (*_portrayals(rng, character, index, work, seasons),
                             *_life(rng, character, work, seasons, agents)):
            if claim not in seen:
                seen.add(claim)
                count += 1
                yield claim, quote
        index += 1


def _facts(doc, pieces):
    """Return (facts, text) of one synthetic article: its text the quotes in order,
    so that every offset points at its quote. A claim read a second time carries the
    rule REREAD_RULE, so that counting claims needs no set of them."""
    facts, text, start = [], [], 0
    for claim, quote, again in pieces:
        facts.append(Fact(claim, Evidence(doc, start, start + len(quote), quote,
                                          rule=REREAD_RULE if again else RULE,
                                          confidence=0.9)))
        text.append(quote)
        start += len(quote) + 1
    return facts, " ".join(text)


def articles(size, seed=SEED):
    """Yield (doc, [Fact]) articles of the franchise, in order; one claim in ten is
    read again in one of the next REREAD_WINDOW articles."""
    rng = random.Random(seed + 1)
    waiting = defaultdict(list)  # article number -> re-read pieces it will hold
    current, number = [], 0
    for claim, quote in claims(size, seed):
        current.append((claim, quote, False))
        if rng.random() < REREAD:
            waiting[number + rng.randint(1, REREAD_WINDOW)].append((claim, quote, True))
        if len(current) >= FACTS_PER_ARTICLE:
            doc = f"synthetic-{number}.txt"
            yield doc, _facts(doc, current + waiting.pop(number, []))[0]
            current, number = [], number + 1
    if current:
        waiting[number] = current + waiting.pop(number, [])
    for number in sorted(waiting):
        doc = f"synthetic-{number}.txt"
        yield doc, _facts(doc, waiting[number])[0]


def synthetic_franchise(size, seed=SEED):
    """Return ([(Article, facts)], {character: (work, seasons)}) of a franchise of
    about ``size`` distinct claims, all in memory (for benchmarks that ingest it)."""
    seasons = dict(works_of(size, seed))
    pairs, homes = [], {}
    for doc, facts in articles(size, seed):
        body = " ".join(fact.evidence.quote for fact in facts)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        pairs.append((Article(doc, doc, "txt", body, 0, digest, title=doc), facts))
        for fact in facts:
            if fact.kind == "portrayal":
                homes[fact.claim.character] = (fact.claim.work, seasons[fact.claim.work])
    return pairs, homes


def imported_doc(doc, facts, facts_name):
    """Return the article record ``canon import`` makes of one doc of a FACTS file
    named ``facts_name``: graph.facts_lines.ImportedDoc and content hash."""
    from graph.facts_lines import ImportedDoc

    lines = json.dumps([f.to_json() for f in facts], sort_keys=True)
    digest = hashlib.sha256(lines.encode("utf-8")).hexdigest()
    return ImportedDoc(doc=doc, content_hash=digest, source=facts_name)


class _Sample:
    """A seeded reservoir of SAMPLE characters (with work and seasons) of a stream."""

    def __init__(self, seed, seasons):
        self.rng, self.seasons = random.Random(seed + 2), seasons
        self.seen, self.kept, self.last = 0, [], None

    def offer(self, claim):
        # A character's portrayals come one after another, the first read first.
        if claim.kind != "portrayal" or claim.character == self.last:
            return
        self.last = claim.character
        row = {"character": claim.character, "work": claim.work,
               "seasons": self.seasons[claim.work]}
        self.seen += 1
        if len(self.kept) < SAMPLE:
            self.kept.append(row)
        elif (slot := self.rng.randrange(self.seen)) < SAMPLE:
            self.kept[slot] = row


def write(size, seed, facts_path, nquads_path=None):
    """Write the franchise of ``size`` claims and ``seed`` as FACTS JSON Lines to
    ``facts_path`` (and its quads as N-Quads to ``nquads_path``), each through a
    temporary file renamed at the end; return a summary dict: claims, facts,
    articles, characters, quads (None without N-Quads), works and ``sample`` (a
    seeded choice of characters with their work and seasons)."""
    facts_path = Path(facts_path)
    works = works_of(size, seed)
    sample = _Sample(seed, dict(works))
    counts = {"claims": 0, "facts": 0, "articles": 0, "characters": 0, "quads": None}
    with _Atomic(facts_path, "w") as lines, _Atomic(nquads_path, "wb") as quads_out:
        quads = _quad_writer(quads_out, facts_path.name) if quads_out else None
        for doc, facts in articles(size, seed):
            counts["articles"] += 1
            for fact in facts:
                lines.write(json.dumps(fact.to_json(), ensure_ascii=False) + "\n")
                counts["facts"] += 1
                if fact.evidence.rule == RULE:
                    counts["claims"] += 1
                    sample.offer(fact.claim)
            if quads:
                quads(doc, facts)
        if quads:
            counts["quads"] = quads.count
    counts["characters"] = sample.seen
    return {**counts, "works": [{"work": w, "seasons": s} for w, s in works],
            "sample": sample.kept}


def _quad_writer(out, facts_name):
    """Return a function writing one article's quads to ``out`` as N-Quads; it counts
    them in its ``count`` attribute."""
    import pyoxigraph as ox

    from graph.rdf.mapping import article_quads

    def write_article(doc, facts):
        # The import re-reads each fact from its JSON line: hash what it will see.
        quads = article_quads(imported_doc(doc, facts, facts_name), facts)
        ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
        write_article.count += len(quads)

    write_article.count = 0
    return write_article


class _Atomic:
    """A file written under a temporary name beside ``path`` and renamed into place
    only when the block ends without an error; None for no path."""

    def __init__(self, path, mode):
        self.path, self.mode, self.file = (Path(path) if path else None), mode, None

    def __enter__(self):
        if self.path is None:
            return None
        handle, self.temporary = tempfile.mkstemp(dir=self.path.parent or ".",
                                                  prefix=f".{self.path.name}.")
        self.file = os.fdopen(handle, self.mode, **({} if "b" in self.mode
                                                   else {"encoding": "utf-8"}))
        return self.file

    def __exit__(self, kind, *_):
        if self.file is None:
            return
        self.file.close()
        if kind is None:
            umask = os.umask(0)
            os.umask(umask)
            # mkstemp makes the file private; the output is an ordinary file.
            os.chmod(self.temporary, 0o666 & ~umask)
            os.replace(self.temporary, self.path)
        else:
            os.unlink(self.temporary)


def main(argv=None):
    """Write a synthetic franchise as the command line asks; print its summary as
    JSON; exit 1 with one line when a file cannot be written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10000, help="distinct claims (about)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("-o", "--output", required=True, type=Path,
                        help="FACTS JSON Lines file to write")
    parser.add_argument("--nquads", type=Path,
                        help="also write the quads canon stores for it, as N-Quads")
    args = parser.parse_args(argv)
    if args.claims < 1:
        parser.error("--claims must be at least 1")
    try:
        summary = write(args.claims, args.seed, args.output, args.nquads)
    except OSError as exc:
        print(f"synth: error: cannot write {exc.filename or args.output}: {exc.strerror}",
              file=sys.stderr)
        return 1
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
