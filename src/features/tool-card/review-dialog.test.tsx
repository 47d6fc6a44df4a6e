import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToolCallState } from '../../core/conversation/types';
import './dialog-polyfill.testing';
import { ReviewDialog, type ReviewMode } from './review-dialog';

afterEach(cleanup);

const schema = {
  type: 'object',
  properties: { city: { type: 'string', description: 'City name' }, days: { type: 'integer' } },
  required: ['city'],
  additionalProperties: false,
};

const call: ToolCallState = {
  id: 'c1',
  name: 'get_weather',
  round: 0,
  argsText: '{"city":"Paris"}',
  args: { city: 'Paris' },
  status: 'pending_approval',
};

function open(mode: ReviewMode = 'approve', options: { schema?: Record<string, unknown> | null; call?: ToolCallState; refuse?: string } = {}) {
  const onConfirm = vi.fn((_args: unknown): string | null => options.refuse ?? null);
  const onClose = vi.fn();
  render(
    <ReviewDialog
      call={options.call ?? call}
      schema={options.schema === null ? undefined : (options.schema ?? schema)}
      mode={mode}
      onConfirm={onConfirm}
      onClose={onClose}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Review arguments — get_weather' });
  const textarea = within(dialog).getByRole('textbox', { name: 'Arguments (JSON)' }) as HTMLTextAreaElement;
  const edit = (value: string) => fireEvent.change(textarea, { target: { value } });
  return { dialog, textarea, edit, onConfirm, onClose };
}

describe('ReviewDialog', () => {
  it('opens modally with the pretty-printed arguments and focus in the editor', () => {
    const { dialog, textarea } = open();
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(textarea.value).toBe('{\n  "city": "Paris"\n}');
    expect(document.activeElement).toBe(textarea);
  });

  it('flags invalid JSON and disables Approve', () => {
    const { dialog, textarea, edit } = open();
    edit('{"city": "Paris"');
    expect(within(dialog).getByRole('alert').textContent).toMatch(/JSON syntax error/);
    expect((within(dialog).getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(true);
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
  });

  it('flags schema errors and disables Approve', () => {
    const { dialog, edit, onConfirm } = open();
    edit('{"city": 42}');
    expect(within(dialog).getByRole('alert').textContent).toContain('/city must be string');
    const approve = within(dialog).getByRole('button', { name: 'Approve' }) as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    fireEvent.submit(approve.closest('form')!);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('clears the errors once the arguments are fixed', () => {
    const { dialog, edit } = open();
    edit('{"city": 42}');
    edit('{"city": "Bergen"}');
    expect(within(dialog).getByRole('alert').textContent).toBe('');
    expect((within(dialog).getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('confirms a valid edit with the edited arguments and closes', () => {
    const { dialog, edit, onConfirm, onClose } = open();
    edit('{"city": "Bergen", "days": 3}');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(onConfirm).toHaveBeenCalledWith({ city: 'Bergen', days: 3 });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('stays open and says why when the run refuses the arguments, until they are edited', () => {
    const { dialog, edit, onConfirm, onClose } = open('rerun', { call: { ...call, status: 'succeeded', outcome: { status: 'succeeded', text: '{}', truncated: false }, resultText: '{}' }, refuse: 'This call can be re-run once the current round ends.' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Re-run' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onClose).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('alert').textContent).toBe('This call can be re-run once the current round ends.');
    edit('{"city": "Oslo"}');
    expect(within(dialog).getByRole('alert').textContent).toBe('');
  });

  it('approves plainly when the arguments are unchanged, even if reformatted', () => {
    const { dialog, edit, onConfirm } = open();
    edit('{ "city":"Paris" }');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onConfirm.mock.calls[0][0]).toBeUndefined();
  });

  it('passes the arguments on re-run even when unchanged', () => {
    const { dialog, onConfirm } = open('rerun', { call: { ...call, status: 'succeeded', outcome: { status: 'succeeded', text: '{}', truncated: false }, resultText: '{}' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Re-run' }));
    expect(onConfirm).toHaveBeenCalledWith({ city: 'Paris' });
  });

  it('labels the confirm button Restart in restart mode', () => {
    const { dialog } = open('restart', { call: { ...call, status: 'running' } as ToolCallState });
    expect(within(dialog).getByRole('button', { name: 'Restart' })).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('confirms with Ctrl+Enter from the editor', () => {
    const { textarea, edit, onConfirm } = open();
    edit('{"city":"Turin"}');
    fireEvent.keyDown(textarea, { key: 'Enter', ctrlKey: true });
    expect(onConfirm).toHaveBeenCalledWith({ city: 'Turin' });
  });

  it('closes on Cancel without confirming', () => {
    const { dialog, onConfirm, onClose } = open();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    expect((dialog as HTMLDialogElement).open).toBe(false);
  });

  it('summarizes the schema with required properties', () => {
    const { dialog } = open();
    const summary = within(dialog).getByText('Schema').closest('details')!;
    expect(summary.open).toBe(false);
    expect(within(summary).getByText('city').parentElement!.textContent).toMatch(/city: string\s*required/);
    expect(within(summary).getByText('days').parentElement!.textContent).toMatch(/days: integer\s*optional/);
  });

  it('checks only JSON for an unknown tool and says so', () => {
    const { dialog, edit } = open('approve', { schema: null });
    expect(within(dialog).getByText(/not registered/)).toBeTruthy();
    edit('{"city": 42}');
    expect((within(dialog).getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('returns focus to the opener when it closes', () => {
    function Harness() {
      const [isOpen, setOpen] = useState(false);
      return (
        <>
          <button onClick={() => setOpen(true)}>Open review</button>
          {isOpen && <ReviewDialog call={call} schema={schema} mode="approve" onConfirm={() => null} onClose={() => setOpen(false)} />}
        </>
      );
    }
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open review' });
    opener.focus();
    fireEvent.click(opener);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Arguments (JSON)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
