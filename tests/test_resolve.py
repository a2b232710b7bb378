"""Resolution across articles (kg/resolve.py): reports of one interaction made one.

tests/resolution/ holds short articles written for these tests (no outlet's text): pairs and
triples of reports of one interaction with the disagreements real outlets show, and the hard
negatives (the same people on another occasion, the same person the same day with another
counterpart, an undated report published too late, a report with no date from an article with
none).
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.namespaces import DIP, ID
from kg.resolve import (INDEX_FILE, RESOLUTION_GRAPH, Mention, Participant, interaction_iri, merge, name_key,
                        names_compatible, partition, same_interaction)
from kg.store import KGStore

CORPUS = Path(__file__).resolve().parent / "resolution"
ARTICLES = sorted(p for p in CORPUS.glob("*.txt"))
G = f"<{RESOLUTION_GRAPH}>"
PREFIX = "PREFIX dip: <https://w3id.org/dipkg/ontology#>\nPREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"

# The interactions the articles report, by their reports (article/event number)
EXPECTED = [
    {"call-a/1", "call-b/1", "call-c/1"},   # phone call vs virtual meeting; a date missing; name spellings
    {"call-later/1"},                        # the same two ministers two weeks later
    {"years-a/1"},                           # ... and three years before
    {"plan-a/1", "plan-b/1"},                # "is due to meet", then "met"
    {"two-a/1", "two-c/1"},                  # a minister's call with the French foreign minister, twice reported
    {"two-b/1"},                             # ... the same day with the German one
    {"two-d/1"},                             # ... and with the French defence minister
    {"undated-a/1", "undated-b/1"},          # an undated report the day after
    {"undated-c/1"},                         # an undated report two months later
    {"visit-a/1", "visit-b/2", "visit-c/1"},  # a state visit: announced for two days, held for three; a "weekend visit"
    {"visit-a/2", "visit-b/1"},              # the talks held during it, in two articles
    {"bridge-a/1", "bridge-b/1"},            # a call with 'his Egyptian counterpart', and the report naming him
    {"bridge-c/1", "bridge-d/1"},            # ... the same day with another Egyptian minister (one report undated)
    {"spelled-a/1", "spelled-b/1"},          # 'Nurlan Abdullayev' / 'Yerlan Abdulayev': a surname spelled two ways
    {"given-a/1", "given-b/1", "given-c/1"},  # 'Anong Chaiyaporn', 'Chaiyaporn Anong', 'Chaiyaporn Malee'
    {"via-a/1", "via-b/1", "via-c/1"},       # undated 'Okafor Ines' matches only the undated 'Amara Okafor'
    {"recent-a/1"},                          # two ministers meet on 7 February ...
    {"recent-b/1", "recent-c/1"},            # ... and on the 12th; an undated report published the 13th
    {"tie-a/1", "tie-c/1"},                  # two ministers met on 10 March; undated 'held talks' published the 11th
    {"tie-b/1"},                             # ... and are to meet again on the 12th (announced on the 9th)
    {"timeless-a/1"},                        # two ministers meet on 14 October ...
    {"timeless-b/1"},                        # ... and a report with no date, from an article with none
]


def short(iri: str) -> str:
    return iri.split("/id/", 1)[1].split("/", 1)[1]


def partition_of(store: KGStore) -> list[set[str]]:
    groups: dict[str, set[str]] = {}
    for row in store.query(PREFIX + f"SELECT ?ri ?m WHERE {{ GRAPH {G} {{ ?ri dip:report ?m }} }}"):
        groups.setdefault(row["ri"].value, set()).add(short(row["m"].value))
    return sorted(groups.values(), key=sorted)


def resolution_quads(store: KGStore) -> set[str]:
    return {str(q) for q in store.store.quads_for_pattern(None, None, None, ox.NamedNode(str(RESOLUTION_GRAPH)))}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> KGStore:
    store = KGStore(tmp_path_factory.mktemp("resolution") / "store")
    summary = build([str(CORPUS)], store)
    assert not summary.errors and summary.mapped == len(ARTICLES), summary.lines()
    # the resolution graph was validated against its shapes, and conforms
    assert summary.resolution.findings == [] and summary.violations == 0, summary.violation_details
    return store


def test_reports_of_one_interaction_share_one_resolved_node_and_hard_negatives_stay_apart(built):
    assert partition_of(built) == sorted(EXPECTED, key=sorted)


def test_every_report_belongs_to_exactly_one_resolved_interaction(built):
    rows = list(built.query(PREFIX + f"""SELECT ?e (COUNT(?ri) AS ?n) WHERE {{
        GRAPH ?g {{ ?e dip:status ?s }} FILTER(?g != {G})
        OPTIONAL {{ GRAPH {G} {{ ?ri dip:report ?e }} }} }} GROUP BY ?e"""))
    assert rows and all(int(r["n"].value) == 1 for r in rows), [(r["e"].value, r["n"].value) for r in rows]


def merged_values(store: KGStore, interaction: str) -> dict[str, tuple[str, str, set[str]]]:
    out = {}
    for r in store.query(PREFIX + f"""SELECT ?p ?v ?rule ?by WHERE {{ GRAPH {G} {{
            <{interaction}> dip:mergedValue ?mv . ?mv dip:onProperty ?p ; rdf:value ?v ; dip:mergeRule ?rule ;
            dip:statedBy ?by }} }}"""):
        key = r["p"].value.rsplit("/", 1)[-1].split("#")[-1] + ("=" + r["v"].value if "Participant" in r["p"].value else "")
        value = out.setdefault(key, (r["v"].value, r["rule"].value.split("#")[1], set()))
        value[2].add(short(r["by"].value))
    return out


def test_disagreements_say_how_the_value_was_chosen(built):
    call = merged_values(built, str(ID["interaction/call-a/1"]))
    # two reports say phone call, one virtual meeting: the majority, and who said it
    assert call["mergedClass"] == (str(DIP.PhoneCall), "majority", {"call-a/1", "call-c/1"})
    assert call["startDate"] == ("2024-03-05", "onlyStated", {"call-a/1", "call-c/1"})
    plan = merged_values(built, str(ID["interaction/plan-a/1"]))
    assert plan["mergedStatus"] == (str(DIP.occurred), "occurredOverPlanned", {"plan-b/1"})
    visit = merged_values(built, str(ID["interaction/visit-c/1"]))
    # announced for 13-14 May, reported held 13-15 May: the report that it happened gives the days
    assert visit["endDate"] == ("2024-05-15", "occurredReports", {"visit-a/1"})
    assert visit["mergedStatus"][:2] == (str(DIP.occurred), "occurredOverPlanned")


def test_a_resolved_interaction_of_one_report_states_no_merged_values(built):
    assert merged_values(built, str(ID["interaction/two-b/1"])) == {}
    row = next(iter(built.query(PREFIX + f"""SELECT ?c ?s ?d WHERE {{ GRAPH {G} {{
        <{ID['interaction/two-b/1']}> dip:mergedClass ?c ; dip:mergedStatus ?s ; <https://schema.org/startDate> ?d }} }}""")))
    assert (row["c"].value, row["s"].value, row["d"].value) == (str(DIP.PhoneCall), str(DIP.occurred), "2024-06-10")


def test_every_merged_value_traces_to_its_reports_and_their_sentences(built):
    rows = list(built.query(PREFIX + f"""SELECT ?mv ?by ?ev ?ri WHERE {{
        GRAPH {G} {{ ?ri dip:mergedValue ?mv . ?mv dip:statedBy ?by ; dip:evidence ?ev }} }}"""))
    assert rows
    for r in rows:
        ri, by, mv, ev = r["ri"].value, r["by"].value, r["mv"].value, r["ev"].value
        assert ask(built, f"GRAPH {G} {{ <{ri}> dip:report <{by}> }}"), (ri, by)
        # each evidence sentence is an annotation of the article of one of the reports stating the value
        assert ask(built, f"""GRAPH {G} {{ <{mv}> dip:statedBy ?report }}
                              GRAPH ?g {{ <{ev}> a dip:Evidence ; <http://www.w3.org/ns/oa#hasTarget>/<http://www.w3.org/ns/oa#hasSource> ?art .
                                          ?report <http://www.w3.org/ns/prov#wasDerivedFrom> ?art ; dip:evidence <{ev}> }}"""), (mv, ev)
        # and every evidence sentence of each report stating it is carried
        stated = {x["ev"].value for x in rows if x["mv"].value == mv}
        own = {x["ev"].value for x in built.query(PREFIX + f"SELECT ?ev WHERE {{ GRAPH ?g {{ <{by}> dip:evidence ?ev }} }}")}
        assert own and own <= stated, (mv, by)


def ask(store: KGStore, pattern: str) -> bool:
    return bool(store.query(PREFIX + f"ASK {{ {pattern} }}"))


def test_name_spellings_become_one_person_across_articles(built):
    same = {(short(r["a"].value), short(r["b"].value)) for r in built.query(
        f"SELECT ?a ?b WHERE {{ GRAPH {G} {{ ?a <http://www.w3.org/2002/07/owl#sameAs> ?b }} }}")}
    # 'Mehmet Yılmaz' (slug mehmet-y-lmaz), 'Mehmet Yilmaz' (after 'Foreign Minister'), 'Yilmaz Mehmet'
    # (surname first); 'Carvalho' alone
    assert same == {("mehmet-y-lmaz", "mehmet-yilmaz"), ("yilmaz-mehmet", "mehmet-yilmaz"),
                    ("carvalho", "joao-carvalho"), ("yerlan-abdulayev", "nurlan-abdullayev"),
                    # surname first, and a wrong given name, in reports of one meeting
                    ("chaiyaporn-anong", "anong-chaiyaporn"), ("chaiyaporn-malee", "anong-chaiyaporn"),
                    ("okafor-amara", "amara-okafor"), ("okafor-ines", "amara-okafor")}
    participants = {short(r["p"].value) for r in built.query(PREFIX + f"""SELECT ?p WHERE {{ GRAPH {G} {{
        ?ri dip:mergedParticipant ?p ; dip:report <{ID['event/call-later/1']}> }} }}""")}
    # the same person in another interaction, which no other report named differently
    assert participants == {"mehmet-yilmaz", "joao-carvalho"}


def test_meetings_held_during_a_visit_link_to_it_across_articles(built):
    rows = {(short(r["m"].value), short(r["v"].value)) for r in built.query(PREFIX + f"""SELECT ?m ?v WHERE {{
        GRAPH {G} {{ ?m dip:duringVisit ?v }} }}""")}
    assert rows == {("visit-a/2", "visit-c/1")}


def test_the_partition_does_not_depend_on_the_order_articles_were_built_in(built, tmp_path):
    first = ARTICLES[::2]
    second = ARTICLES[1::2]
    results = []
    for order in ((first, second), (second, first), (list(reversed(ARTICLES)),)):
        store = KGStore(tmp_path / f"store-{len(results)}")
        for batch in order:
            summary = build([str(p) for p in batch], store)
            assert not summary.errors
        results.append((partition_of(store), resolution_quads(store)))
    assert results[0][0] == results[1][0] == results[2][0] == partition_of(built)
    # not only the groups: every triple of the resolution graph, IRIs included
    assert results[0][1] == results[1][1] == results[2][1] == resolution_quads(built)


def test_removing_an_article_resolves_again_and_the_next_report_names_the_interaction(tmp_path):
    folder = tmp_path / "news"
    shutil.copytree(CORPUS, folder)
    store = KGStore(tmp_path / "store")
    build([str(folder)], store)
    for suffix in (".txt", ".meta.json"):
        (folder / f"call-a{suffix}").unlink()
    summary = build([str(folder)], store, prune=True)
    assert summary.removed_ids == ["call-a"]
    groups = partition_of(store)
    assert {"call-b/1", "call-c/1"} in groups
    # the earliest report left (call-b, published on 6 March) now names it
    assert ask(store, f"GRAPH {G} {{ <{ID['interaction/call-b/1']}> dip:report <{ID['event/call-c/1']}> }}")
    assert not ask(store, f"GRAPH {G} {{ <{ID['interaction/call-a/1']}> ?p ?o }}")
    # and building the rest from scratch gives the same graph
    fresh = KGStore(tmp_path / "fresh")
    build([str(folder)], fresh)
    assert resolution_quads(fresh) == resolution_quads(store)


def test_a_missing_index_is_rebuilt_from_the_store(tmp_path):
    store = KGStore(tmp_path / "store")
    build([str(CORPUS)], store)
    before = resolution_quads(store)
    (store.location / INDEX_FILE).unlink()
    summary = build([str(CORPUS)], store)
    assert summary.mapped == 0 and summary.resolution is not None and summary.resolution.rebuilt
    assert resolution_quads(store) == before


# -- the rules, on mentions written out

def mention(iri, article, start=None, published=None, kind="Meeting", status="occurred", people=(), end=None):
    day = lambda s: dt.date.fromisoformat(s).toordinal() if s else None  # noqa: E731
    return Mention(iri=str(ID[f"event/{iri}"]), article=article, published=day(published), kind=kind, status=status,
                   start=day(start), end=day(end),
                   participants=[Participant(str(ID[f"person/{n}"]), "person", n, c) for n, c in people])


PAIR = (("Ana Lima", "BRA"), ("Kenji Sato", "JPN"))


def test_name_rules():
    assert name_key("Erdoğan's") == name_key("Erdogan") == "erdogan"
    assert name_key("Xi Jinping") == name_key("Jinping Xi")
    assert names_compatible("Lula", "Luiz Inácio Lula da Silva")
    assert names_compatible("Mehmet Erdogan", "Recep Tayyip Erdoğan")  # a wrong given name
    assert not names_compatible("Luc Bernard", "Anne Lefevre")
    assert not names_compatible("Ana Lima", "Ana Souza")  # a given name alone is no surname


def test_transliterations_and_typos_of_one_name_are_compatible():
    # outlets spell names from other scripts each their own way, and misspell them
    assert names_compatible("Xi Jinping", "Xi Jingping")
    assert names_compatible("Kassym-Jomart Tokayev", "Kasim-Jomart Tokayev")
    assert names_compatible("Kassym-Zhomart Tokayev", "Kassym-Jomart Tokayev")
    assert not names_compatible("Li Qiang", "Li Keqiang")
    assert not names_compatible("Mohammed bin Salman", "Mohammed bin Zayed")
    assert not names_compatible("Hasan Rouhani", "Hasan Ali")


def test_a_surname_spelled_two_ways_with_a_wrong_given_name_is_compatible():
    # the generated benchmark's outlets: a transliteration and, in one report, a wrong given name
    assert names_compatible("Akosua Jinping", "Olena Maria Jingping")
    assert names_compatible("Jingping Olena", "Akosua Jinping")  # surname first
    assert not names_compatible("Anna Lima", "Anna Lina")        # short surnames: none alike
    assert not names_compatible("Jinping Olena", "Jingping Akosua")  # first words alike may be given names


def test_names_sharing_a_word_are_not_two_people_in_one_group():
    # a possessive cut short ('Dubois's' read as 'Dubois Toma'), a wrong given name surname first:
    # not compatible names, but not reason enough to keep a report out of a group
    a = mention("a/1", "a", "2024-09-23", "2024-09-23", people=(("Tomas Dubois", "THA"), ("Rashid Bello", "NGA")))
    b = mention("b/1", "b", "2024-09-23", "2024-09-24", people=(("Dubois Toma", "THA"), ("Rashid Bello", "NGA")))
    c = mention("c/1", "c", "2024-09-23", "2024-09-24", people=(("Dubois Tomas", "THA"), ("Rashid Bello", "NGA")))
    mentions = {m.iri: m for m in (a, b, c)}
    edges = {tuple(sorted((x.iri, y.iri))): g for x in mentions.values() for y in mentions.values()
             if x.iri < y.iri and (g := same_interaction(x, y)) is not None}
    assert (b.iri, c.iri) not in edges  # 'Toma' is too short to be 'Tomas' spelled another way
    assert partition(mentions, edges) == [sorted(mentions)]


def test_a_report_naming_no_one_for_a_country_bridges_no_two_of_its_people():
    a = mention("a/1", "a", "2024-08-08", "2024-08-08", people=(("Kofi Mensah", "GHA"), (None, "EGY")))
    b = mention("b/1", "b", "2024-08-08", "2024-08-08", people=(("Kofi Mensah", "GHA"), ("Omar Haddad", "EGY")))
    c = mention("c/1", "c", "2024-08-08", "2024-08-08", people=(("Kofi Mensah", "GHA"), ("Nadia Mansour", "EGY")))
    u = mention("d/1", "d", None, "2024-08-09", people=(("Kofi Mensah", "GHA"), ("Nadia Mansour", "EGY")))
    mentions = {m.iri: m for m in (a, b, c, u)}
    edges = {tuple(sorted((x.iri, y.iri))): g for x in mentions.values() for y in mentions.values()
             if x.iri < y.iri and (g := same_interaction(x, y)) is not None}
    assert (a.iri, c.iri) in edges and (a.iri, u.iri) in edges  # each matches the unnamed report
    assert partition(mentions, edges) == sorted([sorted([a.iri, b.iri]), sorted([c.iri, u.iri])])


def all_edges(mentions: dict) -> dict:
    return {(x.iri, y.iri): gap for x in mentions.values() for y in mentions.values()
            if x.iri < y.iri and (gap := same_interaction(x, y)) is not None}


def test_dates_decide_and_an_undated_report_bridges_nothing():
    a = mention("a/1", "a", "2024-01-12", "2024-01-12", people=PAIR)
    b = mention("b/1", "b", "2024-01-13", "2024-01-13", people=PAIR)
    far = mention("c/1", "c", "2024-01-15", "2024-01-15", people=PAIR)
    undated = mention("d/1", "d", None, "2024-01-17", people=PAIR)
    assert same_interaction(a, b) == 1 and same_interaction(a, far) is None
    mentions = {m.iri: m for m in (a, b, far, undated)}
    # the undated report (published the 17th) fits both the 12th-13th and the 15th, neither
    # far closer than the other: it joins neither
    assert partition(mentions, all_edges(mentions)) == sorted([sorted([a.iri, b.iri]), [far.iri], [undated.iri]])


def test_an_undated_report_tells_the_latest_of_two_meetings_when_it_is_far_closer():
    a = mention("a/1", "a", "2024-01-10", "2024-01-10", people=PAIR)
    far = mention("c/1", "c", "2024-01-14", "2024-01-14", people=PAIR)
    undated = mention("d/1", "d", None, "2024-01-15", people=PAIR)
    mentions = {m.iri: m for m in (a, far, undated)}
    # published the 15th: the meeting of the 14th, a day before, not the one of the 10th
    assert partition(mentions, all_edges(mentions)) == sorted([[a.iri], sorted([far.iri, undated.iri])])


def test_an_undated_report_as_close_to_two_interactions_joins_the_one_that_happened_as_it_says():
    # published the 11th, 'they met': a day after the meeting of the 10th and a day before the one
    # only announced for the 12th; a report that it happened is of the one that happened
    met = mention("a/1", "a", "2024-03-10", "2024-03-11", people=PAIR)
    announced = mention("b/1", "b", "2024-03-12", "2024-03-09", status="planned", people=PAIR)
    undated = mention("c/1", "c", None, "2024-03-11", people=PAIR)
    mentions = {m.iri: m for m in (met, announced, undated)}
    assert partition(mentions, all_edges(mentions)) == sorted([sorted([met.iri, undated.iri]), [announced.iri]])
    # one article told one visit twice, as announced and as held, on the same day (two reports of
    # one article are never one interaction): the undated report that it happened joins the held one
    planned = mention("x/1", "x", "2024-05-22", "2024-05-22", kind="Visit", status="planned", people=PAIR[:1])
    held = mention("x/2", "x", "2024-05-22", "2024-05-22", kind="Visit", people=PAIR[:1])
    told = mention("y/1", "y", None, "2024-05-24", kind="Visit", people=PAIR[:1])
    mentions = {m.iri: m for m in (planned, held, told)}
    assert partition(mentions, all_edges(mentions)) == sorted([[planned.iri], sorted([held.iri, told.iri])])
    # as close to two that both happened: it cannot tell which, and stays apart
    other = mention("z/1", "z", "2024-03-12", "2024-03-12", people=PAIR)
    mentions = {m.iri: m for m in (met, other, undated)}
    assert partition(mentions, all_edges(mentions)) == sorted([[met.iri], [other.iri], [undated.iri]])


def test_a_report_with_no_date_from_an_article_with_none_stays_apart():
    # nothing places it in time: even when the store holds one meeting of these people that it
    # fits, it may be of another (a real outlet's 'latest meeting' of two leaders, years after the
    # only one stored, reads like this)
    a = mention("a/1", "a", "2024-10-14", "2024-10-15", people=PAIR)
    t = mention("t/1", "t", None, None, people=PAIR)
    mentions = {m.iri: m for m in (a, t)}
    assert same_interaction(a, t) is None
    assert partition(mentions, all_edges(mentions)) == [[a.iri], [t.iri]]


def test_a_later_report_that_bridges_two_groups_keeps_the_older_iri():
    a = mention("a/1", "a", "2024-01-10", "2024-01-10", people=PAIR)
    c = mention("c/1", "c", "2024-01-12", "2024-01-12", people=PAIR)
    b = mention("b/1", "b", "2024-01-11", "2024-01-13", people=PAIR)  # published last, dated between
    mentions = {m.iri: m for m in (a, c)}
    assert partition(mentions, {}) == [[a.iri], [c.iri]]
    mentions[b.iri] = b
    edges = {tuple(sorted((x.iri, y.iri))): g for x, y in ((a, b), (b, c)) if (g := same_interaction(x, y)) is not None}
    (group,) = partition(mentions, edges)
    assert interaction_iri(min((mentions[i] for i in group), key=Mention.order)) == str(ID["interaction/a/1"])


def test_two_reports_of_one_article_are_never_one_interaction():
    a1 = mention("a/1", "a", "2024-01-10", "2024-01-10", people=PAIR)
    a2 = mention("a/2", "a", "2024-01-10", "2024-01-10", people=PAIR)
    b = mention("b/1", "b", "2024-01-10", "2024-01-10", people=PAIR)
    mentions = {m.iri: m for m in (a1, a2, b)}
    edges = {(a1.iri, b.iri): 0, (a2.iri, b.iri): 0}
    groups = partition(mentions, edges)
    assert sorted(map(len, groups)) == [1, 2] and any(a1.iri in g and b.iri in g for g in groups)


def test_merge_takes_the_subclass_and_keeps_each_person_once():
    a = mention("a/1", "a", "2024-01-10", "2024-01-10", kind="Meeting", people=PAIR)
    b = mention("b/1", "b", "2024-01-10", "2024-01-11", kind="CourtesyCall",
                people=(("Ana Lima's", "BRA"), ("Kenji Sato", "JPN")))
    canonical = {str(ID["person/Ana Lima's"]): str(ID["person/Ana Lima"])}
    r = merge([b, a], canonical)
    assert r.kind == "CourtesyCall" and r.iri == str(ID["interaction/a/1"])
    assert r.participants == sorted({str(ID["person/Ana Lima"]), str(ID["person/Kenji Sato"])})
    rules = {(c.prop.rsplit("#", 1)[-1], c.rule) for c in r.choices}
    assert ("mergedClass", "mostSpecific") in rules


# -- the saved queries count interactions, not reports

def rows(store, name, **params):
    from kg.queries import get_query, run_local
    result = run_local(store, get_query(name), params)
    return [dict(zip(result.columns, r)) for r in result.rows]


def test_interactions_csv_gains_the_resolved_interaction_as_its_last_column(built):
    from kg.queries import get_query
    columns = get_query("interactions").columns
    assert columns[-1] == "interaction" and columns[:-1] == [
        "event", "type", "status", "date", "end_date", "place", "place_country", "participant", "participant_name",
        "participant_country", "participant_role", "article_id"]
    found = {(short(r["event"]), short(r["interaction"])) for r in rows(built, "interactions")}
    assert {m for m, _ in found} == {m for group in EXPECTED for m in group}
    for group in EXPECTED:
        assert len({i for m, i in found if m in group}) == 1, group
    # the filtered plan gives the same column
    assert {short(r["interaction"]) for r in rows(built, "interactions", country="TUR")} == {
        "call-a/1", "call-later/1", "years-a/1"}


def test_who_met_whom_and_country_network_count_interactions_and_list_their_sources(built):
    pairs = {(short(r["person_a"]), short(r["person_b"])): (r["interactions"], set(r["sources"].split()))
             for r in rows(built, "who-met-whom")}
    # three reports of the 5 March call (three spellings of one minister), one of the 19th, one of 2021
    assert pairs[("joao-carvalho", "mehmet-yilmaz")] == ("3", {"call-a", "call-b", "call-c", "call-later", "years-a"})
    # each person under the canonical person's name, not the alphabetically first spelling of the
    # articles ('Carvalho', 'Yilmaz Mehmet')
    names = {(r["name_a"], r["name_b"]) for r in rows(built, "who-met-whom") if short(r["person_a"]) == "joao-carvalho"}
    assert names == {("Joao Carvalho", "Mehmet Yilmaz")}
    # the filtered plan (a person's name as one article writes it) gives the same names
    names = {(r["name_a"], r["name_b"]) for r in rows(built, "who-met-whom", person="carvalho")}
    assert names == {("Joao Carvalho", "Mehmet Yilmaz")}
    network = {(r["country_a"], r["country_b"], r["type"]): r["interactions"] for r in rows(built, "country-network")}
    assert network[("BRA", "TUR", "PhoneCall")] == "3" and ("BRA", "TUR", "VideoConference") not in network
    assert network[("FRA", "IND", "PhoneCall")] == "2"  # with Bernard (twice reported) and with Lefevre


def test_resolved_interactions_lists_reports_and_disagreements(built):
    found = [r for r in rows(built, "resolved-interactions", min_reports=2)
             if short(r["interaction"]) == "call-a/1"]
    assert sorted((r["article_id"], r["report_type"]) for r in found) == [
        ("call-a", "PhoneCall"), ("call-b", "VideoConference"), ("call-c", "PhoneCall")]
    assert all(r["reports"] == "3" and "mergedClass=PhoneCall (majority)" in r["merged_by"] for r in found)
    assert not any(short(r["interaction"]) == "two-b/1" for r in rows(built, "resolved-interactions", min_reports=2))


# -- the resolution graph is validated at build time, as the article graphs are

def test_a_broken_resolution_graph_is_reported_by_the_build_and_by_validate(tmp_path, monkeypatch):
    import kg.resolve
    from click.testing import CliRunner
    from kg.cli import cli
    written = kg.resolve.resolved_triples

    def broken(r):  # a status that is no status, as a bug in the merge would write it
        return [(s, p, ox.Literal("happened") if p.value == str(DIP.mergedStatus) else o) for s, p, o in written(r)]

    monkeypatch.setattr(kg.resolve, "resolved_triples", broken)
    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("call-a", "call-b"):
        for suffix in (".txt", ".meta.json"):
            shutil.copy(CORPUS / f"{name}{suffix}", folder)
    result = CliRunner().invoke(cli, ["build", str(folder), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    interaction = ID["interaction/call-a/1"]
    line = (f"violation: resolution graph: Resolved interaction needs exactly one dip:mergedStatus, dip:occurred or "
            f"dip:planned. ({interaction}, {DIP.mergedStatus})")
    assert line in result.output.splitlines(), result.output
    assert "violations: 1" in result.output
    checked = CliRunner().invoke(cli, ["validate", "--store", str(tmp_path / "store")])
    assert checked.exit_code == 1, checked.output
    assert "dsh:ResolvedInteractionShape\n  dipid:interaction/call-a/1\n    Violation [dip:mergedStatus]" in \
        checked.output, checked.output
