import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToolCallState, ToolCallStatus } from '../../core/conversation/types';
import { ARGS_TEXT, makeCall, renderCard } from './card-fixtures.testing';
import './dialog-polyfill.testing';
import { isSettled } from './status';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ToolCard status chip and actions', () => {
  const outcome = { status: 'succeeded' as const, value: { temp: 21 }, text: '{"temp":21}', truncated: false };
  const cases: Array<[ToolCallStatus, string, string[], Partial<ToolCallState>]> = [
    ['streaming_args', 'Receiving arguments…', [], { args: undefined, argsText: '{"ci' }],
    ['incomplete', 'Incomplete', ['Re-run with edits'], { args: undefined, argsText: '{"city":"Par' }],
    ['invalid', 'Invalid', ['Re-run with edits'], { validationError: '/city must be string' }],
    ['pending_approval', 'Waiting for approval', ['Approve', 'Reject', 'Review arguments'], {}],
    ['queued', 'Queued', ['Cancel call', 'Edit and restart'], {}],
    ['running', 'Running', ['Cancel call', 'Edit and restart'], { startedAt: 1 }],
    ['succeeded', 'Done', ['Re-run with edits'], { outcome }],
    ['failed', 'Failed', ['Re-run with edits'], {}],
    ['rejected', 'Rejected', ['Re-run with edits'], {}],
    ['cancelled', 'Cancelled', ['Re-run with edits'], {}],
  ];

  it.each(cases)('%s shows "%s" and its buttons', (status, chip, buttons, extra) => {
    const { card } = renderCard(makeCall({ status, ...extra } as Partial<ToolCallState>));
    expect(within(card).getByTestId('tool-status').textContent).toBe(chip);
    for (const name of buttons) expect(within(card).getByRole('button', { name })).toBeTruthy();
    // A settled card also has its fold toggle.
    const toggle = within(card).queryAllByTestId('tool-fold').length;
    expect(toggle).toBe(isSettled(status) ? 1 : 0);
    expect(actionButtons(card)).toHaveLength(buttons.length + toggle);
  });

  it.each(cases)('%s hides every action when canAct is false', (status, _chip, _buttons, extra) => {
    const { card } = renderCard(makeCall({ status, ...extra } as Partial<ToolCallState>), { canAct: false });
    expect(actionButtons(card)).toHaveLength(isSettled(status) ? 1 : 0);
    // Copying changes nothing, so it stays offered on every card whose arguments have arrived.
    if (status !== 'streaming_args') expect(within(card).getByRole('button', { name: 'Copy arguments' })).toBeTruthy();
  });
});

/** The buttons that act on the call; Copy arguments / Copy result are there whatever the state. */
const actionButtons = (card: HTMLElement) => within(card).queryAllByRole('button').filter((b) => !/^Copy /.test(b.textContent ?? ''));

describe('ToolCard arguments', () => {
  it('renders partial arguments while streaming and never the raw fragment', () => {
    const streaming = (argsText: string) => makeCall({ status: 'streaming_args', args: undefined, argsText });
    const { card, rerender } = renderCard(streaming(''));
    expect(within(card).queryByText(/Paris/)).toBeNull();

    let seenParisEarly = false;
    for (let i = 1; i < ARGS_TEXT.length; i++) {
      const prefix = ARGS_TEXT.slice(0, i);
      rerender(streaming(prefix));
      // Pretty output writes `"city": "…"`; the raw `":"` would mean an unparsed fragment flashed.
      expect(card.textContent).not.toContain('":"');
      if (prefix.length > 2) expect(card.textContent).not.toContain(prefix);
      if (i < ARGS_TEXT.length - 1 && within(card).queryAllByText(/Paris/).length > 0) seenParisEarly = true;
    }
    expect(seenParisEarly).toBe(true);

    rerender(makeCall({ status: 'pending_approval' }));
    expect(within(card).getAllByText(/celsius/).length).toBeGreaterThan(0);
  });

  it('starts over when the streamed text is replaced rather than extended', () => {
    const { card, rerender } = renderCard(makeCall({ status: 'streaming_args', args: undefined, argsText: '{"city":"Paris"' }));
    expect(within(card).getAllByText(/Paris/).length).toBeGreaterThan(0);
    rerender(makeCall({ status: 'streaming_args', args: undefined, argsText: '{"city":"Rome"' }));
    expect(within(card).queryAllByText(/Paris/)).toHaveLength(0);
    expect(within(card).getAllByText(/Rome/).length).toBeGreaterThan(0);
  });

  it('shows edited arguments with a note and the original behind a disclosure', () => {
    const { card } = renderCard(makeCall({ status: 'queued', editedArgs: { city: 'Lyon', unit: 'celsius' } }));
    expect(within(card).getByText("Edited by you — the model's original call is kept in the history")).toBeTruthy();
    const original = within(card).getByText('Original arguments').closest('details')!;
    expect(original.open).toBe(false);
    expect(within(original).getAllByText(/Paris/).length).toBeGreaterThan(0);
    expect(within(card).getAllByText(/Lyon/).length).toBeGreaterThan(0);
  });

  it('explains cut-off and invalid calls', () => {
    const { card, rerender } = renderCard(
      makeCall({ status: 'incomplete', args: undefined, argsText: '{"city":"Par', parseError: 'Unexpected end of JSON input' }),
    );
    expect(within(card).getByText('The arguments were cut off — this call was not run.')).toBeTruthy();
    expect(within(card).getByText(/Unexpected end of JSON input/)).toBeTruthy();
    rerender(makeCall({ status: 'invalid', validationError: '/city must be string' }));
    expect(within(card).getByText('/city must be string')).toBeTruthy();
  });
});

describe('ToolCard progress and output', () => {
  it('shows a determinate bar from a percentage', () => {
    renderCard(makeCall({ status: 'running', progress: { percentage: 40, message: 'Fetching forecast' } }));
    const bar = screen.getByRole('progressbar', { name: 'get_weather progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText('Fetching forecast')).toBeTruthy();
  });

  it('derives the percentage from current and total', () => {
    renderCard(makeCall({ status: 'running', progress: { current: 3, total: 4 } }));
    expect(screen.getByRole('progressbar', { name: 'get_weather progress' }).getAttribute('aria-valuenow')).toBe('75');
    expect(screen.getByText(/3 \/ 4/)).toBeTruthy();
  });

  it('shows an indeterminate bar when no amount is known', () => {
    renderCard(makeCall({ status: 'running', progress: { message: 'Thinking' } }));
    const bar = screen.getByRole('progressbar', { name: 'get_weather progress' });
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
    expect(screen.getByText('Thinking')).toBeTruthy();
  });

  it('shows no progress bar once the call settled', () => {
    renderCard(makeCall({ status: 'succeeded', progress: { percentage: 100 } }));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows streamed content in a log', () => {
    renderCard(makeCall({ status: 'running', content: 'line one\nline two' }));
    expect(screen.getByRole('log', { name: 'get_weather output' }).textContent).toBe('line one\nline two');
  });

  it('updates the duration live while running', () => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
    const { card } = renderCard(makeCall({ status: 'running', startedAt: 10_000 }));
    expect(within(card).getByText('0.0 s')).toBeTruthy();
    act(() => vi.advanceTimersByTime(1500));
    expect(within(card).getByText('1.5 s')).toBeTruthy();
  });

  it('shows the final duration of a finished call', () => {
    const { card } = renderCard(makeCall({ status: 'failed', startedAt: 1000, endedAt: 2234 }));
    expect(within(card).getByText('1.2 s')).toBeTruthy();
  });
});

describe('ToolCard results', () => {
  it('opens a short result and marks truncation', () => {
    const { card } = renderCard(
      makeCall({ status: 'succeeded', outcome: { status: 'succeeded', value: 'Sunny, 21°C', text: 'Sunny', truncated: true } }),
    );
    const details = within(card).getByText('Result').closest('details')!;
    expect(details.open).toBe(true);
    expect(within(details).getByText('Sunny, 21°C').tagName).toBe('PRE');
    expect(within(details).getByText('truncated')).toBeTruthy();
  });

  it('keeps a long result collapsed', () => {
    const value = Array.from({ length: 50 }, (_, i) => ({ day: i, temp: 20 }));
    const { card } = renderCard(makeCall({ status: 'succeeded', outcome: { status: 'succeeded', value, text: '', truncated: false } }));
    expect(within(card).getByText('Result').closest('details')!.open).toBe(false);
    expect(within(card).queryByText('truncated')).toBeNull();
  });

  it('opens errors', () => {
    const { card } = renderCard(
      makeCall({ status: 'failed', outcome: { status: 'failed', error: { message: 'Timed out', code: 'timeout' }, text: '', truncated: false } }),
    );
    const details = within(card).getByText('Error').closest('details')!;
    expect(details.open).toBe(true);
    expect(within(details).getByText('Timed out')).toBeTruthy();
    expect(within(details).getByText('code: timeout')).toBeTruthy();
  });

  it('shows the rejection reason', () => {
    const { card } = renderCard(makeCall({ status: 'rejected', rejectReason: 'Not this city' }));
    expect(within(card).getByText('Not this city')).toBeTruthy();
  });
});

