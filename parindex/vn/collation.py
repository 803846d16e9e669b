"""Vietnamese alphabetical order for names of units, communes and people.

`sorted(names, key=sort_key)` puts "Sở Y tế" after "Sở Xây dựng", "Xã Ân Thi" after "Xã An Bình",
"Phường Đông Hòa" after "Phường Dĩ An" and "Phường 10" after "Phường 2". Generic collators (pyuca,
the C library) treat Đ, Ă, Â, Ê, Ô, Ơ, Ư as accented variants of D, A, E, O, U; in Vietnamese they are
letters of their own.

The rules, strongest first:

1. Letters, in the order of the Vietnamese alphabet, with the Latin letters it lacks (f, j, w, z) at
   their Latin places:  a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z.
   Digits sort before letters, and a run of digits is compared as a number ("2" < "10").
   Letters of other scripts come after z, by code point. Spaces and punctuation only separate words.
2. Tone, within the same letters: ngang (none) < huyền (`) < hỏi (?) < ngã (~) < sắc (´) < nặng (.).
   This is the Unicode CLDR `vi` tailoring (`&̀<<̉<<̃<<́<<̣`, collation/vi.xml, also what ICU uses),
   and the order of the Vietnamese dictionaries (e.g. Hoàng Phê's Từ điển tiếng Việt). Where the tone
   mark sits does not matter: "Hòa" and "Hoà" are the same syllable.
3. Case, weakest: lower case before upper case, as in CLDR.

Letters and tone are compared word by word (syllable by syllable), as Vietnamese dictionaries do: every
name whose first word is "Tân" comes before every name whose first word is "Tấn", so "Xã Tân Thạnh"
sorts before "Xã Tấn Mỹ". A whole-string collator such as ICU compares all letters first and would
put "Xã Tấn Mỹ" first (m < t). Like CLDR's standard (not its "traditional") collation, the digraphs
ch, gh, kh, ng, nh, ph, th, tr are sequences of letters, not letters of their own.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Final

# (class, weight) pairs: digits before letters before letters of other scripts.
PrimaryElement = tuple[int, int]
WordKey = tuple[tuple[PrimaryElement, ...], tuple[int, ...]]
SortKey = tuple[tuple[WordKey, ...], tuple[int, ...], str]

VIETNAMESE_ALPHABET: Final = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

_DIGITS: Final = 0
_LETTER: Final = 1
_OTHER_LETTER: Final = 2

_LETTER_RANK: Final = {letter: rank for rank, letter in enumerate(VIETNAMESE_ALPHABET)}

# Breve, circumflex and horn change the letter (a -> ă, â; o -> ô, ơ; u -> ư; e -> ê).
_SHAPE_MARKS: Final = frozenset({"\u0306", "\u0302", "\u031b"})
# CLDR vi: huyền < hỏi < ngã < sắc < nặng; no tone (ngang) sorts before all of them.
_TONE_WEIGHTS: Final = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks foreign to Vietnamese (ü, ç, ñ is tilde = ngã) still tell two names apart, after the tones.
_FOREIGN_MARK_BASE: Final = 100


@functools.lru_cache(maxsize=65_536)
def sort_key(name: str) -> SortKey:
    """A key for `sorted()` that orders `name` in Vietnamese alphabetical order (see the module doc).

    Cached: a results page sorts the same unit names several times (the ranking's ties, the comment form, the
    units not ready), and the key, an immutable tuple, depends on the name alone."""
    words: list[WordKey] = []
    case_weights: list[int] = []
    primary: list[PrimaryElement] = []
    secondary: list[int] = []
    digits = ""

    def end_digit_run() -> None:
        nonlocal digits
        if digits:
            primary.append((_DIGITS, int(digits)))
            digits = ""

    def end_word() -> None:
        end_digit_run()
        if primary or secondary:
            words.append((tuple(primary), tuple(secondary)))
            primary.clear()
            secondary.clear()

    for base, marks in _clusters(unicodedata.normalize("NFD", name)):
        if base.isdecimal():
            digits += str(unicodedata.decimal(base))
        elif base.isalpha():
            end_digit_run()
            lower = base.lower()
            # A few letters lower-case to two characters (İ -> i̇); keep those as they are.
            letter_element, letter_secondary = _weigh_letter(lower if len(lower) == 1 else base, marks)
            primary.append(letter_element)
            secondary.extend(letter_secondary)
            case_weights.append(0 if base == base.lower() else 1)
        else:
            end_word()
    end_word()
    # The NFC text last, so that names differing only in where a tone mark sits still sort the same
    # way every time.
    return tuple(words), tuple(case_weights), unicodedata.normalize("NFC", name)


def _clusters(decomposed: str) -> list[tuple[str, str]]:
    """Split NFD text into (base character, combining marks that follow it)."""
    clusters: list[tuple[str, str]] = []
    for char in decomposed:
        if unicodedata.combining(char) and clusters:
            base, marks = clusters[-1]
            clusters[-1] = (base, marks + char)
        elif not unicodedata.combining(char):
            clusters.append((char, ""))
        # A combining mark with nothing before it carries no letter: ignore it.
    return clusters


def _weigh_letter(letter: str, marks: str) -> tuple[PrimaryElement, list[int]]:
    """The primary element of one letter and the secondary weights (tone, foreign marks) it carries."""
    shape_marks = "".join(mark for mark in marks if mark in _SHAPE_MARKS)
    other_marks = [mark for mark in marks if mark not in _SHAPE_MARKS]
    shaped = unicodedata.normalize("NFC", letter + shape_marks)
    if shaped in _LETTER_RANK:
        element = (_LETTER, _LETTER_RANK[shaped])
    else:
        # A breve or circumflex on a letter Vietnamese does not shape (ĕ, ŵ) is a foreign accent.
        other_marks = list(marks)
        element = (_LETTER, _LETTER_RANK[letter]) if letter in _LETTER_RANK else (_OTHER_LETTER, ord(letter))
    secondary = [_TONE_WEIGHTS.get(mark, _FOREIGN_MARK_BASE + ord(mark)) for mark in other_marks]
    return element, secondary
