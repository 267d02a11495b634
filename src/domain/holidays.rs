//! UK bank holidays for England and Wales, Scotland and Northern Ireland.
//!
//! Computed from the rules (fixed days with weekday substitutes, Easter, the May and August
//! Mondays) plus the published one-off changes, and checked against the published lists in
//! the tests. Years outside [`FIRST_YEAR`]..=[`LAST_YEAR`] have no holidays: the rules after
//! 2030 are very likely the same, but nothing after that has been published.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use strum::{EnumCount, VariantArray};

pub const FIRST_YEAR: i32 = 2018;
pub const LAST_YEAR: i32 = 2030;

/// Which set of bank holidays applies.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    Default,
    strum::VariantArray,
    strum::EnumCount,
    strum::IntoStaticStr,
    strum::Display,
    strum::EnumString,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[strum(parse_err_ty = super::event::UnknownName, parse_err_fn = unknown_region)]
pub enum Region {
    #[default]
    EnglandAndWales,
    Scotland,
    NorthernIreland,
    None,
}

impl Region {
    pub const ALL: [Region; Self::COUNT] = super::variant_array(Self::VARIANTS);

    pub fn key(self) -> &'static str {
        self.into()
    }

    pub fn label(self) -> &'static str {
        match self {
            Region::EnglandAndWales => "England and Wales",
            Region::Scotland => "Scotland",
            Region::NorthernIreland => "Northern Ireland",
            Region::None => "No bank holidays",
        }
    }
}

fn unknown_region(given: &str) -> super::event::UnknownName {
    super::event::UnknownName {
        what: "bank holiday region",
        given: given.to_string(),
        accepted: "england-and-wales, scotland, northern-ireland or none".to_string(),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("holiday rule produced a real date")
}

fn first_monday(y: i32, m: u32) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(y, m, Weekday::Mon, 1).expect("every month has a Monday")
}

fn last_monday(y: i32, m: u32) -> NaiveDate {
    let next = if m == 12 {
        date(y + 1, 1, 1)
    } else {
        date(y, m + 1, 1)
    };
    let mut d = next.pred_opt().expect("in range");
    while d.weekday() != Weekday::Mon {
        d = d.pred_opt().expect("in range");
    }
    d
}

/// Easter Sunday by the anonymous Gregorian algorithm.
fn easter_sunday(y: i32) -> NaiveDate {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(y, month as u32, day as u32)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Fixed-date holidays that fall at a weekend move to the next weekday not already a holiday,
/// in order, which gives the published substitutes (e.g. 27 and 28 Dec 2021).
fn with_substitutes(fixed: &[NaiveDate], taken: &mut Vec<NaiveDate>) {
    for &day in fixed {
        if !is_weekend(day) {
            taken.push(day);
            continue;
        }
        let mut sub = day;
        while is_weekend(sub) || taken.contains(&sub) || fixed.contains(&sub) && sub != day {
            sub = sub.checked_add_days(Days::new(1)).expect("in range");
        }
        taken.push(sub);
    }
}

/// The bank holidays of one year in one region, sorted.
pub fn bank_holidays(region: Region, year: i32) -> Vec<NaiveDate> {
    if region == Region::None || !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Vec::new();
    }
    let easter = easter_sunday(year);
    let mut days = Vec::new();

    let mut new_year = vec![date(year, 1, 1)];
    if region == Region::Scotland {
        new_year.push(date(year, 1, 2));
    }
    with_substitutes(&new_year, &mut days);
    if region == Region::NorthernIreland {
        with_substitutes(&[date(year, 3, 17)], &mut days);
    }
    days.push(easter - Days::new(2));
    if region != Region::Scotland {
        days.push(easter + Days::new(1));
    }
    days.push(match year {
        2020 => date(2020, 5, 8), // moved for the 75th anniversary of VE Day
        _ => first_monday(year, 5),
    });
    match year {
        // Spring holiday moved to Thursday, with the Platinum Jubilee on the Friday.
        2022 => days.extend([date(2022, 6, 2), date(2022, 6, 3)]),
        _ => days.push(last_monday(year, 5)),
    }
    if region == Region::NorthernIreland {
        with_substitutes(&[date(year, 7, 12)], &mut days);
    }
    days.push(if region == Region::Scotland {
        first_monday(year, 8)
    } else {
        last_monday(year, 8)
    });
    if region == Region::Scotland {
        with_substitutes(&[date(year, 11, 30)], &mut days);
    }
    with_substitutes(&[date(year, 12, 25), date(year, 12, 26)], &mut days);
    match year {
        2022 => days.push(date(2022, 9, 19)), // State Funeral of Queen Elizabeth II
        2023 => days.push(date(2023, 5, 8)),  // Coronation of King Charles III
        _ => {}
    }
    days.sort();
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(region: Region, year: i32) -> Vec<String> {
        bank_holidays(region, year)
            .iter()
            .map(|d| d.format("%m-%d").to_string())
            .collect()
    }

    #[test]
    fn england_and_wales_match_the_published_lists() {
        let ew = Region::EnglandAndWales;
        assert_eq!(
            list(ew, 2025),
            [
                "01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"
            ]
        );
        assert_eq!(
            list(ew, 2026),
            [
                "01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"
            ]
        );
        assert_eq!(
            list(ew, 2020),
            [
                "01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"
            ]
        );
        assert_eq!(
            list(ew, 2021),
            [
                "01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"
            ]
        );
        assert_eq!(
            list(ew, 2022),
            [
                "01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26",
                "12-27"
            ]
        );
        assert_eq!(
            list(ew, 2023),
            [
                "01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"
            ]
        );
        assert_eq!(
            list(ew, 2027),
            [
                "01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"
            ]
        );
    }

    #[test]
    fn scotland_matches_the_published_lists() {
        let s = Region::Scotland;
        assert_eq!(
            list(s, 2025),
            [
                "01-01", "01-02", "04-18", "05-05", "05-26", "08-04", "12-01", "12-25", "12-26"
            ]
        );
        assert_eq!(
            list(s, 2026),
            [
                "01-01", "01-02", "04-03", "05-04", "05-25", "08-03", "11-30", "12-25", "12-28"
            ]
        );
        assert_eq!(
            list(s, 2022),
            [
                "01-03", "01-04", "04-15", "05-02", "06-02", "06-03", "08-01", "09-19", "11-30",
                "12-26", "12-27"
            ]
        );
    }

    #[test]
    fn northern_ireland_matches_the_published_lists() {
        let ni = Region::NorthernIreland;
        assert_eq!(
            list(ni, 2025),
            [
                "01-01", "03-17", "04-18", "04-21", "05-05", "05-26", "07-14", "08-25", "12-25",
                "12-26"
            ]
        );
        assert_eq!(
            list(ni, 2026),
            [
                "01-01", "03-17", "04-03", "04-06", "05-04", "05-25", "07-13", "08-31", "12-25",
                "12-28"
            ]
        );
        assert_eq!(list(ni, 2024)[1], "03-18");
    }

    #[test]
    fn every_year_in_range_has_holidays_on_weekdays_only() {
        for region in [
            Region::EnglandAndWales,
            Region::Scotland,
            Region::NorthernIreland,
        ] {
            for year in FIRST_YEAR..=LAST_YEAR {
                let days = bank_holidays(region, year);
                assert!(days.len() >= 8, "{region} {year}");
                assert!(days.iter().all(|d| !is_weekend(*d) && d.year() == year));
                let mut unique = days.clone();
                unique.dedup();
                assert_eq!(unique.len(), days.len());
            }
        }
        assert!(bank_holidays(Region::None, 2026).is_empty());
        assert!(bank_holidays(Region::EnglandAndWales, 2031).is_empty());
    }
}
