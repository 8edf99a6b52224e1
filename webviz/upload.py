"""Adding articles from the browser: paste or upload, preview the facts, then save
them (or not).

An upload is read exactly as ``canon ingest`` reads a file: written under its
name into a temporary folder, read by ``read_article`` and extracted, in a forked
worker under the same cap as SPARQL queries (webviz.limits) and a memory limit of
its own, so that a large article cannot take the server's memory. The preview
writes nothing; it carries the upload's bytes to the save step inside its form,
compressed and base64-encoded, because a browser sends every line break of a plain
hidden field back as CRLF and what is saved must be what was previewed.
"""

import base64
import binascii
import re
import tempfile
import zlib
from datetime import datetime
from pathlib import Path

from flask import Blueprint, abort, current_app, redirect, render_template, request
from werkzeug.exceptions import RequestEntityTooLarge, ServiceUnavailable

from graph.errors import ArticleError
from graph.extract.pipeline import extract_articles
from graph.extract.reading.nlp import load_pipeline
from graph.sources import SUPPORTED_SUFFIXES, read_article
from webviz.cut import link
from webviz.limits import Busy, WorkerDied, WorkerMemory, WorkerTimeout

bp = Blueprint("upload", __name__)

MAX_DOC = 120
# Seconds a refused upload is told to wait: most articles are read in seconds, a
# worker's time limit (UPLOAD_TIMEOUT) is minutes.
UPLOAD_RETRY = 30
# A path separator or a control character would let a name leave the temporary folder
# or break the pages that show it.
_BAD_NAME = re.compile(r"[/\\\x00-\x1f\x7f]")


def _size(limit):
    """Return a byte count as people say it: "2 MB", "488 KB"."""
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    return f"{limit // 1024} KB"


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(error):
    """Return the 413 page saying how large an upload may be."""
    config = current_app.config
    files = config["MAX_CONTENT_LENGTH"]
    pasted = min(files, config.get("MAX_FORM_MEMORY_SIZE") or files)
    message = (f"the upload is too large: a file may be up to {_size(files)} and pasted "
               f"text up to {_size(pasted)}; split the article in parts")
    return render_template("error.html", error=error.name, status=413, message=message), 413


def _canon():
    return current_app.extensions["canon"]


def doc_name(name):
    """Return ``name`` stripped when it can name an article file (no path separator,
    no control character, not hidden, at most MAX_DOC characters); 400 otherwise.
    The suffix is ``read_article``'s to check."""
    name = name.strip()
    if not name or len(name) > MAX_DOC or _BAD_NAME.search(name) or name.startswith("."):
        abort(400, description=(
            f"{name!r} cannot name an article: use a plain file name of up to {MAX_DOC} "
            f"characters, without / or \\, ending in one of {', '.join(SUPPORTED_SUFFIXES)}"))
    return name


def _upload():
    """Return (doc, bytes) of the request's upload: the chosen file, else the pasted
    text; 400 when there is neither, or both."""
    chosen = request.files.get("file")
    text = request.form.get("text", "")
    if chosen is not None and chosen.filename and text.strip():
        abort(400, description="paste the text or choose a file, not both: clear one of them")
    if chosen is not None and chosen.filename:
        # Some browsers send the whole client-side path; the name is its last part.
        default = re.split(r"[/\\]", chosen.filename)[-1]
        raw = chosen.read()
    elif text.strip():
        default = f"pasted-{datetime.now():%Y%m%d-%H%M%S}.txt"
        raw = text.replace("\r\n", "\n").encode("utf-8")
    else:
        abort(400, description="nothing to add: paste the article's text or choose a file")
    return doc_name(request.form.get("doc", "") or default), raw


def _read(path):
    """Run in a worker: return ("ok", (Article, facts)) of the file at ``path``, or
    ("refused", reason) for a file ``canon ingest`` would refuse."""
    try:
        article = read_article(path)
        return "ok", (article, extract_articles([article])[0])
    except ArticleError as error:
        return "refused", error.problem


def read_upload(doc, raw):
    """Return (Article, facts) read from ``raw`` as the file ``doc``, as ``canon ingest``
    would read it, in a worker under the app's cap (webviz.limits); 400 with the
    reason for a file it refuses, 503 (with Retry-After when every worker is busy)
    when no worker was free or the reading went past UPLOAD_TIMEOUT or
    UPLOAD_MEMORY_MB."""
    config = current_app.config
    # Loaded here, once, the language model is shared with every worker, not loaded by each.
    load_pipeline()
    with tempfile.TemporaryDirectory(prefix="canon-upload-") as folder:
        path = Path(folder, doc)
        path.write_bytes(raw)
        try:
            status, value = current_app.extensions["canon.workers"].run(
                _read, (path,), timeout=config["UPLOAD_TIMEOUT"], retry_after=UPLOAD_RETRY,
                memory_mb=config["UPLOAD_MEMORY_MB"])
        except Busy as error:
            raise ServiceUnavailable(str(error), retry_after=error.retry_after) from None
        except (WorkerTimeout, WorkerMemory, WorkerDied) as error:
            abort(503, description=f"reading {doc} {error}: split the article in parts")
    if status == "refused":
        abort(400, description=f"{doc}: {value}")
    return value


def pack(raw):
    """Return upload bytes as the text the preview form carries to the save step."""
    return base64.b64encode(zlib.compress(raw, 6)).decode("ascii")


def unpack(text):
    """Return the upload bytes ``pack`` made; 400 for damaged text, 413 past the
    upload size limit (a small text could inflate to far more)."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    damaged = "the preview's content is damaged: preview the article again"
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(base64.b64decode(text, validate=True), limit + 1)
    except (binascii.Error, zlib.error):
        abort(400, description=damaged)
    if len(raw) > limit:
        abort(413)
    if not inflater.eof:
        abort(400, description=damaged)
    return raw


def _status(doc, article):
    """Return what saving would do to the store: "add", "replace" or "unchanged"."""
    known = _canon().store.article_hash(doc)
    if known is None:
        return "add"
    return "unchanged" if known == article.content_hash else "replace"


def _fact_row(fact):
    """Return a fact as the preview lists it: kind, fields, quote, rule, confidence."""
    fields = {name: ", ".join(map(str, value)) if isinstance(value, list) else value
              for name, value in fact.claim.fields().items() if value not in (None, [])}
    ev = fact.evidence
    return {"kind": fact.kind, "fields": fields, "quote": ev.quote, "start": ev.start,
            "end": ev.end, "rule": ev.rule, "confidence": round(float(ev.confidence), 2)}


@bp.route("/add")
def add():
    """Return the form to paste an article or choose its file."""
    return render_template("add.html", suffixes=SUPPORTED_SUFFIXES,
                           limit=_size(current_app.config["MAX_CONTENT_LENGTH"]))


@bp.route("/add/preview", methods=["POST"])
def preview():
    """Return the facts an upload would add, and whether it adds or replaces an
    article; nothing is written."""
    doc, raw = _upload()
    article, facts = read_upload(doc, raw)
    stored = _canon().store.article(doc)
    return render_template(
        "preview.html", doc=doc, article=article, facts=[_fact_row(f) for f in facts],
        status=_status(doc, article), stored=stored, payload=pack(raw))


@bp.route("/add/save", methods=["POST"])
def save():
    """Read the previewed upload again, store its facts, and redirect (303) to the
    article's page."""
    doc = doc_name(request.form.get("doc", ""))
    article, facts = read_upload(doc, unpack(request.form.get("payload", "")))
    canon = _canon()
    canon.store.ingest([(article, facts)])
    canon.changed()
    return redirect(link("pages.article", doc=doc), 303)
