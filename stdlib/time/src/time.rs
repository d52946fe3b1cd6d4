//! The `time` module: clocks (wall, monotonic, performance, process),
//! `sleep`, conversions between timestamps and `time.struct_time` (UTC
//! with the proleptic Gregorian calendar; local time through the system
//! time zone), `mktime`, `strftime` with the C locale's directives,
//! `strptime` for the common directives, `asctime`/`ctime`, and the
//! `timezone`/`altzone`/`daylight`/`tzname` constants.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rpy_vm::as_float;
use rpy_vm::{ModuleDef, OptArg};
use rpy_vm::{PyRef, Value};
use rpy_vm::{PyResult, Vm};

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A broken-down time, fields as in `struct_time` (month 1-12, weekday
/// 0 = Monday, day of year 1-366).
#[derive(Clone, Debug, PartialEq)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
    pub zone: Option<String>,
    pub gmtoff: Option<i64>,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1-12).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1-12, day) of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Broken-down UTC time of a timestamp (None if the year does not fit a
/// C int, as the platform's `gmtime` fails then).
pub fn utc_tm(t: i64) -> Option<Tm> {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    if y - 1900 > i64::from(i32::MAX) || y - 1900 < i64::from(i32::MIN) {
        return None;
    }
    Some(Tm {
        year: y,
        mon: m,
        mday: d,
        hour: secs / 3600,
        min: secs % 3600 / 60,
        sec: secs % 60,
        wday: (days + 3).rem_euclid(7),
        yday: days - days_from_civil(y, 1, 1) + 1,
        isdst: 0,
        zone: Some("UTC".into()),
        gmtoff: Some(0),
    })
}

fn system_tz() -> &'static jiff::tz::TimeZone {
    static TZ: OnceLock<jiff::tz::TimeZone> = OnceLock::new();
    TZ.get_or_init(jiff::tz::TimeZone::system)
}

/// (UTC offset in seconds, DST flag, abbreviation) of local time at `t`.
fn local_offset(t: i64) -> (i64, bool, String) {
    let ts = jiff::Timestamp::from_second(t.clamp(
        jiff::Timestamp::MIN.as_second(),
        jiff::Timestamp::MAX.as_second(),
    ))
    .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let info = system_tz().to_offset_info(ts);
    (
        i64::from(info.offset().seconds()),
        info.dst().is_dst(),
        info.abbreviation().to_owned(),
    )
}

/// Broken-down local time of a timestamp.
pub fn local_tm(t: i64) -> Option<Tm> {
    let (off, dst, abbr) = local_offset(t);
    let mut tm = utc_tm(t.checked_add(off)?)?;
    tm.isdst = i64::from(dst);
    tm.zone = Some(abbr);
    tm.gmtoff = Some(off);
    Some(tm)
}

fn now() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
}

fn base_instant() -> Instant {
    static BASE: OnceLock<Instant> = OnceLock::new();
    *BASE.get_or_init(Instant::now)
}

fn mono_ns() -> i128 {
    base_instant().elapsed().as_nanos() as i128
}

/// CPU time of this process in nanoseconds, from /proc where available.
fn cpu_ns() -> i128 {
    if let Ok(s) = std::fs::read_to_string("/proc/self/schedstat") {
        if let Some(n) = s
            .split_whitespace()
            .next()
            .and_then(|x| x.parse::<i128>().ok())
        {
            return n;
        }
    }
    if let Ok(s) = std::fs::read_to_string("/proc/self/stat") {
        // Fields after the parenthesised command name; utime and stime
        // are the 12th and 13th of them, in clock ticks (100 per second).
        if let Some(rest) = s.rsplit(')').next() {
            let f: Vec<&str> = rest.split_whitespace().collect();
            let tick = |i: usize| f.get(i).and_then(|x| x.parse::<i128>().ok()).unwrap_or(0);
            return (tick(11) + tick(12)) * 10_000_000;
        }
    }
    mono_ns()
}

fn t_time() -> f64 {
    now().as_secs_f64()
}

fn t_time_ns() -> i128 {
    now().as_nanos() as i128
}

fn t_monotonic() -> f64 {
    mono_ns() as f64 / 1e9
}

fn t_process_time() -> f64 {
    cpu_ns() as f64 / 1e9
}

/// A number of seconds as CPython reads it: a float, or any integer.
fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        return Ok(f);
    }
    let i = vm.to_index(v)?;
    Ok(rpy_vm::integer_to_f64(&i).unwrap_or(f64::INFINITY))
}

fn t_sleep(vm: &mut Vm, secs: Value) -> PyResult<()> {
    let s = seconds_arg(vm, &secs)?;
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if s >= 9.2e9 {
        return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
    }
    let out = vm.output.clone();
    let _ = out.borrow_mut().flush(false);
    vm.sleep_interruptibly(Duration::from_secs_f64(s))
}

/// A timestamp argument (None: now), floored to whole seconds.
fn timestamp_arg(vm: &mut Vm, v: OptArg<Value>) -> PyResult<i64> {
    match v.0.as_ref() {
        None | Some(Value::None) => Ok(now().as_secs() as i64),
        Some(v) => {
            if let Some(f) = as_float(v) {
                if f.is_nan() {
                    return Err(vm.value_error("Invalid value NaN (not a number)"));
                }
                let f = f.floor();
                if !(-9.2e18..9.2e18).contains(&f) {
                    return Err(vm.overflow_error("timestamp out of range for platform time_t"));
                }
                return Ok(f as i64);
            }
            let i = vm.to_index(v)?;
            i64::try_from(&i)
                .map_err(|_| vm.overflow_error("timestamp out of range for platform time_t"))
        }
    }
}

fn eoverflow(vm: &mut Vm) -> rpy_vm::PyErr {
    let cls = vm.exc.os_error.clone();
    let m = vm.str_val("Value too large for defined data type");
    match vm.call(&Value::Obj(cls.clone()), &[Value::Int(75), m]) {
        Ok(Value::Obj(o)) => rpy_vm::PyErr(o),
        _ => vm.new_error(&cls, "Value too large for defined data type"),
    }
}

/// Key of the `struct_time` type in `Vm::extensions`.
const STRUCT_TIME: &str = "time.struct_time";

/// The `struct_time` type, created with the module.
fn struct_time_type(vm: &mut Vm) -> PyResult<PyRef> {
    match vm
        .extensions
        .get(STRUCT_TIME)
        .and_then(|b| b.downcast_ref::<PyRef>())
    {
        Some(t) => Ok(t.clone()),
        None => Err(vm.runtime_error("time.struct_time is missing")),
    }
}

fn tm_value(vm: &mut Vm, tm: &Tm) -> PyResult<Value> {
    let t = struct_time_type(vm)?;
    let items = vec![
        Value::Int(tm.year),
        Value::Int(tm.mon),
        Value::Int(tm.mday),
        Value::Int(tm.hour),
        Value::Int(tm.min),
        Value::Int(tm.sec),
        Value::Int(tm.wday),
        Value::Int(tm.yday),
        Value::Int(tm.isdst),
    ];
    let v = vm.new_struct_seq(&t, items)?;
    let zone = match &tm.zone {
        Some(z) => vm.str_val(z.clone()),
        None => Value::None,
    };
    let off = tm.gmtoff.map(Value::Int).unwrap_or(Value::None);
    let k = vm.intern("tm_zone");
    vm.set_attr(&v, &k, zone)?;
    let k = vm.intern("tm_gmtoff");
    vm.set_attr(&v, &k, off)?;
    Ok(v)
}

fn t_gmtime(vm: &mut Vm, secs: OptArg<Value>) -> PyResult<Value> {
    let t = timestamp_arg(vm, secs)?;
    match utc_tm(t) {
        Some(mut tm) => {
            tm.zone = Some("GMT".into());
            tm_value(vm, &tm)
        }
        None => Err(eoverflow(vm)),
    }
}

fn t_localtime(vm: &mut Vm, secs: OptArg<Value>) -> PyResult<Value> {
    let t = timestamp_arg(vm, secs)?;
    match local_tm(t) {
        Some(tm) => tm_value(vm, &tm),
        None => Err(eoverflow(vm)),
    }
}

/// Reads a time tuple (a `struct_time` or a 9-sequence of ints).
fn tm_arg(vm: &mut Vm, v: &Value, func: &str) -> PyResult<Tm> {
    let items = match v.as_tuple() {
        Some(t) => t.to_vec(),
        None => return Err(vm.type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{func}(): illegal time tuple argument")));
    }
    let mut f = [0i64; 9];
    for (slot, item) in f.iter_mut().zip(items.iter()) {
        if matches!(item, Value::Float(_)) || as_float(item).is_some() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        let i = vm.to_index(item)?;
        *slot = i64::try_from(&i)
            .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
        if i32::try_from(*slot).is_err() {
            return Err(vm.overflow_error("signed integer is greater than maximum"));
        }
    }
    let (zone, gmtoff) = if v.as_obj().map(|o| o.has_dict()).unwrap_or(false)
        && vm.class_of(v).as_type().is_some()
    {
        let is_st = struct_time_type(vm)
            .map(|t| std::rc::Rc::ptr_eq(&t, &vm.class_of(v)))
            .unwrap_or(false);
        if is_st {
            let z = vm.get_attr_str(v, "tm_zone")?;
            let o = vm.get_attr_str(v, "tm_gmtoff")?;
            let o = match o {
                Value::Int(i) => Some(i),
                _ => None,
            };
            (z.as_str().map(str::to_owned), o)
        } else {
            (None, None)
        }
    } else {
        (None, None)
    };
    Ok(Tm {
        year: f[0],
        mon: f[1],
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        wday: f[6],
        yday: f[7],
        isdst: f[8],
        zone,
        gmtoff,
    })
}

/// CPython's checks on a time tuple before formatting; `lenient` lets
/// a zero month, day of month and day of year stand for the first.
fn check_tm(vm: &mut Vm, tm: &mut Tm, lenient: bool) -> PyResult<()> {
    if lenient {
        if tm.mon == 0 {
            tm.mon = 1;
        }
        if tm.mday == 0 {
            tm.mday = 1;
        }
        if tm.yday == 0 {
            tm.yday = 1;
        }
        tm.isdst = tm.isdst.clamp(-1, 1);
    }
    // Python's weekday 0 is Monday; C's is Sunday, and CPython takes the
    // C remainder after shifting, so -1 means Sunday.
    let cw = (tm.wday + 1) % 7;
    let msg = if !(1..=12).contains(&tm.mon) {
        Some("month out of range")
    } else if !(1..=31).contains(&tm.mday) {
        Some("day of month out of range")
    } else if !(0..=23).contains(&tm.hour) {
        Some("hour out of range")
    } else if !(0..=59).contains(&tm.min) {
        Some("minute out of range")
    } else if !(0..=61).contains(&tm.sec) {
        Some("seconds out of range")
    } else if cw < 0 {
        Some("day of week out of range")
    } else if !(1..=366).contains(&tm.yday) {
        Some("day of year out of range")
    } else {
        None
    };
    if let Some(m) = msg {
        return Err(vm.value_error(m));
    }
    tm.wday = (cw + 6) % 7;
    Ok(())
}

fn now_local(vm: &mut Vm) -> PyResult<Tm> {
    let t = now().as_secs() as i64;
    local_tm(t).ok_or_else(|| eoverflow(vm))
}

/// Seconds since the epoch of a local broken-down time (fields may be
/// out of range: they carry over, as C's `mktime` does).
fn local_timestamp(tm: &Tm) -> Option<i64> {
    let m0 = tm.mon.checked_sub(1)?;
    let year = tm.year.checked_add(m0.div_euclid(12))?;
    if year.abs() > 1_000_000_000 {
        return None;
    }
    let mon = m0.rem_euclid(12) + 1;
    let days = days_from_civil(year, mon, 1).checked_add(tm.mday.checked_sub(1)?)?;
    let naive = days
        .checked_mul(86_400)?
        .checked_add(tm.hour.checked_mul(3600)?)?
        .checked_add(tm.min.checked_mul(60)?)?
        .checked_add(tm.sec)?;
    let (off1, _, _) = local_offset(naive);
    let t = naive - off1;
    let (off2, dst, _) = local_offset(t);
    // Like glibc's mktime, a DST flag that disagrees with the zone at that
    // time shifts the result by an hour.
    let shift = match (tm.isdst, dst) {
        (1.., false) => -3600,
        (0, true) => 3600,
        _ => 0,
    };
    Some(naive - off2 + shift)
}

fn t_mktime(vm: &mut Vm, t: Value) -> PyResult<f64> {
    let tm = tm_arg(vm, &t, "mktime")?;
    match local_timestamp(&tm) {
        Some(s) => Ok(s as f64),
        None => Err(vm.overflow_error("mktime argument out of range")),
    }
}

fn push_num(out: &mut String, v: i64, width: usize, pad: char) {
    let s = v.abs().to_string();
    if v < 0 {
        // glibc pads only non-negative numbers.
        out.push('-');
        out.push_str(&s);
        return;
    }
    for _ in s.len()..width {
        out.push(pad);
    }
    out.push_str(&s);
}

/// ISO 8601 week-based year and week number.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let wday = tm.wday; // 0 = Monday
    let yday0 = tm.yday - 1;
    let week = (yday0 - wday + 10) / 7;
    let weeks_in = |y: i64| {
        let jan1 = (days_from_civil(y, 1, 1) + 3).rem_euclid(7);
        if jan1 == 3 || (jan1 == 2 && is_leap(y)) {
            53
        } else {
            52
        }
    };
    if week < 1 {
        (tm.year - 1, weeks_in(tm.year - 1))
    } else if week > weeks_in(tm.year) {
        (tm.year + 1, 1)
    } else {
        (tm.year, week)
    }
}

/// Formats with the C locale's `strftime` directives; unknown
/// directives are copied as they are, as glibc does.
pub fn format_tm(fmt: &str, tm: &Tm) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    let day = DAYS.get(tm.wday as usize).copied().unwrap_or("?");
    let month = MONTHS.get((tm.mon - 1) as usize).copied().unwrap_or("?");
    let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        match d {
            'a' => out.push_str(day.get(..3).unwrap_or(day)),
            'A' => out.push_str(day),
            'b' | 'h' => out.push_str(month.get(..3).unwrap_or(month)),
            'B' => out.push_str(month),
            'c' => out.push_str(&format_tm("%a %b %e %H:%M:%S %Y", tm)),
            'C' => push_num(&mut out, tm.year.div_euclid(100), 2, '0'),
            'd' => push_num(&mut out, tm.mday, 2, '0'),
            'D' | 'x' => out.push_str(&format_tm("%m/%d/%y", tm)),
            'e' => push_num(&mut out, tm.mday, 2, ' '),
            'F' => out.push_str(&format_tm("%Y-%m-%d", tm)),
            'G' => push_num(&mut out, iso_week(tm).0, 1, '0'),
            'g' => push_num(&mut out, iso_week(tm).0.rem_euclid(100), 2, '0'),
            'H' => push_num(&mut out, tm.hour, 2, '0'),
            'I' => push_num(&mut out, hour12, 2, '0'),
            'j' => push_num(&mut out, tm.yday, 3, '0'),
            'k' => push_num(&mut out, tm.hour, 2, ' '),
            'l' => push_num(&mut out, hour12, 2, ' '),
            'm' => push_num(&mut out, tm.mon, 2, '0'),
            'M' => push_num(&mut out, tm.min, 2, '0'),
            'n' => out.push('\n'),
            'p' => out.push_str(if tm.hour < 12 { "AM" } else { "PM" }),
            'P' => out.push_str(if tm.hour < 12 { "am" } else { "pm" }),
            'r' => out.push_str(&format_tm("%I:%M:%S %p", tm)),
            'R' => out.push_str(&format_tm("%H:%M", tm)),
            's' => {
                if let Some(s) = local_timestamp(tm) {
                    out.push_str(&s.to_string());
                }
            }
            'S' => push_num(&mut out, tm.sec, 2, '0'),
            't' => out.push('\t'),
            'T' | 'X' => out.push_str(&format_tm("%H:%M:%S", tm)),
            'u' => push_num(&mut out, tm.wday + 1, 1, '0'),
            'U' => push_num(&mut out, (tm.yday - 1 + 7 - (tm.wday + 1) % 7) / 7, 2, '0'),
            'V' => push_num(&mut out, iso_week(tm).1, 2, '0'),
            'w' => push_num(&mut out, (tm.wday + 1) % 7, 1, '0'),
            'W' => push_num(&mut out, (tm.yday - 1 + 7 - tm.wday) / 7, 2, '0'),
            'y' => push_num(&mut out, tm.year.rem_euclid(100), 2, '0'),
            'Y' => push_num(&mut out, tm.year, 1, '0'),
            'z' => {
                if tm.isdst >= 0 || tm.gmtoff.is_some() {
                    let off = tm.gmtoff.unwrap_or(0);
                    out.push(if off < 0 { '-' } else { '+' });
                    let a = off.abs() / 60;
                    push_num(&mut out, a / 60, 2, '0');
                    push_num(&mut out, a % 60, 2, '0');
                }
            }
            'Z' => match &tm.zone {
                Some(z) => out.push_str(z),
                None if tm.isdst >= 0 => {
                    let names = tznames();
                    out.push_str(if tm.isdst > 0 { &names.1 } else { &names.0 });
                }
                None => {}
            },
            '%' => out.push('%'),
            'E' | 'O' => match chars.peek().copied() {
                Some(
                    n @ ('c' | 'C' | 'x' | 'X' | 'y' | 'Y' | 'd' | 'e' | 'H' | 'I' | 'm' | 'M'
                    | 'S' | 'u' | 'U' | 'V' | 'w' | 'W'),
                ) => {
                    chars.next();
                    out.push_str(&format_tm(&format!("%{n}"), tm));
                }
                _ => {
                    out.push('%');
                    out.push(d);
                }
            },
            other => {
                out.push('%');
                out.push(other);
            }
        }
    }
    out
}

fn t_strftime(vm: &mut Vm, f: String, t: OptArg<Value>) -> PyResult<String> {
    let mut tm = match &t.0 {
        Some(t) => tm_arg(vm, t, "strftime")?,
        None => now_local(vm)?,
    };
    check_tm(vm, &mut tm, true)?;
    Ok(format_tm(&f, &tm))
}

fn asctime_text(tm: &Tm) -> String {
    let day = DAYS.get(tm.wday as usize).copied().unwrap_or("???");
    let month = MONTHS.get((tm.mon - 1) as usize).copied().unwrap_or("???");
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        day.get(..3).unwrap_or(day),
        month.get(..3).unwrap_or(month),
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

fn t_asctime(vm: &mut Vm, t: OptArg<Value>) -> PyResult<String> {
    let mut tm = match &t.0 {
        Some(t) => tm_arg(vm, t, "asctime")?,
        None => now_local(vm)?,
    };
    check_tm(vm, &mut tm, false)?;
    Ok(asctime_text(&tm))
}

fn t_ctime(vm: &mut Vm, secs: OptArg<Value>) -> PyResult<String> {
    let t = timestamp_arg(vm, secs)?;
    match local_tm(t) {
        Some(tm) => Ok(asctime_text(&tm)),
        None => Err(eoverflow(vm)),
    }
}

/// A str's repr for messages (single quotes unless the text has some).
fn quote(s: &str) -> String {
    if s.contains('\'') || s.contains('\\') || s.chars().any(char::is_control) {
        format!("{s:?}")
    } else {
        format!("'{s}'")
    }
}

/// Parses text with a `strptime` format (the common directives).
fn parse_tm(text: &str, fmt: &str) -> Result<Tm, String> {
    let t: Vec<char> = text.chars().collect();
    let f: Vec<char> = fmt.chars().collect();
    let (mut i, mut j) = (0usize, 0usize);
    let mut year = 1900i64;
    let (mut mon, mut mday, mut hour, mut min, mut sec) = (1i64, 1i64, 0i64, 0i64, 0i64);
    let mut yday: Option<i64> = None;
    let mut wday: Option<i64> = None;
    let mut pm: Option<bool> = None;
    let mut hour12: Option<i64> = None;
    let mut gmtoff: Option<i64> = None;
    let mismatch = || {
        format!(
            "time data {} does not match format {}",
            quote(text),
            quote(fmt)
        )
    };
    let num = |i: &mut usize, max: usize| -> Option<i64> {
        let start = *i;
        while *i < t.len() && *i - start < max && t[*i].is_ascii_digit() {
            *i += 1;
        }
        if *i == start {
            return None;
        }
        t[start..*i].iter().collect::<String>().parse().ok()
    };
    let word = |i: &mut usize, names: &[&str], full: bool| -> Option<i64> {
        let rest: String = t[*i..].iter().collect::<String>().to_lowercase();
        for (k, n) in names.iter().enumerate() {
            let n = n.to_lowercase();
            let cand = if full {
                n.clone()
            } else {
                n.get(..3).unwrap_or(&n).to_owned()
            };
            if rest.starts_with(&cand) {
                *i += cand.chars().count();
                return Some(k as i64);
            }
        }
        None
    };
    while j < f.len() {
        let c = f[j];
        if c.is_whitespace() {
            while i < t.len() && t[i].is_whitespace() {
                i += 1;
            }
            j += 1;
            continue;
        }
        if c != '%' {
            if i < t.len() && t[i] == c {
                i += 1;
                j += 1;
                continue;
            }
            return Err(mismatch());
        }
        let Some(&d) = f.get(j + 1) else {
            return Err(format!("stray % in format {}", quote(fmt)));
        };
        j += 2;
        let ok = match d {
            'Y' => num(&mut i, 4).map(|v| year = v),
            'y' => num(&mut i, 2).map(|v| year = if v < 69 { 2000 + v } else { 1900 + v }),
            'm' => num(&mut i, 2)
                .filter(|v| (1..=12).contains(v))
                .map(|v| mon = v),
            'd' => num(&mut i, 2)
                .filter(|v| (1..=31).contains(v))
                .map(|v| mday = v),
            'H' => num(&mut i, 2).filter(|v| *v <= 23).map(|v| hour = v),
            'I' => num(&mut i, 2)
                .filter(|v| (1..=12).contains(v))
                .map(|v| hour12 = Some(v)),
            'M' => num(&mut i, 2).filter(|v| *v <= 59).map(|v| min = v),
            'S' => num(&mut i, 2).filter(|v| *v <= 61).map(|v| sec = v),
            'f' => num(&mut i, 6).map(|_| ()),
            'j' => num(&mut i, 3)
                .filter(|v| (1..=366).contains(v))
                .map(|v| yday = Some(v)),
            'b' | 'h' => word(&mut i, &MONTHS, true)
                .or_else(|| word(&mut i, &MONTHS, false))
                .map(|v| mon = v + 1),
            'B' => word(&mut i, &MONTHS, true).map(|v| mon = v + 1),
            'a' => word(&mut i, &DAYS, true)
                .or_else(|| word(&mut i, &DAYS, false))
                .map(|v| wday = Some(v)),
            'A' => word(&mut i, &DAYS, true).map(|v| wday = Some(v)),
            'p' => word(&mut i, &["AM", "PM"], true).map(|v| pm = Some(v == 1)),
            'z' if t.get(i) == Some(&'Z') => {
                i += 1;
                gmtoff = Some(0);
                Some(())
            }
            'z' => {
                let sign = match t.get(i) {
                    Some('+') => Some(1),
                    Some('-') => Some(-1),
                    _ => None,
                };
                sign.and_then(|s| {
                    i += 1;
                    let h = num(&mut i, 2)?;
                    if t.get(i) == Some(&':') {
                        i += 1;
                    }
                    let m = num(&mut i, 2)?;
                    gmtoff = Some(s * (h * 3600 + m * 60));
                    Some(())
                })
            }
            '%' => {
                if t.get(i) == Some(&'%') {
                    i += 1;
                    Some(())
                } else {
                    None
                }
            }
            other => return Err(format!("'{other}' is a bad directive in format '%{other}'")),
        };
        if ok.is_none() {
            return Err(mismatch());
        }
    }
    if i < t.len() {
        let rest: String = t[i..].iter().collect();
        return Err(format!("unconverted data remains: {rest}"));
    }
    if let Some(h) = hour12 {
        hour = match pm {
            Some(true) => h % 12 + 12,
            _ => h % 12,
        };
    }
    let days_in =
        |y: i64, m: i64| days_from_civil(y + (m / 12), m % 12 + 1, 1) - days_from_civil(y, m, 1);
    if mday > days_in(year, mon) {
        return Err("day is out of range for month".into());
    }
    // A day of the year past the year's end runs into the next year.
    let (year, mon, mday) = match yday {
        Some(yd) => civil_from_days(days_from_civil(year, 1, 1) + yd - 1),
        None => (year, mon, mday),
    };
    let days = days_from_civil(year, mon, mday);
    Ok(Tm {
        year,
        mon,
        mday,
        hour,
        min,
        sec,
        wday: wday.unwrap_or((days + 3).rem_euclid(7)),
        yday: yday.unwrap_or(days - days_from_civil(year, 1, 1) + 1),
        isdst: -1,
        zone: None,
        gmtoff,
    })
}

/// `strptime(string, format=...)`: its type errors are `_strptime`'s
/// own ("argument 0 must be str, not <class 'int'>").
fn t_strptime(vm: &mut Vm, s: Value, f: OptArg<Value>) -> PyResult<Value> {
    let Some(text) = s.as_str().map(str::to_owned) else {
        return Err(vm.type_error(format!(
            "strptime() argument 0 must be str, not <class '{}'>",
            vm.type_name(&s)
        )));
    };
    let fmt = match &f.0 {
        Some(f) => match f.as_str() {
            Some(x) => x.to_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "strptime() argument 1 must be str, not <class '{}'>",
                    vm.type_name(f)
                )))
            }
        },
        None => "%a %b %d %H:%M:%S %Y".to_owned(),
    };
    match parse_tm(&text, &fmt) {
        Ok(tm) => tm_value(vm, &tm),
        Err(m) => Err(vm.value_error(m)),
    }
}

/// (standard, daylight) zone names and offsets west of UTC, from the
/// local time of January and July of this year, as CPython computes them.
fn zone_info() -> ((String, String), i64, i64) {
    let year = utc_tm(now().as_secs() as i64)
        .map(|t| t.year)
        .unwrap_or(1970);
    let jan = days_from_civil(year, 1, 1) * 86_400;
    let jul = days_from_civil(year, 7, 1) * 86_400;
    let (joff, _, jname) = local_offset(jan);
    let (loff, _, lname) = local_offset(jul);
    let (janzone, julzone) = (-joff, -loff);
    if janzone < julzone {
        // Southern hemisphere: daylight time in January.
        ((lname, jname), julzone, janzone)
    } else {
        ((jname, lname), janzone, julzone)
    }
}

fn tznames() -> (String, String) {
    zone_info().0
}

fn t_get_clock_info(vm: &mut Vm, name: String) -> PyResult<Value> {
    // The clocks behind these functions, named as on Linux.
    let (clock, monotonic) = match name.as_str() {
        "time" => ("CLOCK_REALTIME", false),
        "monotonic" | "perf_counter" => ("CLOCK_MONOTONIC", true),
        "process_time" => ("CLOCK_PROCESS_CPUTIME_ID", true),
        "thread_time" => ("CLOCK_THREAD_CPUTIME_ID", true),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let imp = vm.str_val(format!("clock_gettime({clock})"));
    Ok(vm.new_namespace(vec![
        ("implementation", imp),
        ("monotonic", Value::Bool(monotonic)),
        ("adjustable", Value::Bool(!monotonic)),
        ("resolution", Value::Float(1e-9)),
    ]))
}

/// Creates the `time` module.
pub fn make(vm: &mut Vm) -> PyResult<PyRef> {
    // gmtime, localtime, strftime, ctime and get_clock_info parse with
    // `PyArg_ParseTuple` in CPython (METH_VARARGS): its messages.
    let mut d = ModuleDef::new("time");
    d.function("time", t_time);
    d.function("time_ns", t_time_ns);
    d.function("monotonic", t_monotonic);
    d.function("monotonic_ns", mono_ns);
    d.function("perf_counter", t_monotonic);
    d.function("perf_counter_ns", mono_ns);
    d.function("process_time", t_process_time);
    d.function("process_time_ns", cpu_ns);
    d.function("thread_time", t_process_time);
    d.function("thread_time_ns", cpu_ns);
    d.function("sleep", t_sleep);
    d.function("gmtime", t_gmtime).tuple_style().unqualified();
    d.function("localtime", t_localtime)
        .tuple_style()
        .unqualified();
    d.function("mktime", t_mktime);
    d.function("strftime", t_strftime)
        .tuple_style()
        .unqualified();
    d.function("strptime", t_strptime).unqualified();
    d.function("asctime", t_asctime).unqualified();
    d.function("ctime", t_ctime).tuple_style().unqualified();
    d.function("get_clock_info", t_get_clock_info)
        .tuple_style()
        .unqualified();
    let m = d.build(vm)?;
    let st = vm.new_struct_seq_type_ext(
        "time",
        "struct_time",
        &[
            "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
            "tm_isdst",
        ],
        &["tm_zone", "tm_gmtoff"],
    )?;
    vm.extensions.insert(STRUCT_TIME, Box::new(st.clone()));
    vm.module_set(&m, "struct_time", Value::Obj(st));
    let ((std_name, dst_name), timezone, altzone) = zone_info();
    vm.module_set(&m, "timezone", Value::Int(timezone));
    vm.module_set(&m, "altzone", Value::Int(altzone));
    vm.module_set(&m, "daylight", Value::Int(i64::from(timezone != altzone)));
    let names = vec![vm.str_val(std_name), vm.str_val(dst_name)];
    let names = vm.new_tuple(names);
    vm.module_set(&m, "tzname", names);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trip() {
        for d in [-1_000_000, -719_468, -1, 0, 1, 11_016, 19_782, 2_932_896] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn utc_breakdown() {
        let tm = utc_tm(1_000_000_000)
            .map(|t| (t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.wday, t.yday));
        assert_eq!(tm, Some((2001, 9, 9, 1, 46, 40, 6, 252)));
        assert!(utc_tm(i64::MAX / 2).is_none());
    }

    #[test]
    fn iso_weeks() {
        // 2021-01-01 is a Friday in ISO week 53 of 2020.
        let tm = utc_tm(days_from_civil(2021, 1, 1) * 86_400);
        assert_eq!(tm.map(|t| iso_week(&t)), Some((2020, 53)));
    }
}
