"""Stage 2 on the layouts real news comes in: hard-wrapped paragraphs, long lines of prose without
commas, link lists and photo captions among the paragraphs. Each article is written for this test
in the style of real reports (the people and outlets are made up)."""
from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from kg.articles import Article
from kg.mapper import map_article
from kg.structure import Structure, analyse

KNOWN_PLACES = {"Nairobi", "Accra", "Wellington", "Lima"}


def structure(text: str, title: str | None = None) -> Structure:
    st = analyse(text, KNOWN_PLACES, title)
    for span in [*st.body, *st.sentences]:
        assert text[span.start:span.end] == span.text, "spans are exact slices of the original text"
    return st


def flat(text: str) -> str:
    return " ".join(text.split())


def sentences(st: Structure) -> list[str]:
    return [flat(s.text) for s in st.sentences]


def body_text(st: Structure) -> str:
    return flat(" ".join(p.text for p in st.body))


# ------------------------------------------------------------------ hard-wrapped paragraphs

WRAPPED = """\
Kenya and Ghana agree to scrap visas for diplomats and traders

NAIROBI, May 14 (KNA) -- Kenyan Foreign Minister Amina Wekesa met her
Ghanaian counterpart Kofi Mensah-Bonsu in Nairobi on Tuesday to discuss
visa rules, trade in pharmaceuticals and the security of shipping lanes
in the Gulf of Guinea, officials said.

The two ministers agreed to remove visa requirements for holders of
diplomatic and service passports within three months. Wekesa said the
talks had been frank and warm and that both governments wanted traders to
cross borders without paperwork that serves no purpose.

"Our people have waited too long for this," Mensah-Bonsu told reporters
after the meeting at the ministry, adding that Ghana would host the next
round of talks in Accra later this year. The visit was his second to
Nairobi since taking office in January.
"""


def test_hard_wrapped_paragraphs_are_prose_and_sentences_span_line_breaks():
    st = structure(WRAPPED)
    assert st.title is not None and st.title.text == "Kenya and Ghana agree to scrap visas for diplomats and traders"
    assert (st.dateline_place, st.dateline_date) == ("Nairobi", "--05-14")
    assert len(st.body) == 3
    assert sentences(st) == [
        "Kenyan Foreign Minister Amina Wekesa met her Ghanaian counterpart Kofi Mensah-Bonsu in Nairobi on "
        "Tuesday to discuss visa rules, trade in pharmaceuticals and the security of shipping lanes in the "
        "Gulf of Guinea, officials said.",
        "The two ministers agreed to remove visa requirements for holders of diplomatic and service passports "
        "within three months.",
        "Wekesa said the talks had been frank and warm and that both governments wanted traders to cross "
        "borders without paperwork that serves no purpose.",
        "\"Our people have waited too long for this,\" Mensah-Bonsu told reporters after the meeting at the "
        "ministry, adding that Ghana would host the next round of talks in Accra later this year.",
        "The visit was his second to Nairobi since taking office in January.",
    ]
    assert "\n" in st.sentences[0].text  # the span keeps the original line breaks


def test_a_wrapped_line_may_end_before_a_capitalised_name():
    text = (
        "WELLINGTON, March 3 -- New Zealand's trade minister held talks with Foreign\n"
        "Minister Rosa Quispe of Peru on Monday about the export of dairy goods and\n"
        "fruit to South America before both flew on to a regional forum in Lima.\n"
        "\n"
        "The two ministers signed a letter of intent on customs cooperation that\n"
        "officials from both sides have worked on for more than two years.\n")
    st = structure(text)
    assert st.dateline_place == "Wellington"
    assert sentences(st)[0].startswith("New Zealand's trade minister held talks with Foreign Minister Rosa Quispe")
    assert sentences(st)[0].endswith("regional forum in Lima.")
    assert len(st.sentences) == 2


def test_a_sentence_broken_across_a_blank_line_continues_in_lower_case():
    text = (
        "Accra, 3 March 2021 - The Ambassador of Peru, Carlos Quispe Mamani, paid a courtesy call on the "
        "Minister for Foreign Affairs on Tuesday.\n\n"
        "During the visit, Mr Quispe Mamani\n\n"
        "personally delivered a letter from the Foreign Minister of Peru inviting her to Lima.\n\n"
        "The Minister thanked the envoy and said Ghana valued the relations between the two countries.\n")
    st = structure(text)
    assert "During the visit, Mr Quispe Mamani personally delivered a letter from the Foreign Minister of Peru " \
           "inviting her to Lima." in sentences(st)


def test_a_wrapped_article_maps_to_its_interaction():
    mapped = map_article(Article(id="wrapped", text=WRAPPED, source="test", published="2024-05-14"))
    meetings = [e for e in mapped.events if e.kind == "Meeting"]
    assert meetings, [e.kind for e in mapped.events]
    names = {p.name for p in meetings[0].parties if hasattr(p, "name")}
    assert {"Amina Wekesa", "Kofi Mensah-Bonsu"} <= names


PARAGRAPHS = [
    "Peru and New Zealand agree to deepen trade ties",
    "WELLINGTON, March 4 -- New Zealand Trade Minister Tom Harris held talks with Foreign Minister Rosa Quispe "
    "of Peru on Monday about the export of dairy goods and fruit to South America, before both flew on to a "
    "regional forum in Lima. Quispe also paid a courtesy call on Prime Minister Helen Carter at Parliament.",
    "The two ministers signed a letter of intent on customs cooperation that officials from both sides have "
    "worked on for more than two years.",
]


def mapped_facts(text: str):
    mapped = map_article(Article(id="t", text=text, source="test", published="2024-03-05"))
    events = sorted((e.kind, e.status, e.start, sorted(getattr(p, "name", str(p)) for p in e.parties))
                    for e in mapped.events)
    people = sorted((p.name, p.country, tuple(r.label for r in p.roles)) for p in mapped.actors.people)
    return events, people


@pytest.mark.parametrize("width", [58, 72, 80])
def test_a_wrapped_article_maps_as_its_unwrapped_form(width):
    """Names and roles broken over two lines ("Prime\\nMinister Helen Carter") are read whole."""
    wrapped = "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS) + "\n"
    assert any(not line.endswith((".", "ties")) for line in wrapped.splitlines() if line)
    one_line_each = "\n\n".join(PARAGRAPHS) + "\n"
    events, people = mapped_facts(wrapped)
    assert (events, people) == mapped_facts(one_line_each)
    assert ("CourtesyCall", "occurred", dt.date(2024, 3, 4), ["Helen Carter", "Rosa Quispe"]) in events


def test_a_subheading_between_paragraphs_is_not_glued_to_the_next_one():
    text = (
        "Kenya's foreign minister arrived in Accra on Monday for a two-day official visit, the ministry said.\n"
        "Warmer ties\n"
        "Trade between the two countries has doubled in five years, according to figures from the central bank.\n")
    st = structure(text)
    assert sentences(st) == [
        "Kenya's foreign minister arrived in Accra on Monday for a two-day official visit, the ministry said.",
        "Trade between the two countries has doubled in five years, according to figures from the central bank."]


# ------------------------------------------------------------------ long lines without commas

def test_long_lines_of_prose_without_commas_are_body():
    quoted = ("\"We will keep working with our neighbours on trade and on the security of the region because our "
              "people expect nothing less from us.\"")
    curly = ("“The minister expressed the hope that the visit would open a new chapter in the relations between "
             "the two countries and their peoples.”")
    plain = ("He arrived in Nairobi on Wednesday morning to become the first foreign head of state to attend the "
             "celebrations marking the anniversary of independence")
    assert all(len(line) > 120 and ", " not in line for line in (quoted, curly, plain))
    text = ("NAIROBI (KNA) - President Kofi Mensah-Bonsu of Ghana held talks with his Kenyan counterpart at State "
            "House on Tuesday.\n" + quoted + "\n" + curly + "\n" + plain + "\n"
            "The two leaders also witnessed the signing of four agreements on trade and health.\n")
    st = structure(text)
    kept = body_text(st)
    for line in (quoted, curly, plain):
        assert flat(line) in kept


def test_a_long_strip_of_headlines_without_punctuation_is_still_navigation():
    strip = ("Kenya Shilling Firms Against Dollar Ghana Cocoa Output Rises Nigeria Unveils New Budget Ethiopia "
             "Signs Power Deal With Djibouti Rwanda Opens Tech Hub")
    text = strip + "\nNAIROBI (KNA) - Kenya and Ghana signed an agreement on visas on Tuesday, officials said.\n"
    st = structure(text)
    assert st.body[0].text.startswith("NAIROBI")
    assert "Cocoa" not in body_text(st)


# ------------------------------------------------------------------ link lists among the paragraphs

FIRST = ("ACCRA, June 4 (GNA) - Ghana's Foreign Minister Kofi Mensah-Bonsu received the new Ambassador of Peru, "
         "Carlos Quispe Mamani, at the ministry on Tuesday.")
SECOND = "The two discussed cooperation in mining, education and the fight against illegal fishing in the Atlantic."
THIRD = "Mr Quispe Mamani said Peru would open a trade office in Accra before the end of the year."


def test_inline_read_more_links_are_dropped_and_the_article_goes_on():
    text = "\n".join([
        FIRST,
        "Read more: Ghana and Peru sign agreement on double taxation after years of talks",
        SECOND,
        "ALSO READ: Foreign minister urges diaspora to invest in the new cocoa processing plants",
        THIRD]) + "\n"
    st = structure(text)
    assert sentences(st) == [FIRST.split(" - ", 1)[1], SECOND, THIRD]


def test_a_bullet_list_of_headlines_between_paragraphs_is_dropped():
    text = "\n".join([
        FIRST,
        "• Ghana and Peru sign agreement on double taxation after years of talks",
        "• President receives credentials of seven new envoys at Jubilee House",
        "• Foreign minister urges diaspora to invest in new cocoa processing plants",
        SECOND,
        THIRD]) + "\n"
    st = structure(text)
    assert sentences(st) == [FIRST.split(" - ", 1)[1], SECOND, THIRD]


def test_a_run_of_headlines_without_bullets_between_paragraphs_is_dropped():
    text = "\n".join([
        FIRST,
        SECOND,
        "Ghana and Peru sign agreement on double taxation after years of talks",
        "President Mensah-Bonsu Receives Credentials Of Seven New Envoys At Jubilee House",
        "Foreign minister urges diaspora to invest in new cocoa processing plants",
        THIRD]) + "\n"
    st = structure(text)
    assert sentences(st) == [FIRST.split(" - ", 1)[1], SECOND, THIRD]


def test_a_lone_headline_between_paragraphs_is_dropped():
    text = "\n".join([FIRST, "Peru Mining Group Signs Copper Deal With Ghana Minerals Commission", SECOND]) + "\n"
    st = structure(text)
    assert sentences(st) == [FIRST.split(" - ", 1)[1], SECOND]


def test_headlines_separated_by_a_bar_are_dropped():
    text = "\n".join([
        FIRST,
        "Ghana and Peru sign agreement on double taxation | Envoys urged to promote trade and tourism abroad",
        SECOND]) + "\n"
    st = structure(text)
    assert sentences(st) == [FIRST.split(" - ", 1)[1], SECOND]


def test_a_list_of_links_above_the_body_does_not_start_it():
    text = "\n".join([
        "Ghana-Peru Joint Communique",
        "Agreements signed between Ghana and Peru",
        "Memorandum of Understanding between the Ghana Investment Promotion Centre and ProInversion, S.A.C.",
        "Air Services Agreement",
        "Ghana and Peru strengthen cooperation in fighting illegal mining",
        FIRST,
        SECOND]) + "\n"
    st = structure(text)
    assert st.dateline_place == "Accra"
    assert sentences(st) == [FIRST.split(" - ", 1)[1], SECOND]


def test_a_related_section_still_ends_the_article():
    text = "\n".join([
        FIRST,
        SECOND,
        "Related News",
        "Ghana and Peru sign agreement on double taxation",
        "The two countries signed an agreement on double taxation on Monday after years of talks in Lima."]) + "\n"
    st = structure(text)
    assert sentences(st) == [FIRST.split(" - ", 1)[1], SECOND]


# ------------------------------------------------------------------ photo captions

def test_captions_between_paragraphs_are_dropped():
    text = "\n".join([
        FIRST,
        "Foreign Minister Kofi Mensah-Bonsu (right) receives the letter of credence of Ambassador Carlos Quispe "
        "Mamani in Accra on Tuesday. Ama Owusu/Daily Courier",
        SECOND,
        "Ambassador Carlos Quispe Mamani (left) with officials of the ministry (GNA)",
        "The ambassador with the minister at the ministry in Accra. (Photo: Ministry of Foreign Affairs)",
        "Photo: Ama Owusu/AFP",
        THIRD]) + "\n"
    st = structure(text)
    assert sentences(st) == [FIRST.split(" - ", 1)[1], SECOND, THIRD]


def test_a_line_repeating_the_first_sentence_above_the_body_is_not_the_body():
    lead = ("Ghana's Foreign Minister Kofi Mensah-Bonsu received the new Ambassador of Peru, Carlos Quispe Mamani, "
            "at the ministry on Tuesday.")
    text = "\n".join(["Foreign minister receives new Peruvian envoy", lead, FIRST, SECOND]) + "\n"
    st = structure(text)
    assert st.title is not None and st.title.text == "Foreign minister receives new Peruvian envoy"
    assert (st.dateline_place, st.dateline_date) == ("Accra", "--06-04")
    assert sentences(st) == [FIRST.split(" - ", 1)[1], SECOND]


@pytest.mark.parametrize("caption", [
    "Ghana's Foreign Minister Kofi Mensah-Bonsu (L) received the new Ambassador of Peru at the ministry",
    "Ghana's Foreign Minister Kofi Mensah-Bonsu received the new Ambassador of Peru at the ministry on Tuesday",
])
def test_a_caption_repeating_a_sentence_between_paragraphs_is_dropped(caption):
    text = "\n".join([FIRST, SECOND, caption, THIRD]) + "\n"
    st = structure(text)
    assert sentences(st) == [FIRST.split(" - ", 1)[1], SECOND, THIRD]


def test_a_paragraph_printed_twice_is_read_once():
    text = "\n".join([FIRST, SECOND, FIRST, THIRD]) + "\n"
    st = structure(text)
    assert sentences(st) == [FIRST.split(" - ", 1)[1], SECOND, THIRD]


def test_a_list_announced_by_a_colon_is_part_of_the_article():
    from kg.structure import analyse
    text = ("President Thabo Nkosi will receive the credentials of new heads of mission from the following "
            "countries:\n\nThe Republic of Chile The Kingdom of Spain The Republic of Ecuador\n\n"
            "The ceremony will be held at the Union Buildings.\n")
    sentences = [s.text for s in analyse(text).sentences]
    assert any("Kingdom of Spain" in s for s in sentences), sentences


def test_a_dateline_naming_a_country_is_its_capital_named_after_it():
    """'KUWAIT:' opens stories from Kuwait City (as 'SINGAPORE', 'PANAMA CITY' do theirs); a minister of
    no stated country there is Kuwait's."""
    text = ("KUWAIT: Minister of Foreign Affairs Sheikh Ahmad Nasser Al-Sabah yesterday received the Ambassador "
            "of Japan, Kenji Sato, at the General Office of the Ministry of Foreign Affairs.\n")
    article = map_article(Article(id="t", text=text, source="test", published="2024-05-15"))
    assert article.structure.dateline_place == "Kuwait City"
    assert {p.name: p.country for p in article.actors.people} == {"Ahmad Nasser Al-Sabah": "KWT", "Kenji Sato": "JPN"}


@pytest.mark.parametrize("opening, place, date", [
    ("Lusaka [Zambia], March 4 (ZNA): ", "Lusaka", "--03-04"),
    ("Kabwe (Central Province) [Zambia], March 4 (ZNA): ", "Kabwe", "--03-04"),
])
def test_a_dateline_with_the_country_in_square_brackets(opening, place, date):
    """Agency datelines give the region in round and the country in square brackets; the date after
    them is the story's day, and the brackets are no part of the body."""
    text = opening + ("Zambian Foreign Minister Mulenga Banda has received the Ambassador of Chile, Rosa Vidal, "
                      "at the ministry in the capital.\n")
    st = structure(text)
    assert (st.dateline_place, st.dateline_date) == (place, date)
    assert sentences(st)[0].startswith("Zambian Foreign Minister")


def test_a_dateline_that_gives_the_day_before_the_place():
    """Presidencies open releases with the day first: 'Thursday, February 14, Vilnius – ...'."""
    text = ("Thursday, February 14, Vilnius – On February 21-22, President Rasa Kalnina will go on a state visit to "
            "Poland where she will meet President Jan Nowak.\n")
    st = structure(text)
    assert (st.dateline_place, st.dateline_date) == ("Vilnius", "--02-14")
    assert sentences(st)[0].startswith("On February 21-22, President Rasa Kalnina")


ANNOUNCED_LIST = (
    "October 9, 2024\n"
    "Governor General Anne Roy welcomed three new heads of mission to Canada during a ceremony at Rideau Hall.\n"
    "The following new heads of mission presented their credentials to the Governor General:\n"
    "His Excellency Esteban Crespo Polo\n"
    "Ambassador of the Republic of Ecuador\n"
    "Her Excellency Margriet Landman\n"
    "Ambassador of the Kingdom of the Netherlands\n"
    "His Excellency Stavros Hatzis\n"
    "High Commissioner for the Republic of Cyprus\n"
    "Today's ceremony is a reminder that we are here to join forces as we face unprecedented global challenges.\n")


def test_every_line_of_a_list_announced_by_a_colon_is_part_of_the_article():
    """A list of names and titles, one a line, after 'the following ... :' is the article's, to its last line."""
    found = sentences(structure(ANNOUNCED_LIST))
    assert found[2:8] == ["His Excellency Esteban Crespo Polo", "Ambassador of the Republic of Ecuador",
                          "Her Excellency Margriet Landman", "Ambassador of the Kingdom of the Netherlands",
                          "His Excellency Stavros Hatzis", "High Commissioner for the Republic of Cyprus"]
    assert found[-1].startswith("Today's ceremony")
