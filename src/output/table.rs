//! table output.

use std::io::{self, Write};

use crate::Report;

/// Renders the report.
pub fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let _ = (report, w);
    Ok(())
}
