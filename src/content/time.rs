//! The bundle's dates and times, read by one parser (the `time` crate): RFC 3339 timestamps with
//! their offset, and `YYYY-MM-DD` days.
//!
//! The site shows every time in the offset stored in the data: the wall clock written there is
//! displayed as it is, so the reader's time zone never enters the picture. The instant is used
//! for ordering and for the feeds.
//!
//! The browser app only displays what the build has checked: it cuts the checked text
//! (`display_vi`, `display_date`) rather than carry a date parser, which would cost wasm for no
//! reader-visible gain (see docs/measurements.md).

use std::fmt;

/// A checked RFC 3339 timestamp, in the offset it was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamp(time::OffsetDateTime);

/// Why a timestamp or a day was refused; the message is meant for the editor who wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimestampError {
    /// Date and time are fine but no `Z` or `±HH:MM` follows.
    MissingOffset,
    /// Anything else: wrong shape, or a field out of range.
    Invalid(String),
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimestampError::MissingOffset => f.write_str(
                "thiếu độ lệch múi giờ: viết thời điểm theo RFC 3339 kèm múi giờ, \
                 ví dụ 2023-08-13T15:11:00+07:00",
            ),
            TimestampError::Invalid(why) => write!(
                f,
                "thời điểm không hợp lệ ({why}): viết theo RFC 3339, \
                 ví dụ 2023-08-13T15:11:00+07:00"
            ),
        }
    }
}

/// What part of a date or time a parse error is about, in Vietnamese.
fn why(error: &time::error::Parse) -> String {
    use time::error::{Parse, ParseFromDescription, TryFromParsed};
    let component = match error {
        Parse::ParseFromDescription(ParseFromDescription::InvalidComponent(name)) => name,
        Parse::TryFromParsed(TryFromParsed::ComponentRange(range)) => range.name(),
        _ => return "sai dạng".to_owned(),
    };
    match component {
        "year" => "năm phải có 4 chữ số",
        "month" => "tháng phải từ 01 đến 12",
        "day" => "ngày không có trong tháng",
        "hour" => "giờ phải từ 00 đến 23",
        "minute" => "phút phải từ 00 đến 59",
        "second" => "giây phải từ 00 đến 59",
        "subsecond" => "phần lẻ của giây sai",
        "offset hour" | "offset minute" | "offset second" | "offset" => {
            "múi giờ phải là Z hoặc ±HH:MM"
        }
        "separator" | "literal" => "sai dạng",
        _ => "sai dạng",
    }
    .to_owned()
}

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, RFC 3339.
    pub fn parse(text: &str) -> Result<Self, TimestampError> {
        use time::format_description::well_known::Rfc3339;
        match time::OffsetDateTime::parse(text, &Rfc3339) {
            Ok(at) => Ok(Timestamp(at)),
            Err(error) => {
                // The editor's usual slip: a local time with no offset.
                let local = time::macros::format_description!(
                    "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
                );
                if time::PrimitiveDateTime::parse(text, &local).is_ok() {
                    Err(TimestampError::MissingOffset)
                } else {
                    Err(TimestampError::Invalid(why(&error)))
                }
            }
        }
    }

    /// Seconds since the Unix epoch of the instant, for ordering.
    pub fn unix_seconds(&self) -> i64 {
        self.0.unix_timestamp()
    }

    /// `2026-06-05T18:00:00+07:00`: RFC 3339 in the one form every browser's `Date.parse`
    /// reads (the parser also takes a space or a lowercase `t` between day and time, and more
    /// than three digits of a second, which some browsers do not).
    pub fn to_browser_form(&self) -> String {
        let form = time::macros::format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
        );
        self.0.format(&form).expect("a checked timestamp formats")
    }

    /// `Sun, 13 Aug 2023 15:11:00 +0700`, the RFC 2822 form RSS wants.
    pub fn rfc2822(&self) -> String {
        use time::format_description::well_known::Rfc2822;
        self.0
            .format(&Rfc2822)
            .expect("a checked timestamp formats")
    }
}

/// Parses a `YYYY-MM-DD` day: the documents' dates.
pub fn parse_day(text: &str) -> Result<time::Date, String> {
    let day = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text, &day).map_err(|e| why(&e))
}

/// `13/08/2023 15:11`: how Vietnamese news sites print a time, in the stored offset. Text the
/// build did not check (only a hand-edited data file could hold it) is shown as it is.
pub fn display_vi(text: &str) -> String {
    match (
        text.get(0..4),
        text.get(5..7),
        text.get(8..10),
        text.get(11..16),
    ) {
        (Some(year), Some(month), Some(day), Some(clock)) => {
            format!("{day}/{month}/{year} {clock}")
        }
        _ => text.to_owned(),
    }
}

/// `2024-01-15` → `15/01/2024`.
pub fn display_date(date: &str) -> String {
    match (date.get(0..4), date.get(5..7), date.get(8..10)) {
        (Some(year), Some(month), Some(day)) => format!("{day}/{month}/{year}"),
        _ => date.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_wall_clock_of_the_stored_offset() {
        for (stored, shown) in [
            ("2023-08-13T15:11:00+07:00", "13/08/2023 15:11"),
            ("2023-08-13T08:11:00Z", "13/08/2023 08:11"),
            ("2023-12-31T23:59:59-08:00", "31/12/2023 23:59"),
            ("2024-02-29T00:05:00.250+07:00", "29/02/2024 00:05"),
        ] {
            assert!(Timestamp::parse(stored).is_ok(), "{stored}");
            assert_eq!(display_vi(stored), shown);
        }
        assert_eq!(display_date("2024-01-15"), "15/01/2024");
    }

    #[test]
    fn same_instant_in_two_offsets_orders_equal() {
        let vn = Timestamp::parse("2023-08-13T15:11:00+07:00").unwrap();
        let utc = Timestamp::parse("2023-08-13T08:11:00Z").unwrap();
        let la = Timestamp::parse("2023-08-13T01:11:00-07:00").unwrap();
        assert_eq!(vn.unix_seconds(), 1_691_914_260);
        assert_eq!(vn.unix_seconds(), utc.unix_seconds());
        assert_eq!(vn.unix_seconds(), la.unix_seconds());
    }

    #[test]
    fn refuses_a_timestamp_without_offset() {
        assert_eq!(
            Timestamp::parse("2023-08-13T15:11:00"),
            Err(TimestampError::MissingOffset)
        );
        assert!(TimestampError::MissingOffset
            .to_string()
            .contains("múi giờ"));
    }

    #[test]
    fn refuses_malformed_or_impossible_dates() {
        for bad in [
            "",
            "13/08/2023 15:11",
            "2023-08-13",
            "2023-13-01T00:00:00+07:00",
            "2023-02-29T00:00:00+07:00",
            "2023-08-13T24:00:00+07:00",
            "2023-08-13T15:11+07:00",
            "2023-08-13T15:11:00+0700",
            "2023-08-13T15:11:00+24:00",
            "2023-08-13T15:11:00.+07:00",
            "2023-08-13T15:11:00 +07:00",
        ] {
            assert!(
                matches!(Timestamp::parse(bad), Err(TimestampError::Invalid(_))),
                "{bad:?} should be invalid"
            );
        }
        let message = Timestamp::parse("2023-13-01T00:00:00+07:00")
            .unwrap_err()
            .to_string();
        assert!(message.contains("tháng"), "{message}");
    }

    #[test]
    fn formats_rfc2822_for_feeds() {
        let t = Timestamp::parse("2023-08-13T15:11:00+07:00").unwrap();
        assert_eq!(t.rfc2822(), "Sun, 13 Aug 2023 15:11:00 +0700");
        let t = Timestamp::parse("2000-01-01T00:00:00-03:30").unwrap();
        assert_eq!(t.rfc2822(), "Sat, 01 Jan 2000 00:00:00 -0330");
    }

    #[test]
    fn days_are_checked() {
        assert!(parse_day("2024-02-29").is_ok());
        for bad in [
            "2023-02-29",
            "2024-1-15",
            "15/01/2024",
            "2024-01-15T00:00:00Z",
        ] {
            assert!(parse_day(bad).is_err(), "{bad}");
        }
    }
}
