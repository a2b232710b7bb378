"""kg serve in a real browser: Debian's headless Chromium, driven by Playwright, opens each view
against a store built from the seeds and tests/corpus and checks what a person sees. Any console
error or uncaught script error fails the test. Screenshots go to test-artifacts/screenshots/
(ignored by git).

Chromium is Debian's (/usr/bin/chromium, or $KG_CHROMIUM), never a browser Playwright downloads;
.ci/run installs it. Without it these tests are skipped with the reason, and under CI (CI=true)
they fail instead: CI must run them.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from kg.queries import get_query, run_local
from tests.helpers import ROOT

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
# the flags the machine's notes give for a headless Chromium with no network but loopback
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SHOTS = ROOT / "test-artifacts" / "screenshots"
SEED_COUNTRIES = {"KHM", "USA", "VNM"}  # the countries the seeds' interactions involve


def _cannot_run(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"the browser tests cannot run in CI: {reason}")
    pytest.skip(f"browser tests not run: {reason}")


@pytest.fixture(scope="module")
def server(workbench_store):
    """kg serve's application on a free loopback port, in a thread of this process."""
    import uvicorn
    from kg.web.app import make_app
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(make_app(workbench_store.location), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("kg serve did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        _cannot_run(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set KG_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _cannot_run(f"Playwright for Python is not installed ({exc}): pip install -e '.[test]'")
    with sync_playwright() as playwright:
        # a fresh, empty profile for each launch is Playwright's own doing
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server, request):
    """A page whose console errors and uncaught errors fail the test; a screenshot is saved at its end."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda message: problems.append(f"console {message.type}: {message.text}")
           if message.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    # (a request the browser cancels because the page goes on to the next one, the favicon of a page
    # left at once, fails as net::ERR_ABORTED: nothing a person sees; every other failure counts)
    tab.on("requestfailed", lambda req: problems.append(f"request failed: {req.url} {req.failure}")
           if "ERR_ABORTED" not in (req.failure or "") else None)
    yield tab
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{request.node.name.replace('/', '_')}.png"), full_page=True)
    context.close()
    assert not problems, problems


def test_home(page):
    page.goto("/")
    assert page.locator("h1").inner_text().startswith("Who met whom")
    assert page.locator("a[href='/queries/bilateral-timeline']").is_visible()


def test_network_has_the_seeds_countries_and_an_edge_lists_its_interactions(page):
    page.goto("/network")
    nodes = set(page.locator("svg#network a.node").evaluate_all("els => els.map(e => e.dataset.id)"))
    assert SEED_COUNTRIES <= nodes
    labels = set(page.locator("svg#network a.node text").evaluate_all("els => els.map(e => e.textContent)"))
    assert SEED_COUNTRIES <= labels  # what a person reads beside the nodes
    edge = page.locator("svg#network line.edge[data-a='KHM'][data-b='USA']")
    expected = int(edge.get_attribute("data-n"))
    edge.dispatch_event("click")  # (its midpoint may lie under another edge)
    page.wait_for_selector("#edge-reports li")
    assert f"KHM – USA: {expected} interaction(s)" in page.locator("#edge-hint").inner_text()
    first = page.locator("#edge-reports li a").first
    first.click()
    page.wait_for_url("**/interaction/event/**")
    assert page.locator("section.report").count() >= 1


def test_network_filters_by_type(page):
    page.goto("/network")
    page.select_option("select[name=type]", "PhoneCall")
    page.click("#filters button")
    page.wait_for_url("**type=PhoneCall**")
    edges = page.locator("svg#network line.edge")
    assert edges.count() >= 1
    edges.first.dispatch_event("click")
    page.wait_for_selector("#edge-reports li")
    assert all(" PhoneCall" in t for t in page.locator("#edge-reports li a").all_inner_texts())


def test_timeline_shows_khm_usa_events_in_date_order(page, workbench_store):
    page.goto("/timeline?a=KHM&b=USA")
    rows = page.locator("#events tr.tl-event")
    days = rows.evaluate_all("els => els.map(e => e.dataset.day)")
    assert days and days == sorted(days)
    # the same reports as the saved query, in the same order of days
    expected = run_local(workbench_store, get_query("bilateral-timeline"), {"a": "KHM", "b": "USA"}).rows
    assert days == [(r[0] or r[8]) for r in expected]
    marks = page.locator("svg#timeline a.mark")
    assert marks.count() == len([d for d in days if d])
    xs = [float(x) for x in page.locator("svg#timeline a.mark circle").evaluate_all(
        "els => els.map(e => e.getAttribute('cx'))")]
    assert xs == sorted(xs)  # later events further right
    planned = page.locator("svg#timeline a.mark[data-status='planned'] circle")
    assert planned.count() >= 1 and planned.first.get_attribute("fill") == "white"  # hollow


def test_person_timeline(page):
    page.goto("/timeline?person=hun sen")
    days = page.locator("#events tr.tl-event").evaluate_all("els => els.map(e => e.dataset.day)")
    dated = [d for d in days if d]
    assert dated and dated == sorted(dated)
    assert days == dated + [""] * (len(days) - len(dated))  # the undated ones last
    assert page.locator("svg#timeline a.mark").count() == len(dated)


def test_evidence_highlight_equals_the_quoted_sentence(page, workbench_store):
    event = "event/000_4182529e3da3c08d/1"
    page.goto(f"/interaction/{event}")
    marks = page.locator("section.report").first.locator("mark.evidence").all_inner_texts()
    quotes = page.locator("section.report").first.locator("blockquote.quote").all_inner_texts()
    stored = [row[6] for row in run_local(workbench_store, get_query("evidence"), {"event": event}).rows]
    assert marks == quotes == stored
    assert page.locator("mark.evidence").first.is_visible()
    roles = page.locator("section.report").first.locator("td.role").all_inner_texts()
    assert "Senate President" in roles and "Secretary of Defense" in roles


def test_query_page_form_sort_paging_and_errors(page, workbench_store):
    page.goto("/queries/interactions")
    total = len(run_local(workbench_store, get_query("interactions"), {}).rows)
    assert page.locator(".pager .total").first.inner_text() == f"{total:,}"
    assert page.locator("#results tbody tr").count() == min(100, total)
    page.click("#results th a:text('date')")
    page.wait_for_url("**sort=date**")
    dates = [d for d in page.locator("#results tbody tr td:nth-child(4)").all_inner_texts() if d]
    assert dates == sorted(dates)
    page.fill("input[name=country]", "KHMX")
    page.click("#params button")
    assert "parameter 'country' must be an ISO 3166-1 alpha-3 code such as KHM, not 'KHMX'" in \
        page.locator("#error").inner_text()


def test_query_page_pages(page):
    page.goto("/queries/roles?limit=20")
    assert page.locator("#results tbody tr").count() == 20
    page.locator("a[rel=next]").first.click()
    page.wait_for_url("**offset=20**")
    assert page.locator(".pager").first.inner_text().startswith("Rows 21–40 of")


def test_person_and_country_pages(page):
    page.goto("/person/hun-sen")
    roles = page.locator("#roles").inner_text()
    assert "Prime Minister" in roles and "Senate President" in roles
    assert page.locator("#events tr.tl-event").count() >= 1
    page.goto("/country/KHM")
    assert "United States" in page.locator("#partners").inner_text()
    assert page.locator("#counts tr").count() >= 2


def test_sparql_page(page):
    page.goto("/sparql/ui")
    page.fill("textarea[name=query]", "SELECT ?code WHERE { GRAPH ?g { ?e <https://w3id.org/dipkg/ontology#host> ?c } "
                                      "GRAPH <https://w3id.org/dipkg/graph/reference> "
                                      "{ ?c <https://w3id.org/dipkg/ontology#iso3166Alpha3> ?code } }")
    page.click("#sparql-form button")
    page.wait_for_selector("#results")
    assert "KHM" in page.locator("#results").inner_text()
    page.fill("textarea[name=query]", "DELETE WHERE { ?s ?p ?o }")
    page.click("#sparql-form button")
    assert "updates are refused" in page.locator("#error").inner_text()


def test_chromium_is_debians(browser):
    """The tests drive the system's browser, not a downloaded one."""
    assert shutil.which("chromium") in (None, CHROMIUM) or Path(CHROMIUM).resolve().is_file()
    assert browser.version
