"""Tests of graph/continuity/checks.py: each rule fires once on its own fixture and
stays silent on a clean franchise (tests/data/continuity/, made-up shows)."""

import json
from pathlib import Path

import pytest

from graph.continuity.checks import RULES, SEVERITIES, Finding, run_checks
from graph.continuity.story import Story
from graph.model.facts import fact_from_json

CONTINUITY = Path(__file__).parent / "data" / "continuity"


def _lines(*names):
    return [json.loads(line) for name in names
            for line in (CONTINUITY / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _story(*names):
    return Story([fact_from_json(obj) for obj in _lines(*names)])


def _inline(*objects):
    return Story([fact_from_json({"source": {"doc": "x.txt", "quote": "q"}, **obj})
                  for obj in objects])


def _quotes(finding):
    return [[ev.quote for ev in sourced.evidence] for sourced in finding.claims]


def _docs(finding):
    return [list(sourced.docs) for sourced in finding.claims]


def test_rule_ids_are_the_public_ones():
    assert list(RULES) == [
        "dead-present", "resurrection-without-death", "two-actors-one-season", "recast",
        "no-such-season", "source-conflict", "order-conflict", "return-without-mode",
    ]
    assert SEVERITIES == ("error", "warning", "question", "info")


# Each case: fixture, rule, severity, quotes per claim, docs per claim, message.
CASES = [
    ("dead-present", "dead-present", "error",
     [["Captain Ives drowns Wren in the sixth episode"],
      ["Wren walks back into the harbour office, alive and well"]],
     [["saltmarsh-s1.txt"], ["saltmarsh-s2.txt"]],
     "Wren Halloway is present in body (appearance) in Saltmarsh S2 after dying in"
     " Saltmarsh S1E6, with no resurrection between"),
    ("resurrection-without-death", "resurrection-without-death", "error",
     [["the orchard's sap raises Pell Dunmore from the dead"],
      ["the Gardener kills Pell in episode five"]],
     [["orchard.txt"], ["orchard.txt"]],
     "Pell Dunmore is resurrected in Brass Orchard S1E2 but dies only later,"
     " in Brass Orchard S2E5"),
    ("two-actors-one-season", "two-actors-one-season", "error",
     [["Ada Brisk stars as Nell Tarrant"], ["Joan Fell plays Nell Tarrant in season two"]],
     [["copper.txt"], ["copper.txt"]],
     "Nell Tarrant is played by Ada Brisk and by Joan Fell in Copper Coast S2"),
    ("recast", "recast", "info",
     [["Hal Weddle played Cass Orrin in the first season"],
      ["Rupert Lorne took over as Cass Orrin from season two"]],
     [["moth-lane.txt"], ["moth-lane.txt"]],
     "Cass Orrin is recast in Moth Lane: Hal Weddle (S1), Rupert Lorne (S2, S3)"),
    ("no-such-season", "no-such-season", "warning",
     [["Tobin leaves town in season four"], ["Glass Harbour season two"]],
     [["glass.txt"], ["glass.txt"]],
     "Tobin Reyes's departure is placed in Glass Harbour S4, but Glass Harbour has"
     " seasons only up to S2"),
    ("source-conflict", "source-conflict", "error",
     [["Bram Keller dies in the third episode"],
      ["Bram is killed in episode five of the second season"]],
     [["vale-recap.txt"], ["vale-review.txt"]],
     "Bram Keller dies in Iron Vale S1E3 (vale-recap.txt) and in Iron Vale S2E5"
     " (vale-review.txt)"),
    ("source-conflict-agents", "source-conflict", "error",
     [["Bram shoots Odile in the finale"], ["Mother Greave poisons Odile in the season finale"]],
     [["vale-recap.txt"], ["vale-wiki.txt"]],
     "Odile Sarn is killed in Iron Vale S1 finale by Bram Keller (vale-recap.txt) and by"
     " Mother Greave (vale-wiki.txt)"),
    ("source-conflict-actors", "source-conflict", "error",
     [["Tess Rowan returns as Odile in season 2"],
      ["Mina Crole plays Odile in the second season"]],
     [["vale-review.txt"], ["vale-wiki.txt"]],
     "Odile Sarn is played by Tess Rowan and by Mina Crole in Iron Vale S2:"
     " Tess Rowan in vale-review.txt, Mina Crole in vale-wiki.txt"),
    ("no-such-episode", "no-such-season", "warning",
     [["Tobin is wounded in the ninth episode"], ["the six-episode first season"]],
     [["glass.txt"], ["glass.txt"]],
     "Tobin Reyes's injury is placed in Glass Harbour S1E9, but Glass Harbour S1 has"
     " 6 episodes"),
    ("source-conflict-episodes", "source-conflict", "error",
     [["the eight episodes of season one"], ["a ten-episode first season"]],
     [["vale-recap.txt"], ["vale-wiki.txt"]],
     "Iron Vale S1 has 8 episodes in vale-recap.txt and 10 in vale-wiki.txt"),
    ("order-conflict", "order-conflict", "warning",
     [["The Wick, a prequel to Lantern Row"],
      ["[[place]]\nwork = \"The Wick\"\nafter = \"Lantern Row S1\""]],
     [["wick-news.txt"], ["lantern-order.toml"]],
     "wick-news.txt puts The Wick before Lantern Row, but lantern-order.toml puts it"
     " after Lantern Row S1, which is the order used"),
    ("order-refused", "order-conflict", "warning",
     [["[[place]]\nwork = \"Lantern Row\"\nafter = \"Lantern Row S1\""]],
     [["lantern-order.toml"]],
     "Lantern Row cannot be placed as lantern-order.toml says: cannot place Lantern Row"
     " next to Lantern Row S1, which lies inside Lantern Row"),
    ("return-without-mode", "return-without-mode", "question",
     [["Juno Hale kills Silas Ferro in the finale"], ["Silas Ferro will be back in season 2"]],
     [["ember.txt"], ["ember.txt"]],
     "In which form does Silas Ferro return in Ember Row S2 after dying in Ember Row"
     " S1 finale: physical, hallucination, flashback, ghost...?"),
]


@pytest.mark.parametrize(("fixture", "rule", "severity", "quotes", "docs", "message"), CASES,
                         ids=[case[0] for case in CASES])
def test_each_rule_fires_once_on_its_fixture(fixture, rule, severity, quotes, docs, message):
    findings = run_checks(_story(fixture))
    assert [(f.rule, f.severity) for f in findings] == [(rule, severity)]
    finding = findings[0]
    assert _quotes(finding) == quotes
    assert _docs(finding) == docs
    assert finding.message == message
    assert "\n" not in finding.message


def test_every_rule_has_a_fixture():
    assert {case[1] for case in CASES} == set(RULES)


def test_clean_franchise_raises_only_its_recast():
    findings = run_checks(_story("clean"))
    assert [(f.rule, f.severity) for f in findings] == [("recast", "info")]
    assert findings[0].message == (
        "Iris Vane is recast in Harrow Fen: Maud Kerrow (S1), Lena Osk (S2, S3)")
    assert _quotes(findings[0]) == [["Maud Kerrow plays Iris Vane"],
                                    ["Lena Osk takes over the role of Iris Vane"]]


@pytest.mark.parametrize("rule", list(RULES))
def test_each_rule_is_silent_on_the_clean_franchise(rule):
    expected = 1 if rule == "recast" else 0
    assert len(RULES[rule](_story("clean"))) == expected


def test_two_articles_agreeing_are_one_claim_not_a_conflict():
    story = _story("clean")
    deaths = [s for s in story.events("Corvin Blackwood") if s.claim.event == "death"]
    assert [list(s.docs) for s in deaths] == [["harrow-s1.txt", "harrow-s2.txt"]]


def test_findings_sort_by_severity_then_story_order():
    # Iron Vale (source-conflict) and Saltmarsh (dead-present) are placed against no
    # other work: they sort by name, whatever order the files are read in.
    for names in (("dead-present", "source-conflict"), ("source-conflict", "dead-present")):
        story = _story("recast", "return-without-mode", "no-such-season", *names)
        assert [f.rule for f in run_checks(story)] == [
            "source-conflict", "dead-present", "no-such-season", "return-without-mode",
            "recast",
        ]


def test_work_limits_findings_to_that_work_in_any_case():
    story = _story("dead-present", "no-such-season", "recast")
    assert len(run_checks(story)) == 3
    assert [f.rule for f in run_checks(story, work="glass HARBOUR")] == ["no-such-season"]
    assert [f.rule for f in run_checks(story, work="the moth lane")] == ["recast"]
    assert run_checks(story, work="Harrow Fen") == []


def test_to_json_gives_rule_severity_message_and_sourced_claims():
    finding = run_checks(_story("source-conflict"))[0]
    data = finding.to_json()
    assert list(data) == ["rule", "severity", "message", "claims", "sides"]
    assert data["rule"] == "source-conflict" and data["severity"] == "error"
    assert data["message"] == finding.message
    assert data["claims"] == [sourced.to_json() for sourced in finding.claims]
    assert data["sides"] == [{"label": side.label,
                              "claims": [sourced.to_json() for sourced in side.claims]}
                             for side in finding.sides]
    assert [side["label"] for side in data["sides"]] == ["S1E3", "S2E5"]
    assert [c["sources"][0]["doc"] for c in data["claims"]] == ["vale-recap.txt",
                                                                "vale-review.txt"]
    assert [(c["season"], c["episode"]) for c in data["claims"]] == [(1, 3), (2, 5)]
    json.dumps(data)


def test_finding_is_frozen():
    finding = Finding("recast", "info", "m", ())
    with pytest.raises(AttributeError):
        finding.rule = "other"


def test_seed_franchise_raises_no_error():
    story = _inline(
        {"kind": "season", "work": "Jessica Jones", "season": 2},
        {"kind": "event", "character": "Kilgrave", "event": "death", "work": "Jessica Jones",
         "season": 1, "episode": "finale", "agent": "Jessica Jones"},
        {"kind": "event", "character": "Kilgrave", "event": "return", "work": "Jessica Jones",
         "season": 2, "mode": "hallucination"},
        {"kind": "portrayal", "actor": "David Tennant", "character": "Kilgrave",
         "work": "Jessica Jones", "seasons": [1, 2]},
        {"kind": "event", "character": "Elektra", "event": "resurrection",
         "work": "The Defenders"},
    )
    assert run_checks(story) == []


@pytest.mark.parametrize("mode", ["hallucination", "flashback", "dream", "vision", "ghost",
                                  "voice", "mention", "clone", "alternate"])
def test_a_return_in_another_form_is_no_presence_of_the_dead(mode):
    story = _inline(
        {"kind": "event", "character": "Wren", "event": "death", "work": "Saltmarsh",
         "season": 1},
        {"kind": "event", "character": "Wren", "event": "return", "work": "Saltmarsh",
         "season": 2, "mode": mode},
    )
    assert run_checks(story) == []


def test_a_physical_return_after_death_is_dead_present():
    story = _inline(
        {"kind": "event", "character": "Wren", "event": "death", "work": "Saltmarsh",
         "season": 1},
        {"kind": "event", "character": "Wren", "event": "return", "work": "Saltmarsh",
         "season": 2, "mode": "physical"},
    )
    assert [f.rule for f in run_checks(story)] == ["dead-present"]


def test_a_second_death_in_one_article_is_dead_present_not_a_conflict():
    story = _inline(
        {"kind": "event", "character": "Wren", "event": "death", "work": "Saltmarsh",
         "season": 1},
        {"kind": "event", "character": "Wren", "event": "death", "work": "Saltmarsh",
         "season": 3},
    )
    findings = run_checks(story)
    assert [f.rule for f in findings] == ["dead-present"]
    assert "(death) in Saltmarsh S3 after dying in Saltmarsh S1" in findings[0].message


def test_a_resurrection_between_clears_the_death():
    story = _inline(
        {"kind": "event", "character": "Wren", "event": "death", "work": "Saltmarsh",
         "season": 1},
        {"kind": "event", "character": "Wren", "event": "resurrection", "work": "Saltmarsh",
         "season": 2, "episode": 1},
        {"kind": "event", "character": "Wren", "event": "return", "work": "Saltmarsh",
         "season": 2, "episode": 1},
        {"kind": "event", "character": "Wren", "event": "injury", "work": "Saltmarsh",
         "season": 3},
    )
    assert run_checks(story) == []


def test_an_unplaced_resurrection_may_lie_between():
    story = _inline(
        {"kind": "event", "character": "Wren", "event": "death", "work": "Saltmarsh",
         "season": 1},
        {"kind": "event", "character": "Wren", "event": "resurrection"},
        {"kind": "appearance", "character": "Wren", "work": "Saltmarsh", "season": 2,
         "mode": "physical"},
    )
    assert run_checks(story) == []


def test_claims_in_unordered_works_never_clash():
    story = _inline(
        {"kind": "event", "character": "Wren", "event": "death", "work": "Saltmarsh",
         "season": 1},
        {"kind": "appearance", "character": "Wren", "work": "Saltmarsh Tales", "season": 2,
         "mode": "physical"},
        {"kind": "event", "character": "Wren", "event": "resurrection",
         "work": "Saltmarsh Origins", "season": 1},
    )
    assert run_checks(story) == []


def test_a_resurrection_with_an_unplaced_death_is_fine():
    story = _inline(
        {"kind": "event", "character": "Pell", "event": "death"},
        {"kind": "event", "character": "Pell", "event": "resurrection", "work": "Orchard",
         "season": 1},
    )
    assert run_checks(story) == []


def test_a_recast_event_explains_two_actors_in_one_season():
    story = Story([fact_from_json(obj) for obj in _lines("two-actors-one-season")] + [
        fact_from_json({"kind": "event", "character": "Nell Tarrant", "event": "recast",
                        "work": "Copper Coast", "season": 2,
                        "source": {"doc": "copper.txt", "start": 300, "end": 325,
                                   "quote": "Nell is recast mid-season"}})])
    findings = run_checks(story)
    assert [(f.rule, f.severity) for f in findings] == [("recast", "info")]
    assert [c.kind for c in findings[0].claims] == ["portrayal", "portrayal", "event"]


def test_no_such_season_needs_a_season_claim():
    story = _inline({"kind": "event", "character": "Tobin", "event": "injury",
                     "work": "Glass Harbour", "season": 9})
    assert run_checks(story) == []


@pytest.mark.backends
def test_cli_check_prints_a_shared_quote_once(tmp_path, runner):
    """A recast event and the portrayal read in one sentence share their quote; the
    finding prints it once, and each other quote once."""
    from graph.cli import cli

    said = {"doc": "fen.txt", "start": 40, "end": 80,
            "quote": "Ada Moss took over the role of Wren in season two"}
    lines = [
        {"kind": "portrayal", "actor": "Lena Hart", "character": "Wren", "work": "Harrow Fen",
         "seasons": [1], "source": {"doc": "fen.txt", "start": 0, "end": 30,
                                    "quote": "Lena Hart played Wren in season one"}},
        {"kind": "portrayal", "actor": "Ada Moss", "character": "Wren", "work": "Harrow Fen",
         "seasons": [2], "source": said},
        {"kind": "event", "character": "Wren", "event": "recast", "work": "Harrow Fen",
         "season": 2, "source": said},
    ]
    facts = tmp_path / "fen.jsonl"
    facts.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert runner.invoke(cli, ["import", str(facts)]).exit_code == 0
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    assert "recast" in result.output
    assert result.output.count("Ada Moss took over the role of Wren") == 1
    assert result.output.count("Lena Hart played Wren in season one") == 1


def _said(doc, **claim):
    return {"work": "Iron Vale", "source": {"doc": doc, "quote": f"{doc} says so"}, **claim}


def _death(doc, **where):
    return _said(doc, kind="event", character="Bram Keller", event="death", **where)


def _sides_of(finding):
    return [(side.label, [list(s.docs) for s in side.claims]) for side in finding.sides]


def test_one_position_told_two_ways_is_one_side_of_one_conflict():
    """S1E13 and the finale of a 13-episode season are one position: three articles
    (two of them agreeing in other words) make one finding with two sides, not one
    finding per pair."""
    story = Story([fact_from_json(line) for line in (
        _said("vale-guide.txt", kind="season", season=1, episodes=13),
        _said("vale-guide.txt", kind="season", season=2),
        _death("vale-recap.txt", season=1, episode=13),
        _death("vale-wiki.txt", season=1, episode="finale"),
        _death("vale-review.txt", season=2, episode=5))])
    [finding] = run_checks(story)
    assert finding.rule == "source-conflict"
    assert _sides_of(finding) == [
        ("S1E13", [["vale-recap.txt"], ["vale-wiki.txt"]]),
        ("S2E5", [["vale-review.txt"]])]
    assert finding.message == ("Bram Keller dies in Iron Vale S1E13 (vale-recap.txt,"
                               " vale-wiki.txt) and in Iron Vale S2E5 (vale-review.txt)")
    assert len(finding.claims) == 3


def test_three_positions_three_killers_three_actors_and_three_counts_are_one_each():
    lines = [_death(f"d{n}.txt", season=n, episode=2) for n in (1, 2, 3)]
    lines += [_said(f"k{n}.txt", kind="event", character="Odile Sarn", event="death",
                    season=1, episode=4, agent=agent)
              for n, agent in enumerate(("Mother Greave", "Bram Keller", "Tess Rowan"))]
    lines += [_said(f"a{n}.txt", kind="portrayal", actor=actor, character="Nell",
                    seasons=[2]) for n, actor in enumerate(("Ada Brisk", "Joan Fell", "Mo Li"))]
    lines += [_said(f"e{n}.txt", kind="season", season=3, episodes=count)
              for n, count in enumerate((8, 10, 12))]
    findings = run_checks(Story([fact_from_json(line) for line in lines]))
    assert sorted(f.message for f in findings) == [
        "Bram Keller dies in Iron Vale S1E2 (d1.txt), in Iron Vale S2E2 (d2.txt) and in"
        " Iron Vale S3E2 (d3.txt)",
        "Iron Vale S3 has 8 episodes in e0.txt, 10 in e1.txt and 12 in e2.txt",
        "Nell is played by Ada Brisk, by Joan Fell and by Mo Li in Iron Vale S2: Ada Brisk"
        " in a0.txt, Joan Fell in a1.txt, Mo Li in a2.txt",
        "Odile Sarn is killed in Iron Vale S1E4 by Mother Greave (k0.txt), by Bram Keller"
        " (k1.txt) and by Tess Rowan (k2.txt)",
    ]
    assert all(len(f.sides) == 3 and f.rule == "source-conflict" for f in findings)


def test_cli_check_prints_each_side_under_its_label(tmp_path, runner):
    from graph.cli import cli

    lines = [_said("vale-guide.txt", kind="season", season=1, episodes=13),
             _said("vale-guide.txt", kind="season", season=2),
             _death("vale-recap.txt", season=1, episode=13),
             _death("vale-wiki.txt", season=1, episode="finale"),
             _death("vale-review.txt", season=2, episode=5)]
    facts = tmp_path / "vale.jsonl"
    facts.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert runner.invoke(cli, ["import", str(facts)]).exit_code == 0
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 1
    shown = [line for line in result.output.splitlines() if not line.startswith("findings")]
    assert shown[0].startswith("error    source-conflict")
    assert [line.strip() for line in shown[1:]] == [
        "S1E13:", "\u201cvale-recap.txt says so\u201d (vale-recap.txt:0-22)",
        "\u201cvale-wiki.txt says so\u201d (vale-wiki.txt:0-21)",
        "S2E5:", "\u201cvale-review.txt says so\u201d (vale-review.txt:0-23)"]


@pytest.mark.parametrize(("fixture", "labels"), [
    ("dead-present", ["death in S1E6", "appearance in S2"]),
    ("resurrection-without-death", ["resurrection in S1E2", "death in S2E5"]),
    ("return-without-mode", ["death in S1 finale", "return in S2"]),
])
def test_the_claims_about_one_life_stand_as_sides(fixture, labels):
    [finding] = run_checks(_story(fixture))
    assert [side.label for side in finding.sides] == labels
    assert [s for side in finding.sides for s in side.claims] == list(finding.claims)
