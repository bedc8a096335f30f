//! The labelled set (sentences, most from the seed documents, with the
//! figures a reader finds in them), the not-figures set, and robustness.
//!
//! A figure renders as `"surface" = value[..upper] kind [bound] [change] [year=Y]`,
//! kind being a currency code, `%`, `pp`, `count:NOUN`, `x` (multiplier),
//! `year`, `date` (value as yyyy-mm-dd) or `plain`.

use proptest::prelude::*;

use super::*;

pub(super) fn render(text: &str, f: &Figure) -> String {
    let number = |v: f64| {
        if v.abs() >= 1e6 && v.fract() == 0.0 {
            format!("{v:e}")
        } else {
            format!("{v}")
        }
    };
    let value = match f.kind {
        FigureKind::Date => {
            let v = f.value as i64;
            format!("{:04}-{:02}-{:02}", v / 10000, v / 100 % 100, v % 100)
        }
        _ => number(f.value),
    };
    let mut out = format!("\"{}\" = {value}", &text[f.range.start..f.range.end]);
    if let Some(upper) = f.upper {
        out += &format!("..{}", number(upper));
    }
    out += " ";
    out += &match &f.kind {
        FigureKind::Currency { code } => code.clone(),
        FigureKind::Percent => "%".into(),
        FigureKind::PercentagePoints => "pp".into(),
        FigureKind::Count { noun } => format!("count:{noun}"),
        FigureKind::Multiplier => "x".into(),
        FigureKind::Year => "year".into(),
        FigureKind::Date => "date".into(),
        FigureKind::Plain => "plain".into(),
    };
    match f.bound {
        Bound::Exact => {}
        Bound::About => out += " about",
        Bound::AtLeast => out += " at-least",
        Bound::AtMost => out += " at-most",
    }
    match f.change {
        None => {}
        Some(Change::Rise) => out += " rise",
        Some(Change::Fall) => out += " fall",
        Some(Change::FromTo) => out += " from-to",
    }
    if let Some(y) = f.year {
        out += &format!(" year={y}");
    }
    out
}

fn rendered(text: &str) -> Vec<String> {
    extract_figures(text).iter().map(|f| render(text, f)).collect()
}

/// (sentence, its figures). Seed sentences first, in document order, then
/// sentences written to cover each form the extractor must read.
const LABELLED: &[(&str, &[&str])] = &[
    (
        "In 2018, for the first time, Russia–China trade exceeded $100 billion, reaching $107 billion, accounting for 15 percent of Russian exports and imports (RT 2019).",
        &[
            r#""2018" = 2018 year"#,
            r#""exceeded $100 billion" = 1e11 USD at-least year=2018"#,
            r#""$107 billion" = 1.07e11 USD year=2018"#,
            r#""15 percent" = 15 % year=2018"#,
            r#""2019" = 2019 year"#,
        ],
    ),
    (
        "From 2014 to 2019, Russia–China trade volume rose by 17% (Visloguguzov 2019).",
        &[r#""From 2014 to 2019" = 2014..2019 year"#, r#""17%" = 17 % rise year=2019"#, r#""2019" = 2019 year"#],
    ),
    (
        "In 2018 Russia’s Central Bank drastically reduced the share of its assets held in the USA from 29.9 to 9.7%.",
        &[r#""2018" = 2018 year"#, r#""from 29.9 to 9.7%" = 29.9..9.7 % from-to year=2018"#],
    ),
    (
        "At the same time, the Central Bank increased its Chinese holdings from 2.6 to 14.1%.",
        &[r#""from 2.6 to 14.1%" = 2.6..14.1 % from-to"#],
    ),
    (
        "The share of the Russian Central Bank’s dollar-denominated reserves also decreased from 45.8 to 22.7%, while its yuan holdings jumped from 2.8 to 14.2% (Bank of Russia 2019).",
        &[
            r#""from 45.8 to 22.7%" = 45.8..22.7 % from-to"#,
            r#""from 2.8 to 14.2%" = 2.8..14.2 % from-to"#,
            r#""2019" = 2019 year"#,
        ],
    ),
    (
        "North Korea, for example, depends on China for 90 percent of its trade but still retains full political autonomy.",
        &[r#""90 percent" = 90 %"#],
    ),
    (
        "China has some 50 strategic partnerships with countries and organisations ranging from the EU as a whole to Angola, Belarus and Venezuela.",
        &[r#""some 50 strategic partnerships" = 50 count:partnerships about"#],
    ),
    (
        "At a major Russian-Chinese forum in a luxury hotel in central Moscow in June 2016, Russian foreign minister Sergey Lavrov announced to an audience of several hundred businessmen, diplomats, military personnel, scholars and journalists that relations were at the best point ever.",
        &[
            r#""June 2016" = 2016-06-00 date year=2016"#,
            r#""several hundred businessmen" = 300..900 count:businessmen about year=2016"#,
        ],
    ),
    (
        "Since 2015, Russia has increased the oil exports to China by 60% (Kiselyov 2019), displacing Saudi Arabia as China’s top supplier of crude oil.",
        &[r#""2015" = 2015 year"#, r#""60%" = 60 % rise year=2015"#, r#""2019" = 2019 year"#],
    ),
    (
        "By 2018, Sino-Russian trade exceeded $100 billion.",
        &[r#""2018" = 2018 year"#, r#""exceeded $100 billion" = 1e11 USD at-least year=2018"#],
    ),
    (
        "And the Russian Central Bank has tripled (to 15 percent) the share of its yuan holdings.",
        &[r#""tripled" = 3 x rise"#, r#""15 percent" = 15 %"#],
    ),
    (
        "China sent a relatively sizeable contingent of 3200 troops accompanied by military hardware including 30 aircraft.",
        &[r#""3200 troops" = 3200 count:troops"#, r#""30 aircraft" = 30 count:aircraft"#],
    ),
    (
        "The watershed moment came in September 2018 when China participated in Russia’s Vostok-2018 strategic maneuvers, allegedly the country’s largest military exercise since 1981.",
        &[r#""September 2018" = 2018-09-00 date year=2018"#, r#""1981" = 1981 year"#],
    ),
    (
        "Moscow agreed to sell China two of its best conventional weapons, S-400 surface-to-air missile systems and Su-35 fighter jets.",
        &[r#""two" = 2 plain"#],
    ),
    ("Moscow has signaled that Russia will be happy to use Chinese 5G technology.", &[]),
    (
        "Putin and Xi had their latest get-together on the margins of the G20 in Hangzhou, just 10 weeks or so after their talks in Beijing in late June.",
        &[r#""10 weeks or so" = 10 count:weeks about"#],
    ),
    (
        "This time, the two leaders did not sign, as they often do, dozens of agreements on economic and cultural cooperation.",
        &[r#""two leaders" = 2 count:leaders"#, r#""dozens of agreements" = 24..100 count:agreements about"#],
    ),
    (
        "But over the past two and a half years, these relations have assumed a new quality.",
        &[r#""two and a half years" = 2.5 count:years"#],
    ),
    ("China’s economy is already eight times that of Russia’s.", &[r#""eight times" = 8 x"#]),
    (
        "In China’s 2019 White Paper on national defense Russia is mentioned 24 times, up from two in the 2015 edition.",
        &[
            r#""2019" = 2019 year"#,
            r#""24 times" = 24 count:times year=2019"#,
            r#""two" = 2 plain year=2015"#,
            r#""2015" = 2015 year"#,
        ],
    ),
    (
        "In the fall of 2019, Belarus reportedly expected a 3.5-billion-yuan loan from Russia.",
        &[r#""2019" = 2019 year"#, r#""3.5-billion-yuan" = 3.5e9 CNY year=2019"#],
    ),
    (
        "The loan was worth CNY 3.5 billion, or RMB 10 billion in a later version.",
        &[r#""CNY 3.5 billion" = 3.5e9 CNY"#, r#""RMB 10 billion" = 1e10 CNY"#],
    ),
    (
        "The deal was valued at US$107bn, or USD 107 billion.",
        &[r#""US$107bn" = 1.07e11 USD"#, r#""USD 107 billion" = 1.07e11 USD"#],
    ),
    (
        "Exports reached 107 billion dollars and 500 million rubles.",
        &[r#""107 billion dollars" = 1.07e11 USD"#, r#""500 million rubles" = 5e8 RUB"#],
    ),
    ("The EU pledged €5 million and Britain £2.5m.", &[r#""€5 million" = 5e6 EUR"#, r#""£2.5m" = 2.5e6 GBP"#]),
    (
        "Japan offered ¥300 billion, Switzerland 10,000 Swiss francs.",
        &[r#""¥300 billion" = 3e11 JPY"#, r#""10,000 Swiss francs" = 10000 CHF"#],
    ),
    (
        "The fund holds $2.5tn in assets, up from $900bn.",
        &[r#""$2.5tn" = 2.5e12 USD"#, r#""$900bn" = 9e11 USD"#],
    ),
    (
        "Turnover was 15 per cent higher than in 2017.",
        &[r#""15 per cent" = 15 % year=2017"#, r#""2017" = 2017 year"#],
    ),
    (
        "Unemployment fell 3 percentage points to 5.2%.",
        &[r#""3 percentage points" = 3 pp fall"#, r#""5.2%" = 5.2 %"#],
    ),
    (
        "Its share of world GDP rose from 2.8 to 14.2% over two decades.",
        &[r#""from 2.8 to 14.2%" = 2.8..14.2 % from-to"#, r#""over two decades" = 2 count:decades at-least"#],
    ),
    ("The 1995–96 Taiwan Strait crisis demonstrated China’s impotence.", &[r#""1995–96" = 1995..1996 year"#]),
    (
        "Relations improved from the mid-2000s onwards, and again after the 1990s.",
        &[r#""2000s" = 2000..2009 year"#, r#""1990s" = 1990..1999 year"#],
    ),
    (
        "Dmitri Trenin was director of the Carnegie Moscow Center from 2008 to early 2022.",
        &[r#""2008" = 2008 year"#, r#""2022" = 2022 year"#],
    ),
    ("Published on Sep 8, 2016", &[r#""Sep 8, 2016" = 2016-09-08 date year=2016"#]),
    ("Copyright Date: Dec. 1, 2016", &[r#""Dec. 1, 2016" = 2016-12-01 date year=2016"#]),
    (
        "In May 2015, in a move fraught with symbolism, Russia and China conducted joint naval drills.",
        &[r#""May 2015" = 2015-05-00 date year=2015"#],
    ),
    (
        "Lavrov said on 25 October that the two countries were not allies.",
        &[r#""25 October" = 0000-10-25 date"#, r#""two countries" = 2 count:countries"#],
    ),
    (
        "Putin’s current presidential mandate expires in 2024, but the latest amendments allow him to stay on until 2036.",
        &[r#""2024" = 2024 year"#, r#""2036" = 2036 year"#],
    ),
    (
        "Predictions are usually made with a time horizon of seven to 10 years.",
        &[r#""seven to 10 years" = 7..10 count:years"#],
    ),
    (
        "Three scenarios are possible in the next 10 years.",
        &[r#""Three scenarios" = 3 count:scenarios"#, r#""10 years" = 10 count:years"#],
    ),
    (
        "The Sino-Soviet split began in the late 1950s and 1960s.",
        &[r#""1950s" = 1950..1959 year"#, r#""1960s" = 1960..1969 year"#],
    ),
    (
        "Wang (2019) argued that decoupling is likely, as Gabuev (2016:3) puts it.",
        &[r#""2019" = 2019 year"#, r#""2016" = 2016 year"#],
    ),
    ("This is the model of a concert of powers (Lukin 2018).", &[r#""2018" = 2018 year"#]),
    ("The treaty was signed in 2001 and renewed in 2021.", &[r#""2001" = 2001 year"#, r#""2021" = 2021 year"#]),
    (
        "They held 2016 and 2017 naval maneuvers in sensitive areas.",
        &[r#""2016" = 2016 year"#, r#""2017" = 2017 year"#],
    ),
    (
        "An article claimed that about 300,000 Chinese, some unregistered, could now be settled in Russia’s Far East.",
        &[r#""about 300,000 Chinese" = 300000 count:chinese about"#],
    ),
    (
        "A health centre in Gunwi lies some 200 kilometres south of Seoul.",
        &[r#""some 200 kilometres" = 200 count:kilometres about"#],
    ),
    (
        "Russia saw the exports and imports with all of its top ten trade partners decrease—except China.",
        &[r#""ten trade partners" = 10 count:partners"#],
    ),
    (
        "Chinese investment rose 12 percent in 2019 to $2.1 billion.",
        &[r#""12 percent" = 12 % rise year=2019"#, r#""2019" = 2019 year"#, r#""$2.1 billion" = 2.1e9 USD year=2019"#],
    ),
    (
        "The ruble lost nearly half its value, and inflation reached almost 13%.",
        &[r#""almost 13%" = 13 % at-most"#],
    ),
    (
        "More than 2,000 companies and at least 40 banks signed up.",
        &[r#""More than 2,000 companies" = 2000 count:companies at-least"#, r#""at least 40 banks" = 40 count:banks at-least"#],
    ),
    (
        "Fewer than 15 projects were completed, less than 5% of the plan.",
        &[r#""Fewer than 15 projects" = 15 count:projects at-most"#, r#""less than 5%" = 5 % at-most"#],
    ),
    (
        "Up to 30,000 troops took part, according to the ministry.",
        &[r#""Up to 30,000 troops" = 30000 count:troops at-most"#],
    ),
    (
        "Bilateral trade is expected to double by 2024 and reach over $200 billion.",
        &[r#""2024" = 2024 year"#, r#""over $200 billion" = 2e11 USD at-least year=2024"#],
    ),
    (
        "Gazprom’s exports to China grew fourfold in five years.",
        &[r#""fourfold" = 4 x rise"#, r#""five years" = 5 count:years"#],
    ),
    (
        "The number of Chinese tourists has doubled since 2014.",
        &[r#""doubled" = 2 x rise year=2014"#, r#""2014" = 2014 year"#],
    ),
    (
        "Half a dozen agreements were signed, along with a dozen memoranda.",
        &[r#""Half a dozen agreements" = 6 count:agreements"#, r#""a dozen memoranda" = 12 count:memoranda"#],
    ),
    (
        "China has around half a dozen categories of strategic partnerships of different intensity.",
        &[r#""around half a dozen categories" = 6 count:categories about"#],
    ),
    (
        "A quarter of a million refugees fled, and three-quarters of a million copies sold; a quarter of the people stayed.",
        &[
            r#""A quarter of a million refugees" = 250000 count:refugees"#,
            r#""three-quarters of a million copies" = 750000 count:copies"#,
            r#""a quarter" = 25 %"#,
        ],
    ),
    (
        "Twenty-four countries joined, while twenty declined.",
        &[r#""Twenty-four countries" = 24 count:countries"#, r#""twenty" = 20 plain"#],
    ),
    (
        "The two sides signed 30 agreements worth more than $10 billion in total.",
        &[
            r#""two sides" = 2 count:sides"#,
            r#""30 agreements" = 30 count:agreements"#,
            r#""more than $10 billion" = 1e10 USD at-least"#,
        ],
    ),
    (
        "The exercise involved 25,000 personnel, 1,000 pieces of equipment and 80 aircraft in 2019.",
        &[
            r#""25,000 personnel" = 25000 count:personnel year=2019"#,
            r#""1,000 pieces" = 1000 count:pieces year=2019"#,
            r#""80 aircraft" = 80 count:aircraft year=2019"#,
            r#""2019" = 2019 year"#,
        ],
    ),
    ("Between 2 and 3 billion dollars were lost.", &[r#""Between 2 and 3 billion dollars" = 2e9..3e9 USD"#]),
    (
        "Sales rose about 18 % to $1.17 billion a year earlier.",
        &[r#""about 18 %" = 18 % about rise"#, r#""$1.17 billion" = 1.17e9 USD"#],
    ),
    (
        "It was carried by all four primary US TV networks, and 20 BBC staff worked on 10 GB.",
        &[
            r#""four primary US TV networks" = 4 count:networks"#,
            r#""20 BBC staff" = 20 count:staff"#,
            r#""10 GB" = 10 count:gb"#,
        ],
    ),
    ("Oil output rose by 2 million barrels a day.", &[r#""2 million barrels" = 2e6 count:barrels rise"#]),
    ("The Central Bank cut its dollar share by half.", &[r#""half" = 50 % fall"#]),
    ("Users grew by half in a year.", &[r#""half" = 50 % rise"#]),
    ("The class was split by half.", &[]),
    (
        "Hundreds of warning shots were fired, and thousands of people protested.",
        &[
            r#""Hundreds of warning shots" = 200..1000 count:shots about"#,
            r#""thousands of people" = 2000..1e6 count:people about"#,
        ],
    ),
    ("Private citizens’ cross-border visits are now measured in millions.", &[]),
    (
        "The yuan’s share of reserves is 15%, three times more than in 2016.",
        &[r#""15%" = 15 % year=2016"#, r#""three times" = 3 x year=2016"#, r#""2016" = 2016 year"#],
    ),
    (
        "Inflation eased to 4.5 per cent in June, down from 5 per cent.",
        &[r#""4.5 per cent" = 4.5 %"#, r#""5 per cent" = 5 %"#],
    ),
    (
        "The two countries’ combined GDP exceeds US$20 trillion.",
        &[r#""two countries" = 2 count:countries"#, r#""exceeds US$20 trillion" = 2e13 USD at-least"#],
    ),
    (
        "Russia accounts for 2% of China’s trade, while China accounts for 15–20% of Russia’s.",
        &[r#""2%" = 2 %"#, r#""15–20%" = 15..20 %"#],
    ),
    (
        "Russia’s budget deficit hit 1.2bn roubles, or 0.4% of GDP.",
        &[r#""1.2bn roubles" = 1.2e9 RUB"#, r#""0.4%" = 0.4 %"#],
    ),
    (
        "The rouble fell 19 % in 1998 and a further 40 per cent in 2014–15.",
        &[
            r#""19 %" = 19 % fall year=1998"#,
            r#""1998" = 1998 year"#,
            r#""40 per cent" = 40 % year=2015"#,
            r#""2014–15" = 2014..2015 year"#,
        ],
    ),
    (
        "Chinese FDI in Russia was only $140 million in 2019, a tiny fraction of the $100bn promised.",
        &[r#""$140 million" = 1.4e8 USD year=2019"#, r#""2019" = 2019 year"#, r#""$100bn" = 1e11 USD year=2019"#],
    ),
    (
        "Around 1,500 Chinese companies operate in Russia, employing roughly 10 000 people.",
        &[r#""Around 1,500 Chinese companies" = 1500 count:companies about"#, r#""roughly 10 000 people" = 10000 count:people about"#],
    ),
    (
        "Russia is China’s fourth-largest trading partner and supplies 15.5 percent of its oil.",
        &[r#""15.5 percent" = 15.5 %"#],
    ),
    (
        "One of the first steps was a 10-year plan for 75 joint projects.",
        &[r#""10-year" = 10 count:year"#, r#""75 joint projects" = 75 count:projects"#],
    ),
    ("The minus five percent scenario is unlikely.", &[r#""minus five percent" = -5 %"#]),
    ("Trade grew by 8.5 percent a year, an increase of 3 percentage points.", &[
        r#""8.5 percent" = 8.5 % rise"#,
        r#""3 percentage points" = 3 pp rise"#,
    ]),
    ("Imports posted a 17% rise while exports saw a 4 percent decline.", &[
        r#""17%" = 17 % rise"#,
        r#""4 percent" = 4 % fall"#,
    ]),
    ("The bank holds €1.2 trillion, nearly $1.3 trillion, in reserves.", &[
        r#""€1.2 trillion" = 1.2e12 EUR"#,
        r#""nearly $1.3 trillion" = 1.3e12 USD at-most"#,
    ]),
    ("Around 2,500 Chinese students, approximately 12 percent of the total, study in Moscow.", &[
        r#""Around 2,500 Chinese students" = 2500 count:students about"#,
        r#""approximately 12 percent" = 12 % about"#,
    ]),
    ("Russia signed a $400 billion gas deal with China in May 2014.", &[
        r#""$400 billion" = 4e11 USD year=2014"#,
        r#""May 2014" = 2014-05-00 date year=2014"#,
    ]),
    ("Both navies sent 10 ships, four submarines and 2,000 sailors.", &[
        r#""10 ships" = 10 count:ships"#,
        r#""four submarines" = 4 count:submarines"#,
        r#""2,000 sailors" = 2000 count:sailors"#,
    ]),
    ("The pipeline will carry 38 billion cubic metres of gas a year for 30 years.", &[
        r#""38 billion cubic metres" = 3.8e10 count:metres"#,
        r#""30 years" = 30 count:years"#,
    ]),
    ("Beijing's defence budget is four times larger than Moscow's.", &[r#""four times" = 4 x"#]),
    // Shares in words, read as whole percentages.
    ("Exports to the region fell by a fifth last year.", &[r#""a fifth" = 20 % fall"#]),
    (
        "Nearly a quarter of the firms closed, and one in three workers left.",
        &[r#""Nearly a quarter" = 25 % at-most"#, r#""one in three" = 33 %"#],
    ),
    ("Two-thirds of the members voted, and half of them abstained.", &[r#""Two-thirds" = 67 %"#, r#""half" = 50 %"#]),
    ("Only 7 in 10 claims were paid.", &[r#""7 in 10" = 70 %"#]),
    (
        "In October, mobile phone users grew by 1.4 million to 44.9 million, the regulator said.",
        &[
            r#""1.4 million" = 1.4e6 count:users rise"#,
            r#""44.9 million" = 4.49e7 count:users"#,
        ],
    ),
    (
        "The state hands the industry 70m euros in aid.",
        &[r#""70m euros" = 7e7 EUR"#],
    ),
    (
        "It hopes to raise the number of mobile users from 95 million to 250 million.",
        &[r#""from 95 million to 250 million" = 9.5e7..2.5e8 count:users from-to"#],
    ),
    (
        "Sales reached $5m in 2003, up from $4m the previous year.",
        &[
            r#""$5m" = 5e6 USD year=2003"#,
            r#""2003" = 2003 year"#,
            r#""$4m" = 4e6 USD year=2002"#,
        ],
    ),
    (
        "Eight out of 10 voters do not trust politicians.",
        &[r#""Eight out of 10" = 80 %"#],
    ),
    (
        "The port's profit halved in 2019, while its debt doubled.",
        &[r#""halved" = 0.5 x fall year=2019"#, r#""2019" = 2019 year"#, r#""doubled" = 2 x rise year=2019"#],
    ),
    // Currency with a magnitude suffix.
    ("The club reported a loss of £82.7m for the season.", &[r#""£82.7m" = 8.27e7 GBP fall"#]),
    ("The group raised $1.2bn from the sale.", &[r#""$1.2bn" = 1.2e9 USD rise"#]),
    // A compound that a line break cut after its hyphen.
    (
        "The city signed a 3.5-\nbillion-yuan contract for the bridge.",
        &["\"3.5-\nbillion-yuan\" = 3.5e9 CNY"],
    ),
    ("The firm signed a 30-year lease and a two-year option.", &[r#""30-year" = 30 count:year"#, r#""two-year" = 2 count:year"#]),
];

#[test]
fn labelled_sentences() {
    let mut failures = Vec::new();
    let (mut expected, mut matched, mut extracted) = (0, 0, 0);
    for (text, want) in LABELLED {
        let got = rendered(text);
        expected += want.len();
        extracted += got.len();
        matched += want.iter().filter(|w| got.iter().any(|g| g == *w)).count();
        if got != *want {
            failures.push(format!("{text}\n  want: {want:#?}\n  got:  {got:#?}"));
        }
    }
    eprintln!(
        "figures labelled set: {} sentences, {expected} figures; recall {matched}/{expected}, precision {matched}/{extracted}",
        LABELLED.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} sentences differ:\n{}",
        failures.len(),
        LABELLED.len(),
        failures.join("\n")
    );
}

/// Numbers that are names, labels, footnotes, links or ordinals: no figure at all.
const NOT_FIGURES: &[&str] = &[
    "the margins of the G20 in Hangzhou",
    "Russia’s Vostok-2018 strategic maneuvers",
    "S-400 surface-to-air missile systems and Su-35 fighter jets",
    "standard Su-35s to China",
    "Chinese 5G technology",
    "the flights of Tu-160 bombers",
    "in the wake of COVID-2019",
    "dubbed Tsentr-2019",
    "see Chaillot Paper 140",
    "Political Risk, Vol. 7, No. 11",
    "as argued in Vol. 58, p. 374",
    "pp. 5-6",
    "(pp. 9-18)",
    "NATO’s Article 5",
    "Scenario 3. China’s hubris",
    "1. Lower-level Chinese officials",
    "a matter of policy.12 Russia",
    "carry some ambiguity [1]",
    "with Pakistan.¹ Russia",
    "https://www.rt.com/business/448783-russia-china-trade-turnover/",
    "see www.cbr.ru/Collection/File/19699/ar_2018.pdf",
    "project number 20-511-93005",
    "talks in the ‘2 + 2’ format",
    "the first joint air patrol, the second time",
    "in the twenty-first century",
    "the 20th century “Iron Curtain”",
    "the 70th anniversary",
    "Entente Cordiale of the 21st century",
    "one of the first",
    "no one expected it",
    "they respect one another",
    "UN Security Council Resolution 2231",
    "the J-20 and the F-35",
    "an Intel i7 processor",
    "flight MH17",
    "the 180ml liquid",
    "a 29km road",
    "on May 4th",
    "a ratio of 1/4",
    "the H1N1 virus",
    "No one in the cabinet objected, and one of the ministers left.",
    "She set out a two-track approach and a three-stage review.",
    "He named two further costs and three main reasons.",
    "It was a third term for the mayor.",
    "Sales in the fourth quarter were flat.",
    "Exxon said the Sakhalin 3 agreement remained valid.",
    "a Channel 4 programme",
];

#[test]
fn not_figures() {
    let alarms: Vec<String> = NOT_FIGURES
        .iter()
        .flat_map(|text| rendered(text).into_iter().map(move |f| format!("{text}: {f}")))
        .collect();
    assert!(alarms.is_empty(), "false alarms:\n{}", alarms.join("\n"));
}

/// Years in author-year citations and page locators stay years, nothing more.
#[test]
fn citations_keep_only_their_years() {
    assert_eq!(
        rendered("(Gabuev 2016:3; Lukin 2018, p. 12)"),
        [r#""2016" = 2016 year"#, r#""2018" = 2018 year"#]
    );
}

/// A year before the word of comparison dates the figures before it; one
/// after it, the figure compared with them.
#[test]
fn a_year_is_the_compared_figures_only_after_the_comparison() {
    assert_eq!(
        rendered("Profit rose 45% to 3.1bn euros (£2.6bn) in the last three months of 2029 compared with 2.1bn euros a year earlier."),
        [
            r#""45%" = 45 % rise year=2029"#,
            r#""3.1bn euros" = 3.1e9 EUR year=2029"#,
            r#""£2.6bn" = 2.6e9 GBP year=2029"#,
            r#""three months" = 3 count:months year=2029"#,
            r#""2029" = 2029 year"#,
            r#""2.1bn euros" = 2.1e9 EUR year=2029"#,
        ]
    );
    assert_eq!(
        rendered("It made 400m euros (£280m), compared with a loss of 984m euros in 2028."),
        [
            r#""400m euros" = 4e8 EUR"#,
            r#""£280m" = 2.8e8 GBP"#,
            r#""984m euros" = 9.84e8 EUR fall year=2028"#,
            r#""2028" = 2028 year"#,
        ]
    );
}

fn check_ranges(text: &str) {
    let figures = extract_figures(text);
    let mut last_end = 0;
    for f in &figures {
        assert!(f.range.start < f.range.end && f.range.end <= text.len(), "{f:?}");
        assert!(
            text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end),
            "{f:?}"
        );
        assert!(f.range.start >= last_end, "overlap or disorder: {f:?}");
        assert!(f.value.is_finite(), "{f:?}");
        last_end = f.range.end;
    }
}

/// Not timed: a long input of seed prose and figure-like junk, for panics and
/// for ranges that must stay in order on character boundaries.
#[test]
fn long_input_does_not_panic() {
    let pieces = [
        include_str!("../../../../seeds/003_9556968063aa75cc.txt"),
        "$ - € 1,2,3 ..5 1.2.3 US$ USD ‐7 2019a 1990s’ (2016:3 “12% - – — 9999999999999999999999 ",
        "half a a dozen and and a half twenty- -fold 3x x3 between and from to 1995– –96 May May 5 ",
        "¹²³ 12¾ ٣ 1e10 0x1F ١٢ ″ policy.12 [1] (1) 2 + + 2 % percent per cent pp. No. ",
    ];
    let mut text = String::new();
    for round in 0..40 {
        for (k, piece) in pieces.iter().enumerate() {
            let cut = piece
                .char_indices()
                .nth((round * 37 + k * 11) % piece.chars().count())
                .map_or(0, |(i, _)| i);
            text.push_str(&piece[cut..]);
            text.push_str(&piece[..cut]);
        }
    }
    check_ranges(&text);
    assert!(extract_figures(&text).len() > 1000);
}

/// Words and marks the grammar reacts to, for text that hits its corners.
const FIGURE_WORDS: &[&str] = &[
    "$5bn",
    "US$",
    "$",
    "€",
    "more",
    "than",
    "or",
    "so",
    "from",
    "to",
    "between",
    "and",
    "2019",
    "1995–96",
    "5-6",
    "per",
    "cent",
    "%",
    "percent",
    "percentage",
    "points",
    "two",
    "hundred",
    "a",
    "dozen",
    "half",
    "several",
    "hundreds",
    "of",
    "troops",
    "(",
    ")",
    "May",
    "Dec.",
    "1,",
    "2014",
    ",",
    ".",
    "up",
    "by",
    "rose",
    "fell",
    "3.5-billion-yuan",
    "times",
    "larger",
    "-",
    "minus",
    "1,000",
    "000",
    "10",
    "at",
    "least",
    "1990s",
    "2019b",
    "tripled",
    "fourfold",
    "USD",
    "increase",
];

proptest! {
    #[test]
    fn any_text_gives_ordered_ranges(text in "[0-9a-zA-Z $€£%.,;:()\\-–’/+\n]{0,80}") {
        check_ranges(&text);
    }

    #[test]
    fn figure_words_give_ordered_ranges(words in prop::collection::vec(prop::sample::select(FIGURE_WORDS), 0..40)) {
        check_ranges(&words.join(" "));
    }
}
