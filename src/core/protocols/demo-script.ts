import type { ModelMessage } from './types';
import { DEMO_ZH } from './demo-script-zh';

/** What the offline demo model decides to do for one round. */
export type DemoPlan = { text: string; calls: { name: string; args: Record<string, unknown> }[] };

const NOTE = `# Shopping list\n\n- oat milk\n- coffee beans\n- lemons\n`;

const WELCOME = `## Hello from the offline demo model 👋

I run **entirely in your browser** — no API key, no network. I can't really think, but I can show you how Callstream works:

- Answers stream in live, rendered as *markdown*.
- I can call the built-in tools; each call appears as a card.
- Tools marked **ask** wait for your approval — you can edit their arguments first.

Try one of these:

1. \`list my files\`
2. \`write a note\` (asks for approval)
3. \`run a long task\` (shows a progress bar; press Stop to cancel it)
4. \`do three things at once\` (parallel calls)
5. \`run some javascript\` (sandboxed)
6. \`calculate (2 + 3) * 7 ^ 2\`

Here is a code block, to show off the copy button:

\`\`\`ts
function greet(name: string): string {
  return \`Hello, \${name}!\`;
}
\`\`\`

| Tool | Policy |
| --- | --- |
| list_files, read_file, calculate, process_items | auto |
| write_file, delete_file, run_javascript, fetch_url | ask |

When you are ready for a real model, open **Settings** and pick a provider.`;

/** Picks the demo model's next move from the transcript: tool calls for scripted prompts, else prose. */
export function planDemoRound(messages: ModelMessage[]): DemoPlan {
  const last = messages[messages.length - 1];
  const zh = CJK.test(lastUserText(messages));
  if (last?.role === 'tool') return { text: summarize(messages, zh), calls: [] };
  const prompt = last?.role === 'user' ? last.content.toLowerCase() : '';
  const calls = pickCalls(prompt, zh);
  if (calls) {
    const several = calls.length > 1;
    return { text: zh ? (several ? DEMO_ZH.parallel : DEMO_ZH.oneTool) : several ? 'Doing these in parallel.' : 'Let me use a tool for that.', calls };
  }
  return { text: zh ? DEMO_ZH.welcome : WELCOME, calls: [] };
}

// Han characters: the user writes Chinese, so the demo answers in Chinese.
const CJK = /[\u4e00-\u9fff]/;

function lastUserText(messages: ModelMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role === 'user') return m.content;
  }
  return '';
}

function pickCalls(prompt: string, zh: boolean): DemoPlan['calls'] | null {
  // English and 简体中文 prompts (the empty screen suggests them in the interface language).
  if (/three things|at once|parallel|同时|并行|三件事/.test(prompt))
    return [
      { name: 'calculate', args: { expression: '2^10 + 24' } },
      { name: 'list_files', args: {} },
      { name: 'write_file', args: { name: 'parallel.md', content: zh ? DEMO_ZH.parallelNote : 'Written while two other tools ran.\n' } },
    ];
  if (/long task|progress|长任务|进度/.test(prompt)) return [{ name: 'process_items', args: { count: 12, delayMs: 400, label: 'demo items' } }];
  if (/javascript|\bjs\b|run (some )?code|运行.*代码/.test(prompt))
    return [{ name: 'run_javascript', args: { code: 'const squares = [1, 2, 3, 4].map((n) => n * n);\nconsole.log("squares", squares);\nsquares.reduce((a, b) => a + b, 0);' } }];
  if (/write|note|写|笔记/.test(prompt)) return [{ name: 'write_file', args: { name: 'note.md', content: zh ? DEMO_ZH.note : NOTE } }];
  if (/delete|remove|删除/.test(prompt)) return [{ name: 'delete_file', args: { name: 'note.md' } }];
  if (/read|读取|阅读/.test(prompt)) return [{ name: 'read_file', args: { name: 'note.md' } }];
  if (/list|files|列出|文件/.test(prompt)) return [{ name: 'list_files', args: {} }];
  if (/fetch|download|url|下载|网页/.test(prompt)) return [{ name: 'fetch_url', args: { url: 'https://example.com/' } }];
  const math = prompt.match(/(?:calculate|compute|what is|计算)\s*([-+*/^%().\d\s]+|.+)$/);
  if (math) return [{ name: 'calculate', args: { expression: math[1].trim().replace(/\?$/, '') } }];
  return null;
}

function summarize(messages: ModelMessage[], zh: boolean): string {
  const results: string[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i].role === 'tool'; i--) {
    const m = messages[i] as Extract<ModelMessage, { role: 'tool' }>;
    results.unshift(`- **${m.name}**: ${clip(m.content, zh)}`);
  }
  if (zh) return `${DEMO_ZH.results}\n\n${results.join('\n')}\n\n${DEMO_ZH.anythingElse}`;
  return `Here is what the tools returned:\n\n${results.join('\n')}\n\nAnything else? Try another prompt from the welcome message.`;
}

function clip(text: string, zh: boolean): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 160 ? `${one.slice(0, 160)}…` : one || (zh ? DEMO_ZH.empty : '(empty)');
}
