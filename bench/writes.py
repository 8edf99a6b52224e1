"""Writes and streams at scale: `canon import`, `export` and `stats` as separate
processes, each with its wall time and peak RSS (GNU time), beside pyoxigraph doing
the same job on the same data in the same run.

    python bench/writes.py --claims 10000 100000 [--shacl] [--keep DIR]

For each size it writes a synthetic franchise as FACTS JSON Lines (bench/continuity.py's
generator), imports it without validation (and with, given --shacl), exports it in
every format, counts it, and runs the baselines: pyoxigraph's bulk_load of the
N-Quads the import wrote into a fresh store, and Store.dump of that store.
Prints one table per size; no assertion, figures only.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from continuity import synthetic_franchise  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("nquads", "trig", "ntriples", "turtle", "jsonld")
SUFFIX = {"nquads": "nq", "trig": "trig", "ntriples": "nt", "turtle": "ttl", "jsonld": "jsonld"}
BULK_LOAD = ("import pyoxigraph as ox, sys; "
             "ox.Store(sys.argv[1]).bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)")
DUMP = ("import pyoxigraph as ox, sys; "
        "ox.Store.read_only(sys.argv[1]).dump(sys.argv[2], format=ox.RdfFormat.N_QUADS)")


def timed(args):
    """Return (seconds, peak RSS in MB) of one process run under /usr/bin/time -v."""
    done = subprocess.run(["/usr/bin/time", "-v", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"failed: {' '.join(map(str, args))}\n{done.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    hours, minutes, seconds = (float(g or 0) for g in wall.groups())
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    return hours * 3600 + minutes * 60 + seconds, rss // 1024


def write_facts(claims, path):
    """Write the synthetic franchise of about ``claims`` claims; return the fact count."""
    articles, _ = synthetic_franchise(claims)
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for _, facts in articles:
            for fact in facts:
                out.write(json.dumps(fact.to_json(), ensure_ascii=False) + "\n")
                count += 1
    return count


def run(claims, work, shacl):
    """Return the rows (operation, seconds, MB, rate) for one size."""
    py, canon = sys.executable, [sys.executable, "-m", "graph"]
    facts_file = work / f"facts-{claims}.jsonl"
    facts = write_facts(claims, facts_file)
    store, rows = work / f"store-{claims}", []
    seconds, mb = timed([*canon, "import", facts_file, "--no-validate", "--store", store])
    rows.append(("canon import --no-validate", seconds, mb, f"{facts / seconds:,.0f} facts/s"))
    quads = int(json.loads(subprocess.run([*canon, "stats", "--json", "--store", store],
                                          cwd=ROOT, capture_output=True, text=True,
                                          check=True).stdout)["quads"])
    rows[-1] = (*rows[-1][:3], f"{rows[-1][3]}, {quads / seconds:,.0f} quads/s")
    if shacl:
        checked = work / f"checked-{claims}"
        seconds, mb = timed([*canon, "import", facts_file, "--store", checked])
        rows.append(("canon import (SHACL)", seconds, mb, f"{facts / seconds:,.0f} facts/s"))
        shutil.rmtree(checked)
    seconds, mb = timed([*canon, "stats", "--store", store])
    rows.append(("canon stats", seconds, mb, ""))
    for fmt in FORMATS:
        out = work / f"out-{claims}.{SUFFIX[fmt]}"
        seconds, mb = timed([*canon, "export", "--format", fmt, "-o", out, "--store", store])
        rows.append((f"canon export {fmt}", seconds, mb, f"{quads / seconds:,.0f} quads/s"))
        if fmt != "nquads":
            out.unlink()
    nquads, fresh = work / f"out-{claims}.nq", work / f"bulk-{claims}"
    seconds, mb = timed([py, "-c", BULK_LOAD, fresh, nquads])
    rows.append(("baseline: pyoxigraph bulk_load (N-Quads)", seconds, mb,
                 f"{facts / seconds:,.0f} facts/s, {quads / seconds:,.0f} quads/s"))
    seconds, mb = timed([py, "-c", DUMP, fresh, work / "dump.nq"])
    rows.append(("baseline: pyoxigraph Store.dump (N-Quads)", seconds, mb,
                 f"{quads / seconds:,.0f} quads/s"))
    for path in (fresh, store):
        shutil.rmtree(path)
    for path in (nquads, work / "dump.nq", facts_file):
        path.unlink()
    return facts, quads, rows


def main():
    """Run the sizes asked for and print a table for each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000])
    parser.add_argument("--shacl", action="store_true", help="also import with SHACL on")
    parser.add_argument("--keep", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="canon-writes-"))
    work.mkdir(parents=True, exist_ok=True)
    for claims in args.claims:
        facts, quads, rows = run(claims, work, args.shacl)
        print(f"\n{claims:,} claims asked: {facts:,} facts, {quads:,} quads")
        print(f"| {'operation':<42} | {'seconds':>8} | {'peak MB':>8} | rate |")
        print(f"|{'-' * 44}|{'-' * 10}:|{'-' * 10}:|------|")
        for name, seconds, mb, rate in rows:
            print(f"| {name:<42} | {seconds:>8.1f} | {mb:>8} | {rate} |")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
