//! `twitter.json`: one page of a Twitter search API response (100 statuses,
//! mostly Japanese text, many of them retweets).
//!
//! Fields are declared in the order the file writes them, so re-encoding a decoded
//! value gives the keys back in the same order (except `media.sizes`, whose key
//! order varies from one object to the next in the file).

use serde::{Deserialize, Serialize};

/// The whole document: the statuses found and how the search was run.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Twitter {
    /// The tweets, newest first.
    pub statuses: Vec<Status>,
    /// Paging and timing of the search.
    pub search_metadata: SearchMetadata,
}

/// One tweet. A retweet carries the original tweet in `retweeted_status`.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Status {
    pub metadata: StatusMetadata,
    pub created_at: String,
    pub id: u64,
    pub id_str: String,
    pub text: String,
    pub source: String,
    pub truncated: bool,
    pub in_reply_to_status_id: Option<u64>,
    pub in_reply_to_status_id_str: Option<String>,
    pub in_reply_to_user_id: Option<u64>,
    pub in_reply_to_user_id_str: Option<String>,
    pub in_reply_to_screen_name: Option<String>,
    pub user: User,
    /// Always `null` in this corpus.
    pub geo: Option<Point>,
    /// Always `null` in this corpus.
    pub coordinates: Option<Point>,
    /// Always `null` in this corpus.
    pub place: Option<Place>,
    /// Always `null` in this corpus.
    pub contributors: Option<Vec<u64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retweeted_status: Option<Box<Status>>,
    pub retweet_count: u32,
    pub favorite_count: u32,
    pub entities: StatusEntities,
    pub favorited: bool,
    pub retweeted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub possibly_sensitive: Option<bool>,
    pub lang: String,
}

/// Why the search returned this status.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct StatusMetadata {
    pub result_type: ResultType,
    pub iso_language_code: String,
}

/// The ranking a status was picked by.
#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone, Copy,
)]
#[serde(rename_all = "lowercase")]
pub enum ResultType {
    Recent,
    Popular,
    Mixed,
}

/// The author of a status.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct User {
    pub id: u64,
    pub id_str: String,
    pub name: String,
    pub screen_name: String,
    pub location: String,
    pub description: String,
    pub url: Option<String>,
    pub entities: UserEntities,
    pub protected: bool,
    pub followers_count: u32,
    pub friends_count: u32,
    pub listed_count: u32,
    pub created_at: String,
    pub favourites_count: u32,
    /// Seconds east of UTC.
    pub utc_offset: Option<i32>,
    pub time_zone: Option<String>,
    pub geo_enabled: bool,
    pub verified: bool,
    pub statuses_count: u32,
    pub lang: String,
    pub contributors_enabled: bool,
    pub is_translator: bool,
    pub is_translation_enabled: bool,
    pub profile_background_color: String,
    pub profile_background_image_url: String,
    pub profile_background_image_url_https: String,
    pub profile_background_tile: bool,
    pub profile_image_url: String,
    pub profile_image_url_https: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_banner_url: Option<String>,
    pub profile_link_color: String,
    pub profile_sidebar_border_color: String,
    pub profile_sidebar_fill_color: String,
    pub profile_text_color: String,
    pub profile_use_background_image: bool,
    pub default_profile: bool,
    pub default_profile_image: bool,
    pub following: bool,
    pub follow_request_sent: bool,
    pub notifications: bool,
}

/// Links found in a user's profile.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct UserEntities {
    /// Present only when the profile has a website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<UrlList>,
    pub description: UrlList,
}

/// A list of links.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct UrlList {
    pub urls: Vec<Url>,
}

/// What the text of a status mentions.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct StatusEntities {
    pub hashtags: Vec<Hashtag>,
    /// Cashtags (`$TWTR`); always empty in this corpus, same shape as a hashtag.
    pub symbols: Vec<Hashtag>,
    pub urls: Vec<Url>,
    pub user_mentions: Vec<UserMention>,
    /// Present only when the status has pictures attached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Vec<Media>>,
}

/// A `#hashtag` and where it sits in the text, in UTF-16 code units.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Hashtag {
    pub text: String,
    pub indices: [u32; 2],
}

/// A shortened link, its target, and where it sits in the text.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Url {
    pub url: String,
    pub expanded_url: String,
    pub display_url: String,
    pub indices: [u32; 2],
}

/// An `@mention` of another user.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct UserMention {
    pub screen_name: String,
    pub name: String,
    pub id: u64,
    pub id_str: String,
    pub indices: [u32; 2],
}

/// A picture attached to a status.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Media {
    pub id: u64,
    pub id_str: String,
    pub indices: [u32; 2],
    pub media_url: String,
    pub media_url_https: String,
    pub url: String,
    pub display_url: String,
    pub expanded_url: String,
    #[serde(rename = "type")]
    pub kind: MediaKind,
    pub sizes: Sizes,
    /// Set when the picture was first posted in another status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_status_id: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_status_id_str: Option<String>,
}

/// The kind of an attached medium.
#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone, Copy,
)]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    Photo,
    Video,
    AnimatedGif,
}

/// The renditions of a picture.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Sizes {
    pub medium: Size,
    pub small: Size,
    pub thumb: Size,
    pub large: Size,
}

/// One rendition of a picture.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Size {
    pub w: u32,
    pub h: u32,
    pub resize: Resize,
}

/// How a rendition was made from the original.
#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone, Copy,
)]
#[serde(rename_all = "lowercase")]
pub enum Resize {
    Crop,
    Fit,
}

/// A GeoJSON point (`geo` and `coordinates`).
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Point {
    #[serde(rename = "type")]
    pub kind: String,
    pub coordinates: [f64; 2],
}

/// A named place a status was sent from.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Place {
    pub id: String,
    pub url: String,
    pub place_type: String,
    pub name: String,
    pub full_name: String,
    pub country_code: String,
    pub country: String,
}

/// Paging and timing of the search.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct SearchMetadata {
    /// Seconds the search took.
    pub completed_in: f64,
    pub max_id: u64,
    pub max_id_str: String,
    pub next_results: String,
    pub query: String,
    pub refresh_url: String,
    pub count: u32,
    pub since_id: u64,
    pub since_id_str: String,
}
