//! `citm_catalog.json`: the catalogue of a concert hall's ticket office (events,
//! performances, seat categories and prices), with lookup tables from ids to
//! French display names.
//!
//! The lookup tables are JSON objects keyed by numeric ids written as strings
//! (`"205705993": "Arrière-scène central"`). They are modelled as
//! `BTreeMap<Id, _>`: the keys are checked to be integers, and the map iterates
//! in key order, which is the order the file lists them in, so encoding is
//! deterministic and reproduces the file's key order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The numeric ids the catalogue uses for everything.
pub type Id = u64;

/// The whole document.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct CitmCatalog {
    pub area_names: BTreeMap<Id, String>,
    pub audience_sub_category_names: BTreeMap<Id, String>,
    /// Empty in this corpus.
    pub block_names: BTreeMap<Id, String>,
    pub events: BTreeMap<Id, Event>,
    pub performances: Vec<Performance>,
    pub seat_category_names: BTreeMap<Id, String>,
    pub sub_topic_names: BTreeMap<Id, String>,
    /// Empty in this corpus.
    pub subject_names: BTreeMap<Id, String>,
    pub topic_names: BTreeMap<Id, String>,
    /// For each topic, the ids of its sub-topics.
    pub topic_sub_topics: BTreeMap<Id, Vec<Id>>,
    /// Keyed by venue code (`"PLEYEL_PLEYEL"`), not by id.
    pub venue_names: BTreeMap<String, String>,
}

/// A show, which may run for several performances.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// Always `null` in this corpus.
    pub description: Option<String>,
    pub id: Id,
    /// Path of the poster image, when there is one.
    pub logo: Option<String>,
    pub name: String,
    pub sub_topic_ids: Vec<Id>,
    /// Always `null` in this corpus.
    pub subject_code: Option<String>,
    /// Always `null` in this corpus.
    pub subtitle: Option<String>,
    pub topic_ids: Vec<Id>,
}

/// One date of an event, with its prices and the seats on sale.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Performance {
    pub event_id: Id,
    pub id: Id,
    pub logo: Option<String>,
    /// Always `null` in this corpus: performances take their event's name.
    pub name: Option<String>,
    pub prices: Vec<Price>,
    pub seat_categories: Vec<SeatCategory>,
    /// Always `null` in this corpus.
    pub seat_map_image: Option<String>,
    /// Start time in milliseconds since the Unix epoch.
    pub start: u64,
    pub venue_code: String,
}

/// The price of one seat category for one audience.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Price {
    /// In cents.
    pub amount: u32,
    pub audience_sub_category_id: Id,
    pub seat_category_id: Id,
}

/// The areas of the hall where a seat category is sold.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct SeatCategory {
    pub areas: Vec<Area>,
    pub seat_category_id: Id,
}

/// An area of the hall and its blocks of seats.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Area {
    pub area_id: Id,
    /// Always empty in this corpus.
    pub block_ids: Vec<Id>,
}
