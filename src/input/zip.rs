//! Zip archives (XLSX, DOCX) checked against a zip bomb before any part is read: a 0.5 MB
//! workbook can unpack to gigabytes, and the sizes written in the archive can lie.

use super::Problem;
use std::io::{Read, Seek};

/// What the parts of an archive may unpack to, all together. A survey of 10,000 respondents and
/// 60 questions unpacks to about 40 MiB; the limit leaves six times that and keeps the check of a
/// bomb under a second.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// The most text one cell (one run of XML text, between two tags) may hold: a registry's or a
/// journal's cell is a few hundred characters; a megabyte is a hostile or broken file.
pub const MAX_CELL_BYTES: usize = 1024 * 1024;

/// Counts the bytes since the last `<` of an XML part, to refuse a run longer than
/// [`MAX_CELL_BYTES`] while it streams, before any parser holds it.
struct Runs<R> {
    inner: R,
    run: usize,
    too_long: bool,
}

impl<R: Read> Read for Runs<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &byte in &buf[..n] {
            if byte == b'<' {
                self.run = 0;
            } else {
                self.run += 1;
                if self.run > MAX_CELL_BYTES {
                    self.too_long = true;
                    return Err(std::io::Error::other("run too long"));
                }
            }
        }
        Ok(n)
    }
}

/// Refuses an archive whose parts unpack to more than [`MAX_UNPACKED_BYTES`], counting the
/// bytes as they really unpack. `unreadable` is the problem to report for a damaged archive
/// (a workbook's or a document's).
pub fn check<R: Read + Seek>(reader: R, unreadable: fn() -> Problem) -> Result<(), Problem> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|_| unreadable())?;
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).map_err(|_| unreadable())?;
        total = total.saturating_add(part.size());
        if total > MAX_UNPACKED_BYTES {
            return Err(Problem::Unpacked);
        }
        let left = MAX_UNPACKED_BYTES - (total - part.size());
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let xml = name.ends_with(".xml") || name.ends_with(".rels");
        let mut runs = Runs {
            inner: (&mut part).take(left + 1),
            run: 0,
            too_long: false,
        };
        let read = if xml {
            // A document type or an entity declared before the root: no Office program writes
            // one, and an entity is how an «XML bomb» expands.
            let mut head = Vec::with_capacity(4096);
            (&mut runs)
                .take(4096)
                .read_to_end(&mut head)
                .map_err(|_| unreadable())?;
            let says = |what: &[u8]| head.windows(what.len()).any(|w| w == what);
            if says(b"<!DOCTYPE") || says(b"<!ENTITY") {
                return Err(Problem::XmlEntities);
            }
            std::io::copy(&mut runs, &mut std::io::sink()).map(|rest| rest + head.len() as u64)
        } else {
            std::io::copy(&mut runs.inner, &mut std::io::sink())
        };
        if runs.too_long {
            return Err(Problem::CellTooLarge);
        }
        let read = read.map_err(|_| unreadable())?;
        total = total - part.size() + read;
        if total > MAX_UNPACKED_BYTES {
            return Err(Problem::Unpacked);
        }
    }
    Ok(())
}

/// Calls `f` with the local name and attributes of every element of a part (a part that is
/// missing or not XML calls nothing).
pub fn each_element<R: std::io::Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    part: &str,
    mut f: impl FnMut(&str, &dyn Fn(&str) -> Option<String>),
) {
    let Ok(entry) = archive.by_name(part) else {
        return;
    };
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(entry));
    let mut buffer = Vec::new();
    loop {
        match xml.read_event_into(&mut buffer) {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                let name = e.local_name().into_inner().to_string();
                let attribute = |key: &str| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().into_inner() == key)
                        .map(|a| a.value.to_string())
                };
                f(&name, &attribute);
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return,
            _ => {}
        }
        buffer.clear();
    }
}

/// An XML reference (`&amp;`, `&#1040;`) as the text it stands for, appended to `text`; an
/// entity XML does not define is nothing.
pub fn push_reference(text: &mut String, reference: &quick_xml::events::BytesRef) {
    if let Ok(Some(ch)) = reference.resolve_char_ref() {
        text.push(ch);
    } else {
        text.push_str(match reference.as_ref() {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            _ => "",
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_that_unpacks_past_the_limit_is_refused() {
        let mut bytes = Vec::new();
        {
            let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            writer
                .start_file("xl/worksheets/sheet1.xml", options)
                .unwrap();
            let block = vec![b' '; 1024 * 1024];
            for _ in 0..(MAX_UNPACKED_BYTES / block.len() as u64 + 1) {
                std::io::Write::write_all(&mut writer, &block).unwrap();
            }
            writer.finish().unwrap();
        }
        let problem = check(std::io::Cursor::new(&bytes), || Problem::NotAWorkbook).unwrap_err();
        assert!(matches!(problem, Problem::Unpacked), "{problem:?}");
        let problem = check(std::io::Cursor::new(b"PK\x03\x04junk"), || {
            Problem::NotAWorkbook
        })
        .unwrap_err();
        assert!(matches!(problem, Problem::NotAWorkbook), "{problem:?}");
    }
}
