//! Chart geometry for the HTML report: the coverage heat map, the penalty range charts and
//! the history line charts. This module computes positions (in SVG user units, rounded to
//! one decimal); the templates (`partials/*.svg.j2`) draw them, so a template override can
//! restyle a chart without redoing its arithmetic.

use chrono::NaiveDate;
use serde::Serialize;

use crate::corpus::Term;
use crate::gap::{CountryCoverage, Status};

/// A label cut to fit a 170-unit label column (about 26 characters), with an ellipsis.
pub fn fit_label(name: &str) -> String {
    const MAX: usize = 26;
    if name.chars().count() <= MAX {
        name.to_string()
    } else {
        let cut: String = name.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The fill colour of a status (also used by the CSS legend).
pub fn status_color(s: Status) -> &'static str {
    match s {
        Status::Full => "#2e7d32",
        Status::Reserved => "#1565c0",
        Status::Partial => "#f2b01e",
        Status::Missing => "#c62828",
        // Neutral: no verdict, neither good nor bad.
        Status::Unknown => "#bdbdbd",
    }
}

/// The letter drawn in a heat-map cell (so the map reads in grey too).
pub fn status_letter(s: Status) -> &'static str {
    match s {
        Status::Full => "F",
        Status::Reserved => "R",
        Status::Partial => "P",
        Status::Missing => "M",
        Status::Unknown => "?",
    }
}

/// A heat map: one row per country, one column per provision.
#[derive(Clone, Debug, Serialize)]
pub struct HeatMap {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Cell side.
    pub cell: f64,
    /// Right edge of the country labels.
    pub label_x: f64,
    /// Baseline of the article labels.
    pub article_y: f64,
    /// Baseline of the area labels.
    pub area_y: f64,
    /// Area bands above the columns.
    pub areas: Vec<HeatArea>,
    /// Columns.
    pub columns: Vec<HeatColumn>,
    /// Rows.
    pub rows: Vec<HeatRow>,
    /// Legend entries, under the map.
    pub legend: Vec<LegendEntry>,
    /// Baseline of the legend.
    pub legend_y: f64,
    /// Left edge of the score column, after the cells.
    pub score_x: f64,
}

/// An area over its columns.
#[derive(Clone, Debug, Serialize)]
pub struct HeatArea {
    /// Area name.
    pub name: String,
    /// Label shown (abbreviated when the band is narrow).
    pub label: String,
    /// Left edge.
    pub x: f64,
    /// Width.
    pub width: f64,
}

/// A provision column.
#[derive(Clone, Debug, Serialize)]
pub struct HeatColumn {
    /// Provision id.
    pub id: String,
    /// Article.
    pub article: String,
    /// Title.
    pub title: String,
    /// Left edge.
    pub x: f64,
    /// Centre.
    pub cx: f64,
}

/// A country row.
#[derive(Clone, Debug, Serialize)]
pub struct HeatRow {
    /// Country code.
    pub code: String,
    /// Country name.
    pub name: String,
    /// The name as drawn (cut to fit).
    pub label: String,
    /// Top edge.
    pub y: f64,
    /// Baseline of its label.
    pub text_y: f64,
    /// The report's subject (drawn bold).
    pub subject: bool,
    /// Overall score over the provisions with a verdict (`None`: none has one).
    pub overall: Option<f64>,
    /// Share of provisions with a verdict, shown beside the score.
    pub examined: f64,
    /// Cells, in column order.
    pub cells: Vec<HeatCell>,
}

/// One cell.
#[derive(Clone, Debug, Serialize)]
pub struct HeatCell {
    /// Left edge.
    pub x: f64,
    /// Centre.
    pub cx: f64,
    /// Status.
    pub status: Status,
    /// Fill colour.
    pub color: &'static str,
    /// Letter drawn.
    pub letter: &'static str,
    /// Tooltip (`<title>`).
    pub tooltip: String,
}

/// A legend entry.
#[derive(Clone, Debug, Serialize)]
pub struct LegendEntry {
    /// Status.
    pub status: Status,
    /// Colour.
    pub color: &'static str,
    /// Letter.
    pub letter: &'static str,
    /// Left edge of the swatch.
    pub x: f64,
}

/// Lays out a heat map of `rows` (coverages of one framework, provisions in framework
/// order); `subject` is drawn bold; `label` gives the label of an element for tooltips
/// (from a provision id and an element id).
pub fn heat_map(
    rows: &[CountryCoverage],
    subject: Option<&str>,
    label: impl Fn(&str, &str) -> String,
) -> HeatMap {
    const CELL: f64 = 18.0;
    const GAP: f64 = 2.0;
    const LABEL_W: f64 = 170.0;
    let pitch = CELL + GAP;
    let area_y = 14.0;
    let article_y = 34.0;
    let top = 42.0;
    let Some(first) = rows.first() else {
        return HeatMap {
            width: LABEL_W,
            height: top,
            cell: CELL,
            label_x: LABEL_W - 8.0,
            article_y,
            area_y,
            areas: vec![],
            columns: vec![],
            rows: vec![],
            legend: vec![],
            legend_y: top,
            score_x: LABEL_W,
        };
    };
    let columns: Vec<HeatColumn> = first
        .provisions
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let x = LABEL_W + i as f64 * pitch;
            HeatColumn {
                id: c.provision.to_string(),
                article: c.article.clone(),
                title: c.title.clone(),
                x,
                cx: r1(x + CELL / 2.0),
            }
        })
        .collect();
    // One band per run of columns of the same area (provisions are in article order, in
    // which a framework's areas follow one another).
    let mut bands = Vec::new();
    let mut i = 0;
    while i < first.provisions.len() {
        let area = &first.provisions[i].area;
        let mut j = i;
        while j + 1 < first.provisions.len() && &first.provisions[j + 1].area == area {
            j += 1;
        }
        let x = LABEL_W + i as f64 * pitch;
        let width = (j - i) as f64 * pitch + CELL;
        // About 6.2 units a character at the label's size.
        let fits = (width / 6.2).floor() as usize;
        let label = if area.chars().count() <= fits {
            area.clone()
        } else {
            let n = fits.saturating_sub(1).max(2);
            format!("{}.", area.chars().take(n).collect::<String>())
        };
        bands.push(HeatArea {
            name: area.clone(),
            label,
            x,
            width,
        });
        i = j + 1;
    }
    let heat_rows: Vec<HeatRow> = rows
        .iter()
        .enumerate()
        .map(|(j, cov)| {
            let y = top + j as f64 * pitch;
            HeatRow {
                code: cov.country.to_string(),
                name: cov.name.clone(),
                label: fit_label(&cov.name),
                y,
                text_y: r1(y + CELL / 2.0 + 4.0),
                subject: subject == Some(cov.country.as_str()),
                overall: cov.scores.overall,
                examined: cov.scores.examined,
                cells: cov
                    .provisions
                    .iter()
                    .zip(&columns)
                    .map(|(c, col)| {
                        let mut tooltip = format!(
                            "{}: {} (art. {}) {}: {}",
                            cov.name, c.provision, c.article, c.title, c.status
                        );
                        if !c.missing.is_empty() {
                            let labels: Vec<String> = c
                                .missing
                                .iter()
                                .map(|e| label(c.provision.as_str(), e))
                                .collect();
                            tooltip.push_str(&format!("; missing: {}", labels.join("; ")));
                        }
                        if !c.reserved.is_empty() {
                            let labels: Vec<String> = c
                                .reserved
                                .iter()
                                .map(|e| label(c.provision.as_str(), e))
                                .collect();
                            tooltip.push_str(&format!("; reserved: {}", labels.join("; ")));
                        }
                        HeatCell {
                            x: col.x,
                            cx: col.cx,
                            status: c.status,
                            color: status_color(c.status),
                            letter: status_letter(c.status),
                            tooltip,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let grid_bottom = top + rows.len() as f64 * pitch;
    let legend: Vec<LegendEntry> = Status::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| LegendEntry {
            status: *s,
            color: status_color(*s),
            letter: status_letter(*s),
            x: LABEL_W + i as f64 * 95.0,
        })
        .collect();
    let width = (LABEL_W + columns.len() as f64 * pitch + 40.0).max(LABEL_W + 5.0 * 95.0);
    let score_x = r1(LABEL_W + columns.len() as f64 * pitch + 4.0);
    HeatMap {
        width: r1(width),
        height: r1(grid_bottom + 34.0),
        cell: CELL,
        label_x: LABEL_W - 8.0,
        article_y,
        area_y,
        areas: bands,
        columns,
        rows: heat_rows,
        legend,
        legend_y: r1(grid_bottom + 22.0),
        score_x,
    }
}

/// A penalty range chart: one bar per country from its minimum to its maximum prison term.
#[derive(Clone, Debug, Serialize)]
pub struct RangeChart {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Left edge of the plot.
    pub x0: f64,
    /// Right edge of the plot.
    pub x1: f64,
    /// Top of the plot.
    pub y0: f64,
    /// Bottom of the plot.
    pub y1: f64,
    /// Axis ticks.
    pub ticks: Vec<Tick>,
    /// The 12-month line.
    pub threshold_x: f64,
    /// The threshold in words (`12-month threshold`).
    pub threshold_label: String,
    /// The median maximum, if any.
    pub median_x: Option<f64>,
    /// Its label.
    pub median_label: Option<String>,
    /// Rows.
    pub rows: Vec<RangeRow>,
}

/// An axis tick.
#[derive(Clone, Debug, Serialize)]
pub struct Tick {
    /// Position along the axis.
    pub pos: f64,
    /// Label.
    pub label: String,
}

/// One country's bar.
#[derive(Clone, Debug, Serialize)]
pub struct RangeRow {
    /// Country name.
    pub name: String,
    /// The name as drawn (cut to fit).
    pub label: String,
    /// Top of the row band.
    pub y: f64,
    /// Baseline of the label.
    pub text_y: f64,
    /// The report's subject.
    pub subject: bool,
    /// Bar start.
    pub bar_x: Option<f64>,
    /// Bar width.
    pub bar_width: Option<f64>,
    /// Maximum below the threshold (drawn as flagged).
    pub below: bool,
    /// Text after the bar (`6 months to 3 years`, `no prison term`, `not implemented`).
    pub note: String,
    /// Where that text starts.
    pub note_x: f64,
    /// Tooltip.
    pub tooltip: String,
}

/// One bar's data: name, subject, status, min and max months.
#[derive(Clone, Debug)]
pub struct RangeInput {
    /// Country name.
    pub name: String,
    /// The report's subject.
    pub subject: bool,
    /// Coverage status.
    pub status: Status,
    /// Minimum, months.
    pub min: Option<f64>,
    /// Maximum, months.
    pub max: Option<f64>,
    /// The maximum is life imprisonment (drawn to the plot's edge).
    pub life: bool,
    /// The implementing sections record no penalty at all (not the same as no prison term).
    pub not_recorded: bool,
}

/// The stated minima of the rows drawn to life (the plot must reach past them).
fn r_min_max(rows: &[RangeInput]) -> Option<f64> {
    rows.iter()
        .filter(|r| r.life)
        .filter_map(|r| r.min)
        .reduce(f64::max)
}

/// A duration in short English (`15 d`, `6 mo`, `2 y`, `18 mo`).
pub fn short_months(m: f64) -> String {
    if m >= 12.0 && (m / 12.0).fract().abs() < 1e-9 {
        format!("{} y", (m / 12.0) as i64)
    } else if m >= 24.0 && (m / 6.0).fract().abs() < 1e-9 {
        format!("{} y", m / 12.0)
    } else if m >= 1.0 || m == 0.0 {
        let v = r1(m);
        if v.fract() == 0.0 {
            format!("{} mo", v as i64)
        } else {
            format!("{v} mo")
        }
    } else {
        format!("{} d", (m * 30.0).round() as i64)
    }
}

/// Lays out a range chart: bars from minimum to maximum, life drawn to the plot's edge, the
/// extradition `threshold` (months) as a line.
pub fn range_chart(rows: &[RangeInput], median: Option<Term>, threshold: f64) -> RangeChart {
    const LABEL_W: f64 = 170.0;
    const PLOT_W: f64 = 560.0;
    const ROW_H: f64 = 18.0;
    let y0 = 22.0;
    let highest = rows
        .iter()
        .filter_map(|r| r.max)
        .chain(median.and_then(Term::months))
        .chain(r_min_max(rows))
        .fold(threshold, f64::max);
    // Ticks every 1, 2, 5 or 10 years, at most about 8 of them.
    let years = (highest / 12.0).ceil().max(1.0);
    let step = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
        .into_iter()
        .find(|s| years / s <= 8.0)
        .unwrap_or(100.0);
    let domain = (years / step).ceil() * step * 12.0;
    let x0 = LABEL_W;
    let x1 = LABEL_W + PLOT_W;
    let sx = |m: f64| r1(x0 + m / domain * PLOT_W);
    let mut ticks = Vec::new();
    let mut t = 0.0;
    while t <= domain + 1e-9 {
        ticks.push(Tick {
            pos: sx(t),
            label: if t == 0.0 {
                "0".into()
            } else {
                format!("{} y", (t / 12.0) as i64)
            },
        });
        t += step * 12.0;
    }
    let out_rows: Vec<RangeRow> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = y0 + i as f64 * ROW_H;
            let max = if r.life { Some(domain) } else { r.max };
            let (bar_x, bar_width, note, note_x) = match max {
                Some(_) if r.life => {
                    let bx = sx(r.min.unwrap_or(0.0).min(domain));
                    let w = (sx(domain) - bx).max(2.0);
                    let note = match r.min {
                        Some(m) if m > 0.0 => format!("{} to life", short_months(m)),
                        _ => "up to life".to_string(),
                    };
                    (Some(bx), Some(r1(w)), note, r1(bx + w + 5.0))
                }
                Some(max) => {
                    let min = r.min.unwrap_or(0.0).min(max);
                    let bx = sx(min);
                    let w = (sx(max) - bx).max(2.0);
                    let note = match r.min {
                        Some(m) if m > 0.0 => {
                            format!("{} to {}", short_months(m), short_months(max))
                        }
                        _ => format!("up to {}", short_months(max)),
                    };
                    (Some(bx), Some(r1(w)), note, r1(bx + w + 5.0))
                }
                None if r.status == Status::Missing => {
                    (None, None, "not implemented".to_string(), x0 + 4.0)
                }
                None if r.status == Status::Unknown => {
                    (None, None, "not examined".to_string(), x0 + 4.0)
                }
                None if r.not_recorded => {
                    (None, None, "penalty not recorded".to_string(), x0 + 4.0)
                }
                None => (None, None, "no prison term".to_string(), x0 + 4.0),
            };
            RangeRow {
                name: r.name.clone(),
                label: fit_label(&r.name),
                y,
                text_y: r1(y + ROW_H / 2.0 + 4.0),
                subject: r.subject,
                bar_x,
                bar_width,
                below: !r.life && r.max.is_some_and(|m| m < threshold),
                tooltip: format!("{}: {} ({})", r.name, note, r.status),
                note,
                note_x,
            }
        })
        .collect();
    let y1 = y0 + rows.len() as f64 * ROW_H;
    RangeChart {
        width: x1 + 120.0,
        height: r1(y1 + 24.0),
        x0,
        x1,
        y0,
        y1: r1(y1),
        ticks,
        threshold_x: sx(threshold),
        threshold_label: format!("{}-month threshold", r1(threshold)),
        median_x: median.map(|m| sx(m.months().unwrap_or(domain))),
        median_label: median.map(|m| match m {
            Term::Life => "median life".to_string(),
            Term::Months(m) => format!("median {}", short_months(m)),
        }),
        rows: out_rows,
    }
}

/// A step line chart of scores over time.
#[derive(Clone, Debug, Serialize)]
pub struct LineChart {
    /// Title (a country name), for small multiples.
    pub title: String,
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Plot edges.
    pub x0: f64,
    /// Plot edges.
    pub x1: f64,
    /// Plot edges.
    pub y0: f64,
    /// Plot edges.
    pub y1: f64,
    /// Horizontal axis ticks (years).
    pub xticks: Vec<Tick>,
    /// Vertical axis ticks (percent).
    pub yticks: Vec<Tick>,
    /// The step line, as SVG polyline points.
    pub points: String,
    /// A dot at each change.
    pub dots: Vec<Dot>,
    /// Score on the last date.
    pub last: f64,
}

/// A point of a line chart.
#[derive(Clone, Debug, Serialize)]
pub struct Dot {
    /// Position.
    pub x: f64,
    /// Position.
    pub y: f64,
    /// Tooltip.
    pub tooltip: String,
}

/// Lays out a step chart of `(date, score)` points up to `end`, over `[start, end]`;
/// `small` gives a sparkline-sized chart.
pub fn line_chart(
    title: &str,
    points: &[(NaiveDate, f64)],
    start: NaiveDate,
    end: NaiveDate,
    small: bool,
) -> LineChart {
    let (width, height, x0, y0) = if small {
        (260.0, 90.0, 34.0, 8.0)
    } else {
        (720.0, 220.0, 44.0, 12.0)
    };
    let x1 = width - 12.0;
    let y1 = height - 22.0;
    let days = (end - start).num_days().max(1) as f64;
    let sx = |d: NaiveDate| r1(x0 + (d - start).num_days() as f64 / days * (x1 - x0));
    let sy = |v: f64| r1(y1 - v.clamp(0.0, 1.0) * (y1 - y0));
    let mut line: Vec<(f64, f64)> = Vec::new();
    let mut dots = Vec::new();
    let mut push = |p: (f64, f64)| {
        if line.last() != Some(&p) {
            line.push(p);
        }
    };
    for (i, (d, v)) in points.iter().enumerate() {
        let x = sx(*d);
        let y = sy(*v);
        if i > 0 {
            // Step: the previous score holds until this date.
            push((x, sy(points[i - 1].1)));
        }
        push((x, y));
        dots.push(Dot {
            x,
            y,
            tooltip: format!("{title}, {d}: {}%", (v * 100.0).round() as i64),
        });
    }
    if let Some((_, v)) = points.last() {
        push((sx(end), sy(*v)));
    }
    let line: Vec<String> = line.iter().map(|(x, y)| format!("{x},{y}")).collect();
    use chrono::Datelike as _;
    let (y_start, y_end) = (start.year(), end.year());
    let span = (y_end - y_start).max(1);
    let step = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|s| span / s <= if small { 3 } else { 10 })
        .unwrap_or(100);
    let mut xticks = Vec::new();
    let mut y = y_start + 1;
    while y <= y_end {
        if y % step == 0 {
            if let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
                xticks.push(Tick {
                    pos: sx(d),
                    label: y.to_string(),
                });
            }
        }
        y += 1;
    }
    let yticks = [0.0, 0.5, 1.0]
        .iter()
        .map(|v| Tick {
            pos: sy(*v),
            label: format!("{}%", (v * 100.0) as i64),
        })
        .collect();
    LineChart {
        title: title.to_string(),
        width,
        height,
        x0,
        x1,
        y0,
        y1,
        xticks,
        yticks,
        points: line.join(" "),
        dots,
        last: points.last().map_or(0.0, |p| p.1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_durations() {
        assert_eq!(short_months(24.0), "2 y");
        assert_eq!(short_months(18.0), "18 mo");
        assert_eq!(short_months(66.0), "5.5 y");
        assert_eq!(short_months(0.5), "15 d");
    }

    #[test]
    fn range_chart_scales_to_the_longest_term() {
        let rows = vec![
            RangeInput {
                name: "A".into(),
                subject: true,
                status: Status::Full,
                min: Some(0.5),
                max: Some(6.0),
                life: false,
                not_recorded: false,
            },
            RangeInput {
                name: "B".into(),
                subject: false,
                status: Status::Missing,
                min: None,
                max: None,
                life: false,
                not_recorded: false,
            },
            RangeInput {
                name: "C".into(),
                subject: false,
                status: Status::Full,
                min: Some(24.0),
                max: Some(120.0),
                life: false,
                not_recorded: false,
            },
        ];
        let c = range_chart(&rows, Some(Term::Months(63.0)), 12.0);
        assert!(c.rows[0].below);
        assert_eq!(c.rows[1].note, "not implemented");
        assert_eq!(c.ticks.last().unwrap().label, "10 y");
        assert!(c.threshold_x > c.x0 && c.threshold_x < c.x1);
        assert_eq!(
            c.rows[2].bar_x.unwrap() + c.rows[2].bar_width.unwrap(),
            c.x1
        );
    }

    #[test]
    fn life_reaches_the_edge_and_is_never_below_the_threshold() {
        let rows = vec![
            RangeInput {
                name: "L".into(),
                subject: false,
                status: Status::Full,
                min: None,
                max: None,
                life: true,
                not_recorded: false,
            },
            RangeInput {
                name: "T".into(),
                subject: false,
                status: Status::Full,
                min: None,
                max: Some(24.0),
                life: false,
                not_recorded: false,
            },
        ];
        let c = range_chart(&rows, Some(Term::Life), 12.0);
        assert_eq!(c.rows[0].note, "up to life");
        assert!(!c.rows[0].below);
        assert_eq!(
            c.rows[0].bar_x.unwrap() + c.rows[0].bar_width.unwrap(),
            c.x1
        );
        assert_eq!(c.median_label.as_deref(), Some("median life"));
    }

    #[test]
    fn line_chart_steps() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let c = line_chart(
            "X",
            &[(d("2010-01-01"), 0.2), (d("2015-01-01"), 0.6)],
            d("2010-01-01"),
            d("2020-01-01"),
            false,
        );
        assert_eq!(c.points.split(' ').count(), 4);
        assert_eq!(c.dots.len(), 2);
        assert_eq!(c.last, 0.6);
    }
}
