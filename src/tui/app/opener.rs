//! Opening a contact's link (`Contact::link`) with the system's opener (`xdg-open` on Linux,
//! `open` on macOS). Only http, https and mailto links are ever handed over, so a field holding
//! something else cannot start a program.

use crate::tui::data::loaded::Loaded;

/// How long the opener is given to say it failed (it normally hands the link on and ends at
/// once): long enough to catch "no handler", short enough not to be felt.
const A_MOMENT: std::time::Duration = std::time::Duration::from_millis(300);

/// Hands `link` to the system's opener and says what happened: opened, failed (with the
/// opener's exit), or still at it after a moment (a browser starting).
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
    let mut child = match started {
        Ok(child) => child,
        Err(e) => return Loaded::Failed(format!("Could not open {link} ({opener}: {e})")),
    };
    let since = std::time::Instant::now();
    while since.elapsed() < A_MOMENT {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => {
                return Loaded::Changed(format!("Opened {link}"));
            }
            Ok(Some(status)) => {
                return Loaded::Failed(format!(
                    "Could not open {link}: {opener} failed ({status})"
                ));
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(20)),
            Err(_) => break,
        }
    }
    // Still running: reaped when it ends, in the background.
    std::thread::spawn(move || child.wait());
    Loaded::Changed(format!("Opening {link}"))
}

/// Where to reach `contact` in one step (their LinkedIn page, an email, else their
/// organisation's website), or why there is nowhere.
pub fn link_of(
    contact: &crate::domain::Contact,
    organization: Option<&crate::domain::Organization>,
) -> Result<String, String> {
    if let Some(link) = contact.link() {
        return Ok(link);
    }
    if let Some(site) = organization.and_then(|o| crate::domain::website_page(&o.website)) {
        return Ok(site);
    }
    Err(
        if contact.linkedin.trim().is_empty() && !contact.email.trim().is_empty() {
            format!(
                "{}'s email field does not hold a plain address (name@example.com): e fixes it",
                contact.name
            )
        } else if contact.linkedin.trim().is_empty() {
            format!(
                "No LinkedIn page, email or website for {} yet: e adds one",
                contact.name
            )
        } else {
            format!(
                "{}'s LinkedIn field does not hold a profile address (linkedin.com/in/…): e fixes it",
                contact.name
            )
        },
    )
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
        // What an import may put in the fields never becomes a link.
        for odd in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "--help",
            "linkedin.com/in/a b",
        ] {
            ada.linkedin = odd.into();
            ada.email = "a@b.c?subject=hi&body=x".into();
            assert_eq!(ada.link(), None, "{odd}");
        }
        let mut org = crate::domain::Organization {
            meta: crate::domain::Meta::new(crate::domain::Clock::system().timestamp()),
            name: "Engines".into(),
            website: "engines.example".into(),
            notes: String::new(),
        };
        assert_eq!(
            link_of(&ada, Some(&org)).as_deref(),
            Ok("https://engines.example")
        );
        org.website = "javascript:alert(1)".into();
        assert!(
            link_of(&ada, Some(&org))
                .unwrap_err()
                .contains("LinkedIn field")
        );
    }
}
