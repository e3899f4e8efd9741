//! The coverage matrix as a stand-alone HTML page (`harmonia matrix --format html`): the
//! same heat map as the report's (`partials/heatmap.svg.j2`), in `matrix.html.j2`.

use chrono::NaiveDate;
use serde::Serialize;

use super::draft::FrameworkRef;
use super::svg::{self, HeatMap};
use crate::corpus::Framework;
use crate::gap::CountryCoverage;

/// The context of `matrix.html.j2`.
#[derive(Clone, Debug, Serialize)]
pub struct MatrixPage {
    /// Page title.
    pub title: String,
    /// Framework.
    pub framework: FrameworkRef,
    /// Date.
    pub as_of: NaiveDate,
    /// The area shown, when the matrix is limited to one.
    pub area: Option<String>,
    /// The heat map.
    pub heatmap: HeatMap,
    /// harmonia version.
    pub version: &'static str,
}

/// The page for `rows` (one coverage per country, provisions in framework order, possibly
/// limited to one `area`).
pub fn page(
    framework: &Framework,
    rows: &[CountryCoverage],
    as_of: NaiveDate,
    area: Option<&str>,
) -> MatrixPage {
    let label = |pid: &str, e: &str| {
        framework
            .provision_str(pid)
            .and_then(|p| p.element(e))
            .map_or_else(|| e.to_string(), |el| el.label.clone())
    };
    MatrixPage {
        title: format!("Coverage matrix: {}", framework.title),
        framework: FrameworkRef::of(framework),
        as_of,
        area: area.map(str::to_string),
        heatmap: svg::heat_map(rows, None, label),
        version: env!("CARGO_PKG_VERSION"),
    }
}
