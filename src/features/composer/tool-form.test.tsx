import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CommandTool } from '../../core/run/direct-call';
import { ToolForm } from './tool-form';

afterEach(cleanup);

const entry = (parameters: Record<string, unknown>, permission: CommandTool['permission'] = 'allow'): CommandTool => ({
  tool: { name: 'tag_items', description: 'Tags items. More text.', policy: 'auto', parameters, run: () => null },
  permission,
});

const nested = {
  type: 'object',
  properties: { tags: { type: 'array', items: { type: 'string' } }, note: { type: 'string' } },
  required: ['tags'],
};

function renderForm(parameters: Record<string, unknown>, onRun = vi.fn(async () => null as string | null)) {
  const onCancel = vi.fn();
  const onEditAsJson = vi.fn();
  render(<ToolForm entry={entry(parameters, 'ask')} onRun={onRun} onCancel={onCancel} onEditAsJson={onEditAsJson} />);
  return { onRun, onCancel, onEditAsJson, form: screen.getByRole('form', { name: 'Run tag_items' }) };
}

describe('ToolForm', () => {
  it('asks for complex arguments as JSON and reports a syntax error where it is in the box', async () => {
    const { onRun } = renderForm(nested);
    const box = screen.getByRole('textbox', { name: 'Arguments (JSON)' }) as HTMLTextAreaElement;
    expect(box.value).toBe('{\n  "tags": []\n}');
    expect(screen.getByText('Asks first')).toBeTruthy();
    fireEvent.change(box, { target: { value: '{\n  "tags": [1,]\n}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The arguments are not valid JSON: a value was expected (line 2, column 14).');
    expect(onRun).not.toHaveBeenCalled();
    fireEvent.change(box, { target: { value: '{"tags": ["a"]}' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(onRun).toHaveBeenCalledWith({ tags: ['a'] }));
  });

  it('shows what the controller refused, and keeps the values', async () => {
    const onRun = vi.fn(async () => 'These arguments do not fit the tool: nope');
    renderForm({ type: 'object', properties: { note: { type: 'string' } }, required: ['note'] }, onRun);
    const note = screen.getByRole('textbox', { name: /note/ });
    expect(note.getAttribute('aria-required')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(screen.getByText('Fill in this field.')).toBeTruthy();
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(onRun).not.toHaveBeenCalled();
    fireEvent.change(note, { target: { value: 'hello' } });
    fireEvent.keyDown(note, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe('These arguments do not fit the tool: nope');
    expect(onRun).toHaveBeenCalledWith({ note: 'hello' });
    expect((note as HTMLTextAreaElement).value).toBe('hello');
  });

  it('moves the arguments so far into the message box, and Esc cancels', () => {
    const { onEditAsJson, onCancel, form } = renderForm({
      type: 'object',
      properties: { note: { type: 'string' }, n: { type: 'integer' } },
      additionalProperties: false,
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'note' }), { target: { value: 'x' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'n' }), { target: { value: 'not a number' } });
    fireEvent.click(screen.getByRole('button', { name: 'Edit as JSON' }));
    expect(onEditAsJson).toHaveBeenCalledWith('/tag_items {"note":"x"}');
    fireEvent.keyDown(form, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('says when a tool takes no arguments and runs it with {}', async () => {
    const { onRun } = renderForm({ type: 'object', properties: {}, additionalProperties: false });
    expect(screen.getByText('This tool takes no arguments.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Run' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(onRun).toHaveBeenCalledWith({}));
  });
});
