// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { firstSentence, matchTools } from './match-tools';

const tools = [
  { name: 'list_files', description: "Lists the files in the user's browser storage." },
  { name: 'read_file', description: 'Reads a text file.' },
  { name: 'calculate', description: 'Evaluates an arithmetic expression.' },
  { name: 'fetch_url', description: 'Fetches a web page or a file and returns its text.' },
  { name: 'mcp.readResource', description: 'Reads one resource.' },
  { name: 'files_summary', description: 'Summarises storage.' },
];
const names = (query: string) => matchTools(tools, query).map((t) => t.name);

describe('matchTools', () => {
  it('lists every tool, in registry order, for an empty query', () => {
    expect(names('')).toEqual(tools.map((t) => t.name));
  });

  it('ranks name prefixes first, then word prefixes, then substrings, then descriptions', () => {
    expect(names('file')).toEqual(['files_summary', 'list_files', 'read_file', 'fetch_url']);
    expect(names('read')).toEqual(['read_file', 'mcp.readResource']);
    expect(names('resource')).toEqual(['mcp.readResource']);
    expect(names('ulat')).toEqual(['calculate']);
    expect(names('arithmetic')).toEqual(['calculate']);
  });

  it('ignores case and surrounding spaces, and finds nothing for a stranger', () => {
    expect(names(' CALC ')).toEqual(['calculate']);
    expect(names('zzz')).toEqual([]);
  });
});

describe('firstSentence', () => {
  it('keeps the first sentence or line', () => {
    expect(firstSentence('Reads a file. Files over 200 KB are cut.')).toBe('Reads a file.');
    expect(firstSentence('Line one\nLine two')).toBe('Line one');
    expect(firstSentence('Version 1.5 is here')).toBe('Version 1.5 is here');
    expect(firstSentence('读取文件。超过部分截断')).toBe('读取文件。');
  });
});
