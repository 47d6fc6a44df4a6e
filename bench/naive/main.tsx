// The naive baseline: how a straightforward chat client renders a stream. Every delta goes
// straight into React state; the whole message goes through react-markdown on every render;
// tool arguments are re-parsed from scratch on every delta; a history renders every message.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { parsePartialJsonFromScratch } from './naive-partial-json';
import './naive.css';

const plugins = [remarkGfm];

interface RunOptions {
  mockUrl: string;
  key: string;
  tools: boolean;
}

interface Message {
  role: 'user' | 'assistant';
  text: string;
}

type Setter = {
  text(fn: (t: string) => string): void;
  /** Re-renders with whatever latestArgs holds at render time. */
  args(): void;
  done(id: number): void;
  history(messages: Message[]): void;
};

let set: Setter | null = null;
let latestArgs: unknown;
let runs = 0;

async function run({ mockUrl, key, tools }: RunOptions) {
  const id = ++runs;
  delete document.body.dataset.done;
  set!.text(() => '');
  latestArgs = undefined;
  set!.args();
  const body = {
    model: 'mock-small',
    stream: true,
    messages: [{ role: 'user', content: 'bench' }],
    ...(tools ? { tools: [{ type: 'function', function: { name: 'write_file', parameters: { type: 'object' } } }] } : {}),
  };
  const res = await fetch(`${mockUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let argsText = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) !== -1) {
      const event = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      if (!event.startsWith('data: ') || event === 'data: [DONE]') continue;
      const delta = JSON.parse(event.slice(6)).choices?.[0]?.delta;
      if (typeof delta?.content === 'string' && delta.content) {
        const piece: string = delta.content;
        set!.text((t) => t + piece);
      }
      const args = delta?.tool_calls?.[0]?.function?.arguments;
      if (typeof args === 'string' && args) {
        argsText += args;
        // Only the latest parse is kept (a state value per delta would hold them all until React
        // gets to render, gigabytes at 200 KB); the parse itself still runs on every delta.
        latestArgs = parsePartialJsonFromScratch(argsText);
        set!.args();
      }
    }
  }
  set!.done(id);
}

async function history(url: string) {
  const conv = await (await fetch(url)).json();
  delete document.body.dataset.done;
  const messages: Message[] = conv.messages.map((m: { role: 'user' | 'assistant'; text?: string; rounds?: { parts: { type: string; text?: string }[] }[] }) => ({
    role: m.role,
    text: m.role === 'user' ? m.text : m.rounds!.flatMap((r) => r.parts.filter((p) => p.type === 'text').map((p) => p.text)).join('\n\n'),
  }));
  set!.history(messages);
  set!.done(++runs);
}

function App() {
  const [text, setText] = useState('');
  const [, setArgsTick] = useState(0);
  const args = latestArgs;
  const [done, setDone] = useState(0);
  const [messages, setMessages] = useState<Message[]>([]);
  set = { text: setText, args: () => setArgsTick((n) => n + 1), done: setDone, history: setMessages };
  useEffect(() => {
    if (done) document.body.dataset.done = String(done);
  }, [done]);
  return (
    <div id="scroller">
      <div className="column">
        {messages.map((m, i) =>
          m.role === 'user' ? (
            <p key={i} className="message user" data-role="user">
              {m.text}
            </p>
          ) : (
            <div key={i} className="message" data-role="assistant">
              <ReactMarkdown remarkPlugins={plugins}>{m.text}</ReactMarkdown>
            </div>
          ),
        )}
        <div id="answer" className="message" data-role="assistant">
          <ReactMarkdown remarkPlugins={plugins}>{text}</ReactMarkdown>
          {args !== undefined && <pre className="args">{JSON.stringify(args, null, 2)}</pre>}
        </div>
      </div>
    </div>
  );
}

(window as unknown as { __naive: unknown }).__naive = { run, history };
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
