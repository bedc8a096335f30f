//! What kind of thing a name is, from its words: head nouns ("… Organization",
//! "… Treaty", "… Sea") and titles ("President", "foreign minister").

use super::gazetteer::gazetteer;
use super::{ActorType, EntityKind, EventType};

/// What a capitalized word inside a name says about the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Head {
    Kind(EntityKind),
    /// A place: "… Sea", "… River", "… Avenue". Places are not entities.
    Place,
    /// A title before a person's name: "President", "Minister".
    Title,
}

/// The head a word of a name (as written) makes it, given all the name's
/// words (`name`), which decide between an international organization and a
/// national institution for "Council", "Bank", "Fund" and "Commission".
pub(super) fn head(word: &str, name: &[&str]) -> Option<Head> {
    let lower = word.to_ascii_lowercase();
    let last = lower.rsplit('-').next().unwrap_or(&lower);
    let actor = |t| Some(Head::Kind(EntityKind::Actor(t)));
    let event = |t| Some(Head::Kind(EntityKind::Event(t)));
    if is_title(&lower) || is_title(last) {
        return Some(Head::Title);
    }
    match last {
        "organization" | "organisation" | "union" | "alliance" | "party" | "community" | "association"
        | "league" | "bloc" | "coalition" | "movement" | "nations" | "powers" | "commonwealth"
        | "federation" | "orchestra" | "philharmonic" | "choir" | "fc" | "afc" => {
            actor(ActorType::Organization)
        }
        "council" | "bank" | "fund" | "commission" => {
            const INTERNATIONAL: &[&str] = &[
                "Nations", "UN", "Security", "European", "Eurasian", "Arctic", "Atlantic", "World", "Asian",
                "Monetary",
            ];
            if name.iter().any(|w| INTERNATIONAL.contains(w)) {
                actor(ActorType::Organization)
            } else {
                actor(ActorType::Institution)
            }
        }
        "institute" | "institution" | "university" | "college" | "academy" | "center" | "centre"
        | "endowment" | "foundation" | "ministry" | "department" | "office" | "committee" | "agency"
        | "administration" | "embassy" | "consulate" | "army" | "navy" | "forces" | "force" | "guard"
        | "guards" | "regiment" | "brigade" | "battalion" | "corps" | "parliament" | "duma" | "congress"
        | "senate" | "assembly" | "court" | "tribunal" | "government" | "cabinet" | "program"
        | "programme" | "service" | "club" | "library" | "laboratory" | "secretariat" | "bureau"
        | "directorate" | "command" | "fleet" | "conservatory" | "conservatoire" => {
            actor(ActorType::Institution)
        }
        // "English School" is a school of thought; "Higher School of
        // Economics" and "Kennedy School" are institutions.
        "school" | "schools"
            if name
                .iter()
                .any(|w| !w.starts_with("School") && !gazetteer().is_demonym(w)) =>
        {
            actor(ActorType::Institution)
        }
        "company" | "corporation" | "corp" | "inc" | "ltd" | "llc" | "plc" | "holdings" | "airlines"
        | "airways" | "industries" | "times" | "post" | "daily" | "journal" | "news" | "herald"
        | "tribune" | "gazette" | "gazeta" | "press" | "telegraph" | "magazine" | "television"
        | "broadcasting" => actor(ActorType::Company),
        "exercise" | "exercises" | "drill" | "drills" | "maneuvers" | "manoeuvres" => {
            event(EventType::Exercise)
        }
        "crisis" | "war" | "wars" | "conflict" | "revolution" | "invasion" | "uprising" | "pandemic"
        | "incident" => event(EventType::Crisis),
        "treaty" | "agreement" | "pact" | "accord" | "accords" | "convention" | "protocol"
        | "declaration" | "charter" | "memorandum" | "act" => event(EventType::Treaty),
        "summit" | "meeting" | "forum" | "conference" | "dialogue" | "talks" | "session" | "symposium" => {
            event(EventType::Summit)
        }
        // Sports events are named by what is contested or run: "FA Cup",
        // "Australian Open", "World Cross-Country Championships", "London
        // Marathon", "Commonwealth Games". Only as the last head: "Open
        // University" is a university.
        "cup" | "open" | "championships" | "marathon" | "games" | "trophy" | "tournament" | "prix" => {
            event(EventType::Summit)
        }
        // And so are the contests of the arts and their ceremonies: "Berlin
        // Film Festival", "Eurovision Song Contest", "Golden Globe Awards".
        "championship" | "festival" | "contest" | "awards" => event(EventType::Summit),
        "project" | "initiative" | "pipeline" | "route" | "road" | "railway" | "railroad" | "bridge"
        | "corridor" | "partnership" | "plan" | "highway" | "tunnel" => event(EventType::Project),
        "sea" | "ocean" | "river" | "strait" | "straits" | "gulf" | "bay" | "lake" | "mountains"
        | "mountain" | "peninsula" | "island" | "islands" | "isles" | "region" | "province" | "oblast"
        | "krai" | "district" | "city" | "avenue" | "street" | "square" | "valley" | "desert" | "basin"
        | "coast" | "shore" | "highlands" | "plateau" | "steppe" | "delta" | "archipelago" | "territory"
        | "territories" | "canal" | "county" | "park" | "airport" => Some(Head::Place),
        _ => None,
    }
}

/// Titles and offices that stand before a person's name, in lower case.
pub(super) fn is_title(lower: &str) -> bool {
    matches!(
        lower,
        "president"
            | "presidents"
            | "premier"
            | "minister"
            | "ministers"
            | "secretary"
            | "chairman"
            | "chairwoman"
            | "chancellor"
            | "ambassador"
            | "director"
            | "general"
            | "admiral"
            | "marshal"
            | "king"
            | "queen"
            | "prince"
            | "emperor"
            | "senator"
            | "governor"
            | "mayor"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "commissioner"
            | "envoy"
            | "consul"
            | "leader"
            | "professor"
            | "commander"
            | "ayatollah"
            | "sheikh"
    )
}

/// Words that may stand in a title before the title word itself: "former
/// vice foreign minister", "Russian minister of foreign affairs".
pub(super) fn is_title_modifier(lower: &str) -> bool {
    is_title(lower)
        || matches!(
            lower,
            "vice"
                | "deputy"
                | "foreign"
                | "defense"
                | "defence"
                | "prime"
                | "former"
                | "acting"
                | "senior"
                | "chief"
                | "supreme"
                | "affairs"
                | "state"
                | "interior"
                | "finance"
                | "trade"
                | "economic"
                | "energy"
                | "of"
                | "to"
                | "the"
        )
}

/// Roles named after "X is the …" or "X was …": the titles, and the
/// positions of researchers and journalists.
pub(super) fn is_position(lower: &str) -> bool {
    let last = lower.rsplit('-').next().unwrap_or(lower);
    is_title(last)
        || matches!(
            last,
            "associate"
                | "scholar"
                | "fellow"
                | "researcher"
                | "analyst"
                | "editor"
                | "founder"
                | "head"
                | "chair"
                | "expert"
                | "counselor"
                | "adviser"
                | "advisor"
                | "correspondent"
                | "journalist"
                | "officer"
                | "economist"
        )
}

/// The kind of actor a lowercase noun right before a name makes it:
/// "mobile firm", "drugs giant", "investment bank", "rock band", "US
/// publication", "telecoms regulator", "pressure group".
pub(super) fn descriptor(word: &str) -> Option<ActorType> {
    Some(match word {
        "firm" | "company" | "giant" | "maker" | "makers" | "carrier" | "airline" | "retailer" | "bank"
        | "insurer" | "broker" | "chain" | "manufacturer" | "operator" | "conglomerate" | "publisher"
        | "broadcaster" | "newspaper" | "supermarket" | "brewer" | "automaker" | "carmaker"
        | "consultancy" | "consultants" | "analysts" | "publication" | "magazine" | "network" | "channel"
        | "station" => ActorType::Company,
        // "governing body Fifa", "pressure group Liberty".
        "band" | "club" | "side" | "charity" | "union" | "campaigners" | "outfit" | "group" | "body" => {
            ActorType::Organization
        }
        // "telecoms regulator Ofcom", "consumer watchdog Which".
        "regulator" | "watchdog" => ActorType::Institution,
        _ => return None,
    })
}

/// Verbs of speech and assertion, whose subject is a person ("Murray
/// said", "Zelensky agreed") or the institution a place stands for
/// ("Downing Street said").
const SPEECH: &[&str] = &[
    "said",
    "says",
    "added",
    "told",
    "admitted",
    "insisted",
    "explained",
    "agreed",
    "argued",
    "warned",
    "claimed",
    "denied",
    "replied",
    "revealed",
    "stressed",
    "believes",
    "thinks",
];

pub(super) fn is_speech_verb(lower: &str) -> bool {
    SPEECH.contains(&lower)
}

/// The kind of body a lowercase noun after a name says it is, as news
/// prose names someone by the body they belong to: "Arsenal striker",
/// "Vodafone boss", "Pfizer shares", or a league by its clubs ("Premiership
/// clubs") and a club by its side ("the Leeds side"). A body only: the noun is one of its
/// people or its stock, never a person's.
pub(super) fn member_noun(lower: &str) -> Option<ActorType> {
    Some(match lower {
        "boss" | "bosses" | "chief" | "shares" | "shareholders" | "spokesman" | "spokeswoman" | "channel"
        | "soap" => ActorType::Company,
        "manager" | "coach" | "striker" | "midfielder" | "defender" | "goalkeeper" | "keeper" | "winger"
        | "skipper" | "chairman" | "side" | "sides" | "club" | "clubs" | "squad" => ActorType::Organization,
        _ => return None,
    })
}

/// Lowercase nouns for works, which stand before a title: "the film King
/// Kong", "her album Aerial".
pub(super) fn is_work(lower: &str) -> bool {
    matches!(
        lower,
        "film"
            | "movie"
            | "biopic"
            | "documentary"
            | "album"
            | "single"
            | "song"
            | "book"
            | "novel"
            | "play"
            | "musical"
            | "opera"
            | "series"
            | "sitcom"
            | "drama"
            | "programme"
            | "game"
    )
}

/// Lowercase nouns of natural disasters, which a region's demonym names
/// ("the Asian tsunami", "the Asian quake").
pub(super) fn is_disaster(lower: &str) -> bool {
    matches!(lower, "tsunami" | "earthquake" | "quake")
}

/// Lowercase nouns of sports contests, which name an event after a place
/// ("the London marathon").
pub(super) fn is_contest(lower: &str) -> bool {
    matches!(lower, "marathon" | "championships" | "tournament")
}

/// Whether a lowercase noun right before a name says a person bears it, as
/// news prose introduces people: "analyst Kobita Desai", "singer Sir Elton
/// John", "chief executive Fred Goodwin", "directors Pedro Almodovar". The
/// nouns name occupations and roles that only people have; words that also
/// stand before firms or teams ("owner", "rival", "partner", "side") are
/// left out. Plurals count ("directors … or …").
pub(super) fn is_person_noun(lower: &str) -> bool {
    let singular = lower.strip_suffix('s').filter(|s| s.len() > 2);
    [Some(lower), singular].into_iter().flatten().any(is_position) || is_occupation(lower)
}

/// The nouns of [`is_person_noun`] that are no titles or positions: what
/// someone does ("singer", "striker", "actress"), or their kin. Plurals
/// count.
pub(super) fn is_occupation(lower: &str) -> bool {
    let singular = lower.strip_suffix('s').filter(|s| s.len() > 2);
    [Some(lower), singular].into_iter().flatten().any(|w| {
        matches!(
            w,
            "actor"
                | "actress"
                | "singer"
                | "songwriter"
                | "musician"
                | "guitarist"
                | "drummer"
                | "bassist"
                | "pianist"
                | "rapper"
                | "comedian"
                | "comic"
                | "star"
                | "host"
                | "conductor"
                | "dancer"
                | "publicist"
                | "protege"
                | "boyfriend"
                | "girlfriend"
                | "presenter"
                | "author"
                | "writer"
                | "novelist"
                | "poet"
                | "playwright"
                | "screenwriter"
                | "composer"
                | "producer"
                | "designer"
                | "architect"
                | "artist"
                | "photographer"
                | "executive"
                | "boss"
                | "manager"
                | "coach"
                | "captain"
                | "skipper"
                | "striker"
                | "midfielder"
                | "defender"
                | "goalkeeper"
                | "keeper"
                | "winger"
                | "full-back"
                | "fly-half"
                | "scrum-half"
                | "batsman"
                | "bowler"
                | "athlete"
                | "runner"
                | "sprinter"
                | "champion"
                | "golfer"
                | "jockey"
                | "boxer"
                | "cyclist"
                | "swimmer"
                | "referee"
                | "umpire"
                | "physio"
                | "lawyer"
                | "barrister"
                | "solicitor"
                | "judge"
                | "doctor"
                | "scientist"
                | "teacher"
                | "detective"
                | "inspector"
                | "businessman"
                | "businesswoman"
                | "entrepreneur"
                | "tycoon"
                | "billionaire"
                | "millionaire"
                | "banker"
                | "campaigner"
                | "activist"
                | "spokesman"
                | "colleague"
                | "team-mate"
                | "teammate"
                | "compatriot"
                | "wife"
                | "husband"
                | "son"
                | "daughter"
                | "brother"
                | "sister"
        )
    })
}

/// The kind of event a lowercase noun right after a name gives it ("the
/// Power of Siberia pipeline", "the Ukraine crisis", "the Vostok exercise").
pub(super) fn event_noun(word: &str) -> Option<EventType> {
    Some(match word {
        "exercise" | "exercises" | "drill" | "drills" | "maneuvers" | "manoeuvres" => EventType::Exercise,
        "crisis" | "war" | "conflict" => EventType::Crisis,
        w if is_disaster(w) => EventType::Crisis,
        "treaty" | "agreement" | "agreements" | "pact" | "accord" | "accords" => EventType::Treaty,
        "summit" | "forum" => EventType::Summit,
        w if is_contest(w) => EventType::Summit,
        "pipeline" | "initiative" | "project" | "railway" | "bridge" | "corridor" | "route" => {
            EventType::Project
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_decide_kinds() {
        let kind = |name: &str| {
            let words: Vec<&str> = name.split(' ').collect();
            words.iter().rev().find_map(|w| head(w, &words))
        };
        assert_eq!(
            kind("United Nations Security Council"),
            Some(Head::Kind(EntityKind::Actor(ActorType::Organization)))
        );
        assert_eq!(
            kind("Russian International Affairs Council"),
            Some(Head::Kind(EntityKind::Actor(ActorType::Institution)))
        );
        assert_eq!(
            kind("Wall Street Journal"),
            Some(Head::Kind(EntityKind::Actor(ActorType::Company)))
        );
        assert_eq!(kind("South China Sea"), Some(Head::Place));
        assert_eq!(kind("Director-General"), Some(Head::Title));
        assert_eq!(
            kind("Polar Silk Road"),
            Some(Head::Kind(EntityKind::Event(EventType::Project)))
        );
    }
}
