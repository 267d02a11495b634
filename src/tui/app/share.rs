//! The share preview: what a share for a union rep holds, shown whole before it is written.
//! y writes it; n or Esc goes back to the Report form with nothing written.

use super::{App, Overlay};
use crate::tui::action::Action;

impl App {
    pub(crate) fn answer_share(&mut self, action: Action) -> bool {
        let Overlay::SharePreview(preview) = &mut self.overlay else {
            return false;
        };
        let page = i32::from(self.size.1.saturating_sub(8).max(1));
        let by = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::Type('y' | 'Y') => {
                let preview = *preview.clone();
                self.overlay = Overlay::None;
                self.report.write_share(preview);
                self.say("writing the share...", false);
                return true;
            }
            Action::Type('n' | 'N') | Action::Cancel | Action::Quit => {
                let mut form = self.report.form.clone();
                form.set_theme(&self.theme);
                self.overlay = Overlay::ReportForm(form);
                self.say("the share was not written", false);
                return true;
            }
            _ => return false,
        };
        let end = crate::tui::screens::share::max_scroll(&self.theme, preview, self.size);
        preview.scroll = (i32::from(preview.scroll) + by).clamp(0, i32::from(end)) as u16;
        true
    }
}
