"""graph.continuity.names: each way a typed name fits a stored one, the ranking by fit
and by what the store says, near ties, and suggestions by the name typed."""

import pytest

from graph.continuity.names import FIT, Names, choose, closest, fit, ranked
from graph.continuity.story import find_name, name_fits
from graph.errors import UnknownEntityError

STARKS = Names(
    ["Eddard Stark", "Arya Stark", "Sansa Stark", "Bran Stark", "Benjen Stark", "Ned Umber",
     "Sandor Clegane", "Daenerys Targaryen", "Jaime Lannister", "Maester Luwin"],
    aliases={"Eddard Stark": ("Ned",), "Sandor Clegane": ("The Hound",),
             "Daenerys Targaryen": ("Dany",)},
    weight={"Eddard Stark": 40, "Arya Stark": 35, "Sansa Stark": 30, "Bran Stark": 12,
            "Benjen Stark": 3, "Ned Umber": 2, "Sandor Clegane": 20, "Daenerys Targaryen": 50,
            "Jaime Lannister": 25, "Maester Luwin": 4})


@pytest.mark.parametrize(("typed", "name", "how"), [
    ("eddard stark", "Eddard Stark", "same"),
    ("The Eddard Stark", "Eddard Stark", "same"),
    ("Lord Eddard Stark", "Eddard Stark", "core"),
    ("Ned", "Eddard Stark", "alias"),
    ("Ned Stark", "Eddard Stark", "alias"),
    ("the hound", "Sandor Clegane", "alias"),
    ("Hound", "Sandor Clegane", "alias"),
    ("Eddard", "Eddard Stark", "given"),
    ("Stark", "Eddard Stark", "surname"),
    ("Lord Commander Jon Snow", "Jon Snow", "core"),
    ("Aegon Jon Snow", "Jon Snow", "words"),
    ("Jon Snow", "Aegon Jon Snow", "words"),
    ("Vardis Egen", "Ser Vardis", "first typed"),
    ("Jamie Lannister", "Jaime Lannister", "near"),
    ("Kilgrav", "Kilgrave", "near"),
    ("the Maester", "Maester Luwin", "title"),
])
def test_each_way_a_typed_name_fits(typed, name, how):
    found = fit(typed, name, STARKS.aliases.get(name, ()))
    assert found is not None and found.how == how, found


@pytest.mark.parametrize(("typed", "name"), [
    ("Grey Wind", "Ser Wind"),  # a one-word name must be the first word typed
    ("Ted", "Ned Umber"),  # a short word is never taken as misspelt
    ("Harbor Nights", "Harbour Lights"),  # two words wrong is another name
    ("Soldier", "Vardis Egen"),
])
def test_names_that_do_not_fit(typed, name):
    assert fit(typed, name) is None


def test_fits_rank_in_order_of_how_well_they_fit():
    order = ["same", "core", "alias", "given", "first typed", "surname", "word", "title"]
    assert [FIT[how] for how in order] == sorted((FIT[how] for how in order), reverse=True)
    assert fit("Jamie Lannister", "Jaime Lannister").score < FIT["word"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("Ned", "Eddard Stark"),  # an alias beats a namesake the store says little of
    ("Ned Stark", "Eddard Stark"),
    ("ned", "Eddard Stark"),
    ("the Hound", "Sandor Clegane"),
    ("Dany", "Daenerys Targaryen"),
    ("Daenerys", "Daenerys Targaryen"),
    ("Eddard Strak", "Eddard Stark"),
    ("Jamie Lannister", "Jaime Lannister"),
    ("King Jaime Lannister", "Jaime Lannister"),
    ("Luwin", "Maester Luwin"),
    ("Umber", "Ned Umber"),
])
def test_the_best_fit_is_taken(typed, meant):
    assert find_name(typed, STARKS) == meant


def test_a_namesake_the_store_says_much_more_about_wins_over_a_better_fit():
    known = Names(["Ned Umber", "Eddard Stark"], aliases={"Eddard Stark": ("Ned",)},
                  weight={"Ned Umber": 30, "Eddard Stark": 2})
    assert find_name("Ned", known) == "Ned Umber"


def test_claims_decide_between_equal_fits_when_one_clearly_leads():
    known = Names(["Jon Snow", "Jon Arryn"], weight={"Jon Snow": 60, "Jon Arryn": 4})
    assert find_name("Jon", known) == "Jon Snow"
    assert [f.name for f in ranked("Jon", known)] == ["Jon Snow", "Jon Arryn"]


def test_a_near_tie_is_an_error_naming_the_candidates_with_their_claims():
    with pytest.raises(UnknownEntityError) as error:
        find_name("Stark", STARKS)
    message = str(error.value)
    assert message.startswith("'Stark' may be more than one character: ")
    assert "Eddard Stark (40 claims), Arya Stark (35 claims), Sansa Stark (30 claims)" in message
    assert choose("Stark", STARKS) is None
    with pytest.raises(UnknownEntityError, match="Jon Arryn, Jon Snow"):
        find_name("Jon", ["Jon Snow", "Jon Arryn"])  # no claims known: a tie


def test_name_fits_lists_the_competitors_best_first():
    assert name_fits("Stark", STARKS)[:3] == ["Eddard Stark", "Arya Stark", "Sansa Stark"]
    assert name_fits("eddard stark", STARKS) == ["Eddard Stark"]
    assert name_fits("Nobody", STARKS) == []


def test_the_same_name_in_any_case_is_taken_whatever_else_fits():
    known = Names(["Mara", "Mara Quill"], weight={"Mara Quill": 90, "Mara": 1})
    assert find_name("mara", known) == "Mara"


def test_a_name_chosen_by_reading_the_store_is_kept():
    known = Names(["Jon Snow", "Jon Arryn"], chosen={"jon": "Jon Arryn"})
    assert find_name("Jon", known) == "Jon Arryn"


def test_suggestions_are_the_names_like_the_one_typed_not_relatives():
    assert closest("Brandon Stark", STARKS) == ["Bran Stark"]
    assert "Arya Stark" not in closest("Ned Stork", STARKS)
    assert closest("Nedd", STARKS)[0] == "Eddard Stark"  # by its alias
    assert closest("Edard", STARKS)[0] == "Eddard Stark"  # by its first word
    assert closest("Zzyzx", STARKS) == []
    with pytest.raises(UnknownEntityError,
                       match=r"^no character named 'Brandon Stark' in the store; "
                             r"did you mean Bran Stark\?$"):
        find_name("Brandon Stark", STARKS)


def test_a_plain_list_of_names_still_works():
    assert find_name("mara quill", ["Mara Quill", "Tobias Marsh"]) == "Mara Quill"
    assert find_name("Mara", ["Mara Quill", "Tobias Marsh"]) == "Mara Quill"
    with pytest.raises(UnknownEntityError, match="no work named 'Nowhere'"):
        find_name("Nowhere", ["Mara Quill"], "work")
