//! Workspace member; see its tests, benches or examples.
