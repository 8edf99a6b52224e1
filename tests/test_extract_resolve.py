"""Entity resolution: one canonical name per entity, within an article, across the
articles of one work, and for actors across works; on sentences written for these
tests about made-up shows."""

from types import SimpleNamespace

import pytest

from graph.extract.mentions.aliases import name_form
from graph.extract.mentions.names import NameSpan
from graph.extract.mentions.resolve_spelling import slips, spelling_map
from graph.extract.mentions.resolve_table import NameTable
from graph.extract.pipeline import extract_articles, iter_read
from graph.extract.reading.nlp import load_pipeline
from graph.extract.reading.tokens import Tokens
from graph.sources import Article


def _article(text, work=None, doc="t.txt"):
    return Article(doc=doc, path=doc, format="txt", text=text, body_start=0,
                   content_hash="0" * 64, work=work)


def _read(*texts, work="Harbour Lights"):
    """Return the facts of each text, read together as articles of ``work`` (a text
    may be a (text, work) pair)."""
    articles = []
    for i, text in enumerate(texts):
        text, own = text if isinstance(text, tuple) else (text, work)
        articles.append(_article(text, own, f"a{i}.txt"))
    return extract_articles(articles)


def _portrayals(facts):
    return {(f.claim.actor, f.claim.character) for f in facts if f.kind == "portrayal"}


def _events(facts):
    return {(f.claim.character, f.claim.event, f.claim.agent, f.evidence.rule)
            for f in facts if f.kind == "event"}


# Within one article.

def test_first_name_resolves_to_the_full_name_the_prose_gives():
    """Any name span is a source of full names, not only the names in facts."""
    facts = _read("The harbour belongs to Mara Quill this year. Mara (Ines Vidal) keeps "
                  "the lights burning. Mara dies in the finale.")[0]
    assert _portrayals(facts) == {("Ines Vidal", "Mara Quill")}
    assert ("Mara Quill", "death", None, "event.death_intransitive") in _events(facts)


def test_quoted_nickname_is_an_alias_of_the_full_name():
    """Eddard "Ned" Stark style: the nickname alone and with the surname resolve."""
    facts = _read('Tobias "Toby" Marsh leads the crew. Toby (Owen Pike) never sleeps. '
                  "Later Toby Marsh (Owen Pike) sails home.")[0]
    assert _portrayals(facts) == {("Owen Pike", "Tobias Marsh")}


def test_title_goes_when_two_name_words_remain_and_stays_on_one():
    """King Aldric Vane is Aldric Vane; Maester Corwin keeps his title, and a bare
    Corwin is Maester Corwin."""
    facts = _read("King Aldric Vane (Peter Lang) rules the isles. Maester Corwin (Sam Ode) "
                  "advises him. Corwin was killed by Aldric.")[0]
    assert _portrayals(facts) == {("Peter Lang", "Aldric Vane"), ("Sam Ode", "Maester Corwin")}
    assert ("Maester Corwin", "death", "Aldric Vane", "event.death_passive") in _events(facts)


def test_title_with_a_surname_picks_the_one_met_with_that_title():
    """Two Hales: "Commander Hale" is the one the articles call Commander."""
    facts = _read("Lord Commander Edric Hale guards the wall, and his son Bryn Hale deserts.",
                  "Commander Hale (Tomas Reed) speaks to the recruits.")
    assert _portrayals(facts[1]) == {("Tomas Reed", "Edric Hale")}


def test_title_with_a_surname_met_only_without_it_stays():
    """A lone Hale without the title is no reason to make "Lady Hale" Edric Hale."""
    facts = _read("Edric Hale guards the wall.", "Lady Hale (Joy Adebayo) waits at home.")
    assert _portrayals(facts[1]) == {("Joy Adebayo", "Lady Hale")}


def test_first_name_of_two_full_names_in_an_article_stays():
    """Tomas Reed and Tomas Gray: a bare Tomas could be either."""
    facts = _read("Tomas Reed and Tomas Gray both sail. Tomas (Owen Pike) is lost at sea.")[0]
    assert _portrayals(facts) == {("Owen Pike", "Tomas")}


def test_actor_surname_resolves_within_the_article():
    """"Vidal" after "Ines Vidal" is the actor, as the article's table says."""
    (_facts, ctx), = iter_read([_article("Ines Vidal joins the cast. Vidal trained for it.",
                                         "Harbour Lights")])
    table = NameTable([([], ctx)], people={"ines vidal"}, local=True)
    assert table.resolve("Vidal", "actor") == "Ines Vidal"


def test_two_names_run_together_are_not_a_full_name():
    """A caption's "Vex Nora" (two names without a comma) gives Vex no surname: Nora
    is the given name of Nora Finch, and no one's surname."""
    doc = load_pipeline()("Nora Finch meets Vex. Vex Nora wave.")
    spans = [NameSpan(s.start, s.end, s.start_char, s.end_char, s.text, None, frozenset())
             for s in (doc[0:2], doc[3:4], doc[5:7])]
    ctx = SimpleNamespace(names=spans, doc=doc, tokens=Tokens(doc), default_work="Nora Finch")
    table = NameTable([([], ctx)], local=True)
    assert table.resolve("Vex", "character") == "Vex"
    assert table.resolve("Nora", "character") == "Nora Finch"


# Across the articles of one work.

def test_first_name_resolves_to_the_full_name_another_article_gives():
    """One synopsis says Ada Marsh, the next only Ada."""
    facts = _read("Ada Marsh arrives in the harbour town.",
                  "Ada (Lena Ferris) returns. Ada was killed by Tomas.")
    assert _portrayals(facts[1]) == {("Lena Ferris", "Ada Marsh")}
    assert ("Ada Marsh", "death", "Tomas", "event.death_passive") in _events(facts[1])


def test_family_list_of_first_names_resolves_one_by_one():
    """"Orrin has three sons, Kell, Davin and Piet": each first name with one full
    name in the work resolves; no surname is invented for the others."""
    facts = _read("Kell Vane (Owen Pike) sails north.",
                  "Orrin has three sons Kell (Owen Pike), Davin (Sami Okafor) and "
                  "Piet (Peter Lang).")
    assert _portrayals(facts[1]) == {("Owen Pike", "Kell Vane"), ("Sami Okafor", "Davin"),
                                     ("Peter Lang", "Piet")}


def test_two_people_with_one_first_name_are_kept_apart():
    """Ada Marsh and Ada Brandt in one work: a bare Ada stays Ada."""
    facts = _read("Ada Marsh arrives in the harbour town.", "Ada Brandt runs the inn.",
                  "Ada (Lena Ferris) returns.")
    assert _portrayals(facts[2]) == {("Lena Ferris", "Ada")}


def test_the_actor_tells_two_namesakes_apart():
    """Ada Marsh is played by Lena Ferris elsewhere in the work, Ada Brandt by
    another: "Ada (Lena Ferris)" is Ada Marsh."""
    facts = _read("Ada Marsh (Lena Ferris) arrives in the harbour town.",
                  "Ada Brandt (Noor Haddad) runs the inn.", "Ada (Lena Ferris) returns.")
    assert _portrayals(facts[2]) == {("Lena Ferris", "Ada Marsh")}


def test_one_first_name_in_two_works_is_two_people():
    """Nell Harlow of one show is not the Nell of another."""
    facts = _read(("Nell Harlow (Joy Adebayo) runs the lighthouse.", "Harbour Lights"),
                  ("Nell (Peter Lang) opens a bakery.", "Lantern Street"))
    assert _portrayals(facts[1]) == {("Peter Lang", "Nell")}


def test_character_surname_does_not_cross_articles():
    """A lone surname is resolved by its own article only."""
    facts = _read("Bryn Hale guards the wall.", "Hale (Owen Pike) deserts.")
    assert _portrayals(facts[1]) == {("Owen Pike", "Hale")}


# Misspellings.

@pytest.mark.parametrize("variant, canonical, kinds", [
    ("Jrovan Teller", "Jorvan Teller", ("swap",)),
    ("Halvord", "Halvard", ("edit",)),
    ("Drogin", "Drogi", ("end",)),
    ("Jon", "Joe", None),
    ("Kelda", "Pelda", None),
    ("Walker", "Walder", None),
])
def test_slips_are_one_edit_a_word(variant, canonical, kinds):
    """One swap or edit per word, same first letter, four letters at least, and the
    variant not an English word."""
    assert slips(variant, canonical) == kinds


def test_misspelling_with_the_same_actor_merges_into_the_frequent_spelling():
    """Jorvan twice and Jrovan once, all played by Mika Holt: one Jorvan."""
    facts = _read("Jorvan (Mika Holt) sails.", "Jorvan (Mika Holt) returns.",
                  "Jrovan (Mika Holt) is lost.")
    assert _portrayals(facts[2]) == {("Mika Holt", "Jorvan")}


def test_misspelling_with_another_actor_is_another_person():
    """Dorian Vex and Dorain Vex played by two actors stay two characters."""
    facts = _read("Dorian Vex (Mika Holt) sails.", "Dorain Vex (Owen Pike) rows.")
    assert _portrayals(facts[1]) == {("Owen Pike", "Dorain Vex")}


def test_far_rarer_misspelling_merges_only_in_a_long_word():
    """Halvord (once) beside Halvard (four times) merges; Kira beside Kora does not."""
    counts = {"halvard": 4, "halvord": 1, "kora": 9, "kira": 1}
    assert spelling_map(counts, {}) == {"halvord": "halvard"}


def test_misspelling_in_another_work_is_not_merged():
    """The same slip in another show's article is left alone."""
    facts = _read(("Jorvan (Mika Holt) sails.", "Harbour Lights"),
                  ("Jorvan (Mika Holt) returns.", "Harbour Lights"),
                  ("Jrovan (Mika Holt) is lost.", "Lantern Street"))
    assert _portrayals(facts[2]) == {("Mika Holt", "Jrovan")}


# Shows, their title characters, and actors.

def test_show_and_its_title_character_are_told_apart():
    """"Nora Finch" the show stays the work; Nora the woman is the character Nora Finch."""
    facts = _read("Nora Finch returns for a second season. Nora (Joy Adebayo) takes a case.",
                  work="Nora Finch")[0]
    portrayal, = [f for f in facts if f.kind == "portrayal"]
    assert (portrayal.claim.actor, portrayal.claim.character, portrayal.claim.work) == \
        ("Joy Adebayo", "Nora Finch", "Nora Finch")


def test_an_actor_is_one_person_across_works():
    """Ines Vidal in two shows is one actor: her rare misspelling in the second show
    takes the spelling the first show's articles use."""
    facts = _read(("Tilde Marsh (Ines Vidal) sails.", "Harbour Lights"),
                  ("Tilde Marsh (Ines Vidal) returns.", "Harbour Lights"),
                  ("Ines Vidal joins the cast. Tilde (Ines Vidal) waves.", "Harbour Lights"),
                  ("Bram Kettle (Ines Vidall) bakes bread.", "Lantern Street"))
    assert _portrayals(facts[3]) == {("Ines Vidal", "Bram Kettle")}


def test_actor_across_works_does_not_carry_a_character_across():
    """The same actor in two shows: her character's first name stays in its own show."""
    facts = _read(("Tilde Marsh (Ines Vidal) sails.", "Harbour Lights"),
                  ("Tilde (Ines Vidal) opens a bakery.", "Lantern Street"))
    assert _portrayals(facts[1]) == {("Ines Vidal", "Tilde")}


def test_actor_surname_resolves_only_within_its_work():
    """"Vidal" is Ines Vidal in a work whose articles name her, and stays Vidal in a
    work whose articles never do."""
    read = list(iter_read([_article("Ines Vidal joins the cast.", "Harbour Lights", "a.txt"),
                           _article("Vidal trained for it.", "Harbour Lights", "b.txt"),
                           _article("Vidal trained for it.", "Lantern Street", "c.txt")]))
    people = {"ines vidal"}
    harbour = NameTable([([], ctx) for _f, ctx in read[:2]], people=people, local=False)
    lantern = NameTable([([], read[2][1])], people=people, local=False)
    assert harbour.resolve("Vidal", "actor") == "Ines Vidal"
    assert lantern.resolve("Vidal", "actor") == "Vidal"


@pytest.mark.parametrize("text, canonical", [
    ("King Robert Vane", "Robert Vane"),
    ("Councillor Petra Lisk", "Petra Lisk"),
    ("Lord Commander Joss Mormo", "Joss Mormo"),
    ("Maester Luwo", "Maester Luwo"),
    ("Grand Maester Pell", "Grand Maester Pell"),
    ("Mother of Storms", "Mother of Storms"),
    ("Captain", "Captain"),
])
def test_name_forms(text, canonical):
    """Titles are dropped when two name words remain, kept otherwise."""
    assert name_form(text).canonical == canonical


def test_doctests():
    """The examples in the resolution modules' docstrings run."""
    import doctest

    from graph.extract.mentions import aliases, resolve_spelling, resolve_table
    for module in (aliases, resolve_spelling, resolve_table):
        assert doctest.testmod(module).failed == 0
