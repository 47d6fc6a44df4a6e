import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within, act } from '@testing-library/react';
import { createConversationsStore, visibleConversations } from '../../store/conversations-store';
import type { ConversationSummary } from '../../store/persistence/types';
import { ConversationSidebar } from './conversation-sidebar';
import type { ConversationActions } from './types';
import { installDialogPolyfill } from '../../ui/dialog-polyfill.testing';

afterEach(cleanup);

const summary = (id: string, title: string, updatedAt: number): ConversationSummary => ({ id, title, createdAt: 0, updatedAt, messageCount: 2 });

function renderSidebar(extra: Partial<Parameters<typeof createConversationsStore>[0]> = {}) {
  const store = createConversationsStore({ summaries: [summary('b', 'Bicycle brakes', 2), summary('a', 'Garden plan', 1)], activeId: 'b', ...extra });
  const actions: ConversationActions = {
    navigate: vi.fn(() => true),
    newChat: vi.fn(() => true),
    rename: vi.fn(async () => {}),
    remove: vi.fn(),
    undoRemove: vi.fn(async () => {}),
    search: vi.fn(async (query: string) => store.setState({ query })),
    retrySaving: vi.fn(async () => true),
    dismissNotice: vi.fn(),
    dismissPersistNote: vi.fn(),
  };
  const onChosen = vi.fn();
  render(<ConversationSidebar store={store} actions={actions} hrefFor={(id) => `#/c/${id}`} newChatDisabled={false} newChatVisible="always" onChosen={onChosen} />);
  const nav = screen.getByRole('navigation', { name: 'Conversations' });
  const item = (title: string) => within(nav).getByText(title).closest('li')!;
  return { store, actions, onChosen, nav, item };
}

describe('ConversationSidebar', () => {
  it('lists conversations as links, marks the open one, and opens others without a page load', () => {
    const { nav, actions, onChosen } = renderSidebar();
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([expect.stringContaining('Bicycle brakes'), expect.stringContaining('Garden plan')]);
    expect(links[0].getAttribute('aria-current')).toBe('page');
    expect(links[1].getAttribute('aria-current')).toBeNull();
    expect(links[1].getAttribute('href')).toBe('#/c/a');
    const click = fireEvent.click(links[1]);
    expect(click).toBe(false); // default prevented: the session navigates
    expect(actions.navigate).toHaveBeenCalledWith('a');
    expect(onChosen).toHaveBeenCalled();
  });

  it('renames inline: Enter saves the new title, Esc cancels', () => {
    const { item, actions } = renderSidebar();
    fireEvent.click(within(item('Garden plan')).getByRole('button', { name: 'Rename' }));
    const box = screen.getByRole('textbox', { name: 'Conversation title' });
    expect((box as HTMLInputElement).value).toBe('Garden plan');
    fireEvent.change(box, { target: { value: 'Never mind' } });
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Conversation title' })).toBeNull();
    expect(actions.rename).not.toHaveBeenCalled();

    fireEvent.click(within(item('Garden plan')).getByRole('button', { name: 'Rename' }));
    const again = screen.getByRole('textbox', { name: 'Conversation title' });
    fireEvent.change(again, { target: { value: 'Vegetable patch' } });
    fireEvent.keyDown(again, { key: 'Enter' });
    expect(actions.rename).toHaveBeenCalledWith('a', 'Vegetable patch');
  });

  it('deletes, and offers no rename or delete for a conversation that is running', () => {
    const { item, actions } = renderSidebar({ runningElsewhere: ['a'] });
    fireEvent.click(within(item('Bicycle brakes')).getByRole('button', { name: 'Delete' }));
    expect(actions.remove).toHaveBeenCalledWith('b');
    const running = item('Garden plan');
    expect(running.textContent).toContain('Running in another tab');
    expect((within(running).getByRole('button', { name: 'Delete' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(running).getByRole('button', { name: 'Rename' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('searches as the user types (debounced) and says when nothing matches', async () => {
    vi.useFakeTimers();
    try {
      const { actions, store, nav } = renderSidebar();
      const box = screen.getByRole('searchbox', { name: 'Search conversations' });
      fireEvent.change(box, { target: { value: 'ga' } });
      fireEvent.change(box, { target: { value: 'gar' } });
      await act(async () => vi.advanceTimersByTime(200));
      expect(actions.search).toHaveBeenCalledTimes(1);
      expect(actions.search).toHaveBeenCalledWith('gar');
      act(() => store.setState({ hits: [] }));
      expect(nav.textContent).toContain('No conversation matches “gar”.');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('visibleConversations', () => {
  it('hides a pending delete and shows search hits with current titles', () => {
    const summaries = [summary('b', 'Renamed', 2), summary('a', 'A', 1)];
    expect(visibleConversations({ summaries, hits: null, pendingDelete: { id: 'a', title: 'A', wasActive: false } }).map((s) => s.id)).toEqual(['b']);
    const hits = [{ ...summary('b', 'Old title', 2), snippet: '…match…' }];
    expect(visibleConversations({ summaries, hits, pendingDelete: null })).toEqual([{ ...summary('b', 'Renamed', 2), snippet: '…match…' }]);
  });

  it('shows what each conversation does; the approval badge opens the waiting card; a running one asks before it is deleted', () => {
    const restore = installDialogPolyfill();
    onTestFinished(() => void restore());
    const { item, actions, store } = renderSidebar({
      live: { a: { kind: 'approval', count: 2 }, b: { kind: 'tool', name: 'process_items' } },
      runningHere: ['a', 'b'],
    });
    expect(within(item('Bicycle brakes')).getByTestId('live-state').textContent).toBe('Running process_items');
    const badge = within(item('Garden plan')).getByRole('button', { name: 'Open the call waiting for your approval in “Garden plan” (2)' });
    expect(badge.textContent).toBe('Waiting for your approval (2)');
    fireEvent.click(badge);
    expect(actions.navigate).toHaveBeenCalledWith('a', { focusApproval: true });

    act(() => store.setState({ live: { a: { kind: 'failed' } }, runningHere: ['b'] }));
    expect(within(item('Garden plan')).getByTestId('live-state').textContent).toBe('Failed');
    expect(within(item('Bicycle brakes')).queryByTestId('live-state')).toBeNull();

    // Bicycle brakes still runs here: Delete asks first, and only "Stop and delete" deletes.
    fireEvent.click(within(item('Bicycle brakes')).getByRole('button', { name: 'Delete' }));
    expect(actions.remove).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Delete a running conversation?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop and delete' }));
    expect(actions.remove).toHaveBeenCalledWith('b');
    fireEvent.click(within(item('Garden plan')).getByRole('button', { name: 'Delete' }));
    expect(actions.remove).toHaveBeenCalledWith('a');
  });
});
