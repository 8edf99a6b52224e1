"""A writer of binary files turned into an iterator of byte chunks, for a streaming
HTTP response: the writer runs in its own thread and hands over chunks through a
bounded queue, so memory holds a few chunks, not the whole output."""

import queue
import threading

CHUNK = 256 * 1024
# Chunks waiting for the client: the writer stops when they are not read.
WAITING = 4
# Seconds between looks at whether the client has gone, while the queue is full.
POLL = 0.5


class _Gone(Exception):
    """The reader stopped reading (the client went away)."""


class _Pipe:
    """A binary file whose writes become chunks of about CHUNK bytes on a queue."""

    def __init__(self, chunks, gone):
        self.chunks = chunks
        self.gone = gone
        self.buffer = bytearray()

    def write(self, data):
        """Keep ``data``; pass a full chunk on. Return the number of bytes taken."""
        self.buffer += data
        if len(self.buffer) >= CHUNK:
            self.flush()
        return len(data)

    def flush(self):
        """Pass on what is kept, waiting while the reader is behind."""
        if self.buffer:
            self._put(bytes(self.buffer))
            self.buffer.clear()

    def _put(self, item):
        while True:
            if self.gone.is_set():
                raise _Gone
            try:
                self.chunks.put(item, timeout=POLL)
                return
            except queue.Full:
                continue


def chunks(write):
    """Return an iterator over the bytes that ``write(file)`` writes to a binary
    file, in chunks of about CHUNK bytes; ``write`` runs in a thread of its own and
    at most WAITING chunks wait to be read. An error in ``write`` is raised by the
    iterator after the chunks before it; closing the iterator early stops ``write``."""
    pipe = _Pipe(queue.Queue(maxsize=WAITING), threading.Event())
    done = object()
    failed = []

    def run():
        try:
            write(pipe)
            pipe.flush()
        except _Gone:
            return
        except Exception as error:  # noqa: BLE001 - handed to the reader, raised there
            failed.append(error)
        try:
            pipe._put(done)
        except _Gone:
            return

    def read():
        thread = threading.Thread(target=run, name="canon-stream", daemon=True)
        thread.start()
        try:
            while (item := pipe.chunks.get()) is not done:
                yield item
            if failed:
                raise failed[0]
        finally:
            pipe.gone.set()
            thread.join()

    return read()
