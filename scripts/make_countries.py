#!/usr/bin/env python3
"""Generate ontology/reference/countries.ttl: every ISO 3166-1 entry as a dip:Country.

Sources
-------
* ``pycountry`` (ISO 3166-1 as shipped in the installed version): alpha-2, alpha-3, numeric
  codes, the ISO short name, the official name and the common name.
* The hand-written table ``TABLE`` below: for every entry, the name used in English-language
  news (skos:prefLabel), other names and short forms (skos:altLabel), demonyms / adjectives
  (dip:demonym), the Wikidata item where known with confidence (omitted otherwise), the
  capital (dip:capital) and a few well-known cities (dip:city) used to recognise datelines.

The gazetteer matches labels case-sensitively, so short forms such as "US" and "U.S." are safe.
Every label is unique across countries (a test checks it), so a surface form resolves to one
country only: deliberately ambiguous adjectives such as "Korean" or "Congolese" (for the
Republic of the Congo) are left out.

The output is deterministic: countries are sorted by alpha-3 code and every multi-valued
property is sorted. Run:  .venv/bin/python scripts/make_countries.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ontology" / "reference" / "countries.ttl"

PREFIXES = """\
@prefix dip: <https://w3id.org/dipkg/ontology#> .
@prefix dipid: <https://w3id.org/dipkg/id/> .
@prefix country: <https://w3id.org/dipkg/id/country/> .
@prefix organisation: <https://w3id.org/dipkg/id/org/> .
@prefix person: <https://w3id.org/dipkg/id/person/> .
@prefix role: <https://w3id.org/dipkg/id/role/> .
@prefix tenure: <https://w3id.org/dipkg/id/tenure/ref/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


# --------------------------------------------------------------------------------------------
# Small Turtle writer shared by the reference-data scripts (imported by make_organisations.py
# and make_office_holders.py).
# --------------------------------------------------------------------------------------------

def lit(text: str, lang: str | None = "en", datatype: str | None = None) -> str:
    """A Turtle literal with escaping; ``lang`` or ``datatype`` (a prefixed name)."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"))
    if datatype:
        return f'"{escaped}"^^{datatype}'
    if lang:
        return f'"{escaped}"@{lang}'
    return f'"{escaped}"'


def block(subject: str, pairs: list[tuple[str, list[str]]]) -> str:
    """One subject with its predicate/object lists, skipping empty predicates."""
    pairs = [(p, objs) for p, objs in pairs if objs]
    lines = [subject]
    for i, (pred, objs) in enumerate(pairs):
        end = " ." if i == len(pairs) - 1 else " ;"
        if len(objs) == 1:
            lines.append(f"    {pred} {objs[0]}{end}")
        else:
            lines.append(f"    {pred} " + (" ,\n        ").join(objs) + end)
    return "\n".join(lines) + "\n"


def uniq_sorted(values) -> list[str]:
    return sorted({v for v in values if v}, key=lambda s: (s.casefold(), s))


# --------------------------------------------------------------------------------------------
# The hand-written table
# --------------------------------------------------------------------------------------------

class C:
    """One row: news name, other names, demonyms, Wikidata QID number, capital, cities."""

    def __init__(self, pref, alt=(), dem=(), qid=None, cap=None, cities=()):
        self.pref, self.alt, self.dem = pref, tuple(alt), tuple(dem)
        self.qid, self.cap, self.cities = qid, cap, tuple(cities)


TABLE: dict[str, C] = {
    # ---------------- Asia: South-East Asia ----------------
    "BRN": C("Brunei", ["Brunei Darussalam", "Nation of Brunei"], ["Bruneian"], 921, "Bandar Seri Begawan"),
    "IDN": C("Indonesia", ["Republic of Indonesia"], ["Indonesian"], 252, "Jakarta",
             ["Surabaya", "Bandung", "Medan", "Bali", "Denpasar", "Yogyakarta", "Makassar", "Nusantara"]),
    "KHM": C("Cambodia", ["Kingdom of Cambodia", "the Kingdom of Cambodia", "Kampuchea"], ["Cambodian", "Khmer"], 424,
             "Phnom Penh", ["Siem Reap", "Battambang", "Sihanoukville", "Preah Sihanouk", "Kampot", "Kep",
                            "Kampong Cham", "Poipet", "Bavet", "Koh Kong", "Ream", "Kratie",
                            "Stung Treng", "Ratanakiri", "Mondulkiri", "Pursat", "Kampong Speu"]),
    "LAO": C("Laos", ["Lao PDR", "Lao People's Democratic Republic", "Lao P.D.R."], ["Lao", "Laotian"], 819,
             "Vientiane", ["Luang Prabang", "Pakse", "Savannakhet", "Vang Vieng", "Champasak"]),
    "MYS": C("Malaysia", [], ["Malaysian"], 833, "Kuala Lumpur",
             ["Putrajaya", "Penang", "George Town", "Johor Bahru", "Kota Kinabalu", "Kuching", "Malacca", "Langkawi"]),
    "MMR": C("Myanmar", ["Burma", "Republic of the Union of Myanmar"], ["Burmese"], 836, "Naypyidaw",
             ["Nay Pyi Taw", "Yangon", "Rangoon", "Mandalay", "Bagan"]),
    "PHL": C("Philippines", ["the Philippines", "Republic of the Philippines"], ["Filipino", "Philippine"], 928, "Manila",
             ["Quezon City", "Cebu", "Davao", "Makati", "Pasay", "Taguig"]),
    "SGP": C("Singapore", ["Republic of Singapore"], ["Singaporean"], 334, "Singapore"),
    "THA": C("Thailand", ["Kingdom of Thailand", "Siam"], ["Thai"], 869, "Bangkok",
             ["Chiang Mai", "Phuket", "Pattaya", "Hua Hin", "Khon Kaen", "Chiang Rai", "Ubon Ratchathani"]),
    "TLS": C("Timor-Leste", ["East Timor", "Democratic Republic of Timor-Leste"], ["Timorese", "East Timorese"], 574, "Dili"),
    "VNM": C("Vietnam", ["Viet Nam", "Socialist Republic of Vietnam", "Socialist Republic of Viet Nam", "SRV"],
             ["Vietnamese"], 881, "Hanoi",
             ["Ho Chi Minh City", "Saigon", "Da Nang", "Hai Phong", "Haiphong", "Hue", "Can Tho", "Nha Trang",
              "Ha Long", "Quang Ninh", "Tay Ninh", "An Giang", "Kien Giang", "Phu Quoc", "Vung Tau"]),
    # ---------------- Asia: East Asia ----------------
    "CHN": C("China", ["People's Republic of China", "PRC", "Mainland China", "the PRC"], ["Chinese"], 148, "Beijing",
             ["Shanghai", "Guangzhou", "Shenzhen", "Chongqing", "Tianjin", "Nanning", "Kunming", "Wuhan",
              "Chengdu", "Xi'an", "Hangzhou", "Xiamen", "Boao", "Qingdao", "Dalian", "Harbin"]),
    "HKG": C("Hong Kong", ["Hong Kong SAR", "Hong Kong Special Administrative Region", "HKSAR"], ["Hongkonger"], 8646),
    "JPN": C("Japan", ["Nippon"], ["Japanese"], 17, "Tokyo",
             ["Osaka", "Kyoto", "Yokohama", "Nagoya", "Hiroshima", "Sapporo", "Fukuoka", "Kobe", "Okinawa", "Naha"]),
    "KOR": C("South Korea", ["Republic of Korea", "ROK", "Korea, Republic of", "the Republic of Korea"],
             ["South Korean"], 884, "Seoul", ["Busan", "Incheon", "Daegu", "Jeju", "Sejong", "Gwangju"]),
    "MAC": C("Macau", ["Macao", "Macao SAR", "Macau SAR"], ["Macanese"], 14773),
    "MNG": C("Mongolia", [], ["Mongolian"], 711, "Ulaanbaatar", ["Ulan Bator"]),
    "PRK": C("North Korea", ["Democratic People's Republic of Korea", "DPRK", "D.P.R.K.",
                             "Korea, Democratic People's Republic of"], ["North Korean"], 423, "Pyongyang"),
    "TWN": C("Taiwan", ["Republic of China", "Chinese Taipei"], ["Taiwanese"], 865, "Taipei",
             ["Kaohsiung", "Taichung", "Tainan"]),
    # ---------------- Asia: South Asia ----------------
    "AFG": C("Afghanistan", ["Islamic Republic of Afghanistan", "Islamic Emirate of Afghanistan"], ["Afghan"], 889, "Kabul",
             ["Kandahar", "Herat", "Mazar-i-Sharif"]),
    "BGD": C("Bangladesh", ["People's Republic of Bangladesh"], ["Bangladeshi"], 902, "Dhaka", ["Chittagong", "Chattogram"]),
    "BTN": C("Bhutan", ["Kingdom of Bhutan"], ["Bhutanese"], 917, "Thimphu"),
    "IND": C("India", ["Republic of India", "Bharat"], ["Indian"], 668, "New Delhi",
             ["Delhi", "Mumbai", "Kolkata", "Chennai", "Bengaluru", "Bangalore", "Hyderabad", "Ahmedabad",
              "Goa", "Pune", "Varanasi"]),
    "LKA": C("Sri Lanka", ["Democratic Socialist Republic of Sri Lanka", "Ceylon"], ["Sri Lankan"], 854,
             "Sri Jayawardenepura Kotte", ["Colombo", "Kandy", "Galle", "Hambantota"]),
    "MDV": C("Maldives", ["the Maldives", "Republic of Maldives"], ["Maldivian"], 826, "Malé"),
    "NPL": C("Nepal", ["Federal Democratic Republic of Nepal"], ["Nepali", "Nepalese"], 837, "Kathmandu", ["Pokhara", "Lumbini"]),
    "PAK": C("Pakistan", ["Islamic Republic of Pakistan"], ["Pakistani"], 843, "Islamabad",
             ["Karachi", "Lahore", "Rawalpindi", "Peshawar", "Quetta"]),
    # ---------------- Asia: Central Asia ----------------
    "KAZ": C("Kazakhstan", ["Republic of Kazakhstan"], ["Kazakh", "Kazakhstani"], 232, "Astana", ["Almaty", "Nur-Sultan"]),
    "KGZ": C("Kyrgyzstan", ["Kyrgyz Republic"], ["Kyrgyz"], 813, "Bishkek", ["Osh"]),
    "TJK": C("Tajikistan", ["Republic of Tajikistan"], ["Tajik", "Tajikistani"], 863, "Dushanbe"),
    "TKM": C("Turkmenistan", [], ["Turkmen"], 874, "Ashgabat"),
    "UZB": C("Uzbekistan", ["Republic of Uzbekistan"], ["Uzbek"], 265, "Tashkent", ["Samarkand", "Bukhara"]),
    # ---------------- Asia: West Asia / Middle East ----------------
    "ARE": C("United Arab Emirates", ["UAE", "U.A.E.", "the UAE", "the Emirates"], ["Emirati"], 878, "Abu Dhabi",
             ["Dubai", "Sharjah"]),
    "ARM": C("Armenia", ["Republic of Armenia"], ["Armenian"], 399, "Yerevan"),
    "AZE": C("Azerbaijan", ["Republic of Azerbaijan"], ["Azerbaijani", "Azeri"], 227, "Baku"),
    "BHR": C("Bahrain", ["Kingdom of Bahrain"], ["Bahraini"], 398, "Manama"),
    "CYP": C("Cyprus", ["Republic of Cyprus"], ["Cypriot"], 229, "Nicosia", ["Limassol", "Larnaca"]),
    "GEO": C("Georgia", [], ["Georgian"], 230, "Tbilisi", ["Batumi"]),
    "IRN": C("Iran", ["Islamic Republic of Iran", "Persia", "Iran, Islamic Republic of"], ["Iranian"], 794, "Tehran",
             ["Isfahan", "Mashhad", "Shiraz", "Tabriz"]),
    "IRQ": C("Iraq", ["Republic of Iraq"], ["Iraqi"], 796, "Baghdad", ["Basra", "Erbil", "Mosul", "Najaf"]),
    "ISR": C("Israel", ["State of Israel"], ["Israeli"], 801, "Jerusalem", ["Tel Aviv", "Haifa"]),
    "JOR": C("Jordan", ["Hashemite Kingdom of Jordan"], ["Jordanian"], 810, "Amman", ["Aqaba"]),
    "KWT": C("Kuwait", ["State of Kuwait"], ["Kuwaiti"], 817, "Kuwait City"),
    "LBN": C("Lebanon", ["Lebanese Republic"], ["Lebanese"], 822, "Beirut", ["Tripoli, Lebanon"]),
    "OMN": C("Oman", ["Sultanate of Oman"], ["Omani"], 842, "Muscat"),
    "PSE": C("Palestine", ["State of Palestine", "Palestinian Territories", "Palestine, State of"], ["Palestinian"],
             219060, "Ramallah", ["Gaza", "Gaza City", "Bethlehem", "Hebron", "Nablus"]),
    "QAT": C("Qatar", ["State of Qatar"], ["Qatari"], 846, "Doha"),
    "SAU": C("Saudi Arabia", ["Kingdom of Saudi Arabia", "KSA"], ["Saudi", "Saudi Arabian"], 851, "Riyadh",
             ["Jeddah", "Mecca", "Dammam", "NEOM"]),
    "SYR": C("Syria", ["Syrian Arab Republic"], ["Syrian"], 858, "Damascus", ["Aleppo", "Homs", "Latakia", "Idlib"]),
    "TUR": C("Turkey", ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"], ["Turkish"], 43, "Ankara",
             ["Istanbul", "Izmir", "Antalya"]),
    "YEM": C("Yemen", ["Republic of Yemen"], ["Yemeni"], 805, "Sanaa", ["Sana'a", "Aden"]),
    # ---------------- Europe ----------------
    "ALA": C("Åland Islands", ["Aland Islands", "Åland"], [], 5689),
    "ALB": C("Albania", ["Republic of Albania"], ["Albanian"], 222, "Tirana"),
    "AND": C("Andorra", ["Principality of Andorra"], ["Andorran"], 228, "Andorra la Vella"),
    "AUT": C("Austria", ["Republic of Austria"], ["Austrian"], 40, "Vienna", ["Salzburg", "Graz", "Innsbruck"]),
    "BEL": C("Belgium", ["Kingdom of Belgium"], ["Belgian"], 31, "Brussels", ["Antwerp", "Ghent", "Liège", "Bruges"]),
    "BGR": C("Bulgaria", ["Republic of Bulgaria"], ["Bulgarian"], 219, "Sofia", ["Varna", "Plovdiv"]),
    "BIH": C("Bosnia and Herzegovina", ["Bosnia", "Bosnia-Herzegovina"], ["Bosnian"], 225, "Sarajevo", ["Banja Luka", "Mostar"]),
    "BLR": C("Belarus", ["Republic of Belarus", "Byelorussia"], ["Belarusian"], 184, "Minsk"),
    "CHE": C("Switzerland", ["Swiss Confederation"], ["Swiss"], 39, "Bern", ["Geneva", "Zurich", "Davos", "Basel", "Lausanne"]),
    "CZE": C("Czech Republic", ["Czechia"], ["Czech"], 213, "Prague", ["Brno"]),
    "DEU": C("Germany", ["Federal Republic of Germany"], ["German"], 183, "Berlin",
             ["Munich", "Frankfurt", "Hamburg", "Bonn", "Cologne", "Stuttgart", "Düsseldorf"]),
    "DNK": C("Denmark", ["Kingdom of Denmark"], ["Danish"], 35, "Copenhagen", ["Aarhus"]),
    "ESP": C("Spain", ["Kingdom of Spain"], ["Spanish", "Spaniard"], 29, "Madrid", ["Barcelona", "Seville", "Valencia", "Bilbao"]),
    "EST": C("Estonia", ["Republic of Estonia"], ["Estonian"], 191, "Tallinn"),
    "FIN": C("Finland", ["Republic of Finland"], ["Finnish"], 33, "Helsinki"),
    "FRA": C("France", ["French Republic"], ["French", "Frenchman"], 142, "Paris",
             ["Marseille", "Lyon", "Strasbourg", "Bordeaux", "Toulouse"]),
    "FRO": C("Faroe Islands", ["Faroes"], ["Faroese"], 4628, "Tórshavn"),
    # "Northern Ireland" so that "the UK and Northern Ireland" is not read as the UK and Ireland
    "GBR": C("United Kingdom", ["UK", "U.K.", "Britain", "Great Britain", "the UK", "the United Kingdom",
                                "United Kingdom of Great Britain and Northern Ireland", "Northern Ireland"], ["British", "Briton"], 145,
             "London", ["Edinburgh", "Manchester", "Birmingham", "Glasgow", "Cardiff", "Belfast", "Liverpool", "Oxford",
                        "Cambridge"]),
    "GGY": C("Guernsey", ["Bailiwick of Guernsey"], [], 25230, "St Peter Port"),
    "GIB": C("Gibraltar", [], ["Gibraltarian"], 1410),
    "GRC": C("Greece", ["Hellenic Republic"], ["Greek"], 41, "Athens", ["Thessaloniki", "Piraeus"]),
    "HRV": C("Croatia", ["Republic of Croatia"], ["Croatian", "Croat"], 224, "Zagreb", ["Dubrovnik"]),
    "HUN": C("Hungary", [], ["Hungarian"], 28, "Budapest"),
    "IMN": C("Isle of Man", [], ["Manx"], 9676, "Douglas, Isle of Man"),
    "IRL": C("Ireland", ["Republic of Ireland"], ["Irish"], 27, "Dublin", ["Cork", "Galway"]),
    "ISL": C("Iceland", ["Republic of Iceland"], ["Icelandic", "Icelander"], 189, "Reykjavík", ["Reykjavik"]),
    "ITA": C("Italy", ["Italian Republic"], ["Italian"], 38, "Rome", ["Milan", "Naples", "Turin", "Florence", "Venice", "Genoa"]),
    "JEY": C("Jersey", ["Bailiwick of Jersey"], [], 785, "Saint Helier"),
    "LIE": C("Liechtenstein", ["Principality of Liechtenstein"], ["Liechtensteiner"], 347, "Vaduz"),
    "LTU": C("Lithuania", ["Republic of Lithuania"], ["Lithuanian"], 37, "Vilnius", ["Kaunas"]),
    "LUX": C("Luxembourg", ["Grand Duchy of Luxembourg"], ["Luxembourgish", "Luxembourger"], 32, "Luxembourg City"),
    "LVA": C("Latvia", ["Republic of Latvia"], ["Latvian"], 211, "Riga"),
    "MCO": C("Monaco", ["Principality of Monaco"], ["Monegasque"], 235, "Monaco"),
    "MDA": C("Moldova", ["Republic of Moldova", "Moldova, Republic of"], ["Moldovan"], 217, "Chișinău", ["Chisinau"]),
    "MKD": C("North Macedonia", ["Republic of North Macedonia", "Macedonia"], ["Macedonian", "North Macedonian"], 221, "Skopje"),
    "MLT": C("Malta", ["Republic of Malta"], ["Maltese"], 233, "Valletta"),
    "MNE": C("Montenegro", [], ["Montenegrin"], 236, "Podgorica"),
    "NLD": C("Netherlands", ["the Netherlands", "Kingdom of the Netherlands", "Holland"], ["Dutch"], 55, "Amsterdam",
             ["The Hague", "Rotterdam", "Utrecht", "Eindhoven"]),
    "NOR": C("Norway", ["Kingdom of Norway"], ["Norwegian"], 20, "Oslo", ["Bergen"]),
    "POL": C("Poland", ["Republic of Poland"], ["Polish"], 36, "Warsaw", ["Krakow", "Kraków", "Gdansk", "Wroclaw"]),
    "PRT": C("Portugal", ["Portuguese Republic"], ["Portuguese"], 45, "Lisbon", ["Porto"]),
    "ROU": C("Romania", [], ["Romanian"], 218, "Bucharest", ["Cluj-Napoca"]),
    "RUS": C("Russia", ["Russian Federation"], ["Russian"], 159, "Moscow",
             ["Saint Petersburg", "St. Petersburg", "Vladivostok", "Kazan", "Sochi", "Novosibirsk", "Yekaterinburg"]),
    "SJM": C("Svalbard and Jan Mayen", ["Svalbard"], [], 842829, "Longyearbyen"),
    "SMR": C("San Marino", ["Republic of San Marino"], ["Sammarinese"], 238, "San Marino"),
    "SRB": C("Serbia", ["Republic of Serbia"], ["Serbian", "Serb"], 403, "Belgrade", ["Novi Sad"]),
    "SVK": C("Slovakia", ["Slovak Republic"], ["Slovak"], 214, "Bratislava"),
    "SVN": C("Slovenia", ["Republic of Slovenia"], ["Slovenian", "Slovene"], 215, "Ljubljana"),
    "SWE": C("Sweden", ["Kingdom of Sweden"], ["Swedish", "Swede"], 34, "Stockholm", ["Gothenburg", "Malmö"]),
    "UKR": C("Ukraine", [], ["Ukrainian"], 212, "Kyiv", ["Kiev", "Kharkiv", "Odesa", "Odessa", "Lviv", "Dnipro"]),
    "VAT": C("Vatican City", ["Holy See", "the Holy See", "the Vatican", "Vatican", "Vatican City State"], [], 237,
             "Vatican City"),
    # ---------------- Africa ----------------
    "AGO": C("Angola", ["Republic of Angola"], ["Angolan"], 916, "Luanda"),
    "BDI": C("Burundi", ["Republic of Burundi"], ["Burundian"], 967, "Gitega", ["Bujumbura"]),
    "BEN": C("Benin", ["Republic of Benin"], ["Beninese"], 962, "Porto-Novo", ["Cotonou"]),
    "BFA": C("Burkina Faso", [], ["Burkinabe", "Burkinabè"], 965, "Ouagadougou"),
    "BWA": C("Botswana", ["Republic of Botswana"], ["Botswanan", "Motswana"], 963, "Gaborone"),
    "CAF": C("Central African Republic", ["CAR"], ["Central African"], 929, "Bangui"),
    "CIV": C("Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire", "Republic of Côte d'Ivoire"], ["Ivorian"],
             1008, "Yamoussoukro", ["Abidjan"]),
    "CMR": C("Cameroon", ["Republic of Cameroon"], ["Cameroonian"], 1009, "Yaoundé", ["Yaounde", "Douala"]),
    "COD": C("Democratic Republic of the Congo", ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "DR of Congo",
                                                 "Congo, The Democratic Republic of the"], ["Congolese"], 974,
             "Kinshasa", ["Goma", "Lubumbashi", "Bukavu"]),
    "COG": C("Republic of the Congo", ["Congo-Brazzaville", "Congo", "Congo Republic"], [], 971, "Brazzaville",
             ["Pointe-Noire"]),
    "COM": C("Comoros", ["Union of the Comoros"], ["Comorian"], 970, "Moroni"),
    "CPV": C("Cape Verde", ["Cabo Verde", "Republic of Cabo Verde"], ["Cape Verdean", "Cabo Verdean"], 1011, "Praia"),
    "DJI": C("Djibouti", ["Republic of Djibouti"], ["Djiboutian"], 977, "Djibouti"),
    "DZA": C("Algeria", ["People's Democratic Republic of Algeria"], ["Algerian"], 262, "Algiers", ["Oran"]),
    "EGY": C("Egypt", ["Arab Republic of Egypt"], ["Egyptian"], 79, "Cairo",
             ["Alexandria", "Sharm el-Sheikh", "Sharm El-Sheikh", "Luxor", "Aswan"]),
    "ERI": C("Eritrea", ["State of Eritrea"], ["Eritrean"], 986, "Asmara"),
    "ESH": C("Western Sahara", ["Sahrawi Arab Democratic Republic"], ["Sahrawi"], 6250, "Laayoune"),
    "ETH": C("Ethiopia", ["Federal Democratic Republic of Ethiopia"], ["Ethiopian"], 115, "Addis Ababa"),
    "GAB": C("Gabon", ["Gabonese Republic"], ["Gabonese"], 1000, "Libreville"),
    "GHA": C("Ghana", ["Republic of Ghana"], ["Ghanaian"], 117, "Accra", ["Kumasi"]),
    "GIN": C("Guinea", ["Republic of Guinea", "Guinea-Conakry"], ["Guinean"], 1006, "Conakry"),
    "GMB": C("Gambia", ["The Gambia", "the Gambia", "Republic of the Gambia"], ["Gambian"], 1005, "Banjul"),
    "GNB": C("Guinea-Bissau", ["Republic of Guinea-Bissau"], ["Bissau-Guinean"], 1007, "Bissau"),
    "GNQ": C("Equatorial Guinea", ["Republic of Equatorial Guinea"], ["Equatoguinean", "Equatorial Guinean"], 983, "Malabo"),
    "KEN": C("Kenya", ["Republic of Kenya"], ["Kenyan"], 114, "Nairobi", ["Mombasa", "Kisumu"]),
    "LBR": C("Liberia", ["Republic of Liberia"], ["Liberian"], 1014, "Monrovia"),
    "LBY": C("Libya", ["State of Libya"], ["Libyan"], 1016, "Tripoli", ["Benghazi", "Misrata"]),
    "LSO": C("Lesotho", ["Kingdom of Lesotho"], ["Basotho", "Mosotho"], 1013, "Maseru"),
    "MAR": C("Morocco", ["Kingdom of Morocco"], ["Moroccan"], 1028, "Rabat", ["Casablanca", "Marrakesh", "Marrakech", "Tangier"]),
    "MDG": C("Madagascar", ["Republic of Madagascar"], ["Malagasy"], 1019, "Antananarivo"),
    "MLI": C("Mali", ["Republic of Mali"], ["Malian"], 912, "Bamako", ["Timbuktu"]),
    "MOZ": C("Mozambique", ["Republic of Mozambique"], ["Mozambican"], 1029, "Maputo", ["Beira"]),
    "MRT": C("Mauritania", ["Islamic Republic of Mauritania"], ["Mauritanian"], 1025, "Nouakchott"),
    "MUS": C("Mauritius", ["Republic of Mauritius"], ["Mauritian"], 1027, "Port Louis"),
    "MWI": C("Malawi", ["Republic of Malawi"], ["Malawian"], 1020, "Lilongwe", ["Blantyre"]),
    "MYT": C("Mayotte", [], ["Mahoran"], 17063, "Mamoudzou"),
    "NAM": C("Namibia", ["Republic of Namibia"], ["Namibian"], 1030, "Windhoek"),
    "NER": C("Niger", ["Republic of the Niger", "Republic of Niger"], ["Nigerien"], 1032, "Niamey"),
    "NGA": C("Nigeria", ["Federal Republic of Nigeria"], ["Nigerian"], 1033, "Abuja", ["Lagos", "Kano", "Port Harcourt", "Ibadan"]),
    "REU": C("Réunion", ["La Réunion"], ["Réunionese"], 17070, "Saint-Denis"),
    "RWA": C("Rwanda", ["Republic of Rwanda", "Rwandese Republic"], ["Rwandan"], 1037, "Kigali"),
    "SDN": C("Sudan", ["Republic of the Sudan", "the Sudan"], ["Sudanese"], 1049, "Khartoum", ["Port Sudan", "Omdurman"]),
    "SEN": C("Senegal", ["Republic of Senegal"], ["Senegalese"], 1041, "Dakar"),
    "SHN": C("Saint Helena", ["Saint Helena, Ascension and Tristan da Cunha", "St Helena"], [], 192184, "Jamestown"),
    "SLE": C("Sierra Leone", ["Republic of Sierra Leone"], ["Sierra Leonean"], 1044, "Freetown"),
    "SOM": C("Somalia", ["Federal Republic of Somalia"], ["Somali"], 1045, "Mogadishu", ["Hargeisa", "Kismayo"]),
    "SSD": C("South Sudan", ["Republic of South Sudan"], ["South Sudanese"], 958, "Juba"),
    "STP": C("São Tomé and Príncipe", ["Sao Tome and Principe", "Democratic Republic of Sao Tome and Principe"],
             ["Santomean"], 1039, "São Tomé"),
    "SWZ": C("Eswatini", ["Kingdom of Eswatini", "Swaziland"], ["Swazi", "Emaswati"], 1050, "Mbabane", ["Lobamba"]),
    "SYC": C("Seychelles", ["Republic of Seychelles"], ["Seychellois"], 1042, "Victoria, Seychelles"),
    "TCD": C("Chad", ["Republic of Chad"], ["Chadian"], 657, "N'Djamena"),
    "TGO": C("Togo", ["Togolese Republic"], ["Togolese"], 945, "Lomé", ["Lome"]),
    "TUN": C("Tunisia", ["Republic of Tunisia"], ["Tunisian"], 948, "Tunis", ["Sfax"]),
    "TZA": C("Tanzania", ["United Republic of Tanzania", "Tanzania, United Republic of"], ["Tanzanian"], 924, "Dodoma",
             ["Dar es Salaam", "Zanzibar", "Arusha"]),
    "UGA": C("Uganda", ["Republic of Uganda"], ["Ugandan"], 1036, "Kampala", ["Entebbe"]),
    "ZAF": C("South Africa", ["Republic of South Africa"], ["South African"], 258, "Pretoria",
             ["Cape Town", "Johannesburg", "Durban", "Sandton"]),
    "ZMB": C("Zambia", ["Republic of Zambia"], ["Zambian"], 953, "Lusaka"),
    "ZWE": C("Zimbabwe", ["Republic of Zimbabwe"], ["Zimbabwean"], 954, "Harare", ["Bulawayo"]),
    # ---------------- North America, Central America, Caribbean ----------------
    "ABW": C("Aruba", [], ["Aruban"], 21203, "Oranjestad"),
    "AIA": C("Anguilla", [], ["Anguillan"], 25228, "The Valley, Anguilla"),
    "ATG": C("Antigua and Barbuda", ["Antigua"], ["Antiguan"], 781, "St. John's"),
    "BES": C("Caribbean Netherlands", ["Bonaire, Sint Eustatius and Saba", "BES islands"], [], 27561, "Kralendijk"),
    "BHS": C("Bahamas", ["The Bahamas", "the Bahamas", "Commonwealth of the Bahamas"], ["Bahamian"], 778, "Nassau"),
    "BLM": C("Saint Barthélemy", ["Saint Barthelemy", "St. Barts"], [], 25362, "Gustavia"),
    "BLZ": C("Belize", [], ["Belizean"], 242, "Belmopan", ["Belize City"]),
    "BMU": C("Bermuda", [], ["Bermudian"], 23635, "Hamilton, Bermuda"),
    "BRB": C("Barbados", [], ["Barbadian", "Bajan"], 244, "Bridgetown"),
    "CAN": C("Canada", [], ["Canadian"], 16, "Ottawa", ["Toronto", "Montreal", "Vancouver", "Calgary", "Quebec City"]),
    "CRI": C("Costa Rica", ["Republic of Costa Rica"], ["Costa Rican"], 800, "San José"),
    "CUB": C("Cuba", ["Republic of Cuba"], ["Cuban"], 241, "Havana", ["Santiago de Cuba"]),
    "CUW": C("Curaçao", ["Curacao"], [], 25279, "Willemstad"),
    "CYM": C("Cayman Islands", [], ["Caymanian"], 5785, "George Town, Cayman Islands"),
    "DMA": C("Dominica", ["Commonwealth of Dominica"], [], 784, "Roseau"),
    "DOM": C("Dominican Republic", [], ["Dominican"], 786, "Santo Domingo", ["Punta Cana"]),
    "GLP": C("Guadeloupe", [], ["Guadeloupean"], 17012, "Basse-Terre"),
    "GRD": C("Grenada", [], ["Grenadian"], 769, "St. George's"),
    "GRL": C("Greenland", [], ["Greenlandic", "Greenlander"], 223, "Nuuk"),
    "GTM": C("Guatemala", ["Republic of Guatemala"], ["Guatemalan"], 774, "Guatemala City"),
    "HND": C("Honduras", ["Republic of Honduras"], ["Honduran"], 783, "Tegucigalpa"),
    "HTI": C("Haiti", ["Republic of Haiti"], ["Haitian"], 790, "Port-au-Prince"),
    "JAM": C("Jamaica", [], ["Jamaican"], 766, "Kingston", ["Montego Bay"]),
    "KNA": C("Saint Kitts and Nevis", ["St Kitts and Nevis", "St. Kitts and Nevis"], ["Kittitian"], 763, "Basseterre"),
    "LCA": C("Saint Lucia", ["St Lucia", "St. Lucia"], ["Saint Lucian"], 760, "Castries"),
    "MAF": C("Saint Martin", ["Saint Martin (French part)", "Saint-Martin"], [], 126125, "Marigot"),
    "MEX": C("Mexico", ["United Mexican States"], ["Mexican"], 96, "Mexico City",
             ["Guadalajara", "Monterrey", "Cancún", "Cancun", "Tijuana"]),
    "MSR": C("Montserrat", [], ["Montserratian"], 13353, "Brades"),
    "MTQ": C("Martinique", [], ["Martiniquais"], 17054, "Fort-de-France"),
    "NIC": C("Nicaragua", ["Republic of Nicaragua"], ["Nicaraguan"], 811, "Managua"),
    "PAN": C("Panama", ["Republic of Panama"], ["Panamanian"], 804, "Panama City"),
    "PRI": C("Puerto Rico", ["Commonwealth of Puerto Rico"], ["Puerto Rican"], 1183, "San Juan"),
    "SLV": C("El Salvador", ["Republic of El Salvador"], ["Salvadoran", "Salvadorean"], 792, "San Salvador"),
    "SPM": C("Saint Pierre and Miquelon", [], [], 34617, "Saint-Pierre"),
    "SXM": C("Sint Maarten", ["Sint Maarten (Dutch part)"], [], 26273, "Philipsburg"),
    "TCA": C("Turks and Caicos Islands", ["Turks and Caicos"], [], 18221, "Cockburn Town"),
    "TTO": C("Trinidad and Tobago", ["Republic of Trinidad and Tobago"], ["Trinidadian", "Tobagonian"], 754, "Port of Spain"),
    "USA": C("United States", ["United States of America", "U.S.", "US", "USA", "U.S.A.", "America", "the United States",
                               "the US", "the U.S."], ["American", "U.S.", "US"], 30, "Washington",
             ["Washington, D.C.", "Washington D.C.", "New York", "New York City", "Los Angeles", "San Francisco",
              "Chicago", "Honolulu", "Houston", "Boston", "Seattle", "Miami", "Atlanta", "Philadelphia"]),
    "VCT": C("Saint Vincent and the Grenadines", ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
             ["Vincentian"], 757, "Kingstown"),
    "VGB": C("British Virgin Islands", ["Virgin Islands, British"], [], 25305, "Road Town"),
    "VIR": C("United States Virgin Islands", ["U.S. Virgin Islands", "US Virgin Islands", "Virgin Islands, U.S.",
                                              "Virgin Islands of the United States"], [], 11703, "Charlotte Amalie"),
    # ---------------- South America ----------------
    "ARG": C("Argentina", ["Argentine Republic"], ["Argentine", "Argentinian"], 414, "Buenos Aires", ["Córdoba"]),
    "BOL": C("Bolivia", ["Plurinational State of Bolivia", "Bolivia, Plurinational State of"], ["Bolivian"], 750, "Sucre",
             ["La Paz", "Santa Cruz de la Sierra"]),
    "BRA": C("Brazil", ["Federative Republic of Brazil"], ["Brazilian"], 155, "Brasília",
             ["Brasilia", "São Paulo", "Sao Paulo", "Rio de Janeiro", "Belém", "Salvador, Bahia"]),
    "CHL": C("Chile", ["Republic of Chile"], ["Chilean"], 298, "Santiago", ["Valparaíso", "Valparaiso"]),
    "COL": C("Colombia", ["Republic of Colombia"], ["Colombian"], 739, "Bogotá", ["Bogota", "Medellín", "Cartagena", "Cali"]),
    "ECU": C("Ecuador", ["Republic of Ecuador"], ["Ecuadorian"], 736, "Quito", ["Guayaquil"]),
    "FLK": C("Falkland Islands", ["Falklands", "Falkland Islands (Malvinas)", "Malvinas"], ["Falkland Islander"], 9648, "Stanley, Falkland Islands"),
    "GUF": C("French Guiana", [], [], 3769, "Cayenne"),
    "GUY": C("Guyana", ["Republic of Guyana"], ["Guyanese"], 734, "Georgetown"),
    "PER": C("Peru", ["Republic of Peru"], ["Peruvian"], 419, "Lima", ["Cusco", "Arequipa"]),
    "PRY": C("Paraguay", ["Republic of Paraguay"], ["Paraguayan"], 733, "Asunción", ["Asuncion"]),
    "SUR": C("Suriname", ["Republic of Suriname", "Surinam"], ["Surinamese"], 730, "Paramaribo"),
    "URY": C("Uruguay", ["Eastern Republic of Uruguay", "Oriental Republic of Uruguay"], ["Uruguayan"], 77, "Montevideo"),
    "VEN": C("Venezuela", ["Bolivarian Republic of Venezuela", "Venezuela, Bolivarian Republic of"], ["Venezuelan"], 717,
             "Caracas", ["Maracaibo"]),
    # ---------------- Oceania ----------------
    "ASM": C("American Samoa", [], ["American Samoan"], 16641, "Pago Pago"),
    "AUS": C("Australia", ["Commonwealth of Australia"], ["Australian"], 408, "Canberra",
             ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Hobart"]),
    "CCK": C("Cocos (Keeling) Islands", ["Cocos Islands"], [], 36004),
    "COK": C("Cook Islands", [], ["Cook Islander"], 26988, "Avarua"),
    "CXR": C("Christmas Island", [], [], 31063, "Flying Fish Cove"),
    "FJI": C("Fiji", ["Republic of Fiji"], ["Fijian"], 712, "Suva", ["Nadi"]),
    "FSM": C("Micronesia", ["Federated States of Micronesia", "Micronesia, Federated States of", "FSM"], ["Micronesian"],
             702, "Palikir"),
    "GUM": C("Guam", [], ["Guamanian"], 16635, "Hagåtña"),
    "KIR": C("Kiribati", ["Republic of Kiribati"], ["I-Kiribati"], 710, "South Tarawa", ["Tarawa"]),
    "MHL": C("Marshall Islands", ["Republic of the Marshall Islands"], ["Marshallese"], 709, "Majuro"),
    "MNP": C("Northern Mariana Islands", ["Commonwealth of the Northern Mariana Islands"], [], 16644, "Saipan"),
    "NCL": C("New Caledonia", [], ["New Caledonian"], 33788, "Nouméa", ["Noumea"]),
    "NFK": C("Norfolk Island", [], [], 31057, "Kingston, Norfolk Island"),
    "NIU": C("Niue", [], ["Niuean"], 34020, "Alofi"),
    "NRU": C("Nauru", ["Republic of Nauru"], ["Nauruan"], 697, "Yaren"),
    "NZL": C("New Zealand", ["Aotearoa"], ["New Zealander"], 664, "Wellington",
             ["Auckland", "Christchurch"]),
    "PCN": C("Pitcairn Islands", ["Pitcairn"], [], 35672, "Adamstown"),
    "PLW": C("Palau", ["Republic of Palau"], ["Palauan"], 695, "Ngerulmud", ["Koror"]),
    "PNG": C("Papua New Guinea", ["Independent State of Papua New Guinea", "PNG"], ["Papua New Guinean"], 691,
             "Port Moresby", ["Lae"]),
    "PYF": C("French Polynesia", [], ["French Polynesian"], 30971, "Papeete", ["Tahiti"]),
    "SLB": C("Solomon Islands", ["the Solomon Islands", "Solomons"], ["Solomon Islander"], 685, "Honiara"),
    "TKL": C("Tokelau", [], ["Tokelauan"], 36823, "Nukunonu"),
    "TON": C("Tonga", ["Kingdom of Tonga"], ["Tongan"], 678, "Nukuʻalofa", ["Nuku'alofa"]),
    "TUV": C("Tuvalu", [], ["Tuvaluan"], 672, "Funafuti"),
    "VUT": C("Vanuatu", ["Republic of Vanuatu"], ["Ni-Vanuatu"], 686, "Port Vila"),
    "WLF": C("Wallis and Futuna", [], [], 35555, "Mata-Utu"),
    "WSM": C("Samoa", ["Independent State of Samoa"], ["Samoan"], 683, "Apia"),
    # ---------------- Antarctic, uninhabited and remote territories ----------------
    "ATA": C("Antarctica", [], [], 51),
    "ATF": C("French Southern and Antarctic Lands", ["French Southern Territories"], [], 129003),
    "BVT": C("Bouvet Island", [], [], 23408),
    "HMD": C("Heard Island and McDonald Islands", [], [], 131198),
    "IOT": C("British Indian Ocean Territory", ["Chagos Archipelago", "Chagos Islands"], [], 43448, None, ["Diego Garcia"]),
    "SGS": C("South Georgia and the South Sandwich Islands", [], [], 35086),
    "UMI": C("United States Minor Outlying Islands", [], [], 16645),
}

# Wikidata: NLD is Q55 ("Netherlands", the country in Europe) and DNK Q35 ("Denmark"), not the
# Kingdom items Q29999 / Q756617; ATA is Q51 (the continent), not the Antarctic Treaty area.
# The QIDs were written from memory and cross-checked against Our World in Data's country table
# (owid-grapher, CountriesRegions.ts), which links ISO alpha-3 codes to Wikidata items.


def build() -> str:
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)
    missing = [c.alpha_3 for c in countries if c.alpha_3 not in TABLE]
    extra = sorted(set(TABLE) - {c.alpha_3 for c in countries})
    if missing or extra:
        sys.exit(f"table out of step with pycountry: missing {missing}, unknown {extra}")
    out = [
        "# Countries and territories of ISO 3166-1 (pycountry " + _pycountry_version() + ") as dip:Country.\n",
        "# GENERATED by scripts/make_countries.py - do not edit by hand; edit the script's table and re-run.\n",
        "# Labels: skos:prefLabel = the name used in English-language news; skos:altLabel = other names and\n",
        "# short forms (incl. the ISO short name); dip:demonym = adjectives/demonyms; dip:capital / dip:city =\n",
        "# capital and well-known cities (for datelines). Wikidata items only where known with confidence.\n\n",
        PREFIXES, "\n",
    ]
    for c in countries:
        row = TABLE[c.alpha_3]
        official = getattr(c, "official_name", None) or c.name
        names = {c.name, official, getattr(c, "common_name", None) or ""} | set(row.alt)
        alts = uniq_sorted(n for n in names if n != row.pref)
        demonyms = uniq_sorted(row.dem)
        cities = uniq_sorted(x for x in row.cities if x != row.cap)
        out.append(f"# {c.alpha_3} - {row.pref}\n")
        out.append(block(f"country:{c.alpha_3}", [
            ("a", ["dip:Country"]),
            ("skos:prefLabel", [lit(row.pref)]),
            ("skos:altLabel", [lit(a) for a in alts]),
            ("dip:officialName", [lit(official)]),
            ("dip:iso3166Alpha2", [lit(c.alpha_2, None)]),
            ("dip:iso3166Alpha3", [lit(c.alpha_3, None)]),
            ("dip:iso3166Numeric", [lit(c.numeric, None)]),
            ("dip:demonym", [lit(d) for d in demonyms]),
            ("dip:capital", [lit(row.cap)] if row.cap else []),
            ("dip:city", [lit(x) for x in cities]),
            ("dip:wikidata", [f"wd:Q{row.qid}"] if row.qid else []),
        ]))
        out.append("\n")
    return "".join(out).rstrip("\n") + "\n"


def _pycountry_version() -> str:
    try:
        from importlib.metadata import version
        return version("pycountry")
    except Exception:  # pragma: no cover
        return "unknown version"


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(build(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
