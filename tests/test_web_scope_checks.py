"""The continuity and ask pages read the store as ``canon check`` and ``canon ask``
do (a batch of characters at a time; what a question's form needs): each shows what
the whole store's Story shows, links and quotes included, with and without a
spoiler cut and a work filter."""


import pytest
from store_cases import DATA, DEMO, fill
from werkzeug.datastructures import MultiDict

from graph.continuity.ask import answer
from graph.continuity.checks import run_checks
from graph.continuity.scope import story_of_claims
from graph.store import open_store
from webviz import state, views
from webviz.app import create_app


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The app over an on-disk store of the demo articles and the Brackwater facts."""
    with open_store(tmp_path_factory.mktemp("web-checks") / "store") as store:
        yield create_app(fill(store, DEMO, [DATA / "ask" / "facts.jsonl"]),
                         config={"TESTING": True})


def _whole_findings(ctx, work):
    findings = run_checks(ctx.story, work=work)
    return [{"n": n, "rule": f.rule, "severity": f.severity, "message": f.message,
             "claims": [ctx.claim(s) for s in f.claims],
             "sides": [{"label": side.label, "claims": [ctx.claim(s) for s in side.claims]}
                       for side in f.sides]}
            for n, f in enumerate(findings, start=1)]


@pytest.mark.parametrize("until", [None, "Jessica Jones S1E13", "Brackwater S2E1"])
@pytest.mark.parametrize("work", [None, "jessica-jones", "brackwater"])
def test_the_continuity_page_shows_what_the_whole_story_shows(app, until, work):
    args = MultiDict({key: value for key, value in (("until", until), ("work", work)) if value})
    with app.test_request_context("/continuity", query_string=args):
        whole = views.context()
        chosen = views.continuity(args)
        want = _whole_findings(whole, chosen["filters"]["work"])
    assert want or work, "the data must raise findings for the comparison to mean anything"
    assert chosen["findings"] == want
    assert chosen["allowed"]["work"] == whole.story.works()


QUESTIONS = ["Who killed Silas Crane?", "Is Kilgrave alive in Jessica Jones S1E10?",
             "Which dead characters return?", "Which characters died in Brackwater season 2?",
             "Who did Owen Pryce play?", "How does Juniper Vale come back?",
             "Who plays Jessica Jones?", "What breaks continuity in Brackwater?",
             "What happened to Kilgrave?", "Who plays Nobody Atall?", "Why is the sky blue?"]


@pytest.mark.parametrize("until", [None, "Brackwater S2E1"])
@pytest.mark.parametrize("question", QUESTIONS)
def test_the_ask_page_answers_as_the_whole_story_does(app, until, question):
    """The same answer, but for the names a question it cannot read is offered: the
    store's most written-about (it knows the articles' dates), a Story's most
    eventful."""
    query = {"q": question, **({"until": until} if until else {})}
    with app.test_request_context("/ask", query_string=query):
        whole = views.context()
        found = answer(whole.story, question)
        got = views.ask(question)["answer"]
        if found.form is None:
            assert got["text"].split("Did you mean")[0] == found.text.split("Did you mean")[0]
            assert got["suggestions"]
        else:
            assert got["text"] == found.text
        assert got["form"] == found.form
        assert got["sources"] == [whole.claim(s) for s in found.sources]


def test_the_continuity_page_builds_the_story_of_its_findings_once(app, monkeypatch):
    built = []

    def counted(*args, **kwargs):
        built.append(kwargs.get("until"))
        return story_of_claims(*args, **kwargs)

    monkeypatch.setattr(state, "story_of_claims", counted)
    app.extensions["canon"].changed()
    shown = []
    for work in (None, "brackwater", None):
        args = MultiDict({"until": "Jessica Jones S1E13", **({"work": work} if work else {})})
        with app.test_request_context("/continuity", query_string=args):
            shown.append(views.continuity(args)["findings"])
    assert shown[0] and shown[0] == shown[2]
    assert built == ["Jessica Jones S1E13"]
    app.extensions["canon"].changed()
    with app.test_request_context("/continuity?until=Jessica+Jones+S1E13"):
        views.continuity(MultiDict({"until": "Jessica Jones S1E13"}))
    assert len(built) == 2
