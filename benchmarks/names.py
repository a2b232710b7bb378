"""Name pools for the synthetic corpus generator (benchmarks/generate.py).

Given names and surnames by naming tradition, and which tradition a country's people are
drawn from. Countries themselves (names, demonyms, capitals) come from the project's
reference data (ontology/reference/countries.ttl); only the naming tradition of each
country code is listed here. A code that is not listed draws from a tradition chosen by a
hash of the code, so every country still has consistent names.

Every name here is an ordinary given name or surname; the generator combines them at
random, so the people in the corpus are invented (thousands of distinct ones).
"""
from __future__ import annotations


def _w(text: str) -> list[str]:
    return text.split()


# tradition -> (male given names, female given names, surnames). "_" joins a multi-word
# surname or given name ("Al_Nahyan" -> "Al Nahyan").
POOLS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "english": (
        _w("James John Robert Michael David William Richard Thomas Mark Paul Andrew Peter Simon Daniel "
           "Matthew Christopher Anthony Stephen Jonathan Nicholas Graham Malcolm Trevor Winston Craig "
           "Brendan Liam Kevin Gareth Hugh Duncan Neil Philip Rupert Gavin"),
        _w("Mary Patricia Jennifer Elizabeth Susan Margaret Sarah Karen Helen Catherine Emma Rachel "
           "Rebecca Penelope Joanne Fiona Alison Claire Nicola Melanie Harriet Olivia Charlotte Gillian "
           "Deborah Kathryn Louise Bridget"),
        _w("Smith Johnson Williams Brown Jones Taylor Wilson Davies Evans Roberts Walker Wright Thompson "
           "White Hughes Edwards Green Hall Wood Harris Clarke Jackson Turner Hill Cooper Ward Morris Moore "
           "Baker Mitchell Campbell Stewart Murray Reid Fraser Hamilton Sinclair Kennedy Gallagher Sullivan "
           "Fitzgerald McCarthy Doherty Brennan Whitfield Ashworth Pemberton Holloway Caldwell Thornton"),
    ),
    "hispanic": (
        _w("José Juan Carlos Luis Miguel Jorge Alejandro Fernando Ricardo Eduardo Andrés Gustavo Sergio "
           "Pablo Diego Javier Raúl Rodrigo Gabriel Héctor Alberto Francisco Manuel Ramón Óscar Mauricio "
           "Gonzalo Ignacio Emilio Rafael"),
        _w("María Ana Carmen Laura Gabriela Claudia Patricia Lucía Valentina Isabel Verónica Mónica Paula "
           "Daniela Alejandra Sofía Marcela Rosa Beatriz Elena Natalia Adriana Ximena Silvia Inés Alicia"),
        _w("García Rodríguez Martínez López González Hernández Pérez Sánchez Ramírez Torres Flores Rivera "
           "Gómez Díaz Morales Reyes Cruz Ortiz Gutiérrez Chávez Ramos Vargas Castillo Jiménez Moreno Romero "
           "Herrera Medina Aguilar Vega Castro Mendoza Ruiz Álvarez Fernández Navarro Rojas Salazar Guerrero "
           "Paredes Cárdenas Quintero Bustamante Echeverría Talavera Montoya Zamora Peña Villalobos Sandoval "
           "Albornoz Irigoyen Sepúlveda"),
    ),
    "lusophone": (
        _w("João Pedro Paulo Carlos António Manuel Luís José Francisco Rui Nuno Tiago Miguel Ricardo "
           "Fernando Marcos Rafael Gustavo Eduardo Mauro Celso Domingos Augusto Joaquim Filipe Téte"),
        _w("Maria Ana Beatriz Mariana Inês Catarina Luísa Fernanda Juliana Camila Gabriela Teresa Isabel "
           "Rita Sofia Joana Helena Marta Cláudia Esperança Conceição"),
        _w("Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins "
           "Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade Moreira "
           "Nunes Marques Machado Mendes Freitas Cardoso Teixeira Correia Pinto Monteiro Cunha Tavares "
           "Baptista Rangel Vaz Chissano Lourenço Neves Sampaio Quaresma"),
    ),
    "french": (
        _w("Jean Pierre Michel Philippe Alain Nicolas François Laurent Olivier Stéphane Christophe "
           "Sébastien Julien Antoine Thierry Bruno Didier Patrice Emmanuel Yves Marc Benoît Jean-Luc "
           "Jean-Marc Mamadou Ousmane Abdoulaye Moussa Ibrahima Cheikh Amadou Léon"),
        _w("Marie Isabelle Catherine Nathalie Sophie Anne Christine Valérie Sandrine Élise Camille Claire "
           "Aminata Fatou Awa Mariama Aïssata Hélène Chantal Brigitte Delphine Agnès Mireille"),
        _w("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre "
           "Michel Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert "
           "Bonnet Diallo Traoré Diop Ndiaye Sow Keïta Coulibaly Touré Camara Sy Ouattara Kaboré Koné "
           "Bamba Ndong Tshibanda Mbemba Rakotomalala Ravelojaona Nkurunziza Gbagbo"),
    ),
    "germanic": (
        _w("Thomas Michael Andreas Stefan Markus Christian Johannes Matthias Klaus Wolfgang Jürgen Frank "
           "Lars Anders Henrik Erik Nils Mikael Jonas Pieter Jan Willem Maarten Sven Bjørn Olaf Espen Jukka"),
        _w("Anna Katarina Ursula Annalena Sabine Petra Claudia Julia Birgit Ingrid Kristin Sigrid Astrid "
           "Helene Karin Lena Mette Hanna Johanna Liv Eva Femke Sanne Tuula Ingeborg"),
        _w("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein "
           "Wolf Schröder Neumann Braun Zimmermann Hofmann Hartmann Lange Krüger Berg Larsen Hansen "
           "Johansson Andersson Nielsen Eriksson Lindqvist Virtanen Korhonen de_Vries van_Dijk Jansen "
           "Bakker Visser Smit Meijer Haugen Solberg Lindholm Rasmussen Gunnarsson"),
    ),
    "slavic": (
        _w("Aleksandr Sergey Dmitry Andrei Alexei Mikhail Ivan Nikolai Vladimir Pavel Oleksandr Andriy "
           "Dmytro Yuriy Taras Piotr Tomasz Krzysztof Marek Jakub Tomáš Petr Milan Aleksandar Nikola Marko "
           "Goran Dragan Zoran Boris Georgi Radoslav"),
        _w("Elena Olga Tatiana Natalia Irina Svetlana Anna Maria Yulia Olena Oksana Iryna Kateryna "
           "Agnieszka Katarzyna Magdalena Jana Petra Lenka Marija Jelena Ivana Milica Daniela Zuzana"),
        _w("Ivanov Petrov Sidorov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov "
           "Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Nowak Kowalski Wiśniewski Wójcik "
           "Kamiński Lewandowski Zieliński Novák Svoboda Dvořák Horvat Kovačević Babić Marić Jovanović "
           "Petrović Nikolić Đorđević Dimitrov Georgiev Stoyanov Kolev Lukashev Grushko Vasiliev Zaharov"),
    ),
    "southern_european": (
        _w("Giuseppe Giovanni Antonio Marco Luca Alessandro Andrea Francesco Matteo Stefano Nikos Giorgos "
           "Dimitris Konstantinos Kostas Yannis Ion Mihai Bogdan Edi Ilir Arben Robert Ian Evarist"),
        _w("Giulia Francesca Chiara Sara Elena Maria Anna Giorgia Eleni Katerina Sofia Despina Ioana "
           "Andreea Mirela Monica Rudina Miriam Roberta"),
        _w("Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Gallo Conti De_Luca "
           "Mancini Costa Papadopoulos Georgiou Nikolaidis Dimitriou Konstantinou Christodoulou Popescu "
           "Ionescu Constantin Stan Dumitru Popa Gheorghe Lazăr Hoxha Shehu Berisha Kelmendi Borg "
           "Camilleri Vella Farrugia Zammit Abela Grech Caruana"),
    ),
    "arabic": (
        _w("Mohammed Ahmed Abdullah Khalid Faisal Saud Sultan Hamad Nasser Omar Ali Hassan Hussein "
           "Ibrahim Yousef Abdulaziz Abdulrahman Tariq Walid Sami Karim Ayman Sameh Mahmoud Mustafa Adel "
           "Jassim Majid Rashid Saif Anwar Nabil Fuad Badr Hisham Nayef Ziad"),
        _w("Fatima Aisha Maryam Noura Reem Lulwa Huda Amal Hessa Latifa Sara Lama Rania Dina Layla Salma "
           "Nadia Hanan Mona Lubna Najla"),
        _w("Al_Thani Al_Nahyan Al_Saud Al_Sabah Al_Khalifa Al_Busaidi Al_Maktoum Al_Mansouri Al_Hashimi "
           "Al_Zeyoudi Al_Qasimi Al_Jaber Al_Marri Al_Otaibi Al_Harbi Al_Ghamdi Al_Shamsi Al_Kaabi "
           "Al_Hammadi Al_Falasi Al_Suwaidi Al_Dhaheri Safadi Haddad Khoury Mansour Shoukry Bourita Attaf "
           "Nafti Zayani Barakat Saleh Awad Kassem Hijazi Masri Tawil El-Sayed Farouk Bakr Benali Mekki "
           "Ouali Tlili Zaidi Hamdan"),
    ),
    "turkic_persian": (
        _w("Mehmet Mustafa Ahmet Ali Hakan Murat Emre Cem Mevlüt Abbas Hossein Javad Mohammad Reza Saeed "
           "Bakhtiyor Sardor Rustam Timur Nurlan Yerlan Askar Kairat Dauren Jeyhun Elmar Farhad Rashid "
           "Sirojiddin Serdar Bakhodir Azamat"),
        _w("Ayşe Fatma Elif Zeynep Emine Selin Leyla Gulnara Aigerim Dilnoza Zarina Saodat Shirin Parisa "
           "Mahnaz Gulshan Aida Aliya Madina Nargiza"),
        _w("Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Ergin "
           "Rahimi Karimi Hosseini Mousavi Tehrani Ahmadi Jafari Saidov Norov Nurmagambetov Kazybayev "
           "Mukhtarov Aliyev Bayramov Mammadov Hasanov Meredov Kulov Abdyldaev Usmonov Tursunov Karimov "
           "Ashurov Sultanov Omarov"),
    ),
    "south_asian": (
        _w("Rajesh Suresh Ramesh Amit Vikram Arjun Rahul Sanjay Anil Vinay Harsh Piyush Ashok Imran "
           "Shehbaz Asif Ishaq Tariq Mahmud Touhid Hasan Obaidul Kamal Ranil Vijitha Mahinda Narayan Ram "
           "Krishna Pradeep Anura Sudarshan"),
        _w("Priya Anjali Sunita Meenakshi Nirmala Smriti Kavita Sushma Deepa Lakshmi Hina Sherry Dipu "
           "Sajeda Harini Pavithra Tara Sita Arzu Shabnam Rukhsana"),
        _w("Sharma Verma Gupta Kumar Singh Patel Reddy Iyer Nair Menon Rao Joshi Mehta Chopra Kapoor "
           "Malhotra Goyal Khan Qureshi Chaudhry Malik Butt Ahmed Rahman Hossain Chowdhury Islam Haque "
           "Uddin Herath Wickramaratne Jayasuriya Perera Fernando Senanayake Dahal Khadka Poudel Bhattarai "
           "Shrestha Thapa Gurung Adhikari Karki Rasheed Zahir"),
    ),
    "chinese": (
        # given names are built from two syllables; the lists hold syllables
        _w("Jian Guo Hua Ming Wei Jun Qiang Lei Tao Hong Ping Xin Yong Jie Hao Bo Feng Zhi Gang Bin Kai "
           "Chao Xiang Dong Sheng Peng Yi"),
        _w("Mei Ling Xia Li Na Jing Hui Yu Qing Wen Yan Fang Lan Xue Ying Juan Yun Qian"),
        _w("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng "
           "Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye "
           "Cheng Wei Su Lu Ding Ren Shen Yao Lim Tan Ong Goh Teo"),
    ),
    "korean": (
        _w("Min Tae Jin Kyung Hyun Ji Young Sung Dong Jae Sang Chul Yoon In Ho Joon Seok"),
        _w("Seo Hye Eun Soo Mi Ji Yeon Ha Young Su"),
        _w("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong "
           "Jeon Ko Moon Yang Son Bae Baek Nam Noh"),
    ),
    "japanese": (
        _w("Takeshi Hiroshi Kenji Yoshimasa Fumio Taro Shigeru Toshimitsu Yoshihide Katsunobu Koichi "
           "Masahiro Daisuke Kazuo Akira Shinji Yuji Hideki Takuya Ryota Satoshi"),
        _w("Yoko Yuko Seiko Tomomi Sanae Keiko Michiko Akiko Naoko Yumiko Haruka Emi Ayumi Kanako"),
        _w("Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada "
           "Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Ikeda Hashimoto Ishii "
           "Okada Fujita Ogawa Nishimura Kondo Murakami"),
    ),
    "vietnamese": (
        # (male given, female given, family names); the middle name is drawn from MIDDLE below
        _w("An Binh Cuong Dung Hai Hieu Hung Huy Khai Khoa Lam Long Minh Nam Nghia Phuc Quang Son "
           "Thang Thinh Trung Tuan Vinh Chinh Hoa Ha Dat Tien"),
        _w("Hang Lan Linh Mai Nga Phuong Thao Thu Trang Yen Hanh Huong Ngan Nhung Tam"),
        _w("Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Dinh Truong Mai To "
           "Luong Trinh Ha Doan"),
    ),
    "malay_indonesian": (
        _w("Joko Budi Agus Bambang Sugiono Airlangga Anwar Mohamad Zambry Hishammuddin Saifuddin Ahmad "
           "Muhammad Rizal Hafiz Arif Yusof Ismail Azmin Hasan Luhut Pratikno Teuku Dedi Erwin Hamid"),
        _w("Retno Sri Siti Dewi Puan Nurul Fadillah Yuyun Rina Wulan Indah Ayu Nor Zuraida Hannah "
           "Aishah Mega Tri"),
        _w("Marsudi Widodo Hartarto Santoso Wibowo Pratama Saputra Hidayat Kusumawardani Gunawan Halim "
           "Siregar Nasution Sitompul Ibrahim Kadir Hussein Rahman Hamzah Othman Razak Yaakob Abdullah "
           "Mahmud Aziz Sudirman Wirajuda Setiawan Purnomo Lubis Harahap"),
    ),
    "thai": (
        _w("Somchai Surapong Wanchai Chatchai Jirapat Kittisak Sarawut Thanakorn Pongsak Narong Anucha "
           "Prasert Suchart Weerasak Chaiwat Nattapong"),
        _w("Ploy Nattaya Siriporn Wanida Kanokwan Pimchanok Suda Ratana Orathai Chayanin"),
        _w("Tangsuwan Srisuk Rattanakorn Chaiyaporn Wongsawat Boonyarit Sukhumvit Phromsiri Kaewkla "
           "Thongdee Sangthong Charoenphol Suwannarat Wattanavekin Jaidee Phonprasert Sirisamphan"),
    ),
    "khmer": (
        _w("Manet Chenda Sokhonn Chanthol Vichet Sokha Bunthoeun Sophal Rithy Dara Vanna Savath "
           "Sokhom Kosal Piseth Vannak"),
        _w("Sophea Phalla Sreymom Chanthou Bopha Sokunthea Rachana Malis"),
        _w("Hun Sok Prak Sun Chea Hang Keo Chan Ouk Men Tea Neth Yim Kao Ly Sam"),
    ),
    "lao": (
        _w("Saleumxay Sonexay Thongloun Bounleua Xaysana Phankham Khamphao Vilay Somsavat Bounkong"),
        _w("Souphanh Manivanh Chansamone Viengkham Khampheng"),
        _w("Kommasith Siphandone Sisoulith Sinavong Vongphachanh Phommachanh Inthavong Keomany "
           "Souvannavong Xayavong"),
    ),
    "burmese": (
        # names are two or three of these syllables
        _w("Aung Kyaw Moe Than Swe Min Zaw Htun Thein Tin Myint Win Soe Naing Hla Nyunt Zin Thant"),
        _w("Khin Thida May Su Nwe Yin Ei Phyu Mya Wai"),
        _w("Aung Kyaw Moe Than Swe Min Zaw Htun Thein Tin Myint Win Soe Naing Hla Oo Lwin Maung"),
    ),
    "filipino": (
        _w("Enrique Ferdinand Rodrigo Jose Manuel Antonio Eduardo Gilberto Teodoro Ricardo Alfredo Ramon "
           "Jesus Rafael Emmanuel Raul Benjamin Ernesto"),
        _w("Maria Maricel Leni Gloria Imelda Corazon Cynthia Risa Loren Theresa Lourdes Clarissa Evelyn"),
        _w("Manalo Lazaro Romualdez Santos Reyes Cruz Bautista Villanueva Dizon Mendoza Garcia Castillo "
           "Dimaculangan Macapagal Tolentino Soriano Pangilinan Salvador Estrada Ocampo Panganiban "
           "Magsaysay Sison Zamora"),
    ),
    "east_african": (
        _w("Abiy Demeke Taye Getachew Redwan Mahamoud Hassan Abdi Yusuf Paul Vincent Yoweri Evariste "
           "Januari Kassim Jakaya Kithure Moses Kipchumba Alfred Peter Elias Abdirizak Musalia Ahmed Wilson"),
        _w("Samia Ruth Rebecca Monica Liberata Jeanine Stergomena Amina Naisula Winnie Wanjiru Zawadi "
           "Halima Lulit Meaza Hiwot Mekdes Esther"),
        _w("Kiprotich Wanjala Ochieng Otieno Kamau Njoroge Mwangi Omondi Kiptoo Makamba Kombo Mulamula "
           "Oryem Okello Mugisha Nduhungirehe Biruta Shingiro Tesfaye Mekonnen Haile Alemu Gebremedhin "
           "Abraham Osman Warsame Mohamud Mutiso Wekesa Chepkoech Nyerere Mwinyi Bizimana Habimana"),
    ),
    "west_african": (
        _w("Bola Yusuf Kashim Olusegun Oluwaseun Chinedu Emeka Nnamdi Babajide Abubakar Aminu Ibrahim "
           "Kwame Kofi Kwabena Yaw Samuel Julius Joseph George Ernest Alhaji Femi Tunde"),
        _w("Ngozi Chioma Adaeze Folake Funmilayo Aisha Zainab Shirley Ama Akosua Abena Efua Hannah "
           "Grace Comfort Ellen Saran Bisi"),
        _w("Adeyemi Okonkwo Okafor Eze Nwosu Adebayo Ogunleye Balogun Bello Danjuma Botchwey Ablakwa "
           "Mensah Asante Owusu Boateng Appiah Osei Ofori Koroma Kabba Sowe Jallow Ceesay Tuggar Oyelaran "
           "Nwachukwu Agyeman Darko Kamara Sesay"),
    ),
    "southern_african": (
        _w("Ronald Jacob Thabo Sipho Bheki Mandla Themba Emmerson Frederick Hakainde Lazarus Duma "
           "Mokgweetsi Lebogang Tshepo Kagiso Tendai Chipo Mulenga"),
        _w("Naledi Nkosazana Lindiwe Thandi Nomvula Grace Netumbo Saara Lerato Palesa Nosiviwe Busisiwe "
           "Ruvimbo Mpho"),
        _w("Lamola Dlamini Mbeki Motsepe Ndlovu Nkosi Mokoena Khumalo Mahlangu Sithole Murwira Shava "
           "Haimbe Masisi Shikongo Matekane Mthethwa Banda Phiri Mwale Tembo Moyo Chikwanha Mutasa "
           "Nkomo Seretse Molefe Kgosi"),
    ),
    "pacific": (
        _w("Sitiveni Mark James Manasseh Jeremiah Ralph Kausea Siaosi Feleti Viliame Justin Taneti "
           "David Surangel Pita Semi Tevita Joseph"),
        _w("Fiame Naomi Teresa Losana Mele Salote Lupe Ana Makereta"),
        _w("Rabuka Marape Sogavare Manele Tabimasmas Napat Salwai Sovaleni Teo Natano Maamau Whipps "
           "Panuelo Kabua Heine Pato Kalsakau Regenvanu Naupoto Tuilagi Fonua Vainikolo Leavasa Aiono"),
    ),
    "caucasian": (
        _w("Irakli Giorgi Levan David Zurab Nikoloz Ararat Armen Vahe Tigran Ruben Gevorg Shalva"),
        _w("Salome Tamar Nino Ekaterine Anna Lilit Ani Mane Natia"),
        _w("Kobakhidze Darchiashvili Beridze Kapanadze Lomidze Mirzoyan Grigoryan Hakobyan Sargsyan "
           "Petrosyan Avetisyan Tsereteli Gelashvili Khachatryan"),
    ),
    "mongolian": (
        _w("Batmunkh Ganbold Enkhbayar Tsogtbaatar Sukhbaatar Nyamdorj Munkh-Orgil Battulga Erdenebat "
           "Luvsannamsrai Amarsaikhan"),
        _w("Battsetseg Bolormaa Oyunchimeg Sarangerel Enkhtuya Nomin Oyun-Erdene"),
        _w("Batbold Dorj Ganzorig Bayar Tsend Purev Damdin Lkhagva Otgon Jargal"),
    ),
    "hebrew": (
        _w("Yair Benjamin Gideon Eli Israel Avi Moshe Yoav Naftali Yossi Amir Ron Itamar"),
        _w("Tzipi Ayelet Miri Orit Michal Yael Shira Noa Sharren"),
        _w("Cohen Levi Mizrahi Peretz Biton Friedman Katz Golan Shapira Ben-David Azoulay Dahan "
           "Rosenberg Avraham Haskel"),
    ),
}
VIETNAMESE_MIDDLE = _w("Van Duc Minh Thanh Quoc Hong Xuan Dinh Huu Ngoc Anh Manh Tuan Kim Cong Trong")
VIETNAMESE_MIDDLE_F = _w("Thi Thi Thi Ngoc Thanh Hong Kim Thu")

# naming tradition -> ISO 3166-1 alpha-3 codes whose people are named in it
TRADITION_CODES = {
    "english": "USA GBR CAN AUS NZL IRL JAM TTO BHS BRB GUY BLZ ATG DMA GRD KNA LCA VCT BMU CYM VGB TCA "
               "GIB FLK SHN IMN JEY GGY",
    "hispanic": "ESP MEX ARG CHL COL PER VEN ECU BOL PRY URY CRI PAN GTM HND SLV NIC CUB DOM PRI GNQ",
    "lusophone": "PRT BRA AGO MOZ CPV GNB STP TLS",
    "french": "FRA BEL LUX CHE MCO SEN CIV MLI BFA NER GIN BEN TGO CMR GAB COG COD CAF TCD MDG HTI COM "
              "MUS SYC BDI",
    "germanic": "DEU AUT NLD DNK SWE NOR FIN ISL LIE EST LVA LTU",
    "slavic": "RUS UKR BLR POL CZE SVK SVN HRV SRB BIH MNE MKD BGR",
    "southern_european": "ITA GRC CYP MLT SMR VAT ALB ROU MDA AND HUN XKX",
    "arabic": "SAU ARE QAT KWT BHR OMN YEM IRQ SYR JOR LBN PSE EGY LBY TUN DZA MAR MRT SDN DJI ESH",
    "turkic_persian": "TUR AZE KAZ UZB KGZ TKM TJK IRN AFG",
    "south_asian": "IND PAK BGD NPL LKA BTN MDV",
    "chinese": "CHN TWN HKG MAC SGP",
    "korean": "KOR PRK",
    "japanese": "JPN",
    "vietnamese": "VNM",
    "malay_indonesian": "IDN MYS BRN",
    "thai": "THA",
    "khmer": "KHM",
    "lao": "LAO",
    "burmese": "MMR",
    "filipino": "PHL",
    "east_african": "KEN TZA UGA RWA ETH ERI SOM SSD",
    "west_african": "NGA GHA SLE LBR GMB",
    "southern_african": "ZAF ZWE ZMB MWI BWA NAM LSO SWZ",
    "pacific": "FJI PNG SLB VUT WSM TON KIR TUV NRU PLW FSM MHL COK NIU",
    "caucasian": "GEO ARM",
    "mongolian": "MNG",
    "hebrew": "ISR",
}
CODE_TRADITION = {code: tradition for tradition, codes in TRADITION_CODES.items() for code in codes.split()}
# for codes not listed: a tradition picked by a hash of the code
FALLBACK_TRADITIONS = ["english", "french", "hispanic", "english", "southern_european", "germanic"]
