//! The report as GitHub-flavoured Markdown, for a pull-request comment.
//!
//! Takes a [`Report`]; gives a summary line (open and accepted findings by severity), one
//! section per event (info and accepted findings folded in a `<details>`), and under each finding a table of the values each source gives, with the
//! quote, the attribution and a link to the source. Everything taken from input is escaped:
//! HTML becomes entities (a quote holding `<script>` shows as text), and Markdown's own
//! characters (pipes, backticks, brackets, emphasis) are backslash-escaped, so a quote can
//! neither break the table nor inject a link or an image.

use std::io::{self, Write};

use super::timeline::one_line;
use super::{
    attribute_name, claims_by_source, findings_by_event, safe_url, severity_name, totals,
    value_with_text, Summary,
};
use crate::engine::{Finding, Severity, Status};
use crate::Report;

/// Renders the report.
pub fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let summary = Summary::of(&report.findings);
    writeln!(w, "## factline report")?;
    writeln!(w)?;
    writeln!(w, "**{summary}** ({}).", totals(report))?;
    for (event, findings) in findings_by_event(&report.findings) {
        writeln!(w)?;
        writeln!(w, "### {}", escape(event))?;
        // What a reviewer must act on stays in view; info and accepted findings fold away.
        let (pressing, folded): (Vec<&Finding>, Vec<&Finding>) = findings
            .into_iter()
            .partition(|f| f.status == Status::Open && f.severity > Severity::Info);
        for f in pressing {
            writeln!(w)?;
            finding(f, w)?;
        }
        if !folded.is_empty() {
            writeln!(w)?;
            writeln!(
                w,
                "<details><summary>{} more: info or accepted</summary>",
                folded.len()
            )?;
            for f in folded {
                writeln!(w)?;
                finding(f, w)?;
            }
            writeln!(w)?;
            writeln!(w, "</details>")?;
        }
    }
    if !report.diagnostics.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "<details><summary>{} diagnostic{}</summary>",
            report.diagnostics.len(),
            if report.diagnostics.len() == 1 {
                ""
            } else {
                "s"
            }
        )?;
        writeln!(w)?;
        for d in &report.diagnostics {
            writeln!(w, "- {}", escape(&d.to_string()))?;
        }
        writeln!(w)?;
        writeln!(w, "</details>")?;
    }
    Ok(())
}

fn finding(f: &Finding, w: &mut dyn Write) -> io::Result<()> {
    let status = match &f.status {
        Status::Open => String::new(),
        Status::Accepted { reason, .. } => format!(" · accepted: {}", escape(reason)),
    };
    writeln!(
        w,
        "#### {} · {} · {}{status}",
        severity_name(f.severity).to_uppercase(),
        attribute_name(f.attribute),
        escape(&f.rule)
    )?;
    writeln!(w)?;
    writeln!(w, "{}", escape(&f.message))?;
    if !f.why.trim().is_empty() {
        writeln!(w)?;
        writeln!(w, "_{}_", escape(&f.why))?;
    }
    writeln!(w)?;
    writeln!(w, "| Source | Value | Quote | Where |")?;
    writeln!(w, "| --- | --- | --- | --- |")?;
    for (source, claims) in claims_by_source(&f.claims) {
        for c in claims {
            let name = match safe_url(c.url.as_deref()) {
                Some(url) => format!("[{}]({})", escape(source), link_target(url)),
                None => escape(source),
            };
            let published = c.published.map(|d| format!(" · {d}")).unwrap_or_default();
            let attribution = super::attribution_text(c)
                .map(|a| format!(" — according to {}", escape(&a)))
                .unwrap_or_default();
            writeln!(
                w,
                "| {name}{published} | {} | \u{201c}{}\u{201d}{attribution} | {}:{} |",
                escape(&value_with_text(c)),
                escape(&c.quote),
                escape(&c.doc),
                c.line
            )?;
        }
    }
    writeln!(w)?;
    writeln!(w, "<sub>fingerprint {}</sub>", escape(&f.id))
}

/// Escapes text for a GitHub-flavoured Markdown table cell or line: one line, HTML as
/// entities, Markdown punctuation backslash-escaped.
pub fn escape(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A link target with the characters that would end or break it percent-encoded.
fn link_target(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '|' => out.push_str("%7C"),
            '`' => out.push_str("%60"),
            '"' => out.push_str("%22"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralizes_html_pipes_backticks_and_newlines() {
        assert_eq!(
            escape("<script>alert(1)</script> a|b `x`\n[l](j)"),
            "&lt;script&gt;alert(1)&lt;/script&gt; a\\|b \\`x\\` \\[l\\](j)"
        );
    }

    #[test]
    fn link_targets_cannot_close_early() {
        assert_eq!(
            link_target("https://a.example/x_(y)"),
            "https://a.example/x_%28y%29"
        );
    }
}
