"""RCP024's `service_turned_commercial`, the fact RCP028 reads to treat a pitch as commercial."""

from __future__ import annotations

import pytest
from linter.rules.rcp024_service_message_hard_pitch import pitch, service_turned_commercial

from linter import Linter
from linter.formats import read_text

PITCH = (
    "As promised, here are the notes from today's call. "
    "Upgrade by Friday to lock in 25% off; this price won't come back."
)
RECAP = (
    "As promised, here are the notes from today's call. "
    "Next step: you'll review the draft and reply with changes by Thursday."
)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def _view(linter: Linter, text: str, channel: str = "email", **meta: object):
    doc = read_text(text, path="msg.txt", channel=channel)
    doc.metadata.update(meta)
    return linter.view(doc)


def test_pitch_is_commercial(linter: Linter) -> None:
    view = _view(linter, PITCH)
    assert service_turned_commercial(view) is True
    found = pitch(view)
    assert found is not None
    assert found.opener_text == "As promised"
    assert [c.text for c in found.hard] == [
        "Upgrade by",
        "lock in",
        "25% off",
        "this price won't come back",
    ]


def test_plain_recap_is_not(linter: Linter) -> None:
    assert service_turned_commercial(_view(linter, RECAP)) is False


def test_one_hard_sell_cue_is_not_enough(linter: Linter) -> None:
    text = "Here's your receipt for order #4471. The matching case is 10% off."
    assert service_turned_commercial(_view(linter, text)) is False


def test_metadata_subject_counts_as_opener(linter: Linter) -> None:
    body = "Upgrade today and save 30%. The offer ends at midnight."
    assert service_turned_commercial(_view(linter, body)) is False
    view = _view(linter, body, subject="Your booking confirmation #5521")
    assert service_turned_commercial(view) is True


def test_ui_string_catalogs_are_out_of_scope(linter: Linter) -> None:
    assert service_turned_commercial(_view(linter, PITCH, channel="ui_strings")) is False


def test_helper_is_memoized_per_document(linter: Linter) -> None:
    view = _view(linter, PITCH)
    assert pitch(view) is pitch(view)
