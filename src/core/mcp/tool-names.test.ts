// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PREFIX, MAX_TOOL_NAME, exposedToolNames, serverPrefix, uniquePrefix } from './tool-names';

const VALID = /^[a-zA-Z0-9_-]{1,64}$/;

describe('serverPrefix', () => {
  it('keeps letters, digits, _ and -, lower-cased, and squeezes the rest into single underscores', () => {
    expect(serverPrefix('My Files')).toBe('my_files');
    expect(serverPrefix('  GitHub (work) / v2 ')).toBe('github_work_v2');
    expect(serverPrefix('weather-eu')).toBe('weather-eu');
  });

  it('falls back to "mcp" when nothing usable is left', () => {
    expect(serverPrefix('天气')).toBe('mcp');
    expect(serverPrefix('...')).toBe('mcp');
  });

  it('stays within the prefix limit without a trailing separator', () => {
    const prefix = serverPrefix('a'.repeat(23) + ' tail');
    expect(prefix.length).toBeLessThanOrEqual(MAX_PREFIX);
    expect(prefix).toBe('a'.repeat(23));
  });
});

describe('uniquePrefix', () => {
  it('numbers a prefix that is taken', () => {
    expect(uniquePrefix('files', [])).toBe('files');
    expect(uniquePrefix('files', ['files'])).toBe('files_2');
    expect(uniquePrefix('files', ['files', 'files_2'])).toBe('files_3');
  });

  it('shortens a long prefix to make room for the number', () => {
    const long = 'x'.repeat(MAX_PREFIX);
    expect(uniquePrefix(long, [long])).toBe('x'.repeat(MAX_PREFIX - 2) + '_2');
  });
});

describe('exposedToolNames', () => {
  it('joins prefix and tool name with a double underscore', () => {
    expect(exposedToolNames('srv', ['slow_count', 'echo'])).toEqual(['srv__slow_count', 'srv__echo']);
  });

  it('makes names that sanitizing merged distinct', () => {
    expect(exposedToolNames('srv', ['files.read', 'files/read', 'files_read'])).toEqual([
      'srv__files_read',
      'srv__files_read_2',
      'srv__files_read_3',
    ]);
  });

  it('shortens long names to 64 characters and keeps long names with a shared start apart', () => {
    const a = 'x'.repeat(80) + 'a';
    const b = 'x'.repeat(80) + 'b';
    const [na, nb] = exposedToolNames(serverPrefix('a server with a long name'), [a, b]);
    expect(na.length).toBeLessThanOrEqual(MAX_TOOL_NAME);
    expect(nb.length).toBeLessThanOrEqual(MAX_TOOL_NAME);
    expect(na).not.toBe(nb);
  });

  it('always yields valid, unique names for any server and tool names', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ maxLength: 120 }), { maxLength: 12 }), (server, tools) => {
        const names = exposedToolNames(serverPrefix(server), tools);
        expect(names).toHaveLength(tools.length);
        for (const name of names) expect(name).toMatch(VALID);
        expect(new Set(names).size).toBe(names.length);
      }),
    );
  });
});
