//! Each record kind's table and columns. Flat records, whose fields are named as their
//! columns, are declared by `flat_record!`; the interview, whose evaluation is nested, by hand.

use rusqlite::{Row, ToSql};

use super::{FIRST_COLUMN, Record, read_meta};
use crate::domain::{
    Contact, Evaluation, FollowUp, Interaction, Interview, InterviewQuestion, Meeting, Meta,
    Organization, Question, QuestionList, Tag,
};

macro_rules! flat_record {
    ($type:ty, $table:literal, $noun:literal, $label:literal, [$($field:ident),+ $(,)?]) => {
        impl Record for $type {
            const TABLE: &'static str = $table;
            const NOUN: &'static str = $noun;
            const LABEL: &'static str = $label;
            const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),+];

            fn meta(&self) -> &Meta {
                &self.meta
            }

            fn meta_mut(&mut self) -> &mut Meta {
                &mut self.meta
            }

            fn values(&self) -> Vec<&dyn ToSql> {
                vec![$(&self.$field),+]
            }

            fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
                let mut column = FIRST_COLUMN;
                let mut next = || {
                    column += 1;
                    column - 1
                };
                Ok(Self { meta: read_meta(row)?, $($field: row.get(next())?),+ })
            }
        }
    };
}

flat_record!(
    Organization,
    "organizations",
    "organisation",
    "name",
    [name, website, notes]
);
flat_record!(
    Contact,
    "contacts",
    "contact",
    "name",
    [
        name,
        title,
        organization_id,
        email,
        phone,
        linkedin,
        location,
        how_met,
        referred_by,
        keep_in_touch_days,
        notes,
    ]
);
flat_record!(Tag, "tags", "tag", "name", [name]);
flat_record!(
    Meeting,
    "meetings",
    "meeting",
    "place",
    [
        interview_id,
        starts_at,
        duration_minutes,
        mode,
        place,
        status,
        notes,
    ]
);
flat_record!(
    QuestionList,
    "question_lists",
    "question list",
    "name",
    [name, description]
);
flat_record!(
    Question,
    "questions",
    "question",
    "text",
    [list_id, position, text]
);
flat_record!(
    InterviewQuestion,
    "interview_questions",
    "interview question",
    "text",
    [interview_id, question_id, position, text, asked, answer,]
);
flat_record!(
    FollowUp,
    "follow_ups",
    "follow-up",
    "title",
    [
        contact_id,
        interview_id,
        kind,
        title,
        notes,
        due_at,
        done_at,
        snoozed_count,
    ]
);
flat_record!(
    Interaction,
    "interactions",
    "timeline entry",
    "summary",
    [contact_id, interview_id, kind, summary, body, occurred_at,]
);

impl Record for Interview {
    const TABLE: &'static str = "interviews";
    const NOUN: &'static str = "interview";
    const LABEL: &'static str = "objective";
    const COLUMNS: &'static [&'static str] = &[
        "contact_id",
        "stage",
        "outcome",
        "objective",
        "found_via",
        "channel",
        "requested_at",
        "minutes_asked",
        "reply_status",
        "replied_at",
        "redirected_to",
        "nudges_sent",
        "key_points",
        "eval_skills",
        "eval_qualify",
        "eval_enjoy",
        "eval_pay",
        "eval_organization",
        "eval_field_needs",
        "eval_new_ideas",
        "offered_reference",
        "offered_resume_review",
        "may_contact_again",
        "evaluated_at",
        "thanked_at",
        "thank_you_channel",
        "thank_you_text",
        "closed_at",
        "nudged_at",
        "write_up_skipped",
        "progress_sent_at",
        "snoozed_step",
        "snoozed_until",
        "draft",
        "draft_for",
        "heard_back_at",
        "mailed_at",
    ];

    fn meta(&self) -> &Meta {
        &self.meta
    }

    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }

    fn values(&self) -> Vec<&dyn ToSql> {
        let e = &self.evaluation;
        vec![
            &self.contact_id,
            &self.stage,
            &self.outcome,
            &self.objective,
            &self.found_via,
            &self.channel,
            &self.requested_at,
            &self.minutes_asked,
            &self.reply_status,
            &self.replied_at,
            &self.redirected_to,
            &self.nudges_sent,
            &e.key_points,
            &e.skills,
            &e.qualify,
            &e.enjoy,
            &e.pay,
            &e.organization,
            &e.field_needs,
            &e.new_ideas,
            &e.offered_reference,
            &e.offered_resume_review,
            &e.may_contact_again,
            &self.evaluated_at,
            &self.thanked_at,
            &self.thank_you_channel,
            &self.thank_you_text,
            &self.closed_at,
            &self.nudged_at,
            &self.write_up_skipped,
            &self.progress_sent_at,
            &self.snoozed_step,
            &self.snoozed_until,
            &self.draft,
            &self.draft_for,
            &self.heard_back_at,
            &self.mailed_at,
        ]
    }

    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        // Columns in the order of COLUMNS, after the bookkeeping ones.
        let mut column = FIRST_COLUMN;
        let mut next = || {
            column += 1;
            column - 1
        };
        Ok(Interview {
            meta: read_meta(row)?,
            contact_id: row.get(next())?,
            stage: row.get(next())?,
            outcome: row.get(next())?,
            objective: row.get(next())?,
            found_via: row.get(next())?,
            channel: row.get(next())?,
            requested_at: row.get(next())?,
            minutes_asked: row.get(next())?,
            reply_status: row.get(next())?,
            replied_at: row.get(next())?,
            redirected_to: row.get(next())?,
            nudges_sent: row.get(next())?,
            evaluation: Evaluation {
                key_points: row.get(next())?,
                skills: row.get(next())?,
                qualify: row.get(next())?,
                enjoy: row.get(next())?,
                pay: row.get(next())?,
                organization: row.get(next())?,
                field_needs: row.get(next())?,
                new_ideas: row.get(next())?,
                offered_reference: row.get(next())?,
                offered_resume_review: row.get(next())?,
                may_contact_again: row.get(next())?,
            },
            evaluated_at: row.get(next())?,
            thanked_at: row.get(next())?,
            thank_you_channel: row.get(next())?,
            thank_you_text: row.get(next())?,
            closed_at: row.get(next())?,
            nudged_at: row.get(next())?,
            write_up_skipped: row.get(next())?,
            progress_sent_at: row.get(next())?,
            snoozed_step: row.get(next())?,
            snoozed_until: row.get(next())?,
            draft: row.get(next())?,
            draft_for: row.get(next())?,
            heard_back_at: row.get(next())?,
            mailed_at: row.get(next())?,
        })
    }
}
