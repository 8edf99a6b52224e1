"""The questions canon ask is measured on: written for the tests about the made-up
shows of tests/data/ask (facts.jsonl and more.jsonl), each with the intent it asks
and what a right answer must say (words of its text, case-insensitive).

Every intent has at least four phrasings. ``right(answer, case)`` says whether an
answer is right: the intent and every expected piece. ``bench/ask_share.py`` prints
the share right; ``tests/test_ask_questions.py`` asserts it.
"""

from pathlib import Path

DATA = Path(__file__).parent / "data" / "ask"
FACT_FILES = [DATA / "facts.jsonl", DATA / "more.jsonl"]

# (intent, question, pieces a right answer's text holds)
QUESTIONS = [
    # status at a story time
    ("alive", "Is Silas Crane alive in Brackwater S2E1?", ["Silas Crane is dead", "S2E1"]),
    ("alive", "is juniper alive at the end of season 2", ["Juniper Vale is alive", "S2 finale"]),
    ("alive", "Does Juniper Vale survive season 2?", ["Juniper Vale is alive", "S2 finale"]),
    ("alive", "Is Juniper still alive in Brackwater season 2 episode 5?",
     ["Juniper Vale is dead", "S2E5", "S2E4"]),
    ("alive", "was Silas dead at the start of season 2", ["Silas Crane is dead", "S2E1"]),
    ("alive", "Is Tobias Wren alive?", ["Tobias Wren is dead"]),
    ("alive", "what is Silas Crane's status at the season 1 finale",
     ["Silas Crane is dead", "S1 finale"]),
    ("alive", "Is Juniper alive in the finale?", ["Juniper Vale is alive", "S3 finale"]),
    # what happened to X
    ("happened", "What happened to Juniper Vale?", ["death", "S2E4", "resurrection",
                                                    "S2 finale"]),
    ("happened", "what happens to tobias wren", ["death", "S2E6", "S2E7"]),
    ("happened", "What became of Silas Crane?", ["death", "S1 finale", "return", "ghost"]),
    ("happened", "Tell me what happened to the Tidewalker", ["death of Juniper Vale"]),
    ("happened", "What's Silas Crane's fate?", ["death", "S1 finale"]),
    # how X returns
    ("comes-back", "How does Silas Crane come back?", ["as a ghost", "S2"]),
    ("comes-back", "how did juniper return", ["in body", "S2 finale", "resurrection"]),
    ("comes-back", "Does Silas ever come back?", ["as a ghost"]),
    ("comes-back", "In what form does Silas Crane return?", ["as a ghost"]),
    ("comes-back", "How was Juniper Vale brought back?", ["resurrection", "Ada Marlowe"]),
    # who plays X (when)
    ("plays", "Who plays Inspector Hale?", ["Owen Pryce", "S1-S2", "Dev Okafor", "S3"]),
    ("plays", "who played the Inspector in season 3", ["Dev Okafor"]),
    ("plays", "Who was Inspector Hale played by in season 1?", ["Owen Pryce"]),
    ("plays", "Which actor portrays Ada Marlowe?", ["Nina Castell"]),
    ("plays", "who is the actress playing Juniper Vale", ["Ines Laurent"]),
    ("plays", "Who played Tobias Wren in Brackwater season 2?", ["Mira Sol"]),
    ("plays", "Who's Silas Crane's actor?", ["Callum Reyes"]),
    # what did actor A play
    ("played", "What did Owen Pryce play?", ["Inspector Hale", "Harbourmaster Quint"]),
    ("played", "Who did Nina Castell play?", ["Ada Marlowe"]),
    ("played", "what roles has Owen Pryce had", ["Inspector Hale", "Harbourmaster Quint"]),
    ("played", "Which characters has Ines Laurent played?", ["Juniper Vale"]),
    ("played", "What parts did Callum Reyes play?", ["Silas Crane"]),
    ("played", "Greta Lowe's roles?", ["Mother Crane"]),
    # who killed X
    ("killer", "Who killed Silas Crane?", ["Ada Marlowe kills Silas Crane"]),
    ("killer", "who murdered juniper", ["the Tidewalker kills Juniper Vale"]),
    ("killer", "Who was Juniper Vale killed by?", ["the Tidewalker"]),
    ("killer", "Who is Silas's killer?", ["Ada Marlowe"]),
    ("killer", "what killed Tobias Wren", ["names no killer"]),
    ("killer", "Who killed Juniper Vale in season 2?", ["the Tidewalker"]),
    # when X died
    ("died-when", "When did Silas Crane die?", ["S1 finale"]),
    ("died-when", "has Tobias died", ["Tobias Wren dies", "S2E6", "S2E7"]),
    ("died-when", "When was Juniper killed?", ["S2E4"]),
    ("died-when", "In which episode does Juniper Vale die?", ["S2E4"]),
    ("died-when", "Does Ada Marlowe die?", ["Nothing in the store says Ada Marlowe dies"]),
    ("died-when", "How did Tobias Wren die?", ["S2E7"]),
    # who died in a work or season
    ("died-in", "Which characters died in Brackwater season 2?",
     ["2 characters", "Juniper Vale", "Tobias Wren"]),
    ("died-in", "who died in season 1 of Brackwater", ["Silas Crane"]),
    ("died-in", "Who dies in Brackwater S2E4?", ["Juniper Vale"]),
    ("died-in", "list the deaths in Brackwater's second season", ["Juniper Vale", "Tobias Wren"]),
    ("died-in", "which characters were killed in Low Tide", ["No character dies in Low Tide"]),
    ("died-in", "Who died in the Brackwater season 1 finale?", ["Silas Crane"]),
    ("died-in", "Who died in the finale of Brackwater?", ["No character dies", "S3 finale"]),
    # which dead characters return
    ("back-from-dead", "Which dead characters return?", ["Juniper Vale", "Silas Crane"]),
    ("back-from-dead", "which characters came back from the dead",
     ["Juniper Vale", "Silas Crane"]),
    ("back-from-dead", "Who was resurrected?", ["Juniper Vale"]),
    ("back-from-dead", "Has anyone returned after dying?", ["Juniper Vale", "Silas Crane"]),
    ("back-from-dead", "which characters come back to life", ["Juniper Vale"]),
    # who made a work (crew)
    ("crew", "Who made Brackwater?", ["Hana Voss", "Idris Bell", "Lena Ortiz"]),
    ("crew", "who's the showrunner of Brackwater", ["showrunner Hana Voss"]),
    ("crew", "Who created Low Tide?", ["creator Mara Quell"]),
    ("crew", "Who directed Brackwater?", ["director Idris Bell"]),
    ("crew", "who wrote brackwater", ["writer Lena Ortiz"]),
    ("crew", "Who is the creator of Brackwater?", ["creator Hana Voss"]),
    ("crew", "Who is behind Brackwater?", ["Hana Voss"]),
    ("crew", "Who produced Brackwater?", ["Nothing in the store names a producer"]),
    # which seasons/episodes X is in
    ("appears", "Which seasons is Juniper Vale in?", ["Brackwater S2-S3"]),
    ("appears", "what episodes does Silas appear in", ["S1 finale"]),
    ("appears", "In which seasons does Mother Crane appear?", ["S3"]),
    ("appears", "Is Tobias Wren in season 3 of Brackwater?", ["Nothing in the store puts",
                                                              "S2"]),
    ("appears", "When does Harbourmaster Quint show up?", ["Low Tide S1"]),
    ("appears", "Which seasons was Inspector Hale in?", ["Brackwater S1-S3"]),
    # what breaks continuity
    ("continuity", "What breaks continuity in Brackwater?", ["Tobias Wren dies", "recast"]),
    ("continuity", "are there continuity errors in Low Tide", ["Nothing breaks continuity"]),
    ("continuity", "What breaks the continuity?", ["Tobias Wren", "Inspector Hale"]),
    ("continuity", "Any continuity mistakes in brackwater?", ["Tobias Wren"]),
    ("continuity", "Show me the plot holes in Brackwater", ["Tobias Wren"]),
    # what differs between sources
    ("conflicts", "Where do the sources disagree?", ["1 conflict", "Tobias Wren",
                                                     "brackwater-fan-wiki.txt"]),
    ("conflicts", "what differs between the articles", ["Tobias Wren", "S2E6", "S2E7"]),
    ("conflicts", "Which sources conflict about Tobias Wren?", ["Tobias Wren", "S2E6"]),
    ("conflicts", "Do any articles contradict each other on Juniper Vale?",
     ["No two sources disagree about Juniper Vale"]),
    ("conflicts", "Are there conflicting claims in Low Tide?", ["No two sources disagree"]),
    # A second batch, written before it was first asked (see README: the share).
    ("alive", "Is Ada Marlowe still alive in season 3?", ["Ada Marlowe is alive"]),
    ("alive", "was tobias wren dead by the end of season two", ["Tobias Wren is dead",
                                                                 "S2 finale"]),
    ("happened", "Whatever happened to Inspector Hale?",
     ["Nothing in the store happens to Inspector Hale"]),
    ("happened", "What happens to Silas in Brackwater?", ["death", "return"]),
    ("comes-back", "Did Juniper Vale come back to life?", ["resurrection"]),
    ("comes-back", "how is Silas revived", ["ghost"]),
    ("plays", "Who is Juniper Vale played by?", ["Ines Laurent"]),
    ("plays", "who portrayed Harbourmaster Quint", ["Owen Pryce"]),
    ("plays", "Inspector Hale actor in season 2", ["Owen Pryce"]),
    ("played", "Which role did Mira Sol play?", ["Tobias Wren"]),
    ("played", "What has Dev Okafor acted in?", ["Inspector Hale"]),
    ("killer", "By whom was Silas Crane killed?", ["Ada Marlowe"]),
    ("killer", "Who drowned Juniper?", ["the Tidewalker"]),
    ("died-when", "When was Silas Crane killed?", ["S1 finale"]),
    ("died-when", "did Inspector Hale die", ["Nothing in the store says Inspector Hale dies"]),
    ("died-in", "How many characters died in Brackwater's second season?", ["2 characters"]),
    ("died-in", "Who was killed in Brackwater season 1?", ["Silas Crane"]),
    ("back-from-dead", "Who came back to life?", ["Juniper Vale"]),
    ("back-from-dead", "list the resurrected characters", ["Juniper Vale"]),
    ("crew", "Who is Brackwater's showrunner?", ["Hana Voss"]),
    ("crew", "who was the director of Brackwater", ["Idris Bell"]),
    ("appears", "What seasons does Ada Marlowe appear in?", ["S1-S3"]),
    ("appears", "Does Mother Crane appear in season 3?", ["Yes"]),
    ("continuity", "Are there any continuity problems?", ["Tobias Wren"]),
    ("continuity", "check Brackwater for continuity errors", ["Tobias Wren"]),
    ("conflicts", "Do the sources disagree about Silas Crane?",
     ["No two sources disagree about Silas Crane"]),
    ("conflicts", "which articles contradict each other", ["Tobias Wren"]),
]

# Story time by an episode's title: asked of a store that also holds the article
# tests/data/ask-episodes/brackwater-s2e4.txt ("The Drowned Bell", Brackwater S2E4).
EPISODES = DATA.parent / "ask-episodes"
TITLE_QUESTIONS = [
    ("alive", "Is Juniper alive after The Drowned Bell?", ["Juniper Vale is dead", "S2E4"]),
    ("alive", 'was Juniper Vale alive before "The Drowned Bell"', ["Juniper Vale is alive",
                                                                   "S2E3"]),
    ("died-in", 'Who died in "The Drowned Bell"?', ["Juniper Vale", "S2E4"]),
    ("plays", "Who played Inspector Hale in The Drowned Bell?", ["Owen Pryce"]),
]


def right(answer, case):
    """Return True when an Answer is right for a (intent, question, pieces) case."""
    intent, _question, pieces = case
    text = answer.text.casefold()
    return answer.form == intent and all(piece.casefold() in text for piece in pieces)
