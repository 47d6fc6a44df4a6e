// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { normalizeServerUrl, originOf, serverUrlProblem } from './server-url';

describe('serverUrlProblem', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['not a url', 'invalid'],
    ['example.com/mcp', 'invalid'],
    ['ftp://example.com/mcp', 'scheme'],
    ['ws://localhost:3000/mcp', 'scheme'],
    ['http://example.com/mcp', 'insecure'],
    ['http://192.168.1.5:3000/mcp', 'insecure'],
    ['https://user:secret@example.com/mcp', 'credentials'],
  ] as const)('%j → %s', (input, problem) => {
    expect(serverUrlProblem(input)).toBe(problem);
  });

  it.each(['https://example.com/mcp', 'http://localhost:3000/mcp', 'http://127.0.0.1:8080/mcp', ' https://mcp.example.org/ '])(
    'accepts %j',
    (input) => {
      expect(serverUrlProblem(input)).toBeNull();
    },
  );

  it('accepts plain http on the page’s own origin', () => {
    expect(serverUrlProblem('http://intranet.test/mcp', 'http://intranet.test')).toBeNull();
    expect(serverUrlProblem('http://other.test/mcp', 'http://intranet.test')).toBe('insecure');
  });
});

describe('normalizeServerUrl / originOf', () => {
  it('trims, drops the fragment and keeps path and query', () => {
    expect(normalizeServerUrl('  https://Example.com/mcp?x=1#top ')).toBe('https://example.com/mcp?x=1');
  });

  it('gives the origin, or null for garbage', () => {
    expect(originOf('http://127.0.0.1:9000/mcp')).toBe('http://127.0.0.1:9000');
    expect(originOf('nope')).toBeNull();
  });
});
