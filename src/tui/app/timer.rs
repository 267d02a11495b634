//! The working-day timer in the UI: `t` starts it, `t` again opens the day it measured for a
//! last look (Enter records it), `T` throws it away after a yes.

use super::{App, Overlay};
use crate::domain::ClockTime;
use crate::tui::app::confirm::Pending;
use crate::tui::forms::{FormCtx, OpenForm, open_timer_stop};
use chrono::Timelike;

/// The wall clock now, to the minute.
fn now_hm() -> ClockTime {
    let now = chrono::Local::now();
    ClockTime::from_hm(now.hour(), now.minute()).expect("a clock time")
}

impl App {
    pub(crate) fn timer_key(&mut self) {
        if !self.writable() {
            return;
        }
        let dir = self.journal.dir().to_path_buf();
        self.timer = crate::timer::running(&dir).ok().flatten();
        match self.timer.clone() {
            None => {
                let timer = crate::timer::Timer {
                    date: self.today,
                    start: now_hm(),
                    started_at: chrono::Local::now().fixed_offset(),
                };
                match crate::timer::start(&dir, &timer) {
                    Ok(()) => {
                        self.say(
                            format!(
                                "timer started at {}; {} again stops it and records the day",
                                timer.start,
                                self.keymap.label(&crate::tui::action::Action::Timer)
                            ),
                            false,
                        );
                        self.timer = Some(timer);
                    }
                    Err(e) => self.say(e.to_string(), true),
                }
            }
            Some(timer) => {
                let ctx = FormCtx {
                    state: self.journal.state(),
                    config: &self.config,
                    today: self.today,
                };
                let mut form = open_timer_stop(&timer, now_hm(), &ctx);
                form.set_theme(&self.theme);
                let mut open = OpenForm::TimerStop(form);
                open.preview(&ctx);
                self.overlay = Overlay::Form(open);
            }
        }
    }

    pub(crate) fn ask_cancel_timer(&mut self) {
        match self.timer.clone() {
            Some(t) => {
                let day = crate::domain::dates::format_date(t.date, &self.config.date_format);
                self.ask(
                    format!(
                        "Throw away the timer started at {} on {day}? Nothing is recorded.",
                        t.start
                    ),
                    Pending::CancelTimer,
                );
            }
            None => self.say("no timer is running", false),
        }
    }

    pub(crate) fn cancel_timer(&mut self) {
        match crate::timer::cancel(self.journal.dir()) {
            Ok(t) => self.say(
                format!("the timer started at {} is thrown away", t.start),
                false,
            ),
            Err(e) => self.say(e.to_string(), true),
        }
        self.timer = None;
    }
}
