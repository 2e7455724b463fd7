//! Records the commit and the day rolo was built from, for `rolo --version`. Outside a git
//! checkout (a source archive) both read "unknown".

use std::process::Command;

fn git(args: &[&str]) -> String {
    Command::new("git")
        .args(args)
        .output()
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

fn main() {
    println!(
        "cargo:rustc-env=ROLO_COMMIT={}",
        git(&["rev-parse", "--short=12", "HEAD"])
    );
    println!(
        "cargo:rustc-env=ROLO_COMMIT_DATE={}",
        git(&["log", "-1", "--format=%cs"])
    );
    // Built again when the checkout moves to another commit.
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");
    println!("cargo:rerun-if-changed=build.rs");
}
