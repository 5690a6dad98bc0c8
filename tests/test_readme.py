"""The README starts with the two set-up commands, and CI runs the second one."""

from __future__ import annotations

import re

from conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block and text.index("```bash") < 200, "the README must begin with the set-up commands"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_two_commands_build_then_test():
    build, test = readme_commands()
    assert "pip install" in build and "kg build examples/articles" in build and "kg query examples/queries/" in build
    assert "[test]" in test and "pytest" in test


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text("utf8")
    assert readme_commands()[1] in ci.splitlines()
