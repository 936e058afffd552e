//! Typed models of the JSON corpus (`twitter.json`, `citm_catalog.json`,
//! `canada.json`), as a serde user would write them. Every type derives both
//! serde's and zerospec's traits, so the two libraries run on the same types.

pub mod canada;
pub mod citm;
pub mod twitter;
