import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDynamicToolRegistry, createToolRegistry } from '../../core/tools/registry';
import type { ToolDefinition } from '../../core/tools/types';
import { makeRule } from '../../core/permissions';
import { createPermissionsStore, type PermissionsStore } from '../../store/permissions-store';
import { PermissionsDialog } from './permissions-dialog';
import '../tool-card/dialog-polyfill.testing';

const tool = (name: string, policy: 'auto' | 'ask', description = `${name} does things`): ToolDefinition => ({
  name,
  description,
  policy,
  parameters: { type: 'object' },
  run: () => null,
});
const calc = tool('calculate', 'auto', 'Evaluates arithmetic');
const write = tool('write_file', 'ask', 'Writes a file');

let store: PermissionsStore;
beforeEach(() => {
  localStorage.clear();
  store = createPermissionsStore({ storage: localStorage, now: () => 100 });
});
afterEach(cleanup);

function open(opts: { tools?: ToolDefinition[]; onClose?: () => void; titles?: Record<string, string> } = {}) {
  const onClose = opts.onClose ?? vi.fn();
  render(
    <PermissionsDialog
      open
      onClose={onClose}
      tools={createToolRegistry(opts.tools ?? [calc, write])}
      conversationId="here"
      titleOf={(id) => opts.titles?.[id]}
      store={store}
    />,
  );
  return screen.getByRole('dialog', { name: 'Tool permissions' });
}

const group = (dialog: HTMLElement, name: string) => within(dialog).getByRole('radiogroup', { name });
const checked = (dialog: HTMLElement, name: string) =>
  within(group(dialog, name))
    .getAllByRole('radio')
    .filter((r) => (r as HTMLInputElement).checked)
    .map((r) => r.closest('label')?.textContent);

describe('PermissionsDialog', () => {
  it('lists every tool with its description, its default and the matching choice', () => {
    const dialog = open();
    expect(dialog.textContent).toContain('Evaluates arithmetic');
    expect(dialog.textContent).toContain('Default: runs without asking');
    expect(dialog.textContent).toContain('Default: asks first');
    expect(checked(dialog, 'calculate')).toEqual(['Always allow']);
    expect(checked(dialog, 'write_file')).toEqual(['Ask']);
    expect(dialog.textContent).toContain('No rules yet');
  });

  it('sets a rule for all conversations, lists it, and removes it when the default is chosen again', () => {
    const dialog = open();
    fireEvent.click(within(group(dialog, 'calculate')).getByRole('radio', { name: 'Never' }));
    expect(store.getState().rules).toEqual([{ tool: 'calculate', permission: 'deny', scope: 'always', createdAt: 100 }]);
    expect(checked(dialog, 'calculate')).toEqual(['Never']);
    const rules = within(dialog).getByTestId('permission-rules');
    expect(rules.textContent).toContain('calculate');
    expect(rules.textContent).toContain('All conversations');
    expect(within(rules).getByRole('button', { name: 'Revoke calculate (All conversations)' })).toBeTruthy();
    fireEvent.click(within(group(dialog, 'calculate')).getByRole('radio', { name: 'Always allow' }));
    expect(store.getState().rules).toEqual([]);
  });

  it('names each rule’s scope and revokes exactly the one chosen', () => {
    store.getState().add(makeRule('write_file', 'allow', 'conversation', 'here', 3));
    store.getState().add(makeRule('write_file', 'deny', 'conversation', 'saved', 2));
    store.getState().add(makeRule('write_file', 'allow', 'conversation', 'gone', 1));
    const dialog = open({ titles: { saved: 'Trip planning' } });
    const rules = within(dialog).getByTestId('permission-rules');
    expect(within(rules).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('This conversation'),
      expect.stringContaining('Conversation “Trip planning”'),
      expect.stringContaining('Another conversation'),
    ]);
    // The conversation rule outranks the tool's setting here, and the row says so.
    expect(dialog.textContent).toContain('In this conversation: Allow');
    expect(checked(dialog, 'write_file')).toEqual(['Ask']);
    fireEvent.click(within(rules).getByRole('button', { name: 'Revoke write_file (Conversation “Trip planning”)' }));
    expect(store.getState().rules.map((r) => r.scope === 'conversation' && r.conversationId)).toEqual(['here', 'gone']);
  });

  it('keeps rules of tools that are gone, marked as not available', () => {
    store.getState().add(makeRule('old_server__tool', 'deny', 'always', null, 1));
    const dialog = open();
    expect(within(dialog).getByTestId('permission-rules').textContent).toContain('not available now');
  });

  it('follows a registry that changes while it is open', () => {
    const registry = createDynamicToolRegistry([calc]);
    render(<PermissionsDialog open onClose={vi.fn()} tools={registry} conversationId={null} titleOf={() => undefined} store={store} />);
    const dialog = screen.getByRole('dialog', { name: 'Tool permissions' });
    expect(within(dialog).queryByRole('radiogroup', { name: 'srv__echo' })).toBeNull();
    act(() => registry.setSource('srv', [tool('srv__echo', 'ask')]));
    expect(checked(dialog, 'srv__echo')).toEqual(['Ask']);
  });

  it('closes with Escape and with Done', () => {
    const onClose = vi.fn();
    const dialog = open({ onClose });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    cleanup();
    const again = vi.fn();
    open({ onClose: again });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(again).toHaveBeenCalledTimes(1);
  });
});
