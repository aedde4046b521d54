//! Which folders are bodies: a folder given is a body when it holds `body.yaml` or any file; a
//! folder holding only folders is the region's, and each of its folders is a body (so that
//! `tochki region регион/` works where the shell does not expand `регион/*`).

use std::path::{Path, PathBuf};

/// The bodies' folders, in the order given, a region's folders in name order; each once.
pub fn bodies(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
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
        if files || path.join("body.yaml").exists() || folders.is_empty() {
            found.push(path.clone());
        } else {
            found.extend(folders);
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    Ok(found)
}

/// Whether `dir` holds a file (hidden ones aside), and its folders in name order.
fn entries(dir: &Path) -> anyhow::Result<(bool, Vec<PathBuf>)> {
    let unreadable = |e: std::io::Error| {
        anyhow::anyhow!(
            "не удалось прочитать папку {}: {}",
            dir.display(),
            crate::text::io_reason(&e)
        )
    };
    let mut files = false;
    let mut folders = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if is_hidden(&path) {
            continue;
        }
        if path.is_dir() {
            folders.push(path);
        } else {
            files = true;
        }
    }
    folders.sort();
    Ok((files, folders))
}

/// A file or folder whose name starts with a dot (`.git`, `.DS_Store`) or a lock file of an
/// office program (`~$отчёт.xlsx`, `.~lock.…#`).
pub fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|n| n.starts_with('.') || n.starts_with("~$"))
}

/// Every file below a body's folder (hidden ones aside), in path order, at most `limit` deep.
pub fn files_of(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    const DEPTH: usize = 4;
    let mut files = Vec::new();
    let mut pending = vec![(dir.to_path_buf(), 0)];
    while let Some((folder, depth)) = pending.pop() {
        let unreadable = |e: std::io::Error| {
            anyhow::anyhow!(
                "не удалось прочитать папку {}: {}",
                folder.display(),
                crate::text::io_reason(&e)
            )
        };
        for entry in std::fs::read_dir(&folder).map_err(unreadable)? {
            let path = entry.map_err(unreadable)?.path();
            if is_hidden(&path) {
                continue;
            }
            if path.is_dir() {
                if depth < DEPTH {
                    pending.push((path, depth + 1));
                }
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
