"""The question set of tests/ask_questions.py asked of a real on-disk store of the
made-up shows: at least 90% answered right, every intent read for every phrasing of
its own, and the same answers from the store as from the whole Story."""

import doctest
from collections import Counter

import pytest
from ask_questions import EPISODES, FACT_FILES, QUESTIONS, TITLE_QUESTIONS, right

import graph.continuity.question
import graph.continuity.suggest
from graph.continuity.ask import answer
from graph.continuity.ask_store import answer_from_store
from graph.continuity.question import INTENTS
from graph.continuity.story import load_story
from graph.exchange import import_file
from graph.extract.pipeline import extract_articles
from graph.sources import find_articles, read_article
from graph.store import open_store


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    """Each question's (answer from the store, answer from the whole Story)."""
    with open_store(tmp_path_factory.mktemp("ask-questions") / "store") as store:
        for path in FACT_FILES:
            import_file(store, path, "facts")
        whole = load_story(store)
        return [(answer_from_store(store, question), answer(whole, question))
                for _intent, question, _pieces in QUESTIONS]


def test_the_set_has_sixty_questions_and_four_phrasings_of_every_intent():
    counts = Counter(intent for intent, _question, _pieces in QUESTIONS)
    assert len(QUESTIONS) >= 60 and set(counts) == set(INTENTS)
    assert min(counts.values()) >= 4, counts
    assert len({question.casefold() for _i, question, _p in QUESTIONS}) == len(QUESTIONS)


def test_at_least_nine_in_ten_are_answered_right(answers):
    wrong = [(case[1], got.form, got.text) for case, (got, _whole) in zip(QUESTIONS, answers,
                                                                          strict=True)
             if not right(got, case)]
    share = 1 - len(wrong) / len(QUESTIONS)
    print(f"ask question set: {len(QUESTIONS) - len(wrong)}/{len(QUESTIONS)} right "
          f"({share:.0%})")
    assert share >= 0.9, wrong


def test_every_phrasing_is_read_as_its_intent(answers):
    misread = [(case[1], got.form) for case, (got, _whole) in zip(QUESTIONS, answers, strict=True)
               if got.form != case[0]]
    assert misread == []


def test_answers_keep_their_sources(answers):
    """A right answer that finds something rests on claims with evidence; "nothing",
    and alive with no event before ("X is alive at W S3."), rest on none."""
    for case, (got, _whole) in zip(QUESTIONS, answers, strict=True):
        untouched = got.form == "alive" and " since " not in got.text
        if right(got, case) and not got.text.startswith(("Nothing", "No ")) and not untouched:
            assert got.sources, case[1]
            assert all(s.evidence for s in got.sources)


def test_the_store_answers_as_the_whole_story_does(answers):
    differ = [(got.question, got.text, whole.text) for got, whole in answers
              if got.to_json() != whole.to_json()]
    assert differ == []


def test_an_episode_title_is_a_story_time(tmp_path):
    """An article's title names its episode: "after The Drowned Bell" is Brackwater
    S2E4 (the story time its claims give), "before" it S2E3."""
    with open_store(tmp_path / "store") as store:
        import_file(store, FACT_FILES[0], "facts")
        articles = [read_article(path) for path in find_articles([EPISODES])]
        store.ingest(zip(articles, extract_articles(articles), strict=True))
        got = [(case, answer_from_store(store, case[1])) for case in TITLE_QUESTIONS]
    assert [(case[1], found.form, found.text) for case, found in got
            if not right(found, case)] == []


def test_the_command_prints_suggestions_and_fails_on_an_unreadable_question(tmp_path):
    """``canon ask`` prints the answer and its quotes; a name the store does not know
    gets the questions it may have meant; an unreadable question exits 2."""
    from click.testing import CliRunner

    from graph.cli import cli

    location = str(tmp_path / "store")
    with open_store(location) as store:
        import_file(store, FACT_FILES[0], "facts")
    runner = CliRunner()
    known = runner.invoke(cli, ["ask", "--store", location, "who murdered juniper?"])
    assert known.exit_code == 0, known.output
    assert known.output.startswith("The Tidewalker kills Juniper Vale in Brackwater S2E4.")
    assert "the Tidewalker drowns Juniper Vale" in known.output
    typo = runner.invoke(cli, ["ask", "--store", location, "Who killed Slas Crain?"])
    assert typo.exit_code == 0 and "Did you mean: Who killed Silas Crane?" in typo.output
    odd = runner.invoke(cli, ["ask", "--store", location, "Silas Crane, pier, boat?"])
    assert odd.exit_code == 2 and "Did you mean: " in odd.output


@pytest.mark.parametrize("module", [graph.continuity.question, graph.continuity.suggest])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted and not result.failed
