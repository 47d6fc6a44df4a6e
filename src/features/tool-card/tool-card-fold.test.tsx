import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeActions, makeCall, renderCard, schema } from './card-fixtures.testing';
import { ToolCard } from './tool-card';
import { ToolGroup } from './tool-group';
import './dialog-polyfill.testing';

afterEach(cleanup);

const done = makeCall({
  status: 'succeeded',
  startedAt: 1_000,
  endedAt: 1_400,
  outcome: { status: 'succeeded', value: { result: 42 }, text: '{"result":42}', truncated: false },
});

describe('a settled card folds to one line', () => {
  it('shows the tool, its telling argument, a result preview, status and duration', () => {
    const { card } = renderCard(done, { folded: true });
    const toggle = within(card).getByTestId('tool-fold');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toContain('get_weather');
    expect(toggle.textContent).toContain('Paris');
    expect(within(card).getByTestId('tool-preview').textContent).toBe('= 42');
    expect(within(card).getByTestId('tool-status').textContent).toBe('Done');
    expect(card.textContent).toContain('0.4 s');
    // Folded: no arguments view, no result, no actions.
    expect(within(card).queryByText('Result')).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Re-run with edits' })).toBeNull();
  });

  it('unfolds on click and folds again, keeping focus on the same button', () => {
    const { card } = renderCard(done, { folded: true });
    const toggle = within(card).getByTestId('tool-fold');
    toggle.focus();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(card).getByText('Result')).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Re-run with edits' })).toBeTruthy();
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('unfolds with Enter on the focused card', () => {
    const { card } = renderCard(done, { folded: true });
    fireEvent.keyDown(card, { key: 'Enter' });
    expect(within(card).getByTestId('tool-fold').getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps waiting and running calls open', () => {
    const { card, rerender } = renderCard(makeCall({ status: 'pending_approval' }), { folded: true });
    expect(within(card).queryByTestId('tool-fold')).toBeNull();
    expect(within(card).getByRole('button', { name: 'Approve' })).toBeTruthy();
    rerender(makeCall({ status: 'running', startedAt: 1 }));
    expect(within(card).getByRole('button', { name: 'Cancel call' })).toBeTruthy();
    // Once it settles it folds.
    rerender(done);
    expect(within(card).getByTestId('tool-fold').getAttribute('aria-expanded')).toBe('false');
  });

  it('shows a cancelled call with how far it got', () => {
    const { card } = renderCard(makeCall({ status: 'cancelled', progress: { current: 4, total: 12 } }), { folded: true });
    expect(within(card).getByTestId('tool-preview').textContent).toBe('Cancelled at 4 / 12');
    fireEvent.click(within(card).getByTestId('tool-fold'));
    expect(card.textContent).toContain('Cancelled at 4 / 12');
  });

  it('shows an MCP title instead of the exposed name', () => {
    render(<ToolCard call={done} schema={schema} title="Weather lookup" actions={makeActions()} canAct />);
    expect(screen.getByTestId('tool-fold').textContent).toContain('Weather lookup');
  });
});

describe('a call of a tool that does not exist', () => {
  const unknown = makeCall({ status: 'invalid', unknownTool: true, validationError: 'Unknown tool "get_weather". Available tools: calculate' });

  it('says so and offers no Re-run with edits', () => {
    const { card } = renderCard(unknown);
    expect(within(card).getByTestId('unknown-tool').textContent).toContain('The model called get_weather, which is not a tool here.');
    expect(within(card).queryByRole('button', { name: 'Re-run with edits' })).toBeNull();
    fireEvent.keyDown(card, { key: 'e' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('ToolGroup', () => {
  const waiting = makeCall({ id: 'c2', status: 'pending_approval' });

  it('summarises the round in one line and stays open while a call waits', () => {
    render(
      <ToolGroup calls={[done, { ...done, id: 'c3' }, waiting]}>
        <p>cards</p>
      </ToolGroup>,
    );
    expect(screen.getByTestId('tool-group-summary').textContent).toBe('3 tools · 2 done · 1 waiting');
    expect(screen.getByText('cards')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('folds to its summary on click once every call settled, and unfolds again', () => {
    render(
      <ToolGroup calls={[done, { ...done, id: 'c3' }]}>
        <p>cards</p>
      </ToolGroup>,
    );
    const toggle = screen.getByRole('button', { name: /2 tools · 2 done/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(screen.queryByText('cards')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(screen.getByText('cards')).toBeTruthy();
  });
});
