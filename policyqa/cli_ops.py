"""`policyqa backup` and `policyqa restore` (issue 16), registered on the main CLI app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from policyqa.errors import PolicyQAError
from policyqa.settings import get_settings

console = Console()


def register_ops(app: typer.Typer, _fail: Callable[[Exception], NoReturn | None]) -> None:
    @app.command()
    def backup(dest: Annotated[Path, typer.Argument(help="A new, empty folder")]) -> None:
        """Back up the store, the embedding cache and the live index together (safe while the server serves)."""
        from index.backup import backup as run_backup

        try:
            info = run_backup(get_settings(), dest)
        except PolicyQAError as e:
            _fail(e)
        console.print(f"Backed up {info.documents} notices, {info.clauses} clauses, index {info.index_version} "
                      f"to {dest}", highlight=False)


    @app.command()
    def restore(
        doc: Annotated[str | None, typer.Argument(help="文号 of a stored notice (with VERSION)")] = None,
        version: Annotated[int | None, typer.Argument(help="Version to bring back (see documents --history)")] = None,
        from_backup: Annotated[Path | None, typer.Option(
            "--backup", metavar="DIR", help="Restore a whole data dir from `policyqa backup DIR`")] = None,
        force: Annotated[bool, typer.Option(help="With --backup: replace an existing store (stop the server)")] = False,
    ) -> None:
        """Two forms: `restore DOC VERSION` brings back an earlier version of one notice (the current one is archived);
        `restore --backup DIR` restores a backup into the data dir."""
        settings = get_settings()
        if (from_backup is None) == (doc is None) or (doc is not None and version is None):
            _fail(PolicyQAError("use `policyqa restore DOC VERSION` or `policyqa restore --backup DIR`"))
        try:
            if from_backup is not None:
                from index.backup import restore_backup

                info = restore_backup(settings, from_backup, force)
                console.print(f"Restored {info.documents} notices and index {info.index_version} (backed up "
                              f"{info.created_at}) into {settings.data_dir}", highlight=False)
                return
            from index.publish import restore_version

            report = restore_version(settings, doc, version)  # type: ignore[arg-type]
        except PolicyQAError as e:
            _fail(e)
        console.print(f"{doc}: version {version} is live again. {report or ''}", highlight=False)
