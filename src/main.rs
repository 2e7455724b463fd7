use std::process::ExitCode;

fn main() -> ExitCode {
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
