import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCall, renderCard } from './card-fixtures.testing';
import './dialog-polyfill.testing';

afterEach(cleanup);

describe('ToolCard actions', () => {
  it('approves plainly', () => {
    const { actions } = renderCard(makeCall());
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(actions.approve).toHaveBeenCalledTimes(1);
    expect(actions.approve.mock.calls[0]).toEqual(['c1']);
  });

  it('rejects with a reason through the inline form', () => {
    const { actions } = renderCard(makeCall());
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    const reason = screen.getByRole('textbox', { name: 'Reason' });
    expect(document.activeElement).toBe(reason);
    fireEvent.change(reason, { target: { value: '  too risky ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm reject' }));
    expect(actions.reject).toHaveBeenCalledWith('c1', 'too risky');
  });

  it('reopens the review at once after Esc, before the browser sends the old dialog\'s close event', () => {
    renderCard(makeCall());
    const button = screen.getByRole('button', { name: 'Review arguments' });
    fireEvent.click(button);
    const first = screen.getByRole('dialog', { name: 'Review arguments — get_weather' }) as HTMLDialogElement;
    // A browser's Esc: the dialog closes and focus comes back now; "close" is dispatched a task later.
    first.removeAttribute('open');
    fireEvent.click(button);
    first.dispatchEvent(new Event('close'));
    const second = screen.getByRole('dialog', { name: 'Review arguments — get_weather' }) as HTMLDialogElement;
    expect(second).not.toBe(first);
    expect(second.open).toBe(true);
  });

  it('rejects without a reason and can go back', () => {
    const { actions } = renderCard(makeCall());
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.queryByRole('textbox', { name: 'Reason' })).toBeNull();
    expect(actions.reject).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm reject' }));
    expect(actions.reject).toHaveBeenCalledWith('c1', undefined);
  });

  it('cancels a running call', () => {
    const { actions } = renderCard(makeCall({ status: 'running' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel call' }));
    expect(actions.cancel).toHaveBeenCalledWith('c1');
  });

  it('restarts a running call with edited arguments', () => {
    const { actions } = renderCard(makeCall({ status: 'running' }));
    fireEvent.click(screen.getByRole('button', { name: 'Edit and restart' }));
    const dialog = screen.getByRole('dialog', { name: 'Review arguments — get_weather' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Arguments (JSON)' }), {
      target: { value: '{"city":"Rome"}' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restart' }));
    expect(actions.rerun).toHaveBeenCalledWith('c1', { city: 'Rome' });
    expect(actions.cancel).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('re-runs a settled call with its arguments', () => {
    const { actions } = renderCard(makeCall({ status: 'failed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Re-run with edits' }));
    fireEvent.click(screen.getByRole('button', { name: 'Re-run' }));
    expect(actions.rerun).toHaveBeenCalledWith('c1', { city: 'Paris', unit: 'celsius' });
  });

  it('approves with edits from the review dialog', () => {
    const { actions } = renderCard(makeCall());
    fireEvent.click(screen.getByRole('button', { name: 'Review arguments' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Arguments (JSON)' }), {
      target: { value: '{"city":"Oslo"}' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(actions.approve).toHaveBeenCalledWith('c1', { city: 'Oslo' });
  });

  it('closes the dialog when the status moves on elsewhere', () => {
    const { rerender } = renderCard(makeCall());
    fireEvent.click(screen.getByRole('button', { name: 'Review arguments' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    rerender(makeCall({ status: 'rejected' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('ToolCard keyboard shortcuts', () => {
  it('is focusable and describes its shortcuts', () => {
    const { card } = renderCard(makeCall());
    expect(card.tabIndex).toBe(0);
    const hintId = card.getAttribute('aria-describedby')!;
    expect(document.getElementById(hintId)?.textContent).toMatch(/A approve, R reject, E review/);
  });

  it('approves with a on the focused card', () => {
    const { card, actions } = renderCard(makeCall());
    card.focus();
    fireEvent.keyDown(card, { key: 'a' });
    expect(actions.approve).toHaveBeenCalledWith('c1');
  });

  it('approves with a from a button inside the card', () => {
    const { actions } = renderCard(makeCall());
    fireEvent.keyDown(screen.getByRole('button', { name: 'Review arguments' }), { key: 'a' });
    expect(actions.approve).toHaveBeenCalledTimes(1);
  });

  it('opens the reject form with r and the review dialog with e', () => {
    const { card } = renderCard(makeCall());
    fireEvent.keyDown(card, { key: 'r' });
    expect(screen.getByRole('textbox', { name: 'Reason' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.keyDown(card, { key: 'e' });
    expect(screen.getByRole('dialog', { name: 'Review arguments — get_weather' })).toBeTruthy();
  });

  it('ignores shortcuts typed into a text field, with modifiers, or without permission', () => {
    const { card, actions } = renderCard(makeCall());
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Reason' }), { key: 'a' });
    fireEvent.keyDown(card, { key: 'a', ctrlKey: true });
    expect(actions.approve).not.toHaveBeenCalled();
    cleanup();

    const other = renderCard(makeCall(), { canAct: false });
    fireEvent.keyDown(other.card, { key: 'a' });
    expect(other.actions.approve).not.toHaveBeenCalled();
    expect(other.card.hasAttribute('aria-describedby')).toBe(false);
  });

  it('does not approve a call that is not waiting', () => {
    const { card, actions } = renderCard(makeCall({ status: 'running' }));
    fireEvent.keyDown(card, { key: 'a' });
    expect(actions.approve).not.toHaveBeenCalled();
  });
});
