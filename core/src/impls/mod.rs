//! `Encode` and `Decode` for standard library types.
