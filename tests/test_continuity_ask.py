"""Tests for graph.continuity.ask: every intent, answered word for word from Brackwater."""

import doctest

import pytest

import graph.continuity.ask
from graph.continuity.ask import EXAMPLES, TEMPLATES, answer, examples
from graph.continuity.checks import run_checks
from graph.continuity.question import INTENTS

# Each question form, with one question and the answer it must give word for word.
CASES = [
    ("alive", "Is Silas Crane alive in Brackwater S2E1?",
     "Silas Crane is dead at Brackwater S2E1 (present as a ghost), since the death in"
     " Brackwater S1 finale (by Ada Marlowe)."),
    ("alive", "is  the silas dead at the season 2 premiere",
     "Silas Crane is dead at Brackwater S2E1 (present as a ghost), since the death in"
     " Brackwater S1 finale (by Ada Marlowe)."),
    ("alive", "Is Juniper Vale alive in season 3 of Brackwater?",
     "Juniper Vale is alive at Brackwater S3, since the resurrection in Brackwater S2 finale."),
    ("happened", "What happened to Juniper Vale?",
     "What happens to Juniper Vale, in story order: death in Brackwater S2E4 (by the"
     " Tidewalker, cause: drowning); resurrection in Brackwater S2 finale (by Ada Marlowe)."),
    ("comes-back", "How does Silas Crane come back?",
     "Silas Crane comes back as a ghost in Brackwater S2 (a return)."),
    ("comes-back", "how did juniper come back",
     "Juniper Vale comes back in body in Brackwater S2 finale (a resurrection by Ada Marlowe)."),
    ("plays", "Who plays Inspector Hale?",
     "Inspector Hale is played by Owen Pryce in Brackwater S1-S2; Dev Okafor in"
     " Brackwater S3 (a recast)."),
    ("plays", "who plays the Inspector Hale in season 3",
     "Inspector Hale is played by Dev Okafor in Brackwater S3 (a recast)."),
    ("plays", "Who played Mother Crane in season 2?",
     "Mother Crane is played by Greta Lowe in Brackwater (seasons not said)."),
    ("played", "Who did Owen Pryce play?",
     "Owen Pryce plays Inspector Hale in Brackwater S1-S2; Harbourmaster Quint in Low Tide S1."),
    ("died-when", "When did Silas Crane die?", "Silas Crane dies in Brackwater S1 finale."),
    ("died-when", "When did Ada Marlowe die?", "Nothing in the store says Ada Marlowe dies."),
    ("killer", "Who killed Silas Crane?", "Ada Marlowe kills Silas Crane in Brackwater S1 finale."),
    ("killer", "who killed tobias wren",
     "Tobias Wren dies in Brackwater S2E7, and the store names no killer."),
    ("died-in", "Which characters died in Brackwater season 2?",
     "2 characters die in Brackwater S2: Juniper Vale (Brackwater S2E4),"
     " Tobias Wren (Brackwater S2E7)."),
    ("died-in", "Which characters died in Low Tide?",
     "No character dies in Low Tide, as far as the store says."),
    ("back-from-dead", "Which dead characters return?",
     "2 dead characters come back: Juniper Vale dies in Brackwater S2E4 and comes back in body"
     " in Brackwater S2 finale (a resurrection by Ada Marlowe); Silas Crane dies in Brackwater"
     " S1 finale and comes back as a ghost in Brackwater S2 (a return)."),
]


@pytest.mark.parametrize(("form", "question", "text"), CASES)
def test_each_form_gives_its_answer(brackwater, form, question, text):
    got = answer(brackwater, question)
    assert (got.form, got.text) == (form, text)
    # An answer that finds something names the claims it found; "nothing" has none.
    assert bool(got.sources) != text.startswith(("Nothing", "No "))


def test_every_intent_has_a_template_and_reads_its_own_example(brackwater):
    assert set(TEMPLATES) == set(INTENTS)
    own = examples({"character": "Silas Crane", "person": "Owen Pryce", "work": "Brackwater"})
    for intent, example, default in zip(INTENTS, own, EXAMPLES, strict=True):
        assert answer(brackwater, example).form == intent, example
        assert answer(brackwater, default).form == intent, default


def test_answer_names_docs_and_quotes(brackwater):
    got = answer(brackwater, "Who killed Silas Crane?")
    assert got.docs == ["brackwater-s1.txt", "brackwater-s2.txt"]
    out = got.to_json()
    assert set(out) == {"question", "form", "text", "docs", "sources", "suggestions"}
    quotes = [ev["quote"] for source in out["sources"] for ev in source["sources"]]
    assert quotes == ["In the season 1 finale, Ada Marlowe kills Silas Crane on the pier",
                      "Ada shot Silas in the season one finale"]


def test_back_from_dead_cites_the_death_and_the_return(brackwater):
    got = answer(brackwater, "which dead characters come back")
    assert [(s.claim.character, s.claim.event) for s in got.sources] == [
        ("Juniper Vale", "death"), ("Juniper Vale", "resurrection"),
        ("Silas Crane", "death"), ("Silas Crane", "return")]


def test_answers_see_only_what_the_spoiler_cut_leaves(brackwater_story):
    story = brackwater_story(until="Brackwater S2E5")
    got = answer(story, "Is Juniper Vale alive in Brackwater S2E5?")
    assert got.text == "Juniper Vale is dead at Brackwater S2E5, since the death in" \
        " Brackwater S2E4 (by the Tidewalker)."
    assert answer(story, "Who plays Inspector Hale").text == \
        "Inspector Hale is played by Owen Pryce in Brackwater S1-S2."


def test_continuity_lists_the_findings_of_the_checks(brackwater):
    findings = run_checks(brackwater, work="Brackwater")
    got = answer(brackwater, "What breaks the continuity in brackwater?")
    assert findings, "the fixture recasts Inspector Hale"
    plural = "s" if len(findings) != 1 else ""
    assert got.form == "continuity"
    assert got.text == (f"{len(findings)} continuity problem{plural} in Brackwater: "
                        + "; ".join(f.message for f in findings) + ".")
    assert {s for f in findings for s in f.claims} == set(got.sources)


def test_continuity_of_a_clean_work(brackwater):
    got = answer(brackwater, "what breaks continuity in Low Tide")
    assert got.text == "Nothing breaks continuity in Low Tide, as far as the checks see."


def test_unknown_character_answers_with_a_suggestion(brackwater):
    got = answer(brackwater, "Who killed Slas Crain?")
    assert (got.form, got.sources) == ("killer", [])
    assert got.text == "no character named 'Slas Crain' in the store; did you mean Silas Crane?"


def test_unknown_work_in_a_story_time_answers_with_a_suggestion(brackwater):
    got = answer(brackwater, "Is Silas alive in Brakwotr S2?")
    assert got.text == "no work named 'Brakwotr' in the store; did you mean Brackwater?"


def test_story_time_without_a_work_asks_which_when_two_could_be_meant(brackwater):
    got = answer(brackwater, "Which characters died in season 1?")
    assert got.form == "died-in"
    assert "names no work" in got.text and "one of Brackwater, Low Tide" in got.text


def test_unreadable_question_suggests_questions_with_its_own_names(brackwater):
    got = answer(brackwater, "Ada Marlowe, pier, boat?")
    assert got.form is None and got.sources == []
    assert got.suggestions and all("Ada Marlowe" in q for q in got.suggestions)
    assert got.text.startswith("I cannot read") and "Did you mean: " in got.text
    assert " / ".join(got.suggestions) in got.text


def test_unreadable_question_without_names_suggests_the_stores_names(brackwater):
    got = answer(brackwater, "who is the best captain?")
    assert got.form is None and got.suggestions
    assert any(name in q for q in got.suggestions
               for name in ("Juniper Vale", "Silas Crane", "Brackwater", "Callum Reyes"))
    assert not any("Kilgrave" in q for q in got.suggestions)


def test_doctests():
    result = doctest.testmod(graph.continuity.ask)
    assert result.attempted and not result.failed
