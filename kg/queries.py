"""Saved SPARQL queries (`queries/*.rq`) and the runner that binds their parameters safely.

A query documents itself in a `#+` YAML header (summary, description, params, columns), so
the file stays valid SPARQL. A parameter `name` is the variable `?_name` in the query. The
runner turns each value into a typed RDF term and binds it: locally as a pyoxigraph
substitution, remotely as a VALUES block of terms that rdflib writes. Values are never
pasted into the query text, so a hostile value cannot change what the query means.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import yaml
from rdflib import Literal as RLiteral, URIRef
from rdflib.namespace import XSD

from kg.namespaces import ID

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
PARAM_TYPES = ("string", "iri", "date", "integer", "country")
# Characters RFC 3987 / SPARQL's IRIREF forbid: a value holding one is refused, not escaped.
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class QueryError(Exception):
    pass


@dataclass
class Param:
    name: str
    type: str = "string"
    default: object = None
    description: str = ""
    required: bool = False


@dataclass
class SavedQuery:
    name: str
    path: Path
    text: str
    summary: str
    description: str
    columns: list[str]
    params: dict[str, Param] = field(default_factory=dict)


def _header(text: str) -> dict:
    lines = [line[3:] if line.startswith("#+ ") else line[2:] for line in text.splitlines() if line.startswith("#+")]
    try:
        meta = yaml.safe_load("\n".join(lines)) or {}
    except yaml.YAMLError as exc:
        raise QueryError(f"bad #+ header: {exc}") from None
    if not isinstance(meta, dict):
        raise QueryError("the #+ header must be a YAML mapping")
    return meta


def load_query(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    try:
        meta = _header(text)
    except QueryError as exc:
        raise QueryError(f"{path}: {exc}") from None
    params = {}
    for name, spec in (meta.get("params") or {}).items():
        spec = spec or {}
        if spec.get("type", "string") not in PARAM_TYPES:
            raise QueryError(f"{path}: parameter {name!r} has unknown type {spec.get('type')!r}")
        params[name] = Param(name, spec.get("type", "string"), spec.get("default"), spec.get("description", ""),
                             bool(spec.get("required", False)))
    return SavedQuery(path.stem, path, text, meta.get("summary", ""), meta.get("description", "") or "",
                      list(meta.get("columns") or []), params)


def saved_queries(directory: Path = QUERIES_DIR) -> dict[str, SavedQuery]:
    return {p.stem: load_query(p) for p in sorted(directory.glob("*.rq"))}


def get_query(name: str, directory: Path = QUERIES_DIR) -> SavedQuery:
    queries = saved_queries(directory)
    if name not in queries:
        raise QueryError(f"no saved query named {name!r}; `kg queries` lists them: {', '.join(queries)}")
    return queries[name]


def to_term(param: Param, value) -> URIRef | RLiteral:
    """A parameter value as a typed RDF term, or a QueryError naming the parameter."""
    text = str(value)
    if param.type == "string":
        return RLiteral(text)
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d{1,18}", text):
            raise QueryError(f"parameter {param.name!r} must be an integer, not {text!r}")
        return RLiteral(int(text))
    if param.type == "date":
        try:
            return RLiteral(dt.date.fromisoformat(text).isoformat(), datatype=XSD.date)
        except ValueError:
            raise QueryError(f"parameter {param.name!r} must be a date as YYYY-MM-DD, not {text!r}") from None
    if param.type == "country":
        code = text.strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise QueryError(f"parameter {param.name!r} must be an ISO 3166-1 alpha-3 code such as KHM, not {text!r}")
        return RLiteral(code)
    if param.type == "iri":
        if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text) or _BAD_IRI.search(text):
            raise QueryError(f"parameter {param.name!r} must be an absolute IRI without spaces, quotes or <>{{}}|^`\\, "
                             f"not {text!r}")
        return URIRef(text)
    raise QueryError(f"parameter {param.name!r} has unknown type {param.type!r}")


def bind(query: SavedQuery, values: dict[str, str]) -> dict[str, URIRef | RLiteral]:
    unknown = set(values) - set(query.params)
    if unknown:
        known = ", ".join(query.params) or "none"
        raise QueryError(f"query {query.name!r} has no parameter {sorted(unknown)[0]!r} (its parameters: {known})")
    bound = {}
    for name, param in query.params.items():
        value = values.get(name, param.default)
        if value is None:
            if param.required:
                raise QueryError(f"query {query.name!r} needs parameter {name!r} ({param.type}): pass --param {name}=...")
            continue
        bound[name] = to_term(param, value)
    return bound


def _ox_term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term), language=term.language) if term.language else ox.Literal(str(term))


def with_values_block(text: str, bound: dict) -> str:
    """The query with a VALUES block of rdflib-written terms at the start of its top WHERE group."""
    if not bound:
        return text
    names = sorted(bound)
    values = "VALUES (" + " ".join(f"?_{n}" for n in names) + ") { (" + " ".join(bound[n].n3() for n in names) + ") }"
    match = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
    if match is None:
        raise QueryError("the saved query has no WHERE clause to bind parameters in")
    return text[:match.end()] + "\n  " + values + "\n" + text[match.end():]


@dataclass
class Result:
    columns: list[str]
    rows: list[list[str | None]]


def run_local(store, query: SavedQuery, values: dict[str, str]) -> Result:
    bound = bind(query, values)
    substitutions = {ox.Variable(f"_{k}"): _ox_term(v) for k, v in bound.items()}
    solutions = store.query(query.text, substitutions)
    columns = [v.value for v in solutions.variables]
    rows = [[_plain(s[c]) for c in columns] for s in solutions]
    return Result(columns, rows)


def _plain(term) -> str | None:
    if term is None:
        return None
    return term.value


def run_remote(endpoint: str, query: SavedQuery, values: dict[str, str], timeout: float = 60) -> Result:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException
    bound = bind(query, values)
    client = SPARQLWrapper(endpoint)
    client.setQuery(with_values_block(query.text, bound))
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(int(timeout))
    try:
        data = client.queryAndConvert()
    except SPARQLWrapperException as exc:
        raise QueryError(f"the endpoint {endpoint} refused the query: {exc}") from None
    except OSError as exc:
        raise QueryError(f"cannot reach the endpoint {endpoint}: {exc}") from None
    columns = data["head"]["vars"]
    rows = [[b.get(c, {}).get("value") for c in columns] for b in data["results"]["bindings"]]
    return Result(columns, rows)


def format_result(result: Result, fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, row)) for row in result.rows], indent=2, ensure_ascii=False) + "\n"
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([["" if v is None else v for v in row] for row in result.rows])
        return out.getvalue()
    return _table(result)


def _table(result: Result) -> str:
    def short(value):
        if value is None:
            return ""
        return value.replace(str(ID), "") if value.startswith(str(ID)) else value
    rows = [[short(v) for v in row] for row in result.rows]
    widths = [min(40, max([len(c)] + [len(r[i]) for r in rows])) for i, c in enumerate(result.columns)]
    line = lambda cells: "  ".join(str(c)[:w].ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(result.columns), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
