"""The `nostrings` command: `check`, `rule`, `rules` (and the subcommands later issues add).

Exit codes follow ruff and ESLint: 0 clean, 1 findings at or above `--fail-on`, 2 usage,
configuration or input errors (reported after every other file has been linted).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import CHANNELS, ConfigError
from .model import Severity
from .registry import SelectionError


def _split_codes(values: tuple[str, ...]) -> list[str] | None:
    if not values:
        return None
    out: list[str] = []
    for v in values:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    return out


def _parse_meta(values: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in values:
        if "=" not in item:
            raise click.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--meta")
        k, v = item.split("=", 1)
        k = k.strip().replace("-", "_")
        val: Any = v.strip()
        if val.lower() in ("true", "false"):
            val = val.lower() == "true"
        elif val.isdigit():
            val = int(val)
        out[k] = val
    return out


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="nostrings")
def main() -> None:
    """nostrings: lint marketing copy for gifts with hidden strings."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (RCP01,RCP020).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@click.option("--extend-select", multiple=True, help="Add codes to the configured selection.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit code 1 (default: error).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option(
    "--output-format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default=None,
    help="How to print findings.",
)
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), help="Write output here.")
@click.option("--channel", type=click.Choice(CHANNELS), help="Treat every file as this channel.")
@click.option("--meta", multiple=True, help="Document metadata KEY=VALUE (jurisdiction=EU).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True))
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--stdin-filename", help="Name (and so format) for text read from `-`.")
@click.option(
    "--show-source/--no-show-source", default=None, help="Show the line under each finding."
)
@click.option("--color/--no-color", default=None, help="Colour output (default: on a terminal).")
@click.option("-v", "--verbose", is_flag=True, help="Say which files were skipped and why.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no summary.")
@click.option("--no-prefilter", is_flag=True, hidden=True, help="Tokenize every sentence (debug).")
def check(
    paths: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    output_format: str | None,
    output_file: str | None,
    channel: str | None,
    meta: tuple[str, ...],
    config_path: str | None,
    isolated: bool,
    stdin_filename: str | None,
    show_source: bool | None,
    color: bool | None,
    verbose: bool,
    quiet: bool,
    no_prefilter: bool,
) -> None:
    """Lint PATHS (files, folders, or - for standard input)."""
    from .report import text as text_report
    from .runner import Runner, RunSettings

    settings = RunSettings(
        select=_split_codes(select),
        ignore=_split_codes(ignore),
        extend_select=_split_codes(extend_select),
        channel=channel,
        config_path=Path(config_path) if config_path else None,
        isolated=isolated,
        stdin_filename=stdin_filename,
        metadata=_parse_meta(meta),
        verbose=verbose,
    )
    try:
        runner = Runner(settings)
        base_cfg = runner.config_for(Path.cwd() / "_")
        from .registry import expand

        for sel in (settings.select, settings.ignore, settings.extend_select):
            if sel:
                expand(sel)
    except (ConfigError, SelectionError) as exc:
        click.echo(f"nostrings: error: {exc}", err=True)
        sys.exit(2)
    if no_prefilter:
        from . import engine

        orig = engine.Linter.__init__

        def _init(self: Any, *a: Any, **kw: Any) -> None:
            kw["prefilter"] = False
            orig(self, *a, **kw)

        engine.Linter.__init__ = _init  # type: ignore[method-assign]
    fmt = output_format or base_cfg.output_format or "text"
    threshold = Severity.parse(fail_on or base_cfg.fail_on or "error")
    show = show_source if show_source is not None else base_cfg.show_source
    out_stream = open(output_file, "w", encoding="utf-8") if output_file else sys.stdout  # noqa: SIM115
    use_color = text_report.use_color(out_stream, color) if not output_file else False
    results = []
    failed = False
    input_errors = 0
    try:
        for result in runner.run(paths or (".",)):
            if result.error:
                input_errors += 1
                click.echo(f"{result.path}: error: {result.error}", err=True)
            for f in result.findings:
                if f.severity.rank >= threshold.rank:
                    failed = True
            if fmt == "text":
                for f in result.findings:
                    src = None
                    if show:
                        src = _source_line(result.path, f.line)
                    out_stream.write(text_report.format_finding(f, use_color, show, src) + "\n")
                results.append(_Light(result))
            else:
                results.append(result)
        for notice in runner.notices:
            click.echo(notice, err=True)
        if fmt == "text":
            if not quiet:
                out_stream.write(text_report.summary_line(results) + "\n")
        else:
            from .report import json_report

            out_stream.write(json_report.render(results))
    except ConfigError as exc:
        click.echo(f"nostrings: error: {exc}", err=True)
        sys.exit(2)
    finally:
        if output_file:
            out_stream.close()
        else:
            out_stream.flush()
    if input_errors:
        sys.exit(2)
    sys.exit(1 if failed and not exit_zero else 0)


class _Light:
    """Keeps only what the summary needs, so text output does not hold every finding."""

    def __init__(self, result: Any) -> None:
        self.error = result.error
        self.findings = [_Sev(f.severity) for f in result.findings]


class _Sev:
    def __init__(self, severity: Severity) -> None:
        self.severity = severity


def _source_line(path: str, line: int) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for i, text in enumerate(fh, 1):
                if i == line:
                    return text.rstrip("\n")
    except OSError:
        return None
    return None


@main.command("rule")
@click.argument("code")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
def rule_cmd(code: str, output_format: str) -> None:
    """Show a rule's documentation: what it flags, why, and what to write instead."""
    from .docs import rule_page
    from .registry import get

    try:
        rule = get(code)
    except SelectionError as exc:
        click.echo(f"nostrings: error: {exc}", err=True)
        sys.exit(2)
    if output_format == "json":
        from .docs import rule_record

        click.echo(json.dumps(rule_record(rule), indent=2, ensure_ascii=False))
    else:
        click.echo(rule_page(rule))


@main.command("rules")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
def rules_cmd(output_format: str) -> None:
    """List every rule with its default severity and summary."""
    from .docs import rule_record
    from .registry import ALL_RULES

    if output_format == "json":
        click.echo(json.dumps([rule_record(r) for r in ALL_RULES], indent=2, ensure_ascii=False))
        return
    for r in ALL_RULES:
        click.echo(f"{r.code}  {r.severity.value:<7}  {r.name:<38} {r.summary}")


if __name__ == "__main__":  # pragma: no cover
    main()
