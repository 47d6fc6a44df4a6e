import type { messages } from './messages';

type MessageKey = keyof typeof messages.en;

// The keys the handlers listen for live here, and the list the dialog shows is built from them,
// so the dialog cannot promise a key the app does not answer to.

/** Letters that act on the focused tool card (compared lower-case). */
export const CARD_KEYS = { approve: 'a', reject: 'r', review: 'e' } as const;
/** Opens the shortcut list when focus is not in a text field. */
export const HELP_KEY = '?';

/** One way to press a shortcut: keys held together, e.g. ['Shift', 'Enter']. */
export type Chord = readonly string[];

export interface Shortcut {
  /** Alternatives, any of which works (e.g. Ctrl+Enter or ⌘+Enter). */
  keys: readonly Chord[];
  label: MessageKey;
}

export interface ShortcutGroup {
  id: string;
  title: MessageKey;
  /** When the group's keys apply. */
  context?: MessageKey;
  shortcuts: readonly Shortcut[];
}

const letter = (key: string) => key.toUpperCase();

/** Every keyboard shortcut of the app, grouped by where it works. */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    id: 'general',
    title: 'groupGeneral',
    shortcuts: [
      { keys: [[HELP_KEY]], label: 'showShortcuts' },
      { keys: [['Tab'], ['Shift', 'Tab']], label: 'moveFocus' },
      { keys: [['Esc']], label: 'closeDialog' },
    ],
  },
  {
    id: 'composer',
    title: 'groupComposer',
    shortcuts: [
      { keys: [['Enter']], label: 'send' },
      { keys: [['Shift', 'Enter']], label: 'newLine' },
      { keys: [['Esc']], label: 'stopRun' },
    ],
  },
  {
    id: 'slash',
    title: 'groupSlash',
    context: 'slashContext',
    shortcuts: [
      { keys: [['↑'], ['↓']], label: 'chooseTool' },
      { keys: [['Enter']], label: 'openToolForm' },
      { keys: [['Tab']], label: 'completeToolName' },
      { keys: [['Ctrl', 'Enter'], ['⌘', 'Enter']], label: 'runFromJson' },
      { keys: [['Esc']], label: 'closeSlash' },
    ],
  },
  {
    id: 'tool-card',
    title: 'groupToolCard',
    context: 'toolCardContext',
    shortcuts: [
      { keys: [[letter(CARD_KEYS.approve)]], label: 'approve' },
      { keys: [[letter(CARD_KEYS.reject)]], label: 'reject' },
      { keys: [[letter(CARD_KEYS.review)]], label: 'review' },
    ],
  },
  {
    id: 'reject-form',
    title: 'groupRejectForm',
    shortcuts: [
      { keys: [['Enter']], label: 'confirmReject' },
      { keys: [['Esc']], label: 'backFromReject' },
    ],
  },
  {
    id: 'review-dialog',
    title: 'groupReviewDialog',
    shortcuts: [
      { keys: [['Ctrl', 'Enter'], ['⌘', 'Enter']], label: 'applyReview' },
      { keys: [['Esc']], label: 'cancelReview' },
    ],
  },
  {
    id: 'inspector',
    title: 'groupInspector',
    shortcuts: [
      { keys: [['←'], ['→'], ['Home'], ['End']], label: 'switchTab' },
      { keys: [['Esc']], label: 'closeInspector' },
    ],
  },
  {
    id: 'edit-message',
    title: 'groupEditMessage',
    shortcuts: [
      { keys: [['Enter']], label: 'saveAndSend' },
      { keys: [['Esc']], label: 'cancelEdit' },
    ],
  },
];

/** Whether typing here is text entry, where single-key shortcuts must not fire. */
export function isTextField(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(el.type);
  }
  return false;
}
