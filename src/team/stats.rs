//! The distribution of one figure across members: median and quartiles (the method of Excel's
//! QUARTILE.INC and R's default, so that a rep can check them in a spreadsheet), and a range
//! whose ends lie strictly beyond the lowest and highest members' figures, on the unit's step,
//! so that no extreme (always one member's) is printed. A median or quartile can equal some
//! member's figure (with five members the median is the third one's) but does not say whose.

/// How a figure is measured: decides how its statistics are rounded for showing and how far
/// the ends of its range are rounded outward.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Cases, days, deadlines, weeks, notes.
    Count,
    /// Hours over a whole period (worked, beyond contract).
    Hours,
    /// Hours in a week (the longest week, a 17-week average, a week of the series).
    WeeklyHours,
    Percent,
    /// A stress score out of 10.
    Stress,
}

impl Unit {
    /// The step the ends of a range are rounded outward to.
    pub fn range_step(self) -> f64 {
        match self {
            Unit::Count => 5.0,
            Unit::Hours => 10.0,
            Unit::WeeklyHours => 5.0,
            Unit::Percent => 10.0,
            Unit::Stress => 1.0,
        }
    }

    /// The precision a median or quartile is shown to (the figure disclosed, in every format).
    pub fn precision(self) -> f64 {
        match self {
            Unit::Count | Unit::WeeklyHours | Unit::Stress => 0.1,
            Unit::Hours | Unit::Percent => 1.0,
        }
    }

    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Count => "",
            Unit::Hours | Unit::WeeklyHours => " h",
            Unit::Percent => "%",
            Unit::Stress => "/10",
        }
    }

    /// A total for people, with thousands separated: "1,234".
    pub fn number(value: f64) -> String {
        let whole = format!("{:.0}", value.abs());
        let mut out = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if value < -0.5 {
            out.insert(0, '-');
        }
        out
    }

    /// A disclosed value for people: no trailing `.0`, a unit after it.
    pub fn show(self, value: f64) -> String {
        let text = if self.precision() >= 1.0 || value.fract() == 0.0 {
            format!("{value:.0}")
        } else {
            format!("{value:.1}")
        };
        format!("{text}{}", self.suffix())
    }
}

/// Rounds to a multiple of `step` (0.1 or 1), as disclosed; `-0` becomes `0`.
pub fn round_to(value: f64, step: f64) -> f64 {
    ((value / step).round() * step * 10.0).round() / 10.0 + 0.0
}

/// The `p` quantile (0 to 1) of sorted values, interpolating linearly between order
/// statistics at (n - 1) p: Hyndman and Fan's type 7.
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    debug_assert!(!sorted.is_empty());
    let h = (sorted.len() - 1) as f64 * p;
    let below = h.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    sorted[below] + (h - below as f64) * (sorted[above] - sorted[below])
}

/// What is disclosed of a figure across the members who have it.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Distribution {
    /// Members whose shares have the figure.
    pub members: usize,
    pub median: f64,
    /// The first and third quartiles: the middle half of members lie between them.
    pub q1: f64,
    pub q3: f64,
    /// The lowest and highest values, rounded outward to the unit's step; `None` where a
    /// range is not shown (the members' settings).
    pub low: Option<f64>,
    pub high: Option<f64>,
}

/// The distribution of `values` (any order), rounded for disclosure.
pub fn distribution(values: &mut [f64], unit: Unit) -> Option<Distribution> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let p = unit.precision();
    let step = unit.range_step();
    Some(Distribution {
        members: values.len(),
        median: round_to(quantile(values, 0.5), p),
        q1: round_to(quantile(values, 0.25), p),
        q3: round_to(quantile(values, 0.75), p),
        low: Some(below(values[0], step)),
        high: Some(above(values[values.len() - 1], step)),
    })
}

/// The multiple of `step` strictly below `value` (an extreme on a multiple, such as 20 cases,
/// would otherwise be printed as it is), but never below 0 for a figure that cannot be
/// negative: a lowest figure of 0 gives 0, which says no more than that someone had none.
fn below(value: f64, step: f64) -> f64 {
    let strictly = ((value / step).ceil() - 1.0) * step;
    if value >= 0.0 {
        strictly.max(0.0) + 0.0
    } else {
        strictly + 0.0
    }
}

/// The multiple of `step` strictly above `value`.
fn above(value: f64, step: f64) -> f64 {
    ((value / step).floor() + 1.0) * step + 0.0
}

/// The median and quartiles of one week of a series (no range: a week's extremes are single
/// members' figures).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Band {
    pub members: usize,
    pub median: f64,
    pub q1: f64,
    pub q3: f64,
}

pub fn band(values: &mut [f64], unit: Unit) -> Option<Band> {
    distribution(values, unit).map(|d| Band {
        members: d.members,
        median: d.median,
        q1: d.q1,
        q3: d.q3,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_are_those_of_a_spreadsheet() {
        // QUARTILE.INC({1,2,3,4,5,6,7,8,9,10}, 1) = 3.25, 2 = 5.5, 3 = 7.75.
        let mut v: Vec<f64> = (1..=10).map(f64::from).rev().collect();
        let d = distribution(&mut v, Unit::Count).unwrap();
        assert_eq!((d.q1, d.median, d.q3), (3.3, 5.5, 7.8));
        // The highest, 10, is on a multiple of 5: the range ends strictly above it.
        assert_eq!((d.low, d.high), (Some(0.0), Some(15.0)));
        let mut one = vec![7.0];
        let d = distribution(&mut one, Unit::Hours).unwrap();
        assert_eq!(
            (d.q1, d.median, d.q3, d.low, d.high),
            (7.0, 7.0, 7.0, Some(0.0), Some(10.0))
        );
    }

    #[test]
    fn an_extreme_on_a_multiple_of_the_step_is_not_printed() {
        // The tester's five members: peak open cases 21, 25, 26, 26, 35 showed "20 to 35".
        let mut v = vec![21.0, 25.0, 26.0, 26.0, 35.0];
        let d = distribution(&mut v, Unit::Count).unwrap();
        assert_eq!((d.low, d.high), (Some(20.0), Some(40.0)));
        let mut v = vec![20.0, 30.0];
        let d = distribution(&mut v, Unit::Count).unwrap();
        assert_eq!((d.low, d.high), (Some(15.0), Some(35.0)));
        let mut v = vec![0.0, 3.0];
        let d = distribution(&mut v, Unit::Count).unwrap();
        assert_eq!((d.low, d.high), (Some(0.0), Some(5.0)));
        let mut v = vec![-20.0, -3.5];
        let d = distribution(&mut v, Unit::Hours).unwrap();
        assert_eq!((d.low, d.high), (Some(-30.0), Some(0.0)));
    }

    proptest::proptest! {
        #[test]
        fn a_range_end_is_never_an_extreme_unless_it_is_zero(
            mut v in proptest::collection::vec(-50i32..500, 1..12),
        ) {
            let mut values: Vec<f64> = v.drain(..).map(|x| f64::from(x) / 2.0).collect();
            for unit in [Unit::Count, Unit::Hours, Unit::WeeklyHours, Unit::Percent, Unit::Stress] {
                let d = distribution(&mut values, unit).unwrap();
                let (lo, hi) = (values[0], values[values.len() - 1]);
                let (low, high) = (d.low.unwrap(), d.high.unwrap());
                proptest::prop_assert!(low <= lo && hi < high);
                proptest::prop_assert!(low < lo || (low == 0.0 && lo == 0.0));
                proptest::prop_assert!(high - hi <= unit.range_step() && lo - low <= unit.range_step());
            }
        }
    }

    #[test]
    fn range_ends_round_outward_and_never_show_a_member_exactly() {
        let mut v = vec![12.0, 31.0, 20.0, 18.0, 25.0];
        let d = distribution(&mut v, Unit::Count).unwrap();
        assert_eq!((d.low, d.high), (Some(10.0), Some(35.0)));
        let mut h = vec![225.83, 101.5, 180.0, 0.0, 412.26];
        let d = distribution(&mut h, Unit::Hours).unwrap();
        assert_eq!((d.low, d.high, d.median), (Some(0.0), Some(420.0), 180.0));
        assert_eq!(Unit::Hours.show(d.median), "180 h");
        assert_eq!(Unit::Count.show(2.5), "2.5");
        assert_eq!(Unit::Percent.show(112.0), "112%");
    }
}
