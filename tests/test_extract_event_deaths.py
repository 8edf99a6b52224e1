"""The forms of English that tell a death (graph.extract.rules.events.deaths), on episode
synopses of made-up shows written for these tests: causatives, reflexives, idioms,
relative clauses, appositions and lists of victims; and the sentences like them that
tell no death."""

import pytest

from graph.extract.pipeline import extract_article
from graph.sources import Article


def _events(text, work="Ironvale"):
    """Return the event facts of ``text`` read as the synopsis of season 2, episode 4."""
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, work=work, season=2, episode=4)
    return [f for f in extract_article(article) if f.kind == "event"]


def _deaths(text):
    """Return {(character, agent, rule)} of the deaths told in ``text``."""
    return {(f.claim.character, f.claim.agent, f.evidence.rule)
            for f in _events(text) if f.claim.event == "death"}


@pytest.mark.parametrize("text, deaths", [
    # "X has Y executed", "X gets Y killed": causatives, present in a synopsis
    ("Ilsa Varn has Cade Morrow executed.",
     {("Cade Morrow", "Ilsa Varn", "event.death_passive")}),
    ("Ilsa Varn has Cade Morrow and Tam Reyes burned at the stake.",
     {("Cade Morrow", "Ilsa Varn", "event.death_passive"),
      ("Tam Reyes", "Ilsa Varn", "event.death_passive")}),
    ("Lord Cade Morrow defies the queen. Ilsa Varn has him hanged.",
     {("Cade Morrow", "Ilsa Varn", "event.death_passive")}),
    ("Ilsa Varn gets Cade Morrow killed.", {("Cade Morrow", "Ilsa Varn", "event.death_passive")}),
    # "Y, whom X kills": the object of a relative clause
    ("Tam Reyes is ambushed by Cade Morrow, whom she kills.",
     {("Cade Morrow", "Tam Reyes", "event.death_active")}),
    # the name in apposition to the object, after a possessor or straight after a noun
    ("Ilsa Varn kills Cade Morrow's brother, Bram Morrow.",
     {("Bram Morrow", "Ilsa Varn", "event.death_active")}),
    ("Ilsa Varn burns her brother Bram at the stake.",
     {("Bram", "Ilsa Varn", "event.death_active")}),
    ("Ilsa Varn kills the Warden.", {("Warden", "Ilsa Varn", "event.death_active")}),
    # lists of victims
    ("Ilsa Varn kills both Cade Morrow and Tam Reyes.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active"),
      ("Tam Reyes", "Ilsa Varn", "event.death_active")}),
    ("Cade Morrow, Tam Reyes and Bram Holt are executed.",
     {("Cade Morrow", None, "event.death_passive"), ("Tam Reyes", None, "event.death_passive"),
      ("Bram Holt", None, "event.death_passive")}),
    ("The Warden and the Hound fall to their deaths.",
     {("Warden", None, "event.death_noun"), ("Hound", None, "event.death_noun")}),
    # the subject of a bare infinitive after "see", "let", "watch"
    ("Ilsa Varn lets Cade Morrow die.", {("Cade Morrow", None, "event.death_intransitive")}),
    ("Tam Reyes sees Ilsa Varn kill Cade Morrow.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    # idioms
    ("Ilsa Varn puts Cade Morrow to death.", {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    ("Cade Morrow is put to the sword.", {("Cade Morrow", None, "event.death_passive")}),
    ("Cade Morrow bleeds to death in the snow.",
     {("Cade Morrow", None, "event.death_intransitive")}),
    ("Cade Morrow perishes in the fire.", {("Cade Morrow", None, "event.death_intransitive")}),
    ("Cade Morrow drowns.", {("Cade Morrow", None, "event.death_intransitive")}),
    ("Cade Morrow dies at the hands of Ilsa Varn.",
     {("Cade Morrow", "Ilsa Varn", "event.death_intransitive")}),
    ("The guards find Cade Morrow dead in his cell.",
     {("Cade Morrow", None, "event.death_intransitive")}),
    ("Cade Morrow is found hanged in his cell.",
     {("Cade Morrow", None, "event.death_intransitive")}),
    ("Cade Morrow is devoured by his own hounds.", {("Cade Morrow", None, "event.death_passive")}),
    ("Cade Morrow is torn to pieces by wolves.", {("Cade Morrow", None, "event.death_passive")}),
    ("Ilsa Varn watches the beheading of Cade Morrow.",
     {("Cade Morrow", None, "event.death_noun")}),
    ("Ilsa Varn avenges Tam Reyes by killing Cade Morrow.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
])
def test_death_forms_in_a_synopsis(text, deaths):
    """Each form names every victim, with the killer where the sentence names one."""
    assert _deaths(text) == deaths


@pytest.mark.parametrize("text, cause", [
    ("Cade Morrow kills himself.", "suicide"),
    ("Cade Morrow hangs himself in the tower.", "suicide"),
    ("Cade Morrow commits suicide by jumping from the tower.", "suicide"),
    ("Cade Morrow burns himself alive.", "suicide"),
    ("Cade Morrow sacrifices himself to save Ilsa Varn.", "sacrifice"),
    ("Ilsa Varn sacrifices Cade Morrow to the fire god.", "sacrifice"),
    ("Cade Morrow starves to death.", "starvation"),
])
def test_deaths_by_their_own_hand_and_their_causes(text, cause):
    """A reflexive or "commits suicide" kills the subject; the verb gives the cause."""
    found = [f.claim for f in _events(text) if f.claim.event == "death"]
    assert [(c.character, c.cause) for c in found] == [("Cade Morrow", cause)]


@pytest.mark.parametrize("text", [
    "Ilsa Varn has Cade Morrow arrested.",
    "Ilsa Varn plans to have Cade Morrow killed.",
    "Ilsa Varn had Cade Morrow executed years ago.",
    "Ilsa Varn has had Cade Morrow executed.",
    "Cade Morrow tries to kill himself.",
    "Cade Morrow attempts suicide.",
    "Cade Morrow commits treason.",
    "Cade Morrow shoots himself in the foot.",
    "Cade Morrow sacrifices his career for Ilsa Varn.",
    "Ilsa Varn puts Cade Morrow in charge of the guard.",
    "Ilsa Varn puts Cade Morrow alive in the cart.",
    "Cade Morrow is put in a cell.",
    "Ilsa Varn finds Cade Morrow alive.",
    "Ilsa Varn finds Cade Morrow dead drunk in the tavern.",
    "Cade Morrow nearly bleeds to death.",
    "Ilsa Varn won't let Cade Morrow die.",
    "Ilsa Varn slaughters the Council of Nine.",
    "Ilsa Varn kills the Morrows at the feast.",
    "Cade Morrow eats dinner with Ilsa Varn.",
    "Ilsa Varn eats Cade Morrow's heart.",
    "Cade Morrow, whom Ilsa Varn loves, flees.",
    "Cade Morrow, who then kills the guard, flees.",
])
def test_sentences_like_the_forms_that_tell_no_death(text):
    """Arrests, plans, backstory, attempts, other objects of the same verbs: no death."""
    assert _deaths(text) == set()


@pytest.mark.parametrize("text, deaths", [
    # a name that opens the next clause is no victim of the list before it
    ("After Cade Morrow kills Tam Reyes, Ilsa Varn flees.",
     {("Tam Reyes", "Cade Morrow", "event.death_active")}),
    # a name after a verb is no subject listed with the one that dies
    ("Ilsa Varn meets Bram Holt and Cade Morrow dies.",
     {("Cade Morrow", None, "event.death_intransitive")}),
    ("After meeting Bram Holt, Ilsa Varn and Cade Morrow are executed.",
     {("Ilsa Varn", None, "event.death_passive"), ("Cade Morrow", None, "event.death_passive")}),
    # a name that says what kind of soldier is no one's name
    ("Cade Morrow is murdered by the Holt soldiers.", {("Cade Morrow", None,
                                                        "event.death_passive")}),
])
def test_the_victims_and_killers_a_list_does_not_hold(text, deaths):
    """Lists end where a new clause begins; kinds of soldiers are not agents."""
    assert _deaths(text) == deaths


def test_idiom_quotes_hold_the_words_that_kill():
    """"put to death" is quoted whole: "is put" alone says nothing."""
    text = "Cade Morrow is put to death. Ilsa Varn puts Tam Reyes to the sword."
    quotes = sorted(f.evidence.quote for f in _events(text))
    assert quotes == ["Cade Morrow is put to death", "Ilsa Varn puts Tam Reyes to the sword"]
    for fact in _events(text):
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.quote


@pytest.mark.parametrize("text, deaths", [
    # the parse: the subject of a coordinated verb is the first verb's
    ("The plan does not go the way Pell Dunmore intends. As fragments of Ilsa Varn's "
     "memory return, she turns on her mistress and kills her.",
     {("Pell Dunmore", "Ilsa Varn", "event.death_active")}),
    # the parse's subject, when a long apposition hides it from word order
    ("Cade Morrow, played by Owen Pike, a former sailor turned teacher at Ironvale "
     "School, is hit by a cart and killed.",
     {("Cade Morrow", None, "event.death_passive")}),
    # "ends with Y dead", "leaves her dead": the object dies
    ("The episode ends with Cade Morrow (Owen Pike) dead on the stairs.",
     {("Cade Morrow", None, "event.death_intransitive")}),
    ("Ilsa Varn meets Tam Reyes on the cliff, and she leaves him dead in the snow.",
     {("Tam Reyes", "Ilsa Varn", "event.death_active")}),
    # a participle hanging from a name
    ("The season closes on Cade Morrow, killed by Ilsa Varn on the bridge.",
     {("Cade Morrow", "Ilsa Varn", "event.death_passive")}),
    # a quoted nickname between the verb and its victim
    ('The show killed off "Red" Cade Morrow in the finale.',
     {("Cade Morrow", None, "event.death_active")}),
])
def test_deaths_read_from_the_parse(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize("text", [
    # left for dead, presumed dead, faked deaths, deaths referred to
    "Ilsa Varn leaves Cade Morrow for dead in the snow.",
    "Cade Morrow is presumed dead after the wreck.",
    "Cade Morrow fakes his death to escape the guild.",
    "Ilsa Varn stages her own death at sea.",
    "Ilsa Varn pulls Cade Morrow out of time at the instant before his death in the finale.",
    "With Cade Morrow dead, the guild turns on Ilsa Varn.",
    # dreams, visions and hallucinations are no deaths
    "In a nightmare, Cade Morrow is killed by Ilsa Varn.",
    "Ilsa Varn has a vision in which Cade Morrow dies.",
    "Cade Morrow dies in Ilsa Varn's dream.",
])
def test_deaths_that_are_not_deaths(text):
    assert _deaths(text) == set()


@pytest.mark.parametrize("text, deaths", [
    # a poisoning tells a death, with or without its poisoner
    ("Cade Morrow is poisoned at his wedding.", {("Cade Morrow", None, "event.death_passive")}),
    ("Ilsa Varn poisons Cade Morrow at the feast.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    # by one's own hand: the victim is the agent
    ("Cade Morrow kills himself.", {("Cade Morrow", "Cade Morrow", "event.death_active")}),
    ("Cade Morrow takes his own life.", {("Cade Morrow", "Cade Morrow", "event.death_active")}),
    # a gerund after a preposition: its doer is the subject of the main clause
    ("After killing Cade Morrow, Ilsa Varn flees the city.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    ("Ilsa Varn escapes by killing Cade Morrow.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    # "along with": the companions share the fate
    ("Cade Morrow is killed along with Tam Reyes.",
     {("Cade Morrow", None, "event.death_passive"), ("Tam Reyes", None, "event.death_passive")}),
    # a throat slit, told in the passive
    ("Cade Morrow's throat is slit by Ilsa Varn.",
     {("Cade Morrow", "Ilsa Varn", "event.death_passive")}),
    ("Cade Morrow has his throat slit in the tavern.",
     {("Cade Morrow", None, "event.death_passive")}),
    # pronouns resolved to the names before them
    ("Ilsa Varn confronts her uncle, Cade Morrow. She stabs him to death.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    ("Ilsa Varn finds Cade Morrow in the cellar and kills him.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    # a head cut off, a sword run through, a stab in the heart, a life given
    ("Ilsa Varn cuts off Cade Morrow's head.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    ("Lord Cade Morrow kneels before the queen. Ilsa Varn chops his head off.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    ("Cade Morrow's head is cut off by Ilsa Varn.",
     {("Cade Morrow", "Ilsa Varn", "event.death_passive")}),
    ("Ilsa Varn runs Cade Morrow through with a sword.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    ("Cade Morrow is run through by Ilsa Varn.",
     {("Cade Morrow", "Ilsa Varn", "event.death_passive")}),
    ("Ilsa Varn stabs Cade Morrow through the heart.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    ("Cade Morrow gives his life to save Ilsa Varn.",
     {("Cade Morrow", "Cade Morrow", "event.death_active")}),
    ("Cade Morrow lays down his life for Ilsa Varn.",
     {("Cade Morrow", "Cade Morrow", "event.death_active")}),
    ("Cade Morrow bleeds out in the snow.", {("Cade Morrow", None, "event.death_intransitive")}),
    # a body found: a death, and the finder is no killer
    ("Cade Morrow's body is found in the river.",
     {("Cade Morrow", None, "event.death_intransitive")}),
    ("Ilsa Varn discovers the corpse of Cade Morrow.",
     {("Cade Morrow", None, "event.death_intransitive")}),
    ("Lord Cade Morrow is missing. Ilsa Varn finds his body in the woods.",
     {("Cade Morrow", None, "event.death_intransitive")}),
])
def test_more_ways_to_tell_a_death(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize("text", [
    "Cade Morrow is poisoned but survives.",
    "Ilsa Varn poisons Cade Morrow, who slowly recovers.",
    "In a flashback, Ilsa Varn kills Cade Morrow.",
    "Ilsa Varn stops Tam Reyes killing Cade Morrow.",
    "Ilsa Varn is tasked with killing Cade Morrow.",
    "Ilsa Varn tries to poison Cade Morrow.",
    "Ilsa Varn fails to kill Cade Morrow.",
    "Ilsa Varn threatens to kill Cade Morrow.",
    "Ilsa Varn nearly kills Cade Morrow.",
    "Cade Morrow survives an attempt on his life.",
    "Ilsa Varn kills three soldiers and a wolf.",
    "Ilsa Varn mourns Cade Morrow's death.",
    "Ilsa Varn cuts Cade Morrow's head.",
    "Ilsa Varn cuts off Cade Morrow's hair.",
    "Ilsa Varn runs Cade Morrow through the drill.",
    "Ilsa Varn runs through the forest with Cade Morrow.",
    "Cade Morrow gives his life meaning.",
    "Cade Morrow gives his life to the church.",
    "Ilsa Varn buries Cade Morrow's body.",
    "Ilsa Varn discovers Cade Morrow's secret.",
    "Ilsa Varn finds Cade Morrow's body double.",
])
def test_harms_and_plans_that_are_no_deaths(text):
    """Survived, remembered, prevented, assigned, attempted, threatened: no death."""
    assert _deaths(text) == set()


def _past_synopsis(text):
    """Return {(character, agent)} of the deaths of ``text``, read as the synopsis of
    an episode."""
    return {(f.claim.character, f.claim.agent) for f in _events(text)
            if f.claim.event == "death"}


def test_a_synopsis_told_in_the_past_tense_tells_its_deaths():
    """Told in the past tense, the simple past is the story and the past perfect its
    backstory."""
    text = ("Ilsa Varn arrived at the harbour with Bram Holt. She confronted Cade Morrow "
            "about the ledger, and he denied everything. Bram Holt searched the ship and "
            "found the ledger in a barrel. Ilsa Varn challenged Cade Morrow to a duel. "
            "Cade Morrow was killed by Ilsa Varn at dawn. Meanwhile, Tam Reyes rode north "
            "to meet Pell Dunmore. Pell Dunmore had murdered her father years before. "
            "Tam Reyes poisoned Pell Dunmore at the feast.")
    assert _past_synopsis(text) == {("Cade Morrow", "Ilsa Varn"), ("Pell Dunmore", "Tam Reyes")}


def test_a_synopsis_told_in_the_present_keeps_its_past_as_backstory():
    text = ("Ilsa Varn arrives at the harbour with Bram Holt. She confronts Cade Morrow, "
            "who murdered her father years ago. Bram Holt searches the ship and finds "
            "the ledger. Ilsa Varn challenges Cade Morrow to a duel and kills him at dawn.")
    assert _past_synopsis(text) == {("Cade Morrow", "Ilsa Varn")}


@pytest.mark.parametrize("text, deaths", [
    ("The duel ends in the death of Cade Morrow.", {("Cade Morrow", None, "event.death_noun")}),
    ("Ilsa Varn witnesses the death of Cade Morrow.",
     {("Cade Morrow", None, "event.death_noun")}),
    ("The episode ends with Cade Morrow's death.", {("Cade Morrow", None, "event.death_noun")}),
    ("The storm causes Cade Morrow's death.", {("Cade Morrow", None, "event.death_noun")}),
    ("Cade Morrow is killed in the battle.", {("Cade Morrow", None, "event.death_passive")}),
    ("Cade Morrow dies of his wounds.", {("Cade Morrow", None, "event.death_intransitive")}),
])
def test_a_death_told_by_a_noun_or_a_battle(text, deaths):
    """A death noun tells a death where a verb makes it happen in the story."""
    assert _deaths(text) == deaths


@pytest.mark.parametrize("text", [
    # a death remembered, avenged, learned of: told elsewhere, not here
    "Ilsa Varn avenges Cade Morrow's death.",
    "Ilsa Varn learns of Cade Morrow's death.",
    "After Cade Morrow's death, Ilsa Varn rules alone.",
    "Ilsa Varn blames Tam Reyes for Cade Morrow's death.",
    "Ilsa Varn remembers the death of Cade Morrow.",
    "Ilsa Varn plots Cade Morrow's death.",
    "Ilsa Varn is haunted by Cade Morrow's death.",
])
def test_a_death_noun_that_tells_no_death_here(text):
    assert _deaths(text) == set()


@pytest.mark.parametrize("text, deaths", [
    # a hedge word in another clause leaves the event told as done
    ("Ilsa Varn, sent by the queen, kills Cade Morrow.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    ("Cade Morrow, who ordered the attack, is killed by Ilsa Varn.",
     {("Cade Morrow", "Ilsa Varn", "event.death_passive")}),
    ("Ilsa Varn, who wanted revenge, kills Cade Morrow.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    ("Cade Morrow, who tried to flee, is executed.",
     {("Cade Morrow", None, "event.death_passive")}),
    ("Ilsa Varn claims the throne after killing Cade Morrow.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    ("Ilsa Varn orders her men to retreat, then kills Cade Morrow herself.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
    # a name after a verb's particle is its object, never the next verb's subject
    ("Ilsa Varn hunts down Cade Morrow and kills him.",
     {("Cade Morrow", "Ilsa Varn", "event.death_active")}),
])
def test_hedges_of_other_clauses_leave_a_death_told(text, deaths):
    assert _deaths(text) == deaths


@pytest.mark.parametrize("text", [
    "Ilsa Varn orders her men to kill Cade Morrow.",
    "Ilsa Varn orders Cade Morrow executed.",
    "Ilsa Varn hires an assassin to kill Cade Morrow.",
    "Ilsa Varn sends assassins to kill Cade Morrow.",
    "Ilsa Varn claims that Tam Reyes killed Cade Morrow.",
    "The plot to kill Cade Morrow fails.",
    "Ilsa Varn wants Tam Reyes to kill Cade Morrow.",
    "Ilsa Varn apparently kills Cade Morrow.",
])
def test_hedges_that_hold_the_death_in_their_clause(text):
    """Orders, hires, claims, plots and wishes that govern the killing: no death."""
    assert _deaths(text) == set()
