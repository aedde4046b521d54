//! Client segments and profiles (profiles.md; North Ossetia, seed 004): the attributes for
//! segmenting internal clients («Признаки для сегментации внутреннего клиента») and the profiles
//! of client segments («Профили клиентского сегмента»), as optional keys of a registry file, and
//! what the rules and the survey need of them: an attribute by its name, a value by its wording,
//! numeric bands («1-3 лет», «до 30 тыс. руб.») as intervals.

use super::model::Text;
pub use super::model::{Attribute, Attributes, Channels, Profile};
use crate::text::normalize;

impl Attribute {
    pub const KEYS: &'static [&'static str] = &["type", "attribute", "values", "bands", "free"];

    pub fn name(&self) -> &str {
        Text::non_blank(&self.attribute).unwrap_or("")
    }

    pub fn is_free(&self) -> bool {
        self.free == Some(true)
    }

    /// The values as written, blanks left out.
    pub fn value_texts(&self) -> Vec<&str> {
        self.values
            .iter()
            .flatten()
            .map(|v| v.0.trim())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// The values as intervals, when the attribute is one of numeric bands: said by `bands:`,
    /// or every value (two at least) reads as one.
    pub fn bands(&self) -> Option<Vec<(String, Band)>> {
        let values = self.value_texts();
        let read: Vec<Option<Band>> = values.iter().map(|v| Band::parse(v)).collect();
        let declared = Text::non_blank(&self.bands).is_some();
        let all = read.iter().all(Option::is_some) && values.len() >= 2;
        if !(declared || all) {
            return None;
        }
        Some(
            values
                .iter()
                .zip(read)
                .filter_map(|(v, b)| b.map(|b| (v.to_string(), b)))
                .collect(),
        )
    }
}

/// What `bands:` declares, in Russian words for people (`diff`, cards): the units profiles.md
/// names (`years`, `rubles`, `age`) by their meaning, any other text as it was typed.
pub fn bands_russian(bands: &str) -> String {
    match bands.trim().to_lowercase().as_str() {
        "years" => "стаж в годах".to_string(),
        "rubles" => "суммы в рублях".to_string(),
        "age" => "возраст в годах".to_string(),
        _ => bands.trim().to_string(),
    }
}

impl Profile {
    pub const KEYS: &'static [&'static str] = &[
        "name",
        "area",
        "attributes",
        "goal",
        "journey",
        "processes",
        "channels",
    ];

    pub fn title(&self) -> &str {
        Text::non_blank(&self.name).unwrap_or("(профиль без названия)")
    }
}

impl Channels {
    pub const KEYS: &'static [&'static str] = &["informing", "service"];
}

/// Two names of an attribute or a value are one when they are equal after normalisation (case,
/// `ё`/`е`, spacing, dashes and punctuation ignored), as needs are matched.
pub fn same(a: &str, b: &str) -> bool {
    normalize(a) == normalize(b)
}

/// The attribute of `segmentation` a profile's `name` means.
pub fn attribute<'a>(segmentation: &'a [Attribute], name: &str) -> Option<&'a Attribute> {
    segmentation.iter().find(|a| same(a.name(), name))
}

/// How a profile's value fits its attribute's values.
#[derive(Debug, Clone, PartialEq)]
pub enum Fit {
    /// One value: the same wording, or the only one that begins with the words written
    /// («Старшая группа» of «Старшая группа должностей»).
    One(String),
    /// The words begin several values («Высшее»: бакалавриат, магистр …), or the band lies
    /// across several bands («до 40 000»).
    Several(Vec<String>),
    None,
}

/// The value of `attribute` a profile's `value` is.
pub fn fit(attribute: &Attribute, value: &str) -> Fit {
    let values = attribute.value_texts();
    if let Some(exact) = values.iter().find(|v| same(v, value)) {
        return Fit::One(exact.to_string());
    }
    if let (Some(bands), Some(band)) = (attribute.bands(), Band::parse(value)) {
        // A band that only touches the value at an end the table's own bands share («45 000-
        // 60 000» and «60 000 - 100 000» meet at 60 000) is R020's overlap, said once there, not
        // again here: where some band holds more than a point of the value, only those count.
        let span = |b: &Band| (b.high.min(band.high) - b.low.max(band.low)).max(0.0);
        let overlapping: Vec<&(String, Band)> =
            bands.iter().filter(|(_, b)| b.overlaps(&band)).collect();
        let wide: Vec<&&(String, Band)> =
            overlapping.iter().filter(|(_, b)| span(b) > 0.0).collect();
        let holding: Vec<String> = if wide.is_empty() {
            overlapping.iter().map(|(v, _)| v.clone()).collect()
        } else {
            wide.iter().map(|(v, _)| v.clone()).collect()
        };
        return match holding.len() {
            0 => Fit::None,
            1 if bands.iter().any(|(_, b)| b.contains(&band)) => Fit::One(holding[0].clone()),
            1 => Fit::None,
            _ => Fit::Several(holding),
        };
    }
    let wanted = normalize(value);
    let beginning: Vec<String> = values
        .iter()
        .filter(|v| {
            let v = normalize(v);
            !wanted.is_empty() && (v == wanted || v.starts_with(&format!("{wanted} ")))
        })
        .map(|v| v.to_string())
        .collect();
    match beginning.len() {
        0 => Fit::None,
        1 => Fit::One(beginning[0].clone()),
        _ => Fit::Several(beginning),
    }
}

/// A numeric band as printed: «1-3 лет» [1, 3], «Менее 1 года» [0, 1), «более 10 лет» (10, ∞),
/// «До 30 000» [0, 30000), «от 1 до 3 лет» [1, 3), «свыше 10», «до 30 тыс. руб.». The ends
/// printed with a dash both belong to the band (that is how «1-3» and «3-5» both hold 3).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub low: f64,
    pub low_closed: bool,
    pub high: f64,
    pub high_closed: bool,
}

impl Band {
    pub fn parse(text: &str) -> Option<Band> {
        let lower = text.to_lowercase().replace('ё', "е");
        let numbers = numbers_of(&lower);
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
        let phrase = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
        // «не менее 3» is «от 3», «не более 3» is «до 3 включительно», «3 и более» is «от 3».
        let at_least = phrase("не", "менее")
            || phrase("не", "меньше")
            || phrase("и", "более")
            || phrase("и", "старше")
            || phrase("и", "больше");
        let at_most = phrase("не", "более") || phrase("не", "больше") || has(&["включительно"]);
        let below = !at_least && has(&["менее", "до", "меньше", "ниже"]);
        let above = !at_least && !at_most && has(&["более", "свыше", "больше", "выше", "старше"]);
        let from = at_least || has(&["от", "с"]);
        match numbers.as_slice() {
            [n] if at_most || (below && !from) => Some(Band {
                low: 0.0,
                low_closed: true,
                high: *n,
                high_closed: at_most,
            }),
            [n] if above => Some(Band {
                low: *n,
                low_closed: false,
                high: f64::INFINITY,
                high_closed: false,
            }),
            [n] if from => Some(Band {
                low: *n,
                low_closed: true,
                high: f64::INFINITY,
                high_closed: false,
            }),
            [a, b] if a <= b => Some(Band {
                low: *a,
                low_closed: true,
                high: *b,
                high_closed: at_most || !(from && below),
            }),
            _ => None,
        }
    }

    /// Whether the two bands share a point.
    pub fn overlaps(&self, other: &Band) -> bool {
        let before = |a: &Band, b: &Band| {
            a.high < b.low || (a.high == b.low && !(a.high_closed && b.low_closed))
        };
        !before(self, other) && !before(other, self)
    }

    /// Whether `other` lies wholly inside this band.
    pub fn contains(&self, other: &Band) -> bool {
        let low_ok = self.low < other.low
            || (self.low == other.low && (self.low_closed || !other.low_closed));
        let high_ok = self.high > other.high
            || (self.high == other.high && (self.high_closed || !other.high_closed));
        low_ok && high_ok
    }
}

/// The numbers of a band's text: «30 000», «45 000», «30 тыс.» (thousands), «1,5».
fn numbers_of(text: &str) -> Vec<f64> {
    let mut numbers: Vec<f64> = Vec::new();
    let mut scaled: Vec<bool> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        // Digits with spaces between groups of three («30 000») and a decimal comma.
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                digits.push(c);
            } else if (c == ' ' || c == '\u{a0}')
                && chars
                    .get(i + 1..i + 4)
                    .is_some_and(|g| g.iter().all(char::is_ascii_digit))
                && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
            {
                // a thousands separator
            } else if (c == ',' || c == '.') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                digits.push('.');
            } else {
                break;
            }
            i += 1;
        }
        let mut value: f64 = digits.parse().unwrap_or(0.0);
        let rest: String = chars[i..].iter().collect::<String>();
        let rest = rest.trim_start();
        let factor = if rest.starts_with("тыс") {
            1000.0
        } else if rest.starts_with("млн") {
            1_000_000.0
        } else {
            1.0
        };
        value *= factor;
        numbers.push(value);
        scaled.push(factor > 1.0);
    }
    // «30-60 тыс.»: the unit after the last number is the unit of them all.
    if let (Some(&true), Some(last)) = (scaled.last(), numbers.last().copied()) {
        let factor = if last >= 1_000_000.0 {
            1_000_000.0
        } else {
            1000.0
        };
        for (n, s) in numbers.iter_mut().zip(&scaled) {
            if !s {
                *n *= factor;
            }
        }
    }
    numbers
}

/// A touchpoint of a profile's process, as its card shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CardPoint {
    pub point: String,
    /// «цифровая», «офлайн»; empty when the registry does not say.
    pub channel: String,
    /// Of the kind the profile prefers to be served by.
    pub preferred: bool,
}

/// A process of a profile with its touchpoints; `linked` false when the registry has no such
/// process (R021), and then no touchpoints.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CardProcess {
    pub name: String,
    pub linked: bool,
    pub touchpoints: Vec<CardPoint>,
    /// With `show --profiles --survey`: the latest survey's figures of the process, as a line
    /// («86,8 %, 130 ответов», «мало ответов (2)», «не спрашивался»).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<String>,
}

/// A profile as `show --profiles` prints it (profiles.md «Showing profiles»).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Card {
    pub name: String,
    /// The area in Russian («бухгалтерский учет»), empty when not given.
    pub area: String,
    pub attributes: Vec<(String, String)>,
    pub goal: String,
    pub journey: Vec<String>,
    pub informing: Vec<String>,
    pub service: Vec<String>,
    pub processes: Vec<CardProcess>,
}

/// The kind of point a preferred channel means: «Лично в организации» offline, «через СЭД»
/// digital; None when the words say neither or both («телефон»).
pub fn channel_kind(text: &str) -> Option<super::model::Channel> {
    use super::model::Channel;
    let meaning = crate::vocabulary::meaning(&normalize(text));
    match (meaning.offline, meaning.digital) {
        (true, false) => Some(Channel::Offline),
        (false, true) => Some(Channel::Digital),
        _ => None,
    }
}

/// How a profile prefers to be served, as its card marks points: the means its wordings name
/// (a point naming one of them is preferred: «Электронная почта» marks the mail, not the site),
/// and the kinds its wordings name without a means («Лично в организации»: every offline point).
#[derive(Debug, Default)]
struct Preference {
    means: Vec<&'static str>,
    kinds: Vec<super::model::Channel>,
}

impl Preference {
    fn of(service: &[String]) -> Self {
        let mut preference = Preference::default();
        for wording in service {
            let means = crate::vocabulary::means(wording);
            if means.is_empty() {
                preference.kinds.extend(channel_kind(wording));
            }
            preference.means.extend(means);
        }
        preference
    }

    fn marks(&self, point: &str, channel: Option<super::model::Channel>) -> bool {
        crate::vocabulary::means(point)
            .iter()
            .any(|m| self.means.contains(m))
            || channel.is_some_and(|c| self.kinds.contains(&c))
    }
}

/// A profile's process on its card: the registry's process with its touchpoints, those its
/// `preferred` channels name marked; unlinked when the registry has no such process.
fn card_process(
    linker: &super::link::Linker,
    directions: &[&super::model::Direction],
    name: String,
    preferred: &Preference,
) -> CardProcess {
    use super::link::Link;
    let Link::Linked { process, .. } = linker.link(&name) else {
        return CardProcess {
            name,
            linked: false,
            touchpoints: Vec::new(),
            figures: None,
        };
    };
    let found = directions[process.direction_index]
        .processes
        .iter()
        .flatten()
        .nth(process.process_index);
    let touchpoints = found
        .and_then(|p| p.touchpoints.as_ref())
        .into_iter()
        .flatten()
        .map(|t| {
            let channel = t.channel_value();
            let point = Text::non_blank(&t.point).unwrap_or("").to_string();
            CardPoint {
                preferred: preferred.marks(&point, channel),
                channel: channel.map_or(String::new(), |c| c.russian().to_string()),
                point,
            }
        })
        .collect();
    CardProcess {
        name: process.process,
        linked: true,
        touchpoints,
        figures: None,
    }
}

/// The cards of every profile of `registry`, in order.
pub fn cards(registry: &super::model::Registry) -> Vec<Card> {
    let linker = super::link::Linker::of(registry);
    let directions: Vec<_> = registry.directions.iter().flatten().collect();
    let texts = |list: &Option<Vec<Text>>| -> Vec<String> {
        list.iter()
            .flatten()
            .map(|t| t.0.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect()
    };
    registry
        .profiles
        .iter()
        .flatten()
        .map(|profile| {
            let service = profile
                .channels
                .as_ref()
                .map(|c| texts(&c.service))
                .unwrap_or_default();
            let preferred = Preference::of(&service);
            let processes = texts(&profile.processes)
                .into_iter()
                .map(|name| card_process(&linker, &directions, name, &preferred))
                .collect();
            let area = Text::non_blank(&profile.area)
                .map(|code| {
                    super::model::AREAS
                        .iter()
                        .find(|(c, _)| *c == code)
                        .map_or(code.to_string(), |(_, name)| name.to_string())
                })
                .unwrap_or_default();
            Card {
                name: profile.title().to_string(),
                area,
                attributes: profile
                    .attributes
                    .iter()
                    .flat_map(|a| &a.0)
                    .map(|(k, v)| (k.clone(), v.0.trim().to_string()))
                    .collect(),
                goal: Text::non_blank(&profile.goal).unwrap_or("").to_string(),
                journey: texts(&profile.journey),
                informing: profile
                    .channels
                    .as_ref()
                    .map(|c| texts(&c.informing))
                    .unwrap_or_default(),
                service,
                processes,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attribute(values: &[&str]) -> Attribute {
        Attribute {
            attribute: Some(Text("a".into())),
            values: Some(values.iter().map(|v| Text(v.to_string())).collect()),
            ..Attribute::default()
        }
    }

    #[test]
    fn bands_read_as_printed() {
        let band = |t: &str| Band::parse(t).unwrap_or_else(|| panic!("{t}"));
        assert_eq!(
            band("1-3 лет"),
            Band {
                low: 1.0,
                low_closed: true,
                high: 3.0,
                high_closed: true
            }
        );
        assert_eq!(band("Менее 1 года").high, 1.0);
        assert!(!band("Менее 1 года").high_closed);
        assert_eq!(band("более 10 лет").low, 10.0);
        assert_eq!(band("свыше 10").low, 10.0);
        assert_eq!(band("До 30 000").high, 30000.0);
        assert_eq!(
            band("30 000 - 60 000"),
            Band {
                low: 30000.0,
                low_closed: true,
                high: 60000.0,
                high_closed: true
            }
        );
        assert_eq!(band("до 30 тыс. руб.").high, 30000.0);
        assert_eq!(
            band("от 1 до 3 лет"),
            Band {
                low: 1.0,
                low_closed: true,
                high: 3.0,
                high_closed: false
            }
        );
        assert_eq!(band("45 000- 60 000").low, 45000.0);
        assert!(Band::parse("Высшее").is_none());
        assert_eq!(
            band("30-60 тыс."),
            Band {
                low: 30000.0,
                low_closed: true,
                high: 60000.0,
                high_closed: true
            }
        );
        assert_eq!(
            band("не менее 3 лет"),
            Band {
                low: 3.0,
                low_closed: true,
                high: f64::INFINITY,
                high_closed: false
            }
        );
        assert_eq!(band("3 года и более").low, 3.0);
        assert!(band("3 года и более").low_closed);
        assert!(band("до 3 лет включительно").high_closed);
        assert!(Band::parse("5-1").is_none());
        assert!(band("1-3").overlaps(&band("3-5")));
        assert!(!band("Менее 1 года").overlaps(&band("1-3")));
        assert!(!band("5-10").overlaps(&band("более 10")));
    }

    #[test]
    fn a_value_fits_one_value_several_or_none() {
        let education = attribute(&[
            "Высшее – бакалавриат",
            "Высшее – магистр",
            "Среднее общее образование",
        ]);
        assert!(matches!(fit(&education, "Высшее"), Fit::Several(v) if v.len() == 2));
        assert_eq!(
            fit(&education, "высшее - магистр"),
            Fit::One("Высшее – магистр".into())
        );
        let group = attribute(&["Старшая группа должностей", "Младшая группа должностей"]);
        assert_eq!(
            fit(&group, "Старшая группа"),
            Fit::One("Старшая группа должностей".into())
        );
        let income = attribute(&[
            "До 30 000",
            "30 000 - 60 000",
            "60 000 - 100 000",
            "более 300 000",
        ]);
        assert!(matches!(fit(&income, "до 40 000"), Fit::Several(v) if v.len() == 2));
        // Touching «60 000 - 100 000» only at the end the table's bands share (R020's): one.
        assert_eq!(
            fit(&income, "45 000- 60 000"),
            Fit::One("30 000 - 60 000".into())
        );
        assert_eq!(
            fit(&income, "40 000 - 50 000"),
            Fit::One("30 000 - 60 000".into())
        );
        assert_eq!(fit(&income, "Социальные выплаты"), Fit::None);
    }
}
