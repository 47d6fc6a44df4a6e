// Named scenarios, picked by a `[[name]]` marker in the last user message.
// Each is a response script, or a function of the request body returning one.

const MARKDOWN = `# Release checklist

Here is a short plan for shipping **Callstream 1.0** without surprises. Work through it top to bottom.

## Steps

- Freeze the feature branch and tag a release candidate
- Run the full test suite, including the **end-to-end** specs
- Write the changelog in plain words
- Announce the release to the team
- Watch the error dashboards for a day after the launch

## Timeline

| Phase     | Owner    | Days |
| --------- | -------- | ---- |
| Freeze    | Ada      | 1    |
| Testing   | Linus    | 3    |
| Release   | Grace    | 1    |
| Follow-up | Margaret | 1    |

## Progress

- [x] Draft the plan
- [x] Book the review meeting
- [ ] Publish the build
- [ ] Send the announcement

## Helper

\`\`\`ts
export function daysLeft(phases: { days: number }[]): number {
  return phases.reduce((sum, phase) => sum + phase.days, 0);
}
\`\`\`

That adds up to **6 days** in total. Keep an eye on the testing phase: it is the one most likely to slip, because flaky specs tend to surface only when the whole suite runs together.

If anything goes wrong after the release, roll back first and investigate second. A calm rollback beats a hurried fix, and the **changelog** should say plainly what happened and what users need to do.`;

const SLOW_SENTENCES = [
  'The river moved slowly past the old mill, carrying leaves from the hills.',
  'Nobody in the village remembered when the wheel had last turned.',
  'Children still came on summer evenings to throw stones into the race.',
  'A heron stood on the far bank, patient as a fence post.',
  'Far off, a train crossed the valley and its sound arrived late.',
  'The miller kept his ledgers in a tin box under the stairs.',
];
// About 300 six-character chunks of prose.
const SLOW_TEXT = Array.from({ length: 30 }, (_, i) => SLOW_SENTENCES[i % SLOW_SENTENCES.length]).join(' ').slice(0, 1800);

const WEATHER_ARGS = { city: 'Paris', unit: 'celsius' };

/** Tool messages sent after the last user message: the results of this turn's earlier rounds. */
function toolResultsThisTurn(body) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  let lastUser = -1;
  messages.forEach((m, i) => {
    if (m?.role === 'user') lastUser = i;
  });
  return messages.slice(lastUser + 1).filter((m) => m?.role === 'tool');
}

/** Finds the name of the call a tool message answers, via the assistant's tool_calls. */
function answeredToolNames(body) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  const names = new Map();
  for (const m of messages) {
    for (const call of m?.tool_calls ?? []) names.set(call.id, call.function?.name);
  }
  return toolResultsThisTurn(body).map((m) => names.get(m.tool_call_id) ?? m.name);
}

export const scenarios = {
  markdown: { text: MARKDOWN, chunkSize: 10, delayMs: 20 },

  slow: { text: SLOW_TEXT, chunkSize: 6, delayMs: 40 },

  reasoning: {
    reasoning: 'The user wants a short answer. I will keep it to one sentence.',
    text: 'Here is a short answer after some thinking.',
    delayMs: 15,
  },

  length: {
    text: 'This answer runs out of room before it reaches the end of the',
    finishReason: 'length',
  },

  'fault-401': { fault: { type: 'http', status: 401, message: 'Incorrect API key provided.', code: 'invalid_api_key' } },
  'fault-500': { fault: { type: 'http', status: 500 } },
  'fault-429': { fault: { type: 'http', status: 429, retryAfter: 2 } },

  drop: {
    text: 'This reply is cut off by a dropped connection long before it reaches its end.',
    fault: { type: 'drop', afterChunks: 5 },
  },

  malformed: {
    text: 'This reply carries one malformed line in the middle of its stream.',
    fault: { type: 'malformed', afterChunks: 3 },
  },

  stall: {
    text: 'This reply starts, then goes quiet until the client gives up.',
    fault: { type: 'stall', afterChunks: 3 },
  },

  'error-event': {
    text: 'This reply starts normally, then the provider',
    fault: { type: 'error-event', afterChunks: 4, message: 'The model is overloaded. Please try again.' },
  },

  'tool-weather': (body) =>
    answeredToolNames(body).includes('get_weather')
      ? { text: 'It is 18 °C in Paris.' }
      : { toolCalls: [{ name: 'get_weather', arguments: WEATHER_ARGS }], chunkSize: 3, delayMs: 30 },

  'tool-parallel': (body) =>
    toolResultsThisTurn(body).length > 0
      ? { text: 'Paris, Tokyo and Lima all answered.' }
      : {
          toolCalls: [
            { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } },
            { name: 'get_weather', arguments: { city: 'Tokyo', unit: 'celsius' } },
            { name: 'get_weather', arguments: { city: 'Lima', unit: 'fahrenheit' } },
          ],
          interleaveToolCalls: true,
          chunkSize: 5,
          delayMs: 20,
        },

  'tool-bad-args': (body) =>
    toolResultsThisTurn(body).length > 0
      ? { text: 'Sorry, those arguments were wrong.' }
      : { toolCalls: [{ name: 'get_weather', arguments: { town: 'Paris', unit: 'kelvin' } }], delayMs: 20 },

  // Header + 3 argument pieces arrive: `{"city":"Paris","u` — then the socket closes.
  'tool-drop-args': {
    toolCalls: [{ name: 'get_weather', arguments: WEATHER_ARGS }],
    chunkSize: 6,
    delayMs: 20,
    fault: { type: 'drop', afterChunks: 4 },
  },
};

/** The scenario `name` resolved against a request body, or undefined when there is none. */
export function scenarioFor(name, body) {
  const entry = Object.hasOwn(scenarios, name) ? scenarios[name] : undefined;
  return typeof entry === 'function' ? entry(body) : entry;
}
