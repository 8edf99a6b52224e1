"""Load test: many concurrent clients over the web view, against ``canon serve`` and
against the README's waitress command, on 127.0.0.1 only.

    .venv/bin/python bench/load.py [--clients 50] [--duration 60] [--servers canon,waitress]

The store holds the demo articles and franchise file plus the Game of Thrones
synopses of ../shared/realdata/got/articles (skipped, saying so, when absent). It is
ingested once and kept under $TMPDIR/canon-bench-load/, keyed by a hash of the
articles and of graph/'s code, so a rerun starts at once. Each server is started as
a subprocess on a free port; every page kind is asked once (the first requests,
timed apart: they fill the server's caches), then ``--clients`` clients, each on its
own keep-alive connection, ask one request after another (pausing ``--think``
seconds on average between them, none by default) for ``--duration`` seconds:
home, search, character pages, graph JSON and ``/sparql`` (weights in KINDS). A
request counts as an error unless it is a 200 within TIMEOUT seconds. The server's
RSS is sampled every RSS_EVERY seconds, and the PSS of the server with its SPARQL
workers (each page shared by the fork counted once: the memory they take together).

Prints, and appends to bench/RESULTS.md: requests/s, p50/p95/p99 per page kind,
errors, the server's peak RSS, and the load average beside them.
"""

import argparse
import asyncio
import contextlib
import hashlib
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from graph.rdf import terms as t  # noqa: E402
from graph.store import open_store  # noqa: E402

DEMO = (ROOT / "data" / "articles", ROOT / "data" / "franchises")
GOT = ROOT.parent / "shared" / "realdata" / "got" / "articles"
CACHE = Path(tempfile.gettempdir()) / "canon-bench-load"
RESULTS = ROOT / "bench" / "RESULTS.md"
# Page kinds and how often a client asks for each: mostly pages, some SPARQL.
KINDS = {"home": 2, "search": 2, "character": 3, "graph JSON": 2, "sparql": 1}
CHARACTERS = 40
TIMEOUT = 30.0
RSS_EVERY = 0.2
START_PATIENCE = 180
TARGET_P95 = 0.5
TARGET_RSS = 1024
ACCEPT = {"graph JSON": "application/json", "sparql": "application/sparql-results+json"}
PORTRAYED_BY = f"""PREFIX canon: <{t.CANON}>
PREFIX rdfs: <{t.RDFS}>
SELECT DISTINCT ?actor WHERE {{
  VALUES ?name {{ %s }}
  ?p a canon:Portrayal ; canon:character/rdfs:label ?name ; canon:actor/rdfs:label ?actor
}}"""
COUNTS = "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type"


def articles():
    """Return the article folders of the test's store, and a note when the Game of
    Thrones synopses are missing."""
    if GOT.is_dir():
        return [*DEMO, GOT], ""
    return list(DEMO), f"{GOT} is absent: the store holds the demo data only"


def store_of(folders):
    """Return the path of a store holding ``folders``' articles, ingested by
    ``canon ingest`` unless a store of the same articles and code is cached."""
    digest = hashlib.sha256()
    for path in sorted(p for folder in (*folders, ROOT / "graph") for p in folder.rglob("*")
                       if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.name.encode() + path.read_bytes())
    place = CACHE / digest.hexdigest()[:16]
    store = place / "store"
    if store.is_dir():
        print(f"store: {store} (cached)")
        return store
    partial = place / "partial"
    shutil.rmtree(partial, ignore_errors=True)
    place.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    ingest = subprocess.run([sys.executable, "-m", "graph", "ingest", "--store", str(partial),
                             *map(str, folders)], cwd=ROOT, stdout=subprocess.DEVNULL)
    if ingest.returncode:
        raise SystemExit(f"load: canon ingest into {partial} failed (exit "
                         f"{ingest.returncode}), its message above")
    partial.rename(store)
    print(f"store: {store} (ingested in {time.perf_counter() - started:.0f} s)")
    return store


def _targets(store_path, seed):
    """Return {kind: [path, ...]}: the URLs each page kind asks for, ``CHARACTERS``
    characters chosen with ``seed``, and the store's quad count."""
    with open_store(store_path, create=False) as store:
        rows = store.query(f"SELECT DISTINCT ?c ?name WHERE {{ ?p <{t.CANON}character> ?c . "
                           f"?c <{t.RDFS}label> ?name }}")
        named = sorted({(row["c"].value, row["name"].value) for row in rows})
        quads = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"]
    prefix = t.entity_iri("character", "x")[:-1]
    chosen = random.Random(seed).sample(named, min(CHARACTERS, len(named)))
    slugs = [iri[len(prefix):] for iri, _ in chosen]
    names = [name for _, name in chosen]
    sparql = [PORTRAYED_BY % ox.Literal(name) for name in names[:10]] + [COUNTS]
    return {
        "home": ["/"],
        "search": [f"/search?{urlencode({'q': name.split()[0]})}" for name in names[:10]],
        "character": [f"/character/{quote(slug)}" for slug in slugs],
        "graph JSON": [f"/api/graph?{urlencode({'focus': f'character/{slug}'})}"
                       for slug in slugs],
        "sparql": [f"/sparql?{urlencode({'query': query})}" for query in sparql],
    }, int(quads.value), len(named)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def command(server, store, port):
    """Return (argv, environment) starting ``server`` over ``store`` on ``port``.
    waitress runs as ``python -m waitress`` (the README's waitress-serve, with this
    checkout's code first on the path rather than an installed copy)."""
    env = {**os.environ, "CANON_STORE": str(store), "CANON_SECRET_KEY": "bench-load"}
    if server == "canon serve":
        return [sys.executable, "-m", "graph", "serve", "--store", str(store),
                "--port", str(port)], env
    return [sys.executable, "-m", "waitress", "--listen", f"127.0.0.1:{port}",
            "webviz.wsgi:app"], env


async def get(connection, port, path, kind):
    """Return (status, connection) after asking for ``path`` on ``connection`` (a
    (reader, writer) pair, or None to open one); the connection is None when the
    server closed it. A 503 status says why: "503 busy" (with Retry-After: every
    worker busy), "503 time" or "503 memory" (the worker's limits)."""
    if connection is None:
        connection = await asyncio.open_connection("127.0.0.1", port)
    reader, writer = connection
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                 f"Accept: {ACCEPT.get(kind, 'text/html')}\r\n\r\n".encode("ascii"))
    await writer.drain()
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    version, status = head[0].split()[:2]
    headers = {k.strip().lower(): v.strip() for k, _, v in
               (line.partition(":") for line in head[1:] if line)}
    body = b""
    if headers.get("transfer-encoding", "").lower() == "chunked":
        while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readuntil(b"\r\n")
    elif "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    else:
        body = await reader.read()
        headers["connection"] = "close"
    if headers.get("connection", "").lower() == "close" or version == "HTTP/1.0":
        writer.close()
        connection = None
    if status == "503":
        reasons = {"503 busy": "retry-after" in headers, "503 time": b"still running" in body,
                   "503 memory": b"needed more than" in body}
        return next((reason for reason, found in reasons.items() if found), "503"), connection
    return int(status), connection


async def _client(port, targets, deadline, seed, think, samples):
    """Ask for random targets until ``deadline``, pausing a random ``think`` seconds on
    average between requests; append (kind, seconds, status) to ``samples`` (status 0
    for a failed or timed-out request)."""
    rng = random.Random(seed)
    kinds = [kind for kind, weight in KINDS.items() for _ in range(weight)]
    connection = None
    while time.monotonic() < deadline:
        kind = rng.choice(kinds)
        started = time.perf_counter()
        try:
            status, connection = await asyncio.wait_for(
                get(connection, port, rng.choice(targets[kind]), kind), TIMEOUT)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                ValueError):
            status = 0
            if connection is not None:
                connection[1].close()
            connection = None
        samples.append((kind, time.perf_counter() - started, status))
        if think:
            await asyncio.sleep(rng.expovariate(1 / think))
    if connection is not None:
        connection[1].close()


async def _load(port, targets, args):
    samples = []
    deadline = time.monotonic() + args.duration
    await asyncio.gather(*(_client(port, targets, deadline, args.seed + i, args.think, samples)
                           for i in range(args.clients)))
    return samples


def _field_kb(path, name):
    """Return the kB figure of the line starting with ``name`` in a /proc file."""
    return next(int(line.split()[1]) for line in Path(path).read_text().splitlines()
                if line.startswith(name))


def _memory_mb(pid):
    """Return (the RSS of process ``pid``, the PSS of it and its descendants) in MB.
    PSS shares each page among the processes that map it, so the forked workers'
    pages shared with the server are counted once."""
    own, total, todo = None, 0, [pid]
    while todo:
        current = todo.pop()
        try:
            if current == pid:
                own = _field_kb(f"/proc/{pid}/status", "VmRSS:")
            total += _field_kb(f"/proc/{current}/smaps_rollup", "Pss:")
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration):
            continue  # a worker that ended meanwhile
    return (own or 0) / 1024, total / 1024


class Peak(threading.Thread):
    """Samples a process's memory every RSS_EVERY seconds until ``finish``."""

    def __init__(self, pid):
        """Watch process ``pid``; ``own`` and ``total`` keep the peaks of _memory_mb."""
        super().__init__(daemon=True)
        self.pid, self.own, self.total = pid, 0.0, 0.0
        self._done = threading.Event()

    def run(self):
        while not self._done.wait(RSS_EVERY):
            own, total = _memory_mb(self.pid)
            self.own, self.total = max(self.own, own), max(self.total, total)

    def finish(self):
        self._done.set()
        self.join()


def wait_until_up(process, port, log):
    """Return the seconds the server took to answer; raise SystemExit with its log
    when it stopped or never answered."""
    started = time.monotonic()
    while time.monotonic() - started < START_PATIENCE:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped (exit {process.returncode}): "
                             f"{log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return time.monotonic() - started
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server did not answer on 127.0.0.1:{port} within "
                     f"{START_PATIENCE} s")


@contextlib.contextmanager
def serving(argv, env, port):
    """Run the server command ``argv`` (``command``'s) until the block ends; yield
    (seconds it took to answer, its Peak memory watcher, started). Its output goes
    to a log that ``wait_until_up`` shows when it fails."""
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder, "server.log")
        with log.open("w") as out:
            process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=out,
                                       stderr=subprocess.STDOUT)
        try:
            up = wait_until_up(process, port, log)
            peak = Peak(process.pid)
            peak.start()
            yield up, peak
        finally:
            process.terminate()
            process.wait(timeout=30)


async def _warm(port, targets):
    """Ask for every target once, one after another; return {kind: [seconds, ...]}
    and the paths that were not a 200."""
    first, failed, connection = {}, [], None
    for kind, paths in targets.items():
        for path in paths:
            started = time.perf_counter()
            status, connection = await get(connection, port, path, kind)
            first.setdefault(kind, []).append(time.perf_counter() - started)
            if status != 200:
                failed.append(f"{status} {path}")
    return first, failed


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _measure(server, store, targets, args):
    """Return the figures of one server under load: the per-kind table rows and a
    summary dict."""
    port = free_port()
    argv, env = command(server, store, port)
    with serving(argv, env, port) as (up, peak):
        first, failed = asyncio.run(_warm(port, targets))
        if failed:
            raise SystemExit(f"{server}: the first requests failed: {failed[:5]}")
        load_before = os.getloadavg()
        samples = asyncio.run(_load(port, targets, args))
        load_after = os.getloadavg()
        peak.finish()
    rows = []
    for kind in KINDS:
        times = [s for k, s, status in samples if k == kind and status == 200]
        errors = sum(1 for k, _, status in samples if k == kind and status != 200)
        rows.append((kind, len(times) + errors, times, errors,
                     statistics.median(first[kind])))
    errors = {}
    for kind, _, status in samples:
        if status != 200:
            key = f"{kind} {status or 'failed'}"
            errors[key] = errors.get(key, 0) + 1
    return rows, {"requests": len(samples), "rate": len(samples) / args.duration,
                  "errors": errors, "rss": peak.own, "pss": peak.total, "up": up,
                  "load": (load_before, load_after)}


def _ms(seconds):
    return f"{seconds * 1000:.0f} ms"


def _table(server, rows, summary, duration):
    """Return the Markdown lines of one server's figures."""
    lines = [f"| {server} | kind | requests | req/s | p50 | p95 | p99 | errors | first request "
             "(median) |", "|---|---|---|---|---|---|---|---|---|"]
    for kind, count, times, errors, first in rows:
        if times:
            cells = (_ms(statistics.median(times)), _ms(_percentile(times, 0.95)),
                     _ms(_percentile(times, 0.99)))
        else:
            cells = ("-", "-", "-")
        lines.append(f"| | {kind} | {count} | {count / duration:.1f} | {' | '.join(cells)} "
                     f"| {errors} | {_ms(first)} |")
    load = summary["load"]
    errors = ", ".join(f"{k}: {v}" for k, v in summary["errors"].items()) or "none"
    lines.append(f"| | **all** | {summary['requests']} | {summary['rate']:.1f} | | | | "
                 f"{sum(summary['errors'].values())} | |")
    lines += ["", f"{server}: {summary['rate']:.1f} requests/s, errors: {errors}; peak RSS "
              f"{summary['rss']:.0f} MB (server), peak PSS {summary['pss']:.0f} MB with "
              f"its workers; load average {load[0][0]:.2f} before, "
              f"{load[1][0]:.2f} after; up in {summary['up']:.1f} s", ""]
    return lines


def _verdict(rows, summary):
    """Return a line saying which targets were met."""
    slow = [kind for kind, _, times, _, _ in rows
            if kind != "sparql" and times and _percentile(times, 0.95) >= TARGET_P95]
    parts = [f"errors {'met' if not summary['errors'] else 'missed'}",
             f"p95 < {_ms(TARGET_P95)} {'met' if not slow else 'missed: ' + ', '.join(slow)}",
             f"memory < {TARGET_RSS} MB (PSS with workers) "
             f"{'met' if summary['pss'] < TARGET_RSS else 'missed'}"]
    return "targets: " + "; ".join(parts)


def _pause(think):
    if not think:
        return "each sending its next request as soon as the last is answered"
    return f"each pausing {think:g} s on average (exponential) between requests"


def _commit():
    run = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                         capture_output=True, text=True)
    return run.stdout.strip() or "unknown"


def main(argv=None):
    """Print the figures and append them to bench/RESULTS.md; return nothing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per server")
    parser.add_argument("--servers", default="canon,waitress",
                        help="comma-separated: canon (canon serve), waitress")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds a client pauses between requests (0: none, "
                             "every client always has a request in flight)")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--no-results", action="store_true",
                        help="print only; leave bench/RESULTS.md alone")
    args = parser.parse_args(argv)
    names = {"canon": "canon serve", "waitress": "waitress"}
    servers = [names[name] for name in args.servers.split(",")]
    folders, note = articles()
    if note:
        print(f"load: {note}")
    store = store_of(folders)
    targets, quads, characters = _targets(store, args.seed)
    machine = (f"{os.cpu_count()} cores, Linux {platform.release()}, Python "
               f"{platform.python_version()}")
    lines = [f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, commit {_commit()}: load test, "
             f"{machine}", "",
             f"`python bench/load.py --clients {args.clients} --duration {args.duration:g} "
             f"--think {args.think:g}` "
             f"over {quads:,} quads ({characters} characters; "
             f"{'demo data + Game of Thrones synopses' if not note else 'demo data only'}), "
             f"{args.clients} keep-alive clients on 127.0.0.1 for {args.duration:g} s per "
             f"server, {_pause(args.think)}; kinds weighted {KINDS}. Times are from "
             f"sending a request to reading its whole answer; \"first request\" is each "
             f"kind's median before the load, when the server's caches are empty.", ""]
    for server in servers:
        rows, summary = _measure(server, store, targets, args)
        figures = [*_table(server, rows, summary, args.duration), _verdict(rows, summary), ""]
        print("\n".join(figures), flush=True)
        lines += figures
    if not args.no_results:
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write("\n" + "\n".join(lines))
        print(f"appended to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
