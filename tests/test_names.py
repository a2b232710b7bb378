"""What is no one's name: capitalised phrases of bodies, places, documents and occasions
(kg/lexicon/names.yaml). The article is written for the test; the people are invented."""
from __future__ import annotations

from tests.test_mapper_rules import people

ARTICLE = (
    "Serbian Assistant Foreign Minister Vladimir Petrovic met Argentine Foreign Minister Ana Gomez on "
    "Wednesday in Lima.\n\nAs part of the Dialogue with Observer States in the Organization of American "
    "States, held on Tuesday, Petrovic addressed the delegations.\n\nTurkey's Communications Directorate "
    "wrote separately that the talks had been warm.\n\nUnder the Vienna Convention, diplomats cannot be "
    "detained.\n\nIn the afternoon the diplomats met Dean Morrow, president of the Leeds based US company "
    "Joy Global Eurasia.")


def test_bodies_documents_and_firms_are_no_persons():
    found = people(ARTICLE)
    assert {"Vladimir Petrovic", "Ana Gomez"} <= set(found)
    assert not {"Observer States", "Vienna Convention", "Communications Directorate", "Joy Global Eurasia"} & set(found)
