"""What is no one's name: capitalised phrases of bodies, places, documents and occasions
(kg/lexicon/names.yaml). The article is written for the test; the people are invented."""
from __future__ import annotations

from tests.test_mapper_rules import mapped, people

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


def test_an_abbreviated_title_in_capitals_is_not_part_of_the_name():
    from kg.actors import clean_name
    assert clean_name("PM MARAPE")[0] == "Marape"
    assert clean_name("FM Bilawal Bhutto")[0] == "Bilawal Bhutto"
    assert clean_name("C.S. Lewis")[0] == "C.S. Lewis"


def test_missions_ceremonies_and_corridors_are_no_persons():
    found = people("Armenian Foreign Minister Ararat Petrosyan met Azerbaijani Foreign Minister Elnur Mammadov "
                   "on Monday to discuss the Lachin Corridor.\n\nThe Permanent Mission of Armenia said the Country "
                   "Ceremony would follow.")
    assert {"Ararat Petrosyan", "Elnur Mammadov"} <= set(found)
    assert not {"Lachin Corridor", "Permanent Mission", "Country Ceremony"} & set(found)


def test_a_title_naming_the_person_after_it_is_not_a_mention_of_its_other_holder():
    """'Malaysia's Senior Defence Minister, Mr Hisham Noor': 'Defence Minister' there is Noor's title,
    not a second mention of India's Defence Minister (whose country it would then become)."""
    text = ("New Delhi: Defence Minister Arjun Rao interacted with his Malaysian counterpart Hisham Noor on Monday. "
            "Rao said on Twitter, \"Had a wonderful interaction with Malaysia's Senior Defence Minister, Mr Hisham "
            "Noor, via video conference.\"")
    assert people(text)["Arjun Rao"][0] == "IND"


def test_a_name_in_apposition_to_a_lower_case_title_is_a_person_in_that_office():
    """'the Ugandan president, Moses Okello,': the recogniser misses the name; the apposition to an office
    word in an interaction's argument still names a person, with that office of that country."""
    text = "Kenyan President Daniel Kiprono welcomed the Ugandan president, Moses Okello, on Monday."
    assert people(text)["Moses Okello"] == ("UGA", ["President"], [])


def test_a_post_in_apposition_is_no_one_s_name():
    text = ("Present at the courtesy call were Director General, Grace Mwangi; Senior Foreign Service Officer, "
            "Peter Otieno; and Kenyan Foreign Minister Amina Wekesa.")
    assert "Service Officer" not in people(text)


def test_an_office_in_apposition_after_a_name_is_that_person_s_of_the_body_it_names():
    text = ("Kenyan President Daniel Kiprono met Jean Dupont, the European Union Representative to Kenya, in "
            "Nairobi on Monday.")
    found = mapped(text)
    dupont = next(p for p in found.actors.people if p.name == "Jean Dupont")
    assert [(r.label, r.organisation.name if r.organisation else None) for r in dupont.roles] == \
        [("Representative to Kenya", "European Union")]
    assert dupont.country is None  # an officer of a body between countries, of no country


def test_an_officer_of_a_body_the_dictionary_knows_stands_for_that_body():
    """'Charles Michel met ...' with no office stated: the office-holder dictionary's tenure then, an
    office of the European Council, is his role, so he stands for the EU, not for no one."""
    found = mapped("Charles Michel met Kenyan President Daniel Kiprono in Nairobi on Monday.", "2023-05-15")
    michel = next(p for p in found.actors.people if p.name == "Charles Michel")
    assert [(r.label, r.organisation.name) for r in michel.roles] == \
        [("President of the European Council", "European Council")]


def roles_of(text: str, name: str) -> list[tuple]:
    person = next(p for p in mapped(text).actors.people if p.name == name)
    return [(r.label, r.organisation.name if r.organisation else r.country) for r in person.roles]


def test_an_office_then_a_rank_before_a_name_is_the_office_of_the_possessive_body():
    """'CARICOM’S Secretary-General, Ambassador Irwin LaRocque': the office is the role (the rank no part
    of the name), the body the possessive before it, whatever the apostrophe or the case of its s."""
    for text in ("Prime Minister Trudeau called CARICOM’S Secretary-General, Ambassador Irwin LaRocque, on Monday.",
                 "Prime Minister Trudeau called CARICOM's Secretary-General, Ambassador Irwin LaRocque, on Monday."):
        assert roles_of(text, "Irwin LaRocque") == [("Secretary-General", "Caribbean Community")]


def test_a_body_s_acronym_in_brackets_between_title_and_name_keeps_the_title():
    text = ("Secretary General of the South Asian Association for Regional Cooperation (SAARC) Arjun Bahadur Thapa "
            "called on Foreign Minister Abul Hassan Mahmood Ali on Sunday.")
    assert roles_of(text, "Arjun Bahadur Thapa") == [("Secretary General", "South Asian Association for Regional Cooperation")]


def test_a_clause_after_a_name_is_no_apposition_of_a_title():
    """'H.E. Mr. Gariballa Khidir Ali, the Minister reaffirmed Ghana’s commitment': 'the Minister' opens the
    next clause; the envoy keeps his own country, not Ghana's."""
    text = ("In his meeting with the Ambassador-designate of Sudan, H.E. Mr. Gariballa Khidir Ali, the Minister "
            "reaffirmed Ghana's commitment to supporting Sudan's peace efforts.")
    assert people(text)["Gariballa Khidir Ali"][0] == "SDN"


def test_ranks_and_malay_honorifics_are_no_part_of_the_name():
    found = people("Chief of Kenya Fire Service Lt Gen Peter Otieno received in his office yesterday Dr Jane Mwangi.")
    assert not any("Fire" in name or "Gen" in name for name in found), found
    found = people("Malaysian Minister Ahmad Zaki paid a courtesy call on Sarawak Premier Datuk Patinggi Tan Sri Abang "
                   "Johari Tun Openg in Kuching on Monday.")
    assert "Abang Johari Tun Openg" in found, found


def test_an_opening_participle_is_no_given_name():
    """'Addressing Qalibaf, ...': the participle that opens a sentence is not the first word of a name."""
    found = people("Syrian Speaker Hammouda Sabbagh met Iranian Speaker Ahmad Nuri in Tehran on Monday. Addressing "
                   "Nuri, the Speaker of the Syrian Parliament said he was pleased. Minister Assisting Prime Minister "
                   "on Treasury Hon. Ian Ling attended.")
    assert "Ahmad Nuri" in found
    assert not any(name.split()[0] in ("Addressing", "Assisting") for name in found), found


def test_post_nominals_between_a_name_and_its_office():
    """'the Honourable Kamla Mohan, SC, MP, Prime Minister-designate of the Republic of Trinidad and
    Tobago': the letters after the name do not hide the office that follows them."""
    found = people("Jamaican Prime Minister Andrew Holness congratulated the Honourable Kamla Mohan, SC, MP, Prime "
                   "Minister-designate of the Republic of Trinidad and Tobago, on her victory.")
    assert found["Kamla Mohan"][0] == "TTO"


def test_a_listed_name_ends_before_the_sentence_s_full_stop_and_may_run_to_five_words():
    """'the presidents of Colombia, X, and Brazil, Y.': the full stop is the sentence's, and a listed
    name may be as long as "Maria Luiza Costa da Silva"."""
    found = people("European Council President Karl Weber held meetings on Monday with the presidents of Colombia, "
                   "Hugo Lopez, and Brazil, Maria Luiza Costa da Silva.")
    assert found["Maria Luiza Costa da Silva"][0] == "BRA"
    found = people("Cuban Foreign Minister Bruno Ramos held bilateral meetings on Monday with the foreign ministers "
                   "of Argentina, Hugo Lopez, and Nicaragua, Juan Perez.")
    assert found["Juan Perez"][0] == "NIC" and found["Hugo Lopez"][0] == "ARG"


def test_an_office_described_with_its_country_elsewhere_gives_its_one_holder_that_country():
    """'Prime Minister Arsen Vardanyan met ...' states no country; 'the Prime Minister of Armenia' later in
    the article does, and he is the article's one prime minister. The country the story names most
    (here Azerbaijan, told of in every paragraph) is no evidence of whose he is."""
    text = ("Prime Minister Arsen Vardanyan had an informal meeting with European Council President Karl Weber in "
            "Brussels on Sunday.\n\nThey discussed the actions of the Azerbaijani armed forces near the border, "
            "Azerbaijani troop movements and Azerbaijan's demands.\n\nWeber said the European Union supports "
            "the Prime Minister of Armenia in the talks with Azerbaijan.")
    assert people(text)["Arsen Vardanyan"][0] == "ARM"


def test_an_office_described_with_another_holder_s_country_is_not_the_unstated_one_s():
    text = ("Prime Minister Arsen Vardanyan met President Ilkin Mammadli in Brussels on Sunday.\n\nThe Azerbaijani "
            "President said the talks were useful.")
    assert people(text)["Arsen Vardanyan"][0] != "AZE"


def test_a_country_after_a_preposition_of_place_is_where_not_whose():
    """'While in Suriname, President Ali ...': Suriname is where he is, not whose president he is."""
    text = ("President Joel Baptiste arrived in Paramaribo on Saturday for a regional summit.\n\nWhile in Suriname, "
            "President Baptiste met Prime Minister Keith Rowan of Trinidad and Tobago.")
    assert people(text)["Joel Baptiste"][0] != "SUR"


def test_a_designate_s_title_before_honorifics_and_name():
    """'the UK's High Commissioner-designate, H.E. Mr. Christian Rogg': the title holds its '-designate',
    and its country is his."""
    found = people("In discussions with the UK's High Commissioner-designate, H.E. Mr. Tomas Rogg, the Minister "
                   "outlined Ghana's economic diplomacy agenda.")
    assert found["Tomas Rogg"][0] == "GBR"
    found = people("The Minister met British Ambassador-designate, H.E. Mr. Tomas Rogg, on Monday.")
    assert found["Tomas Rogg"][:2] == ("GBR", ["Ambassador-designate"])


def test_a_pronoun_accredited_as_an_office_gives_the_name_before_it_that_office():
    """'received from His Excellency Mr Min-jun Park, Letters of Credence accrediting him as the Ambassador
    of the Republic of Korea': 'him' is Park, and the office and its country are his."""
    found = people("On Wednesday, at Government House, the Governor-General, Sir Peter Hollis, received from His "
                   "Excellency Mr Min-jun Park, Letters of Credence accrediting him as the Ambassador of the "
                   "Republic of Korea.")
    assert found["Min-jun Park"][:2] == ("KOR", ["Ambassador"])


TRANSCRIPT = (
    "Press conference - Parliament House, Ljubljana\n\n"
    "MARIA NOVAK, PRIME MINISTER OF SLOVENIA: Good afternoon. It is a great honour to welcome my very good friend "
    "Prime Minister Horvat to Ljubljana today. We discussed energy and the railway to Zagreb.\n\n"
    "JAN HORVAT, PRIME MINISTER OF CROATIA: Thank you, Maria. I was glad to receive you in Zagreb in March.")


def test_a_transcript_s_speaker_labels_name_the_speakers_and_their_offices():
    found = people(TRANSCRIPT)
    assert found["Maria Novak"][:2] == ("SVN", ["Prime Minister"])
    assert found["Jan Horvat"][:2] == ("HRV", ["Prime Minister"])


def test_in_a_transcript_the_speaker_welcomes():
    """'It is a great honour to welcome my very good friend Prime Minister Horvat to Ljubljana today', said
    in Novak's turn: she welcomes him, now ('it is ... to welcome' announces nothing)."""
    from tests.test_mapper_rules import summary
    assert ("Meeting", "occurred", "2024-05-15", ["Jan Horvat", "Maria Novak"]) in summary(TRANSCRIPT)


def test_a_title_on_the_line_below_a_name_in_a_list_is_its_office():
    from tests.test_structure_layout import ANNOUNCED_LIST
    found = people(ANNOUNCED_LIST)
    assert found["Esteban Crespo Polo"][:2] == ("ECU", ["Ambassador"])
    assert found["Stavros Hatzis"][:2] == ("CYP", ["High Commissioner"])
    assert found["Anne Roy"][0] == "CAN"  # "welcomed ... to Canada": where they came, her own country


def test_a_surname_after_an_abbreviated_title_is_the_dictionary_s_holder_of_that_office():
    """'PM Modi', 'EAM Jaishankar': the press's abbreviations are titles, and one surname after a title is
    the office-holder the dictionary knows by it then; '3 PM Monday' is a time."""
    found = people("PM Modi held talks with President Macron in Paris on Monday. EAM Jaishankar met the press "
                   "there at 3 PM Monday.")
    assert found["Narendra Modi"][:2] == ("IND", ["Prime Minister"])
    assert found["S. Jaishankar"][:2] == ("IND", ["External Affairs Minister"])
    assert set(found) == {"Narendra Modi", "Emmanuel Macron", "S. Jaishankar"}


def test_names_the_dictionary_must_not_confuse():
    """A given name is no surname to look people up by ('Prince Philip' is no Prime Minister Philip), a
    father's name tells two men apart ('Abdullah bin Hamad Al Thani' is not 'Abdullah al-Thani'), and one
    word twice is too little of a name ('Abdullah bin Hamad' is not 'Abdullah Abdullah')."""
    from kg import gazetteer
    g = gazetteer.load()
    assert g.person_by_surname("Philip") is None and g.person_by_surname("Charles") is None
    assert g.person_by_name_words("Abdullah bin Hamad Al Thani") is None
    assert g.person_by_name_words("Abdullah bin Hamad") is None
    assert g.person_by_name_words("Nikol Pashinyan") is not None


def test_an_undated_story_s_officer_of_a_body_is_the_body_s():
    """'European Council President Charles Michel', undated: the body's, not Belgium's (he was its Prime
    Minister before)."""
    found = people("European Council President Charles Michel met Armenian Prime Minister Nikol Pashinyan in "
                   "Brussels.", published=None)
    assert found["Charles Michel"][0] is None and found["Nikol Pashinyan"][0] == "ARM"


def test_a_second_spelling_of_a_known_name_is_that_person():
    """Transliterations differ between outlets: 'Abdal Fatah Al-Burhan', 'Mohammed bin Zayed Al Nahyan',
    'Sergei Lavrov' are the dictionary's Abdel Fattah al-Burhan, Mohamed bin Zayed, Sergey Lavrov; another
    given name with the same family name is another person ('Saeed bin Zayed Al Nahyan')."""
    from kg import gazetteer
    g = gazetteer.load()
    assert g.person_by_name_words("Abdal Fatah Al-Burhan").name == "Abdel Fattah al-Burhan"
    assert g.person_by_name_words("Mohammed bin Zayed Al Nahyan").name == "Mohamed bin Zayed Al Nahyan"
    assert g.person_by_name_words("Sergei Lavrov").name == "Sergey Lavrov"
    assert g.person_by_name_words("Saeed bin Zayed Al Nahyan") is None


def test_the_one_word_names_the_dictionary_gives_are_those_people_in_context():
    """'Indonesian President Jokowi', 'Brazilian President Lula', 'Chinese President Xi', 'MBS': names the
    press gives leaders, listed as such in the dictionary, are those leaders where the text reads a name."""
    found = people("Indonesian President Jokowi met Brazilian President Lula in Jakarta on Monday. Chinese "
                   "President Xi met Putin in Moscow. MBS met Erdogan in Riyadh.")
    assert {"Joko Widodo", "Luiz Inácio Lula da Silva", "Xi Jinping", "Mohammed bin Salman"} <= set(found)
