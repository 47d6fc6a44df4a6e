import { useEffect, useId, useRef, useState, type Dispatch, type KeyboardEvent, type RefObject, type SetStateAction } from 'react';
import { formatCommand, matchTools, parseCommand, typingName, type CommandError } from '../../core/commands';
import type { ChatController } from '../../core/run/chat-controller';
import type { CommandTool, DirectRunRefusal } from '../../core/run/direct-call';
import { useT } from '../../i18n';
import { describeSlashError } from './slash-errors';
import { optionId } from './slash-menu';
import { slashMessages } from './slash-messages';

interface Options {
  text: string;
  setText: Dispatch<SetStateAction<string>>;
  controller: ChatController;
  box: RefObject<HTMLTextAreaElement | null>;
  busy: boolean;
}

/**
 * Slash commands in the message box: "/" opens a menu of the tools (arrows, Enter for a form, Tab to
 * type JSON, Esc), and sending "/name {json}" runs the tool directly; anything else is a message.
 */
export function useSlashCommands({ text, setText, controller, box, busy }: Options) {
  const t = useT(slashMessages);
  const menuId = useId();
  const errorId = useId();
  const [dismissedAt, setDismissedAt] = useState<string | null>(null);
  const [cursor, setCursor] = useState({ query: '', index: 0 });
  const [form, setForm] = useState<CommandTool | null>(null);
  // An error belongs to the text it was found in, so editing the text clears it.
  const [error, setError] = useState<{ text: string; message: string } | null>(null);

  const all = controller.commandTools();
  const query = typingName(text);
  const offered = all.filter((entry) => entry.permission !== 'deny');
  const items =
    query === null
      ? []
      : matchTools(offered.map((entry) => ({ name: entry.tool.name, description: entry.tool.description, entry })), query).map((m) => m.entry);
  const open = query !== null && dismissedAt !== text && !busy && form === null;
  const active = cursor.query === query ? Math.min(cursor.index, Math.max(0, items.length - 1)) : 0;
  const shownError = error?.text === text ? error.message : null;

  // Focus comes back to the message box when the form closes, with the caret after the text.
  const formWasOpen = useRef(false);
  useEffect(() => {
    if (form) {
      formWasOpen.current = true;
      return;
    }
    if (!formWasOpen.current) return;
    formWasOpen.current = false;
    const el = box.current;
    el?.focus();
    el?.setSelectionRange(el.value.length, el.value.length);
  }, [form, box]);

  const describe = (problem: CommandError | DirectRunRefusal, name: string) => describeSlashError(t, problem, name);
  const moveTo = (index: number) => setCursor({ query: query ?? '', index });
  const complete = (index: number) => {
    const picked = items[index];
    if (picked) setText(`/${picked.tool.name} `);
  };
  const openForm = (index: number) => {
    const picked = items[index];
    if (!picked) return;
    setDismissedAt(text);
    setForm(picked);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || e.nativeEvent.isComposing) return false;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setDismissedAt(text);
      return true;
    }
    if (items.length === 0) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      moveTo((active + step + items.length) % items.length);
      return true;
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      openForm(active);
      return true;
    }
    if (e.key === 'Tab' && !e.shiftKey) {
      e.preventDefault();
      complete(active);
      return true;
    }
    return false;
  };

  /** Sends what is in the box: a command runs its tool, anything else goes to the model. */
  const submit = async () => {
    const sent = text;
    if (!sent.trim()) return;
    const parsed = parseCommand(sent, all.map((entry) => entry.tool));
    if (parsed.kind === 'message') {
      if (controller.send(parsed.text)) setText('');
      return;
    }
    if (parsed.kind === 'error') {
      setError({ text: sent, message: describe(parsed.error, parsed.error.code === 'unknown-tool' ? parsed.error.name : '') });
      if (parsed.error.code === 'invalid-json') box.current?.setSelectionRange(parsed.error.offset, parsed.error.offset);
      return;
    }
    const refusal = await controller.runTool(parsed.name, parsed.args, sent.trim());
    if (refusal) setError({ text: sent, message: describe(refusal, parsed.name) });
    else setText((now) => (now === sent ? '' : now));
  };

  const runForm = async (entry: CommandTool, args: Record<string, unknown>): Promise<string | null> => {
    const refusal = await controller.runTool(entry.tool.name, args, formatCommand(entry.tool.name, args));
    if (refusal) return describe(refusal, entry.tool.name);
    setForm(null);
    setText('');
    return null;
  };

  const listed = open && items.length > 0;
  return {
    onKeyDown,
    submit,
    inputProps: {
      'aria-autocomplete': 'list' as const,
      'aria-haspopup': 'listbox' as const,
      'aria-controls': listed ? menuId : undefined,
      'aria-activedescendant': listed ? optionId(menuId, active) : undefined,
      'aria-invalid': shownError ? true : undefined,
      'aria-describedby': shownError ? errorId : undefined,
    },
    menu: open ? { id: menuId, items, active, query: query ?? '', onPick: openForm, onHover: moveTo } : null,
    form: form
      ? {
          entry: form,
          onRun: (args: Record<string, unknown>) => runForm(form, args),
          onCancel: () => setForm(null),
          onEditAsJson: (command: string) => {
            setDismissedAt(command);
            setText(command);
            setForm(null);
          },
        }
      : null,
    error: shownError ? { id: errorId, message: shownError } : null,
  };
}
