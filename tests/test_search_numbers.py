"""Posting lists as short strings: every number comes back, in Python and in the browser alike."""

from __future__ import annotations

import random

import pytest

from helpcenter.search.numbers import ALPHABET, decode, encode

EDGES = [0, 1, 31, 32, 1023, 1024, 32767, 32768, 2**20, 2**40]


def test_numbers_come_back_as_they_went_in() -> None:
    rng = random.Random(3)
    lists = [[], EDGES, [rng.randrange(0, 40) for _ in range(500)], [rng.randrange(0, 2**31) for _ in range(200)]]
    for numbers in lists:
        assert decode(encode(numbers)) == numbers


def test_small_numbers_take_one_character_and_the_text_is_json_safe() -> None:
    assert [len(encode([n])) for n in EDGES[:8]] == [1, 1, 1, 2, 2, 3, 3, 4]
    assert set(encode(EDGES)) <= set(ALPHABET) and len(set(ALPHABET)) == 64
    assert not set(ALPHABET) & set('"\\')


def test_what_cannot_be_encoded_or_decoded_is_an_error() -> None:
    with pytest.raises(ValueError, match="negative"):
        encode([1, -1])
    with pytest.raises(ValueError, match="ends inside a number"):
        decode(encode([40])[:1])
    with pytest.raises(KeyError):
        decode("A!")
