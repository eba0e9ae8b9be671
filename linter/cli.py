"""The `nostrings` command: `check`, `rule`, `rules` (and the subcommands later issues add).

Exit codes follow ruff and ESLint: 0 clean, 1 findings at or above `--fail-on`, 2 usage,
configuration or input errors (reported after every other file has been linted).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import CHANNELS, ConfigError
from .model import Severity
from .registry import SelectionError
from .report import OUTPUT_FORMATS


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
    type=click.Choice(OUTPUT_FORMATS),
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
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    help="Report only findings that this baseline file does not record.",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False),
    help="Record every current finding in this file (for --baseline) and exit 0.",
)
@click.option("--no-cache", is_flag=True, help="Lint every file again; do not read or write cache.")
@click.option(
    "--cache-dir",
    envvar="NOSTRINGS_CACHE_DIR",
    type=click.Path(file_okay=False),
    help="Cache folder (default: .nostrings_cache beside the configuration file).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Lint files in this many processes (0: one per CPU; default 1). Same output.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the configured excludes to files named on the command line (pre-commit).",
)
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
    statistics: bool,
    baseline_path: str | None,
    write_baseline_path: str | None,
    no_cache: bool,
    cache_dir: str | None,
    jobs: int | None,
    force_exclude: bool,
    verbose: bool,
    quiet: bool,
    no_prefilter: bool,
) -> None:
    """Lint PATHS (files, folders, or - for standard input)."""
    from . import baseline as baselinemod
    from .progress import Progress
    from .report import Output
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
        force_exclude=force_exclude,
        prefilter=not no_prefilter,
        no_cache=no_cache or no_prefilter,
        cache_dir=cache_dir,
    )
    try:
        runner = Runner(settings)
        base_cfg = runner.config_for(Path.cwd() / "_")
        from .registry import expand
        from .suppress import rule_selectors

        for sel in (settings.select, settings.ignore, settings.extend_select):
            if sel:
                expand(rule_selectors(sel) or [])
        baseline = baselinemod.Baseline.load(Path(baseline_path)) if baseline_path else None
    except (ConfigError, SelectionError, baselinemod.BaselineError) as exc:
        click.echo(f"nostrings: error: {exc}", err=True)
        sys.exit(2)
    fmt = output_format or base_cfg.output_format or "text"
    if statistics and fmt not in ("text", "json"):
        click.echo("nostrings: error: --statistics prints text or json output", err=True)
        sys.exit(2)
    threshold = Severity.parse(fail_on or base_cfg.fail_on or "error")
    show = show_source if show_source is not None else base_cfg.show_source
    n_jobs = jobs if jobs is not None else base_cfg.jobs
    n_jobs = n_jobs or (os.cpu_count() or 1)
    runner.settings.keep_blocks = fmt == "html"
    recorder = baselinemod.Writer(Path(write_baseline_path)) if write_baseline_path else None
    try:
        out_stream = open(output_file, "w", encoding="utf-8") if output_file else sys.stdout  # noqa: SIM115
    except OSError as exc:
        click.echo(f"nostrings: error: cannot write {output_file}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    use_color = text_report.use_color(out_stream, color) if not output_file else False
    extra: dict[str, Any] = {}
    if fmt == "html" and not statistics:
        from .report import html as html_report

        extra["configuration"] = html_report.run_configuration(paths, settings, base_cfg)
    output = Output(
        fmt,
        out_stream,
        color=use_color,
        show_source=show,
        quiet=quiet,
        statistics=statistics,
        extra=extra,
    )
    failed = False
    input_errors = 0
    try:
        targets = list(runner.discover(paths or (".",)))
        progress = Progress(sys.stderr, len(targets))
        shared_tty = out_stream.isatty() and sys.stderr.isatty()
        for done, result in enumerate(runner.run_targets(targets, n_jobs), 1):
            if result.error:
                progress.clear()
                input_errors += 1
                click.echo(f"{result.path}: error: {result.error}", err=True)
            for warning in result.warnings:
                progress.clear()
                click.echo(f"{result.path}: warning: {warning}", err=True)
            if recorder is not None:
                recorder.add(result)
                progress.update(done, result.path)
                continue
            if baseline is not None:
                result = baseline.filter(result)
            if any(f.severity.rank >= threshold.rank for f in result.findings):
                failed = True
            if shared_tty and result.findings:
                progress.clear()
            output.add(result)
            progress.update(done, result.path)
        progress.finish()
        for notice in runner.notices:
            click.echo(notice, err=True)
        if recorder is not None:
            n = recorder.save()
            click.echo(
                f"nostrings: wrote {n} finding{'s' if n != 1 else ''} to {recorder.path}", err=True
            )
        else:
            output.finish()
            if baseline is not None and baseline.stale() and not quiet:
                click.echo(
                    f"nostrings: {baseline.stale()} finding(s) in {baseline_path} no longer "
                    f"occur; refresh it with --write-baseline {baseline_path}",
                    err=True,
                )
    except ConfigError as exc:
        click.echo(f"nostrings: error: {exc}", err=True)
        sys.exit(2)
    except OSError as exc:
        click.echo(f"nostrings: error: {exc}", err=True)
        sys.exit(2)
    finally:
        if output_file:
            out_stream.close()
        else:
            out_stream.flush()
    if input_errors:
        sys.exit(2)
    if recorder is not None:
        sys.exit(0)
    sys.exit(1 if failed and not exit_zero else 0)


@main.command("report")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "-o",
    "--output",
    default="nostrings-report.html",
    show_default=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Where to write the report (- for standard output).",
)
@click.option("--title", default="nostrings report", show_default=True, help="Report heading.")
@click.option(
    "--timestamp",
    is_flag=True,
    help="Say when the report was made (off by default so reports diff cleanly; "
    "SOURCE_DATE_EPOCH is honoured).",
)
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (RCP01,RCP020).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes.")
@click.option("--extend-select", multiple=True, help="Add codes to the configured selection.")
@click.option("--channel", type=click.Choice(CHANNELS), help="Treat every file as this channel.")
@click.option("--meta", multiple=True, help="Document metadata KEY=VALUE (jurisdiction=EU).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True))
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--stdin-filename", help="Name (and so format) for text read from `-`.")
@click.option("-v", "--verbose", is_flag=True, help="Say which files were skipped and why.")
def report_cmd(
    paths: tuple[str, ...],
    output: str,
    title: str,
    timestamp: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    channel: str | None,
    meta: tuple[str, ...],
    config_path: str | None,
    isolated: bool,
    stdin_filename: str | None,
    verbose: bool,
) -> None:
    """Write a self-contained HTML report of PATHS for a copy review.

    Exits 0 when the report is written (findings are for the meeting, not a failure; use
    `check` to gate), 2 on a usage, configuration or input error.
    """
    from .registry import expand
    from .report import html as html_report
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
        keep_blocks=True,
    )
    try:
        for sel in (settings.select, settings.ignore, settings.extend_select):
            if sel:
                expand(sel)
        runner = Runner(settings)
        page, results = html_report.build(
            paths or (".",),
            runner,
            title=title,
            generated_at=html_report.timestamp() if timestamp else None,
            exclude=None if output == "-" else Path(output),
        )
    except (ConfigError, SelectionError) as exc:
        click.echo(f"nostrings: error: {exc}", err=True)
        sys.exit(2)
    input_errors = 0
    for result in results:
        if result.error:
            input_errors += 1
            click.echo(f"{result.path}: error: {result.error}", err=True)
    for notice in runner.notices:
        click.echo(notice, err=True)
    if output == "-":
        sys.stdout.write(page)
        sys.stdout.flush()
    else:
        try:
            Path(output).write_text(page, encoding="utf-8")
        except OSError as exc:
            click.echo(f"nostrings: error: cannot write {output}: {exc.strerror or exc}", err=True)
            sys.exit(2)
        n = sum(len(r.findings) for r in results)
        click.echo(
            f"Wrote {output}: {n} finding{'s' if n != 1 else ''} in {len(results)} "
            f"document{'s' if len(results) != 1 else ''}.",
            err=True,
        )
    sys.exit(2 if input_errors else 0)


@main.command("init")
@click.argument(
    "directory", required=False, default=".", type=click.Path(file_okay=False, exists=True)
)
@click.option(
    "--pyproject",
    is_flag=True,
    help="Add a [tool.nostrings] table to pyproject.toml instead of writing nostrings.toml.",
)
def init_cmd(directory: str, pyproject: bool) -> None:
    """Write a commented starter configuration (never overwrites one)."""
    from .init_config import InitError, write

    try:
        target = write(Path(directory), pyproject=pyproject)
    except (InitError, OSError) as exc:
        click.echo(f"nostrings: error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"Wrote {target}. Edit it, then run: nostrings check")


@main.command("rule")
@click.argument("code")
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text")
def rule_cmd(code: str, output_format: str) -> None:
    """Show a rule's documentation: what it flags, why, and what to write instead."""
    from .docs import rule_page
    from .registry import get
    from .suppress import UNUSED_CODE, UNUSED_DOC, UNUSED_NAME, UNUSED_SUMMARY

    if code.strip().upper() == UNUSED_CODE:  # the tool's own code, not a rule module
        if output_format == "json":
            record = {"code": UNUSED_CODE, "name": UNUSED_NAME, "summary": UNUSED_SUMMARY}
            click.echo(json.dumps(record, indent=2))
        else:
            click.echo(f"{UNUSED_CODE} {UNUSED_DOC.strip()}")
        return
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
