//! `canada.json`: the outline of Canada as a GeoJSON feature collection holding
//! one polygon of 480 rings and about 56,000 points. Almost all of the file is
//! floating-point numbers, so it measures number parsing and formatting.

use serde::{Deserialize, Serialize};

/// A GeoJSON `FeatureCollection`.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct FeatureCollection {
    #[serde(rename = "type")]
    pub kind: FeatureCollectionType,
    pub features: Vec<Feature>,
}

/// The `type` tag of a [`FeatureCollection`].
#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone, Copy,
)]
pub enum FeatureCollectionType {
    FeatureCollection,
}

/// A GeoJSON `Feature`: a shape and what it is.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Feature {
    #[serde(rename = "type")]
    pub kind: FeatureType,
    pub properties: Properties,
    pub geometry: Geometry,
}

/// The `type` tag of a [`Feature`].
#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone, Copy,
)]
pub enum FeatureType {
    Feature,
}

/// What a feature is.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Properties {
    pub name: String,
}

/// A GeoJSON `Polygon`: an outer ring followed by its holes (here, islands
/// and lakes), each a closed list of positions.
#[derive(Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone)]
pub struct Geometry {
    #[serde(rename = "type")]
    pub kind: GeometryType,
    pub coordinates: Vec<Vec<Position>>,
}

/// The `type` tag of a [`Geometry`]; only polygons occur in this corpus.
#[derive(
    Serialize, Deserialize, zerospec::Encode, zerospec::Decode, Debug, PartialEq, Clone, Copy,
)]
pub enum GeometryType {
    Polygon,
}

/// Longitude then latitude, in degrees.
pub type Position = [f64; 2];
