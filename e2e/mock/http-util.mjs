// Small HTTP helpers shared by the mock server: CORS, JSON replies, OpenAI-shaped errors.

const DEFAULT_ALLOW_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'x-api-key',
  'x-request-id',
  'openai-organization',
  'openai-project',
  'anthropic-version',
  'anthropic-dangerous-direct-browser-access',
  'x-stainless-arch',
  'x-stainless-lang',
  'x-stainless-os',
  'x-stainless-package-version',
  'x-stainless-retry-count',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
  'x-stainless-timeout',
].join(', ');

/** Sets the CORS headers every response carries (errors and SSE included). */
export function applyCors(req, res) {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin || '*');
  if (origin) res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader(
    'Access-Control-Allow-Headers',
    req.headers['access-control-request-headers'] || DEFAULT_ALLOW_HEADERS,
  );
  res.setHeader('Access-Control-Expose-Headers', 'retry-after, x-request-id');
  res.setHeader('Access-Control-Max-Age', '600');
  // Chrome's Private Network Access preflight asks for this explicitly.
  if (req.headers['access-control-request-private-network']) {
    res.setHeader('Access-Control-Allow-Private-Network', 'true');
  }
}

/** True while the response can still be written to. */
export function canWrite(res) {
  return !res.destroyed && !res.writableEnded;
}

/** Ends the response with a JSON body unless the client is already gone. */
export function sendJson(res, status, body, headers = {}) {
  if (!canWrite(res)) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Ends the response with a plain-text body unless the client is already gone. */
export function sendText(res, status, text, headers = {}) {
  if (!canWrite(res)) return;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

// What OpenAI itself answers for each status, so clients classify errors the real way.
const ERROR_DEFAULTS = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported.' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist or you do not have access to it.' },
  405: { type: 'invalid_request_error', code: null, message: 'Method not allowed.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests. Please try again later.' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
};

/** The OpenAI error body `{error: {message, type, param, code}}` for a status. */
export function openAIError(status, { message, code, type } = {}) {
  const base = ERROR_DEFAULTS[status] ?? (status >= 500 ? ERROR_DEFAULTS[500] : ERROR_DEFAULTS[400]);
  return {
    error: {
      message: message ?? base.message,
      type: type ?? base.type,
      param: null,
      code: code === undefined ? base.code : code,
    },
  };
}

/** Reads the whole request body as text (capped so a runaway client cannot exhaust memory). */
export function readBody(req, limit = 20 * 1024 * 1024) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Parses JSON, returning null instead of throwing. */
export function parseJson(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
