import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { sampleConversation } from '../../core/conversation/__fixtures__/sample-conversation';
import { exportConversationsJson } from '../../core/conversation/export-json';
import { ImportButton } from './import-button';

afterEach(cleanup);

const pick = (content: string, name = 'export.json') => {
  const input = screen.getByLabelText('Import conversations') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([content], name, { type: 'application/json' })] } });
};

describe('ImportButton', () => {
  it('opens the file picker for JSON files', () => {
    render(<ImportButton onImport={vi.fn()} />);
    const input = screen.getByLabelText('Import conversations') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toContain('.json');
    const click = vi.spyOn(input, 'click');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(click).toHaveBeenCalledOnce();
  });

  it('hands a valid export to onImport and confirms', async () => {
    const onImport = vi.fn(() => Promise.resolve());
    render(<ImportButton onImport={onImport} />);
    pick(exportConversationsJson([sampleConversation()]));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Imported 1 conversation.');
    expect(onImport).toHaveBeenCalledWith([sampleConversation()]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows why a newer or broken file is refused and imports nothing', async () => {
    const onImport = vi.fn(() => Promise.resolve());
    render(<ImportButton onImport={onImport} />);
    pick(exportConversationsJson([sampleConversation()]).replace('"version": 1', '"version": 2'));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'This file was made by a newer version of Callstream (format 2); this version reads format 1.',
    );
    pick('not json at all');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This file is not valid JSON, so it is not a Callstream export.'));
    expect(onImport).not.toHaveBeenCalled();
  });

  it('shows a storage failure from onImport', async () => {
    render(<ImportButton onImport={() => Promise.reject(new Error('The storage quota is exceeded.'))} />);
    pick(exportConversationsJson([sampleConversation()]));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Import failed: The storage quota is exceeded.');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
