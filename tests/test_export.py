"""`kg export`: every format parses back to the graphs of the store (whole store and one article).

The expected graphs come from the store's own quads, written by pyoxigraph as N-Quads and read
by rdflib; the export goes through rdflib's serialisers. Turtle merges the named graphs, so it
is compared with the merged triples; TriG, N-Quads and JSON-LD keep them, so each named graph is
compared with its own (rdflib.compare.isomorphic, which also matches blank nodes).
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.cli import cli
from kg.export import ExportError, export
from kg.namespaces import REFERENCE_GRAPH, article_graph

A000 = "000_4182529e3da3c08d"
PARSE = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}


def expected_dataset(store, graphs: list[str]) -> Dataset:
    quads = [q for g in graphs for q in store.quads([g])]
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    expected = Dataset()
    expected.parse(data=data.decode("utf-8"), format="nquads")
    return expected


def named_graphs(ds: Dataset) -> dict[str, Graph]:
    out = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = str(g.identifier if isinstance(g, Graph) else g)
        out.setdefault(name, Graph()).add((s, p, o))
    return out


def merged(ds: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def assert_isomorphic(actual: Graph, expected: Graph, what: str) -> None:
    if not isomorphic(actual, expected):
        _, only_actual, only_expected = graph_diff(to_isomorphic(actual), to_isomorphic(expected))
        pytest.fail(f"{what}: {len(only_actual)} triples only in the export, {len(only_expected)} only expected:\n"
                    + "\n".join(f"  + {t}" for t in list(only_actual)[:5])
                    + "\n" + "\n".join(f"  - {t}" for t in list(only_expected)[:5]))


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld"])
@pytest.mark.parametrize("articles", [[], [A000]], ids=["whole-store", "one-article"])
def test_export_parses_back_to_the_same_graphs(seed_store, fmt, articles):
    data = export(seed_store, fmt, articles)
    # the whole store: the article graphs and the resolution graph built from them
    graphs = [str(article_graph(a)) for a in articles] or seed_store.article_graphs() + seed_store.derived_graphs()
    assert articles or len(graphs) == 6
    expected = expected_dataset(seed_store, graphs)
    assert len(expected) > 0
    if fmt == "turtle":
        assert_isomorphic(Graph().parse(data=data, format="turtle"), merged(expected), fmt)
        return
    actual = Dataset()
    actual.parse(data=data, format=PARSE[fmt])
    got, want = named_graphs(actual), named_graphs(expected)
    assert set(got) == set(want) == set(graphs)
    for name in want:
        assert_isomorphic(got[name], want[name], f"{fmt} graph <{name}>")


def test_export_with_the_reference_graph(seed_store):
    data = export(seed_store, "nquads", [A000], include_reference=True)
    actual = Dataset()
    actual.parse(data=data, format="nquads")
    graphs = [str(article_graph(A000)), str(REFERENCE_GRAPH)]
    got, want = named_graphs(actual), named_graphs(expected_dataset(seed_store, graphs))
    assert set(got) == set(graphs)
    for name in graphs:
        assert_isomorphic(got[name], want[name], f"nquads graph <{name}>")


def test_an_unknown_article_is_a_clear_error(seed_store):
    with pytest.raises(ExportError, match="no article 'no-such-article'"):
        export(seed_store, "trig", ["no-such-article"])
    result = CliRunner().invoke(cli, ["export", "--article", "no-such-article", "--store", str(seed_store.location)])
    assert result.exit_code == 1
    assert "Error: no article 'no-such-article'" in result.output and "Traceback" not in result.output


def test_an_unknown_format_is_a_clear_error(seed_store):
    with pytest.raises(ExportError, match="unknown format"):
        export(seed_store, "rdfxml", [])


def test_export_command_writes_a_file(seed_store, tmp_path):
    out = tmp_path / "article.ttl"
    result = CliRunner().invoke(cli, ["export", "--format", "turtle", "--article", A000, "-o", str(out),
                                      "--store", str(seed_store.location)])
    assert result.exit_code == 0, result.output
    graph = Graph().parse(out, format="turtle")
    meeting = URIRef(f"https://w3id.org/dipkg/id/event/{A000}/1")
    assert (meeting, None, None) in graph
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_export_command_to_stdout(seed_store, fmt):
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "--article", A000, "--store", str(seed_store.location)])
    assert result.exit_code == 0
    ds = Dataset()
    ds.parse(data=result.stdout_bytes, format=PARSE[fmt])
    assert set(named_graphs(ds)) == {str(article_graph(A000))}
