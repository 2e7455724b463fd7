//! Contacts and what hangs off them: organisations found or created by name, lookups by name,
//! referrals, and quick capture (`rolo add`).

use rusqlite::Connection;

use super::contact_save::{ContactSave, Referrer, Workplace};
use super::record::{self, select};
use super::{Store, StoreError, StoreResult};
use crate::domain::email::looks_like_email;
use crate::domain::{
    Contact, FollowUp, FollowUpKind, Id, Interaction, Interview, Meta, Organization, Tag,
    Timestamp, limits, sanitize,
};

/// What quick capture knows about a new contact. Every field is cleaned before it is stored.
#[derive(Debug, Clone, Default)]
pub struct NewContact {
    pub name: String,
    pub organization: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub linkedin: String,
    pub referred_by: Option<String>,
}

impl NewContact {
    /// Checks the fields and says what is wrong with the first bad one.
    pub fn validate(&self) -> Result<(), String> {
        limits::ContactLines {
            name: &self.name,
            organization: &self.organization,
            title: &self.title,
            email: &self.email,
            phone: &self.phone,
            linkedin: &self.linkedin,
            location: "",
            how_met: "",
        }
        .check()?;
        if sanitize::line(&self.name).is_empty() {
            return Err("a name is required".into());
        }
        let email = sanitize::line(&self.email);
        if !email.is_empty() && !looks_like_email(&email) {
            return Err(format!(
                "{email:?} does not look like an email address (name@example.com)"
            ));
        }
        let linkedin = sanitize::line(&self.linkedin);
        if !linkedin.is_empty() && !linkedin.contains("linkedin.com/") {
            return Err(format!(
                "{linkedin:?} is not a LinkedIn profile address (https://www.linkedin.com/in/…)"
            ));
        }
        Ok(())
    }
}

/// The live organisation with this name (any case), created if there is none.
pub fn organization_named(conn: &Connection, name: &str, now: Timestamp) -> StoreResult<Id> {
    let found: Vec<Organization> = select(
        conn,
        "name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY created_at LIMIT 1",
        &[&name],
    )?;
    if let Some(org) = found.into_iter().next() {
        return Ok(org.meta.id);
    }
    let org = Organization {
        meta: Meta::new(now),
        name: name.to_string(),
        website: String::new(),
        notes: String::new(),
    };
    record::insert(conn, &org)?;
    Ok(org.meta.id)
}

/// Tags a contact inside a transaction the caller holds.
pub fn tag_contact(conn: &Connection, contact: Id, name: &str, now: Timestamp) -> StoreResult<()> {
    let name = sanitize::line(name);
    if name.is_empty() {
        return Err(StoreError::Invalid("a tag needs a name".into()));
    }
    let found: Vec<Tag> = select(
        conn,
        "name = ? COLLATE NOCASE AND deleted_at IS NULL LIMIT 1",
        &[&name],
    )?;
    let tag = match found.into_iter().next() {
        Some(tag) => tag.meta.id,
        None => {
            let tag = Tag {
                meta: Meta::new(now),
                name,
            };
            record::insert(conn, &tag)?;
            tag.meta.id
        }
    };
    conn.prepare_cached(
        "INSERT INTO contact_tags (contact_id, tag_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) \
         ON CONFLICT (contact_id, tag_id) DO UPDATE SET deleted_at = NULL, updated_at = ?3",
    )?
    .execute(rusqlite::params![contact, tag, now])?;
    Ok(())
}

/// Exactly one live contact called `name` (any case); otherwise an error that says what to do.
pub(super) fn one_contact_named(conn: &Connection, name: &str) -> StoreResult<Contact> {
    // An id names one of two namesakes, which no name can.
    if let Ok(id) = name.trim().parse::<Id>() {
        let contact: Contact = record::get(conn, id)?;
        if contact.meta.deleted_at.is_none() {
            return Ok(contact);
        }
    }
    let mut found: Vec<Contact> = select(
        conn,
        "name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY created_at LIMIT 5",
        &[&name],
    )?;
    if found.is_empty() {
        found = select(
            conn,
            "instr(lower(name), lower(?)) > 0 AND deleted_at IS NULL ORDER BY name LIMIT 5",
            &[&name],
        )?;
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(StoreError::Invalid(format!(
            "no contact is called {name:?}; check the spelling, or add them first with `rolo add contact --name`"
        ))),
        _ => {
            // Namesakes are told apart by id: each is listed with one.
            let listed: Vec<String> = found
                .iter()
                .map(|c| format!("{} ({})", c.name, c.meta.id))
                .collect();
            Err(StoreError::Invalid(format!(
                "{name:?} matches more than one contact: {}; give the full name, or the id",
                listed.join(", ")
            )))
        }
    }
}

impl Store {
    /// Adds a contact from quick capture, with its organisation and referrer, and notes it on
    /// the timeline.
    pub fn add_contact(&self, new: &NewContact, now: Timestamp) -> StoreResult<Contact> {
        new.validate().map_err(StoreError::Invalid)?;
        let mut contact = Contact::named(&sanitize::line(&new.name), now);
        contact.title = sanitize::line(&new.title);
        contact.email = sanitize::line(&new.email);
        contact.phone = sanitize::line(&new.phone);
        contact.linkedin = sanitize::line(&new.linkedin);
        let referrer = new
            .referred_by
            .as_deref()
            .map(sanitize::line)
            .filter(|r| !r.is_empty());
        let save = ContactSave {
            contact,
            workplace: Workplace::Named(new.organization.clone()),
            referrer: referrer.map_or(Referrer::AsIs, Referrer::Named),
            tags: None,
            read_at: None,
            is_new: true,
        };
        let id = self.save_contact(save, now)?;
        self.get(id)
    }

    /// Adds a custom follow-up for the contact called `contact_name`.
    pub fn add_follow_up(
        &self,
        contact_name: &str,
        title: &str,
        due_at: Timestamp,
        now: Timestamp,
    ) -> StoreResult<FollowUp> {
        let title = sanitize::line(title);
        if title.is_empty() {
            return Err(StoreError::Invalid(
                "a title is required (what is there to do?)".into(),
            ));
        }
        self.write(|tx| {
            let contact = one_contact_named(tx, &sanitize::line(contact_name))?;
            let mut follow_up = FollowUp::new(FollowUpKind::Custom, &title, due_at, now);
            follow_up.contact_id = Some(contact.meta.id);
            record::insert(tx, &follow_up)?;
            Ok(follow_up)
        })
    }

    /// The one live contact called `name`, or an error saying why not.
    /// Every live contact called exactly `name` (any case), oldest first.
    pub fn contacts_called(&self, name: &str) -> StoreResult<Vec<Contact>> {
        select(
            self.conn(),
            "name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY created_at LIMIT 50",
            &[&name],
        )
    }

    pub fn contact_named(&self, name: &str) -> StoreResult<Contact> {
        one_contact_named(self.conn(), name)
    }

    /// Tags a contact, creating the tag if it is new (names match in any case).
    pub fn tag_contact(&self, contact: Id, tag: &str, now: Timestamp) -> StoreResult<()> {
        self.write(|tx| tag_contact(tx, contact, tag, now))
    }

    /// A contact's tags, by name.
    pub fn tags_of(&self, contact: Id) -> StoreResult<Vec<String>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id \
             WHERE ct.contact_id = ? AND ct.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map([contact], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A live contact, other than `except`, that looks like the one described: the same email,
    /// the same LinkedIn profile, or the same name at the same organisation.
    pub fn find_duplicate(
        &self,
        except: Option<Id>,
        name: &str,
        organization: &str,
        email: &str,
        linkedin: &str,
    ) -> StoreResult<Option<(Contact, &'static str)>> {
        // A fresh id matches nothing, so "no exception" needs no second query.
        let not = except.unwrap_or_default();
        let checks: [(&str, &str, Vec<&dyn rusqlite::ToSql>); 3] = [
            (
                "the same email",
                "email = ?1 COLLATE NOCASE AND ?1 <> ''",
                vec![&email],
            ),
            (
                "the same LinkedIn profile",
                "linkedin = ?1 AND ?1 <> ''",
                vec![&linkedin],
            ),
            // Two different profile addresses are two people, namesakes or not.
            (
                "the same name and organisation",
                "name = ?1 COLLATE NOCASE AND ?2 <> '' AND organization_id IN \
                 (SELECT id FROM organizations WHERE name = ?2 COLLATE NOCASE AND deleted_at IS NULL) \
                 AND (?3 = '' OR linkedin = '' OR linkedin = ?3)",
                vec![&name, &organization, &linkedin],
            ),
        ];
        for (why, condition, mut params) in checks {
            let next = params.len() + 1;
            params.push(&not);
            let clause = format!("{condition} AND id <> ?{next} AND deleted_at IS NULL LIMIT 1");
            if let Some(found) = select::<Contact>(self.conn(), &clause, &params)?
                .into_iter()
                .next()
            {
                return Ok(Some((found, why)));
            }
        }
        Ok(None)
    }

    /// Replaces a contact's tags with `names` (inside the caller's transaction).
    pub fn set_tags(
        tx: &Connection,
        contact: Id,
        names: &[String],
        now: Timestamp,
    ) -> StoreResult<()> {
        tx.execute(
            "UPDATE contact_tags SET deleted_at = ?1, updated_at = ?1 WHERE contact_id = ?2 AND deleted_at IS NULL",
            rusqlite::params![now, contact],
        )?;
        for name in names {
            tag_contact(tx, contact, name, now)?;
        }
        Ok(())
    }

    /// Logs a touch with a contact, and moves their keep-in-touch follow-ups on to
    /// `keep_in_touch_days` after it: touching base is what keeping in touch asks for.
    pub fn log_touch(&self, touch: &Interaction, keep_in_touch_days: u32) -> StoreResult<()> {
        self.write(|tx| {
            record::insert(tx, touch)?;
            let due = touch.occurred_at.plus(chrono::Duration::days(i64::from(keep_in_touch_days)));
            tx.execute(
                "UPDATE follow_ups SET due_at = max(due_at, ?1), updated_at = ?2 \
                 WHERE contact_id = ?3 AND kind = 'keep_in_touch' AND done_at IS NULL AND deleted_at IS NULL",
                rusqlite::params![due, touch.meta.updated_at, touch.contact_id],
            )?;
            Ok(())
        })
    }

    /// The contacts this one referred.
    pub fn referrals_of(&self, contact: Id) -> StoreResult<Vec<Contact>> {
        select(
            self.conn(),
            "referred_by = ? AND deleted_at IS NULL ORDER BY name",
            &[&contact],
        )
    }

    pub fn interviews_of(&self, contact: Id) -> StoreResult<Vec<Interview>> {
        select(
            self.conn(),
            "contact_id = ? AND deleted_at IS NULL ORDER BY created_at DESC",
            &[&contact],
        )
    }

    /// Open follow-ups about one contact, soonest first.
    pub fn open_follow_ups_of(&self, contact: Id) -> StoreResult<Vec<FollowUp>> {
        select(
            self.conn(),
            "contact_id = ? AND done_at IS NULL AND deleted_at IS NULL ORDER BY due_at",
            &[&contact],
        )
    }

    /// The newest `limit` timeline entries of one contact, newest first.
    pub fn timeline_of(&self, contact: Id, limit: u64) -> StoreResult<Vec<Interaction>> {
        select(
            self.conn(),
            "contact_id = ? AND deleted_at IS NULL ORDER BY occurred_at DESC, id DESC LIMIT ?",
            &[&contact, &limit],
        )
    }
}
