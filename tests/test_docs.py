"""The README stays honest: it shows every command, and its Python example runs."""

import re
from pathlib import Path

import pytest

from graph.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    """Each canon command has a heading-like mention in the tour."""
    assert f"**`canon {command}" in README


def test_the_two_setup_commands_are_in_the_readme():
    """make demo and make test are the README's first commands."""
    first = README.index("$ make demo")
    assert first < README.index("$ make test") < README.index("## A tour")


def test_the_python_example_runs(capsys, monkeypatch):
    """The 'Using canon from Python' block runs from the checkout and prints a fact."""
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    block = re.search(r"## Using canon from Python\n\n```python\n(.*?)```", README, re.S).group(1)
    exec(compile(block, "README.md", "exec"), {})
    assert "Kilgrave" in capsys.readouterr().out
