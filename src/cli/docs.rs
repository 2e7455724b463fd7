//! What rolo prints about itself: the manual pages and the shell completions, both made from
//! the command line's own definition (so they never drift from `--help`).

use std::io::Write;
use std::path::Path;

use color_eyre::eyre::{Result, WrapErr};

use super::Cli;
use super::shown;

/// The manual page, from the same definition as `--help`.
pub fn man(folder: Option<&Path>) -> Result<()> {
    let command = <Cli as clap::CommandFactory>::command();
    let Some(folder) = folder else {
        clap_mangen::Man::new(command).render(&mut super::piped::stdout())?;
        return Ok(());
    };
    // Every page the main one refers to (rolo-today(1), rolo-add-contact(1), …) is written.
    std::fs::create_dir_all(folder)
        .wrap_err_with(|| format!("cannot make the folder {}", shown(folder)))?;
    clap_mangen::generate_to(command, folder)
        .wrap_err_with(|| format!("cannot write the pages in {}", shown(folder)))?;
    eprintln!(
        "Wrote the manual pages in {} (if `man rolo` does not find them, add its parent \
         folder to MANPATH)",
        shown(folder)
    );
    Ok(())
}

pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut command = <Cli as clap::CommandFactory>::command();
    // Made in memory first: clap_complete panics when its writer fails (a closed pipe, a full
    // disk); rolo says so instead, or stops quietly when the reader has gone.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "rolo", &mut script);
    let mut out = super::piped::stdout();
    out.write_all(&script)?;
    if shell == clap_complete::Shell::Fish {
        // Fish's generated script completes no positional values: the formats and shells
        // are offered here, where a file would otherwise be.
        let import = value_names::<super::args::ImportFormat>();
        let export = value_names::<super::args::ExportFormat>();
        for (sub, words) in [
            ("import", import),
            ("export", export),
            ("completions", "bash zsh fish elvish powershell".to_string()),
        ] {
            writeln!(
                out,
                "complete -c rolo -n \"__fish_rolo_using_subcommand {sub}; and test (count (commandline -opc)) -eq 2\" -f -a \"{words}\""
            )?;
        }
    }
    Ok(out.flush()?)
}

/// The names a value of `T` is typed as ("linkedin csv json vcard").
fn value_names<T: clap::ValueEnum>() -> String {
    T::value_variants()
        .iter()
        .filter_map(clap::ValueEnum::to_possible_value)
        .map(|v| v.get_name().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}
