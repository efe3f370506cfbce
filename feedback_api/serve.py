"""`helpcenter serve`: the built site and the feedback API from one process.

The endpoint adds this command to the `helpcenter` group through the `helpcenter.commands` entry point, so that
the core's command line knows no web framework.
"""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, help="Port to listen on.")
def serve(host: str, port: int) -> None:
    """Serve the built site and the feedback API from one process, at one origin.

    Settings come from HELPCENTER_* environment variables (README, "The feedback endpoint"); by default the
    site is site/ and the data goes to SQLite in var/feedback.sqlite3.

    \b
    Example:
      mkdocs build --strict && helpcenter serve --port 8000
    """
    import uvicorn

    from feedback_api.app import create_app
    from feedback_api.settings import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None
    if settings.site_dir and not (settings.site_dir / "index.html").is_file():
        click.echo(f"warning: {settings.site_dir}/ has no built site; run 'mkdocs build' first", err=True)
    click.echo(f"Pusat bantuan: http://{host}:{port}/  (feedback API at /api/v1, data in {settings.database_url})")
    # No access log and only warnings: a log line would hold the client's address, which the help center never
    # keeps. Forwarded headers are the app's to judge (HELPCENTER_TRUSTED_PROXIES), not uvicorn's.
    uvicorn.run(create_app(settings), host=host, port=port, proxy_headers=False, access_log=False,
                log_level="warning", server_header=False)
