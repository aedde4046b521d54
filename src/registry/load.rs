//! Reading a registry file: bytes → text → model, with every problem as an R001 finding.
//!
//! The order matters for the messages: a file that is not text (NUL bytes), not UTF-8 (most
//! often a Windows-1251 save) or empty is reported as such before YAML is tried, so the user is
//! told what to do rather than shown a parser's complaint about an odd byte.

use super::model::Registry;
use crate::diagnostic::{Finding, Position};
use crate::text::io_reason;

/// A registry file as read: its text and, when it parsed, its model.
#[derive(Debug)]
pub struct Loaded {
    /// Unknown keys and overly deep nesting, found by the event pass that runs beside serde.
    pub shape: Option<ShapeResult>,
    /// The file name as the user gave it.
    pub file: String,
    /// The text (UTF-8, BOM removed); empty when the file could not be decoded.
    pub text: String,
    /// The model, when the text is YAML of the registry's shape.
    pub registry: Option<Registry>,
    /// Problems found while reading (R001; I001–I004 for a table).
    pub findings: Vec<Finding>,
    /// For a registry read from a Word or Excel table: the cell of every node.
    pub places: Option<super::import::Places>,
}

/// A finding of R001, the rule for what cannot be read.
fn shape_error(message: impl Into<String>, help: impl Into<String>) -> Finding {
    super::r001::RULE.finding(message).with_help(help)
}

/// Reads a registry from bytes. Never fails: what cannot be read becomes a finding.
pub fn load_bytes(file: &str, bytes: Vec<u8>) -> Loaded {
    let mut loaded = Loaded {
        shape: None,
        file: file.to_string(),
        text: String::new(),
        registry: None,
        findings: Vec::new(),
        places: None,
    };
    let report = |finding: Finding| {
        let mut finding = finding;
        finding.file = file.to_string();
        finding
    };

    match decode(bytes) {
        Ok(text) => loaded.text = text,
        Err(finding) => {
            loaded.findings.push(report(*finding));
            return loaded;
        }
    }
    // libyaml counts a lone carriage return (old Mac line ends, or one stray inside a line) and
    // the Unicode breaks NEL, LS and PS as line breaks; every other reader here and every
    // quoted line count lines at `\n`. One line break for all of them, so a finding's line is
    // the line the parsers saw.
    if loaded
        .text
        .contains(['\r', '\u{85}', '\u{2028}', '\u{2029}'])
    {
        loaded.text = lone_returns_as_newlines(&loaded.text);
    }
    let text = loaded.text.as_str();
    if let Some(finding) = empty_file_finding(text) {
        loaded.findings.push(report(finding));
        return loaded;
    }

    match parse(text) {
        Ok((registry, shape)) => {
            loaded.registry = Some(registry);
            loaded.shape = shape;
        }
        Err(finding) => loaded.findings.push(report(*finding)),
    }
    loaded
}

/// The event pass's result: the shape, or its error as a message and position.
type ShapeResult = Result<super::positions::Shape, (String, Position)>;

/// The model and the shape of a decoded text, or the R001 finding saying why it is not one.
fn parse(text: &str) -> Result<(Registry, Option<ShapeResult>), Box<Finding>> {
    if flow_depth_may_exceed(text, super::positions::MAX_DEPTH) {
        return parse_deep(text);
    }
    // serde builds the model while the event pass checks keys, on the other core.
    let (parsed, shape) = std::thread::scope(|scope| {
        let shape = scope.spawn(|| scan_shape(text));
        let parsed = serde_yaml::from_str::<Registry>(text);
        (parsed, shape.join())
    });
    match parsed {
        Ok(registry) => Ok((registry, shape.ok())),
        Err(error) => {
            // A document can be of the wrong shape and broken further down; the syntax error
            // is the one to fix first (the shape may be right once it is fixed).
            let error = match serde_yaml::from_str::<serde_yaml::Value>(text) {
                Err(syntax) if error.to_string().starts_with("invalid type") => syntax,
                _ => error,
            };
            Err(Box::new(translate_yaml_error(text, &error)))
        }
    }
}

/// serde_yaml's scanner (libyaml) does work in proportion to the flow depth for every token,
/// so 50,000 nested brackets cost it tens of seconds. When the brackets could nest that deep,
/// the event pass (which stops at MAX_DEPTH) runs first, and a file it finds too deep is not
/// given to serde at all. A false alarm (brackets in quoted text) only costs the parallelism.
fn parse_deep(text: &str) -> Result<(Registry, Option<ShapeResult>), Box<Finding>> {
    let shape = scan_shape(text);
    // saphyr's scanner looks ahead in flow collections, so its own recursion limit may
    // stop it before the walk reaches MAX_DEPTH: that is the same finding.
    let too_deep = match &shape {
        Ok(scan) => scan.too_deep,
        Err((message, position)) if message.contains("recursion limit") => Some(*position),
        Err(_) => None,
    };
    if let Some(position) = too_deep {
        return Err(Box::new(too_deep_finding().at(position)));
    }
    match serde_yaml::from_str::<Registry>(text) {
        Ok(registry) => Ok((registry, Some(shape))),
        Err(error) => {
            // A document can be of the wrong shape and broken further down; the syntax error
            // is the one to fix first (the shape may be right once it is fixed).
            let error = match serde_yaml::from_str::<serde_yaml::Value>(text) {
                Err(syntax) if error.to_string().starts_with("invalid type") => syntax,
                _ => error,
            };
            Err(Box::new(translate_yaml_error(text, &error)))
        }
    }
}

/// The bytes as text, or the R001 finding saying why they are not UTF-8 text (UTF-16, NUL
/// bytes, another encoding). A byte-order mark is dropped.
fn decode(bytes: Vec<u8>) -> Result<String, Box<Finding>> {
    if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return Err(Box::new(
            shape_error(
                "Файл в кодировке UTF-32: перечень читается только в UTF-8",
                "Пересохраните файл в UTF-8 (в Блокноте: «Сохранить как» → кодировка UTF-8)",
            )
            .at(Position { line: 1, column: 1 }),
        ));
    }
    if crate::input::text::looks_like_utf16(&bytes) {
        return Err(Box::new(
            shape_error(
                "Файл в кодировке UTF-16 (в Блокноте она называется «Юникод»): перечень читается только в UTF-8",
                "Пересохраните файл в UTF-8 (в Блокноте: «Сохранить как» → кодировка UTF-8)",
            )
            .at(Position { line: 1, column: 1 }),
        ));
    }

    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let position = position_of_byte(&bytes, offset);
        return Err(Box::new(
            shape_error(
                "Файл содержит нулевые байты: это не текстовый YAML-файл (возможно, документ Word, архив или повреждённый файл)",
                "Сохраните перечень как текст в кодировке UTF-8 с расширением .yaml",
            )
            .at(position),
        ));
    }

    let mut bytes = bytes;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let bytes = error.as_bytes();
            let position = position_of_byte(bytes, offset);
            let message = if crate::input::text::looks_like_cp1251(bytes) {
                "Файл не в кодировке UTF-8: похоже, он сохранён в Windows-1251".to_string()
            } else {
                format!(
                    "Файл не в кодировке UTF-8: недопустимый байт 0x{:02X}",
                    bytes[offset]
                )
            };
            Err(Box::new(
                shape_error(
                    message,
                    "Пересохраните файл в UTF-8 (в Блокноте: «Сохранить как» → кодировка UTF-8)",
                )
                .at(position),
            ))
        }
    }
}

/// The finding for a file with nothing but blank lines and comments.
fn empty_file_finding(text: &str) -> Option<Finding> {
    if text
        .lines()
        .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'))
    {
        let finding = shape_error(
            "Файл пуст: в нём нет ни одного поля перечня",
            "Начните с `tochki init` или заполните organization и directions",
        );
        // A file of zero bytes has no line to point at.
        let finding = if text.is_empty() {
            finding
        } else {
            finding.at(Position { line: 1, column: 1 })
        };
        return Some(finding);
    }
    None
}

/// The event pass for unknown keys and depth, its error as a message and position.
fn scan_shape(text: &str) -> ShapeResult {
    super::positions::shape(text).map_err(|e| {
        let position = Position {
            line: e.marker().line(),
            column: e.marker().col() + 1,
        };
        (e.info().to_string(), position)
    })
}

/// Whether `[` and `{` could nest deeper than `limit`; quotes are not looked at, so this may
/// say yes for a file that does not (it is only a hint of which reader to run first).
fn flow_depth_may_exceed(text: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    for byte in text.bytes() {
        match byte {
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// The finding for nesting deeper than a registry ever needs.
pub(crate) fn too_deep_finding() -> Finding {
    shape_error(
        format!(
            "Слишком глубокая вложенность (больше {} уровней): перечню хватает восьми",
            super::positions::MAX_DEPTH
        ),
        "Проверьте скобки и отступы; лишние вложенные списки удалите",
    )
}

/// Reads a registry file from disk. Fails only when the file cannot be read at all.
pub fn load_file(path: &std::path::Path) -> anyhow::Result<Loaded> {
    if path.is_dir() {
        anyhow::bail!(
            "{} — это папка, а не файл перечня: укажите файл .yaml, .docx или .xlsx (папку проверяет только tochki check)",
            path.display()
        );
    }
    if crate::input::Kind::of(path).is_some() {
        return load_table(path, &super::import::Options::default());
    }
    // A document or a workbook under another name is named by what it is, never given YAML
    // advice.
    if path.exists() {
        crate::input::sniff(path).map_err(|problem| {
            problem.explain(&path.display().to_string(), &super::REGISTRY_WORDS)
        })?;
    }
    let bytes = std::fs::read(path).map_err(|e| {
        anyhow::anyhow!(
            "не удалось прочитать файл {}: {}",
            path.display(),
            io_reason(&e)
        )
    })?;
    Ok(load_bytes(&path.display().to_string(), bytes))
}

/// Reads a registry from a Word, Excel or CSV table (import.md); what cannot be opened at all
/// is an error, what the table lacks is a finding (I001–I004).
pub fn load_table(
    path: &std::path::Path,
    options: &super::import::Options,
) -> anyhow::Result<Loaded> {
    let file = path.display().to_string();
    let grids = crate::input::read_all(path, &file, &super::REGISTRY_WORDS)?;
    let imported = super::import::import(&file, grids, options);
    Ok(Loaded {
        shape: None,
        file,
        text: String::new(),
        registry: imported.registry,
        findings: imported.findings,
        places: Some(imported.places),
    })
}

/// Line and column (in characters) of a byte offset, for undecodable input.
fn position_of_byte(bytes: &[u8], offset: usize) -> Position {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Position { line, column }
}

/// Turns serde_yaml's English error into a Russian finding with position.
fn translate_yaml_error(text: &str, error: &serde_yaml::Error) -> Finding {
    let (path, detail) = split_yaml_error(error);
    let position = error.location().map(|l| Position {
        line: l.line(),
        column: l.column(),
    });
    let line_text = position
        .and_then(|p| text.lines().nth(p.line.saturating_sub(1)))
        .unwrap_or("");

    let at = position.and_then(|p| line_text.chars().nth(p.column.saturating_sub(1)));
    let (message, help) = match crate::input::yaml::unread_construct(text) {
        Some((message, help)) => (message.to_string(), help.to_string()),
        None => yaml_error_wording(line_text, at, &detail),
    };
    let mut finding = shape_error(message, help);
    finding.path = path;
    if let Some(position) = yaml_error_position(text, &detail, position) {
        finding = finding.at(position);
    }
    finding
}

/// serde_yaml's message without its position, split into the node's path (when it names one)
/// and the detail.
fn split_yaml_error(error: &serde_yaml::Error) -> (Option<String>, String) {
    let raw = error.to_string();
    // serde_yaml appends " at line L column C"; the position goes into the finding instead.
    let raw = match raw.find(" at line ") {
        Some(at) => raw[..at].to_string(),
        None => raw,
    };
    // And prefixes the path of the node: "directions[0].processes: invalid type ...".
    match raw.split_once(": ") {
        Some((path, detail))
            if !path.contains(' ') && (path.contains('.') || path.contains('[')) =>
        {
            (Some(path.to_string()), detail.to_string())
        }
        Some((path, detail)) if !path.contains(' ') && !detail.is_empty() => {
            (Some(path.to_string()), detail.to_string())
        }
        _ => (None, raw.clone()),
    }
}

/// The Russian message and help for serde_yaml's detail; `line_text` is the line it points at
/// and `at` the character there. Tabs are decided by the text itself, never by words of the
/// message: a type error whose value holds «tab» is a type error.
fn yaml_error_wording(line_text: &str, at: Option<char>, detail: &str) -> (String, String) {
    let tab_indent = line_text
        .chars()
        .take_while(|c| c.is_whitespace())
        .any(|c| c == '\t');
    let syntax = !detail.starts_with("invalid type") && !detail.starts_with("invalid value");
    if syntax && (tab_indent || detail.starts_with("found a tab character") || at == Some('\t')) {
        (
            "Отступ сделан табуляцией: в YAML отступы делаются только пробелами".to_string(),
            "Замените табуляцию в начале строки пробелами (по два на уровень)".to_string(),
        )
    } else if detail.contains("recursion limit exceeded") {
        (
            "Слишком глубокая вложенность: файл не похож на перечень".to_string(),
            "Проверьте отступы и скобки; в перечне не больше шести уровней вложенности".to_string(),
        )
    } else if detail.contains("repetition limit exceeded") {
        (
            "Слишком много раскрытий ссылок (&якорь/*ссылка): файл раздувается при чтении («billion laughs»)".to_string(),
            "Уберите якоря и ссылки, запишите значения явно".to_string(),
        )
    } else if let Some(field) = between(detail, "duplicate field `", "`") {
        (
            format!("Ключ «{field}» повторяется в одном разделе"),
            "Оставьте один ключ и перенесите в него нужное значение".to_string(),
        )
    } else if detail.contains("duplicate entry") {
        (
            "Ключ повторяется в одном разделе".to_string(),
            "Оставьте один ключ и перенесите в него нужное значение".to_string(),
        )
    } else if detail.starts_with("invalid type") || detail.starts_with("invalid value") {
        (
            format!(
                "Значение не того вида: {}, а {}",
                expected_kind(detail),
                found_kind(detail)
            ),
            format!(
                "Исправьте значение по образцу из `tochki explain {}`",
                super::r001::RULE.code
            ),
        )
    } else if detail.contains("did not match any variant") {
        (
            "Значение не того вида: ожидается текст или список".to_string(),
            format!(
                "Исправьте значение по образцу из `tochki explain {}`",
                super::r001::RULE.code
            ),
        )
    } else if detail.contains("more than one document") {
        (
            "В файле несколько YAML-документов (разделитель ---): перечень должен быть одним документом".to_string(),
            "Разделите файл на несколько или уберите лишний разделитель ---".to_string(),
        )
    } else {
        let (message, help) = crate::input::yaml::syntax_problem(detail);
        (message.to_string(), help.to_string())
    }
}

/// Where the finding points: serde_yaml places a duplicate at its mapping, the duplicated key
/// itself is more useful; it gives no place for a second document, that is its `---`.
fn yaml_error_position(text: &str, detail: &str, position: Option<Position>) -> Option<Position> {
    if detail.contains("duplicate") {
        super::positions::first_duplicate_key(text)
            .map(|(_, p)| p)
            .or(position)
    } else if detail.contains("more than one document") {
        super::positions::second_document(text).or(position)
    } else {
        position
    }
}

/// `\r` not followed by `\n`, NEL, LS and PS become `\n`; `\r\n` stays (one line break to
/// every reader).
fn lone_returns_as_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let lone_return = c == '\r' && chars.peek() != Some(&'\n');
        if lone_return || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = text[from..].find(end)? + from;
    Some(&text[from..to])
}

/// What serde expected ("..., expected a sequence"), said as a user would.
fn expected_kind(detail: &str) -> &'static str {
    let expected = detail.split(", expected ").nth(1).unwrap_or("");
    if expected.contains("sequence") {
        "ожидался список (строки, начинающиеся с «- », или [a, b])"
    } else if expected.contains("struct") || expected.contains("map") {
        "ожидался словарь (раздел с полями «ключ: значение»)"
    } else if expected.contains("a text") || expected.contains("string") {
        "ожидалась строка (текст)"
    } else {
        "ожидалось значение другого вида"
    }
}

/// What serde found ("invalid type: map, ..."), said in other words than the expectation.
fn found_kind(detail: &str) -> String {
    let found = detail
        .trim_start_matches("invalid type: ")
        .trim_start_matches("invalid value: ")
        .split(", expected")
        .next()
        .unwrap_or("");
    if found.starts_with("string") {
        format!("найдена строка {}", found.trim_start_matches("string "))
    } else if found.starts_with("sequence") {
        "найден список".to_string()
    } else if found.starts_with("map") {
        "найден словарь (поля «ключ: значение»)".to_string()
    } else if found.starts_with("integer") || found.starts_with("floating") {
        "найдено число".to_string()
    } else if found.starts_with("boolean") {
        "найдено да/нет (true/false)".to_string()
    } else if found.starts_with("unit") {
        "значение пустое".to_string()
    } else if found.starts_with("enum") {
        "найдено значение с тегом YAML (!…)".to_string()
    } else {
        "найдено значение другого вида".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(bytes: &[u8]) -> Finding {
        let loaded = load_bytes("f.yaml", bytes.to_vec());
        assert!(loaded.registry.is_none());
        loaded.findings.into_iter().next().expect("a finding")
    }

    #[test]
    fn empty_and_comment_only_files_are_reported() {
        assert!(first(b"").message.contains("пуст"));
        assert!(first(b"# only a comment\n\n").message.contains("пуст"));
    }

    #[test]
    fn cp1251_is_named_with_its_line() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1251.encode("organization: x\n\nname: Министерство\n");
        let finding = first(&bytes);
        assert!(
            finding.message.contains("Windows-1251"),
            "{}",
            finding.message
        );
        assert_eq!(finding.line, Some(3));
        assert_eq!(finding.column, Some(7));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let finding = first(b"organization: x\n\x00\x01\x02");
        assert!(finding.message.contains("нулевые байты"));
        assert_eq!(finding.line, Some(2));
    }

    #[test]
    fn tab_indentation_is_explained() {
        let finding = first(b"directions:\n\t- name: x\n");
        assert!(finding.message.contains("табуляц"), "{}", finding.message);
        assert_eq!(finding.line, Some(2));
    }

    #[test]
    fn a_type_error_that_mentions_tab_is_a_type_error() {
        // yaml-test-suite, DuckDB corpus: a quoted value with a tab, a word «Portable».
        for text in [
            "organization: x\ndirections: \"1 inline\\ttab\"\n",
            "organization: x\ndirections: Portable\n",
        ] {
            let finding = first(text.as_bytes());
            assert!(
                !finding.message.contains("табуляц"),
                "{text}: {}",
                finding.message
            );
            assert!(
                finding.message.contains("не того вида"),
                "{text}: {}",
                finding.message
            );
        }
    }

    #[test]
    fn a_syntax_error_is_reported_before_the_wrong_kind_of_root() {
        let finding = first(b"- a\n- b: [c\n- d\n");
        assert!(!finding.message.contains("ожидался"), "{}", finding.message);
        assert!(finding.line.is_some_and(|l| l >= 2), "{:?}", finding.line);
    }

    #[test]
    fn duplicate_keys_are_named() {
        let finding = first("organization: a\norganization: b\n".as_bytes());
        assert!(
            finding.message.contains("«organization»"),
            "{}",
            finding.message
        );
        assert_eq!(finding.line, Some(2));
    }

    #[test]
    fn wrong_kind_of_value_is_explained_with_its_path() {
        let finding = first("organization: Мин\ndirections: текст\n".as_bytes());
        assert!(finding.message.contains("список"), "{}", finding.message);
        assert_eq!(finding.path.as_deref(), Some("directions"));
        assert_eq!(finding.line, Some(2));
    }

    #[test]
    fn serde_yaml_columns_count_characters() {
        // "Мин" is 3 characters but 6 bytes; the bad value starts at character 26.
        let finding = first("directions: [\n  {name: Мин, processes: ыы}]\n".as_bytes());
        assert_eq!(finding.line, Some(2));
        assert_eq!(finding.column, Some(26), "{finding:?}");
    }

    #[test]
    fn utf16_is_named_with_the_fix() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "organization: Мин\n".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        let finding = first(&bytes);
        assert!(finding.message.contains("UTF-16"), "{}", finding.message);
        assert!(finding.help.as_deref().unwrap().contains("UTF-8"));
        // Without the mark too (big-endian here).
        let bytes: Vec<u8> = "organization: x\ndirections: []\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert!(first(&bytes).message.contains("UTF-16"));
    }

    #[test]
    fn a_mapping_where_a_text_is_expected_says_both_in_other_words() {
        let finding = first("organization: {a: x}\n".as_bytes());
        assert!(
            finding
                .message
                .contains("ожидалась строка (текст), а найден словарь"),
            "{}",
            finding.message
        );
        let finding = first("directions: {a: x}\n".as_bytes());
        assert!(
            finding.message.contains(
                "ожидался список (строки, начинающиеся с «- », или [a, b]), а найден словарь"
            ),
            "{}",
            finding.message
        );
        let finding = first("directions: [[x]]\n".as_bytes());
        assert!(
            finding.message.contains("ожидался словарь")
                && finding.message.contains("найден список"),
            "{}",
            finding.message
        );
    }

    #[test]
    fn a_bom_is_skipped() {
        let loaded = load_bytes("f.yaml", "\u{feff}organization: Мин\n".as_bytes().to_vec());
        assert!(loaded.findings.is_empty());
        assert!(loaded.registry.is_some());
    }
}
