"""Lists of small non-negative integers as short strings: how the index stores its postings.

A JSON array of numbers costs the browser a number parse per entry, and the index has hundreds of thousands of
entries; a string parses at the speed of a copy and is decoded only when a query needs it. Each number is written
in base 32, low digits first, one character per digit from a URL-safe alphabet, with 32 added to every digit but
the last (as in source maps' VLQ, without a sign): 0-31 take one character, up to 1023 two, up to 32767 three.
theme/assets/javascripts/search/engine.js decodes the same format.
"""

from __future__ import annotations

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_VALUE = {char: value for value, char in enumerate(ALPHABET)}


def _encoded(number: int) -> str:
    if number < 0:
        raise ValueError(f"cannot encode a negative number: {number}")
    chars = []
    while True:
        digit, number = number & 31, number >> 5
        chars.append(ALPHABET[digit | 32] if number else ALPHABET[digit])
        if not number:
            return "".join(chars)


# Every number below 32,768 precomputed: encoding a posting list is then one lookup per number.
_TABLE = [_encoded(number) for number in range(1 << 15)]


def encode(numbers: list[int]) -> str:
    if numbers and min(numbers) < 0:
        raise ValueError(f"cannot encode a negative number: {min(numbers)}")
    try:
        return "".join(map(_TABLE.__getitem__, numbers))
    except IndexError:  # a number beyond the table
        return "".join(_TABLE[n] if n < len(_TABLE) else _encoded(n) for n in numbers)


def decode(text: str) -> list[int]:
    numbers = []
    value = shift = 0
    for char in text:
        digit = _VALUE[char]
        value |= (digit & 31) << shift
        if digit & 32:
            shift += 5
        else:
            numbers.append(value)
            value = shift = 0
    if shift:
        raise ValueError("the text ends inside a number")
    return numbers
