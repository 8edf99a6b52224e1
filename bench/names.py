"""Benchmark: looking a typed name up in a large store (``stands_for``, what every CLI
name argument goes through) and web search's name index, beside baselines measured
in the same run: the exact lookup of a stored name (one indexed read) and the
names read alone, and the matching the lookup did before (rapidfuzz's
``process.extract`` over every name, as the old suggestions did).

Build the store once as bench/reads.py says (bulk_load of bench/synth.py's N-Quads),
then:

    .venv/bin/python bench/names.py big [--aliases 10000]

``--aliases N`` first writes N aliases (a nickname for every so many characters)
into a graph of their own, as articles would, and removes that graph at the end.
Prints the old lookup's time over the names read (the baseline), then for each kind
of typed name the first lookup in a newly opened store (it reads the names and
aliases and builds the word index) and the median of the next ones, then the web
name index's claim counts, build and a search.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox
from rapidfuzz import process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.continuity.scope import stands_for  # noqa: E402
from graph.errors import UnknownEntityError  # noqa: E402
from graph.rdf import terms as t  # noqa: E402
from graph.store import open_store  # noqa: E402
from webviz.name_index import NameIndex  # noqa: E402

ALIAS_GRAPH = "urn:canon:bench:aliases"
RUNS = 5


def _nickname(name):
    return name.split()[0][:3] + "sy"


def add_aliases(path, count):
    """Write ``count`` aliases into ALIAS_GRAPH of the store at ``path``; return the
    (alias, name) pairs written."""
    with open_store(path) as store:
        names = store.names("character")
    step = max(1, len(names) // count)
    chosen = names[::step][:count]
    raw = ox.Store(str(path))
    graph = ox.NamedNode(ALIAS_GRAPH)
    raw.extend(ox.Quad(ox.NamedNode(t.entity_iri("character", name)),
                       ox.NamedNode(t.SCHEMA_ALTERNATE_NAME), ox.Literal(_nickname(name)), graph)
               for name in chosen)
    raw.flush()
    del raw
    return [(_nickname(name), name) for name in chosen]


def remove_aliases(path):
    raw = ox.Store(str(path))
    raw.remove_graph(ox.NamedNode(ALIAS_GRAPH))
    raw.flush()


def old_name_fits(name, known):
    """The lookup as it was before aliases and ranking (main at 94f6fad): the same
    name, else every name holding all typed words or held by them; then rapidfuzz's
    three closest names when none fits. The baseline of the same work."""
    from graph.extract.mentions.aliases import name_form
    folded = " ".join(name.casefold().split())
    for candidate in known:
        if " ".join(candidate.casefold().split()) == folded:
            return [candidate]
    typed = [w.casefold() for w in name_form(name).words]
    words = set(typed)
    fits = []
    for candidate in known:
        core = {w.casefold() for w in name_form(candidate).words}
        if core and (words <= core or core <= words and (len(core) > 1 or core == {typed[0]})):
            fits.append(candidate)
    return fits or [m for m, score, _i in process.extract(name, known, limit=3) if score >= 60]


def _lookup(store, name):
    try:
        return stands_for(store, "character", name)
    except UnknownEntityError as error:
        return str(error)


def _timed(path, typed):
    """Return (first ms in a new store, median ms after, answer)."""
    with open_store(path) as store:
        start = time.perf_counter()
        answer = _lookup(store, typed)
        first = time.perf_counter() - start
        after = []
        for _ in range(RUNS):
            start = time.perf_counter()
            _lookup(store, typed)
            after.append(time.perf_counter() - start)
    return first * 1000, statistics.median(after) * 1000, answer


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--aliases", type=int, default=0)
    args = parser.parse_args(argv)
    path = Path(args.store)
    pairs = add_aliases(path, args.aliases) if args.aliases else []
    try:
        with open_store(path) as store:
            start = time.perf_counter()
            names = store.names("character")
            read = time.perf_counter() - start
            start = time.perf_counter()
            store.aliases("character")
            read_aliases = time.perf_counter() - start
            sample = names[len(names) // 3]
            olds = []
            for typed in (sample.split()[0], sample[:-1] + "x"):
                start = time.perf_counter()
                old_name_fits(typed, names)
                olds.append(time.perf_counter() - start)
        first, surname = sample.split()[0], sample.split()[-1]
        print(f"{len(names)} character names, {len(pairs)} aliases; "
              f"names read {read * 1000:.0f} ms, aliases read {read_aliases * 1000:.0f} ms")
        print(f"baseline: the old lookup over the names read, first name "
              f"{olds[0] * 1000:.0f} ms, misspelt {olds[1] * 1000:.0f} ms")
        typed = {"exact (baseline)": sample, "lower case": sample.lower(),
                 "first name": first, "surname": surname,
                 "misspelt": sample[:-1] + ("a" if sample[-1] != "a" else "e"),
                 "title + name": "Lord " + sample, "unknown": "Qwzx Vbnm"}
        if pairs:
            typed["alias"] = pairs[len(pairs) // 2][0]
        for label, name in typed.items():
            cold, warm, answer = _timed(path, name)
            shown = answer if isinstance(answer, str) else ", ".join(answer[:3])
            print(f"  {label:<17} {name!r:<28} first {cold:7.0f} ms, then {warm:6.1f} ms"
                  f"  -> {shown[:70]}")
        with open_store(path) as store:
            names = store.names("character")
            start = time.perf_counter()
            counts = store.claim_counts("character")
            counted = time.perf_counter() - start
            start = time.perf_counter()
            counts = store.claim_counts("character")
            aliases = store.aliases("character")
            entries = [(name, None) for name in names]
            index = NameIndex(entries, aliases={i: aliases[n] for i, n in enumerate(names)
                                                if n in aliases},
                              weights={i: counts.get(n, 0) for i, n in enumerate(names)})
            build = time.perf_counter() - start
            start = time.perf_counter()
            found = [entries[n][0] for n, _ in zip(index.matches(first.lower()), range(10),
                                                  strict=False)]
            search = time.perf_counter() - start
        print(f"web name index over {len(entries)} names: claim counts read "
              f"{counted * 1000:.0f} ms (once per store state), built {build * 1000:.0f} ms, "
              f"search {first.lower()!r} {search * 1000:.0f} ms "
              f"-> {', '.join(found[:3])}")
    finally:
        if pairs:
            remove_aliases(path)


if __name__ == "__main__":
    main()
