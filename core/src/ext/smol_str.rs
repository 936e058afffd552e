//! `smol_str::SmolStr`, as smol_str's serde impl writes it: its text, in
//! every format. Read from a string with no copy for short text, which it
//! keeps inline; in the flat format a string, viewed as `&str`.

super::text::string_type!(::smol_str::SmolStr, ::smol_str::SmolStr::new);
