//! The key map: defaults in code, each action rebindable under `[keys]` in the config. The help
//! overlay and the status-bar hints are generated from the live map.

use super::action::{Action, ScreenId};
use crate::config::ConfigError;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

/// A key with its modifiers, as written in the config: `x`, `ctrl-s`, `enter`, `f2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    pub fn parse(text: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "delete" => KeyCode::Delete,
            "backspace" => KeyCode::Backspace,
            "space" => KeyCode::Char(' '),
            f if f.len() > 1 && f.starts_with('f') => {
                KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
            }
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next()?),
            _ => return None,
        };
        Some(Key { code, mods })
    }

    /// Normalises a key event: Shift is part of the character, not a modifier.
    pub fn from_event(event: KeyEvent) -> Key {
        let mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        Key {
            code: event.code,
            mods,
        }
    }

    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Delete => "Del".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        let mut label = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            label.push_str("Alt-");
        }
        label + &base
    }
}

/// The rebindable actions: config name, what it does, the action, default keys.
pub const BINDINGS: [(&str, &str, Action, &[&str]); 31] = [
    ("quit", "quit", Action::Quit, &["q"]),
    ("help", "show or hide this help", Action::Help, &["?"]),
    ("next_screen", "next screen", Action::NextScreen, &["tab"]),
    (
        "prev_screen",
        "previous screen",
        Action::PrevScreen,
        &["backtab"],
    ),
    (
        "dashboard",
        "Dashboard",
        Action::Show(ScreenId::Dashboard),
        &["1"],
    ),
    ("cases", "Cases", Action::Show(ScreenId::Cases), &["2"]),
    (
        "deadlines",
        "Deadlines",
        Action::Show(ScreenId::Deadlines),
        &["3"],
    ),
    ("leave", "Leave", Action::Show(ScreenId::Leave), &["4"]),
    ("hours", "Hours", Action::Show(ScreenId::Hours), &["5"]),
    ("diary", "Diary", Action::Show(ScreenId::Diary), &["6"]),
    ("report", "Report", Action::Show(ScreenId::Report), &["7"]),
    ("up", "move up", Action::Up, &["up", "k"]),
    ("down", "move down", Action::Down, &["down", "j"]),
    ("page_up", "page up", Action::PageUp, &["pageup"]),
    ("page_down", "page down", Action::PageDown, &["pagedown"]),
    ("top", "first row", Action::Top, &["home", "g"]),
    ("bottom", "last row", Action::Bottom, &["end", "G"]),
    ("add", "add a record here", Action::Add, &["a"]),
    ("filter", "filter the rows", Action::Filter, &["/"]),
    ("sort", "sort by the next column", Action::Sort, &["s"]),
    ("edit", "edit the record", Action::Edit, &["e"]),
    ("withdraw", "withdraw the record", Action::Withdraw, &["d"]),
    (
        "close_case",
        "close (or reopen) a case",
        Action::CloseCase,
        &["c"],
    ),
    ("mark_met", "mark a deadline met", Action::MarkMet, &["m"]),
    ("extend", "extend a deadline", Action::Extend, &["x"]),
    ("import", "import from a file", Action::Import, &["i"]),
    ("undo", "undo your last save", Action::Undo, &["u"]),
    ("timer", "start or stop the timer", Action::Timer, &["t"]),
    (
        "timer_cancel",
        "throw the timer away",
        Action::CancelTimer,
        &["T"],
    ),
    (
        "detail_down",
        "scroll the detail down",
        Action::DetailDown,
        &["J"],
    ),
    (
        "detail_up",
        "scroll the detail up",
        Action::DetailUp,
        &["K"],
    ),
];

#[derive(Debug, Clone)]
pub struct KeyMap {
    /// Per binding (index into BINDINGS), its keys.
    keys: Vec<Vec<Key>>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            keys: BINDINGS
                .iter()
                .map(|(_, _, _, keys)| {
                    keys.iter()
                        .map(|k| Key::parse(k).expect("default keys parse"))
                        .collect()
                })
                .collect(),
        }
    }
}

impl KeyMap {
    /// The defaults with the config's `[keys]` applied: each named action gets the given key
    /// instead of its defaults. Unknown actions, unreadable keys and clashes are errors.
    pub fn with_overrides(
        overrides: &BTreeMap<String, String>,
        file: &str,
    ) -> Result<KeyMap, ConfigError> {
        let mut map = KeyMap::default();
        let err = |action: &str, problem: String| ConfigError::Key {
            file: file.to_string(),
            key: format!("keys.{action}"),
            problem,
        };
        for (action, text) in overrides {
            let index = BINDINGS
                .iter()
                .position(|(name, ..)| name == action)
                .ok_or_else(|| {
                    let names: Vec<&str> = BINDINGS.iter().map(|(n, ..)| *n).collect();
                    err(
                        action,
                        format!("is not an action; actions are {}", names.join(", ")),
                    )
                })?;
            let key = Key::parse(text).ok_or_else(|| {
                err(action, format!("\"{text}\" is not a key; use a character such as \"x\", a name such as \"enter\" or \"f2\", optionally after \"ctrl-\" or \"alt-\""))
            })?;
            map.keys[index] = vec![key];
        }
        for (i, keys) in map.keys.iter().enumerate() {
            for key in keys {
                if let Some(j) = map
                    .keys
                    .iter()
                    .enumerate()
                    .position(|(j, other)| j != i && other.contains(key))
                {
                    let (a, b) = (BINDINGS[i].0, BINDINGS[j].0);
                    let culprit = if overrides.contains_key(a) { a } else { b };
                    return Err(err(
                        culprit,
                        format!(
                            "uses {}, which is also the key for {}",
                            key.label(),
                            if culprit == a { b } else { a }
                        ),
                    ));
                }
            }
        }
        Ok(map)
    }

    pub fn action(&self, key: Key) -> Option<Action> {
        self.keys
            .iter()
            .position(|keys| keys.contains(&key))
            .map(|i| BINDINGS[i].2.clone())
    }

    /// The keys bound to an action, as shown to the user ("a", "↑/k").
    pub fn label(&self, action: &Action) -> String {
        BINDINGS
            .iter()
            .position(|(_, _, a, _)| a == action)
            .map(|i| {
                self.keys[i]
                    .iter()
                    .map(|k| k.label())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_default()
    }

    /// Every binding as (keys, description), for the help overlay.
    pub fn describe(&self) -> Vec<(String, &'static str)> {
        BINDINGS
            .iter()
            .zip(&self.keys)
            .map(|((_, what, ..), keys)| {
                (
                    keys.iter().map(|k| k.label()).collect::<Vec<_>>().join("/"),
                    *what,
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overrides(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(a, k)| (a.to_string(), k.to_string()))
            .collect()
    }

    #[test]
    fn defaults_and_rebinding() {
        let map = KeyMap::default();
        assert_eq!(
            map.action(Key::plain(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(map.label(&Action::Up), "↑/k");
        let map = KeyMap::with_overrides(&overrides(&[("add", "n"), ("quit", "ctrl-q")]), "c.toml")
            .unwrap();
        assert_eq!(
            map.action(Key::plain(KeyCode::Char('n'))),
            Some(Action::Add)
        );
        assert_eq!(map.action(Key::plain(KeyCode::Char('a'))), None);
        assert_eq!(
            map.action(Key {
                code: KeyCode::Char('q'),
                mods: KeyModifiers::CONTROL
            }),
            Some(Action::Quit)
        );
        assert_eq!(map.label(&Action::Quit), "Ctrl-q");
    }

    #[test]
    fn bad_bindings_name_the_key_and_the_problem() {
        let e = KeyMap::with_overrides(&overrides(&[("fly", "f")]), "c.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("`keys.fly` is not an action"), "{e}");
        let e = KeyMap::with_overrides(&overrides(&[("add", "hyper-x")]), "c.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("\"hyper-x\" is not a key"), "{e}");
        let e = KeyMap::with_overrides(&overrides(&[("add", "q")]), "c.toml")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "config c.toml: `keys.add` uses q, which is also the key for quit"
        );
    }

    /// The `[keys]` lines `config/default.toml` should hold: one commented line per action,
    /// in BINDINGS order, with its default key, what it does and any other default key.
    fn documented_lines() -> Vec<String> {
        BINDINGS
            .iter()
            .map(|(name, what, _, keys)| {
                let setting = format!("# {name} = \"{}\"", keys[0]);
                let also = if keys.len() > 1 {
                    format!(
                        " (also {}; a key set here replaces both)",
                        keys[1..].join(", ")
                    )
                } else {
                    String::new()
                };
                format!("{setting:<27} # {what}{also}")
            })
            .collect()
    }

    /// Every action the key map knows has its line in the default config (whose `[keys]` is
    /// what a user reads to rebind one), and the lines, uncommented, are a valid key map
    /// with the same keys as the defaults.
    #[test]
    fn the_default_config_lists_every_action_and_its_key() {
        let text = crate::config::DEFAULT_TOML;
        let keys = &text[text.find("\n[keys]\n").expect("a [keys] table")..];
        let listed: Vec<&str> = keys
            .lines()
            .filter(|l| {
                l.strip_prefix("# ")
                    .and_then(|rest| rest.split_once(" = \""))
                    .is_some_and(|(name, _)| !name.contains(' '))
            })
            .collect();
        let expected = documented_lines();
        assert_eq!(
            listed,
            expected,
            "config/default.toml's [keys] should read:\n{}",
            expected.join("\n")
        );
        let uncommented: BTreeMap<String, String> = listed
            .iter()
            .map(|l| {
                let (name, rest) = l[2..].split_once(" = \"").expect("a setting");
                let key = rest.split('"').next().expect("a key");
                (name.to_string(), key.to_string())
            })
            .collect();
        let map = KeyMap::with_overrides(&uncommented, "default.toml").expect("valid");
        for (name, _, action, keys) in BINDINGS {
            assert_eq!(
                map.label(&action),
                Key::parse(keys[0]).expect("parses").label(),
                "{name}"
            );
        }
    }
}
