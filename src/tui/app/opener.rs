//! Opening a contact's link (`Contact::link`) with the system's opener (`xdg-open` on Linux,
//! `open` on macOS). Only http, https and mailto links are ever handed over, so a field holding
//! something else cannot start a program.

use crate::tui::data::loaded::Loaded;

/// Hands `link` to the system's opener, without waiting for it; says what happened.
pub fn open(link: &str) -> Loaded {
    let safe = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| link.starts_with(scheme));
    if !safe || link.chars().any(char::is_control) {
        return Loaded::Failed(format!("Not opened: {link} is not a web or mail link"));
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(opener)
        .arg(link)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match started {
        Ok(_) => Loaded::Changed(format!("Opened {link}")),
        Err(e) => Loaded::Failed(format!("Could not open {link} ({opener}: {e})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_links() {
        let mut ada =
            crate::domain::Contact::named("Ada", crate::domain::Clock::system().timestamp());
        assert_eq!(ada.link(), None);
        ada.email = "ada@example.com".into();
        assert_eq!(ada.link().as_deref(), Some("mailto:ada@example.com"));
        ada.linkedin = "www.linkedin.com/in/ada".into();
        assert_eq!(
            ada.link().as_deref(),
            Some("https://www.linkedin.com/in/ada")
        );
        assert!(matches!(open("file:///etc/passwd"), Loaded::Failed(_)));
        assert!(matches!(open("javascript:alert(1)"), Loaded::Failed(_)));
    }
}
