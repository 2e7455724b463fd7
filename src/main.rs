use std::process::ExitCode;

fn main() -> ExitCode {
    // A file-size limit (`ulimit -f`) reached while writing is an error to report like a full
    // disk, with the half-written file taken away, not a signal that kills rolo on the spot
    // and leaves it behind.
    // SAFETY: ignoring a signal at start, before any thread exists, has no preconditions.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    // color-eyre first, so that the TUI's panic hook (installed later) wraps it and both run.
    if let Err(report) = color_eyre::install() {
        eprintln!("rolo: {report}");
    }
    match rolo::cli::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(report) => {
            let causes: Vec<String> = report
                .chain()
                .map(|cause| rolo::domain::sanitize::multiline(&cause.to_string()))
                .collect();
            eprintln!("rolo: {}", causes.join(": "));
            ExitCode::FAILURE
        }
    }
}
