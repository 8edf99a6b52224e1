"""Continuity rules: every form on sentences written for these tests, and statements
that must give no continuity fact."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article, read_article

H, L, N = "Harbour Lights", "Lantern Street", "The Night Ferry"


def _article(text, work=None):
    return Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                   content_hash="0" * 64, work=work)


def _links(text, work=H):
    """Return {(work, relation, with, rule)} of the continuity facts found in ``text``."""
    return {(f.claim.work, f.claim.relation, f.claim.with_, f.evidence.rule)
            for f in extract_article(_article(text, work)) if f.kind == "continuity"}


@pytest.mark.parametrize("text, expected", [
    ("The Night Ferry is a spin-off of Harbour Lights.",
     {(N, "spinoff_of", H, "continuity.spinoff")}),
    ("The Night Ferry, a spin-off of Harbour Lights, starts in May.",
     {(N, "spinoff_of", H, "continuity.spinoff")}),
    ("The Night Ferry was spun off from Lantern Street in 2020.",
     {(N, "spinoff_of", L, "continuity.spinoff")}),
    ("Lantern Street premiered on ITV in 2010. Critics preferred the Lantern Street "
     "spin-off The Night Ferry.",
     {(N, "spinoff_of", L, "continuity.spinoff")}),
    ("The Night Ferry premiered on Channel 4 in 2019 as a spinoff of Lantern Street.",
     {(N, "spinoff_of", L, "continuity.spinoff")}),
    ("Mara later turned up in The Night Ferry, the spin-off, as a ghost.",
     {(N, "spinoff_of", H, "continuity.spinoff")}),
    ("The Night Ferry, the animated spin-off of Lantern Street, is out.",
     {(N, "spinoff_of", L, "continuity.spinoff")}),
    ("The Night Ferry, which was spun off from Lantern Street, is out.",
     {(N, "spinoff_of", L, "continuity.spinoff")}),
    ("The network has such faith in The Night Ferry, its spin-off of Lantern Street, that "
     "it renewed the drama early.", {(N, "spinoff_of", L, "continuity.spinoff")}),
])
def test_spinoff(text, expected):
    """"a spin-off of Y" relates the subject or the appositive head to Y."""
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lantern Street is a sequel to Harbour Lights.",
     {(L, "sequel_of", H, "continuity.sequel")}),
    ("Lantern Street acts as a prequel to The Night Ferry.",
     {(L, "prequel_of", N, "continuity.sequel")}),
    ("Lantern Street premiered on ITV in 2010. The Lantern Street sequel The Night Ferry "
     "opens in May.",
     {(N, "sequel_of", L, "continuity.sequel")}),
    ("Lantern Street: Dawn, a prequel to Lantern Street, is set in 1890.",
     {("Lantern Street: Dawn", "prequel_of", L, "continuity.sequel")}),
    ("The team then made _Harbour Lights: Low Tide_ (2021), a prequel film about the keeper.",
     {("Harbour Lights: Low Tide", "prequel_of", H, "continuity.sequel")}),
])
def test_sequel_and_prequel(text, expected):
    """"a sequel/prequel to Y"; a prequel with no "to" is the article's work's."""
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Night Ferry crossed over with Harbour Lights in its second season.",
     {(N, "crossover_with", H, "continuity.crossover")}),
    ("The Night Ferry started on ITV in 2015, but it crossed over with Lantern Street.",
     {(N, "crossover_with", L, "continuity.crossover")}),
    ("The special is a crossover with Lantern Street and The Night Ferry.",
     set()),
    ("The show is a crossover with Lantern Street and The Night Ferry.",
     {(H, "crossover_with", L, "continuity.crossover"),
      (H, "crossover_with", N, "continuity.crossover")}),
    ("Lantern Street is a crossover event with The Night Ferry.",
     {(L, "crossover_with", N, "continuity.crossover")}),
    ("The special is a crossover between Lantern Street and The Night Ferry.",
     {(L, "crossover_with", N, "continuity.crossover")}),
])
def test_crossover(text, expected):
    """"a crossover with A and B" relates the subject to each; "the special" names no
    work."""
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Night Ferry shares a universe with Harbour Lights.",
     {(N, "shares_continuity", H, "continuity.shared")}),
    ("Although the series shares a universe with Lantern Street and The Night Ferry, "
     "nobody crosses over.",
     {(H, "shares_continuity", L, "continuity.shared"),
      (H, "shares_continuity", N, "continuity.shared")}),
    ("The Night Ferry is set in the same universe as Lantern Street.",
     {(N, "shares_continuity", L, "continuity.shared")}),
    ("The Night Ferry is part of the Coastal Cinematic Universe.",
     {(N, "shares_continuity", "Coastal Cinematic Universe", "continuity.shared")}),
    ("The Night Ferry is part of the MCU.", {(N, "shares_continuity", "MCU",
                                              "continuity.shared")}),
    ("Lantern Street and The Night Ferry share a universe.",
     {(L, "shares_continuity", N, "continuity.shared")}),
    ("The Night Ferry is set in the Lantern Street universe.",
     {(N, "shares_continuity", L, "continuity.shared")}),
    ("Mara returns in The Night Ferry, the spin-off that shared the show's universe.",
     {(N, "spinoff_of", H, "continuity.spinoff"),
      (N, "shares_continuity", H, "continuity.shared")}),
])
def test_shared(text, expected):
    """Shared universe or continuity, with a title, "the series" or "the show's"."""
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Night Ferry has nothing to do with Harbour Lights.",
     {(N, "separate_continuity", H, "continuity.separate")}),
    ("The Night Ferry has no connection to Lantern Street.",
     {(N, "separate_continuity", L, "continuity.separate")}),
    ("The Night Ferry is separate from Lantern Street.",
     {(N, "separate_continuity", L, "continuity.separate")}),
    ("The Night Ferry exists outside the Coastal Cinematic Universe.",
     {(N, "separate_continuity", "Coastal Cinematic Universe", "continuity.separate")}),
    ("The Night Ferry, a reboot of Lantern Street, has a new cast.",
     {(N, "separate_continuity", L, "continuity.reboot")}),
    ("_Salt Road_, which aired on Fox, has nothing to do with the Coastal Cinematic "
     "Universe.",
     {("Salt Road", "separate_continuity", "Coastal Cinematic Universe",
       "continuity.separate")}),
    ("The Night Ferry does not share a universe with Harbour Lights.",
     {(N, "separate_continuity", H, "continuity.shared")}),
    ("Lantern Street premiered on ITV in 2019. The Night Ferry takes place in its own "
     "continuity.",
     {(N, "separate_continuity", L, "continuity.separate")}),
])
def test_separate(text, expected):
    """Denied connections and "its own continuity" after a sentence naming the other."""
    assert _links(text) == expected


def test_reported_question_answered_with_a_denial():
    """A question whether the show has anything to do with Y, answered "None
    whatsoever", makes the article's work separate from Y."""
    text = ("The interviewer asked Ines Calder whether Mara will have anything to do with "
            "the Coastal Cinematic Universe films. Her answer:\n\nNone whatsoever. We are "
            "very much in our own world.")
    assert _links(text) == {
        (H, "separate_continuity", "Coastal Cinematic Universe", "continuity.denial")}


def test_direct_question_answered_no():
    """"Will X have anything to do with Y?" then "No." makes X separate from Y."""
    text = "Will The Night Ferry have anything to do with Lantern Street: Origins? No."
    assert _links(text) == {
        (H, "separate_continuity", "Lantern Street: Origins", "continuity.denial")}


def test_two_series_are_the_two_works_named_last():
    """"The two series shared a universe and crossed over" relates the article's work to
    the other work named just before."""
    text = ("The Night Ferry premiered on ITV in 2001 as a spin-off of Harbour Lights. "
            "The two series shared a universe and crossed over twice.")
    assert _links(text, work=N) == {
        (N, "spinoff_of", H, "continuity.spinoff"),
        (N, "shares_continuity", H, "continuity.pair"),
        (N, "crossover_with", H, "continuity.pair")}


@pytest.mark.parametrize("text", [
    "A spin-off is rumoured.",
    "A Lantern Street spin-off is rumoured for next year.",
    "The Night Ferry could be a spin-off of Harbour Lights.",
    "Is The Night Ferry a spin-off of Harbour Lights?",
    "If The Night Ferry shares a universe with Lantern Street, fans will be pleased.",
    "Mara Quill crossed over from Lantern Street for one episode.",
    "The show has launched a family of spin-offs.",
    "Critics preferred the Netflix spin-off The Night Ferry.",
    "The film takes place in its own continuity.",
    "Fans hoping for crossovers should lower their expectations.",
    "The Night Ferry is a spin-off of Harbour Lights, reportedly.",
    "Asked whether the show will have anything to do with Lantern Street, Calder smiled. "
    "No word yet.",
    "Will the show have anything to do with Lantern Street: Origins? Absolutely.",
    "Will Mara have anything to do with the Old Ones? No.",
    "Varen shares a tent with his captain, and the two armies cross over the river.",
    "The spirits exist in their own world beyond the Veil.",
    "The crew is transported to the Mirror Universe for the finale.",
    "Harbour Lights is set in the Mirror Universe this week.",
    "Mara waits outside The Anchor for an hour.",
    "Mara lives in the Lantern Street universe, she says.",
    "The Night Ferry is not a reboot of Lantern Street.",
])
def test_no_continuity(text):
    """Rumours, modals, questions, conditionals, characters crossing over, unnamed works,
    unanswered or confirmed questions, and questions about things that are not works:
    no continuity fact."""
    assert _links(text) == set()


def test_seed_article_denied_connection(shared):
    """The seed article's showrunner denies any tie to the wider film universe."""
    article = read_article(shared / "eval" / "seed" / "jessica-jones-s2.txt")
    found = {(f.claim.work, f.claim.relation, f.claim.with_)
             for f in extract_article(article) if f.kind == "continuity"}
    assert found == {("Jessica Jones", "separate_continuity", "Marvel Cinematic Universe")}


@pytest.mark.parametrize("text, expected", [
    ("Harbour Lights is a prequel to the 2014 film Lantern Street.",
     {(H, "prequel_of", L, "continuity.sequel")}),
    ("The series is set in the same universe as his earlier series Lantern Street.",
     {(H, "shares_continuity", L, "continuity.shared")}),
    ("The Night Ferry is a remake of the 1998 film Lantern Street.",
     {(N, "separate_continuity", L, "continuity.reboot")}),
    ("A spin-off of Harbour Lights, titled The Night Ferry, was announced in 2023.",
     {(N, "spinoff_of", H, "continuity.spinoff")}),
    ('A sequel to Lantern Street, called "The Night Ferry", is in production.',
     {(N, "sequel_of", L, "continuity.sequel")}),
])
def test_kind_of_work_before_title_and_named_new_work(text, expected):
    """A kind of work between the cue and the title ("the 2014 film X") is skipped, and
    "a spin-off of Y, titled X" makes X the spin-off."""
    assert _links(text) == expected


@pytest.mark.parametrize("text", [
    "A spin-off of Harbour Lights, titled The Night Ferry, is rumoured.",
    "A spin-off of Harbour Lights, which ran for years, was announced.",
    "Harbour Lights is a prequel to the 2014 film.",
])
def test_named_new_work_needs_a_title_and_an_assertion(text):
    """A rumoured spin-off, an aside instead of a title, or no title at all: nothing."""
    assert _links(text) == set()


def test_subtitled_title_after_the_cue_names_its_parent():
    """"the horror prequel X: Y" is a prequel of X, its title's first part."""
    assert _links("The original cut of horror prequel Lantern Street: Dawn is to premiere.") == {
        ("Lantern Street: Dawn", "prequel_of", L, "continuity.sequel")}


@pytest.mark.parametrize("text, expected", [
    ("His next role is playing Mara Quill in a remake of Ann Marsh's classic Lantern Street.",
     set()),
    ("The Night Ferry is a remake of Ann Marsh's classic Lantern Street.",
     {(N, "separate_continuity", L, "continuity.reboot")}),
])
def test_remake_of_an_owned_classic(text, expected):
    """A character played in a remake is no work; an author's possessive before the
    title owns it and is not the work remade."""
    assert _links(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Harbour Lights' prequel Lantern Street will air next year on the BBC.",
     {(L, "prequel_of", H, "continuity.sequel")}),
    ("The BBC's Harbour Lights spin-off Lantern Street has been renewed.",
     {(L, "spinoff_of", H, "continuity.spinoff")}),
])
def test_a_name_owning_a_titled_relation_is_its_parent(text, expected):
    """"Y's prequel X", "the Y spin-off X": Y is the parent work even when the
    article names it nowhere else."""
    assert _links(text, work=None) == expected


@pytest.mark.parametrize("text", [
    "Director Ann Marsh's prequel Lantern Street opens on Friday.",
    "Ann Marsh directed Harbour Lights. Ann Marsh's sequel Lantern Street opens on Friday.",
    "The band released a remake of their 1985 hit Lantern Street.",
    "Sequel rumours have swirled around Lantern Street for years.",
    "Lantern Street could get a sequel if the box office holds up.",
    "The director said there were no plans for a sequel to Lantern Street.",
    "Orrin Vale has denied that The Night Ferry is a sequel to Lantern Street.",
    "Fans have called for a Lantern Street spin-off for years.",
    "Mara Quill said she would love to make a sequel to Lantern Street.",
])
def test_no_continuity_in_news(text):
    """A director's own film, a song's remake, rumours, hopes, denials and wishes:
    no continuity fact."""
    assert _links(text, work=None) == set()


@pytest.mark.parametrize("text, expected", [
    ("The film Harbour Lights took a fortune. Its sequel, Lantern Street, opens in May.",
     {(L, "sequel_of", H, "continuity.sequel")}),
    ("The drama Harbour Lights ended in 2004. The spin-off Lantern Street starts next week.",
     {(L, "spinoff_of", H, "continuity.spinoff")}),
    ("The long-awaited sequel to Harbour Lights, Lantern Street, opens this week.",
     {(L, "sequel_of", H, "continuity.sequel")}),
    ("The BBC has commissioned Lantern Street, a spin-off of its hit drama Harbour Lights.",
     {(L, "spinoff_of", H, "continuity.spinoff")}),
    ("Lantern Street is a spin-off series from the BBC drama Harbour Lights.",
     {(L, "spinoff_of", H, "continuity.spinoff")}),
    ("Orrin Vale will star in Lantern Street, a remake of the 1954 classic Harbour Lights.",
     {(L, "separate_continuity", H, "continuity.reboot")}),
    ("Lantern Street is a reboot of the 1990s drama Harbour Lights.",
     {(L, "separate_continuity", H, "continuity.reboot")}),
    ("Harbour Lights is a British drama series. It spawned a spin-off, Lantern Street, in "
     "2011.", {(L, "spinoff_of", H, "continuity.spinoff")}),
    ("Harbour Lights is a British drama series. The show got a sequel, Lantern Street.",
     {(L, "sequel_of", H, "continuity.sequel")}),
    ("The film Lantern Street opens on Friday. Lantern Street follows on from the 2015 hit "
     "Harbour Lights.", {(L, "sequel_of", H, "continuity.sequel")}),
    ("The film Lantern Street opens on Friday. Lantern Street picks up where Harbour Lights "
     "left off.", {(L, "sequel_of", H, "continuity.sequel")}),
])
def test_news_forms_of_derived_works(text, expected):
    """"its sequel, X", "the spin-off X" (of the work named before), "the sequel to Y,
    X,", "its hit drama Y", "the BBC drama Y", "the 1954 classic Y"; an apposition is
    said whatever the clause around it hedges."""
    assert _links(text, work=None) == expected


@pytest.mark.parametrize("text", [
    "The film Harbour Lights took a fortune. The sequel Orrin Vale directed was a flop.",
    "The film Harbour Lights took a fortune. The sequel, Orrin Vale said, was a mistake.",
    "The film Harbour Lights took a fortune. Fans are waiting for the sequel.",
    "The film Harbour Lights took a fortune. The sequel, which Orrin Vale wrote, opens soon.",
    "The band released Harbour Lights in 2001. Its follow-up, Lantern Street, is out now.",
    "Lantern Street could be a remake of Harbour Lights, the 1970s series.",
    "Mara Quill wants to star in Lantern Street, a planned remake of Harbour Lights.",
    "Harbour Lights is a drama series. Mara Quill launched a spin-off, Lantern Street.",
    "The drama Harbour Lights could spawn a spin-off, Lantern Street.",
    "The film Lantern Street opens on Friday. Mara Quill picks up where Harbour Lights left "
    "off.",
    "The film Lantern Street opens on Friday. It continues the story of Ada Marsh.",
    "The film Lantern Street opens on Friday. It follows Mara Quill as Ada Marsh.",
])
def test_no_derived_work_without_a_title_or_an_assertion(text):
    """A person after "the sequel", no title, an album's follow-up, a modal, a plan."""
    assert _links(text, work=None) == set()
