//! Finding fingerprints: stable ids a reviewer can accept.
//!
//! Takes a rule id, an event, an attribute and the sides of a finding; gives `fl-` and 12 hex
//! digits of a 64-bit FNV-1a hash of those, in a canonical order. Never lines, file order, docs
//! or wording: the id survives edits above a quote, reordered inputs and unrelated new
//! documents, and changes only when what is in conflict changes. FNV-1a is written out here
//! because its output is fixed by its definition (std's hasher may change between releases).

use super::finding::{attribute_name, Side};
use crate::claims::Attribute;

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(OFFSET, |h, b| (h ^ u64::from(*b)).wrapping_mul(PRIME))
}

/// The fingerprint of a finding.
pub fn of(rule: &str, event: &str, attribute: Attribute, sides: &[Side]) -> String {
    let mut parts: Vec<String> = sides
        .iter()
        .map(|s| format!("{}\u{1f}{}", s.value, s.sources.join("\u{1e}")))
        .collect();
    parts.sort();
    let canonical = format!(
        "{rule}\u{1d}{event}\u{1d}{}\u{1d}{}",
        attribute_name(attribute),
        parts.join("\u{1d}")
    );
    format!("fl-{:012x}", fnv1a(canonical.as_bytes()) >> 16)
}

/// True when `id` looks like a fingerprint (`fl-` and 12 lowercase hex digits).
pub fn is_valid(id: &str) -> bool {
    id.strip_prefix("fl-").is_some_and(|h| {
        h.len() == 12
            && h.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(value: &str, sources: &[&str]) -> Side {
        Side {
            label: String::new(),
            value: value.into(),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            attributions: Vec::new(),
            claims: Vec::new(),
        }
    }

    #[test]
    fn fnv1a_matches_its_published_test_vector() {
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
    }

    #[test]
    fn id_is_stable_and_well_formed() {
        let sides = [side("6", &["A"]), side("7", &["B"])];
        let id = of("r", "e", Attribute::Killed, &sides);
        assert!(is_valid(&id), "{id}");
        assert_eq!(id, of("r", "e", Attribute::Killed, &sides));
    }

    #[test]
    fn id_does_not_depend_on_side_order_but_on_values_and_sources() {
        let ab = of(
            "r",
            "e",
            Attribute::Killed,
            &[side("6", &["A"]), side("7", &["B"])],
        );
        let ba = of(
            "r",
            "e",
            Attribute::Killed,
            &[side("7", &["B"]), side("6", &["A"])],
        );
        assert_eq!(ab, ba);
        let other = of(
            "r",
            "e",
            Attribute::Killed,
            &[side("6", &["A"]), side("8", &["B"])],
        );
        assert_ne!(ab, other);
        let other_source = of(
            "r",
            "e",
            Attribute::Killed,
            &[side("6", &["A"]), side("7", &["C"])],
        );
        assert_ne!(ab, other_source);
        assert_ne!(
            ab,
            of(
                "r",
                "e",
                Attribute::Injured,
                &[side("6", &["A"]), side("7", &["B"])]
            )
        );
    }
}
