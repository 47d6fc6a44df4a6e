import '../tool-card/dialog-polyfill.testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, within } from '@testing-library/react';
import { ShortcutsDialog } from './shortcuts-dialog';
import { CARD_KEYS, SHORTCUT_GROUPS } from './shortcut-list';

afterEach(cleanup);

describe('ShortcutsDialog', () => {
  it('shows every group and shortcut of the list, with its keys', () => {
    const { getByRole } = render(<ShortcutsDialog onClose={() => {}} />);
    const dialog = getByRole('dialog', { name: 'Keyboard shortcuts' });
    const groups = within(dialog).getAllByRole('region');
    expect(groups).toHaveLength(SHORTCUT_GROUPS.length);
    const rows = within(dialog).getAllByRole('term');
    expect(rows).toHaveLength(SHORTCUT_GROUPS.reduce((n, g) => n + g.shortcuts.length, 0));
    const approve = within(dialog).getByText('Approve the call').parentElement!;
    expect(approve.querySelector('dd')?.textContent).toBe(CARD_KEYS.approve.toUpperCase());
    const send = within(dialog).getByText('Review arguments dialog').closest('section')!;
    expect(send.textContent).toContain('Ctrl+Enter');
    expect(send.textContent).toContain('or');
  });

  it('takes focus on Close and reports closing once', () => {
    const onClose = vi.fn();
    const { getByRole } = render(<ShortcutsDialog onClose={onClose} />);
    const close = getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    close.click();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
