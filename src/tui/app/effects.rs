//! Carrying out one effect against the store, and the two that need more than one call.

use crate::tui::app::*;
use crate::tui::data::saved::{Before, Saved};

impl App {
    /// One effect against the store; its result, if it has one.
    pub(super) fn apply(&mut self, effect: Effect) -> Option<Loaded> {
        if let Some(why) = self.store.read_only_reason()
            && effect.writes()
        {
            return Some(Loaded::Failed(format!("Read-only: {why}")));
        }
        let clock = self.clock();
        let result = match effect {
            Effect::SaveForm(_)
            | Effect::Trash(_)
            | Effect::UndoDelete
            | Effect::Restore(_)
            | Effect::TakeStep { .. }
            | Effect::SaveQuestion(_)
            | Effect::AddQuestion { .. }
            | Effect::SwapQuestions(..)
            | Effect::ReviewDone(_)
            | Effect::ReviewSnooze { .. }
            | Effect::ReviewSnoozeStep { .. }
            | Effect::ReviewPutBack(_)
            | Effect::CopyToClipboard(_)
            | Effect::OpenLinkOf(_)
            | Effect::OpenAddress(_)
            | Effect::RunImport { .. }
            | Effect::EditExternally(_) => self.change(effect, &clock)?,
            other => self.read(other, &clock)?,
        };
        Some(result.unwrap_or_else(|e| {
            if e.is_damage() {
                // Damage found while reading: nothing more is written to the file, from now on
                // and on the next start, and the screen says why its lists may be empty.
                crate::store::health::note_damage(self.store.path(), &e.to_string());
                self.store.refuse_writes(crate::store::DAMAGED);
                return Loaded::Damaged(format!("Read-only: {}", crate::store::DAMAGED));
            }
            match e {
                // A step or change the store refused: its reason, as it says it.
                crate::store::StoreError::Invalid(why) => {
                    Loaded::Failed(format!("Not done: {why}"))
                }
                e => Loaded::Failed(format!("Could not read the database: {e}")),
            }
        }))
    }

    /// An effect that reads: a screen, a pane, a form to fill, the search.
    fn read(&mut self, effect: Effect, clock: &Clock) -> Option<StoreResult<Loaded>> {
        let clock = *clock;
        Some(match effect {
            Effect::ReloadHome {
                meetings,
                follow_ups,
            } => load::home(&self.store, &clock, (meetings, follow_ups))
                .map(|d| Loaded::Home(Box::new(d))),
            Effect::GrowPane {
                pane: Pane::Meetings,
                limit,
            } => load::meetings(&self.store, &clock, limit).map(Loaded::Meetings),
            Effect::GrowPane {
                pane: Pane::FollowUps,
                limit,
            } => load::follow_ups(&self.store, &clock, limit).map(Loaded::FollowUps),
            Effect::GrowPane { .. } => return None,
            Effect::FetchContacts { fetch, total } => load::contacts(&self.store, &fetch, total)
                .map(|rows| Loaded::Contacts { fetch, rows }),
            Effect::LoadContactIndex { after, first } => {
                load::contact_index_chunk(&self.store, after.as_ref(), first)
            }
            Effect::OpenContact(id) => {
                load::contact(&self.store, id, &clock).map(|d| Loaded::Contact(Box::new(d)))
            }
            Effect::OpenInterview(id) => {
                crate::tui::data::load_interview::interview(&self.store, id, &clock)
                    .map(|v| Loaded::Interview(Box::new(v)))
            }
            Effect::LoadPipeline { limit } => {
                load::pipeline(&self.store, limit, &clock).map(Loaded::Pipeline)
            }
            Effect::OpenQuestionList(id) => {
                load::question_list(&self.store, id).map(Loaded::QuestionList)
            }
            Effect::OpenForm(request) => {
                load_form::form(&self.store, &request, &clock, &self.settings)
            }
            Effect::OpenTrash => self.store.trash_rows(TRASH_SHOWN).map(Loaded::Trash),
            Effect::PreviewImport { format, file } => Ok(
                match crate::tui::data::import::dry_run(
                    &self.store,
                    format,
                    &file,
                    &clock,
                    &mut |_, _| std::ops::ControlFlow::Continue(()),
                ) {
                    Ok(preview) => Loaded::Saved(save::Saved::ImportPreview(Box::new(preview))),
                    Err(e) => Loaded::Failed(format!("The file cannot be previewed again: {e}")),
                },
            ),
            Effect::OpenSearch => self.store.sync_search().map(|_| Loaded::SearchOpened),
            // Small steps (a few milliseconds each), so keys are never kept waiting; an index that
            // cannot be written counts as done (the search says what it finds).
            Effect::IndexSearch => Ok(Loaded::SearchIndexed(
                self.store
                    .sync_search_step(SEARCH_STEP_ROWS)
                    .map_or(true, |(_, done)| done),
            )),
            Effect::Search(query) => self
                .store
                .search(&query)
                .map(|hits| Loaded::SearchResults(query, hits)),
            Effect::OpenLanded => self.store.helpers().map(Loaded::Helpers),
            Effect::OpenOrganizations(at) => self.store.organizations_list().and_then(|rows| {
                Ok(Loaded::Organizations(
                    rows,
                    self.store.organizations_total()?,
                    at,
                ))
            }),
            Effect::LoadOrganizationPeople(id) => self
                .store
                .organization_people(id)
                .map(|people| Loaded::OrganizationPeople(id, people)),
            Effect::OpenInsights => self
                .store
                .insights(&clock, self.settings.week_start)
                .map(|i| Loaded::Insights(Box::new(i))),
            // They need the terminal: the loop carries them out, after a frame.
            Effect::OpenMeeting(id) => {
                load::meeting(&self.store, id, &clock).map(|v| Loaded::Meeting(Box::new(v)))
            }
            Effect::OpenReview => self
                .store
                .review_queue(&clock)
                .and_then(|items| Ok(Loaded::Review(items, self.store.queue_total(&clock)?))),
            Effect::LoadReviewContext(item) => {
                self.store.review_context(&item).map(Loaded::ReviewContext)
            }
            Effect::OpenStepMenu(id) => {
                self.store
                    .get::<crate::domain::Interview>(id)
                    .and_then(|interview| {
                        let contact: crate::domain::Contact =
                            self.store.get(interview.contact_id)?;
                        let next = self.store.next_step_of(id, &clock)?;
                        Ok(Loaded::InterviewSteps {
                            interview: Box::new(interview),
                            name: contact.name,
                            next: next.map(|row| row.step.kind),
                            wait_days: i64::from(self.settings.playbook.nudge_after_days),
                        })
                    })
            }
            // The changes are carried out by `change`.
            _ => return None,
        })
    }

    /// An effect that changes something: a save, a delete or restore, a step, a review action
    /// (and the clipboard and the loop's effects, which change what is outside).
    fn change(&mut self, effect: Effect, clock: &Clock) -> Option<StoreResult<Loaded>> {
        let clock = *clock;
        Some(match effect {
            // A preview may read for seconds: carried out between frames, with progress.
            effect @ Effect::SaveForm(_) if effect.is_long() => {
                self.for_the_loop.push(effect);
                return None;
            }
            Effect::SaveForm(form) => {
                match save::save(&self.store, &form, &clock, &self.settings) {
                    // Saved elsewhere meanwhile: the record as it now is, to bring the form up
                    // to date with before saving again.
                    save::Saved::ChangedMeanwhile => match load_form::edit_request(&form) {
                        Some(request) => {
                            load_form::form(&self.store, &request, &clock, &self.settings).map(
                                |loaded| match loaded {
                                    Loaded::Form(stored, _) => Loaded::StoredMeanwhile(stored),
                                    other => other,
                                },
                            )
                        }
                        None => return None,
                    },
                    saved => Ok(Loaded::Saved(saved)),
                }
            }
            Effect::Trash(record) => self
                .store
                .trash(record, clock.timestamp())
                .map(|()| Loaded::Changed("Deleted — press u to undo".into())),
            Effect::UndoDelete => self.store.undo_last(clock.timestamp()).map(|undone| {
                Loaded::Changed(
                    undone.unwrap_or_else(|| "Nothing to undo: the trash is empty".into()),
                )
            }),
            Effect::Restore(record) => self
                .store
                .untrash(record, clock.timestamp())
                .map(|()| Loaded::Changed("Restored".into())),
            effect @ (Effect::RunImport { .. } | Effect::EditExternally(_)) => {
                self.for_the_loop.push(effect);
                return None;
            }
            Effect::TakeStep { interview, step } => self.take_step(interview, step, &clock),
            Effect::SaveQuestion(mut question) => {
                // The model already shows the change; only a failure needs saying.
                let failed = self.store.update(&mut *question, clock.timestamp()).err();
                return failed
                    .map(|e| Ok(Loaded::Failed(format!("The answer was not saved: {e}"))));
            }
            Effect::AddQuestion { interview, text } => self
                .store
                .add_question(interview, &text, &clock)
                .and_then(|()| self.reload_meeting(interview, &clock)),
            Effect::SwapQuestions(a, b) => self
                .store
                .swap_questions(a, b, &clock)
                .and_then(|interview| self.reload_meeting(interview, &clock)),
            Effect::OpenAddress(address) => Ok(crate::tui::app::opener::open(&address)),
            Effect::OpenLinkOf(id) => {
                self.store
                    .get(id)
                    .and_then(|contact: crate::domain::Contact| {
                        let organization = match contact.organization_id {
                            Some(org) => Some(self.store.get::<crate::domain::Organization>(org)?),
                            None => None,
                        };
                        Ok(
                            match crate::tui::app::opener::link_of(&contact, organization.as_ref())
                            {
                                Ok(link) => crate::tui::app::opener::open(&link),
                                Err(why) => Loaded::Failed(why),
                            },
                        )
                    })
            }
            Effect::CopyToClipboard(text) => {
                let copied = crossterm::execute!(
                    std::io::stdout(),
                    crossterm::clipboard::CopyToClipboard::to_clipboard_from(text.as_bytes())
                );
                Ok(match copied {
                    Ok(()) => Loaded::Changed("Copied to the clipboard".into()),
                    Err(e) => Loaded::Failed(format!("Could not copy: {e}")),
                })
            }
            Effect::ReviewDone(id) => {
                self.store
                    .complete_follow_up(id, clock.timestamp())
                    .map(|before| {
                        Loaded::ReviewActed(Before::FollowUp(Box::new(before)), ReviewCount::Done)
                    })
            }
            Effect::ReviewSnooze { id, days } => self
                .store
                .snooze_until(id, days, &clock)
                .and_then(|until| self.store.snooze_follow_up(id, until, clock.timestamp()))
                .map(|before| {
                    Loaded::ReviewActed(Before::FollowUp(Box::new(before)), ReviewCount::Snoozed)
                }),
            Effect::ReviewSnoozeStep { interview, days } => {
                self.snooze_step(interview, days, &clock)
            }
            Effect::ReviewPutBack(before) => {
                let id = before.id();
                match before {
                    Before::FollowUp(f) => self.store.put_back(*f, clock.timestamp()),
                    Before::Touched(f, touch) => {
                        self.store.put_back(*f, clock.timestamp()).and_then(|()| {
                            let logged = crate::domain::RecordRef::new(
                                crate::domain::Deletable::Interaction,
                                touch,
                            );
                            self.store.retract(logged, clock.timestamp())
                        })
                    }
                    Before::Interview(s) => self.store.restore_snapshot(&s, &clock),
                }
                .map(|()| Loaded::ReviewUndone(id))
            }
            // The reads are carried out by `read`.
            _ => return None,
        })
    }

    fn reload_meeting(&self, interview: Id, clock: &Clock) -> StoreResult<Loaded> {
        load::meeting(&self.store, interview, clock).map(|v| Loaded::Meeting(Box::new(v)))
    }

    /// A step that needs no form; a meeting marked held ends when it was due to, or now.
    fn take_step(&self, interview: Id, step: Step, clock: &Clock) -> StoreResult<Loaded> {
        let step = match step {
            Step::MeetingHeld { .. } => {
                let scheduled = self
                    .store
                    .meetings_of(interview)?
                    .into_iter()
                    .rfind(|m| m.status == MeetingStatus::Scheduled);
                let ends_at =
                    scheduled.map_or(clock.timestamp(), |m| m.ends_at().min(clock.timestamp()));
                Step::MeetingHeld { ends_at }
            }
            other => other,
        };
        let mut before = self.store.snapshot(interview, step.name())?;
        let after = self.store.apply_step(
            interview,
            &StepInput::from(step),
            clock,
            &self.settings.playbook,
        )?;
        // The footer says what the timeline now says.
        let latest = self
            .store
            .timeline_of(after.contact_id, 1)?
            .into_iter()
            .next();
        let message = latest.map_or_else(|| "Done".into(), |entry| entry.summary);
        before.what.clone_from(&message);
        Ok(Loaded::Saved(Saved::Acted {
            message,
            before: Before::Interview(Box::new(before)),
        }))
    }

    /// Snoozes an interview's step by whole days, keeping it as it was for the review's undo.
    fn snooze_step(&self, interview: Id, days: i64, clock: &Clock) -> StoreResult<Loaded> {
        let until = self.store.step_snooze_until(interview, days, clock)?;
        let said = format!("Snoozed until {}", clock.when(until));
        let before = self.store.snapshot(interview, &said)?;
        self.store.snooze_step(interview, until, clock)?;
        Ok(Loaded::ReviewActed(
            Before::Interview(Box::new(before)),
            ReviewCount::Snoozed,
        ))
    }
}
