"""A real ``oxigraph serve`` on 127.0.0.1, for the tests and benches of the SPARQL
server backend: started on a free port over a temporary folder, emptied between
tests, stopped at the end."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port():
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_binary():
    """Return the path of the ``oxigraph`` command (PyPI package oxigraph), or None."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def wait_until_up(url, process, what, seconds=30.0):
    """Return once GET ``url`` answers; raise RuntimeError when ``process`` exits or
    ``seconds`` pass first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{what} did not answer at {url} within {seconds:g} s")


class ServerProcess:
    """A server started by a test: ``process`` runs it; a context manager that stops it."""

    process: subprocess.Popen

    def stop(self):
        """Stop the server process and wait for it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class OxigraphServer(ServerProcess):
    """``oxigraph serve --union-default-graph`` over ``folder``, its queries stopped
    after ``timeout`` seconds when given; use as a context manager. ``url`` is the
    store location canon takes."""

    def __init__(self, folder, union=True, timeout=None):
        binary = oxigraph_binary()
        if binary is None:
            raise RuntimeError("the oxigraph command is not installed (pip install oxigraph)")
        # The free port may be taken before the server binds it: then try another.
        for attempt in range(3):
            port = free_port()
            self.url = f"http://127.0.0.1:{port}"
            command = [binary, "serve", "--location", str(folder),
                       "--bind", f"127.0.0.1:{port}"]
            if union:
                command.append("--union-default-graph")
            if timeout:
                command += ["--timeout-s", str(timeout)]
            self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL)
            try:
                wait_until_up(f"{self.url}/query?query=ASK%7B%7D", self.process,
                              "oxigraph serve")
                return
            except RuntimeError:
                self.stop()
                if attempt == 2:
                    raise

    def clear(self):
        """Drop every graph the server holds."""
        request = urllib.request.Request(f"{self.url}/update", data=b"DROP ALL", method="POST",
                                         headers={"Content-Type": "application/sparql-update"})
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()


VIRTUOSO_INI = """[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
; The default, 10000, silently cuts longer answers (an export, a facts listing).
ResultSetMaxRows = 100000000
MaxQueryExecutionTime = 300
"""
# The anonymous SPARQL user may update, and write every graph.
VIRTUOSO_GRANTS = ('GRANT SPARQL_UPDATE TO "SPARQL"; '
                   "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")


class VirtuosoServer(ServerProcess):
    """Virtuoso open source (``virtuoso-t``, Debian package virtuoso-opensource) on
    127.0.0.1 with a new database in ``folder``; use as a context manager. ``url``
    is its SPARQL endpoint, which takes updates once the grants are given."""

    def __init__(self, folder):
        binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
        if binary is None or isql is None:
            raise RuntimeError("virtuoso-t is not installed "
                               "(apt-get install virtuoso-opensource)")
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        sql_port, http_port = free_port(), free_port()
        ini = folder / "virtuoso.ini"
        ini.write_text(VIRTUOSO_INI.format(folder=folder, sql_port=sql_port,
                                           http_port=http_port), encoding="utf-8")
        self.url = f"http://127.0.0.1:{http_port}/sparql"
        self.process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)],
                                        cwd=folder, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        try:
            wait_until_up(f"{self.url}?query=ASK%7B%7D", self.process, "virtuoso-t", 120)
            subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                            f"exec={VIRTUOSO_GRANTS}"], check=True, capture_output=True,
                           timeout=60)
        except (RuntimeError, subprocess.SubprocessError):
            self.stop()
            raise
