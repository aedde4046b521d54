//! Which folders are bodies: a folder given is a body when it holds `body.yaml` or any file; a
//! folder holding only folders is the region's, and each of its folders is a body (so that
//! `tochki region регион/` works where the shell does not expand `регион/*`).

use std::path::{Path, PathBuf};

/// The bodies' folders, in the order given, a region's folders in name order, each once; and
/// the files lying in a region's folder beside its bodies.
pub fn bodies(paths: &[PathBuf]) -> anyhow::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut found = Vec::new();
    let mut loose = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).map_err(|e| {
            anyhow::anyhow!(
                "{}: {} (укажите папку органа или папку региона с папками органов)",
                path.display(),
                crate::text::io_reason(&e)
            )
        })?;
        if !metadata.is_dir() {
            anyhow::bail!(
                "{} — файл, а не папка: свод читает папки органов (в каждой — перечни, итоги опроса и сводка журнала в JSON); положите файл в папку органа",
                path.display()
            );
        }
        let (files, folders) = entries(path)?;
        // A body's folder names itself (body.yaml) or holds its files with at most one folder
        // (an archive); a folder of several folders is the region's, and a file beside them (a
        // covering letter, Thumbs.db) is listed, never read as a body.
        let region = !path.join("body.yaml").exists()
            && (folders.len() > 1 || (folders.len() == 1 && files.is_empty()));
        if region {
            found.extend(folders);
            loose.extend(files);
        } else {
            found.push(path.clone());
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    Ok((found, loose))
}

/// The files `dir` holds (hidden ones aside) and its folders, in name order.
fn entries(dir: &Path) -> anyhow::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let unreadable = |e: std::io::Error| {
        anyhow::anyhow!(
            "не удалось прочитать папку {}: {}",
            dir.display(),
            crate::text::io_reason(&e)
        )
    };
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if is_hidden(&path) {
            continue;
        }
        if path.is_dir() {
            folders.push(path);
        } else {
            files.push(path);
        }
    }
    folders.sort();
    files.sort();
    Ok((files, folders))
}

/// A file or folder whose name starts with a dot (`.git`, `.DS_Store`) or a lock file of an
/// office program (`~$отчёт.xlsx`, `.~lock.…#`).
pub fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|n| n.starts_with('.') || n.starts_with("~$"))
}

/// The files of a body's folder (hidden ones aside), in name order, and its subfolders: what
/// lies in a subfolder (an archive of last year) is not this year's and is not read.
pub fn files_of(dir: &Path) -> anyhow::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    entries(dir)
}
