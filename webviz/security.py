"""Request safety: a CSRF token for every form that writes, and response headers
that keep the page to its own origin (no script, style or request leaves it)."""

import hmac
import secrets

from flask import abort, request, session

# Every asset is the app's own; vis-network sets styles from script, which
# style-src does not govern, so no 'unsafe-inline' is needed anywhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
WRITING_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def csrf_token():
    """Return this session's CSRF token, making one on first use."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def check_csrf():
    """Abort with 400 when a writing request lacks this session's CSRF token (in the
    form field ``csrf`` or the ``X-CSRF-Token`` header); return None otherwise.
    Views that only read (``/sparql`` by POST) are exempted by the app."""
    if request.method not in WRITING_METHODS:
        return
    sent = request.form.get("csrf") or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("csrf") or ""
    if not expected or not hmac.compare_digest(sent, expected):
        abort(400, description="the form's CSRF token is missing or stale: reload the page")


def add_headers(response):
    """Return the response with the security headers every page carries."""
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response
