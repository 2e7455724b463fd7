//! Numbers as people read them.

/// 30000 → "30,000".
pub fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Counts shown to people stop here ("1,000+"): counting further reads pages in proportion to
/// what is counted, and tells nobody anything more.
pub const COUNT_CAP: u64 = 1_000;

/// A count made up to `COUNT_CAP`: "1,000+" once it reaches it.
pub fn capped(n: u64) -> String {
    if n >= COUNT_CAP {
        format!("{}+", group(COUNT_CAP as usize))
    } else {
        n.to_string()
    }
}

/// `n` and the noun, in the singular for one: "1 day", "3 days", "2 people".
pub fn count(n: i64, noun: &str) -> String {
    if n == 1 || n == -1 {
        return format!("{n} {noun}");
    }
    match noun {
        "person" => format!("{n} people"),
        _ => format!("{n} {noun}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular() {
        assert_eq!(count(1, "day"), "1 day");
        assert_eq!(count(0, "day"), "0 days");
        assert_eq!(count(14, "day"), "14 days");
        assert_eq!(count(2, "person"), "2 people");
        assert_eq!(count(1, "person"), "1 person");
        assert_eq!(group(30_000), "30,000");
        assert_eq!(capped(999), "999");
        assert_eq!(capped(COUNT_CAP), "1,000+");
    }
}
