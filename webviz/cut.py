"""The spoiler cut of a request: "I have watched up to ..." travels in the URL as
``?until=WORK SxEy`` so that a link shares it, and every link the pages make keeps it."""

from flask import abort, current_app, request, url_for

from graph.errors import StoryTimeError, UnknownEntityError

MAX_CUT = 200


def _raw():
    return (request.args.get("until") or "").strip()


def until():
    """Return the spoiler cut the request names (stripped text), or None; a cut too
    long to be a story time is None here (``story`` refuses it), so that the error
    page that says so can still be drawn."""
    value = _raw()
    return value if value and len(value) <= MAX_CUT else None


def read_at_cut(read):
    """Return ``read(until)`` for the request's cut; a cut that is too long or names
    no known point is a 400 with the reason."""
    if len(_raw()) > MAX_CUT:
        abort(400, description=f"until is {len(_raw())} characters long; the limit is {MAX_CUT}")
    try:
        return read(until())
    except (StoryTimeError, UnknownEntityError) as error:
        abort(400, description=f"until: {error}")


def story():
    """Return the Story of the app's store cut at the request's ``until``; a cut
    that is too long or names no known point is a 400 with the reason."""
    return read_at_cut(current_app.extensions["canon"].story)


def story_about(**names):
    """Return a Story of what the store says about the ``names`` (as
    ``graph.continuity.scope.story_about`` takes them) cut at the request's
    ``until``; a bad cut is a 400 as in ``story``."""
    canon = current_app.extensions["canon"]
    return read_at_cut(lambda cut: canon.story_about(cut, **names))


def link(endpoint, **values):
    """Return the URL of ``endpoint`` keeping the request's spoiler cut (unless
    ``values`` sets ``until`` itself, None to drop it)."""
    if "until" not in values and until():
        values["until"] = until()
    elif values.get("until") is None:
        values.pop("until", None)
    return url_for(endpoint, **values)
