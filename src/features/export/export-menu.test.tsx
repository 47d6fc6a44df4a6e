import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { sampleConversation } from '../../core/conversation/__fixtures__/sample-conversation';
import { importConversations } from '../../core/conversation/import-json';
import type { Conversation } from '../../core/conversation/types';
import { ExportMenu } from './export-menu';

interface Download {
  name: string;
  href: string;
  blob: Blob;
}
let downloads: Download[];
let blobs: Map<string, Blob>;
const revoked: string[] = [];

beforeEach(() => {
  downloads = [];
  blobs = new Map();
  let n = 0;
  // jsdom has no object URLs; these record what would have been saved.
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${++n}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: (url: string) => revoked.push(url),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, href: this.href, blob: blobs.get(this.href)! });
  });
});

afterEach(() => {
  cleanup();
  delete (URL as Partial<typeof URL>).createObjectURL;
  delete (URL as Partial<typeof URL>).revokeObjectURL;
});

const noAll = () => Promise.resolve([] as Conversation[]);

describe('ExportMenu', () => {
  it('downloads the conversation as JSON under a name from its title', async () => {
    render(<ExportMenu conversation={sampleConversation()} all={noAll} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0].name).toBe('Notes-a-summary.json');
    expect(downloads[0].blob.type).toBe('application/json');
    const parsed = importConversations(await downloads[0].blob.text());
    expect(parsed).toEqual({ ok: true, conversations: [sampleConversation()] });
    expect(document.querySelector('a[download]')).toBeNull();
    await waitFor(() => expect(revoked).toContain(downloads[0].href));
  });

  it('downloads the active path as Markdown', async () => {
    render(<ExportMenu conversation={sampleConversation()} all={noAll} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    expect(downloads[0].name).toBe('Notes-a-summary.md');
    expect(downloads[0].blob.type).toBe('text/markdown');
    const text = await downloads[0].blob.text();
    expect(text).toMatch(/^# Notes: a summary\?\n/);
    expect(text).toContain('**Tool call: `read_file`**');
  });

  it('loads and downloads every conversation on "Export all (JSON)"', async () => {
    const second = { ...sampleConversation(), id: 'conv-2' };
    const all = vi.fn(() => Promise.resolve([sampleConversation(), second]));
    render(<ExportMenu conversation={null} all={all} />);
    expect(all).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Export JSON' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Export all (JSON)' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0].name).toMatch(/^callstream-conversations-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = importConversations(await downloads[0].blob.text());
    expect(parsed.ok && parsed.conversations.map((c) => c.id)).toEqual(['conv-1', 'conv-2']);
  });

  it('says so when loading everything fails, and downloads nothing', async () => {
    render(<ExportMenu conversation={sampleConversation()} all={() => Promise.reject(new Error('IndexedDB is unavailable'))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export all (JSON)' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Export failed: IndexedDB is unavailable');
    expect(downloads).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Export all (JSON)' })).toHaveProperty('disabled', false);
  });
});
