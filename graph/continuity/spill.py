"""Sorting more items than memory should hold: sorted runs kept on disk, merged.

The whole-store check gathers every fact about a character from articles read one
at a time, so a character's facts arrive spread over the store. Sorting them by
character in memory would hold the store; here a run of ``limit`` items is sorted
and written to a temporary file, and the runs are merged back in order, so memory
holds one run and one item per run.
"""

import heapq
import pickle
import tempfile

# Items pickled together: one pickle per item costs more than reading them back.
CHUNK = 1_000


def _written(items):
    """Return a temporary file holding ``items`` (sorted), rewound for reading."""
    # Outlives this call: ``_read`` closes it once read (an unread one when collected).
    run = tempfile.TemporaryFile()  # noqa: SIM115
    for start in range(0, len(items), CHUNK):
        pickle.dump(items[start:start + CHUNK], run, protocol=pickle.HIGHEST_PROTOCOL)
    run.seek(0)
    return run


def _read(run):
    """Yield the items of a run file in order, closing (and so deleting) it at the end."""
    with run:
        while True:
            try:
                chunk = pickle.load(run)
            except EOFError:
                return
            yield from chunk


def sorted_spilling(items, key, limit):
    """Yield ``items`` sorted by ``key`` (stable among equal keys), holding at most
    ``limit`` of them in memory at once; runs beyond the first go to temporary
    files, deleted when read."""
    runs, held = [], []
    for item in items:
        held.append(item)
        if len(held) >= limit:
            held.sort(key=key)
            runs.append(_written(held))
            held = []
    held.sort(key=key)
    if not runs:
        yield from held
        return
    if held:
        runs.append(_written(held))
    yield from heapq.merge(*(_read(run) for run in runs), key=key)
