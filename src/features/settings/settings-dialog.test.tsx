import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useSettings } from '../../store/settings-store';
import { API_KEY_STORAGE_KEY } from '../../store/settings-persistence';
import { SettingsDialog } from './settings-dialog';
import { installDialogPolyfill } from '../../ui/dialog-polyfill.testing';

const KEY = 'sk-test-VERY-SECRET-42';

let queryClient: QueryClient;
let restoreDialog: () => void;

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  useSettings.getState().reset();
  queryClient = new QueryClient();
  restoreDialog = installDialogPolyfill();
});

afterEach(() => {
  cleanup();
  queryClient.clear();
  restoreDialog();
  vi.unstubAllGlobals();
});

function wrap(ui: ReactNode) {
  return render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
}

function renderDialog(onClose = vi.fn()) {
  wrap(<SettingsDialog open onClose={onClose} />);
  return { onClose, dialog: screen.getByRole('dialog', { name: 'Settings' }) };
}

function jsonResponse(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

type FetchCall = { url: string; headers: Record<string, string> };

/** Stubs fetch; each call resolves with what `respond` returns (a promise lets a test hold it). */
function stubFetch(respond: (url: string) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
      return respond(String(input));
    }),
  );
  return calls;
}

function configure(partial: Parameters<ReturnType<typeof useSettings.getState>['update']>[0]) {
  useSettings.getState().update(partial);
}

describe('SettingsDialog', () => {
  it('labels every field for a server provider', () => {
    stubFetch(() => jsonResponse({ data: [] }));
    configure({ presetId: 'openai', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini' });
    renderDialog();
    expect(screen.getByLabelText('Provider')).toHaveProperty('value', 'openai');
    expect(screen.getByLabelText('Base URL')).toHaveProperty('value', 'https://api.openai.com/v1');
    expect(screen.getByLabelText('API key')).toHaveProperty('type', 'password');
    expect(screen.getByRole('checkbox', { name: 'Remember on this device' })).toHaveProperty('checked', false);
    expect(screen.getByText(/kept in this tab’s session only/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveProperty('value', 'gpt-4o-mini');
    const streaming = screen.getByRole('checkbox', { name: 'Streaming' });
    expect(streaming).toHaveProperty('checked', true);
    expect(screen.getByText('Stream responses (turn off for gateways that need one plain response)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refresh models' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Tool calling' })).toHaveProperty('value', 'auto');
    // OpenAI speaks two protocols: Responses by default, chat completions as the other choice.
    const protocol = screen.getByRole('combobox', { name: 'Protocol' });
    expect([...(protocol as HTMLSelectElement).options].map((o) => o.value)).toEqual(['openai-chat', 'openai-responses']);
  });

  it('explains prompted tool calling in one sentence and saves the tool mode', () => {
    stubFetch(() => jsonResponse({ data: [] }));
    configure({ presetId: 'ollama', baseURL: 'http://localhost:11434/v1' });
    renderDialog();
    const select = screen.getByRole('combobox', { name: 'Tool calling' });
    expect(select.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(select.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Prompted: tools are described in the system prompt and the model answers with <tool_call> blocks — for models without native tool calling.',
    );
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Native',
      'Prompted',
      'Auto (native; prompted if refused)',
    ]);
    fireEvent.change(select, { target: { value: 'prompted' } });
    expect(useSettings.getState().config.toolMode).toBe('prompted');
    expect(JSON.parse(localStorage.getItem('callstream.settings') ?? '{}').toolMode).toBe('prompted');
  });

  it('offers Anthropic: its base URL, a note about direct browser access, and models from /v1/models with x-api-key', async () => {
    const fetchCalls = stubFetch(() => jsonResponse({ data: [{ type: 'model', id: 'claude-sonnet-4-5' }], has_more: false }));
    renderDialog();
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'anthropic' } });
    expect(screen.getByLabelText('Base URL')).toHaveProperty('value', 'https://api.anthropic.com');
    expect(screen.getByText(/Messages API directly from your browser/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveProperty('value', 'claude-sonnet-4-5');
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: KEY } });
    expect(await screen.findByText('1 model available: pick one or type a name.')).toBeTruthy();
    const call = fetchCalls.at(-1)!;
    expect(call.url).toBe('https://api.anthropic.com/v1/models?limit=1000');
    expect(call.headers).toMatchObject({ 'x-api-key': KEY, 'anthropic-version': '2023-06-01' });
    expect(call.headers.Authorization).toBeUndefined();
    expect(useSettings.getState().config.protocol).toBe('anthropic-messages');
  });

  it('lets a custom server choose its protocol', async () => {
    const fetchCalls = stubFetch(() => jsonResponse({ data: [] }));
    configure({ presetId: 'custom', baseURL: 'http://gateway.test:9000' });
    renderDialog();
    const protocol = screen.getByRole('combobox', { name: 'Protocol' });
    expect(protocol).toHaveProperty('value', 'openai-chat');
    fireEvent.change(protocol, { target: { value: 'anthropic-messages' } });
    expect(useSettings.getState().config.protocol).toBe('anthropic-messages');
    expect(screen.getByLabelText('Base URL').getAttribute('placeholder')).toBe('https://api.anthropic.com');
    await waitFor(() => expect(fetchCalls.map((c) => c.url)).toContain('http://gateway.test:9000/v1/models?limit=1000'));
  });

  it('hides base URL, key and model for the offline demo and explains it', () => {
    const fetchCalls = stubFetch(() => jsonResponse({ data: [] }));
    renderDialog();
    expect(screen.getByLabelText('Provider')).toHaveProperty('value', 'demo');
    expect(screen.queryByLabelText('Base URL')).toBeNull();
    expect(screen.queryByLabelText('API key')).toBeNull();
    expect(screen.queryByLabelText('Model')).toBeNull();
    expect(screen.queryByLabelText('Tool calling')).toBeNull();
    expect(screen.queryByLabelText('Protocol')).toBeNull();
    expect(screen.getByText(/demo model runs offline inside this page/)).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Streaming' })).toBeTruthy();
    expect(fetchCalls).toHaveLength(0);
  });

  it('fills the base URL from a preset and loads its models without a key header', async () => {
    const fetchCalls = stubFetch(() => jsonResponse({ data: [{ id: 'qwen3:8b' }, { id: 'llama3.2:3b' }] }));
    const { dialog } = renderDialog();
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'ollama' } });
    expect(screen.getByLabelText('Base URL')).toHaveProperty('value', 'http://localhost:11434/v1');
    expect(useSettings.getState().config).toMatchObject({ presetId: 'ollama', baseURL: 'http://localhost:11434/v1' });
    expect(await screen.findByText('2 models available: pick one or type a name.')).toBeTruthy();
    expect(fetchCalls).toEqual([{ url: 'http://localhost:11434/v1/models', headers: {} }]);
    const options = [...dialog.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['llama3.2:3b', 'qwen3:8b']);
  });

  it('shows "Loading models…" until the list arrives, with the key only as a bearer header', async () => {
    let release!: (r: Response) => void;
    const fetchCalls = stubFetch(() => new Promise<Response>((resolve) => (release = resolve)));
    configure({ presetId: 'openai', baseURL: 'https://api.openai.com/v1', apiKey: KEY });
    renderDialog();
    expect(await screen.findByText('Loading models…')).toBeTruthy();
    await act(async () => release(jsonResponse({ data: [{ id: 'gpt-4o' }] })));
    expect(await screen.findByText('1 model available: pick one or type a name.')).toBeTruthy();
    expect(screen.queryByText('Loading models…')).toBeNull();
    expect(fetchCalls[0].headers).toEqual({ Authorization: `Bearer ${KEY}` });
    // The cache key carries a fingerprint, never the key itself.
    const keys = JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.queryKey));
    expect(keys).toContain('https://api.openai.com/v1');
    expect(keys).not.toContain(KEY);
  });

  it('shows the exact model-list error with a hint to type the model by hand, and refreshes', async () => {
    let status = 401;
    const fetchCalls = stubFetch(() => (status === 401 ? jsonResponse({ error: { message: `bad key ${KEY}` } }, 401) : jsonResponse({ data: [{ id: 'm1' }] })));
    configure({ presetId: 'openai', baseURL: 'https://api.openai.com/v1', apiKey: KEY });
    const { dialog } = renderDialog();
    expect(await screen.findByText(/The server rejected the API key \(401\)\. Check the key in Settings\./)).toBeTruthy();
    expect(screen.getByText(/You can still type the model name by hand\./)).toBeTruthy();
    expect(dialog.textContent).not.toContain(KEY);
    status = 200;
    fireEvent.click(screen.getByRole('button', { name: 'Refresh models' }));
    expect(await screen.findByText('1 model available: pick one or type a name.')).toBeTruthy();
    expect(fetchCalls).toHaveLength(2);
  });

  it('accepts a model typed by hand when the server has no /models', async () => {
    stubFetch(() => new Response('nope', { status: 404 }));
    configure({ presetId: 'custom', baseURL: 'http://gateway.test:9000/v1' });
    renderDialog();
    expect(
      await screen.findByText('No /models endpoint at http://gateway.test:9000/v1 (404). Enter the model name by hand.'),
    ).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Model' }), { target: { value: 'my-own-model' } });
    expect(useSettings.getState().config.model).toBe('my-own-model');
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveProperty('value', 'my-own-model');
  });

  it('flags an invalid base URL and does not fetch', () => {
    const fetchCalls = stubFetch(() => jsonResponse({ data: [] }));
    configure({ presetId: 'custom', baseURL: 'localhost:8000' });
    renderDialog();
    expect(screen.getByLabelText('Base URL').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The base URL must start with http:// or https://.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Refresh models' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fetchCalls).toHaveLength(0);
  });

  it('tests the connection and reports the model count', async () => {
    stubFetch(() => jsonResponse({ data: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }));
    configure({ presetId: 'vllm', baseURL: 'http://localhost:8000/v1' });
    renderDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Connected — 3 models available'));
  });

  it('tests the connection and shows the exact error', async () => {
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    configure({ presetId: 'lmstudio', baseURL: 'http://localhost:1234/v1' });
    renderDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Could not reach http://localhost:1234. Is the server running, and does it allow requests from this page (CORS)?',
      ),
    );
    // The outcome belongs to the settings it ran with.
    fireEvent.change(screen.getByLabelText('Base URL'), { target: { value: 'http://localhost:1235/v1' } });
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('toggles the key between hidden and shown', () => {
    stubFetch(() => jsonResponse({ data: [] }));
    configure({ presetId: 'openai', baseURL: 'https://api.openai.com/v1' });
    renderDialog();
    const input = screen.getByLabelText('API key') as HTMLInputElement;
    fireEvent.change(input, { target: { value: KEY } });
    expect(input.type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show API key' }));
    expect(input.type).toBe('text');
    fireEvent.click(screen.getByRole('button', { name: 'Hide API key' }));
    expect(input.type).toBe('password');
    expect(screen.getByRole('button', { name: 'Show API key' })).toBeTruthy();
  });

  it('saves the key per session, moves it when remembered, and clears it on a host change', () => {
    stubFetch(() => jsonResponse({ data: [] }));
    configure({ presetId: 'openai', baseURL: 'https://api.openai.com/v1' });
    renderDialog();
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: KEY } });
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBe(KEY);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Remember on this device' }));
    expect(localStorage.getItem(API_KEY_STORAGE_KEY)).toBe(KEY);
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'groq' } });
    expect(screen.getByLabelText('API key')).toHaveProperty('value', '');
    expect(screen.getByText(/key was cleared because the provider’s host changed/)).toBeTruthy();
    expect(localStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
  });

  it('asks before sending the existing key to a new host, and holds it out until then', () => {
    stubFetch(() => jsonResponse({ data: [] }));
    configure({ presetId: 'custom', baseURL: 'https://api.openai.com/v1', apiKey: KEY });
    renderDialog();
    fireEvent.change(screen.getByLabelText('Base URL'), { target: { value: 'https://other.example/v1' } });
    const ask = screen.getByRole('group', { name: 'Send your existing API key to other.example?' });
    expect(screen.getByLabelText('API key')).toHaveProperty('value', '');
    expect(useSettings.getState().config.apiKey).toBe('');
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep key' }));
    expect(screen.queryByRole('group', { name: /Send your existing API key/ })).toBeNull();
    expect(useSettings.getState().config).toMatchObject({ baseURL: 'https://other.example/v1', apiKey: KEY });

    fireEvent.change(screen.getByLabelText('Base URL'), { target: { value: 'https://third.example/v1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear key' }));
    expect(screen.queryByRole('group', { name: /Send your existing API key/ })).toBeNull();
    expect(useSettings.getState().config.apiKey).toBe('');
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY) ?? '').not.toContain(KEY);
  });

  it('turns streaming off in the store', () => {
    renderDialog();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Streaming' }));
    expect(useSettings.getState().config.streaming).toBe(false);
  });

  it('closes on Escape and on Done', () => {
    const { onClose, dialog } = renderDialog();
    fireEvent.keyDown(screen.getByLabelText('Provider'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(dialog.hasAttribute('open')).toBe(false);
    cleanup();
    const second = renderDialog();
    fireEvent.click(within(second.dialog).getByRole('button', { name: 'Done' }));
    expect(second.onClose).toHaveBeenCalledTimes(1);
  });
});

/** A settings button as the app's header has one: it opens the dialog and gets focus back. */
function SettingsButton() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={buttonRef} type="button" onClick={() => setOpen(true)}>
        Settings
      </button>
      <SettingsDialog open={open} onClose={() => setOpen(false)} returnFocusTo={buttonRef} />
    </>
  );
}

describe('the settings dialog opened from a button', () => {
  it('opens the dialog with focus on the provider and returns focus to the button on close', () => {
    wrap(<SettingsButton />);
    const button = screen.getByRole('button', { name: 'Settings' });
    expect(screen.queryByRole('dialog')).toBeNull();
    button.focus();
    fireEvent.click(button);
    screen.getByRole('dialog', { name: 'Settings' });
    expect(document.activeElement).toBe(screen.getByLabelText('Provider'));
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
