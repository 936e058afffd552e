//! JSON (RFC 8259): the API, named as serde_json names it.
