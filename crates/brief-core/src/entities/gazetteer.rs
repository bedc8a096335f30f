//! Built-in word lists: states, places, demonyms, given names, and the
//! capitalized words that are never names. Lists are plain text, one entry a
//! line or a space-separated word list, so that they read and diff easily.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::kinds::is_title;
use super::names::key;
use super::units::is_connector;
use crate::text::lexicon::{month_words, SENTENCE_STARTERS, WEEKDAYS};

/// States: the canonical name, then other names, separated by `|`. Former
/// states that briefs still discuss are included, and so are the nations of
/// the United Kingdom, which field their own teams and governments.
const STATES: &str = "\
England
Scotland
Wales
Northern Ireland
Afghanistan
Albania
Algeria
Andorra
Angola
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahrain
Bangladesh
Belarus|Belorussia|Byelorussia
Belgium
Benin
Bhutan
Bolivia
Bosnia and Herzegovina|Bosnia
Botswana
Brazil
Brunei
Bulgaria
Burkina Faso
Burundi
Cambodia
Cameroon
Canada
Central African Republic
Chad
Chile
China|PRC|People's Republic of China|Mainland China
Colombia
Costa Rica
Croatia
Cuba
Cyprus
Czech Republic|Czechia
Denmark
Djibouti
Dominican Republic
Ecuador
Egypt
El Salvador
Eritrea
Estonia
Ethiopia
Fiji
Finland
France|French Republic
Gabon
Gambia
Georgia
Germany|Federal Republic of Germany
Ghana
Greece
Guatemala
Guinea
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran|Islamic Republic of Iran
Iraq
Ireland
Israel
Italy
Ivory Coast|Côte d'Ivoire
Jamaica
Japan
Jordan
Kazakhstan
Kenya
Kosovo
Kuwait
Kyrgyzstan|Kyrgyz Republic
Laos
Latvia
Lebanon
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Mauritania
Mexico
Moldova
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar|Burma
Namibia
Nepal
Netherlands|Holland
New Zealand
Nicaragua
Niger
Nigeria
North Korea|DPRK|Democratic People's Republic of Korea
North Macedonia|Macedonia
Norway
Oman
Pakistan
Palestine
Panama
Papua New Guinea
Paraguay
Peru
Philippines
Poland
Portugal
Qatar
Romania
Russia|Russian Federation|RF
Rwanda
Saudi Arabia
Senegal
Serbia
Sierra Leone
Singapore
Slovakia
Slovenia
Somalia
South Africa
South Korea|Republic of Korea|ROK
South Sudan
Spain
Sri Lanka
Sudan
Sweden
Switzerland
Syria
Taiwan|Republic of China|ROC
Tajikistan
Tanzania
Thailand
Tunisia
Turkey|Türkiye
Turkmenistan
Uganda
Ukraine
United Arab Emirates|UAE
United Kingdom|UK|Great Britain|Britain
United States|US|U.S.|USA|U.S.A.|United States of America|America
Uruguay
Uzbekistan
Vatican
Venezuela
Vietnam|Viet Nam
Yemen
Zambia
Zimbabwe
Soviet Union|USSR
Yugoslavia
Czechoslovakia
East Germany|GDR";

/// Cities, which stand for governments ("Moscow and Beijing") but are
/// places, not actors.
const CITIES: &str = "\
Moscow Beijing Washington London Paris Berlin Brussels Tokyo Seoul Pyongyang Delhi Islamabad \
Tehran Kabul Baghdad Damascus Ankara Istanbul Kyiv Kiev Minsk Tbilisi Yerevan Baku Astana Almaty \
Bishkek Dushanbe Tashkent Ashgabat Ulaanbaatar Hanoi Bangkok Jakarta Manila Canberra Ottawa \
Shanghai Macau Hangzhou Guangzhou Shenzhen Wuhan Harbin Tianjin Chongqing Urumqi Lhasa Taipei \
Vladivostok Khabarovsk Novosibirsk Irkutsk Sochi Kazan Murmansk Kaliningrad Geneva Vienna Rome \
Madrid Warsaw Prague Budapest Helsinki Stockholm Oslo Copenhagen Vilnius Riga Tallinn Chicago \
Boston Jerusalem Riyadh Dubai Doha Cairo Gwadar Davos Munich Hague Tiananmen";

/// Cities of more than one word.
const MULTIWORD_CITIES: &str = "\
Hong Kong
New Delhi
New York
Los Angeles
San Francisco
Tel Aviv
Abu Dhabi
Kuala Lumpur
Buenos Aires
Rio de Janeiro
Sao Paulo
St Petersburg
Saint Petersburg
The Hague
Nur-Sultan";

/// Regions, continents, seas: a name containing one is a place.
const REGIONS: &str = "\
Asia Europe Africa Eurasia Arctic Antarctic Antarctica Pacific Atlantic Mediterranean Caribbean \
Caucasus Balkans Baltic Siberia Scandinavia Oceania Levant Sahel Crimea Donbas Donbass Xinjiang \
Tibet Manchuria Kashmir Chechnya West East North South Midwest Amur Indo-Pacific Asia-Pacific \
Near-Arctic Transcaucasia";

/// Regions of more than one word whose words are not regions alone.
const MULTIWORD_REGIONS: &str = "\
South America
North America
Latin America
Central America";

/// Demonyms, regional adjectives and the nouns for a country's people
/// ("Briton", "Spaniard"): not names on their own ("Russian",
/// "the Chinese"), though they start some ("Russian Central Bank").
const DEMONYMS: &str = "\
Russian Chinese American European Asian Soviet Western Eastern Northern Southern French British \
English German Japanese Korean Indian Pakistani Iranian Syrian Ukrainian Belarusian Kazakh \
Vietnamese Mongolian Turkish Arab Arabian Israeli Georgian Armenian Azerbaijani Tajik Kyrgyz Uzbek \
Turkmen Afghan Sino Anglo Euro Eurasian Siberian Belorussian Canadian Australian Italian Spanish \
Polish Swedish Finnish Norwegian Dutch Brazilian Mexican Egyptian Iraqi Libyan Greek Serbian \
Hungarian Czech Romanian Bulgarian Nordic Slavic Muslim Islamic Christian Baltic Asiatic Arctic \
Pacific Atlantic Olympic Paralympic Caucasian Far Eastern Central Southeast Northeast Russo Indo Franco \
Irish Scottish Scots Welsh Danish Swiss Austrian Belgian Portuguese Icelandic Maltese Cypriot Croatian \
Slovak Slovenian Bosnian Albanian Estonian Latvian Lithuanian Nigerian Kenyan Ghanaian Zambian \
Ethiopian Somali Sudanese Moroccan Algerian Tunisian Lebanese Jordanian Saudi Kuwaiti Qatari Thai \
Indonesian Malaysian Filipino Singaporean Argentine Argentinian Chilean Colombian Peruvian Cuban \
Venezuelan \
Briton Dutchman Dutchmen Frenchman Frenchmen Englishman Englishmen Scotsman Scotsmen Irishman Irishmen \
Welshman Welshmen Spaniard Dane Swede Scot Turk Pole";

/// Given names common in the genre, and the most common ones of the
/// languages news prose names people in (English, French, German, Italian,
/// Spanish, Portuguese, Dutch and Nordic, Indian, Arabic, Japanese), less
/// those that are also common words or places ("Hope", "Chase", "Sydney"):
/// a capitalized pair starting with one is a person's name.
const GIVEN_NAMES: &str = "\
Vladimir Sergey Sergei Dmitri Dmitry Alexander Aleksandr Alexei Alexey Andrei Andrey Anatoly Anton \
Artyom Boris Evgeny Yevgeny Igor Ivan Konstantin Leonid Maria Mikhail Nikolai Nikita Oleg Pavel \
Pyotr Vasily Viktor Victor Vyacheslav Yuri Yury Valery Valentina Elvira Tatiana Natalia Olga Irina \
Svetlana Anna Elena Ekaterina Maxim Ramzan Gennady Fyodor Grigory Kirill Lev Nursultan \
Kassym-Jomart Emomali Shavkat Ilham Nikol Alyaksandr Volodymyr Petro Viktor Yulia \
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew \
Anthony Mark Donald Steven Steve Paul Andrew Kenneth Kevin Brian George Timothy Ronald Edward Jason \
Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Benjamin Samuel Frank \
Gregory Raymond Patrick Jack Dennis Henry Adam Douglas Nathan Peter Walter Harold Jeremy Carl \
Keith Roger Gerald Sean Arthur Lawrence Joe Bryan Albert Bruce Gabriel Alan Juan Wayne \
Ralph Roy Eugene Vincent Russell Louis Philip Bill Hillary Barack Mike Antony Condoleezza Zbigniew \
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Margaret \
Sandra Emily Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura \
Cynthia Kathleen Amy Angela Helen Catherine Katherine Christine Rachel Janet Ruth Heather Diane \
Victoria Olivia Julia Madeleine Kamala Theresa Ursula Federica Josep Emmanuel Nicolas \
Jacques Francois François Jean Olaf Helmut Gerhard Franz Frank-Walter \
Tony Gordon Winston Rishi Keir Shinzo Fumio Yoshihide Narendra Manmohan Imran Nawaz \
Recep Ahmet Hassan Bashar Ali Mohammed Muhammad Ahmed Hossein Ebrahim Benjamin Kim Moon Lee \
Antonio Carlos Jose José Luis Giuseppe Marco Mario Javier Manuel Francesco Michal Nicu Tomasz \
Evan Dara Graham Fiona Artem Ilya \
Tom Tim Jim Jamie Ian Iain Neil Nigel Simon Chris Nick Phil Ben Dan Sam Rob Robbie Bob Andy Alex \
Colin Martin Malcolm Duncan Stuart Stewart Alistair Alastair Hugh Hugo Rory Liam Luke Owen Gareth \
Gavin Craig Ross Callum Lewis Matt Max Oliver Harry Charlie Ken Ron Greg Danny Darren Dean Shane \
Kieran Declan Barry Terry Derek Trevor Clive Geoff Geoffrey Howard Ray Jeff Glenn Glen Karl Marcus \
Mick Pete Rick Ricky Ronnie Sid Stan Jane Kate Katie Claire Clare Emma Lucy Sophie Charlotte Hannah \
Holly Jenny Jo Joanne Julie Kelly Kerry Louise Lynn Nicola Paula Sally Sue Tessa Tracy Vicky Wendy \
Zoe Alison Anne Ann Caroline Diana Gillian Harriet Jacqui Jackie Judith Liz Maggie Marie Sheila \
Sonia \
Aaron Abdul Abdullah Abhishek Abigail Adele Adrian Adriana Agnes Ahmad Aidan Aisha Ajay Akira Alain \
Alberto Aldo Alejandro Alessandra Alessandro Alexandra Alfonso Alfred Alfredo Alice Alicia Alina \
Alistair Amanda Amir Amit Anand Anastasia Andre Andrea Andreas Andres Angelina Angelo Anil Anita \
Annette Annie Ansel Antoine Antonia Anwar Arjun Armando Arnaud Arnold Arturo Ashley Ashok Ayman \
Barbara Beatrice Belinda Bernadette Bernard Bernardo Bertrand Beth Bethany Beverley Bianca \
Bjorn Blake Boyd Brenda Brendan Brett Bridget Brigitte Bruno Calvin Cameron Camilla Carla Carlo \
Carmen Carole Cassandra Cathy Cecil Cecilia Cedric Celine Cesar Charlene Cheryl Chloe Christina \
Christoph Christophe Claude Claudia Claudio Clement Clifford Clint Colette Connor Conor Cyril \
Damian Damien Daniele Danielle Daphne Darius Dave Davide Debbie Deepak Denise Desmond Didier Diego \
Dieter Dimitri Dina Dinesh Dominic Dominique Donna Donovan Doris Dougie Duane Dwayne Eamon Eamonn \
Eddie Edgar Edith Edmund Eduardo Edwin Eileen Elaine Eleanor Elena Elias Elisa Elisabeth Ellen \
Elliot Elliott Eloise Elsa Elvis Emile Emilia Emilio Enrico Enrique Erica Erika Ernesto Esteban \
Esther Etienne Eugen Eva Evelyn Fabian Fabio Fabrice Farid Fatima Felicity Fergus Fernando Frances \
Francesca Francis Francisco Franco Francoise Frankie Fraser Fred Freddie Frederic Frederick Fritz \
Gabriela Gabrielle Gail Gaurav Geraint Geraldine Gerard Gerardo Gerry Gianluca Gilbert Gilles Gina \
Giorgio Giovanni Giulia Gloria Glyn Gonzalo Gordon Graeme Greta Guido Guillaume Gunter Gustavo Gwen \
Gwyneth Hakan Hamid Hans Harold Harvey Hassan Hector Heidi Heinz Helena Helmut Herbert Herve Hilary \
Hiroshi Horst Hubert Humphrey Hussein Ibrahim Ignacio Imran Ingrid Irene Isaac Isabel Isabella \
Isabelle Ismail Ivor Jacob Jacqueline Jaime Jake Jamal Janice Jarvis Javed Jay Jean-Claude Jean-Luc \
Jean-Marie Jean-Pierre Jeanette Jennie Jens Jeremie Jerome Jesse Jessie Jesus Joachim Joan Joanna \
Joao Jocelyn Joel Johan Johann Johannes Johnny Jon Jonas Jonny Jordi Jorge Josef Josephine Joshua \
Joyce Judy Juergen Julia Julian Julien Juliet Julio Jurgen Justine Kai Karim Karin Kathryn Kathy \
Katrin Kazuo Keiko Kelvin Kenji Kenneth Kerry Khalid Kim Kirsty Klaus Kofi Koji Kristin Kumar Kurt \
Lara Lars Lauren Laurence Laurent Leah Leigh Lena Lennox Leon Leonard Leonardo Leroy Lesley Leslie \
Lindsay Lindsey Lionel Lorenzo Lorna Lorraine Louis Louisa Luc Luca Lucas Lucia Ludovic Luigi Lukas \
Lydia Lyndon Lynne Mahmoud Makoto Mandy Manfred Manoj Marc Marcel Marcello Marcelo Marcia Marco \
Margo Maria Marianne Mariano Marilyn Marina Mario Marion Marius Marjorie Marta Marten Martha \
Martina Massimo Mathieu Matthias Maureen Maurice Mauricio Maurizio Mehmet Melanie Meryl Michaela \
Michel Miguel Mikael Miranda Miriam Mitchell Mohamed Mohammad Mohan Monica Monique Morten Mukesh \
Murat Mustafa Nadeem Nadia Naoki Naomi Natalie Natasha Nathalie Naveen Neville Niall Nicole Nigel \
Nikki Nils Nina Noel Nora Norbert Noreen Norma Olivier Omar Orlando Osman Otto Pablo Paige Pamela \
Pascal Patrice Patrik Patsy Paulette Pauline Pavel Pedro Penelope Percy Petra Philippa Philippe \
Phyllis Pierre Pietro Pradeep Priscilla Rachael Rafael Rahul Raj Rajesh Rajiv Ralf Ramon Randy Raul \
Rebekah Reggie Reinhard Rene Renee Ricardo Riccardo Richie Rik Rita Roberta Roberto Rodney Rodrigo \
Roland Rolf Romain Ron Ronan Rosa Rosalind Rosemary Roxanne Rudolf Rudy Rupert Sabine Sabrina \
Sachin Salman Salvatore Samantha Sami Samir Sandeep Sandra Sanjay Santiago Sara Satoshi Sebastian \
Sebastien Serena Sergio Seth Shahid Shannon Shaun Shawn Shirley Sidney Silvia Silvio Simone Sinead \
Sofia Sonja Sonny Stefan Stefano Steffen Stella Stephane Sunil Suresh Suzanne Sven Sylvain Sylvia \
Takeshi Tamara Tanya Taro Terence Teresa Thelma Thierry Tina Tobias Todd Tomas Toni Torsten Tracey \
Travis Ulrich Ulrike Umberto Uwe Valentin Valerie Vanessa Veronica Vijay Vikram Vincenzo Vinod Viv \
Vivek Vivienne Walid Werner Wilfred Wim Wolfgang Xavier Yann Yannick Yasser Yasuo Yoshiro Youssef \
Yusuf Yves Yvonne Zach Zachary Zara Zinedine Zoe Zoltan";

/// More given names of the same languages and of Welsh, Irish, Scottish,
/// Greek and Nordic, with the short forms English uses ("Jimmy", "Dick"),
/// from general knowledge (not from the labelled articles), less common
/// words and places as above.
const MORE_GIVEN_NAMES: &str = "\
Dick Jerry Buddy Martyn Rhodri Giacomo Jules Cristiano Ruud Bobby Billy Jimmy Tommy Kenny Sammy \
Teddy Freddy Eddy Ernie Hank Marty Mickey Micky Paddy Willie Wally Vinnie Ted Lenny Benny Johnnie \
Alfie Archie Nicky Timmy Dwight Wesley Curtis Elton Kirk Lance Mel Meg Marlon Mitch Quentin Vernon \
Clarence Clayton Darryl Daryl Derrick Dustin Reginald Roderick Rowan Seymour Wilbur Nathaniel Neal \
Irving Hal Herb Russ Perry Rhys Dafydd Gethin Aled Huw Iwan Emyr Gwyn Dai Ieuan Seamus Eoin Padraig \
Donal Mairead Siobhan Aoife Hamish Alasdair Euan Ewan Gianni Paolo Fabrizio Alessio Luciano \
Gianfranco Pierluigi Filippo Gennaro Luiz Thiago Rui Nuno Paulo Jaap Pieter Dirk Henk Joost Arjen \
Rinus Guus Frans Bastian Lothar Rudi Sepp Thorsten Joschka Gerd Ottmar Arsene Fabien Gael Serge \
Franck Segolene Amelie Audrey Juliette Aurelie Jean-Paul Jean-Louis Jean-Francois Iker Xabi Alvaro \
Sergi Vicente Joaquin Ruben Felipe Luisa Costas Kostas Nikos Yiannis Giorgos Dimitris Katerina \
Henrik Fredrik Anders Magnus Ole Zlatan Jesper Ulrika Agnetha Amitabh Aishwarya Ratan Lalu Atal \
Lakshmi Sourav Thabo Olusegun Junichiro Hideki Ichiro Britney Whitney Mariah Beyonce Kylie Dannii \
Julianne Kirsten Kristen Scarlett Uma Halle Charlize Cate Keira Sienna Jodie Jodi Megan Nadine \
Patti Polly Rosie Sadie Sheryl Stacey Tara Trudy Vera Wanda Yoko Zadie Imelda Gemma Leona Marian \
Martine Mia Molly Nell Phoebe Tamsin Teri Yasmin Hayley Kelli Jelena Lleyton Marat Goran";

/// Common Chinese surnames: "Xi Jinping", "Wei Fenghe", "Fu Ying" put the
/// surname first.
const CHINESE_SURNAMES: &str = "\
Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo Liang Song \
Zheng Xie Han Tang Feng Yu Dong Xiao Cheng Cao Yuan Deng Fu Shen Zeng Peng Lu Su Jiang Cai Jia \
Ding Wei Xue Ye Yan Pan Du Dai Xia Zhong Tian Ren Fan Fang Shi Yao Tan Liao Zou Xiong Jin Hao \
Kong Bai Cui Kang Mao Qiu Qin Gu Hou Shao Meng Long Wan Duan Lei Qian Yin Yi Chang Qiao Lai Gong \
Wen Xi Bo";

/// Capitalized words that start sentences or headings but never names,
/// beside the sentence starters of the lexicon.
const STOP_WORDS: &str = "\
By From With Or Nor Us You Your Whom Whose Despite Until Unlike Within Without Over Under \
Between Among Amid Into Onto Upon Both Each Every All Any Some Many Most More Much Such No Not \
Only Even Hence Indeed Instead Rather Perhaps Finally Other Another One Two Three Four Five Six \
Seven Eight Nine Ten Here Now Today Recently Furthermore Nonetheless Similarly Likewise \
Ultimately Officially Evidently Regardless Accordingly Consequently Therefore Besides Apart \
Just Like Unless Whether Because Do Are Was Were Be Been Has Have Had Can Could Will Would \
Shall Should May Might Must Let Mr Mrs Ms Dr Prof Sir Madam Yes Of To Up Out Off Down Via Per \
Vs Etc Please Note Source Sources See Read Share Link Copied Click Subscribe Sign Log Skip Menu \
Home Search Cite Table Contents Abstract Introduction Conclusion Conclusions Notes \
Acknowledgement Acknowledgements References Appendix Figure Fig Chapter Section Part Pages Page \
Vol Volume Issue Scenario";

/// Capitalized words that name no one on their own, though they stand in
/// names and before them: salutations and forms of address, the generic
/// nouns of government and statehood ("the Republic", "the Kingdom"), and
/// acronyms and words of technology and everyday life used as common nouns
/// ("on TV", "a DVD", "the Internet"). Titles ("President") count too, through
/// [`super::kinds::is_title`].
const GENERIC_WORDS: &str = "\
Excellency Excellencies Ladies Gentlemen Lady Lord Sir Madam Dame Dear Honourable Honorable \
Baron Baroness Majesty Highness Eminence Reverend Colleagues Friends Delegates Brothers Sisters \
Republic Kingdom Empire State States Nation Nations Government Governments Administration \
Agenda Parliamentarians Ministers Member Members Chair Speaker Deputy Deputies Officials \
TV DVD CD PC MP MEP MSP AM CEO CFO GDP GNP ID IT AI SMS MMS GPS DNA HIV VAT ATM PIN SIM USB LCD \
HD HDTV VCR DJ MP3 PDA UFO RSS URL ISP PR HQ CCTV DSL ADSL VoIP LED PVR OK TB \
Internet Web Net Online";

/// The lists, parsed once. Places and states are keyed by [`key`], so that
/// any spelling of a name finds them; single words are compared as written,
/// since "US" is a state and "Us" a pronoun.
pub(super) struct Gazetteer {
    /// Key of any state name → the canonical state name.
    pub states: FxHashMap<String, &'static str>,
    /// Canonical state name → its other names.
    pub state_aliases: FxHashMap<&'static str, Vec<&'static str>>,
    cities: FxHashSet<String>,
    regions: FxHashSet<String>,
    demonyms: FxHashSet<&'static str>,
    pub given_names: FxHashSet<&'static str>,
    pub chinese_surnames: FxHashSet<&'static str>,
    /// Months and weekdays, capitalized.
    pub months: FxHashSet<String>,
    pub stop_words: FxHashSet<&'static str>,
    generic: FxHashSet<&'static str>,
}

pub(super) fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let words = |list: &'static str| list.split_whitespace().collect::<FxHashSet<_>>();
        let mut states = FxHashMap::default();
        let mut state_aliases = FxHashMap::default();
        for line in STATES.lines() {
            let mut names = line.split('|');
            let canonical = names.next().unwrap_or(line);
            states.insert(key(canonical), canonical);
            let aliases: Vec<&str> = names.collect();
            for alias in &aliases {
                states.insert(key(alias), canonical);
            }
            state_aliases.insert(canonical, aliases);
        }
        let keys = |words: &str, lines: &str| -> FxHashSet<String> {
            words.split_whitespace().chain(lines.lines()).map(key).collect()
        };
        Gazetteer {
            states,
            state_aliases,
            cities: keys(CITIES, MULTIWORD_CITIES),
            regions: keys(REGIONS, MULTIWORD_REGIONS),
            demonyms: words(DEMONYMS),
            given_names: words(GIVEN_NAMES)
                .into_iter()
                .chain(words(MORE_GIVEN_NAMES))
                .collect(),
            chinese_surnames: words(CHINESE_SURNAMES),
            months: month_words().chain(WEEKDAYS.words()).map(capitalized).collect(),
            stop_words: words(STOP_WORDS)
                .into_iter()
                .chain(SENTENCE_STARTERS.words())
                .collect(),
            generic: words(GENERIC_WORDS),
        }
    })
}

impl Gazetteer {
    /// A demonym, or its plural ("Russians").
    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonyms.contains(word) || word.strip_suffix('s').is_some_and(|w| self.demonyms.contains(w))
    }

    /// A city or region, by the key of its name.
    pub fn is_place(&self, name_key: &str) -> bool {
        self.cities.contains(name_key) || self.regions.contains(name_key)
    }

    /// A name that names no one on its own: every word a title, a generic
    /// word (see [`GENERIC_WORDS`]), a connector, or the plural of an
    /// acronym ("MPs", "PCs": entities take no plural).
    pub fn is_generic_name(&self, name: &str) -> bool {
        name.split([' ', '-']).filter(|w| !w.is_empty()).all(|w| {
            let w = w.trim_end_matches([',', '.']);
            self.generic.contains(w) || is_title(&w.to_lowercase()) || is_connector(w) || is_plural_acronym(w)
        })
    }

    /// A region, continent or sea ("Europe", "Asia-Pacific"), not a city.
    pub fn is_region(&self, name_key: &str) -> bool {
        self.regions.contains(name_key)
    }
}

/// "MPs", "DVDs": capitals, then a lowercase plural "s".
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
}

/// "january" → "January" (the lexicon's lists are ASCII).
fn capitalized(word: &str) -> String {
    let mut out = word.to_string();
    out[..1].make_ascii_uppercase();
    out
}
