"""Personal data masked out of comments and search queries before they are stored.

Customers type their phone number, e-mail address, card number or NIK (the 16-digit national identity number)
into a comment box or the search field, often to be called back. The help center has no use for them and the
gap report shows comments to the whole CS team, so they are replaced by a mark that says what was there. The
shop's own order numbers stay: they help CS find the order, and they identify an order, not a person. They are
written with slashes (INV/20261201/MPL/1234567890) or letters and digits together (TS2612011234), so a run of
digits that touches a letter, a slash or a dash is never masked.
"""

from __future__ import annotations

import re

EMAIL = "[email]"
PHONE = "[telepon]"
CARD = "[kartu]"
NIK = "[NIK]"

# A run of digits stands alone: no letter, digit, slash or dash right before or after it (an order number).
_ALONE_BEFORE = r"(?<![\w/-])"
_ALONE_AFTER = r"(?![\w/-])"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
# 13 to 19 digits, in groups or not, as printed on a card: masked only when the Luhn check holds.
_CARD = re.compile(_ALONE_BEFORE + r"[0-9](?:[ -]?[0-9]){12,18}" + _ALONE_AFTER)
_NIK = re.compile(_ALONE_BEFORE + r"[0-9]{16}" + _ALONE_AFTER)
# Indonesian mobile numbers: +62 8.., 62 8.. or 08.., 9 to 13 digits with spaces, dots or dashes between; and any
# number written in international form (+ and 8 to 15 digits).
_PHONE = re.compile(_ALONE_BEFORE + r"(?:(?:\+62|62|0)[ .-]?8[0-9](?:[ .-]?[0-9]){6,10}|\+[0-9](?:[ .-]?[0-9]){7,14})"
                    + _ALONE_AFTER)


def mask_personal_data(text: str) -> str:
    """`text` with e-mail addresses, card numbers, NIKs and phone numbers replaced by a mark saying what was there."""
    text = _EMAIL.sub(EMAIL, text)
    text = _CARD.sub(lambda match: CARD if _luhn(match.group()) else match.group(), text)
    text = _NIK.sub(NIK, text)
    return _PHONE.sub(PHONE, text)


def _luhn(number: str) -> bool:
    digits = [int(char) for char in number if char.isdigit()]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0
