"""The `kg` command: a thin layer over the kg library. Each verb parses, calls, formats."""
from __future__ import annotations

import errno
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

import click

from kg import __version__
from kg.controls import for_terminal

CONTEXT = {"help_option_names": ["-h", "--help"]}


def store_option(read_only: bool = False):
    return click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                        help="Store folder (default: $KG_STORE or .kg/store).")


def _error(message: str) -> None:
    """`Error: MESSAGE` on stderr; what the message quotes from the input is shown, not obeyed."""
    click.echo(f"Error: {for_terminal(message)}", err=True)


def _fail(message: str, exit_code: int = 1) -> NoReturn:
    _error(message)
    sys.exit(exit_code)


def _open_store(store_dir, read_only=False):
    from kg.store import KGStore, StoreError
    try:
        return KGStore(store_dir, read_only=read_only)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


class _Commands(click.Group):
    """Every error a user sees is one line, `Error: ...`, and exit code 1 (2 for a usage error).

    The commands turn the errors they expect into such lines; an exception none of them expected
    is a bug in kg, said as one in a line too (KG_DEBUG=1 shows its traceback). The messages of
    click's errors (usage errors, ClickException) may quote the input too, and are shown like the
    others: control characters escaped.
    """

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:
            exc.message = for_terminal(exc.message)
            raise
        except (click.exceptions.Exit, click.Abort, EOFError):
            raise
        except Exception as exc:
            if os.environ.get("KG_DEBUG") or isinstance(exc, OSError) and exc.errno == errno.EPIPE:
                raise  # (click ends quietly when the reader of the output went away)
            if isinstance(exc, OSError):
                where = f" ({exc.filename})" if exc.filename else ""
                raise click.ClickException(for_terminal(f"{exc.strerror or exc}{where}")) from None
            raise click.ClickException(for_terminal(f"unexpected {type(exc).__name__}: {exc} - a bug in kg; "
                                                    "KG_DEBUG=1 shows where")) from None


@click.group(cls=_Commands, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="kg")
def cli():
    """Diplomatic interactions from news articles, as an RDF knowledge graph.

    Build the graph from articles, ask it saved questions, validate it, export it, and
    push it to other triple stores. Every fact keeps the sentence it came from.
    """


class _Jobs(click.ParamType):
    """A number of worker processes (1 or more), or "auto" (None: kg.build decides)."""
    name = "N|auto"

    def convert(self, value, param, ctx):
        if value is None or value == "auto":
            return None
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if number < 1:
            self.fail(f"{value!r} is not a number of processes (1 or more) or auto", param, ctx)
        return number


JOBS = _Jobs()


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option()
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation of the mapped articles.")
@click.option("--prune", is_flag=True,
              help="Remove stored articles that are not among PATHS, but never one whose file could not be read, "
                   "and none at all when a PATH is missing.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when on a terminal).")
@click.option("--jobs", "-j", type=JOBS, default="auto", show_default=True,
              help="Worker processes for mapping and validation: a number, or auto (every core when more "
                   "than 100 articles are new or changed, else this process alone).")
@click.option("--validator", type=click.Choice(["native", "pyshacl"]), default="native", show_default=True,
              help="SHACL engine: the compiled shapes (kg/shacl_native.py) or pyshacl, the slow reference.")
@click.option("--recheck", is_flag=True,
              help="Read every article again, even files whose size and time are unchanged since the last build.")
def build(paths, store_dir, no_validate, prune, progress, jobs, validator, recheck):
    """Map articles into the graph store (only new or changed ones).

    PATHS are .txt articles (with optional NAME.meta.json sidecars), .jsonl files with one
    article per line, crawler output (.html/.htm pages, .warc/.warc.gz response records,
    news-please .json), or folders of them. Files whose size and modification time are the
    same as at the last build into this store are not read again. Each article's graph is
    validated against the SHACL shapes as it is mapped; when the store changed, the
    cross-article checks (ontology/checks/) then look for what only the whole store shows.
    Prints what it read, found and checked, an error line for each input it could not read
    (naming the file and the problem) and a skipped line for each file of another type in
    the folders; exit code 1 when some input could not be read or mapped.

    With --prune it lists the articles it removed, and keeps those whose input could not be
    read (a broken sidecar, a bad line, a folder it cannot list): the store's index of inputs
    says which file held them. It removes nothing, and says why and what it would have
    removed, when a PATH is missing or a file that could not be read is not in that index.

    Example:

        kg build seeds/ --store .kg/store
    """
    from kg.build import BuildError, build as run_build
    store = _open_store(store_dir)
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm
        bar = tqdm(unit=" articles", file=sys.stderr)
    try:
        summary = run_build(paths, store, validate=not no_validate, prune=prune,
                            on_progress=bar.update if bar is not None else None, jobs=jobs, validator=validator,
                            recheck=recheck)
    except BuildError as exc:
        _error(str(exc))
        del store
        sys.exit(1)
    if bar is not None:
        bar.close()
    for skipped in summary.skipped:
        click.echo(f"skipped: {skipped}", err=True)
    for error in summary.errors:
        _error(error)
    refusal = summary.prune_refusal()
    if refusal:
        _error(refusal)
    for detail in summary.violation_details[:20]:
        click.echo(f"violation: {for_terminal(detail)}", err=True)
    for line in _with_store_totals(summary, store.totals()):
        click.echo(for_terminal(line))
    del store  # closes the store now: the traceback of sys.exit would keep it open (and compacting)
    if summary.errors or refusal:
        sys.exit(1)


def _endpoint(ctx, param, value):
    """--endpoint: a web address, checked before anything is read or asked."""
    from kg.queries import QueryError, check_endpoint
    try:
        return None if value is None else check_endpoint(value)
    except QueryError as exc:
        raise click.BadParameter(str(exc)) from None


def _with_store_totals(summary, totals: dict[str, int]) -> list[str]:
    """The build's summary, its counts set beside the store's: after a build that changed
    nothing, a bare `events: 0` read as an empty store."""
    holds = {f"events: {summary.events}": f"events: {summary.events} in the articles mapped now; "
                                          f"the store holds {totals['events']}",
             f"people: {summary.people}": f"people: {summary.people} in the articles mapped now; "
                                          f"the store holds {totals['people']}"}
    lines = []
    for line in summary.lines():
        if line.startswith("articles read: "):
            line += f"; the store holds {totals['articles']}"
        lines.append(holds.pop(line, line))
    if holds:  # the summary's wording changed: still say what the store holds
        lines.append(f"the store holds {totals['articles']} articles, {totals['events']} events, "
                     f"{totals['people']} people")
    return lines


@cli.command(context_settings=CONTEXT)
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--endpoint", metavar="URL", callback=_endpoint,
              help="Ask this SPARQL 1.1 endpoint (http or https) instead of the embedded store.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Rows a page (table default: 100; csv, tsv and json: every row).")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
              help="Rows to skip before the page.")
@click.option("--all", "all_rows", is_flag=True, help="Every row, in the table too (not with --limit or --offset).")
@store_option()
def query(name, params, fmt, endpoint, limit, offset, all_rows, store_dir):
    """Run a saved query (see `kg queries`) on the store or on an endpoint.

    The table shows a page: the first 100 rows, then a line saying how many rows there are and
    how to see the others (--offset for the next page, --limit for longer pages, --all for
    every row). csv, tsv and json write every row as it comes, unless --limit or --offset asks
    for a page.

    A parameter given empty is an error, as is a value it does not take: leave it out for no
    filter. Control characters in the values are written as escapes (\\x1b): all of them in the
    table and on a terminal; in a csv/tsv file, those other than tab, newline and return.

    Example:

        kg query interactions --format csv

        kg query interactions --offset 100

        kg query bilateral-timeline -p a=KHM -p b=USA --endpoint http://127.0.0.1:7878/query
    """
    from kg.queries import (DEFAULT_PAGE, QueryError, get_query, page_local, page_rows, run_remote, stream_local,
                            write_result)
    if all_rows and (limit is not None or offset):
        raise click.UsageError("--all shows every row: give it without --limit and --offset")
    if fmt == "table" and not all_rows and limit is None:
        limit = DEFAULT_PAGE
    paged = limit is not None or offset > 0
    values = {}
    for item in params:
        if "=" not in item:
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--param")
        key, value = item.split("=", 1)
        values[key.strip()] = value
    try:
        saved = get_query(name)
        if endpoint:
            result = run_remote(endpoint, saved, values)
            if paged:
                result = page_rows(result.columns, list(result.rows), offset, limit)
        elif paged:
            result = page_local(_open_store(store_dir, read_only=True), saved, values, offset, limit)
        else:
            result = stream_local(_open_store(store_dir, read_only=True), saved, values)
        # written as the rows come: memory does not grow with the number of rows
        stdout = click.get_text_stream("stdout")
        write_result(result, fmt, stdout, terminal=stdout.isatty())
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command(context_settings=CONTEXT)
@store_option()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback: only this machine can connect).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(store_dir, host, port):
    """Open the analyst's workbench: a web application over the store.

    Every saved query as a page (a form, a paged and sortable table, downloads as CSV, JSON and
    RDF), a page for each interaction with its evidence highlighted in the article, person and
    country pages, the network of countries or people, a relationship's timeline, a read-only
    SPARQL page, the SPARQL 1.1 Protocol at /sparql and a JSON API under /api. It reads the
    store read-only, and reads it again after a build. Nothing is loaded from other hosts.

    Example:

        kg serve --store .kg/store --port 8000
    """
    from kg.store import StoreError
    try:
        from kg.web.app import serve as run_serve
    except ImportError as exc:  # pragma: no cover - the web libraries are dependencies of kg
        raise click.ClickException(f"kg serve needs its web libraries ({exc}): pip install -e .") from None
    location = store_dir if store_dir is not None else None
    from kg.store import default_location
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"kg serve: listening on {host}, not only on loopback: other machines can read the store",
                   err=True)
    click.echo(f"kg serve: http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl-C stops it)", err=True)
    try:
        run_serve(location if location is not None else default_location(), host, port)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@cli.command(context_settings=CONTEXT)
def queries():
    """List the saved queries with their summaries and parameters.

    Example:

        kg queries
    """
    from kg.queries import saved_queries
    for name, saved in saved_queries().items():
        click.echo(f"{name}: {saved.summary}")
        for param in saved.params.values():
            default = f", default {param.default}" if param.default is not None else ""
            click.echo(f"    --param {param.name}=<{param.describe()}{default}>  {param.description}")


class _Size(click.ParamType):
    """A number of bytes, written 50MB, 500KB, 2GB (powers of 1000), 64MiB (of 1024) or as bytes."""
    name = "SIZE"
    UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", str(value))
        unit = match and self.UNITS.get(match.group(2).upper())
        if not unit:
            self.fail(f"{value!r} is not a size such as 50MB, 500KB or 2GB", param, ctx)
        return int(float(match.group(1)) * unit)


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Validate this store instead of FILES: every article graph, then the cross-article checks.")
@click.option("--checks-only", is_flag=True, help="With --store: only the cross-article checks (ontology/checks/).")
@click.option("--validator", type=click.Choice(["native", "pyshacl"]), default="native", show_default=True,
              help="SHACL engine: the compiled shapes (kg/shacl_native.py) or pyshacl, the slow reference.")
@click.option("--format", "fmt", type=click.Choice(["text", "turtle", "json"]), default="text", show_default=True)
@click.option("--max-size", type=_Size(), default="50MB", show_default=True,
              help="Refuse FILES larger than this together (parsing takes about 50 times their size in "
                   "memory), e.g. 200MB or 2GB.")
@click.option("--allow-remote-context", is_flag=True,
              help="Let a JSON-LD file's @context name a URL or another file, and fetch it (by default such a "
                   "file is refused: reading a file never makes kg fetch or open anything else).")
def validate(files, store_dir, checks_only, validator, fmt, max_size, allow_remote_context):
    """Check RDF files, or a store, against the SHACL shapes (ontology/shapes.ttl).

    FILES are merged and validated with the reference facts they point to. With --store
    DIR, each stored article graph is validated alone (as kg build does) and the
    cross-article checks (ontology/checks/*.rq) add what only the whole store shows (one
    node described in two graphs): together, what the shapes give for the whole store.
    The report groups results by shape and focus node. Exit codes: 0 the data conforms,
    1 it has violations (warnings alone still conform), 2 an error (unreadable file,
    malformed RDF, no such store).

    A file is read alone: a JSON-LD context naming a URL or a file, or an XML DTD or entity
    declaration, is refused (JSON-LD contexts are fetched with --allow-remote-context).

    Example:

        kg export --format turtle > graph.ttl && kg validate graph.ttl

        kg validate --store .kg/store --checks-only
    """
    from kg.validate import InputFileError, count, format_report, validate_files
    if not files and store_dir is None:
        _fail("nothing to validate: give the RDF files to check (kg validate graph.ttl) or a store "
              "(kg validate --store .kg/store)", 2)
    if files and store_dir is not None:
        _fail(f"give RDF files or --store {store_dir}, not both: the files are validated on their own, "
              f"the store on its own; run kg validate once for each", 2)
    if checks_only and store_dir is None:
        _fail("--checks-only goes with --store DIR: the cross-article checks run on a store", 2)
    if store_dir is not None:
        from kg.store import KGStore, StoreError
        from kg.store_checks import validate_store
        try:
            store = KGStore(store_dir, read_only=True)
        except StoreError as exc:
            _fail(str(exc), 2)
        found = validate_store(store, validator, per_article=not checks_only)
        click.echo(format_report(found, fmt), nl=False)
        sys.exit(1 if count(found, "Violation") else 0)
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        _fail(f"no such file: {', '.join(missing)}", 2)
    not_files = [str(f) for f in files if not f.is_file()]
    if not_files:
        _fail(f"not a file: {', '.join(not_files)} (give the RDF files, not folders, devices or pipes)", 2)
    try:
        found = validate_files(list(files), validator, max_bytes=max_size, allow_remote_context=allow_remote_context)
    except InputFileError as exc:
        _fail(str(exc), 2)
    click.echo(format_report(found, fmt), nl=False)
    sys.exit(1 if count(found, "Violation") else 0)


@cli.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "jsonld"]), default="trig",
              show_default=True)
@click.option("--article", "article_ids", multiple=True, metavar="ID", help="Only this article's graph (repeatable).")
@click.option("--reference/--no-reference", default=False, help="Include the reference graph (default: no).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@store_option()
def export(fmt, article_ids, reference, output, store_dir):
    """Write the graph (or some articles' graphs) as Turtle, TriG, N-Quads or JSON-LD.

    Turtle merges the named graphs into one; the other formats keep them.

    Example:

        kg export --format turtle --article 000_4182529e3da3c08d -o article.ttl
    """
    from kg.export import ExportError, export as run_export
    store = _open_store(store_dir, read_only=True)
    try:
        data = run_export(store, fmt, list(article_ids), include_reference=reference)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    if output:
        tmp = output.with_name(output.name + ".part")
        try:
            tmp.write_bytes(data)
            tmp.replace(output)  # never leave a half-written file under the real name
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise click.ClickException(f"cannot write {output} ({exc.strerror or exc})") from None
    else:
        sys.stdout.buffer.write(data)


def _stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


@cli.command(context_settings=CONTEXT)
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store.")
@click.option("--query-endpoint", metavar="URL", help="Its SPARQL query endpoint (default: /query beside /store).")
@click.option("--update-endpoint", metavar="URL", help="Its SPARQL update endpoint, for --prune (default: /update).")
@click.option("--force", is_flag=True, help="Push every graph, even those the endpoint already holds.")
@click.option("--prune", is_flag=True,
              help="Drop the endpoint's article graphs that the store no longer has (lists them and asks first).")
@click.option("--yes", "-y", is_flag=True, help="With --prune: drop them without asking.")
@click.option("--reference/--no-reference", default=True, help="Push the reference graph too (default: yes).")
@click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
              help="Retries of a request on a connection error or a 5xx answer (with backoff).")
@click.option("--timeout", type=click.FloatRange(0.1), default=60, show_default=True,
              help="Seconds to wait for each answer.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when on a terminal).")
@store_option()
def push(endpoint, query_endpoint, update_endpoint, force, prune, yes, reference, retries, timeout, progress,
         store_dir):
    """Copy the graph into a SPARQL 1.1 store, skipping the graphs it already holds.

    Each article's named graph and the reference graph go in one HTTP PUT of N-Triples to
    ENDPOINT?graph=IRI (Graph Store Protocol), which replaces only that graph. Graphs whose
    dip:contentHash the store already holds are skipped unless --force, so pushing twice
    changes nothing and a second run finishes an interrupted one.

    Before pushing, a probe graph is put, read back and deleted: a URL that does not keep
    named graphs apart (e.g. one ending in /store/) is refused with the URL probably meant.
    After pushing, the triples of each pushed graph are counted on the store; a graph it
    does not hold as sent is not counted as pushed. --prune lists the graphs it would drop
    and asks first (--yes: does not ask; without a terminal, --yes is needed). Prints what
    it pushed, skipped and failed; exit code 1 when a graph failed or was not confirmed, or
    the endpoint cannot be reached.

    Example:

        oxigraph serve --location /tmp/ox --union-default-graph &

        kg push --endpoint http://localhost:7878/store
    """
    from kg.push import SHOWN, PushError, article_id_of, endpoints, push as run_push
    if prune and not yes and not _stdin_is_terminal():
        raise click.UsageError("--prune asks before dropping graphs from the remote store, and stdin is not a "
                               "terminal: pass --yes to drop them without asking")
    store = _open_store(store_dir, read_only=True)
    show = sys.stderr.isatty() if progress is None else progress
    bar = None

    def start_bar(total: int) -> None:  # not before: the bar would garble the question of --prune
        nonlocal bar
        if show:
            from tqdm import tqdm
            bar = tqdm(total=total, unit=" graphs", file=sys.stderr)

    def advance_bar() -> None:
        if bar is not None:
            bar.update()

    def confirm_prune(graphs: list[str]) -> bool:
        ids = [article_id_of(g) for g in graphs]
        more = f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else ""
        click.echo(for_terminal(f"--prune drops {len(ids)} graph{'' if len(ids) == 1 else 's'} the local store "
                                f"no longer has from {endpoint}: {', '.join(ids[:SHOWN])}{more}"))
        return yes or click.confirm("Drop them?", default=False)

    try:
        targets = endpoints(endpoint, query_endpoint, update_endpoint)
        summary = run_push(store, targets, force=force, reference=reference, prune=prune, retries=retries,
                           timeout=timeout, on_progress=advance_bar, on_total=start_bar,
                           confirm_prune=confirm_prune)
    except PushError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if bar is not None:
            bar.close()
    for error in summary.errors:
        _error(error)
    for line in summary.lines():
        click.echo(for_terminal(line))
    if summary.failed or summary.unconfirmed:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    cli()
