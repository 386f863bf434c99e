//! Calendar points at every TIMEX3 granularity.
//!
//! Takes a resolved (or partly resolved) point in time: a day, month, year, decade, century,
//! quarter, half, season, week, weekend, or a day with a time or part of day; gives its TIMEX3
//! value string as TimeML writes it (`2013-09-01`, `197`, `2013-W05`, `1998-02-19TMO`,
//! `XXXX-09-01` when the year is unknown), the interval `[earliest, latest]` it covers, its
//! granularity, and date arithmetic (shift by n units) used by relative expressions.

use chrono::{Datelike, Duration, Months, NaiveDate};

use super::{Granularity, Modifier};

/// A season of the year, as TimeML abbreviates them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Meteorological months: spring March-May, ..., winter December-February (of the next year).
    fn months(self) -> (u32, u32) {
        match self {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Fall => (9, 11),
            Season::Winter => (12, 2),
        }
    }

    pub fn of_month(m: u32) -> Season {
        match m {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }
}

/// A time of day: a clock time or a part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayTime {
    Clock {
        hour: u32,
        minute: u32,
    },
    /// `MO`, `AF`, `EV`, `NI`, `DT` (daytime).
    Part(&'static str),
}

/// A point in time at some granularity. `None` years are unknown (no anchor): `XXXX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    Day(Option<i32>, u32, u32),
    Month(Option<i32>, u32),
    Year(i32),
    /// First three digits of the decade's years: 197 is the 1970s.
    Decade(i32),
    /// First two digits of the century's years: 19 is the 20th century.
    Century(i32),
    Quarter(Option<i32>, u32),
    Half(Option<i32>, u32),
    Season(Option<i32>, Season),
    /// ISO week-year and week.
    Week(i32, u32),
    Weekend(i32, u32),
    /// A day (known) with a time or part of day.
    Time(NaiveDate, DayTime),
    /// A day of week with no anchor: `XXXX-WXX-5`.
    Weekday(u32),
}

pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let first = ymd(y, m, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

impl Point {
    pub fn day(d: NaiveDate) -> Point {
        Point::Day(Some(d.year()), d.month(), d.day())
    }

    pub fn granularity(&self) -> Granularity {
        match self {
            Point::Day(..) | Point::Weekday(_) => Granularity::Day,
            Point::Month(..) => Granularity::Month,
            Point::Year(_) => Granularity::Year,
            Point::Decade(_) => Granularity::Decade,
            Point::Century(_) => Granularity::Century,
            Point::Quarter(..) => Granularity::Quarter,
            Point::Half(..) => Granularity::Half,
            Point::Season(..) => Granularity::Season,
            Point::Week(..) | Point::Weekend(..) => Granularity::Week,
            Point::Time(..) => Granularity::Time,
        }
    }

    /// The year of the point, when it has one.
    pub fn year(&self) -> Option<i32> {
        match *self {
            Point::Day(y, ..)
            | Point::Month(y, _)
            | Point::Quarter(y, _)
            | Point::Half(y, _)
            | Point::Season(y, _) => y,
            Point::Year(y) | Point::Week(y, _) | Point::Weekend(y, _) => Some(y),
            Point::Time(d, _) => Some(d.year()),
            Point::Decade(_) | Point::Century(_) | Point::Weekday(_) => None,
        }
    }

    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        // Written digit by digit: this runs once per expression found, and `format!` with
        // padding was a tenth of the normalizer's time.
        fn y4(out: &mut String, y: Option<i32>) {
            match y {
                Some(y) if (0..=9999).contains(&y) => {
                    let y = y as u32;
                    for div in [1000, 100, 10, 1] {
                        out.push(char::from(b'0' + (y / div % 10) as u8));
                    }
                }
                _ => out.push_str("XXXX"),
            }
        }
        fn d2(out: &mut String, n: u32) {
            if n < 100 {
                out.push(char::from(b'0' + (n / 10) as u8));
                out.push(char::from(b'0' + (n % 10) as u8));
            } else {
                out.push_str(&n.to_string());
            }
        }
        let mut out = String::with_capacity(16);
        match *self {
            Point::Day(y, m, d) => {
                y4(&mut out, y);
                out.push('-');
                d2(&mut out, m);
                out.push('-');
                d2(&mut out, d);
            }
            Point::Month(y, m) => {
                y4(&mut out, y);
                out.push('-');
                d2(&mut out, m);
            }
            Point::Year(y) => y4(&mut out, Some(y)),
            Point::Decade(d) => out = format!("{d:03}"),
            Point::Century(c) => out = format!("{c:02}"),
            Point::Quarter(y, q) => {
                y4(&mut out, y);
                out.push_str("-Q");
                out.push_str(&q.to_string());
            }
            Point::Half(y, h) => {
                y4(&mut out, y);
                out.push_str("-H");
                out.push_str(&h.to_string());
            }
            Point::Season(y, s) => {
                y4(&mut out, y);
                out.push('-');
                out.push_str(s.code());
            }
            Point::Week(y, w) => {
                y4(&mut out, Some(y));
                out.push_str("-W");
                d2(&mut out, w);
            }
            Point::Weekend(y, w) => {
                y4(&mut out, Some(y));
                out.push_str("-W");
                d2(&mut out, w);
                out.push_str("-WE");
            }
            Point::Time(d, t) => {
                let day = d.format("%Y-%m-%d");
                out = match t {
                    DayTime::Clock { hour, minute } => format!("{day}T{hour:02}:{minute:02}"),
                    DayTime::Part(p) => format!("{day}T{p}"),
                };
            }
            Point::Weekday(w) => out = format!("XXXX-WXX-{w}"),
        }
        out
    }

    /// The interval the point covers, when its year is known.
    pub fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            Point::Day(y, m, d) => {
                let d = ymd(y?, m, d)?;
                Some((d, d))
            }
            Point::Month(y, m) => {
                let y = y?;
                Some((ymd(y, m, 1)?, month_end(y, m)?))
            }
            Point::Year(y) => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
            Point::Decade(d) => Some((ymd(d * 10, 1, 1)?, ymd(d * 10 + 9, 12, 31)?)),
            // The 20th century is 1901-2000 strictly, but TimeML's `19` means the 1900s.
            Point::Century(c) => Some((ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?)),
            Point::Quarter(y, q) => {
                let y = y?;
                let m = (q.clamp(1, 4) - 1) * 3 + 1;
                Some((ymd(y, m, 1)?, month_end(y, m + 2)?))
            }
            Point::Half(y, h) => {
                let y = y?;
                if h <= 1 {
                    Some((ymd(y, 1, 1)?, ymd(y, 6, 30)?))
                } else {
                    Some((ymd(y, 7, 1)?, ymd(y, 12, 31)?))
                }
            }
            Point::Season(y, s) => {
                let y = y?;
                let (a, b) = s.months();
                let end_year = if b < a { y + 1 } else { y };
                Some((ymd(y, a, 1)?, month_end(end_year, b)?))
            }
            Point::Week(y, w) => {
                let monday = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
                Some((monday, monday.checked_add_signed(Duration::days(6))?))
            }
            Point::Weekend(y, w) => {
                let sat = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Sat)?;
                Some((sat, sat.succ_opt()?))
            }
            Point::Time(d, _) => Some((d, d)),
            Point::Weekday(_) => None,
        }
    }

    /// The point `n` units of its own granularity later (earlier when negative).
    pub fn shift(&self, n: i32) -> Option<Point> {
        Some(match *self {
            Point::Day(y, m, d) => Point::day(add_days(ymd(y?, m, d)?, i64::from(n))?),
            Point::Month(y, m) => {
                let (y, m) = add_months(y?, m, n);
                Point::Month(Some(y), m)
            }
            Point::Year(y) => Point::Year(y + n),
            Point::Decade(d) => Point::Decade(d + n),
            Point::Century(c) => Point::Century(c + n),
            Point::Quarter(y, q) => {
                let idx = y? * 4 + q as i32 - 1 + n;
                Point::Quarter(Some(idx.div_euclid(4)), idx.rem_euclid(4) as u32 + 1)
            }
            Point::Half(y, h) => {
                let idx = y? * 2 + h as i32 - 1 + n;
                Point::Half(Some(idx.div_euclid(2)), idx.rem_euclid(2) as u32 + 1)
            }
            Point::Season(y, s) => Point::Season(Some(y? + n), s),
            Point::Week(y, w) => {
                let monday = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
                let d = add_days(monday, 7 * i64::from(n))?;
                Point::Week(d.iso_week().year(), d.iso_week().week())
            }
            Point::Weekend(y, w) => match (Point::Week(y, w)).shift(n)? {
                Point::Week(y, w) => Point::Weekend(y, w),
                _ => return None,
            },
            Point::Time(d, t) => Point::Time(add_days(d, i64::from(n))?, t),
            Point::Weekday(_) => return None,
        })
    }

    /// The same kind of point `n` years later: "a year earlier" than 1989-Q3 is 1988-Q3.
    pub fn shift_years(&self, n: i32) -> Option<Point> {
        Some(match *self {
            Point::Day(y, m, d) => {
                let y = y? + n;
                let d = if m == 2 && d == 29 && ymd(y, 2, 29).is_none() {
                    28
                } else {
                    d
                };
                Point::Day(Some(y), m, d)
            }
            Point::Month(y, m) => Point::Month(Some(y? + n), m),
            Point::Quarter(y, q) => Point::Quarter(Some(y? + n), q),
            Point::Half(y, h) => Point::Half(Some(y? + n), h),
            Point::Season(y, s) => Point::Season(Some(y? + n), s),
            Point::Year(y) => Point::Year(y + n),
            Point::Week(..) | Point::Weekend(..) => self.shift(52 * n)?,
            Point::Time(d, _) => Point::day(d.with_year(d.year() + n)?),
            Point::Decade(_) | Point::Century(_) | Point::Weekday(_) => return None,
        })
    }
}

pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

pub fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y * 12 + m as i32 - 1 + n;
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

/// Narrows an interval to the part a modifier names: START/END the first/last third, MID the
/// middle third. Other modifiers leave it as it is ("before 2012" is not an interval we bound).
pub fn narrow(bounds: (NaiveDate, NaiveDate), m: Option<Modifier>) -> (NaiveDate, NaiveDate) {
    let (a, b) = bounds;
    let len = (b - a).num_days() + 1;
    if len < 3 {
        return bounds;
    }
    let third = len / 3;
    let day = |n: i64| add_days(a, n).unwrap_or(a);
    match m {
        Some(Modifier::Start) => (a, day(third - 1)),
        Some(Modifier::Mid) => (day(third), day(len - third - 1)),
        Some(Modifier::End) => (day(len - third), b),
        _ => bounds,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decade_value_is_three_digits_and_bounds_the_ten_years() {
        let p = Point::Decade(197);
        assert_eq!(p.value(), "197");
        assert_eq!(
            p.bounds(),
            Some((ymd(1970, 1, 1).unwrap(), ymd(1979, 12, 31).unwrap()))
        );
    }

    #[test]
    fn quarter_shift_crosses_year() {
        assert_eq!(
            Point::Quarter(Some(1989), 1).shift(-1),
            Some(Point::Quarter(Some(1988), 4))
        );
    }

    #[test]
    fn end_of_december_is_the_last_third() {
        let b = Point::Month(Some(2011), 12).bounds().unwrap();
        let (a, z) = narrow(b, Some(Modifier::End));
        assert_eq!(
            (a, z),
            (ymd(2011, 12, 22).unwrap(), ymd(2011, 12, 31).unwrap())
        );
    }

    #[test]
    fn unknown_year_day_is_underspecified() {
        assert_eq!(Point::Day(None, 9, 1).value(), "XXXX-09-01");
        assert_eq!(Point::Day(None, 9, 1).bounds(), None);
    }
}
