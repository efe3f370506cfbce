"""Personal data masked out of customers' words (helpcenter/feedback/privacy.py), the shop's order numbers kept."""

from __future__ import annotations

import pytest

from helpcenter.feedback.privacy import mask_personal_data


@pytest.mark.parametrize(("typed", "stored"), [
    ("hubungi 0812-3456-7890 ya", "hubungi [telepon] ya"),
    ("wa +62 812 3456 7890", "wa [telepon]"),
    ("628123456789", "[telepon]"),
    ("telp +6281234567890.", "telp [telepon]."),
    ("email budi.santoso+toko@gmail.com", "email [email]"),
    ("kartu 4111 1111 1111 1111", "kartu [kartu]"),
    ("kartu 4111-1111-1111-1111", "kartu [kartu]"),
    ("NIK 3201234567890001", "NIK [NIK]"),
    ("pesanan INV/20261201/MPL/1234567890123 belum", "pesanan INV/20261201/MPL/1234567890123 belum"),
    ("order TS2612011234567890 kemarin", "order TS2612011234567890 kemarin"),
    ("resi JNE0123456789012", "resi JNE0123456789012"),
    ("harga 150000 ongkir 20000 tgl 20261201", "harga 150000 ongkir 20000 tgl 20261201"),
    ("kartu 4111111111111112 salah ketik", "kartu [NIK] salah ketik"),
])
def test_personal_data_is_masked_and_order_numbers_are_kept(typed: str, stored: str) -> None:
    assert mask_personal_data(typed) == stored
