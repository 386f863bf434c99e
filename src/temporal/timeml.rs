//! TimeML in and out.
//!
//! Takes a TimeML document; gives its `<TEXT>` content (tags removed, entities decoded), its
//! document creation time, and the gold TIMEX3 annotations; writes a document back with
//! factline's TIMEX3 tags inserted, the text preserved byte for byte.
