//! Writing a result file: atomically (a temporary file in the same folder renamed into place, so
//! there is never a half-written file) and never over one of the command's input files.

use crate::text::io_reason;
use anyhow::bail;
use std::io::Write;
use std::path::Path;

/// A format a command writes, with the extensions a file of it has («docx»; «md», «markdown»)
/// and its name as `--format` spells it.
pub struct FormatName<F> {
    pub format: F,
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

/// Extensions of documents and data a person opens by their name: a file so named must be that
/// format (documents.md «The file is what its name says»).
const KNOWN_EXTENSIONS: [&str; 17] = [
    "docx", "doc", "odt", "rtf", "pdf", "xlsx", "xls", "ods", "csv", "html", "htm", "md",
    "markdown", "json", "txt", "yaml", "yml",
];

/// The formats a command writes, by the extensions that choose them and the `--format` that
/// says the same: «.docx (--format docx); .md, .markdown (--format markdown)».
fn listed<F>(formats: &[FormatName<F>]) -> String {
    formats
        .iter()
        .map(|f| format!(".{} (--format {})", f.extensions.join(", ."), f.name))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The format a result is written in: `--format` when given, else the one the output file's
/// name says, else `default`. A `--format` that contradicts the name, or a name the command
/// cannot write, is an error listing what it can write: a `.docx` is never text.
pub fn format_by_name<F: Copy + PartialEq>(
    explicit: Option<F>,
    output: Option<&Path>,
    formats: &[FormatName<F>],
    default: F,
    inputs: &[&Path],
) -> anyhow::Result<F> {
    let Some(path) = output else {
        return Ok(explicit.unwrap_or(default));
    };
    // An output that is an input is said first: it is the graver mistake.
    refuse_inputs(path, inputs)?;
    let Some(extension) = path.extension().map(|e| e.to_string_lossy().to_lowercase()) else {
        // A name without an extension says no format: text written under it would open in
        // nothing a user expects. With --format the user has said it.
        return match explicit {
            Some(format) => Ok(format),
            None => bail!(
                "{}: по имени без расширения не понять, какой файл писать; назовите файл по формату ({}) или укажите --format",
                path.display(),
                listed(formats)
            ),
        };
    };
    let name_of = |format: F| {
        formats
            .iter()
            .find(|f| f.format == format)
            .map_or("?", |f| f.name)
    };
    let can_write = || listed(formats);
    let named = formats
        .iter()
        .find(|f| f.extensions.contains(&extension.as_str()));
    match (explicit, named) {
        (Some(format), Some(named)) if named.format != format => bail!(
            "{}: имя файла говорит «{}» (.{extension}), а --format {}; файл должен быть тем, что говорит его имя — уберите --format или назовите файл по формату ({})",
            path.display(),
            named.name,
            name_of(format),
            can_write()
        ),
        (_, Some(named)) => Ok(named.format),
        (_, None) if KNOWN_EXTENSIONS.contains(&extension.as_str()) => bail!(
            "{}: эта команда не пишет файлы .{extension}; можно: {}",
            path.display(),
            can_write()
        ),
        (Some(format), None) => Ok(format),
        (None, None) => bail!(
            "{}: по расширению .{extension} не понять формат; назовите файл по формату или укажите --format ({})",
            path.display(),
            can_write()
        ),
    }
}

/// Writes `bytes` to `path` atomically, refusing to overwrite any of `inputs`, and any existing
/// file unless `force` (documents.md «Nothing is overwritten by surprise»: one rule for every
/// command).
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    inputs: &[&Path],
    force: bool,
) -> anyhow::Result<()> {
    write_atomically_with(path, inputs, force, &mut |out| Ok(out.write_all(bytes)?))
}

/// Like [`write_atomically`], the content written by `write` as it goes (a result too large to
/// hold in memory, such as every request of a journal of a million rows).
pub fn write_atomically_with(
    path: &Path,
    inputs: &[&Path],
    force: bool,
    write: &mut dyn FnMut(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    refuse_inputs(path, inputs)?;
    // A symlink is written through (its target is the file the user named); a device, a pipe
    // or a folder is never replaced by a file.
    let resolved;
    let path = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            resolved.as_path()
        }
        _ => path,
    };
    if !force && std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() || m.is_symlink()) {
        bail!(
            "{} уже существует: tochki не перезаписывает файлы без спроса; укажите другое имя в -o или добавьте --force",
            path.display()
        );
    }
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        bail!(
            "{}: это не обычный файл ({}); результат записывается только в обычный файл — укажите в -o имя файла",
            path.display(),
            if meta.is_dir() {
                "папка"
            } else {
                "устройство или канал"
            }
        );
    }
    let temporary = prepared_with(path, write)?;
    temporary.persist(path).map_err(|e| {
        anyhow::anyhow!(
            "не удалось сохранить {}: {}",
            path.display(),
            io_reason(&e.error)
        )
    })?;
    Ok(())
}

/// Refuses an output that is one of the command's input files (a hard link, a symlink, `..`).
fn refuse_inputs(path: &Path, inputs: &[&Path]) -> anyhow::Result<()> {
    for input in inputs {
        if same_file(path, input) {
            bail!(
                "файл результата {} совпадает с входным файлом: программа не записывает во входные файлы; укажите другое имя в -o",
                path.display()
            );
        }
    }
    Ok(())
}

/// Writes a new file atomically; fails if the file exists (even if it appeared meanwhile).
pub fn write_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let temporary = prepared(path, bytes)?;
    temporary.persist_noclobber(path).map_err(|error| {
        anyhow::anyhow!(
            "не удалось создать {}: {} (существующие файлы не перезаписываются)",
            path.display(),
            io_reason(&error.error)
        )
    })?;
    Ok(())
}

/// A temporary file beside `path` holding `bytes`, ready to be renamed into place.
fn prepared(path: &Path, bytes: &[u8]) -> anyhow::Result<tempfile::NamedTempFile> {
    prepared_with(path, &mut |out| Ok(out.write_all(bytes)?))
}

/// A temporary file beside `path` holding what `write` writes, ready to be renamed into place.
fn prepared_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<tempfile::NamedTempFile> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::NamedTempFile::new_in(folder).map_err(|e| {
        anyhow::anyhow!(
            "не удалось создать временный файл в папке {}: {}",
            folder.display(),
            io_reason(&e)
        )
    })?;
    let not_written = |e: std::io::Error| {
        anyhow::anyhow!("не удалось записать {}: {}", path.display(), io_reason(&e))
    };
    {
        let mut buffered = std::io::BufWriter::new(temporary.as_file_mut());
        write(&mut buffered).map_err(|error| match error.downcast::<std::io::Error>() {
            Ok(io) => not_written(io),
            Err(other) => other,
        })?;
        buffered.flush().map_err(not_written)?;
    }
    // A temporary file is private (0600); a result is an ordinary file for its folder, and one
    // that is replaced keeps its mode.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0o644);
        temporary
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(not_written)?;
    }
    Ok(temporary)
}

/// Whether two paths name one file: the same device and inode on unix (hard links, symlinks,
/// `..` in the path), the same canonical path elsewhere or when one does not exist yet.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_refuses_to_overwrite_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.yaml");
        std::fs::write(&input, "organization: x\n").unwrap();
        let output = dir.path().join("out.html");
        write_atomically(&output, b"<p>ok</p>", &[&input], true).unwrap();
        assert_eq!(std::fs::read(&output).unwrap(), b"<p>ok</p>");
        let error = write_atomically(&input, b"oops", &[&input], true).unwrap_err();
        assert!(error.to_string().contains("входным файлом"));
        assert_eq!(std::fs::read(&input).unwrap(), b"organization: x\n");
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symlink_and_never_over_a_device_or_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.html");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.html");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomically(&link, b"new", &[], true).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let error = write_atomically(Path::new("/dev/null"), b"x", &[], true).unwrap_err();
        assert!(error.to_string().contains("не обычный файл"), "{error}");
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
        let error = write_atomically(dir.path(), b"x", &[], true).unwrap_err();
        assert!(error.to_string().contains("папка"), "{error}");
    }

    #[test]
    fn an_existing_file_is_refused_without_force() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("last_year.docx");
        std::fs::write(&target, "old").unwrap();
        let error = write_atomically(&target, b"new", &[], false).unwrap_err();
        assert!(error.to_string().contains("--force"), "{error}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        write_atomically(&target, b"new", &[], true).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn the_name_decides_the_format_and_a_contradiction_is_refused() {
        #[derive(Clone, Copy, PartialEq, Debug)]
        enum F {
            Table,
            Docx,
        }
        let formats = [
            FormatName {
                format: F::Table,
                name: "table",
                extensions: &["txt"],
            },
            FormatName {
                format: F::Docx,
                name: "docx",
                extensions: &["docx"],
            },
        ];
        let by = |explicit, name: &str| {
            format_by_name(explicit, Some(Path::new(name)), &formats, F::Table, &[])
        };
        assert_eq!(by(None, "x.docx").unwrap(), F::Docx);
        assert_eq!(by(None, "x.DOCX").unwrap(), F::Docx);
        // No extension and no --format: refused, the formats listed by their extensions.
        let refused = by(None, "x").unwrap_err().to_string();
        assert!(refused.contains(".docx (--format docx)"), "{refused}");
        assert_eq!(by(Some(F::Docx), "x").unwrap(), F::Docx);
        assert!(
            by(Some(F::Table), "x.docx")
                .unwrap_err()
                .to_string()
                .contains("--format")
        );
        assert!(
            by(None, "x.xlsx")
                .unwrap_err()
                .to_string()
                .contains("не пишет файлы .xlsx")
        );
        assert!(by(None, "x.weird").is_err());
        assert_eq!(by(Some(F::Docx), "x.weird").unwrap(), F::Docx);
        assert_eq!(
            format_by_name(None, None, &formats, F::Table, &[]).unwrap(),
            F::Table
        );
    }
}
