"""Questions answered from a store, reading only what each question form needs: the
claims about the character or actor it names, the deaths of the work it names, the
deaths and returns of everyone for "which dead characters return?", and a check
of the store read a batch of characters at a time for "what breaks continuity?".
The answers are those ``ask.answer`` gives over the whole store's Story.
"""


from graph.continuity.ask import read_answer, with_or_without_the
from graph.continuity.scope import all_works, stands_for, story_about
from graph.continuity.sweep import check_store
from graph.errors import StoryTimeError, UnknownEntityError
from graph.model.storytime import parse_position

# The events that "which dead characters return?" reads.
COMEBACK_EVENTS = ("death", "return", "resurrection")


def _about(store, until, field, name, times=()):
    """Return the Story about one named entity, with or without a leading "the" (as
    ``ask`` resolves names)."""
    return with_or_without_the(
        lambda typed: story_about(store, until=until, times=times, **{field: [typed]}), name)


def _work_named(text):
    """Return the work a story-time text names, or None."""
    try:
        return parse_position(text).work
    except StoryTimeError:
        return None


def _deaths_story(store, until, when):
    """Return the Story of the deaths in the work ``when`` names (of every work
    when it names none, so that the only work can be found), knowing every work."""
    work = _work_named(when)
    try:
        works = stands_for(store, "work", work) if work else [None]
    except UnknownEntityError:
        works = []
    facts = [fact for name in works for fact in store.facts_of_events(("death",), name)]
    return story_about(store, until=until, known=all_works(store), facts=facts)


def _story_for(store, until):
    """Return ``story_for(form id, match)`` reading from ``store`` cut at ``until``."""
    def story_for(form, m):
        if form == "alive":
            return _about(store, until, "characters", m["character"], [m["at"]])
        if form == "plays":
            return _about(store, until, "characters", m["character"],
                          [m["when"]] if m["when"] else [])
        if form == "played":
            return _about(store, until, "actors", m["actor"])
        if form == "died-in":
            return _deaths_story(store, until, m["when"])
        if form == "back-from-dead":
            return story_about(store, until=until, facts=store.facts_of_events(COMEBACK_EVENTS))
        if form == "continuity":
            return story_about(store, until=until, known=all_works(store))
        return _about(store, until, "characters", m["character"])
    return story_for


def answer_from_store(store, question, until=None):
    """Return the Answer to a plain English question (see ``ask.answer``), reading
    from ``store`` only what the question's form needs, cut at ``until``."""
    return read_answer(question, _story_for(store, until),
                       lambda work: check_store(store, work=work, until=until))
