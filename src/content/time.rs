//! RFC 3339 timestamps as editors write them, shown in the offset they were written in.
//!
//! The site shows every time in Vietnam time, which is the offset stored in the data: the
//! wall-clock fields of the string are displayed as they are, so the reader's time zone never
//! enters the picture. The instant (seconds since the Unix epoch) is only used for ordering.

use std::fmt;

/// A validated RFC 3339 timestamp with an explicit offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamp {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Offset from UTC in minutes (Vietnam: +420).
    pub offset_minutes: i16,
}

/// Why a timestamp was refused; the message is meant for the editor who wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimestampError {
    /// Date and time are fine but no `Z` or `±HH:MM` follows.
    MissingOffset,
    /// Anything else: wrong shape, or a field out of range.
    Invalid(&'static str),
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

fn digits(bytes: &[u8], at: usize, len: usize) -> Option<u32> {
    let part = bytes.get(at..at + len)?;
    part.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

fn expect(bytes: &[u8], at: usize, allowed: &[u8]) -> bool {
    bytes.get(at).is_some_and(|b| allowed.contains(b))
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    pub fn parse(text: &str) -> Result<Self, TimestampError> {
        use TimestampError::Invalid;
        let b = text.as_bytes();
        let year = digits(b, 0, 4).ok_or(Invalid("năm phải có 4 chữ số"))?;
        if !expect(b, 4, b"-") || !expect(b, 7, b"-") {
            return Err(Invalid("ngày phải có dạng YYYY-MM-DD"));
        }
        let month = digits(b, 5, 2).ok_or(Invalid("tháng phải có 2 chữ số"))? as u8;
        let day = digits(b, 8, 2).ok_or(Invalid("ngày phải có 2 chữ số"))? as u8;
        if b.len() == 10 {
            return Err(Invalid("thiếu giờ phút"));
        }
        if !expect(b, 10, b"Tt ") {
            return Err(Invalid("sau ngày phải là chữ T"));
        }
        if !expect(b, 13, b":") || !expect(b, 16, b":") {
            return Err(Invalid("giờ phải có dạng HH:MM:SS"));
        }
        let hour = digits(b, 11, 2).ok_or(Invalid("giờ phải có 2 chữ số"))? as u8;
        let minute = digits(b, 14, 2).ok_or(Invalid("phút phải có 2 chữ số"))? as u8;
        let second = digits(b, 17, 2).ok_or(Invalid("giây phải có 2 chữ số"))? as u8;
        let mut at = 19;
        if expect(b, at, b".") {
            at += 1;
            let start = at;
            while b.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            if at == start {
                return Err(Invalid("phần lẻ của giây trống"));
            }
        }
        let offset_minutes = match b.get(at) {
            None => return Err(TimestampError::MissingOffset),
            Some(b'Z' | b'z') if b.len() == at + 1 => 0,
            Some(sign @ (b'+' | b'-')) if b.len() == at + 6 && expect(b, at + 3, b":") => {
                let h = digits(b, at + 1, 2).ok_or(Invalid("múi giờ phải có dạng ±HH:MM"))?;
                let m = digits(b, at + 4, 2).ok_or(Invalid("múi giờ phải có dạng ±HH:MM"))?;
                if h > 23 || m > 59 {
                    return Err(Invalid("múi giờ ngoài khoảng cho phép"));
                }
                let minutes = (h * 60 + m) as i16;
                if *sign == b'-' {
                    -minutes
                } else {
                    minutes
                }
            }
            Some(_) => return Err(Invalid("múi giờ phải là Z hoặc ±HH:MM")),
        };
        let year = year as i32;
        if !(1..=12).contains(&month) {
            return Err(Invalid("tháng phải từ 01 đến 12"));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(Invalid("ngày không có trong tháng"));
        }
        if hour > 23 || minute > 59 || second > 59 {
            return Err(Invalid("giờ, phút hoặc giây ngoài khoảng cho phép"));
        }
        Ok(Timestamp {
            year,
            month,
            day,
            hour,
            minute,
            second,
            offset_minutes,
        })
    }

    /// Seconds since the Unix epoch of the instant, for ordering articles.
    pub fn unix_seconds(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        let local = days * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second);
        local - i64::from(self.offset_minutes) * 60
    }

    /// `13/08/2023 15:11`: how Vietnamese news sites print a time, in the stored offset.
    pub fn display_vi(&self) -> String {
        format!(
            "{:02}/{:02}/{:04} {:02}:{:02}",
            self.day, self.month, self.year, self.hour, self.minute
        )
    }

    /// `Sun, 13 Aug 2023 15:11:00 +0700`, the RFC 822 form RSS wants.
    pub fn rfc822(&self) -> String {
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let weekday = DAYS[days_from_civil(self.year, self.month, self.day).rem_euclid(7) as usize];
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let offset = self.offset_minutes.unsigned_abs();
        format!(
            "{weekday}, {:02} {} {:04} {:02}:{:02}:{:02} {sign}{:02}{:02}",
            self.day,
            MONTHS[usize::from(self.month - 1)],
            self.year,
            self.hour,
            self.minute,
            self.second,
            offset / 60,
            offset % 60
        )
    }
}

/// Formats a stored timestamp for display; text that does not parse (the build refuses it, so
/// only a hand-edited data file could hold one) is shown as it is rather than hidden.
pub fn display_vi(text: &str) -> String {
    Timestamp::parse(text).map_or_else(|_| text.to_owned(), |t| t.display_vi())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_wall_clock_of_the_stored_offset() {
        assert_eq!(display_vi("2023-08-13T15:11:00+07:00"), "13/08/2023 15:11");
        assert_eq!(display_vi("2023-08-13T08:11:00Z"), "13/08/2023 08:11");
        assert_eq!(display_vi("2023-12-31T23:59:59-08:00"), "31/12/2023 23:59");
        assert_eq!(
            display_vi("2024-02-29T00:05:00.250+07:00"),
            "29/02/2024 00:05"
        );
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
    }

    #[test]
    fn formats_rfc822_for_feeds() {
        let t = Timestamp::parse("2023-08-13T15:11:00+07:00").unwrap();
        assert_eq!(t.rfc822(), "Sun, 13 Aug 2023 15:11:00 +0700");
        let t = Timestamp::parse("2000-01-01T00:00:00-03:30").unwrap();
        assert_eq!(t.rfc822(), "Sat, 01 Jan 2000 00:00:00 -0330");
    }
}
