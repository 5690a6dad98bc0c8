"""Shared fixtures: the real pipeline, the bundled examples built into a real store."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_5f56c3ae2153dd27.txt"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need_shared(path: Path = SHARED) -> Path:
    """Skip (the user's fresh clone has no ../shared) unless the data is there."""
    if not path.exists():
        pytest.skip(f"{path} is absent (shared data is not part of the repository)")
    return path


def chromium_path() -> str:
    """Debian's chromium: required in CI (``.ci/run`` installs it), skipped elsewhere when missing."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if IN_CI:
        pytest.fail("chromium is not installed but CI must run the browser tests")
    pytest.skip("no chromium on this machine")


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def example_store(tmp_path_factory, nlp):
    """The bundled examples built once into a real embedded Oxigraph store."""
    from kg.builder import build
    from kg.store import EmbeddedStore

    path = tmp_path_factory.mktemp("examples") / "store"
    store = EmbeddedStore(path)
    report = build([EXAMPLES / "articles"], store, nlp=nlp)
    assert report.failures == [], report.failures
    return store
