// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_CSP, contentSecurityPolicy, DEV_POLICY_TAG } from './content-security-policy';

const directives = new Map(APP_CSP.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('the app CSP', () => {
  it('allows no inline script, no eval and no inline style', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(APP_CSP).not.toMatch(/unsafe-|data:|blob:/);
    expect([...directives.values()].flat()).not.toContain('*');
  });

  it('connects to any https endpoint but to plain http only on this computer', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']);
  });

  it('frames only our own origin (the sandbox page) and forbids plugins, <base> and form posts', () => {
    expect(directives.get('frame-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('is written into the built index.html in place of the dev tag', () => {
    const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
    expect(html).toContain(DEV_POLICY_TAG);
    const plugin = contentSecurityPolicy();
    expect(plugin.apply).toBe('build');
    const transform = plugin.transformIndexHtml as (html: string) => string;
    const built = transform(html);
    expect(built).toContain(`content="${APP_CSP}"`);
    expect(built).not.toContain(DEV_POLICY_TAG);
    // The policy must precede every script it governs.
    expect(built.indexOf(APP_CSP)).toBeLessThan(built.indexOf('<script'));
    expect(() => transform('<html></html>')).toThrow(/lost its Content-Security-Policy/);
  });
});
