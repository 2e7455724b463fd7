//! The arguments that can only mean opening the app, read without clap. Building clap's
//! command (every subcommand, its arguments and their help) took 0.1 ms (`perf stat`, more at
//! start-up beside the other threads), and it came before the database began to open: on the
//! way to the first frame.
//! Only the app's own flags are read here, each once (`--db PATH` or `--db=PATH`, `--demo`,
//! `--review`, `--no-mouse`); anything else, or anything unusual (a repeated flag, a value that
//! looks like a flag, text that is not UTF-8), goes to clap, which says what is wrong with it.

use std::ffi::OsString;
use std::path::PathBuf;

use super::Cli;

/// `Cli` for arguments that only open the app; `None` for clap to parse.
pub fn app_only(args: impl IntoIterator<Item = OsString>) -> Option<Cli> {
    let mut cli = Cli {
        db: None,
        demo: false,
        review: false,
        no_mouse: false,
        command: None,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let flag = match arg.to_str()? {
            "--demo" => &mut cli.demo,
            "--review" => &mut cli.review,
            "--no-mouse" => &mut cli.no_mouse,
            "--db" => {
                let path = args.next()?;
                set_db(&mut cli, path)?;
                continue;
            }
            other => {
                set_db(&mut cli, OsString::from(other.strip_prefix("--db=")?))?;
                continue;
            }
        };
        if *flag {
            return None;
        }
        *flag = true;
    }
    Some(cli)
}

/// The database named once, by a path clap would take as one.
fn set_db(cli: &mut Cli, path: OsString) -> Option<()> {
    let looks_like_a_flag = path.as_encoded_bytes().first().is_none_or(|b| *b == b'-');
    if cli.db.is_some() || looks_like_a_flag {
        return None;
    }
    cli.db = Some(PathBuf::from(path));
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// What both readings make of `args`, as text to compare.
    fn shape(cli: &Cli) -> String {
        format!(
            "db={:?} demo={} review={} no_mouse={} command={}",
            cli.db,
            cli.demo,
            cli.review,
            cli.no_mouse,
            cli.command.is_some()
        )
    }

    #[test]
    fn whatever_it_reads_clap_reads_the_same() {
        let words = [
            "--db",
            "a.db",
            "--db=b.db",
            "--db=",
            "-",
            "--demo",
            "--review",
            "--no-mouse",
            "today",
            "--help",
            "-h",
            "--version",
            "--dbx",
            "--review=1",
            "x y.db",
            "",
        ];
        let mut read_here = 0;
        // Every sequence of up to four of the words.
        let mut sequences: Vec<Vec<&str>> = vec![vec![]];
        for _ in 0..4 {
            let longer: Vec<Vec<&str>> = sequences
                .iter()
                .filter(|s| s.len() == sequences.last().map_or(0, Vec::len))
                .flat_map(|s| {
                    words.iter().map(move |w| {
                        let mut next = s.clone();
                        next.push(*w);
                        next
                    })
                })
                .collect();
            sequences.extend(longer);
        }
        for args in &sequences {
            let Some(here) = app_only(args.iter().map(OsString::from)) else {
                continue;
            };
            read_here += 1;
            let clap = Cli::try_parse_from(std::iter::once("rolo").chain(args.iter().copied()))
                .unwrap_or_else(|e| panic!("{args:?}: read here, refused by clap: {e}"));
            assert_eq!(shape(&here), shape(&clap), "{args:?}");
        }
        assert!(read_here > 100, "only {read_here} read here");
        assert!(app_only(["today".into()]).is_none());
        assert!(app_only(["--db".into(), "a.db".into(), "--db".into(), "b.db".into()]).is_none());
    }
}
