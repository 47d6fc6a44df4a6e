import type { Plugin } from 'vite';

/**
 * The app's Content-Security-Policy, shipped in the built index.html:
 * - scripts and styles only from our own files: no inline script, no eval, no injected <style>;
 * - connections to our origin, any https endpoint, and plain http only on this computer (Ollama,
 *   LM Studio, llama.cpp, a local vLLM): a key sent over plain http to another host would cross the
 *   network readable by anyone on the way;
 * - images from https (remote images in answers load only on a click anyway);
 * - frames only from our origin: the run_javascript sandbox page, which must not navigate away;
 * - no plugins, no <base> rewriting, no form posts.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "font-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "frame-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The meta tag in index.html that the build fills in; the dev server keeps its frame-src rule only. */
export const DEV_POLICY_TAG = `<meta http-equiv="Content-Security-Policy" content="frame-src 'self'" />`;

/**
 * Build only: the dev server needs inline scripts (React refresh) and eval (source maps), which the
 * production policy forbids.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'callstream-content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      if (!html.includes(DEV_POLICY_TAG)) throw new Error('index.html lost its Content-Security-Policy meta tag');
      return html.replace(DEV_POLICY_TAG, `<meta http-equiv="Content-Security-Policy" content="${APP_CSP}" />`);
    },
  };
}
