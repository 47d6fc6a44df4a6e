import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToolCard, type ToolCardActions } from '../tool-card';
import { makeActions, makeCall, schema } from '../card-fixtures.testing';
import type { ToolCallState } from '../../../core/conversation/types';
import '../dialog-polyfill.testing';

afterEach(cleanup);

function renderWithAllow(call: ToolCallState = makeCall()) {
  const actions = { ...makeActions(), allow: vi.fn<NonNullable<ToolCardActions['allow']>>() };
  render(<ToolCard call={call} schema={schema} actions={actions} canAct />);
  const card = screen.getByRole('region', { name: call.name });
  // A settled card is folded to one line; these tests read what it says unfolded.
  const fold = within(card).queryByTestId('tool-fold');
  if (fold?.getAttribute('aria-expanded') === 'false') fireEvent.click(fold);
  return { actions, card };
}

const toggle = () => screen.getByRole('button', { name: 'More ways to approve' });

describe('Approve and remember', () => {
  it('is not offered when the card cannot add rules', () => {
    render(<ToolCard call={makeCall()} schema={schema} actions={makeActions()} canAct />);
    expect(screen.getByRole('button', { name: 'Approve' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'More ways to approve' })).toBeNull();
  });

  it('opens a menu with both choices, focuses the first, and reports the scope picked', () => {
    const { actions } = renderWithAllow();
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    // Each item's name is its whole text (the hint beside it is its description).
    expect(items.map((i) => i.textContent)).toEqual([
      'Allow for this conversation',
      'Always allow',
    ]);
    expect(screen.getByRole('menuitem', { name: 'Always allow' })).toBe(items[1]);
    expect(document.activeElement).toBe(items[0]);
    fireEvent.click(items[0]);
    expect(actions.allow).toHaveBeenCalledWith('c1', 'conversation');
    expect(actions.approve).not.toHaveBeenCalled();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(toggle());
  });

  it('works from the keyboard: arrows move, Enter picks, Esc closes back to the toggle', () => {
    const { actions } = renderWithAllow();
    fireEvent.keyDown(toggle(), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Always allow' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Allow for this conversation' }));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Always allow' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(toggle());
    fireEvent.keyDown(toggle(), { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.click(document.activeElement!);
    expect(actions.allow).toHaveBeenCalledWith('c1', 'always');
  });

  it('keeps the card shortcuts from firing inside the menu', () => {
    const { actions } = renderWithAllow();
    fireEvent.click(toggle());
    fireEvent.keyDown(screen.getByRole('menuitem', { name: 'Always allow' }), { key: 'a' });
    fireEvent.keyDown(screen.getByRole('menuitem', { name: 'Always allow' }), { key: 'r' });
    expect(actions.approve).not.toHaveBeenCalled();
    expect(screen.queryByRole('textbox', { name: 'Reason' })).toBeNull();
  });

  it('closes when the user presses elsewhere', () => {
    renderWithAllow();
    fireEvent.click(toggle());
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

describe('a call refused by the permissions', () => {
  it('says why instead of blaming the arguments', () => {
    const { card } = renderWithAllow(makeCall({ status: 'invalid', denied: true, resultText: 'Error: not allowed' }));
    expect(within(card).getByTestId('tool-status').textContent).toBe('Not allowed');
    expect(card.textContent).toContain('Not run: “get_weather” is set to Never in Tool permissions');
    expect(card.textContent).not.toContain('arguments are not valid');
  });

  it('does not show a refused waiting call as rejected by the user', () => {
    const { card } = renderWithAllow(makeCall({ status: 'rejected', denied: true }));
    expect(within(card).getByTestId('tool-status').textContent).toBe('Not allowed');
    expect(card.textContent).not.toContain('Rejected without a reason');
  });

  it('shows nothing extra for an ordinary invalid call', () => {
    const { card } = renderWithAllow(makeCall({ status: 'invalid', validationError: '/city must be string' }));
    expect(within(card).getByTestId('tool-status').textContent).toBe('Invalid');
    expect(card.textContent).not.toContain('Tool permissions');
  });
});
