// The scriptable mock LLM server: OpenAI chat completions and Anthropic Messages wire formats
// (both playing the same scripts from the same per-key queues) plus a control API.

import http from 'node:http';
import { messagesBodyProblem } from './anthropic-checks.mjs';
import { chatView, lastUserText } from './chat-view.mjs';
import { applyCors, openAIError, parseJson, readBody, sendJson, sendText } from './http-util.mjs';
import { anthropicError, respondAnthropic } from './respond-anthropic.mjs';
import { respondResponses, responsesBodyProblem } from './respond-responses.mjs';
import { respond } from './respond.mjs';
import { scenarioFor } from './scenarios.mjs';

const MODELS = ['mock-small', 'mock-large'];
const MODELS_CREATED = 1_700_000_000;
const LOG_LIMIT = 500;
const MARKER = /\[\[([A-Za-z0-9_-]+)\]\]/;

/** Starts the mock server; port 0 picks a free port. */
export async function startMockServer({ port = 0, host = '127.0.0.1' } = {}) {
  const state = { keys: new Map(), seq: 0 };
  const server = http.createServer((req, res) => {
    handle(req, res, state).catch((err) => {
      sendJson(res, 500, openAIError(500, { message: `mock server bug: ${err?.message ?? err}` }));
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${boundPort}`,
    port: boundPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Stalled streams would otherwise keep the server open forever.
        server.closeAllConnections();
      }),
  };
}

function bucket(state, key) {
  let b = state.keys.get(key);
  if (!b) {
    b = { queue: [], log: [] };
    state.keys.set(key, b);
  }
  return b;
}

/** The bearer token (or x-api-key) identifies the test; requests without one share "default". */
function keyOf(req) {
  const auth = req.headers.authorization;
  const bearer = typeof auth === 'string' ? /^Bearer\s+(.+)$/i.exec(auth.trim())?.[1] : undefined;
  const apiKey = req.headers['x-api-key'];
  return bearer || (typeof apiKey === 'string' && apiKey) || 'default';
}

async function handle(req, res, state) {
  const url = new URL(req.url ?? '/', 'http://mock.invalid');
  const seq = ++state.seq;
  applyCors(req, res);
  res.setHeader('x-request-id', `req_mock_${seq}`);

  if (req.method === 'OPTIONS') {
    res.writeHead(204, { 'Content-Length': '0' });
    res.end();
    return;
  }
  if (url.pathname.startsWith('/__mock/')) return control(req, res, url, state);

  const route = /^(?:\/v1)?\/(models|chat\/completions|messages|responses)$/.exec(url.pathname)?.[1];
  if (!route) {
    sendJson(res, 404, openAIError(404, { message: `Unknown path ${url.pathname}`, code: 'unknown_url' }));
    return;
  }

  const rawBody = req.method === 'POST' ? await readBody(req) : '';
  const body = parseJson(rawBody);
  const key = keyOf(req);
  const entry = {
    id: `req_mock_${seq}`,
    method: req.method,
    path: url.pathname,
    headers: { ...req.headers },
    body,
    startedAt: Date.now(),
    endedAt: null,
    closedEarly: false,
    completed: false,
    dropped: false,
    source: null,
  };
  const log = bucket(state, key).log;
  log.push(entry);
  if (log.length > LOG_LIMIT) log.shift();

  const controller = new AbortController();
  const onClose = () => {
    entry.endedAt = Date.now();
    entry.completed = res.writableFinished;
    // A fault that drops the socket on purpose is not the client closing early.
    entry.closedEarly = !res.writableFinished && !entry.dropped;
    controller.abort();
  };
  res.on('close', onClose);
  // The client may have gone while its body was still being read.
  if (res.destroyed) onClose();

  // Anthropic clients say so in a header; their errors and model list take Anthropic's shape.
  const anthropic = route === 'messages' || typeof req.headers['anthropic-version'] === 'string';
  const fail = (status, message) =>
    sendJson(res, status, anthropic ? anthropicError(status, { message }) : openAIError(status, { message }));

  if (key === 'bad-key') return fail(401);
  if (route === 'models') {
    if (req.method !== 'GET') return fail(405);
    sendJson(res, 200, anthropic ? anthropicModels() : {
      object: 'list',
      data: MODELS.map((id) => ({ id, object: 'model', created: MODELS_CREATED, owned_by: 'mock' })),
    });
    return;
  }
  if (req.method !== 'POST') return fail(405);
  if (route === 'messages') {
    const problem = messagesBodyProblem(body);
    if (problem) return fail(400, problem);
  } else if (route === 'responses') {
    const problem = responsesBodyProblem(body);
    if (problem) return fail(400, problem);
  } else if (!body || typeof body !== 'object' || !Array.isArray(body.messages)) {
    return fail(400, "Missing required parameter: 'messages'.");
  }

  const { script, source } = pickScript(state, key, body);
  entry.source = source;
  await (route === 'messages' ? respondAnthropic : route === 'responses' ? respondResponses : respond)(res, script, {
    body,
    seq,
    signal: controller.signal,
    onDrop: () => {
      entry.dropped = true;
    },
  });
}

/** Queue first, then a `[[marker]]` scenario, then the echo answer. */
function pickScript(state, key, body) {
  const queued = bucket(state, key).queue.shift();
  if (queued) return { script: queued, source: 'queue' };
  // Scenarios read one conversation shape, whichever protocol (or prompted mode) sent it.
  const view = { ...body, messages: chatView(body) };
  const lastUser = lastUserText(view.messages);
  const name = MARKER.exec(lastUser)?.[1];
  const scenario = name ? scenarioFor(name, view) : undefined;
  if (scenario) return { script: scenario, source: `scenario:${name}` };
  return { script: { text: `Mock reply to: ${lastUser}` }, source: 'echo' };
}

function anthropicModels() {
  const data = MODELS.map((id) => ({
    type: 'model',
    id,
    display_name: id.replace('mock-', 'Mock ').replace(/\b\w/g, (c) => c.toUpperCase()),
    created_at: new Date(MODELS_CREATED * 1000).toISOString(),
  }));
  return { data, has_more: false, first_id: data[0].id, last_id: data[data.length - 1].id };
}

async function control(req, res, url, state) {
  const key = url.searchParams.get('key') || 'default';
  const action = url.pathname.slice('/__mock/'.length);

  if (action === 'health' && req.method === 'GET') return sendText(res, 200, 'ok');

  if (action === 'requests' && req.method === 'GET') return sendJson(res, 200, bucket(state, key).log);

  if (action === 'queue' && req.method === 'POST') {
    const body = parseJson(await readBody(req));
    const responses = body?.responses;
    if (!Array.isArray(responses) || !responses.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
      return sendJson(res, 400, { error: 'body must be {"responses": [script objects]}' });
    }
    const queue = bucket(state, key).queue;
    queue.push(...responses);
    return sendJson(res, 200, { key, queued: queue.length });
  }

  if (action === 'reset' && req.method === 'POST') {
    if (url.searchParams.get('all') === '1') state.keys.clear();
    else state.keys.delete(key);
    return sendJson(res, 200, { ok: true });
  }

  sendJson(res, 404, { error: `unknown control route ${req.method} ${url.pathname}` });
}
