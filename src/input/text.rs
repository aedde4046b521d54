//! Bytes as text, decided once for every reader: byte-order marks (UTF-8, UTF-16, UTF-32),
//! UTF-16 without a mark, strict UTF-8, Windows-1251.

use std::borrow::Cow;

/// How the bytes of a text file are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "windows-1251")]
    Cp1251,
}

impl Encoding {
    /// Reads `utf-8`, `utf8`, `cp1251`, `windows-1251` (case does not matter).
    pub fn parse(name: &str) -> Option<Encoding> {
        match name.trim().to_lowercase().as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "cp1251" | "windows-1251" | "win1251" | "1251" => Some(Encoding::Cp1251),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Cp1251 => "Windows-1251",
        }
    }

    /// A field as text; None when its bytes are not valid in this encoding.
    pub fn decode(self, bytes: &[u8]) -> Option<Cow<'_, str>> {
        match self {
            Encoding::Utf8 => simdutf8::basic::from_utf8(bytes).ok().map(Cow::Borrowed),
            Encoding::Cp1251 => {
                let (text, had_errors) =
                    encoding_rs::WINDOWS_1251.decode_without_bom_handling(bytes);
                (!had_errors).then_some(text)
            }
        }
    }
}

/// BOM, then strict UTF-8, then Windows-1251. A sample cut in the middle of a character is
/// still UTF-8.
pub fn detect_encoding(sample: &[u8], has_bom: bool) -> Encoding {
    if has_bom {
        return Encoding::Utf8;
    }
    match std::str::from_utf8(sample) {
        Ok(_) => Encoding::Utf8,
        Err(error) if error.error_len().is_none() => Encoding::Utf8,
        Err(_) => Encoding::Cp1251,
    }
}

/// "UTF-16LE", "UTF-32LE" and so on when the sample starts with that byte order mark.
pub fn wide_bom(sample: &[u8]) -> Option<&'static str> {
    if sample.starts_with(b"\xFF\xFE\x00\x00") {
        Some("UTF-32LE")
    } else if sample.starts_with(b"\x00\x00\xFE\xFF") {
        Some("UTF-32BE")
    } else if sample.starts_with(b"\xFF\xFE") {
        Some("UTF-16LE")
    } else if sample.starts_with(b"\xFE\xFF") {
        Some("UTF-16BE")
    } else {
        None
    }
}

/// True for a UTF-16 file: a UTF-16 byte-order mark, or (without one) a zero byte in most
/// pairs, always on the same side, as Latin letters, digits and punctuation are written.
pub fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    let pairs: Vec<&[u8]> = bytes.chunks_exact(2).take(512).collect();
    if pairs.len() < 4 {
        return false;
    }
    let high_zero = pairs.iter().filter(|p| p[0] != 0 && p[1] == 0).count();
    let low_zero = pairs.iter().filter(|p| p[0] == 0 && p[1] != 0).count();
    high_zero.max(low_zero) * 10 >= pairs.len() * 6
}

/// True when the bytes read as Windows-1251 are mostly Cyrillic letters.
pub fn looks_like_cp1251(bytes: &[u8]) -> bool {
    let high: Vec<u8> = bytes.iter().copied().filter(|b| *b >= 0x80).collect();
    if high.is_empty() {
        return false;
    }
    let (decoded, _, _) = encoding_rs::WINDOWS_1251.decode(&high);
    let cyrillic = decoded
        .chars()
        .filter(|c| ('\u{0410}'..='\u{044F}').contains(c) || *c == 'ё' || *c == 'Ё')
        .count();
    cyrillic * 10 >= high.len() * 8
}

/// A cell's paragraphs as a person reads them: trimmed, the empty ones left out, joined by line
/// breaks; a soft hyphen and zero-width characters are nothing, a non-breaking hyphen (U+2011,
/// as LibreOffice and document systems store Word's) is a hyphen.
pub fn as_shown(paragraphs: &[String]) -> String {
    paragraphs
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
            )
        })
        .map(|c| if c == '\u{2011}' { '-' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected_in_order() {
        assert_eq!(
            detect_encoding("Отметка времени".as_bytes(), false),
            Encoding::Utf8
        );
        let (cp, _, _) = encoding_rs::WINDOWS_1251.encode("Отметка времени");
        assert_eq!(detect_encoding(&cp, false), Encoding::Cp1251);
        // Cut in the middle of a two-byte letter: still UTF-8.
        let bytes = "Ответ".as_bytes();
        assert_eq!(detect_encoding(&bytes[..3], false), Encoding::Utf8);
    }

    #[test]
    fn cp1251_fields_decode() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("Удовлетворен");
        assert_eq!(
            Encoding::Cp1251.decode(&bytes).as_deref(),
            Some("Удовлетворен")
        );
        assert!(Encoding::Utf8.decode(&bytes).is_none());
    }
}
