"""The words of event rules: which verbs and nouns tell of a death, a return, a
resurrection, and which words around them give the mode or the cause.

Lemmas are lower-case spaCy lemmas; the rules in ``graph.extract.rules.events.forms``
look them up. Kept apart so that a reader can see the whole vocabulary at once.
"""

# Verbs whose object dies: "X kills Y", "Y is beheaded by X".
KILL_VERBS = frozenset({
    "kill", "murder", "slay", "execute", "behead", "decapitate", "assassinate", "strangle",
    "butcher", "slaughter", "smother", "suffocate", "crucify", "garrote", "garrotte", "lynch",
    "drown", "hang", "massacre", "exterminate", "eliminate", "sacrifice", "devour", "eat",
    # a synopsis that tells a poisoning tells a death, unless the victim survives
    # (``deaths.survived``): "is poisoned at his wedding"
    "poison",
})
# Verbs that kill only with a word saying so: "stabbed to death", "shot dead",
# "burned alive", "fatally shot".
HARM_VERBS = frozenset({
    "stab", "shoot", "burn", "beat", "stone", "hack", "bludgeon", "maul", "crush",
    "impale", "wound", "injure", "strike", "hit", "push", "throw", "freeze", "choke", "tear",
})
FATAL_AFTER = (("to", "death"), ("dead",), ("alive",), ("at", "the", "stake"), ("to", "pieces"),
               ("limb", "from", "limb"), ("through", "the", "heart"), ("in", "the", "heart"))
# Verbs that kill only in these phrases, and harm no one otherwise: "puts Y to death",
# "is put to the sword" (but "puts Y alive in a cell"), "runs him through".
FATAL_PHRASES = {"put": (("to", "death"), ("to", "the", "sword")),
                 "run": (("through",),)}  # "runs Y through (with a sword)"
FATAL_PHRASE_VERBS = frozenset(FATAL_PHRASES)
# Intransitive verbs whose subject dies "to death": "bleeds to death", "starves to death".
TO_DEATH_DIE_VERBS = frozenset({"bleed", "starve", "freeze", "burn", "choke", "suffocate"})
# "kills himself", "hangs herself": the subject dies by its own hand.
REFLEXIVES = frozenset({"himself", "herself", "themselves"})
FATAL_ADVERBS = frozenset({"fatally", "mortally", "lethally"})
# "snaps his neck", "slits her throat", "breaks Y's neck"
NECK_VERBS = {"snap": "neck", "break": "neck", "slit": "throat", "cut": "throat",
              "wring": "neck"}
DIE_VERBS = frozenset({"die", "perish", "succumb", "drown"})
# "is poisoned but survives", "is stabbed and recovers": the harm told was no death.
SURVIVE_VERBS = frozenset({"survive", "recover", "recuperate"})
# "Daenerys ends Drogo's life", "she took her own life", "he gives his life to save Y"
LIFE_VERBS = frozenset({"end", "take", "give", "lay"})
# Of these, the verbs whose subject gives their own life: "gives his life to save Y",
# "lays down her life for Y".
GIVE_LIFE_VERBS = frozenset({"give", "lay"})
# "cuts off Y's head", "chops his head off": a beheading, told with "off".
HEAD_VERBS = frozenset({"cut", "chop", "hack", "lop", "slice"})
DEATH_NOUNS = frozenset({"death", "murder", "execution", "assassination", "killing",
                         "demise", "beheading", "decapitation"})
# A noun death is an event, not a reference to one, after these: "results in Y's death".
DEATH_GOVERNORS = frozenset({"result", "lead", "cause", "end", "bring", "mean", "meet",
                             "witness", "see", "watch"})
# "pushes Lysa to her death", "falls to his death"
TO_DEATH_VERBS = frozenset({"push", "throw", "send", "fall", "plunge", "jump", "lead",
                            "drive", "leap", "hurl", "shove", "tumble", "drop"})
# Non-names that are the cause when they are the subject: "the poison that killed Y".
CAUSE_NOUNS = frozenset({
    "poison", "disease", "illness", "cancer", "fire", "explosion", "accident", "crash",
    "wound", "wounds", "infection", "fever", "plague", "overdose", "bomb", "blast", "storm",
    "flood", "sickness", "heart", "attack", "wildfire", "injuries", "injury", "tumour",
    "tumor", "stroke", "pneumonia", "tuberculosis", "virus", "causes",
})
CAUSE_OF_VERB = {"poison": "poison", "drown": "drowning", "strangle": "strangulation",
                 "burn": "fire", "hang": "hanging", "behead": "beheading",
                 "decapitate": "beheading", "stab": "stabbing", "shoot": "gunshot",
                 "starve": "starvation", "bleed": "blood loss", "freeze": "cold",
                 "sacrifice": "sacrifice"}

RESURRECT_VERBS = frozenset({"resurrect", "revive", "reanimate", "resuscitate"})
# "raised from the dead", "brought back to life", "comes back from the dead"
RAISE_VERBS = frozenset({"raise", "bring", "come", "return", "rise", "be", "get"})
DEAD_PHRASES = (("from", "the", "dead"), ("from", "the", "grave"), ("to", "life"),
                ("from", "death"), ("back", "from", "the", "dead"), ("back", "to", "life"),
                ("from", "the", "afterlife"))
# "raised as a wight", "returns as a vampire": back from the dead, but undead.
UNDEAD = frozenset({"wight", "zombie", "vampire", "revenant", "ghoul", "undead", "lich"})

RETURN_VERBS = frozenset({"return", "reappear", "resurface", "resurrect"})
# A return to a place is travel, not a return to the show: "Davos returns to Dragonstone".
TRAVEL_WORDS = frozenset({"to", "home", "inside", "from", "north", "south", "east", "west",
                          "with", "into", "towards", "toward", "there", "here", "back",
                          "upstairs", "outside"})
SHOW_WORDS = frozenset({"show", "series", "screen", "role", "franchise", "cast", "fold",
                        "season", "universe", "story", "programme", "program", "soap",
                        "screens", "episode", "film", "sequel"})
DEPART_VERBS = frozenset({"leave", "depart", "exit", "quit"})
INJURY_WORDS = frozenset({"wounded", "injured", "maimed", "crippled", "paralysed",
                          "paralyzed", "blinded", "disfigured", "scarred", "mutilated",
                          "castrated"})
BODY_PARTS = frozenset({"hand", "arm", "leg", "eye", "foot", "finger", "fingers", "ear",
                        "nose", "tongue", "toes", "legs", "arms", "eyes", "hands", "sight"})

# Mode cues, looked for around a return: the first word found gives the mode.
MODE_WORDS = {
    "hallucination": "hallucination", "hallucinations": "hallucination",
    "hallucinates": "hallucination", "hallucinated": "hallucination",
    "figment": "hallucination", "imagination": "hallucination", "imagined": "hallucination",
    "dream": "dream", "dreams": "dream", "nightmare": "dream", "nightmares": "dream",
    "dreamed": "dream", "dreamt": "dream",
    "flashback": "flashback", "flashbacks": "flashback", "memory": "flashback",
    "memories": "flashback",
    "ghost": "ghost", "spirit": "ghost", "apparition": "ghost", "ghostly": "ghost",
    "vision": "vision", "visions": "vision",
    "voice": "voice", "voiceover": "voice", "voice-over": "voice",
    "clone": "clone", "clones": "clone", "duplicate": "clone",
    "alternate": "alternate", "alternative": "alternate", "parallel": "alternate",
    "doppelganger": "alternate", "doppelgänger": "alternate",
}
# "in her head", "in Jessica's mind": the character is imagined.
HEAD_WORDS = frozenset({"head", "mind", "thoughts"})
# "another version", "a different universe": an alternate.
OTHER_WORDS = frozenset({"another", "different", "other"})
VERSION_WORDS = frozenset({"version", "universe", "timeline", "reality", "world", "earth"})

# Clause-level words that make an event unasserted, beyond graph.extract.evidence.modality.
EXTRA_HEDGES = frozenset({
    "claim", "claims", "claiming", "claimed", "lie", "lies", "lying", "lied", "pretend",
    "orders", "ordered", "order", "vows", "vowed", "promises", "promised", "swears", "swore",
    "intends", "intending", "intended", "prepares", "preparing", "asks", "asked", "begs",
    "begged", "refuses", "refused", "wishes", "sentences", "sentenced", "demands",
    "demanded", "would-be", "attempt", "attempting", "plot", "plots", "plotting",
    "suspects", "suspected", "accuses", "accused", "framed", "blames", "blamed", "fake",
    "wanted", "wants", "avenge", "hunt", "hires", "hired", "sends", "sent", "unless",
    "tasked", "tasks", "charged", "charges", "commissions", "commissioned",
    "imagines", "imagining", "fantasizes", "fantasises", "fantasizing", "envisions",
})
FUTURE = frozenset({"will", "would", "'ll", "’ll", "wo", "shall", "going"})
# "as soon as Drogo dies, a new leader will emerge": a time clause of the future.
TIME_CLAUSE = frozenset({"when", "once", "soon", "whenever", "until", "till"})
# A gerund after these tells of an act already done: "admits to killing Y",
# "berates X for killing Y".
PAST_GERUND_VERBS = frozenset({"admit", "confess", "deny", "recall", "remember", "regret",
                               "boast", "mock", "forgive", "blame", "punish", "berate",
                               "avenge", "praise", "thank", "resent", "hate", "apologize",
                               "apologise"})
# "manages to kill", "proceeds to kill", "goes on to kill": the infinitive happened.
IMPLICATIVE = frozenset({"manage", "proceed", "succeed", "go", "live", "happen", "turn"})
