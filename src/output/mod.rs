//! Outputs: the report rendered for people and machines.
//!
//! Takes a [`Report`] (and, for timelines, its claims); gives bytes on any `impl Write`. Knows
//! nothing of the command line. One module a format.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;

use std::io::{self, Write};
use std::path::Path;

/// Writes `path` whole or not at all: the bytes go to a temporary file in the same folder,
/// which is renamed over `path` only when `write` succeeded. `-` writes to stdout.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if path == Path::new("-") {
        let stdout = io::stdout();
        let mut lock = stdout.lock();
        write(&mut lock)?;
        return lock.flush();
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut buf = io::BufWriter::new(tmp.as_file_mut());
        write(&mut buf)?;
        buf.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
