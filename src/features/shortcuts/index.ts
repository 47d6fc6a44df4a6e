export { ShortcutsDialog } from './shortcuts-dialog';
export { ShortcutsButton } from './shortcuts-button';
export { useHelpShortcut } from './use-help-shortcut';
export { CARD_KEYS, HELP_KEY, SHORTCUT_GROUPS, isTextField, type Shortcut, type ShortcutGroup } from './shortcut-list';
