//! Mapping suggestions (placeholder while being written).
pub mod penalty;
