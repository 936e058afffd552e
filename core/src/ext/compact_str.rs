//! `compact_str::CompactString`, as compact_str's serde impl writes it: its
//! text, in every format. Read from a string with no copy for short text,
//! which it keeps inline; in the flat format a string, viewed as `&str`.

super::text::string_type!(
    ::compact_str::CompactString,
    ::compact_str::CompactString::new
);
