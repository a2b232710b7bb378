"""Where an in-person interaction took place, when the trigger's own phrase does not say.

Real reports name the city away from the verb: after a list of counterparts ("... and the
defence minister in the capital Ankara"), in another clause of the sentence ("a ceremony to be
held at the guesthouse in Pretoria"), or once for the whole story ("The talks in Nairobi were
the first since 2019."). Each article here is written for the test; the people are invented.
Dated 2024-05-15 (a Wednesday).
"""
from __future__ import annotations

import pytest

from tests.test_mapper_rules import mapped

CASES = {
    "a city after a list of counterparts, behind 'the capital'": (
        "Turkish Foreign Minister Kemal Aydin on Wednesday met with Syrian Foreign Minister Omar Haddad, "
        "Defence Minister Sami Khoury and intelligence chief Rami Nassar in the capital Ankara.",
        "Ankara"),
    "a city in another clause of the trigger's sentence": (
        "South African President Thabo Ndlovu will on Thursday receive Letters of Credence from Ambassador "
        "of Peru Carlos Quispe Mamani at a ceremony to be held at the Presidential Guesthouse in Pretoria.",
        "Pretoria"),
    "a city the story names once, of a party's country": (
        "Kenyan Foreign Minister Amina Wekesa met Ugandan Foreign Minister Moses Okello on Monday to review "
        "the railway project.\n\nThe talks in Nairobi were the first between the two ministers since 2019.",
        "Nairobi"),
    "a city in the headline": (
        "Ghana's foreign minister receives Brazilian envoy in Accra\n\nGhanaian Foreign Minister Kwame Asante "
        "on Tuesday received Brazilian Ambassador Lucas Pereira, who presented a copy of his credentials.",
        "Accra"),
}


@pytest.mark.parametrize("text, city", CASES.values(), ids=list(CASES))
def test_the_city_is_found(text, city):
    events = [e for e in mapped(text).events if e.family != "Visit"]
    assert events, "no event"
    assert {e.city for e in events} == {city}


def test_two_cities_of_the_parties_name_no_city():
    text = ("Kenyan Foreign Minister Amina Wekesa met Ugandan Foreign Minister Moses Okello on Monday to review "
            "the railway project.\n\nThe railway will run from Mombasa to Kampala, officials in Nairobi and in "
            "Kampala said.")
    events = mapped(text).events
    assert events and all(e.city is None for e in events)


def test_a_phone_call_has_no_city():
    text = ("Kenyan Foreign Minister Amina Wekesa spoke by phone on Monday with Ugandan Foreign Minister Moses "
            "Okello.\n\nThe talks in Nairobi last year had set up a joint commission.")
    events = mapped(text).events
    assert events and all(e.city is None for e in events)


def test_a_seat_of_government_is_in_its_capital():
    text = ("President Ramon Aquino on Wednesday received in Malacañang the new ambassador of Chile, "
            "Ignacio Vargas, who presented his credentials.")
    events = [e for e in mapped(text).events if e.family != "Visit"]
    assert events and {(e.city, e.city_country) for e in events} == {("Manila", "PHL")}
