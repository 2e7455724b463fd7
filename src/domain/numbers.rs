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

/// `n` and the noun, in the singular for one: "1 day", "3 days" (nouns that take an s).
pub fn count(n: i64, noun: &str) -> String {
    if n == 1 || n == -1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
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
        assert_eq!(group(30_000), "30,000");
    }
}
