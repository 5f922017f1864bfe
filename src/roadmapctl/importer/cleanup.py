"""Cleaning the text of a cell: what copy-paste from Word leaves behind.

Real documents arrive with HTML fragments (`<p>…</p>` from web editors),
Markdown bold from converters, runs of «????» where a symbol font or an emoji
did not survive an encoding, double spaces, non-breaking spaces and words
hyphenated at the end of a line.  Each function here removes one kind of
noise and says whether it did, so the import report can point at the rows.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BREAK_TAG = re.compile(r"</p\s*>|<br\s*/?>|</li\s*>|</div\s*>", re.IGNORECASE)
_QUESTION_NOISE = re.compile(r"\?{2,}|(?<!\S)\?(?!\S)|\ufffd+")
_BOLD = re.compile(r"\*\*|__(?=\S)|(?<=\S)__")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u200b]+")
_SOFT_HYPHEN = "\u00ad"
# Characters neither YAML nor Word can hold (C0/C1 controls but tab and line
# breaks, lone surrogates, non-characters), plus zero-width marks and the BOM.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u200c-\u200f]")
_LINE_BREAKS = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")  # Word's manual breaks, pasted
_LINE_HYPHEN = re.compile(r"(\w)[-\u00ad]$")
_WORD_AT_END = re.compile(r"(\w+)[-\u00ad]$")
_WORD_AT_START = re.compile(r"^(\w+)")
_HYPHEN_AT_START = re.compile(r"^[-\u2010\u2011][^\W\d_]")  # «-правовое», not a list dash «- пункт»
_URL_AT_END = re.compile(r"(?:https?:/|www\.)\S*[/\-_.=?&]$")


def split_html_paragraphs(text: str) -> list[str]:
    """A cell pasted from a web editor: `<p>a</p><p>b</p>` is two paragraphs."""
    if "<" not in text:
        return [text]
    marked = _BREAK_TAG.sub("\n", text)
    return marked.split("\n")


def clean(text: str) -> tuple[str, set[str]]:
    """One paragraph without noise, and which kinds of noise were removed.

    The kinds are «control» (characters YAML and Word cannot hold), «html»,
    «noise» (question marks) and «markup» (Markdown bold);
    whitespace is normalised silently since nobody needs to review it.
    """
    found: set[str] = set()
    text = _LINE_BREAKS.sub(" ", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
        found.add("control")
    if _TAG.search(text):
        text = _TAG.sub(" ", text)
        found.add("html")
    if "&" in text:
        text = html.unescape(text)
    if _QUESTION_NOISE.search(text):
        text = _QUESTION_NOISE.sub(" ", text)
        found.add("noise")
    if "**" in text or "__" in text:
        stripped = _BOLD.sub("", text)
        if stripped != text:
            found.add("markup")
            text = stripped
    text = text.replace(_SOFT_HYPHEN + " ", _SOFT_HYPHEN)
    return _SPACES.sub(" ", text).strip(), found


def join_lines(parts: list[str], vocabulary: set[str] | None = None) -> tuple[str, list[str]]:
    """Join the lines or paragraphs of one text, undoing end-of-line hyphenation.

    «образова-» + «ния» becomes «образования» when the whole word occurs
    elsewhere in the document (`vocabulary`, lower case) or the hyphen is a
    soft one; «организационно-» + «педагогического» keeps its hyphen.
    Returns the text and the words that were joined by guess (for review).
    """
    text = ""
    guessed: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not text:
            text = part
            continue
        head = _WORD_AT_END.search(text)
        tail = _WORD_AT_START.match(part)
        if _URL_AT_END.search(text) and not part[0].isupper():
            text += part  # a web address wrapped at a line end has no space in it
        elif _HYPHEN_AT_START.match(part) and text[-1:].isalpha():
            text += part  # «Нормативно» / «-правовое»: a compound broken before its hyphen
        elif head and tail and _LINE_HYPHEN.search(text) and part[0].islower():
            glue, guess = _hyphen_glue(head.group(1), tail.group(1), text.endswith(_SOFT_HYPHEN),
                                       vocabulary or set())
            text = text[:-1] + glue + part
            if guess:
                guessed.append(head.group(1) + glue + tail.group(1))
        else:
            text = f"{text} {part}"
    return text.replace(_SOFT_HYPHEN, ""), guessed


# Words of one or two letters that may stand on their own at the start of a line.
_SHORT_WORDS = frozenset({"а", "в", "и", "к", "о", "с", "у", "я", "во", "на", "по", "до", "из", "от", "за",
                          "не", "ни", "же", "ли", "бы", "со", "об", "ко", "их", "её", "ее", "он", "мы", "вы",
                          "то", "да", "но", "ну", "уж"})
_LONE_WORD = re.compile(r"^[^\W\d_]{3,}$")
_LETTERS_AT_START = re.compile(r"^([^\W\d_]+)")
_FRAGMENT = re.compile(r"^([^\W\d_]{1,3})(?=$|[\s,.;:)])")


def mend_broken_words(lines: list[str], vocabulary: set[str]) -> tuple[list[str], list[str]]:
    """Lines with words a narrow column broke without a hyphen joined back, and the suspects.

    A word wider than its column is cut where the line ends, with no hyphen:
    «нормативны» / «х документов». Such a cut leaves a line of one word and a
    next line opening with a lower-case fragment. The two are joined when the
    whole word occurs elsewhere in the document (`vocabulary`); a fragment of
    one to three letters that is not a word of its own is only reported
    (`«нормативны х»`), since «Директор» / «школы» looks the same.
    """
    out: list[str] = []
    suspects: list[str] = []
    for line in (line.strip() for line in lines):
        previous = out[-1] if out else ""
        letters = _LETTERS_AT_START.match(line)
        if previous and letters and _LONE_WORD.match(previous) and line[:1].islower():
            piece = letters.group(1)
            if (previous + piece).lower() in vocabulary and previous.lower() not in vocabulary:
                out[-1] = previous + line
                continue
            if _FRAGMENT.match(line) and piece.lower() not in _SHORT_WORDS:
                suspects.append(f"{previous} {piece}")
        out.append(line)
    return out, suspects


def _hyphen_glue(left: str, right: str, soft: bool, vocabulary: set[str]) -> tuple[str, bool]:
    """'' to join a hyphenated word, '-' to keep a compound; and whether it was a guess."""
    if soft:
        return "", False
    joined = (left + right).lower()
    compound = f"{left}-{right}".lower()
    if compound in vocabulary:
        return "-", False
    if joined in vocabulary:
        return "", False
    # First parts of compound adjectives: «научно-», «историко-», «психолого-педагогический».
    low = left.lower()
    compound_stem = low.endswith(("но", "ко", "ски")) or (low.endswith(("о", "е")) and len(low) >= 7)
    return ("-", True) if compound_stem else ("", True)


def words_of(text: str) -> set[str]:
    """Lower-case words (with inner hyphens) of a text, for `join_lines`."""
    return {w.lower() for w in re.findall(r"\w+(?:-\w+)*", text)}
