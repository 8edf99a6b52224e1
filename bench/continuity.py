"""Benchmark: continuity answers against Game of Thrones checkpoints, and their speed
on synthetic franchises, each beside a baseline measured in the same run.

    .venv/bin/python bench/continuity.py [--sizes 1000,10000,100000] [--no-got]

Agreement: extracts and ingests ../shared's Game of Thrones synopses into a
temporary on-disk store, asks ``state_or_unknown`` for every checkpoint of
status.jsonl, and prints the share that agrees on dead against not dead beside
the everyone-alive baseline, the characters it gets wrong and why, and whether
``canon status --json`` says the same as the library for a few characters.

Speed: builds deterministic synthetic franchises of the given claim counts
(works, seasons, portrayals and recasts, deaths, returns in every mode,
resurrections, and some conflicts), ingests each into a temporary on-disk store,
and times load_story, status_at, timeline and run_checks beside a naive scan of
the plain fact list that does the same work without the Story.
"""

import argparse
import json
import math
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.synth import BODILY, EPISODES, SEED, synthetic_franchise  # noqa: E402
from graph.continuity.checks import run_checks  # noqa: E402
from graph.continuity.status import state_or_unknown, status_at  # noqa: E402
from graph.continuity.story import Story, load_story  # noqa: E402
from graph.continuity.timeline import timeline  # noqa: E402
from graph.errors import CanonError  # noqa: E402
from graph.extract.pipeline import extract_articles  # noqa: E402
from graph.model.storytime import Position  # noqa: E402
from graph.sources import find_articles, read_article  # noqa: E402
from graph.store import open_store  # noqa: E402

GOT = ROOT.parent / "shared" / "realdata" / "got"
GOT_WORK = "Game of Thrones"
CLI_SAMPLE = 3
SIZES = (1000, 10000, 100000)
STATUS_QUERIES = 200
TIMELINE_QUERIES = 100


def _timed(func):
    """Return (what ``func`` returns, seconds it took)."""
    start = time.perf_counter()
    value = func()
    return value, time.perf_counter() - start


def _median_time(calls):
    """Return (median seconds of calling each of ``calls`` once, what each returned)."""
    timed = [_timed(call) for call in calls]
    return statistics.median(t for _, t in timed), [value for value, _ in timed]


def _peak_rss_mb():
    """Return the process's peak resident memory so far, in MB (Linux counts kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _traced_peak_mb(func):
    """Return the peak Python heap, in MB, that calling ``func`` allocates."""
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


# --- Game of Thrones agreement -------------------------------------------------------


def _checkpoints():
    """Return the rows of status.jsonl, in file order."""
    with open(GOT / "status.jsonl", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _position(row):
    return Position(row["work"], row["season"], row["episode"])


def _ingest_got(location):
    """Return the Story of the synopses, extracted and ingested into ``location``."""
    articles = [read_article(p) for p in find_articles([GOT / "articles"])]
    extracted = extract_articles(articles)
    with open_store(location) as store:
        store.ingest(zip(articles, extracted, strict=True))
        story = load_story(store)
    facts = sum(len(f) for f in extracted)
    print(f"  {len(articles)} articles, {facts} facts extracted, {len(story.claims)} claims "
          f"in the story, {len(story.characters())} characters")
    return story


def _why(story, character, at):
    """Return a short reason for the story's answer about one character at one point:
    the name it was read as, then the death claim behind it or the lack of one."""
    try:
        found = status_at(story, character, at)
    except CanonError as exc:
        return str(exc)
    name = "" if found.character == character else f"read as {found.character!r}; "
    if found.state == "dead":
        quote = found.since.evidence[0].quote
        return (f"{name}death at {story.position_of(found.since)} "
                f"({found.since.evidence[0].doc}: \u201c{quote[:60]}\u201d)")
    deaths = [s for s in story.events(found.character) if s.claim.event == "death"]
    if not deaths:
        return f"{name}no death claim"
    places = sorted({str(story.position_of(s) or "no story time") for s in deaths})
    return f"{name}death only at {', '.join(places)}"


def _agreement(story, rows):
    """Print agreement on dead against not dead, beside the everyone-alive baseline;
    return the rows the story gets wrong, with its answers."""
    answers = Counter()
    wrong = []
    for row in rows:
        ours = state_or_unknown(story, row["character"], _position(row))
        answers[ours] += 1
        if (ours == "dead") != (row["state"] == "dead"):
            wrong.append((row, ours))
    baseline = sum(row["state"] != "dead" for row in rows)
    print(f"  checkpoints: {len(rows)} ({sum(r['state'] == 'dead' for r in rows)} dead), "
          f"characters: {len({r['character'] for r in rows})}")
    print("  canon answers: " + ", ".join(f"{k} {v}" for k, v in sorted(answers.items())))
    print(f"  agreement, dead vs not dead: canon {1 - len(wrong) / len(rows):.1%}   "
          f"everyone-alive baseline {baseline / len(rows):.1%}")
    return wrong


def _disagreements(story, rows, wrong):
    """Print one line per character the story gets wrong: how often, where first, why."""
    per_character = Counter(r["character"] for r in rows)
    first = {}
    for row, ours in wrong:
        first.setdefault(row["character"], (row, ours))
    counts = Counter(row["character"] for row, _ in wrong)
    print(f"  disagreements by character ({len(counts)} of {len(per_character)}):")
    print(f"    {'character':<24}{'wrong':>9}  {'first wrong':<8}{'gold':>6}{'canon':>9}  why")
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        row, ours = first[name]
        at = f"S{row['season']}E{row['episode']}"
        print(f"    {name:<24}{count:>4}/{per_character[name]:<4}  {at:<8}{row['state']:>6}"
              f"{ours:>9}  {_why(story, name, _position(row))}")


def _canon_command():
    """Return the argv that runs the canon command of this interpreter's environment."""
    script = Path(sys.executable).with_name("canon")
    return [str(script)] if script.exists() else [sys.executable, "-m", "graph"]


def _cli_state(location, character, at):
    """Return the state ``canon status --json`` prints ("unknown" when it exits 1 with
    an unknown-character error), or its error line."""
    done = subprocess.run([*_canon_command(), "status", character, "--at", at, "--json",
                           "--store", location], capture_output=True, text=True, cwd=ROOT)
    if done.returncode == 0:
        return json.loads(done.stdout)["state"]
    error = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "no output"
    return "unknown" if "no character named" in error else f"error: {error}"


def _cli_sample(story, location, rows):
    """Print how many of a few characters ``canon status`` answers as the library does."""
    names = list(dict.fromkeys(r["character"] for r in rows))[:CLI_SAMPLE]
    at = f"{GOT_WORK} S1E1"
    matches = 0
    for name in names:
        library = state_or_unknown(story, name, Position(GOT_WORK, 1, 1))
        cli = _cli_state(location, name, at)
        matches += cli == library
        print(f"    {name:<24} library {library:<8} cli {cli}")
    print(f"  canon status --json agrees with the library on {matches}/{len(names)} "
          f"characters at {at}")


def got_agreement():
    """Print the Game of Thrones agreement figures, or why they are skipped."""
    print("Game of Thrones agreement")
    if not (GOT / "status.jsonl").is_file() or not (GOT / "articles").is_dir():
        print(f"  skipped: {GOT} has no status.jsonl and articles/ (the evaluation data lives"
              " in ../shared next to the repository)")
        return
    rows = _checkpoints()
    with tempfile.TemporaryDirectory() as folder:
        location = str(Path(folder) / "store")
        try:
            story = _ingest_got(location)
        except CanonError as exc:
            print(f"  skipped: loading the story failed: {type(exc).__name__}: {exc}")
            return
        wrong = _agreement(story, rows)
        _disagreements(story, rows, wrong)
        _cli_sample(story, location, rows)


# --- naive baselines: the plain fact list, scanned per query ------------------------


def _naive_key(season, episode):
    # As the Chronology reads them: a season-long claim from its start, "finale" the
    # last episode (every synthetic season claim gives the count, EPISODES).
    return (season or 0, {None: 0, "premiere": 1, "finale": EPISODES}.get(episode, episode))


def _naive_events(facts, character, kinds=("event",)):
    """Return the distinct claims of some kinds about a character, in story order."""
    key = character.casefold()
    found = {}
    for fact in facts:
        claim = fact.claim
        if fact.kind in kinds and claim.character.casefold() == key:
            found.setdefault(claim, (fact.evidence.doc, fact.evidence.start))
    return sorted(found, key=lambda c: (_naive_key(c.season, getattr(c, "episode", None)),
                                        found[c]))


def naive_state(facts, character, at):
    """Return "alive" or "dead" by scanning every fact, as status_at's rules read."""
    state = "alive"
    limit = _naive_key(at.season, at.episode)
    for claim in _naive_events(facts, character):
        if claim.work != at.work or _naive_key(claim.season, claim.episode) > limit:
            continue
        if claim.event == "death":
            state = "dead"
        elif claim.event in ("resurrection", "birth") or claim.mode in BODILY:
            state = "alive"
    return state


def naive_timeline(facts, character):
    """Return a character's events and appearances in story order, by a full scan."""
    return _naive_events(facts, character, kinds=("event", "appearance"))


def naive_checks(facts):
    """Return (character, claim) pairs that break continuity in one grouped pass: a
    death or a physical presence while dead."""
    lives = defaultdict(dict)
    for fact in facts:
        if fact.kind in ("event", "appearance"):
            lives[fact.claim.character].setdefault(fact.claim, fact.evidence.doc)
    found = []
    for character, claims in lives.items():
        dead = False
        for claim in sorted(claims, key=lambda c: _naive_key(c.season,
                                                             getattr(c, "episode", None))):
            event = getattr(claim, "event", None)
            if dead and (event == "death" or event is None and claim.mode == "physical"):
                found.append((character, claim))
            dead = (event == "death") or (dead and event != "resurrection"
                                          and claim.mode not in BODILY)
    return found


# --- speed --------------------------------------------------------------------------


def _queries(rng, homes, count):
    """Return ``count`` random (character, Position) pairs in each character's work."""
    names = sorted(homes)
    out = []
    for _ in range(count):
        name = rng.choice(names)
        work, seasons = homes[name]
        out.append((name, Position(work, rng.randint(1, seasons), rng.randint(1, EPISODES))))
    return out


def _ratio(ours, theirs):
    """Return theirs / ours as text, "1/N" when canon is over ten times slower."""
    ratio = theirs / ours if ours else math.inf
    return f"1/{1 / ratio:.0f}" if ratio < 0.1 else f"{ratio:.2f}"


def _row(what, ours, theirs, unit="ms"):
    scale = 1000 if unit == "ms" else 1
    print(f"    {what:<36}{ours * scale:10.2f} {unit:<3}{theirs * scale:10.2f} {unit:<3}"
          f"{_ratio(ours, theirs):>9}")


class Budget:
    """Which slow measurements to run at a size: one whose time, projected from the
    last size measured as growing with the square of the size, exceeds ``seconds``
    is skipped (quadratic, since the slowest ones were so when this bench was made)."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.last = {}  # measurement -> (size, seconds)

    def projected(self, what, size):
        """Return the projected seconds of ``what`` at ``size``, or 0.0 when unknown."""
        if what not in self.last:
            return 0.0
        before, seconds = self.last[what]
        return seconds * (size / before) ** 2

    def allows(self, what, size):
        """Return True when ``what`` at ``size`` is projected to fit the budget."""
        return self.projected(what, size) <= self.seconds

    def record(self, what, size, seconds):
        """Remember the time ``what`` took at ``size``; return the seconds."""
        self.last[what] = (size, seconds)
        return seconds


def _skipped(budget, what, size):
    projected = budget.projected(what, size)
    return (f"skipped: projected {projected:.0f} s (square of the size from "
            f"{budget.last[what][0]} claims) is over the {budget.seconds:.0f} s budget; "
            f"--budget {math.ceil(projected / 100) * 100} runs it")


def _load(pairs, size, folder, budget):
    """Return (facts, story, load seconds, facts-read seconds) after ingesting the
    franchise into an on-disk store, or an in-memory one when the disk's ingest is
    projected over budget; print the ingest time."""
    location = str(Path(folder) / "store")
    facts_in = sum(len(f) for _, f in pairs)
    if not budget.allows("ingest", size):
        print(f"    on-disk ingest {_skipped(budget, 'ingest', size)}; "
              "measuring an in-memory store instead")
        location = "memory:"
    with open_store(location) as store:
        _, ingest = _timed(lambda: store.ingest(pairs))
        if location != "memory:":
            budget.record("ingest", size, ingest)
        facts, read = _timed(store.facts)
        story, load = _timed(lambda: load_story(store))
    where = "in-memory" if location == "memory:" else "on-disk"
    print(f"    ingest into the {where} store {ingest:.2f} s ({facts_in / ingest:.0f} facts/s)")
    return facts, story, load, read


def _checks(story, facts, size, budget):
    """Print run_checks' time beside one naive pass over the facts, within the budget."""
    naive_found, naive = _timed(lambda: naive_checks(facts))
    if not budget.allows("checks", size):
        print(f"    run_checks {_skipped(budget, 'checks', size)}")
        print(f"    (naive one-pass check: {naive:.3f} s, {len(naive_found)} breaks)")
        return
    findings, checks = _timed(lambda: run_checks(story))
    budget.record("checks", size, checks)
    _row("run_checks (baseline: one pass)", checks, naive, "s")
    rules = Counter(f.rule for f in findings)
    print(f"    checks: {len(story.claims) / checks:.0f} claims/s, {len(findings)} findings "
          f"({', '.join(f'{k} {v}' for k, v in sorted(rules.items()))}); "
          f"naive pass: {len(naive_found)} breaks")


def _measure_size(size, folder, budget):
    """Print the speed figures of one synthetic franchise size."""
    pairs, homes = synthetic_franchise(size)
    print(f"\n  {size} claims asked: {sum(len(f) for _, f in pairs)} facts in {len(pairs)} "
          f"articles, {len(homes)} characters")
    facts, story, load, read = _load(pairs, size, folder, budget)
    print(f"    story: {len(story.claims)} claims, {len(story.works())} works")
    rng = random.Random(SEED + size)
    queries = _queries(rng, homes, STATUS_QUERIES)
    names = [name for name, _ in _queries(rng, homes, TIMELINE_QUERIES)]
    nobody = [(f"Nobody {i}", queries[0][1]) for i in range(20)]
    print(f"    {'':<36}{'canon':>14}{'naive scan':>14}{'naive/canon':>12}"
          "   (above 1: canon is faster)")
    _row("load_story (baseline: facts read)", load, read, "s")
    ours, states = _median_time([lambda n=n, at=at: status_at(story, n, at).state
                                 for n, at in queries])
    theirs, naive_states = _median_time([lambda n=n, at=at: naive_state(facts, n, at)
                                         for n, at in queries])
    _row("status_at, median of 200", ours, theirs)
    _row("state_or_unknown, unknown, of 20", _median_time(
        [lambda n=n, at=at: state_or_unknown(story, n, at) for n, at in nobody])[0], _median_time(
        [lambda n=n, at=at: naive_state(facts, n, at) for n, at in nobody])[0])
    _row("timeline, median of 100", _median_time(
        [lambda n=n: timeline(story, n) for n in names])[0], _median_time(
        [lambda n=n: naive_timeline(facts, n) for n in names])[0])
    _checks(story, facts, size, budget)
    agree = sum(a == b for a, b in zip(states, naive_states, strict=True))
    print(f"    status_at and the naive scan agree on {agree}/{len(queries)} queries")
    print(f"    Story heap peak {_traced_peak_mb(lambda: Story(facts)):.1f} MB (tracemalloc), "
          f"process peak RSS so far {_peak_rss_mb():.0f} MB")


def speed(sizes, budget):
    """Print the speed figures of each synthetic franchise size."""
    print("\nSpeed on synthetic franchises (one process; times are medians unless said)")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            try:
                _measure_size(size, folder, budget)
            except CanonError as exc:
                print(f"\n  {size} claims: failed: {type(exc).__name__}: {exc}")
            print(f"    ({time.perf_counter() - start:.0f} s for this size)")


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="claim counts of the synthetic franchises, comma-separated")
    parser.add_argument("--budget", type=float, default=120.0,
                        help="seconds an ingest or run_checks may be projected to take")
    parser.add_argument("--no-got", action="store_true", help="skip the Game of Thrones part")
    return parser.parse_args(argv)


def main(argv=None):
    """Print the agreement and speed figures; return nothing."""
    args = _arguments(argv)
    start = time.perf_counter()
    if not args.no_got:
        got_agreement()
    speed([int(size) for size in args.sizes.split(",") if size.strip()], Budget(args.budget))
    print(f"\ntotal {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
