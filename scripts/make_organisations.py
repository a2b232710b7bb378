#!/usr/bin/env python3
"""Generate ontology/reference/organisations.ttl from the hand-written table below.

Each organisation is an IRI https://w3id.org/dipkg/id/org/{slug} where the slug is made from
its skos:prefLabel with kg.namespaces.slug (lower-case ASCII words joined by "-"). Types are the
dip: subclasses of dip:Organisation (see ontology/MODEL.md). dip:country is given for national
bodies; dip:wikidata only where the item is known with confidence (omitted otherwise).

Every label and acronym is unique across organisations (a test checks it): ambiguous generic
names such as "Ministry of Foreign Affairs", "Senate" or "Congress" are deliberately not labels,
since the gazetteer matches labels and acronyms globally and case-sensitively.

Deterministic output: grouped by type, sorted by slug. Run:
    .venv/bin/python scripts/make_organisations.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from kg.namespaces import slug  # noqa: E402
from make_countries import PREFIXES, block, lit, uniq_sorted  # noqa: E402

OUT = ROOT / "ontology" / "reference" / "organisations.ttl"

IGO, PARTY, AGENCY, LEGIS, MINISTRY, GOV = (
    "IntergovernmentalOrganisation", "PoliticalParty", "NewsAgency", "Legislature", "Ministry", "GovernmentBody")

KIND_HEADINGS = {
    IGO: "Intergovernmental organisations, their organs and agencies, and standing multilateral forums",
    LEGIS: "Legislatures (national and supranational)",
    MINISTRY: "Ministries of foreign affairs and defence",
    GOV: "Other government bodies",
    PARTY: "Political parties",
    AGENCY: "News agencies",
}


class O:
    def __init__(self, kind, pref, acr=None, cc=None, qid=None, alt=(), comment=None, part_of=None):
        self.kind, self.pref, self.acr, self.cc, self.qid = kind, pref, acr, cc, qid
        self.part_of = part_of  # the body this one is an organ of (W3C ORG org:subOrganizationOf)
        self.alt, self.comment = tuple(alt), comment

    @property
    def slug(self) -> str:
        return slug(self.pref)


ORGANISATIONS: list[O] = [
    # ------------------------------------------------------------------ the UN system
    O(IGO, "United Nations", "UN", qid=1065, alt=["U.N.", "the United Nations", "UNO"]),
    O(IGO, "United Nations Security Council", "UNSC", qid=37470,
      alt=["UN Security Council", "U.N. Security Council", "Security Council of the United Nations"], part_of="United Nations"),
    O(IGO, "United Nations General Assembly", "UNGA", qid=47423,
      alt=["UN General Assembly", "U.N. General Assembly"], part_of="United Nations"),
    O(IGO, "United Nations Human Rights Council", "UNHRC", qid=205650,
      alt=["UN Human Rights Council", "Human Rights Council"], part_of="United Nations"),
    O(IGO, "Office of the United Nations High Commissioner for Human Rights", "OHCHR", qid=656812,
      alt=["UN Human Rights Office", "UN human rights office"]),
    O(IGO, "United Nations Development Programme", "UNDP", qid=161718,
      alt=["UN Development Programme", "United Nations Development Program"]),
    O(IGO, "United Nations Children's Fund", "UNICEF", qid=740308, alt=["UN Children's Fund", "Unicef"]),
    O(IGO, "United Nations High Commissioner for Refugees", "UNHCR", qid=132551,
      alt=["UN Refugee Agency", "UN refugee agency", "Office of the United Nations High Commissioner for Refugees"]),
    O(IGO, "United Nations Educational, Scientific and Cultural Organization", "UNESCO", qid=7809,
      alt=["Unesco", "UN Educational, Scientific and Cultural Organization"]),
    O(IGO, "World Food Programme", "WFP", qid=204344, alt=["UN World Food Programme", "World Food Program"]),
    O(IGO, "Food and Agriculture Organization", "FAO", qid=82151,
      alt=["Food and Agriculture Organization of the United Nations", "UN Food and Agriculture Organization"]),
    O(IGO, "World Health Organization", "WHO", qid=7817, alt=["World Health Organisation"]),
    O(IGO, "International Labour Organization", "ILO", qid=54129,
      alt=["International Labor Organization", "International Labour Organisation"]),
    O(IGO, "International Atomic Energy Agency", "IAEA", qid=41984, alt=["UN nuclear watchdog"]),
    O(IGO, "United Nations Population Fund", "UNFPA", alt=["UN Population Fund"]),
    O(IGO, "United Nations Environment Programme", "UNEP", alt=["UN Environment Programme", "UN Environment"]),
    O(IGO, "United Nations Office on Drugs and Crime", "UNODC", alt=["UN Office on Drugs and Crime"]),
    O(IGO, "United Nations Office for the Coordination of Humanitarian Affairs", "OCHA", qid=1065854,
      alt=["UN Office for the Coordination of Humanitarian Affairs", "UNOCHA"]),
    O(IGO, "United Nations Relief and Works Agency for Palestine Refugees in the Near East", "UNRWA", qid=846656,
      alt=["UN Relief and Works Agency"]),
    O(IGO, "United Nations Economic and Social Commission for Asia and the Pacific", "ESCAP",
      alt=["UNESCAP", "UN ESCAP"]),
    O(IGO, "United Nations Conference on Trade and Development", "UNCTAD", alt=["UN Trade and Development"]),
    O(IGO, "World Intellectual Property Organization", "WIPO", qid=177773),
    O(IGO, "International Court of Justice", "ICJ", qid=7801, alt=["World Court"]),
    O(IGO, "International Criminal Court", "ICC", qid=47488),
    O(IGO, "International Monetary Fund", "IMF", qid=7804),
    O(IGO, "World Bank", None, alt=["World Bank Group", "International Bank for Reconstruction and Development"]),
    O(IGO, "World Trade Organization", "WTO", qid=7825, alt=["World Trade Organisation"]),
    # ------------------------------------------------------------------ Asia and the Pacific
    O(IGO, "Association of Southeast Asian Nations", "ASEAN", qid=7768,
      alt=["Association of South East Asian Nations", "Association of South-East Asian Nations"]),
    O(IGO, "ASEAN Secretariat", None, alt=["Secretariat of ASEAN"], part_of="Association of Southeast Asian Nations"),
    O(IGO, "ASEAN Regional Forum", "ARF"),
    O(IGO, "East Asia Summit", "EAS"),
    O(IGO, "ASEAN Inter-Parliamentary Assembly", "AIPA"),
    O(IGO, "Mekong River Commission", "MRC"),
    O(IGO, "Lancang-Mekong Cooperation", "LMC", alt=["Mekong-Lancang Cooperation", "Lancang-Mekong Cooperation Mechanism"]),
    O(IGO, "Ayeyawady-Chao Phraya-Mekong Economic Cooperation Strategy", "ACMECS"),
    O(IGO, "Asia-Pacific Economic Cooperation", "APEC", alt=["Asia Pacific Economic Cooperation"]),
    O(IGO, "Asia-Europe Meeting", "ASEM"),
    O(IGO, "Asian Development Bank", "ADB"),
    O(IGO, "Asian Infrastructure Investment Bank", "AIIB"),
    O(IGO, "South Asian Association for Regional Cooperation", "SAARC"),
    O(IGO, "Bay of Bengal Initiative for Multi-Sectoral Technical and Economic Cooperation", "BIMSTEC"),
    O(IGO, "Shanghai Cooperation Organisation", "SCO", alt=["Shanghai Cooperation Organization"]),
    O(IGO, "Pacific Islands Forum", "PIF"),
    O(IGO, "Quadrilateral Security Dialogue", None, alt=["Quad", "the Quad"],
      comment="An informal strategic forum of Australia, India, Japan and the United States, not a treaty organisation."),
    O(IGO, "Indian Ocean Rim Association", "IORA"),
    # ------------------------------------------------------------------ Europe and the North Atlantic
    O(IGO, "European Union", "EU", qid=458, alt=["the European Union", "the EU"]),
    O(IGO, "European Commission", None, qid=8880, alt=["EU Commission", "Commission of the European Union"], part_of="European Union"),
    O(IGO, "European Council", None, qid=8886, part_of="European Union"),
    O(IGO, "Council of the European Union", None, qid=8896, alt=["Council of the EU", "EU Council"], part_of="European Union"),
    O(IGO, "European External Action Service", "EEAS", qid=672941, part_of="European Union"),
    O(IGO, "North Atlantic Treaty Organization", "NATO", qid=7184,
      alt=["North Atlantic Treaty Organisation", "North Atlantic Alliance"]),
    O(IGO, "Organization for Security and Co-operation in Europe", "OSCE", qid=81299,
      alt=["Organisation for Security and Co-operation in Europe", "Organization for Security and Cooperation in Europe"]),
    O(IGO, "Council of Europe", None, qid=8908),
    O(IGO, "Organisation for Economic Co-operation and Development", "OECD", qid=41550,
      alt=["Organization for Economic Cooperation and Development"]),
    O(IGO, "Eurasian Economic Union", "EAEU", alt=["EEU"]),
    O(IGO, "Collective Security Treaty Organization", "CSTO"),
    O(IGO, "Commonwealth of Independent States", "CIS"),
    # ------------------------------------------------------------------ Africa and the Middle East
    O(IGO, "African Union", "AU", qid=7159),
    O(IGO, "African Union Commission", "AUC", qid=2362881, part_of="African Union"),
    O(IGO, "Economic Community of West African States", "ECOWAS", qid=193272),
    O(IGO, "Southern African Development Community", "SADC"),
    O(IGO, "Intergovernmental Authority on Development", "IGAD"),
    O(IGO, "East African Community", "EAC", qid=337456),
    O(IGO, "African Development Bank", "AfDB", alt=["AFDB"]),
    O(IGO, "League of Arab States", None, qid=7172, alt=["Arab League"]),
    O(IGO, "Gulf Cooperation Council", "GCC", qid=217172,
      alt=["Cooperation Council for the Arab States of the Gulf"]),
    O(IGO, "Organisation of Islamic Cooperation", "OIC", qid=47543, alt=["Organization of Islamic Cooperation"]),
    O(IGO, "Organization of the Petroleum Exporting Countries", "OPEC", qid=7795,
      alt=["Organisation of the Petroleum Exporting Countries"]),
    # ------------------------------------------------------------------ the Americas
    O(IGO, "Organization of American States", "OAS", qid=123759),
    O(IGO, "Caribbean Community", "CARICOM", qid=205995, alt=["Caricom"]),
    O(IGO, "Southern Common Market", "Mercosur", alt=["MERCOSUR", "Mercosul"]),
    O(IGO, "Community of Latin American and Caribbean States", "CELAC"),
    # ------------------------------------------------------------------ global groupings and others
    O(IGO, "Group of Seven", "G7", alt=["G-7"]),
    O(IGO, "Group of Twenty", "G20", qid=19771, alt=["G-20"]),
    O(IGO, "BRICS", None),
    O(IGO, "Commonwealth of Nations", None, qid=7785, alt=["the Commonwealth"]),
    O(IGO, "Non-Aligned Movement", "NAM", qid=83201),
    O(IGO, "Organisation internationale de la Francophonie", "OIF",
      alt=["International Organisation of La Francophonie", "La Francophonie", "Francophonie"]),
    O(IGO, "International Criminal Police Organization", "INTERPOL", qid=8475, alt=["Interpol"]),
    O(IGO, "International Committee of the Red Cross", "ICRC",
      comment="Not an intergovernmental organisation in the strict sense (a private humanitarian body with an "
              "international mandate under the Geneva Conventions); typed here with the IGOs it works alongside."),

    # ================================================================== legislatures
    O(LEGIS, "Senate of Cambodia", None, "KHM",
      alt=["Cambodian Senate", "Senate of the Kingdom of Cambodia", "Cambodia's Senate"]),
    O(LEGIS, "National Assembly of Cambodia", None, "KHM",
      alt=["Cambodian National Assembly", "National Assembly of the Kingdom of Cambodia"]),
    O(LEGIS, "National Assembly of Vietnam", None, "VNM",
      alt=["Vietnamese National Assembly", "National Assembly of Viet Nam", "Vietnam National Assembly"]),
    O(LEGIS, "National Assembly of Laos", None, "LAO",
      alt=["Lao National Assembly", "National Assembly of the Lao PDR"]),
    O(LEGIS, "National Assembly of Thailand", None, "THA", alt=["Thai National Assembly", "Thai Parliament"]),
    O(LEGIS, "Senate of Thailand", None, "THA", alt=["Thai Senate"]),
    O(LEGIS, "House of Representatives of Thailand", None, "THA", alt=["Thai House of Representatives"]),
    O(LEGIS, "Parliament of Malaysia", None, "MYS", alt=["Malaysian Parliament", "Dewan Rakyat", "Dewan Negara"]),
    O(LEGIS, "Parliament of Singapore", None, "SGP", alt=["Singapore Parliament", "Singaporean Parliament"]),
    O(LEGIS, "People's Consultative Assembly", "MPR", "IDN", alt=["Indonesian People's Consultative Assembly"]),
    O(LEGIS, "House of Representatives of Indonesia", "DPR", "IDN",
      alt=["Indonesian House of Representatives", "Dewan Perwakilan Rakyat"]),
    O(LEGIS, "Senate of the Philippines", None, "PHL", alt=["Philippine Senate"]),
    O(LEGIS, "House of Representatives of the Philippines", None, "PHL", alt=["Philippine House of Representatives"]),
    O(LEGIS, "Assembly of the Union of Myanmar", None, "MMR", alt=["Pyidaungsu Hluttaw", "Myanmar Parliament"]),
    O(LEGIS, "National People's Congress", "NPC", "CHN", alt=["China's National People's Congress"]),
    O(LEGIS, "Standing Committee of the National People's Congress", "NPCSC", "CHN",
      alt=["NPC Standing Committee"]),
    O(LEGIS, "National Diet", None, "JPN", alt=["Diet of Japan", "Japanese Diet"]),
    O(LEGIS, "National Assembly of the Republic of Korea", None, "KOR",
      alt=["National Assembly of South Korea", "South Korean National Assembly", "Korean National Assembly"]),
    O(LEGIS, "Parliament of India", None, "IND", alt=["Indian Parliament"]),
    O(LEGIS, "Lok Sabha", None, "IND"),
    O(LEGIS, "Rajya Sabha", None, "IND"),
    O(LEGIS, "United States Congress", None, "USA", alt=["US Congress", "U.S. Congress"]),
    O(LEGIS, "United States Senate", None, "USA", alt=["US Senate", "U.S. Senate"]),
    O(LEGIS, "United States House of Representatives", None, "USA",
      alt=["US House of Representatives", "U.S. House of Representatives"]),
    O(LEGIS, "Parliament of the United Kingdom", None, "GBR", alt=["UK Parliament", "British Parliament"]),
    O(LEGIS, "House of Commons of the United Kingdom", None, "GBR", alt=["British House of Commons", "UK House of Commons"]),
    O(LEGIS, "House of Lords", None, "GBR"),
    O(LEGIS, "National Assembly of France", None, "FRA", alt=["French National Assembly", "Assemblée nationale"]),
    O(LEGIS, "Senate of France", None, "FRA", alt=["French Senate"]),
    O(LEGIS, "Bundestag", None, "DEU", alt=["German Bundestag", "Deutscher Bundestag"]),
    O(LEGIS, "State Duma", None, "RUS", alt=["Russian State Duma"]),
    O(LEGIS, "Federation Council of Russia", None, "RUS", alt=["Russian Federation Council"]),
    O(LEGIS, "Parliament of Australia", None, "AUS", alt=["Australian Parliament"]),
    O(LEGIS, "Parliament of Canada", None, "CAN", alt=["Canadian Parliament"]),
    O(LEGIS, "Parliament of South Africa", None, "ZAF", alt=["South African Parliament"]),
    O(LEGIS, "European Parliament", None, qid=8889, alt=["EU Parliament"]),

    # ================================================================== ministries
    O(MINISTRY, "Ministry of Foreign Affairs and International Cooperation", "MFAIC", "KHM",
      alt=["Cambodian Ministry of Foreign Affairs and International Cooperation", "Cambodian Foreign Ministry",
           "Cambodian Ministry of Foreign Affairs", "Ministry of Foreign Affairs and International Cooperation of Cambodia"]),
    O(MINISTRY, "Ministry of National Defence of Cambodia", None, "KHM",
      alt=["Cambodian Ministry of National Defence", "Cambodian Defence Ministry"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Vietnam", None, "VNM",
      alt=["Vietnamese Ministry of Foreign Affairs", "Vietnamese Foreign Ministry", "Ministry of Foreign Affairs of Viet Nam"]),
    O(MINISTRY, "Ministry of National Defence of Vietnam", None, "VNM",
      alt=["Vietnamese Ministry of National Defence", "Vietnamese Defence Ministry"]),
    O(MINISTRY, "Ministry of Public Security of Vietnam", None, "VNM",
      alt=["Vietnamese Ministry of Public Security"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Laos", None, "LAO",
      alt=["Lao Ministry of Foreign Affairs", "Lao Foreign Ministry"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Thailand", None, "THA",
      alt=["Thai Ministry of Foreign Affairs", "Thai Foreign Ministry"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Malaysia", None, "MYS",
      alt=["Malaysian Ministry of Foreign Affairs", "Malaysian Foreign Ministry", "Wisma Putra"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Singapore", None, "SGP",
      alt=["Singapore Ministry of Foreign Affairs", "Singaporean Ministry of Foreign Affairs"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Indonesia", None, "IDN",
      alt=["Indonesian Ministry of Foreign Affairs", "Indonesian Foreign Ministry"]),
    O(MINISTRY, "Department of Foreign Affairs of the Philippines", "DFA", "PHL",
      alt=["Philippine Department of Foreign Affairs", "Department of Foreign Affairs (Philippines)"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Myanmar", None, "MMR",
      alt=["Myanmar Ministry of Foreign Affairs", "Myanmar Foreign Ministry"]),
    O(MINISTRY, "Ministry of Foreign Affairs of China", None, "CHN",
      alt=["Chinese Ministry of Foreign Affairs", "Chinese Foreign Ministry",
           "Ministry of Foreign Affairs of the People's Republic of China"]),
    O(MINISTRY, "Ministry of National Defense of China", None, "CHN",
      alt=["Chinese Ministry of National Defense", "Chinese Defense Ministry"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Japan", None, "JPN",
      alt=["Japanese Ministry of Foreign Affairs", "Japanese Foreign Ministry"]),
    O(MINISTRY, "Ministry of Foreign Affairs of the Republic of Korea", None, "KOR",
      alt=["South Korean Ministry of Foreign Affairs", "South Korean Foreign Ministry"]),
    O(MINISTRY, "Ministry of External Affairs", "MEA", "IND",
      alt=["Indian Ministry of External Affairs", "Ministry of External Affairs of India"]),
    O(MINISTRY, "United States Department of State", None, "USA",
      alt=["State Department", "Department of State", "US Department of State", "U.S. Department of State",
           "US State Department", "U.S. State Department"]),
    O(MINISTRY, "United States Department of Defense", None, "USA",
      alt=["Pentagon", "the Pentagon", "US Department of Defense", "U.S. Department of Defense", "Department of Defense",
           "Department of War", "US Department of War"]),
    O(MINISTRY, "Foreign, Commonwealth and Development Office", "FCDO", "GBR",
      alt=["Foreign Office", "British Foreign Office", "UK Foreign Office", "Foreign and Commonwealth Office", "FCO"]),
    O(MINISTRY, "Ministry for Europe and Foreign Affairs", None, "FRA",
      alt=["French Ministry for Europe and Foreign Affairs", "French Foreign Ministry", "Quai d'Orsay"]),
    O(MINISTRY, "Federal Foreign Office", None, "DEU",
      alt=["German Foreign Office", "German Federal Foreign Office", "Auswärtiges Amt", "German Foreign Ministry"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Russia", None, "RUS",
      alt=["Russian Ministry of Foreign Affairs", "Russian Foreign Ministry",
           "Ministry of Foreign Affairs of the Russian Federation"]),
    O(MINISTRY, "Department of Foreign Affairs and Trade", "DFAT", "AUS",
      alt=["Australian Department of Foreign Affairs and Trade"]),
    O(MINISTRY, "Global Affairs Canada", None, "CAN"),
    O(MINISTRY, "Ministry of Foreign Affairs and Trade of New Zealand", "MFAT", "NZL",
      alt=["New Zealand Ministry of Foreign Affairs and Trade"]),
    O(MINISTRY, "Department of International Relations and Cooperation", "DIRCO", "ZAF",
      alt=["South African Department of International Relations and Cooperation"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Italy", None, "ITA",
      alt=["Italian Ministry of Foreign Affairs", "Italian Foreign Ministry", "Farnesina"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Brazil", None, "BRA",
      alt=["Brazilian Ministry of Foreign Affairs", "Brazilian Foreign Ministry", "Itamaraty"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Turkey", None, "TUR",
      alt=["Turkish Ministry of Foreign Affairs", "Turkish Foreign Ministry"]),
    O(MINISTRY, "Secretariat of Foreign Affairs of Mexico", "SRE", "MEX",
      alt=["Mexican Secretariat of Foreign Affairs", "Mexican Foreign Ministry"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Saudi Arabia", None, "SAU",
      alt=["Saudi Ministry of Foreign Affairs", "Saudi Foreign Ministry"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Poland", None, "POL",
      alt=["Polish Ministry of Foreign Affairs", "Polish Foreign Ministry",
           "Ministry of Foreign Affairs of the Republic of Poland"]),
    O(MINISTRY, "Ministry of Foreign Affairs and Regional Integration", None, "GHA",
      alt=["Ghanaian Ministry of Foreign Affairs and Regional Integration", "Ghana's Foreign Ministry"]),
    O(MINISTRY, "Ministry of Foreign and Diaspora Affairs", None, "KEN",
      alt=["Kenyan Ministry of Foreign and Diaspora Affairs", "Kenyan Foreign Ministry"]),
    O(MINISTRY, "Ministry of Foreign and European Affairs of Croatia", None, "HRV",
      alt=["Croatian Ministry of Foreign and European Affairs", "Croatian Foreign Ministry"]),
    O(MINISTRY, "Ministry of Foreign Affairs of Egypt", None, "EGY",
      alt=["Egyptian Ministry of Foreign Affairs", "Egyptian Foreign Ministry"]),

    # ================================================================== other government bodies
    O(GOV, "Royal Government of Cambodia", "RGC", "KHM", alt=["Cambodian government", "Cambodian Government"]),
    O(GOV, "Government of Vietnam", None, "VNM", alt=["Vietnamese government", "Vietnamese Government",
                                                      "Government of Viet Nam"]),
    O(GOV, "White House", None, "USA", alt=["the White House"]),
    O(GOV, "Kremlin", None, "RUS", alt=["the Kremlin"]),
    O(GOV, "Jamaica Information Service", "JIS", "JAM"),
    O(GOV, "State Council of the People's Republic of China", None, "CHN", alt=["Chinese State Council"]),

    # ================================================================== political parties
    O(PARTY, "Cambodian People's Party", "CPP", "KHM", alt=["Cambodian People’s Party"]),
    O(PARTY, "Cambodia National Rescue Party", "CNRP", "KHM"),
    O(PARTY, "FUNCINPEC", "FUNCINPEC", "KHM",
      alt=["National United Front for an Independent, Neutral, Peaceful and Cooperative Cambodia", "Funcinpec"]),
    O(PARTY, "Candlelight Party", None, "KHM"),
    O(PARTY, "Sam Rainsy Party", "SRP", "KHM"),
    O(PARTY, "Communist Party of Vietnam", "CPV", "VNM",
      alt=["Communist Party of Viet Nam", "Vietnamese Communist Party", "Vietnam Communist Party"]),
    O(PARTY, "Lao People's Revolutionary Party", "LPRP", "LAO", alt=["Lao People’s Revolutionary Party"]),
    O(PARTY, "Communist Party of China", "CPC", "CHN", alt=["Chinese Communist Party", "CCP"]),
    O(PARTY, "Workers' Party of Korea", "WPK", "PRK", alt=["Workers’ Party of Korea"]),
    O(PARTY, "Communist Party of Cuba", None, "CUB", alt=["Cuban Communist Party"]),
    O(PARTY, "National League for Democracy", "NLD", "MMR"),
    O(PARTY, "Union Solidarity and Development Party", "USDP", "MMR"),
    O(PARTY, "Pheu Thai Party", None, "THA", alt=["Pheu Thai"]),
    O(PARTY, "Palang Pracharath Party", "PPRP", "THA", alt=["Palang Pracharath"]),
    O(PARTY, "Bhumjaithai Party", None, "THA", alt=["Bhumjaithai"]),
    O(PARTY, "Move Forward Party", None, "THA"),
    O(PARTY, "Democrat Party of Thailand", None, "THA", alt=["Thai Democrat Party"]),
    O(PARTY, "United Malays National Organisation", "UMNO", "MYS", alt=["United Malays National Organization"]),
    O(PARTY, "People's Justice Party of Malaysia", "PKR", "MYS", alt=["Parti Keadilan Rakyat"]),
    O(PARTY, "People's Action Party", "PAP", "SGP"),
    O(PARTY, "Indonesian Democratic Party of Struggle", "PDI-P", "IDN", alt=["PDI-Perjuangan"]),
    O(PARTY, "Great Indonesia Movement Party", None, "IDN", alt=["Gerindra", "Gerindra Party"]),
    O(PARTY, "Golkar", None, "IDN", alt=["Golkar Party", "Party of Functional Groups"]),
    O(PARTY, "Liberal Democratic Party of Japan", "LDP", "JPN", alt=["Japan's Liberal Democratic Party"]),
    O(PARTY, "Constitutional Democratic Party of Japan", "CDPJ", "JPN"),
    O(PARTY, "Democratic Party of Korea", "DPK", "KOR", alt=["South Korea's Democratic Party"]),
    O(PARTY, "People Power Party", None, "KOR"),
    O(PARTY, "Bharatiya Janata Party", "BJP", "IND"),
    O(PARTY, "Indian National Congress", "INC", "IND", alt=["Congress Party"]),
    O(PARTY, "Pakistan Muslim League (N)", "PML-N", "PAK", alt=["Pakistan Muslim League-Nawaz"]),
    O(PARTY, "Pakistan Tehreek-e-Insaf", None, "PAK", alt=["Pakistan Tehreek-i-Insaf"],
      comment="Its acronym PTI is not recorded because it is also that of the Press Trust of India."),
    O(PARTY, "Bangladesh Awami League", None, "BGD", alt=["Awami League"]),
    O(PARTY, "Bangladesh Nationalist Party", "BNP", "BGD"),
    O(PARTY, "Democratic Party (United States)", None, "USA", alt=["US Democratic Party", "U.S. Democratic Party"],
      comment="The bare name \"Democratic Party\" is not a label: it is shared by parties in many countries."),
    O(PARTY, "Republican Party (United States)", "GOP", "USA", alt=["US Republican Party", "U.S. Republican Party"]),
    O(PARTY, "Conservative Party (United Kingdom)", None, "GBR", alt=["UK Conservative Party", "British Conservative Party", "Tory Party"]),
    O(PARTY, "Labour Party (United Kingdom)", None, "GBR", alt=["UK Labour Party", "British Labour Party"]),
    O(PARTY, "Christian Democratic Union of Germany", "CDU", "DEU"),
    O(PARTY, "Social Democratic Party of Germany", "SPD", "DEU"),
    O(PARTY, "National Rally", None, "FRA", alt=["Rassemblement National"]),
    O(PARTY, "United Russia", None, "RUS"),
    O(PARTY, "Justice and Development Party (Turkey)", None, "TUR", alt=["AK Party", "AK Parti"],
      comment="Its acronym AKP is not recorded because it is also that of Agence Kampuchea Presse."),
    O(PARTY, "Likud", None, "ISR"),
    O(PARTY, "Australian Labor Party", "ALP", "AUS"),
    O(PARTY, "Liberal Party of Australia", None, "AUS"),
    O(PARTY, "Liberal Party of Canada", None, "CAN"),
    O(PARTY, "Conservative Party of Canada", None, "CAN"),
    O(PARTY, "Workers' Party (Brazil)", None, "BRA", alt=["Partido dos Trabalhadores"]),
    O(PARTY, "Morena", None, "MEX", alt=["National Regeneration Movement"]),
    O(PARTY, "United Socialist Party of Venezuela", "PSUV", "VEN"),
    O(PARTY, "African National Congress", "ANC", "ZAF"),
    O(PARTY, "All Progressives Congress", "APC", "NGA"),
    O(PARTY, "National Democratic Congress", "NDC", "GHA", alt=["National Democratic Congress (Ghana)"]),
    O(PARTY, "New Patriotic Party", "NPP", "GHA"),
    O(PARTY, "Prosperity Party", None, "ETH"),
    O(PARTY, "Chama Cha Mapinduzi", "CCM", "TZA"),
    O(PARTY, "ZANU-PF", "ZANU-PF", "ZWE", alt=["Zimbabwe African National Union – Patriotic Front"]),
    O(PARTY, "People's Movement for the Liberation of Angola", "MPLA", "AGO"),
    O(PARTY, "FRELIMO", "FRELIMO", "MOZ", alt=["Mozambique Liberation Front", "Frelimo"]),
    O(PARTY, "SWAPO", "SWAPO", "NAM", alt=["South West Africa People's Organisation", "Swapo"]),

    # ================================================================== news agencies
    O(AGENCY, "Vietnam News Agency", "VNA", "VNM", alt=["Viet Nam News Agency", "Vietnam News Agency (VNA)"]),
    O(AGENCY, "Agence Kampuchea Presse", "AKP", "KHM", alt=["Agence Kampuchéa Presse"]),
    O(AGENCY, "Khaosan Pathet Lao", "KPL", "LAO", alt=["Lao News Agency"]),
    O(AGENCY, "Xinhua News Agency", None, "CHN", alt=["Xinhua"]),
    O(AGENCY, "China News Service", None, "CHN"),
    O(AGENCY, "TASS", "TASS", "RUS", qid=223799, alt=["TASS Russian News Agency", "ITAR-TASS"]),
    O(AGENCY, "RIA Novosti", None, "RUS"),
    O(AGENCY, "Interfax", None, "RUS", qid=379271),
    O(AGENCY, "Kyodo News", None, "JPN", alt=["Kyodo"]),
    O(AGENCY, "Jiji Press", None, "JPN", alt=["Jiji"]),
    O(AGENCY, "Yonhap News Agency", None, "KOR", alt=["Yonhap"]),
    O(AGENCY, "Korean Central News Agency", "KCNA", "PRK"),
    O(AGENCY, "Bernama", None, "MYS", alt=["Malaysian National News Agency", "BERNAMA"]),
    O(AGENCY, "Antara", None, "IDN", alt=["Antara News Agency", "ANTARA"]),
    O(AGENCY, "Philippine News Agency", "PNA", "PHL"),
    O(AGENCY, "Thai News Agency", "TNA", "THA"),
    O(AGENCY, "National News Bureau of Thailand", "NNT", "THA"),
    O(AGENCY, "Myanmar News Agency", "MNA", "MMR"),
    O(AGENCY, "Press Trust of India", "PTI", "IND"),
    O(AGENCY, "Asian News International", "ANI", "IND"),
    O(AGENCY, "Associated Press of Pakistan", "APP", "PAK"),
    O(AGENCY, "Bangladesh Sangbad Sangstha", "BSS", "BGD"),
    O(AGENCY, "Rastriya Samachar Samiti", None, "NPL"),
    O(AGENCY, "Agence France-Presse", "AFP", "FRA", qid=40464, alt=["Agence France Presse"]),
    O(AGENCY, "Reuters", None, "GBR", qid=130879),
    O(AGENCY, "Associated Press", "AP", "USA", qid=40469, alt=["the Associated Press"]),
    O(AGENCY, "United Press International", "UPI", "USA"),
    O(AGENCY, "Deutsche Presse-Agentur", "dpa", "DEU", qid=312653, alt=["DPA"]),
    O(AGENCY, "EFE", "EFE", "ESP", alt=["Agencia EFE"]),
    O(AGENCY, "ANSA", "ANSA", "ITA", qid=392934, alt=["Agenzia Nazionale Stampa Associata"]),
    O(AGENCY, "Anadolu Agency", None, "TUR", alt=["Anadolu Ajansı"]),
    O(AGENCY, "Islamic Republic News Agency", "IRNA", "IRN"),
    O(AGENCY, "Middle East News Agency", None, "EGY"),
    O(AGENCY, "Saudi Press Agency", "SPA", "SAU"),
    O(AGENCY, "Emirates News Agency", "WAM", "ARE"),
    O(AGENCY, "Qatar News Agency", "QNA", "QAT"),
    O(AGENCY, "News Agency of Nigeria", "NAN", "NGA"),
    O(AGENCY, "Kenya News Agency", "KNA", "KEN"),
    O(AGENCY, "Ethiopian News Agency", "ENA", "ETH"),
    O(AGENCY, "Australian Associated Press", "AAP", "AUS"),
    O(AGENCY, "Agência Brasil", None, "BRA", alt=["Agencia Brasil"]),
    O(AGENCY, "Prensa Latina", None, "CUB"),
    O(AGENCY, "Lusa", None, "PRT", alt=["Lusa News Agency", "Agência Lusa"]),
    O(AGENCY, "Andina", None, "PER", alt=["Agencia Andina", "ANDINA", "Andina News Agency"]),
    O(AGENCY, "Montsame", None, "MNG", alt=["MONTSAME", "Montsame News Agency"]),
    O(AGENCY, "National News Agency of Uzbekistan", "UzA", "UZB"),
    O(AGENCY, "Angola Press Agency", "ANGOP", "AGO", alt=["Angola Press"]),
    O(AGENCY, "Ghana News Agency", "GNA", "GHA"),
]


def build() -> str:
    slugs = [o.slug for o in ORGANISATIONS]
    dupes = sorted({s for s in slugs if slugs.count(s) > 1})
    if dupes:
        sys.exit(f"duplicate organisation slugs: {dupes}")
    out = [
        "# Organisations: intergovernmental organisations, legislatures, ministries, government bodies,\n",
        "# political parties and news agencies, as dip:Organisation subclasses.\n",
        "# GENERATED by scripts/make_organisations.py - do not edit by hand; edit the script's table and re-run.\n\n",
        PREFIXES, "\n",
    ]
    for kind in KIND_HEADINGS:
        members = sorted((o for o in ORGANISATIONS if o.kind == kind), key=lambda o: o.slug)
        out.append("#" * 100 + f"\n# {KIND_HEADINGS[kind]} (dip:{kind}): {len(members)}\n" + "#" * 100 + "\n\n")
        for o in members:
            alts = uniq_sorted(a for a in o.alt if a != o.pref)
            out.append(block(f"organisation:{o.slug}", [
                ("a", [f"dip:{kind}"]),
                ("skos:prefLabel", [lit(o.pref)]),
                ("skos:altLabel", [lit(a) for a in alts]),
                ("dip:acronym", [lit(o.acr, None)] if o.acr else []),
                ("dip:country", [f"country:{o.cc}"] if o.cc else []),
                ("dip:wikidata", [f"wd:Q{o.qid}"] if o.qid else []),
                ("org:subOrganizationOf", [f"organisation:{slug(o.part_of)}"] if o.part_of else []),
                ("rdfs:comment", [lit(o.comment)] if o.comment else []),
            ]))
            out.append("\n")
    return "".join(out).rstrip("\n") + "\n"


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(build(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(ORGANISATIONS)} organisations)")


if __name__ == "__main__":
    main()
