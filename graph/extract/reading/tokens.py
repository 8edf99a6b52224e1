"""The tokens of a parsed article as plain Python lists, read from spaCy once.

Rules look at the words around names and verbs hundreds of thousands of times
per article. Each ``doc[i]``, each loop over a Doc or a Span and each
``token.sent`` makes new spaCy objects, which cost more than the rules' own
work; a ``Tokens`` table reads every attribute the rules need once, so that they
index lists instead. Sentence bounds follow spaCy's: a sentence starts at the
first token and wherever ``is_sent_start`` is True.

>>> from graph.extract.reading.nlp import load_pipeline
>>> tokens = Tokens(load_pipeline()("Ned dies. Arya flees."))
>>> tokens.lower[3], tokens.sent_start[3], tokens.sent_end[3], tokens.sentences
('arya', 3, 6, [(0, 3), (3, 6)])
>>> tokens.head[0], tokens.dep[0], tokens.children(1)
(1, 'nsubj', [0, 2])
"""

from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.parts_of_speech import NAMES as POS_NAMES

# What Tokens reads of every token, in the order of its columns.
ATTRIBUTES = (ORTH, LOWER, LEMMA, POS, TAG, ENT_TYPE, IDX, SPACY, IS_PUNCT, IS_LOWER, IS_SPACE,
              IS_ALPHA, SENT_START, HEAD, DEP)
# to_array gives a head as an offset from its token, read as unsigned 64-bit.
_WRAP = 1 << 64


class Tokens:
    """What rules read of the tokens of one spaCy Doc: one list per attribute,
    indexed by token position (``lemma`` lower-cased, as rules compare it), with
    each token's sentence bounds, its syntactic ``head`` (a token index; a root is
    its own head) and ``dep`` label, and the Doc's text."""

    def __init__(self, doc):
        self.doc = doc
        # One array for the whole Doc: far cheaper than a Token object per attribute.
        (orth, lower, lemma, pos, tag, ent_type, self.idx, space, punct, is_lower, is_space,
         is_alpha, sent_start, head, dep) = doc.to_array(list(ATTRIBUTES)).T.tolist()
        strings = _Strings(doc.vocab.strings)
        self.text, self.lower, self.tag, self.ent_type, self.dep = (
            strings.of(orth), strings.of(lower), strings.of(tag), strings.of(ent_type),
            strings.of(dep))
        self.head = [i + (h - _WRAP if h >= _WRAP >> 1 else h) for i, h in enumerate(head)]
        self.lemma = [word.lower() for word in strings.of(lemma)]
        self.pos = [POS_NAMES[p] for p in pos]
        self.whitespace = [" " if flag else "" for flag in space]
        self.is_punct, self.is_lower, self.is_space, self.is_alpha = (
            [flag == 1 for flag in column] for column in (punct, is_lower, is_space, is_alpha))
        # spaCy's is_sent_start: True for 1, False for -1 (read as unsigned), None for 0.
        self.is_sent_start = [value == 1 for value in sent_start]
        n = len(orth)
        starts = [i for i in range(n) if i == 0 or self.is_sent_start[i]]
        self.sentences = list(zip(starts, starts[1:] + [n] if starts else [], strict=True))
        self.sent_start, self.sent_end = [0] * n, [0] * n
        for start, end in self.sentences:
            self.sent_start[start:end] = [start] * (end - start)
            self.sent_end[start:end] = [end] * (end - start)
        self.doc_text = "".join(t + w for t, w in zip(self.text, self.whitespace, strict=True))

    def __len__(self):
        """Return the number of tokens."""
        return len(self.text)

    def children(self, i):
        """Return the indexes of the tokens whose head is token ``i``, in order,
        looked up within its sentence."""
        head = self.head
        return [j for j in range(self.sent_start[i], self.sent_end[i]) if head[j] == i and j != i]

    def hangs_from(self, index, top, links):
        """Return True when token ``index`` is token ``top`` or hangs from it in the
        parse, at most ``links`` heads up."""
        head = self.head
        i = index
        for _ in range(links):
            if i == top or head[i] == i:
                return i == top
            i = head[i]
        return i == top

    def end_char(self, i):
        """Return the character offset just after token ``i``."""
        return self.idx[i] + len(self.text[i])

    def sent_chars(self, i):
        """Return (start_char, end_char) of the sentence holding token ``i``."""
        return self.idx[self.sent_start[i]], self.end_char(self.sent_end[i] - 1)

    def span_text(self, start, end):
        """Return the text of tokens [start, end), without trailing whitespace (as
        spaCy's ``Span.text``)."""
        if start >= end:
            return ""
        return self.doc_text[self.idx[start]:self.end_char(end - 1)]

    def is_question(self, i):
        """Return True when the sentence holding token ``i`` ends with "?"."""
        return self.span_text(self.sent_start[i], self.sent_end[i]).rstrip().endswith("?")


class _Strings:
    """spaCy's string store, each hash looked up once per Doc."""

    def __init__(self, store):
        self.store = store
        self.known = {}

    def of(self, hashes):
        """Return the strings of a list of hashes."""
        known, store = self.known, self.store
        out = []
        for key in hashes:
            text = known.get(key)
            if text is None:
                text = known[key] = store[key]
            out.append(text)
        return out
