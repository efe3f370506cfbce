"""The `helpcenter` command: thin adapters over the core, one module per area.

Other packages add commands through the `helpcenter.commands` entry point (the endpoint adds `serve`), so this
package imports none of them.
"""

from __future__ import annotations

from importlib.metadata import entry_points

import click

from helpcenter.cli import content, feedback


@click.group()
@click.version_option(package_name="helpcenter")
def main() -> None:
    """Tools for a help center kept as Markdown in a Git repository."""


for _command in (*content.COMMANDS, *feedback.COMMANDS):
    main.add_command(_command)
for _entry in entry_points(group="helpcenter.commands"):
    main.add_command(_entry.load(), _entry.name)
