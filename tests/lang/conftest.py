from __future__ import annotations

import pytest

import attrib


@pytest.fixture(scope="session")
def ar_nlp():
    """The attribution pipeline, built once for all the tests under tests/lang."""
    return attrib.load()
