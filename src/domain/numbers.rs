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
    }
}
