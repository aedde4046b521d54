//! Writing a result file: atomically (a temporary file in the same folder renamed into place, so
//! there is never a half-written file) and never over one of the command's input files.

use crate::registry::load::io_reason;
use anyhow::bail;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically, refusing to overwrite any of `inputs`.
pub fn write_atomically(path: &Path, bytes: &[u8], inputs: &[&Path]) -> anyhow::Result<()> {
    for input in inputs {
        if same_file(path, input) {
            bail!(
                "файл результата {} совпадает с входным файлом: программа не записывает во входные файлы; укажите другое имя в -o",
                path.display()
            );
        }
    }
    let temporary = prepared(path, bytes)?;
    temporary.persist(path).map_err(|e| {
        anyhow::anyhow!(
            "не удалось сохранить {}: {}",
            path.display(),
            io_reason(&e.error)
        )
    })?;
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
    temporary
        .write_all(bytes)
        .and_then(|()| temporary.flush())
        .map_err(not_written)?;
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
        write_atomically(&output, b"<p>ok</p>", &[&input]).unwrap();
        assert_eq!(std::fs::read(&output).unwrap(), b"<p>ok</p>");
        let error = write_atomically(&input, b"oops", &[&input]).unwrap_err();
        assert!(error.to_string().contains("входным файлом"));
        assert_eq!(std::fs::read(&input).unwrap(), b"organization: x\n");
    }
}
