"""Benchmark: canon at 10k to 1M claims, each figure beside a baseline measured in the
same run over the same data, written to bench/RESULTS.md with the machine.

    .venv/bin/python bench/scale.py [--sizes 10000,100000] [--timeout 600]

For each size, bench/synth.py writes a synthetic franchise as FACTS JSON Lines and
as the N-Quads canon stores for it. Then, each command in its own process (its wall
time, and its peak RSS from wait4), killed and reported "timed out" past --timeout
or "killed at 12 GB RSS" past MEMORY_MB (the machine is shared):

- import: ``canon import --no-validate`` of the JSON Lines into a fresh on-disk store
  (and with SHACL validation up to --validate-max claims), against pyoxigraph's
  ``Store.bulk_load`` of the N-Quads into another;
- status / timeline / who-plays for a few characters: the cold CLI process, against
  a cold process asking pyoxigraph the same question in one SPARQL query; the warm
  library call (store open, ``_library_call``), against the same query warm;
- check and stats (cold CLI), against one SPARQL query each (a count of the quads
  and classes for stats; for check, one of its rules: characters dead twice);
  stats twice: with the counts the import kept, then counted in full (the kept
  counts removed first, as for a store another program wrote);
- export in every format (time, quads/s), against pyoxigraph's ``Store.dump`` of the
  same store (canon's, opened read-only as canon opens it: the bulk-loaded store
  is laid out otherwise and was read at another moment, which moved the figure
  2x at 100k claims) and, up to --rdflib-max claims, rdflib parsing the N-Quads
  and serialising them;
- web: a character page and its graph JSON through the Flask test client, the first
  request and the median of the warm ones.

Repeated measurements stop after --budget seconds each (at least one sample), so that
a slow command is measured once rather than for an hour.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import synth  # noqa: E402
from graph.store.backend import KEPT_COUNTS  # noqa: E402

SIZES = (10000, 100000)
RESULTS = ROOT / "bench" / "RESULTS.md"
FORMATS = ("nquads", "turtle", "trig", "ntriples", "jsonld")
SUFFIX = {"nquads": "nq", "turtle": "ttl", "trig": "trig", "ntriples": "nt", "jsonld": "jsonld"}
QUESTIONS = ("status", "timeline", "who-plays")
WEB_RUNS = 5
MEMORY_MB = 12 * 1024
EPISODE_WORDS = {"premiere": 1, "finale": synth.EPISODES}
PREFIXES = """PREFIX canon: <https://w3id.org/canon/vocab#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
# What a raw store answers each question with: one query, the names in a VALUES block
# serialised by pyoxigraph (which escapes them). Work labels are not joined: a work is
# labelled in every article's graph, and the union default graph repeats the label per
# graph, so the status query asks whether the claim's work has the asked name instead.
NAMES = """VALUES (?name ?workname) { (%s %s) }
  ?character rdfs:label ?name ; a canon:Character ."""
RAW = {
    "status": PREFIXES + """SELECT DISTINCT ?claim ?inwork ?event ?mode ?season ?episode ?quote
WHERE {
  %s
  ?claim canon:character ?character ; a canon:Event ; canon:eventType ?event ;
         canon:evidence ?evidence . ?evidence canon:quote ?quote .
  BIND (EXISTS { ?claim canon:work ?work . ?work rdfs:label ?workname } AS ?inwork)
  OPTIONAL { ?claim canon:mode ?mode }
  OPTIONAL { ?claim canon:season ?season } OPTIONAL { ?claim canon:episode ?episode }
}""",
    "timeline": PREFIXES + """SELECT DISTINCT ?claim ?kind ?event ?mode ?work ?season ?episode
       ?quote WHERE {
  %s
  VALUES ?kind { canon:Event canon:Appearance }
  ?claim canon:character ?character ; a ?kind ; canon:evidence ?evidence .
  ?evidence canon:quote ?quote .
  OPTIONAL { ?claim canon:eventType ?event } OPTIONAL { ?claim canon:mode ?mode }
  OPTIONAL { ?claim canon:work ?work }
  OPTIONAL { ?claim canon:season ?season } OPTIONAL { ?claim canon:episode ?episode }
}""",
    "who-plays": PREFIXES + """SELECT DISTINCT ?claim ?actor ?work ?season ?quote WHERE {
  %s
  ?claim canon:character ?character ; a canon:Portrayal ; canon:actor ?person ;
         canon:evidence ?evidence . ?evidence canon:quote ?quote . ?person rdfs:label ?actor .
  OPTIONAL { ?claim canon:work ?work } OPTIONAL { ?claim canon:season ?season }
}""",
    # The two counts canon stats makes: subjects by class, and quads.
    "stats": ("SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class",
              "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
    "check": PREFIXES + """SELECT ?character (COUNT(DISTINCT ?claim) AS ?deaths) WHERE {
  ?claim a canon:Event ; canon:eventType canon:death ; canon:character ?character .
} GROUP BY ?character HAVING (COUNT(DISTINCT ?claim) > 1)""",
}
UNION_TRIPLES = ("CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o "
                 "WHERE { GRAPH ?g { ?s ?p ?o } } }")


# --- running one measured process ----------------------------------------------------


class Run:
    """One finished (or killed) process: seconds, peak RSS in MB, exit code, output,
    and why it was killed (None, "timed out", or "killed at N GB")."""

    def __init__(self, seconds, rss_mb, code, killed, stdout, stderr):
        self.seconds, self.rss_mb, self.code = seconds, rss_mb, code
        self.killed, self.stdout, self.stderr = killed, stdout, stderr

    @property
    def failed(self):
        """Return why the run gives no figure (killed, or its last error line), or None."""
        if self.killed:
            return self.killed
        if self.code not in (0, 1) or (self.code == 1 and not self.stdout.strip()):
            lines = self.stderr.strip().splitlines() or ["no output"]
            return f"failed: {lines[-1][:120]}"
        return None

    def json(self):
        """Return the JSON the process printed (a worker's, or canon's --json)."""
        return json.loads(self.stdout)


def _rss_mb(pid):
    """Return the resident memory of a live process in MB (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, IndexError, ValueError):
        return 0.0


def _watch(process, timeout, memory_mb, done, why):
    """Kill the process group past ``timeout`` seconds or ``memory_mb`` of RSS (the
    machine is shared: a runaway import must not take it all); say why in ``why``."""
    deadline = time.monotonic() + timeout
    while not done.wait(0.2):
        if time.monotonic() > deadline:
            why.append("timed out")
        elif _rss_mb(process.pid) > memory_mb:
            why.append(f"killed at {memory_mb / 1024:.0f} GB RSS")
        if why:
            os.killpg(process.pid, 9)
            return


def run(argv, timeout):
    """Return the Run of ``argv`` (started in ROOT, in its own session so that a
    kill reaches all of it), its peak RSS read from wait4."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=ROOT, stdout=out, stderr=err,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        done, why = threading.Event(), []
        watcher = threading.Thread(target=_watch, daemon=True, args=(
            process, timeout, MEMORY_MB, done, why))
        watcher.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        watcher.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(seconds, usage.ru_maxrss / 1024, process.returncode,
                   why[0] if why else None,
                   out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))


def canon(*args, timeout):
    """Return the Run of one ``canon`` command (this worktree's, as ``python -m graph``)."""
    return run([sys.executable, "-m", "graph", *map(str, args)], timeout)


def worker(mode, *args, timeout):
    """Return the Run of one of this file's worker modes in a fresh process."""
    return run([sys.executable, str(Path(__file__)), "--worker", mode,
                json.dumps([str(a) if isinstance(a, Path) else a for a in args])], timeout)


# --- workers: what runs inside the measured processes ---------------------------------


def _store(location):
    import pyoxigraph as ox

    return ox.Store(str(location))


def _raw_answer(store, question, character, at):
    """Return the raw store's answer: the rows of one query, and for status the state
    at ``at`` (the last death or bodily return up to that season and episode)."""
    import pyoxigraph as ox

    names = NAMES % (ox.Literal(character), ox.Literal(at.get("work") or ""))
    rows = list(store.query(RAW[question] % names, use_default_graph_as_union=True))
    if question != "status":
        return len(rows)
    limit = (at["season"], at["episode"])
    state = "alive"
    events = []
    for row in rows:
        episode = row["episode"].value if row["episode"] is not None else "0"
        number = int(episode) if episode.isdigit() else EPISODE_WORDS[episode.rsplit("#")[-1]]
        season = int(row["season"].value) if row["season"] is not None else 0
        if row["inwork"].value == "true" and (season, number) <= limit:
            events.append(((season, number), row["event"].value.rsplit("#")[-1],
                           row["mode"].value.rsplit("#")[-1] if row["mode"] else None))
    for _, event, mode in sorted(events):
        if event == "death":
            state = "dead"
        elif event in ("resurrection", "birth") or mode == "physical":
            state = "alive"
    return state


def _library_call(db, question, character, at):
    """Return canon's answer the way its CLI command computes it once the store is open:
    the Story of what the question is about (graph.cli_continuity's ``_story_about``
    reads it so), then the question's function. Kept in one place so that a change of
    how the story loads changes here."""
    from graph.continuity.casting import who_plays
    from graph.continuity.scope import story_about
    from graph.continuity.status import status_at
    from graph.continuity.timeline import timeline

    if question == "status":
        story = story_about(db, characters=[character], times=[at])
        return status_at(story, character, at).state
    story = story_about(db, characters=[character])
    if question == "timeline":
        return len(timeline(story, character)[1])
    return len(who_plays(story, character))


def _timed_calls(calls, budget):
    """Return [seconds] of calling each of ``calls`` in turn until the budget is spent
    (at least one); a first call under a second is a warm-up and not counted."""
    times = []
    spent = 0.0
    for index, call in enumerate(calls):
        start = time.perf_counter()
        call()
        seconds = time.perf_counter() - start
        spent += seconds
        if index or seconds >= 1.0 or len(calls) == 1:
            times.append(seconds)
        if times and spent > budget:
            break
    return times


def _work_at(question):
    return f"{question['work']} S{question['season']}E{question['episode']}"


def work_bulk_load(nquads, location):
    """Bulk-load the N-Quads into a new store and merge its files, as canon's import
    does (the raw queries then read a store laid out as canon's); return its quad
    count."""
    import pyoxigraph as ox

    store = _store(location)
    store.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    store.optimize()
    store.flush()
    return {"quads": len(store)}


def work_raw_warm(location, questions, budget):
    """Return {question: [seconds]} of the raw queries, store open, and the quad count."""
    store = _store(location)
    out = {"quads": len(store)}
    for question in QUESTIONS:
        out[question] = _timed_calls([
            lambda q=q, question=question: _raw_answer(store, question, q["character"], q)
            for q in questions * 4], budget)
    return out


def work_raw_one(location, question, character, at):
    """Open the store and answer one question (a cold process): return the answer."""
    store = _store(location)
    if question == "stats":
        return {"rows": sum(len(list(store.query(query, use_default_graph_as_union=True)))
                            for query in RAW[question])}
    if question == "check":
        return {"rows": len(list(store.query(RAW[question], use_default_graph_as_union=True)))}
    return {"answer": _raw_answer(store, question, character, at)}


def work_library_warm(location, questions, budget):
    """Return {question: [seconds]} of canon's library calls, store open."""
    from graph.model.storytime import Position
    from graph.store import open_store

    def call(db, question, q):
        at = Position(q["work"], q["season"], q["episode"])
        return lambda: _library_call(db, question, q["character"], at)

    with open_store(location, create=False) as db:
        return {question: _timed_calls([call(db, question, q) for q in questions], budget)
                for question in QUESTIONS}


def work_dump(location, format_name, output):
    """Dump the store in a format with pyoxigraph (triple formats: the union of the
    graphs, each triple once, as canon writes them); return the bytes written."""
    import pyoxigraph as ox

    from graph.rdf.formats import format_for

    store = ox.Store.read_only(str(location))
    fmt = format_for(format_name)
    if fmt.datasets:
        store.dump(output, fmt.oxigraph)
    else:
        store.query(UNION_TRIPLES).serialize(output, fmt.oxigraph)
    return {"bytes": Path(output).stat().st_size}


def work_rdflib(nquads, format_name, output):
    """Parse the N-Quads with rdflib and serialise them in a format (triple formats:
    the union graph); return the seconds of each step."""
    import rdflib

    start = time.perf_counter()
    dataset = rdflib.Dataset()
    dataset.parse(nquads, format="nquads")
    parsed = time.perf_counter()
    names = {"nquads": "nquads", "trig": "trig", "jsonld": "json-ld", "turtle": "turtle",
             "ntriples": "nt"}
    if format_name in ("turtle", "ntriples"):
        union = rdflib.Graph()
        for s, p, o, _ in dataset.quads():
            union.add((s, p, o))
        union.serialize(output, format=names[format_name])
    else:
        dataset.serialize(output, format=names[format_name])
    return {"parse": parsed - start, "write": time.perf_counter() - parsed}


def work_web(location, questions):
    """Return {page: {"first": s, "warm": [s]}} for a character page and its graph
    JSON through the Flask test client."""
    from graph.rdf.terms import slug
    from webviz import create_app

    app = create_app(location=location)
    client = app.test_client()
    out = {}
    for question in questions[:1]:
        node = slug(question["character"])
        for page, url in (("character page", f"/character/{node}"),
                          ("graph JSON", f"/api/graph?focus=character/{node}")):
            times = []
            for _ in range(WEB_RUNS + 1):
                start = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - start)
                if response.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {response.status_code}")
            out[page] = {"first": times[0], "warm": times[1:]}
    return out


WORKERS = {"bulk_load": work_bulk_load, "raw_warm": work_raw_warm, "raw_one": work_raw_one,
           "library_warm": work_library_warm, "dump": work_dump, "rdflib": work_rdflib,
           "web": work_web}


# --- figures --------------------------------------------------------------------------


def _p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _seconds(value):
    if value < 0.01:
        return f"{value * 1000:.2f} ms"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"


def _spread(values):
    """Return "median M, p95 P (n=N)" of some seconds."""
    if not values:
        return "no sample"
    return (f"median {_seconds(statistics.median(values))}, p95 {_seconds(_p95(values))} "
            f"(n={len(values)})")


def _mb(value):
    return "" if value is None else (f"{value / 1024:.1f} GB" if value >= 1024
                                     else f"{value:.0f} MB")


def _ratio(ours, theirs):
    if not ours or not theirs:
        return ""
    return f"{ours / theirs:.1f}x"


class Table:
    """The rows of one size: printed as they come, kept for RESULTS.md."""

    HEAD = ("claims", "operation", "canon", "canon peak RSS", "baseline (same data)",
            "baseline peak RSS", "canon / baseline")

    def __init__(self, size):
        self.size, self.rows = size, []

    def add(self, operation, canon_text, canon_rss, base_text="", base_rss=None, ratio=""):
        """Add and print one row."""
        row = (f"{self.size // 1000}k", operation, canon_text, _mb(canon_rss), base_text,
               _mb(base_rss), ratio)
        self.rows.append(row)
        print(" | ".join(row[1:]), flush=True)

    def markdown(self):
        """Return the rows as a Markdown table body (no header)."""
        return "\n".join("| " + " | ".join(cell.replace("|", "/") for cell in row) + " |"
                         for row in self.rows)


def _measured(run, what=None):
    """Return (text, seconds or None) of one Run: its time, or why there is none."""
    if run.failed:
        return run.failed, None
    return (what(run) if what else _seconds(run.seconds)), run.seconds


def _repeat(make_run, items, budget):
    """Return (the good Runs, peak RSS, first failure) of one run per item, stopping
    once the budget is spent."""
    runs, rss, spent = [], 0.0, 0.0
    for item in items:
        done = make_run(item)
        rss, spent = max(rss, done.rss_mb), spent + done.seconds
        if done.failed:
            return runs, rss, done.failed
        runs.append(done)
        if spent > budget:
            break
    return runs, rss, None


# --- one size -------------------------------------------------------------------------


def _questions(summary, count):
    """Return the characters asked about, each with a point of story time in its work."""
    return [{"character": row["character"], "work": row["work"],
             "season": min(2, row["seasons"]), "episode": 3}
            for row in summary["sample"][:count]]


def _imports(table, size, paths, args, summary):
    """Measure canon import against bulk_load; return the quads each store holds."""
    timeout = args.timeout

    def per_second(done):
        return f"{done.seconds:.1f} s ({summary['claims'] / done.seconds:,.0f} claims/s)"

    ours = canon("import", "--format", "facts", "--no-validate", paths["facts"], "--store",
                 paths["canon"], timeout=timeout)
    theirs = worker("bulk_load", paths["nquads"], paths["raw"], timeout=timeout)
    text, seconds = _measured(ours, per_second)
    base, base_seconds = _measured(theirs, per_second)
    table.add("`canon import --no-validate`", text, ours.rss_mb, f"`bulk_load`: {base}",
              theirs.rss_mb, _ratio(seconds, base_seconds))
    if size <= args.validate_max:
        with tempfile.TemporaryDirectory(dir=paths["folder"]) as other:
            checked = canon("import", "--format", "facts", paths["facts"], "--store",
                            Path(other) / "store", timeout=timeout)
        text, checked_seconds = _measured(checked, per_second)
        table.add("`canon import` (SHACL on)", text, checked.rss_mb, f"`bulk_load`: {base}",
                  theirs.rss_mb, _ratio(checked_seconds, base_seconds))
    if ours.failed and not theirs.failed:
        # The N-Quads are what the import writes (tests/test_synth.py checks it), so the
        # reads can still be measured on a store loaded with them.
        shutil.rmtree(paths["canon"], ignore_errors=True)
        again = worker("bulk_load", paths["nquads"], paths["canon"], timeout=timeout)
        print(f"  canon import {ours.failed}: canon's store bulk-loaded from the same N-Quads "
              f"instead ({again.failed or 'done'}), to measure the reads")
        if again.failed:
            shutil.rmtree(paths["canon"], ignore_errors=True)
    return theirs.json()["quads"] if not theirs.failed else None


def _stats_and_check(table, paths, args, raw_quads):
    """Measure canon stats and check (cold) against one SPARQL query each; print
    whether canon's store holds the quads the bulk-loaded one does."""
    stats = canon("stats", "--json", "--store", paths["canon"], timeout=args.timeout)
    raw = worker("raw_one", paths["raw"], "stats", "", {}, timeout=args.timeout)
    text, seconds = _measured(stats)
    base, base_seconds = _measured(raw)
    table.add("`canon stats` (cold CLI, counts kept by the import)", text, stats.rss_mb,
              f"its two count queries, cold: {base}", raw.rss_mb, _ratio(seconds, base_seconds))
    # Without the kept counts (a store another program wrote): the full count.
    (Path(paths["canon"]) / KEPT_COUNTS).unlink(missing_ok=True)
    full = canon("stats", "--json", "--store", paths["canon"], timeout=args.timeout)
    text, seconds = _measured(full)
    table.add("`canon stats` (cold CLI, counted in full)", text, full.rss_mb,
              f"its two count queries, cold: {base}", raw.rss_mb, _ratio(seconds, base_seconds))
    if not stats.failed:
        counts = json.loads(stats.stdout)
        print(f"  canon's store: {sum(counts['claims'].values())} claims, {counts['quads']} "
              f"quads; bulk-loaded store: {raw_quads} quads")
    check = canon("check", "--json", "--store", paths["canon"], timeout=args.timeout)
    raw = worker("raw_one", paths["raw"], "check", "", {}, timeout=args.timeout)
    text, seconds = _measured(check)
    base, base_seconds = _measured(raw)
    table.add("`canon check` (cold CLI, 8 rules)", text, check.rss_mb,
              f"1 rule (died twice) as one query, cold: {base}", raw.rss_mb,
              _ratio(seconds, base_seconds))


def _cold_questions(table, paths, args, questions):
    """Measure the cold CLI status, timeline and who-plays against a cold raw process."""
    for question in QUESTIONS:
        def ours(q, question=question):
            extra = ("--at", _work_at(q)) if question == "status" else ()
            return canon(question, q["character"], *extra, "--json", "--store",
                         paths["canon"], timeout=args.timeout)

        def theirs(q, question=question):
            return worker("raw_one", paths["raw"], question, q["character"], q,
                          timeout=args.timeout)

        runs, rss, failed = _repeat(ours, questions, args.budget)
        base_runs, base_rss, base_failed = _repeat(theirs, questions, args.budget)
        times, base = [r.seconds for r in runs], [r.seconds for r in base_runs]
        if question == "status":
            pairs = list(zip([r.json()["state"] for r in runs],
                             [r.json()["answer"] for r in base_runs], strict=False))
            print(f"  status: canon and the raw query agree on "
                  f"{sum(a == b for a, b in pairs)}/{len(pairs)} characters")
        table.add(f"`canon {question}` (cold CLI)", failed or _spread(times), rss,
                  f"one query, cold process: {base_failed or _spread(base)}", base_rss,
                  _ratio(statistics.median(times) if times else None,
                         statistics.median(base) if base else None))


def _warm_questions(table, paths, args, questions):
    """Measure the warm library calls against the same raw queries warm."""
    ours = worker("library_warm", paths["canon"], questions, args.budget, timeout=args.timeout)
    theirs = worker("raw_warm", paths["raw"], questions, args.budget, timeout=args.timeout)
    for question in QUESTIONS:
        times = [] if ours.failed else ours.json()[question]
        base = [] if theirs.failed else theirs.json()[question]
        table.add(f"`{question}` warm library call", ours.failed or _spread(times), ours.rss_mb,
                  f"one query, warm: {theirs.failed or _spread(base)}", theirs.rss_mb,
                  _ratio(statistics.median(times) if times else None,
                         statistics.median(base) if base else None))


def _exports(table, size, paths, args, quads):
    """Measure canon export in every format against Store.dump (and rdflib)."""
    for format_name in FORMATS:
        target = paths["folder"] / f"export.{SUFFIX[format_name]}"

        def rate(done):
            return (f"{done.seconds:.1f} s ({quads / done.seconds:,.0f} quads/s)" if quads
                    else _seconds(done.seconds))

        ours = canon("export", "--format", format_name, "-o", target, "--store",
                     paths["canon"], timeout=args.timeout)
        target.unlink(missing_ok=True)
        theirs = worker("dump", paths["canon"], format_name, target, timeout=args.timeout)
        target.unlink(missing_ok=True)
        text, seconds = _measured(ours, rate)
        base, base_seconds = _measured(theirs, rate)
        table.add(f"`canon export --format {format_name}`", text, ours.rss_mb,
                  f"`Store.dump`: {base}", theirs.rss_mb, _ratio(seconds, base_seconds))
        if size <= args.rdflib_max:
            other = worker("rdflib", paths["nquads"], format_name, target, timeout=args.timeout)
            target.unlink(missing_ok=True)
            if other.failed:
                base = other.failed
            else:
                steps = other.json()
                base = (f"rdflib: parse N-Quads {_seconds(steps['parse'])} + write "
                        f"{_seconds(steps['write'])}")
            table.add(f"`canon export --format {format_name}`", text, ours.rss_mb, base,
                      other.rss_mb, "" if other.failed else _ratio(seconds, steps["write"]))


def _web(table, paths, args, questions):
    """Measure a character page and its graph JSON, first and warm."""
    done = worker("web", paths["canon"], questions, timeout=args.timeout)
    if done.failed:
        table.add("web: character page and graph JSON", done.failed, done.rss_mb)
        return
    for page, times in done.json().items():
        table.add(f"web: {page} (Flask test client)",
                  f"warm {_spread(times['warm'])}; first {_seconds(times['first'])}",
                  done.rss_mb)


def measure_size(size, args):
    """Generate one size, measure everything, return its Table."""
    table = Table(size)
    with tempfile.TemporaryDirectory(prefix=f"canon-scale-{size}-",
                                     dir=args.workdir) as folder:
        folder = Path(folder)
        paths = {"folder": folder, "facts": folder / "franchise.jsonl",
                 "nquads": folder / "franchise.nq", "canon": folder / "canon-store",
                 "raw": folder / "raw-store"}
        start = time.perf_counter()
        summary = synth.write(size, args.seed, paths["facts"], paths["nquads"])
        print(f"\n{size} claims asked: {summary['claims']} claims, {summary['facts']} facts in "
              f"{summary['articles']} articles, {summary['characters']} characters, "
              f"{summary['quads']} quads ({time.perf_counter() - start:.0f} s to generate)",
              flush=True)
        questions = _questions(summary, args.characters)
        raw_quads = _imports(table, size, paths, args, summary)
        if not (paths["canon"].exists() and raw_quads):
            print("  no store to read: nothing more to measure at this size")
            return table
        _stats_and_check(table, paths, args, raw_quads)
        _cold_questions(table, paths, args, questions)
        _warm_questions(table, paths, args, questions)
        _exports(table, size, paths, args, raw_quads)
        _web(table, paths, args, questions)
        print(f"({time.perf_counter() - start:.0f} s for {size} claims)", flush=True)
    return table


# --- RESULTS.md -----------------------------------------------------------------------


def machine():
    """Return one line saying what machine and versions measured the figures."""
    import pyoxigraph
    import rdflib

    memory = "?"
    with open("/proc/meminfo", encoding="ascii") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 2**20:.0f} GiB"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "?"
    return (f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {commit}: "
            f"{os.cpu_count()} cores, {memory} RAM, {platform.platform()}, Python "
            f"{platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, "
            f"rdflib {rdflib.__version__}")


def write_results(path, tables, args, took, load, measured_on):
    """Append this run's tables to ``path`` (created with a title when missing), under
    ``measured_on``: the machine line taken when the run started."""
    head = "| " + " | ".join(Table.HEAD) + " |\n|" + "---|" * len(Table.HEAD) + "\n"
    body = "\n".join(table.markdown() for table in tables)
    section = (f"\n## {measured_on}\n\n`python bench/scale.py --sizes "
               f"{','.join(str(t.size) for t in tables)} --seed {args.seed}` "
               f"({took / 60:.0f} min; timeout {args.timeout:.0f} s per command, "
               f"repeats within {args.budget:.0f} s; load average {load:.1f} at the start, "
               f"{os.getloadavg()[0]:.1f} at the end: other processes shared the cores)"
               f"\n\n{head}{body}\n")
    new = not path.exists()
    with open(path, "a", encoding="utf-8") as out:
        if new:
            out.write("# Scale benchmark results\n\nWritten by `make bench` / `make bench-large`"
                      " (bench/scale.py); each run appends a section.\n")
        out.write(section)


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="claim counts, comma-separated")
    parser.add_argument("--seed", type=int, default=synth.SEED)
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds any one measured process may take")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="seconds a repeated measurement keeps sampling")
    parser.add_argument("--characters", type=int, default=5, help="characters asked about")
    parser.add_argument("--validate-max", type=int, default=10000,
                        help="largest size to import with SHACL validation too")
    parser.add_argument("--rdflib-max", type=int, default=10000,
                        help="largest size to serialise with rdflib too")
    parser.add_argument("--results", type=Path, default=RESULTS,
                        help="Markdown file the tables are appended to")
    parser.add_argument("--no-results", action="store_true", help="print only")
    parser.add_argument("--workdir", help="folder for the temporary stores and files")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("worker_args", nargs="?", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None):
    """Measure every size, print the tables and append them to RESULTS.md."""
    args = _arguments(argv)
    if args.worker:
        print(json.dumps(WORKERS[args.worker](*json.loads(args.worker_args))))
        return
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    measured_on = machine()
    print(measured_on)
    print(" | ".join(Table.HEAD[1:]))
    start, load = time.perf_counter(), os.getloadavg()[0]
    tables = [measure_size(size, args) for size in sizes]
    took = time.perf_counter() - start
    if not args.no_results:
        write_results(args.results, tables, args, took, load, measured_on)
        print(f"\nappended to {args.results}")
    print(f"total {took / 60:.1f} min")


if __name__ == "__main__":
    main()
