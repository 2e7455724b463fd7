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
    pack_relocations();
}

/// The binary is position-independent, so before `main` the loader patches every pointer in
/// its tables: about 39,000 of them, a millisecond of every start (`LD_DEBUG=statistics`).
/// Packed relative relocations (DT_RELR; glibc 2.36 and later) cut that to a fifth, and the
/// binary keeps its randomised address.
fn pack_relocations() {
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    if target("CARGO_CFG_TARGET_OS") == "linux" && target("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
