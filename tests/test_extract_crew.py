"""Crew rules: every form on sentences written for these tests, the work each fact
attaches to, and statements that must give no crew fact."""

import pytest

from graph.extract.pipeline import extract_article, iter_read
from graph.sources import Article, read_article


def _article(text, work=None):
    return Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                   content_hash="0" * 64, work=work)


def _crew(text, work="Harbour Lights"):
    """Return {(person, role, work, rule)} of the crew facts found in ``text``: each
    claim the pipeline keeps, once for every rule that finds it."""
    article = _article(text, work)
    kept = {f.claim for f in extract_article(article) if f.kind == "crew"}
    facts, _ctx = next(iter_read([article]))
    return {(f.claim.person, f.claim.role, f.claim.work, f.evidence.rule)
            for f in facts if f.claim in kept}


def _same(found, expected):
    """Return True when ``found`` holds the claims of ``expected`` and no other, each
    found by the rule ``expected`` names."""
    return {f[:3] for f in found} == {e[:3] for e in expected} and expected <= found


H = "Harbour Lights"


@pytest.mark.parametrize("text, expected", [
    ("The pilot was shot in Glasgow under showrunner Ines Calder.",
     {("Ines Calder", "showrunner", H, "crew.title")}),
    ("Showrunner Ines Calder promised a darker second season.",
     {("Ines Calder", "showrunner", H, "crew.title")}),
    ("Series creator Tomas Vell said the ending was planned from the start.",
     {("Tomas Vell", "creator", H, "crew.title")}),
    ("Executive producer Omar Haddad confirmed the renewal on Monday.",
     {("Omar Haddad", "producer", H, "crew.title")}),
    ("Head writer Priya Shah left after the third season.",
     {("Priya Shah", "writer", H, "crew.title")}),
    ("Co-creators Ines Calder and Tomas Vell met at film school.",
     {("Ines Calder", "creator", H, "crew.title"), ("Tomas Vell", "creator", H, "crew.title")}),
    ("Fans met Lantern Street showrunner Priya Shah at the festival.",
     {("Priya Shah", "showrunner", "Lantern Street", "crew.title")}),
    ("From showrunner and executive producer Omar Haddad comes a darker tale.",
     {("Omar Haddad", "showrunner", H, "crew.title"),
      ("Omar Haddad", "producer", H, "crew.title")}),
])
def test_role_before_the_name(text, expected):
    """A role word right before names makes each of them crew in that role."""
    assert _same(_crew(text), expected)


@pytest.mark.parametrize("text, expected", [
    ("Ines Calder, the showrunner, promised a darker season.",
     {("Ines Calder", "showrunner", H, "crew.appositive")}),
    ("Ines Calder, the creator of Lantern Street, has a new show.",
     {("Ines Calder", "creator", "Lantern Street", "crew.appositive")}),
    ("Its creator, Tomas Vell, has moved on to films.",
     {("Tomas Vell", "creator", H, "crew.appositive")}),
    ("The third season has a new showrunner, Omar Haddad.",
     {("Omar Haddad", "showrunner", H, "crew.appositive")}),
    ("Ines Calder and Tomas Vell, the show's co-creators, wrote the pilot together.",
     {("Ines Calder", "creator", H, "crew.appositive"),
      ("Tomas Vell", "creator", H, "crew.appositive"),
      ("Ines Calder", "writer", H, "crew.verb"), ("Tomas Vell", "writer", H, "crew.verb")}),
])
def test_role_in_apposition(text, expected):
    """A role set off by commas beside names, either way round."""
    assert _same(_crew(text), expected)


@pytest.mark.parametrize("text, expected", [
    ("Ines Calder served as showrunner for the first two seasons.",
     {("Ines Calder", "showrunner", H, "crew.as")}),
    ("Omar Haddad took over as showrunner for season 3.",
     {("Omar Haddad", "showrunner", H, "crew.as")}),
    ("The second season arrives with Priya Shah as showrunner.",
     {("Priya Shah", "showrunner", H, "crew.as")}),
    ("Tomas Vell is the showrunner of Lantern Street.",
     {("Tomas Vell", "showrunner", "Lantern Street", "crew.as")}),
    ("Priya Shah is the creator and showrunner.",
     {("Priya Shah", "creator", H, "crew.as"), ("Priya Shah", "showrunner", H, "crew.as")}),
    ("Omar Haddad, who would later become the showrunner of Lantern Street, joined early.",
     {("Omar Haddad", "showrunner", "Lantern Street", "crew.as")}),
    ("The director was Rachel Lane, who had worked on the pilot.",
     {("Rachel Lane", "director", H, "crew.as")}),
    ("Directors this season include Ada Brook and Lena Marsh.",
     {("Ada Brook", "director", H, "crew.as"), ("Lena Marsh", "director", H, "crew.as")}),
    ("Executive producers include Jeph Lowe and Jim Corey.",
     {("Jeph Lowe", "producer", H, "crew.as"), ("Jim Corey", "producer", H, "crew.as")}),
])
def test_role_after_a_verb(text, expected):
    """"served as", "took over as", "is the", "with X as": the person holds the role."""
    assert _same(_crew(text), expected)


@pytest.mark.parametrize("text, expected", [
    ("Harbour Lights was created by Ines Calder and Tomas Vell.",
     {("Ines Calder", "creator", H, "crew.by"), ("Tomas Vell", "creator", H, "crew.by")}),
    ("The episode was written by Ada Brook and directed by Lena Marsh.",
     {("Ada Brook", "writer", H, "crew.by"), ("Lena Marsh", "director", H, "crew.by")}),
    ("Created by Ines Calder, the show follows a lighthouse keeper.",
     {("Ines Calder", "creator", H, "crew.by")}),
    ("Created by **Ines Calder** and **Tomas Vell**, the show follows a keeper.",
     {("Ines Calder", "creator", H, "crew.by"), ("Tomas Vell", "creator", H, "crew.by")}),
    ("Viewers found Lantern Street, which premiered on BBC Two and was created by Priya "
     "Shah, too slow.",
     {("Priya Shah", "creator", "Lantern Street", "crew.by")}),
    ("The Night Ferry, a spin-off of Harbour Lights created by Omar Haddad, starts soon.",
     {("Omar Haddad", "creator", "The Night Ferry", "crew.by")}),
    ("The comedy was created by Mark and Lisa Okafor.",
     {("Mark Okafor", "creator", H, "crew.by"), ("Lisa Okafor", "creator", H, "crew.by")}),
    ("The finale was written by the novelist Ruth Obi.",
     {("Ruth Obi", "writer", H, "crew.by")}),
    ("Episode 5, directed by Lena Marsh, is the best.",
     {("Lena Marsh", "director", H, "crew.by")}),
    ("The last season of the Ines Calder-created series aired in May.",
     {("Ines Calder", "creator", H, "crew.by")}),
    ("Night Harbour, a sequel film written and directed by Ruth Obi, opens soon.",
     {("Ruth Obi", "writer", "Night Harbour", "crew.by"),
      ("Ruth Obi", "director", "Night Harbour", "crew.by")}),
])
def test_made_by(text, expected):
    """"created/written/directed by" names the makers of the work before it."""
    assert _same(_crew(text), expected)


@pytest.mark.parametrize("text, expected", [
    ("Lena Marsh directed the episode with real patience.",
     {("Lena Marsh", "director", H, "crew.verb")}),
    ("Tomas Vell, who created the series, wrote the pilot alone.",
     {("Tomas Vell", "creator", H, "crew.verb"), ("Tomas Vell", "writer", H, "crew.active")}),
    ("Lena Marsh has directed three episodes this year.",
     {("Lena Marsh", "director", H, "crew.verb")}),
    ("Ines Calder, who co-created the show with Tomas Vell, has left.",
     {("Ines Calder", "creator", H, "crew.verb"), ("Tomas Vell", "creator", H, "crew.verb")}),
    ("Lena Marsh will direct the first two episodes.",
     {("Lena Marsh", "director", H, "crew.verb")}),
    ("Ruth Obi was hired to write the pilot.", {("Ruth Obi", "writer", H, "crew.verb")}),
    ("Omar Haddad, an executive producer, directed six of the ten episodes.",
     {("Omar Haddad", "producer", H, "crew.appositive"),
      ("Omar Haddad", "director", H, "crew.verb")}),
    ("Tomas Vell returned this year. The best is an episode Vell wrote and directed.",
     {("Tomas Vell", "writer", H, "crew.verb"), ("Tomas Vell", "director", H, "crew.verb")}),
])
def test_person_made_it(text, expected):
    """A person as the subject of "directed/wrote/created" a work, or of a relative clause
    after one; a surname alone is the full name the article gives."""
    assert _same(_crew(text), expected)


@pytest.mark.parametrize("text", [
    "Ines Calder is rumoured to direct the finale.",
    "Ines Calder could become the showrunner next year.",
    "Ines Calder will not return as showrunner.",
    "Is Ines Calder the showrunner now?",
    "The show's creator has said little about the ending.",
    "A new showrunner has not been named.",
    "Director Walsh (Tom Ford) ordered the raid on the harbour.",
    "The casting director Nina Park found the lead in a school play.",
    "Walter Penn, the director of the FBI, calls Mara.",
    "The letter was written by Mara Quill (Ines Vidal) before she died.",
    "Marvel produced the series with Netflix.",
    "The finale was written by Calder.",
    "Mara Quill (Ines Vidal) created a distraction while Tom escaped.",
    "In the capital, the play directed by Tomas Greave mocks the king.",
    "The Night Lord, created by the Old Ones to guard the north, crosses the river.",
    "Lord Varen (Idris Cole) directs his soldiers to the river.",
    "She stars in a film directed by Ruth Obi.",
    "It is based on the 1973 film written and directed by Ruth Obi.",
    "Lena Marsh wants to direct the finale.",
    "The showrunner is a fan of the books.",
])
def test_no_crew(text):
    """Hedged, modal, negated or asked statements, roles with no name, other jobs,
    characters, companies and surnames the article never completes: no crew fact."""
    assert _crew(text) == set()


def test_no_work_no_fact():
    """With no work named in the sentence or the article, a crew fact has nothing to
    attach to and is left out."""
    assert _crew("Showrunner Ines Calder promised a darker season.", work=None) == set()


def test_section_heading_sets_the_work():
    """Under a heading that names a work, "the series" is that work."""
    text = ("Coastal dramas\n\nHarbour Lights was created by Ines Calder.\n\n"
            "Lantern Street\n\nLantern Street was created by Priya Shah. "
            "The series was produced by Omar Haddad.\n")
    found = _crew(text, work=None)
    assert ("Omar Haddad", "producer", "Lantern Street", "crew.by") in found
    assert ("Ines Calder", "creator", H, "crew.by") in found


def test_one_word_title_opening_a_paragraph():
    """A one-word title the tagger takes for a noun still names the work."""
    text = ("Inside Saltmarsh\n\nSaltmarsh, the Channel 4 thriller from creator Dan Ure, "
            "returns in May.")
    assert _same(_crew(text, work=None), {("Dan Ure", "creator", "Saltmarsh", "crew.title")})


def test_quote_is_the_evidence():
    """The fact quotes the words that say it."""
    text = "The pilot was shot under showrunner Ines Calder."
    facts = [f for f in extract_article(_article(text, H)) if f.kind == "crew"]
    assert [f.evidence.quote for f in facts] == ["showrunner Ines Calder"]


def test_seed_article_showrunner(shared):
    """The seed article's showrunner is found, and nothing else is crew there."""
    article = read_article(shared / "eval" / "seed" / "jessica-jones-s2.txt")
    found = {(f.claim.person, f.claim.role, f.claim.work)
             for f in extract_article(article) if f.kind == "crew"}
    assert found == {("Melissa Rosenberg", "showrunner", "Jessica Jones")}


def _news_crew(text):
    """Return {(person, role, work)} of the crew facts of ``text`` read as news (no
    front matter)."""
    return {(f.claim.person, f.claim.role, f.claim.work)
            for f in extract_article(_article(text, None)) if f.kind == "crew"}


@pytest.mark.parametrize("text, expected", [
    ("The thriller Iron Tide is directed by Ann Marsh.",
     {("Ann Marsh", "director", "Iron Tide")}),
    ("Orrin Vale stars in the drama Corkscrew. It is directed by Ann Marsh, who worked "
     "with Vale before.", {("Ann Marsh", "director", "Corkscrew")}),
    ("Audiences saw the comedy Corkscrew, written and directed by Ann Marsh and Tomas Greave.",
     {("Ann Marsh", "writer", "Corkscrew"), ("Ann Marsh", "director", "Corkscrew"),
      ("Tomas Greave", "writer", "Corkscrew"), ("Tomas Greave", "director", "Corkscrew")}),
    ("Mara Quill starred in the drama Corkscrew. The film, to be directed by Ann Marsh, "
     "opens in May.", {("Ann Marsh", "director", "Corkscrew")}),
    ("Mara Quill, who stars in and co-wrote Corkscrew, won the award.",
     {("Mara Quill", "writer", "Corkscrew")}),
    ("Orrin Vale directed the thriller Iron Tide in 2004.",
     {("Orrin Vale", "director", "Iron Tide")}),
    ("Tomas Greave, who penned the comic book adaptation Iron Tide, is back.",
     {("Tomas Greave", "writer", "Iron Tide")}),
    ("Ann Marsh and Orrin Vale co-wrote the musical Glass Harbour.",
     {("Ann Marsh", "writer", "Glass Harbour"), ("Orrin Vale", "writer", "Glass Harbour")}),
    ('Ann Marsh, the director of "The Salt Road", spoke on Monday.',
     {("Ann Marsh", "director", "The Salt Road")}),
    ("Orrin Vale served as a producer on the thriller Iron Tide.",
     {("Orrin Vale", "producer", "Iron Tide")}),
    ("Mara Quill will be executive producer of the drama Corkscrew.",
     {("Mara Quill", "producer", "Corkscrew")}),
    ("Glass Harbour by Tomas Greave is up for best play.",
     {("Tomas Greave", "writer", "Glass Harbour")}),
])
def test_news_forms(text, expected):
    """News forms read on the parse: passives, relative clauses, "co-wrote",
    coordination, apposition with a quoted title, "served as ... on", a play "by"."""
    assert _news_crew(text) == expected


def test_the_films_director():
    """"the film's director X" credits the film named last."""
    text = "Mara Quill starred in the drama Corkscrew. She was praised by the film's " \
           "director Ann Marsh."
    assert ("Ann Marsh", "director", "Corkscrew") in _news_crew(text)


def test_directors_possessive():
    """"Ann Marsh's The Long Night" credits a director when the article calls her one."""
    text = ("Ann Marsh's The Long Night won the top prize. The jury named Marsh best "
            "director on Sunday.")
    assert ("Ann Marsh", "director", "The Long Night") in _news_crew(text)


@pytest.mark.parametrize("text", [
    "Ann Marsh's The Long Night won the top prize on Sunday.",
    "Ann Marsh could direct the thriller Iron Tide next year.",
    "Ann Marsh did not direct the thriller Iron Tide.",
    "Paramount Pictures produced the thriller Iron Tide.",
    "The thriller Iron Tide was produced by Harbour Pictures.",
    "He worked with the equally unconventional director Ann Marsh in 2001.",
    "Film - The Long Night; director - Ann Marsh; actor - Orrin Vale.",
    "Ann Marsh, the author of that book, moved to Leith.",
    "She stars in a film directed by Ann Marsh.",
    "Mara Quill starred as the director Ann Marsh in the drama Corkscrew.",
])
def test_no_news_crew(text):
    """A possessive with no word that she directs, modal, negated, companies, a
    description of a person, a ballot list, no title, an unnamed film, a part played."""
    assert _news_crew(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Orrin Vale won best director for the thriller Iron Tide.",
     {("Orrin Vale", "director", "Iron Tide")}),
    ("Ann Marsh took best screenplay for the comedy Corkscrew.",
     {("Ann Marsh", "writer", "Corkscrew")}),
    ("Ann Marsh won best director for The Salt Road in 2003.",
     {("Ann Marsh", "director", "The Salt Road")}),
    ("Orrin Vale is nominated for best director for the thriller Iron Tide.",
     {("Orrin Vale", "director", "Iron Tide")}),
    ("Orrin Vale earned a best director nomination for the thriller Iron Tide.",
     {("Orrin Vale", "director", "Iron Tide")}),
    ("Orrin Vale's best director nod for the thriller Iron Tide surprised no one.",
     {("Orrin Vale", "director", "Iron Tide")}),
    ("Ann Marsh won the best screenplay award for the comedy Corkscrew.",
     {("Ann Marsh", "writer", "Corkscrew")}),
    ("Best director went to Orrin Vale for the thriller Iron Tide.",
     {("Orrin Vale", "director", "Iron Tide")}),
    ("The best screenplay prize went to Ann Marsh for Corkscrew.",
     {("Ann Marsh", "writer", "Corkscrew")}),
    ("The thriller Iron Tide earned Orrin Vale a Bafta for best director.",
     {("Orrin Vale", "director", "Iron Tide")}),
    ("Saltmarsh was written and directed by Orrin Vale. Saltmarsh opened in May.",
     {("Orrin Vale", "writer", "Saltmarsh"), ("Orrin Vale", "director", "Saltmarsh")}),
    ("Glass Harbour director Ann Marsh was at the ceremony.",
     {("Ann Marsh", "director", "Glass Harbour")}),
    ("Ann Marsh wrote and starred in the comedy Corkscrew.",
     {("Ann Marsh", "writer", "Corkscrew")}),
    ("Orrin Vale has signed on to direct Tales of Tor.",
     {("Orrin Vale", "director", "Tales of Tor")}),
    ("Tom Reed directed four episodes of the HBO drama Salt Road.",
     {("Tom Reed", "director", "Salt Road")}),
])
def test_award_for_a_work(text, expected):
    """A prize named for a crew role, won or nominated for a work (a title the article
    names only there included), credits the winner."""
    assert _news_crew(text) == expected


@pytest.mark.parametrize("text", [
    "Critics tipped Orrin Vale to win best director for the thriller Iron Tide.",
    "Orrin Vale won best actor for the thriller Iron Tide.",
    "Ann Marsh won best director for Mara Quill.",
    "Orrin Vale was not nominated for best director for the thriller Iron Tide.",
    "Best actor went to Orrin Vale for the thriller Iron Tide.",
    "Ann Marsh sang and starred in the comedy Corkscrew.",
    "Orrin Vale directed Mara Quill in a play.",
])
def test_no_award_crew(text):
    """A tip is no win, an acting prize no crew role, a person wins no prize for a name."""
    assert _news_crew(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Director Ann Marsh spoke. Critics favour Ann Marsh's boxing drama Iron Tide.",
     ("Ann Marsh", "director", "Iron Tide")),
    ("Iron Tide, Ann Marsh's tale about a ferry, is the favourite for best director.",
     ("Ann Marsh", "director", "Iron Tide")),
    ("The outsiders for best director include the thriller Iron Tide's Ann Marsh.",
     ("Ann Marsh", "director", "Iron Tide")),
    ("Orrin Vale, the director behind the thrillers Iron Tide and Corkscrew, changed the "
     "cast.", ("Orrin Vale", "director", "Corkscrew")),
])
def test_more_director_forms(text, expected):
    """A director's possessive before a kind of work or in apposition, a work's
    possessive before its director, "the director behind A and B"."""
    assert expected in _news_crew(text)


@pytest.mark.parametrize("text, expected", [
    ("Ann Marsh executive produced the thriller Iron Tide.",
     {("Ann Marsh", "producer", "Iron Tide")}),
    ("Ann Marsh is best known for directing the thriller Iron Tide.",
     {("Ann Marsh", "director", "Iron Tide")}),
    ("The creator of Iron Tide, Ann Marsh, spoke on Monday.",
     {("Ann Marsh", "creator", "Iron Tide")}),
    ("Ann Marsh made her directorial debut with the thriller Iron Tide.",
     {("Ann Marsh", "director", "Iron Tide")}),
    ("Ann Marsh's directorial debut, Iron Tide, opens today.",
     {("Ann Marsh", "director", "Iron Tide")}),
    ("Ann Marsh's play Glass Harbour opens in May.",
     {("Ann Marsh", "writer", "Glass Harbour")}),
    ("Iron Tide (2004) was directed by Ann Marsh.", {("Ann Marsh", "director", "Iron Tide")}),
    ("The thriller Iron Tide was scripted by Ann Marsh.",
     {("Ann Marsh", "writer", "Iron Tide")}),
    ("Fans queued for the Ann Marsh-directed film Iron Tide.",
     {("Ann Marsh", "director", "Iron Tide")}),
])
def test_more_news_forms(text, expected):
    """"executive produced", a gerund after "known for", a name the parse hangs on the
    title, directorial debuts, a playwright's possessive, a year in brackets."""
    assert _news_crew(text) == expected


@pytest.mark.parametrize("text", [
    "Ann Marsh's debut, Iron Tide, opens today.",
    "Ann Marsh is not known for directing the thriller Iron Tide.",
    "Ann Marsh's thriller Iron Tide opens in May.",
])
def test_no_more_news_crew(text):
    """A debut with no role, a negated gerund, a possessive with no word of directing."""
    assert _news_crew(text) == set()


def test_directed_an_actor_is_no_title():
    """"directed Mara Quill in Iron Tide": the object is an actor, not a work."""
    found = _news_crew("Ann Marsh directed Mara Quill in the thriller Iron Tide.")
    assert ("Ann Marsh", "director", "Mara Quill") not in found


def test_title_by_in_a_list():
    """Each "TITLE by PERSON" of a shortlist credits its own writer, title whole."""
    text = ("Glass Harbour by Tomas Greave, The Lantern by Ann Marsh and Orrin Vale's "
            "Iron Tide are shortlisted for best play.")
    found = _news_crew(text)
    assert ("Ann Marsh", "writer", "The Lantern") in found
    assert ("Tomas Greave", "writer", "Glass Harbour") in found


def _page(text, title):
    """Return {(person, role, work, rule)} of an encyclopedia page titled ``title``."""
    article = Article(doc="t.md", path="t.md", format="md", text=text, body_start=0,
                      content_hash="0" * 64, title=title)
    return {(f.claim.person, f.claim.role, f.claim.work, f.evidence.rule)
            for f in extract_article(article) if f.kind == "crew"}


@pytest.mark.parametrize("text, expected", [
    ("Lantern Street is a British crime drama television series created by Ines Calder "
     "for Channel Nine.",
     {("Ines Calder", "creator", "Lantern Street", "crew.by")}),
    ("It is a crime drama series created by Ines Calder and Tomas Vell.",
     {("Ines Calder", "creator", H, "crew.by"), ("Tomas Vell", "creator", H, "crew.by")}),
    ("The second series was co-written by Ines Calder and Priya Shah.",
     {("Ines Calder", "writer", H, "crew.by"), ("Priya Shah", "writer", H, "crew.by")}),
    ("The pilot, written by Ines Calder with Priya Shah, keeps the dialogue spare.",
     {("Ines Calder", "writer", H, "crew.by"), ("Priya Shah", "writer", H, "crew.by")}),
    ("The first series was directed by Omar Haddad, and Ines Calder served as showrunner.",
     {("Omar Haddad", "director", H, "crew.by"),
      ("Ines Calder", "showrunner", H, "crew.as")}),
])
def test_lead_sentence_and_coordinated_makers(text, expected):
    """"X is a drama series created by", "co-written by", "written by A with B"; a name
    opening a new clause after ", and" is no second director."""
    assert _same(_crew(text), expected)


@pytest.mark.parametrize("text", [
    "Lantern Street is not a series created by Ines Calder.",
    "The pilot was written by Ines Calder with help from Harbour Pictures.",
])
def test_no_maker_from_a_negated_lead_or_a_company(text):
    """A negated lead sentence and a company after "with" give no new crew."""
    assert not {c for c in _crew(text) if c[0] != "Ines Calder" or c[1] != "writer"}


def test_infobox_lines_credit_the_page_work():
    """Label lines credit each person of their value; "Starring" is no crew."""
    text = ("Directed by: Omar Haddad\nStarring: Mara Quill, Orrin Vale\n"
            "Executive producers: Ines Calder, Tomas Vell[1]\nCreated by  Priya Shah\n")
    assert _page(text, "Lantern Street (TV series)") == {
        ("Omar Haddad", "director", "Lantern Street", "crew.infobox"),
        ("Ines Calder", "producer", "Lantern Street", "crew.infobox"),
        ("Tomas Vell", "producer", "Lantern Street", "crew.infobox"),
        ("Priya Shah", "creator", "Lantern Street", "crew.infobox")}


def test_episode_table_columns_credit_the_page_work_not_episode_titles():
    """"Directed by" and "Written by" columns of an episode table credit the page's
    work; the quoted episode titles in the rows are no works of the crew."""
    text = ("## Series 1\n\n| No. | Title | Directed by | Written by |\n|---|---|---|---|\n"
            '| 1 | "Low Water" | Omar Haddad | Ines Calder |\n'
            '| 2 | "Gull Rock" | Priya Shah | Ines Calder and Tomas Vell |\n')
    found = _page(text, "List of Lantern Street episodes")
    assert found == {("Omar Haddad", "director", "Lantern Street", "crew.table"),
                     ("Priya Shah", "director", "Lantern Street", "crew.table"),
                     ("Ines Calder", "writer", "Lantern Street", "crew.table"),
                     ("Tomas Vell", "writer", "Lantern Street", "crew.table")}


def test_a_table_without_credit_columns_gives_no_crew():
    """A table of air dates or ratings names no crew."""
    text = "| Series | Episodes | First aired |\n|---|---|---|\n| 1 | 6 | 3 March 2019 |\n"
    assert _page(text, "List of Lantern Street episodes") == set()


def test_seasons_made_are_the_headline_show_s():
    """In news, "the first two seasons were directed by" credits the headline's show,
    not a show an actor was in, named just before."""
    text = ("Orrin Vale joins Starfell as its new villain\n\nVale, who played Bertie in the "
            "sitcom Green Lanes, starts in the third season of Starfell. The first two "
            "seasons were directed by Omar Haddad.")
    article = Article(doc="t.txt", path="t.txt", format="txt", text=text, body_start=0,
                      content_hash="0" * 64, title="Orrin Vale joins Starfell as its new villain")
    found = {(f.claim.person, f.claim.role, f.claim.work) for f in extract_article(article)
             if f.kind == "crew"}
    assert found == {("Omar Haddad", "director", "Starfell")}


@pytest.mark.parametrize("text, expected", [
    ("The writers of Harbour Lights, Ines Calder and Tomas Vell, should not bring him back.",
     {("Ines Calder", "writer", H, "crew.role"), ("Tomas Vell", "writer", H, "crew.role")}),
    ("Fans of Harbour Lights, Ines Calder and Tomas Vell met in Leith.", set()),
    ("Omar Haddad directed the first series, and Priya Shah directed the second.",
     {("Omar Haddad", "director", H, "crew.verb"), ("Priya Shah", "director", H, "crew.verb")}),
    ("Omar Haddad won the first, and Priya Shah won the second.", set()),
])
def test_role_of_a_work_listing_names_and_an_ordinal_part(text, expected):
    """"The writers of X, A and B" credits both (the main clause's modal is not the
    apposition's); "directed the second" made a part named before; fans and winners
    are no crew."""
    assert _same(_crew(text), expected)


@pytest.mark.parametrize("text, expected", [
    ("Critics think it will be a close race between Orrin Vale's ferry biopic and Ann "
     "Marsh's boxing drama Iron Tide. The best director prize may go to Ann Marsh.",
     ("Ann Marsh", "director", "Iron Tide")),
    ("Ann Marsh's Salt Road Blues beat the rest on Sunday. Marsh was named best director.",
     ("Ann Marsh", "director", "Salt Road Blues")),
    ("Mara Quill to star in Glass Harbour film\n\nMara Quill will play the lead in the film "
     "adaptation of The Glass Harbour Code. Oscar-winning director Ann Marsh chose Quill "
     "for the part.", ("Ann Marsh", "director", "The Glass Harbour Code")),
])
def test_director_possessive_and_headline_titles(text, expected):
    """A director's possessive before a title the parse misplaces or the article names
    only there; a title a headline shortens is credited whole."""
    assert expected in _news_crew(text)


@pytest.mark.parametrize("text, unexpected", [
    ("Director Ann Marsh spoke. Ann Marsh's Orrin Vale was a revelation in the thriller "
     "Iron Tide, and Ann Marsh's Paris Nights was not.", ("Ann Marsh", "director", "Orrin Vale")),
    ("Director Ann Marsh spoke. Ann Marsh's Baby won.", ("Ann Marsh", "director", "Baby")),
    ("Director Ann Marsh spoke to The Courier's Tomas Greave.",
     ("The Courier", "director", "Tomas Greave")),
    ("Director Ann Marsh spoke. Ann Marsh's Harbour Pictures won.",
     ("Ann Marsh", "director", "Harbour Pictures")),
    ('The series Harbour Lights is back. "I cast her because she was right," Orrin Vale '
     "wrote in an email.", ("Orrin Vale", "writer", "Harbour Lights")),
    ("The drama Harbour Lights is to be made. The widow of Orrin Vale will also be an "
     "executive producer.", ("Orrin Vale", "producer", "Harbour Lights")),
    ("The drama Harbour Lights is out. Orrin Vale, as a producer and actor, made one film "
     "after another.", ("Orrin Vale", "producer", "Harbour Lights")),
])
def test_no_possessive_or_speech_crew(text, unexpected):
    """A person after a director's possessive, a one-word name, a quote that is speech,
    the subject's relative ("the widow of X"), a trade in an aside, credit nothing."""
    assert unexpected not in _news_crew(text)


@pytest.mark.parametrize("text, expected", [
    ("Critics saw the thriller Iron Tide. Ann Marsh directed Mara Quill in Iron Tide.",
     {("Ann Marsh", "director", "Iron Tide")}),
    ("Critics saw the thriller Iron Tide. Orrin Vale was also responsible for directing "
     "Mara Quill in Iron Tide in 2001.", {("Orrin Vale", "director", "Iron Tide")}),
    ("Critics saw the thriller Iron Tide. Ann Marsh directed Mara Quill in London.", set()),
    ("Critics saw the thriller Iron Tide. Ann Marsh met Mara Quill in Iron Tide.", set()),
    ("Critics saw the thriller Iron Tide. Ann Marsh was not responsible for directing Mara "
     "Quill in Iron Tide.", set()),
])
def test_directed_an_actor_in_a_work(text, expected):
    """"directed Mara Quill in Iron Tide" credits the work the actor was directed in;
    a place, another verb, or a negation credit nothing."""
    assert _news_crew(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Many of Marsh's other creations, including Iron Tide and Corkscrew, became films.",
     {("Ann Marsh", "creator", "Iron Tide"), ("Ann Marsh", "creator", "Corkscrew")}),
    ("Iron Tide, Marsh's brainchild, became a film.", {("Ann Marsh", "creator", "Iron Tide")}),
    ("Iron Tide is Ann Marsh's latest creation.", {("Ann Marsh", "creator", "Iron Tide")}),
    ("Iron Tide is not Ann Marsh's creation.", set()),
    ("Marsh's creations have made her rich.", set()),
])
def test_creators_possessive(text, expected):
    """"X's creations, including A and B", "A, X's brainchild", "A is X's creation"
    credit a creator; a negation or no work named credits none."""
    intro = "Critics saw the thriller Iron Tide and the drama Corkscrew. Ann Marsh spoke. "
    assert _news_crew(intro + text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Critics saw the thriller Iron Tide and the drama Corkscrew. Iron Tide's Orrin Vale "
     "and British director Ann Marsh - nominated for the drama Corkscrew - are outsiders.",
     {("Ann Marsh", "director", "Corkscrew")}),
    ("Critics saw the thriller Iron Tide and the drama Corkscrew. In Iron Tide, director "
     "Ann Marsh tried something new.", {("Ann Marsh", "director", "Iron Tide")}),
])
def test_bare_director_credits_the_work_of_its_sentence(text, expected):
    """A bare "director Ann Marsh" credits the work named before it in the sentence
    (not one that owns another person) or the one she is nominated for."""
    found = _news_crew(text)
    assert {f for f in found if f[0] == "Ann Marsh"} == expected


@pytest.mark.parametrize("text, expected", [
    ("Ann Marsh, who wrote the screenplay for Iron Tide, spoke.",
     {("Ann Marsh", "writer", "Iron Tide")}),
    ("Ann Marsh wrote the script for the thriller Iron Tide.",
     {("Ann Marsh", "writer", "Iron Tide")}),
    ("Ann Marsh wrote the script for a new play.", set()),
])
def test_script_for_a_work(text, expected):
    """"wrote the screenplay for X" credits X, not the work named last; a script for an
    unnamed work credits nothing."""
    intro = "Critics saw the thriller Iron Tide and the drama Corkscrew. "
    assert _news_crew(intro + text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The novel Glass Harbour came out in May. The novel by Tomas Greave sold well.",
     {("Tomas Greave", "writer", "Glass Harbour")}),
    ("The drama Corkscrew opened. The film by Ann Marsh was praised.",
     {("Ann Marsh", "director", "Corkscrew")}),
    ("The novel Glass Harbour came out in May. A novel by Tomas Greave sold well.", set()),
    ("The novel Glass Harbour came out in May. It rained. It rained more. The novel by "
     "Tomas Greave sold well.", set()),
])
def test_the_kind_by_a_person(text, expected):
    """"the novel by X" right after a work is named credits that work ("the film by X":
    its director); "a novel by X", or a work named sentences before, credit none."""
    assert _news_crew(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Corkscrew's director, Ann Marsh, spoke.", {("Ann Marsh", "director", "Corkscrew")}),
    ("Ann Marsh, Corkscrew's director, spoke.", {("Ann Marsh", "director", "Corkscrew")}),
    ("Writer-director Ann Marsh's Corkscrew won.",
     {("Ann Marsh", "writer", "Corkscrew"), ("Ann Marsh", "director", "Corkscrew")}),
    ("Ann Marsh, the writer-director of Corkscrew, spoke.",
     {("Ann Marsh", "writer", "Corkscrew"), ("Ann Marsh", "director", "Corkscrew")}),
    ("Corkscrew was written by Ann Marsh and directed by Orrin Vale.",
     {("Ann Marsh", "writer", "Corkscrew"), ("Orrin Vale", "director", "Corkscrew")}),
])
def test_role_with_a_possessive_title(text, expected):
    """A title's possessive before its role ("Corkscrew's director"), a role before a
    name that owns a title ("director Ann Marsh's Corkscrew"), "writer-director" (both
    roles), and two passives each with its own agent."""
    intro = "Critics saw the thriller Iron Tide and the drama Corkscrew. "
    assert _news_crew(intro + text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Corkscrew, which Ann Marsh directed, won.", {("Ann Marsh", "director", "Corkscrew")}),
    ("Orrin Vale made Iron Tide in 2004. The jury named Vale best director.",
     {("Orrin Vale", "director", "Iron Tide")}),
    ("Orrin Vale made Iron Tide in 2004.", set()),
    ("Orrin Vale made a cameo in Iron Tide. The jury named Vale best director.", set()),
    ("Orrin Vale did not make Iron Tide. The jury named Vale best director.", set()),
    ("Iron Tide made Orrin Vale a star. The jury named Vale best director.", set()),
])
def test_relative_object_and_made(text, expected):
    """"A, which X directed" credits A; "X made A" credits a director only when the
    article calls X one, and only with a title for its object."""
    intro = "Critics saw the thriller Iron Tide and the drama Corkscrew. "
    assert _news_crew(intro + text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Producers hired Orrin Vale - the director behind Iron Tide and Corkscrew - to fix it.",
     {("Orrin Vale", "director", "Iron Tide"), ("Orrin Vale", "director", "Corkscrew")}),
    ("Producers hired Vale - the director behind Salt Road 2 and Corkscrew - to fix it. "
     "Orrin Vale spoke.",
     {("Orrin Vale", "director", "Salt Road 2"), ("Orrin Vale", "director", "Corkscrew")}),
    ("Ann Marsh, the creator of Iron Tide, and Orrin Vale spoke.",
     {("Ann Marsh", "creator", "Iron Tide")}),
])
def test_role_between_dashes_and_lists(text, expected):
    """A role between dashes is in apposition; "the director behind A and B" credits
    every title of the list (a sequel's number included); a person coordinated after
    the apposition is not credited, nor read as a title."""
    intro = "Critics saw the thriller Iron Tide and the drama Corkscrew. "
    assert _news_crew(intro + text) == expected


@pytest.mark.parametrize("text, expected", [
    ('Critics looked to no less than Orrin Vale, the auteur director of "Iron Tide".',
     {("Orrin Vale", "director", "Iron Tide")}),
    ("The best director shortlist includes Orrin Vale for the thriller Iron Tide.", set()),
])
def test_described_role_and_no_less_than(text, expected):
    """"the auteur director of X" is a role phrase; "no less than" is no negation; a
    shortlist for best director is a prize, not a credit."""
    assert _news_crew(text) == expected


def test_adaptation_of_a_sentence_like_title():
    """"directed an adaptation of X" credits X even when X reads as a clause."""
    text = ("Critics praised the memoir They Burned The Harbour. Ann Marsh has directed a "
            "moving adaptation of They Burned The Harbour, Mara Quill's memoir.")
    assert ("Ann Marsh", "director", "They Burned The Harbour") in _news_crew(text)


@pytest.mark.parametrize("text, expected", [
    ("Ann Marsh, director of Iron Tide and Corkscrew, spoke.",
     {("Ann Marsh", "director", "Iron Tide"), ("Ann Marsh", "director", "Corkscrew")}),
    ("Ann Marsh is directing Iron Tide.", {("Ann Marsh", "director", "Iron Tide")}),
    ("Ann Marsh is not directing Iron Tide.", set()),
    ("Ann Marsh, directing Iron Tide, smiled.", set()),
])
def test_two_titles_and_progressive(text, expected):
    """Two titles read as one ("A and B") credit each; "is directing X" is a credit,
    a negated one or a participle aside is not."""
    intro = "Critics saw the thriller Iron Tide and the drama Corkscrew. "
    assert _news_crew(intro + text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Iron Tide was executive produced by Orrin Vale.",
     {("Orrin Vale", "producer", "Iron Tide")}),
    ("Iron Tide was adapted for the screen by Orrin Vale.",
     {("Orrin Vale", "writer", "Iron Tide")}),
    ("Orrin Vale adapted the novel.", set()),
    ("Iron Tide was adapted for the screen by Harbour Pictures.", set()),
])
def test_executive_produced_and_adapted(text, expected):
    """"executive produced by" (the parse makes "executive" a complement); "adapted
    for the screen by" makes a writer, an active "adapted the novel" or a company none."""
    intro = "Critics saw the thriller Iron Tide. "
    assert _news_crew(intro + text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ann Marsh penned the sitcom.", {("Ann Marsh", "writer", "Harbour Lights")}),
    ("Ann Marsh, who co-wrote the sitcom with Orrin Vale, spoke.",
     {("Ann Marsh", "writer", "Harbour Lights"), ("Orrin Vale", "writer", "Harbour Lights")}),
    ("Ann Marsh directed the drama.", {("Ann Marsh", "director", "Corkscrew")}),
    ("Ann Marsh, star and co-creator of Harbour Lights, spoke.",
     {("Ann Marsh", "creator", "Harbour Lights")}),
])
def test_the_kind_named_before(text, expected):
    """"the sitcom" is the work the article named as a sitcom, not just the last
    work named; "X, star and co-creator of Y" is an apposition."""
    intro = "Viewers loved the sitcom Harbour Lights and the drama Corkscrew. "
    assert _news_crew(intro + text) == expected


def test_the_articles_own_work_is_never_stretched_to_a_longer_title():
    """A longer title that holds the article's work ("the comic Harbour Lights Season
    Eight") does not take over the show's credits."""
    text = ("Its creator, Ann Marsh, ended the show after seven seasons. The story went on "
            "in the comic Harbour Lights Season Eight.")
    assert {fact[:3] for fact in _crew(text)} == {("Ann Marsh", "creator", "Harbour Lights")}


@pytest.mark.parametrize("text, expected", [
    # a feature or a debut from (or of) a person: the director
    ("Orrin Vale won for Low Harbour, the third feature from Mara Quill.",
     {("Mara Quill", "director", "Low Harbour")}),
    ("The prize went to Low Harbour, a tender debut from the filmmaker Mara Quill.",
     {("Mara Quill", "director", "Low Harbour")}),
    # the role word before the name gives the role
    ("The drama Low Harbour, from producer Mara Quill, opened on Friday.",
     {("Mara Quill", "producer", "Low Harbour")}),
    # a participle on an appositive noun makes the title's crew
    ("Orrin Vale starred in Low Harbour, a quiet family saga penned by Mara Quill.",
     {("Mara Quill", "writer", "Low Harbour")}),
    # "helmer" is a director
    ("Critics loved the drama Low Harbour. Mara Quill, the Low Harbour helmer, is back.",
     {("Mara Quill", "director", "Low Harbour")}),
    # the agent may be a role noun with the name beside it
    ("The drama Low Harbour drew millions. The episode was written by the show's creator, "
     "Mara Quill, and directed by Orrin Vale.",
     {("Mara Quill", "writer", "Low Harbour"), ("Mara Quill", "creator", "Low Harbour"),
      ("Orrin Vale", "director", "Low Harbour")}),
    # a passive coordinated with an active verb takes that verb's subject
    ("The comedy Low Harbour took second place. The film features a hedgehog and was "
     "written by Mara Quill.", {("Mara Quill", "writer", "Low Harbour")}),
    # a coordinated noun with the name beside it: "A and her writing partner B"
    ("Low Harbour was created by Mara Quill and her longtime writing partner Orrin Vale.",
     {("Mara Quill", "creator", "Low Harbour"), ("Orrin Vale", "creator", "Low Harbour")}),
    # "its episodes" are the show's
    ("Critics loved the drama Low Harbour. Its first two episodes will be directed by "
     "Mara Quill.", {("Mara Quill", "director", "Low Harbour")}),
    # "the film" is the work just named, not an older one named as a film
    ("Orrin Vale's 2019 film Red Tide was a hit. The comedy Low Harbour took second place. "
     "The film was written by Mara Quill.", {("Mara Quill", "writer", "Low Harbour")}),
])
def test_news_origin_forms(text, expected):
    """"X, the third feature from Y", "a debut from Y", "X, from producer Y", "X, a saga
    penned by Y", "the X helmer Y", "written by the show's creator, Y"."""
    assert {fact for fact in _news_crew(text) if fact[0] != "Orrin Vale"
            or fact[1] in ("director", "creator")} == expected


@pytest.mark.parametrize("text", [
    # attached to a project is no credit yet
    "Mara Quill, who is attached to direct the drama Low Harbour, declined to comment.",
    # a person's possessive on a role ties the role to a person, not to a work
    "The drama Low Harbour ended. Mara Quill thanks her producer, Orrin Vale.",
    # a bare "the new film from" names no job
    "Low Harbour, the new film from Mara Quill, opens in May.",
    # a director's possessive of a sitcom says she made it, not that she directed it
    "Mara Quill directed the film Red Tide. The sitcom Low Harbour, Quill's earlier "
    "sitcom, returned.",
    # hedged and negated
    "Low Harbour is rumoured to be the next feature from Mara Quill.",
    "Low Harbour, a saga never penned by Mara Quill, opened.",
])
def test_no_news_origin_crew(text):
    """Tentative, personal, bare or hedged ties to a work give no crew for Mara Quill
    beyond what the sentence states elsewhere."""
    assert not {fact for fact in _news_crew(text)
                if fact[0] == "Mara Quill" and fact[2] == "Low Harbour"}


@pytest.mark.parametrize("text, expected", [
    ("The thriller Low Harbour picked up a best director nod for Mara Quill.",
     {("Mara Quill", "director", "Low Harbour")}),
    ("The thriller Low Harbour won best director for Mara Quill.",
     {("Mara Quill", "director", "Low Harbour")}),
    ("The thriller Low Harbour earned seven nominations, including best picture and best "
     "director for Mara Quill.", {("Mara Quill", "director", "Low Harbour")}),
    ("The thriller Low Harbour earned nominations for best director for Mara Quill and "
     "best actress for Ann Marsh.", {("Mara Quill", "director", "Low Harbour")}),
    # an actor's prize, a negated one, and a prize the work does not win give nothing
    ("The thriller Low Harbour earned a best actor nod for Mara Quill.", set()),
    ("The thriller Low Harbour did not earn a best director nod for Mara Quill.", set()),
    ("The thriller Low Harbour has landed on the top ten list and earned a best director "
     "nod for Mara Quill.", {("Mara Quill", "director", "Low Harbour")}),
])
def test_a_prize_a_work_wins_for_a_person(text, expected):
    """"X picked up a best director nod for Y": Y directed X."""
    assert _news_crew("Awards\n\n" + text) == expected
