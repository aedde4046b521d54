//! One colour language for every page the tool draws (the survey report, the region's roll-up,
//! profile cards): blue is satisfaction and the latest year, orange is dissatisfaction and a
//! decline, grey is what has no figure or is hidden — the same meaning in the same colour on
//! every chart, tile and table. Blue against orange is the pair colour-blind readers tell
//! apart; every value is printed as well, so nothing is said by colour alone. Each text colour
//! is chosen against its background by [`contrast`] (WCAG 2.1: 4.5:1 for text, 3:1 for marks),
//! and the tests below hold every pair to it.

/// Fully satisfied; the latest year; high levels.
pub const SATISFIED: &str = "#1c4f8f";
/// Rather satisfied.
pub const SATISFIED_LIGHT: &str = "#8db7e0";
/// Fully dissatisfied; a decline's mark; low levels.
pub const DISSATISFIED: &str = "#a8431a";
/// Rather dissatisfied.
pub const DISSATISFIED_LIGHT: &str = "#f0b48a";
/// «Затрудняюсь ответить».
pub const UNSURE: &str = "#bdbdbd";
/// No figure: not asked, hidden.
pub const NO_DATA: &str = "#d9d9d9";
/// The background of a decline's banner or table row.
pub const DECLINE_BACKGROUND: &str = "#fdf0e6";

/// The level scale of heat maps: (below this level, background, text colour), diverging at
/// 70 % — orange below (the deeper, the lower), blue above (the deeper, the higher).
pub const HEAT: [(f64, &str, &str); 6] = [
    (50.0, DISSATISFIED, "#fff"),
    (60.0, "#e08a4f", "#000"),
    (70.0, "#f6cfae", "#000"),
    (80.0, "#cfe0f1", "#000"),
    (90.0, SATISFIED_LIGHT, "#000"),
    (f64::INFINITY, SATISFIED, "#fff"),
];

/// A level's background and text colours on the heat scale.
pub fn heat(level: f64) -> (&'static str, &'static str) {
    HEAT.iter()
        .find(|(upto, _, _)| level < *upto)
        .map_or((SATISFIED, "#fff"), |(_, bg, fg)| (*bg, *fg))
}

/// The colour of the `i`-th of `count` years, oldest first: the latest is [`SATISFIED`], the
/// earlier ones slate blues darkening towards it (each at least 3:1 against the white page,
/// none the neutral grey of «нет данных»).
pub fn year(i: usize, count: usize) -> String {
    // Slate rather than neutral grey: an earlier year is never read as «нет данных».
    const OLDEST: (f64, f64, f64) = (122.0, 140.0, 168.0);
    const BEFORE_LATEST: (f64, f64, f64) = (84.0, 100.0, 122.0);
    if count <= 1 || i + 1 >= count {
        return SATISFIED.to_string();
    }
    let earlier = count - 1;
    let t = if earlier <= 1 {
        0.0
    } else {
        i as f64 / (earlier - 1) as f64
    };
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(OLDEST.0, BEFORE_LATEST.0),
        mix(OLDEST.1, BEFORE_LATEST.1),
        mix(OLDEST.2, BEFORE_LATEST.2)
    )
}

/// The contrast ratio of two `#rrggbb` (or `#rgb`) colours, as WCAG 2.1 defines it; 1 when
/// either is not such a colour.
pub fn contrast(a: &str, b: &str) -> f64 {
    let (Some(a), Some(b)) = (luminance(a), luminance(b)) else {
        return 1.0;
    };
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    (light + 0.05) / (dark + 0.05)
}

fn luminance(colour: &str) -> Option<f64> {
    let hex = colour.strip_prefix('#')?;
    let hex: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return None,
    };
    let channel = |at: usize| -> Option<f64> {
        let value = f64::from(u8::from_str_radix(hex.get(at..at + 2)?, 16).ok()?) / 255.0;
        Some(if value <= 0.039_28 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        })
    };
    Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_wcag_s() {
        assert!((contrast("#000", "#fff") - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
        assert_eq!(contrast("red", "#fff"), 1.0);
    }

    #[test]
    fn every_text_on_the_scale_reads() {
        for (upto, bg, fg) in HEAT {
            assert!(contrast(bg, fg) >= 4.5, "{upto}: {fg} on {bg}");
        }
        // Text on the decline's background and the grey of «не спрошен / скрыто».
        for (fg, bg) in [
            ("#1a1a1a", DECLINE_BACKGROUND),
            ("#333", NO_DATA),
            ("#555", DECLINE_BACKGROUND),
        ] {
            assert!(contrast(fg, bg) >= 4.5, "{fg} on {bg}");
        }
    }

    #[test]
    fn marks_stand_out_from_the_page() {
        for count in 1..=12 {
            let colours: Vec<String> = (0..count).map(|i| year(i, count)).collect();
            for colour in &colours {
                assert!(![UNSURE, NO_DATA].contains(&colour.as_str()), "{colour}");
                // No grey: its channels differ.
                let bytes = u32::from_str_radix(&colour[1..], 16).unwrap();
                assert_ne!(bytes >> 16, bytes & 0xff, "{colour} is grey");
            }
            for colour in &colours {
                assert!(contrast(colour, "#fff") >= 3.0, "{colour} of {count}");
            }
            let mut distinct = colours.clone();
            distinct.dedup();
            assert_eq!(distinct.len(), count, "{colours:?}");
            assert_eq!(colours.last().map(String::as_str), Some(SATISFIED));
        }
        for mark in [SATISFIED, DISSATISFIED] {
            assert!(contrast(mark, "#fff") >= 4.5, "{mark}");
        }
    }

    #[test]
    fn the_scale_runs_from_orange_to_blue() {
        assert_eq!(heat(10.0).0, DISSATISFIED);
        assert_eq!(heat(95.0).0, SATISFIED);
        assert_eq!(heat(100.0).0, SATISFIED);
        assert_eq!(heat(75.0).1, "#000");
    }
}
