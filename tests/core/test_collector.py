"""The collector pause: off inside the block, back as it was after, even when the block fails."""

from __future__ import annotations

import gc

import pytest

from profile_helper.core.collector import collector_paused


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failing_block_turns_it_on_again() -> None:
    with pytest.raises(ValueError, match="boom"), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_a_long_lived_block_made_is_kept_out_of_later_collections() -> None:
    frozen = gc.get_freeze_count()
    try:
        with collector_paused(long_lived=True):
            made = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + len(made)
        # Nothing young is left for the next collection to walk.
        assert gc.get_count()[0] < 100
    finally:
        gc.unfreeze()
