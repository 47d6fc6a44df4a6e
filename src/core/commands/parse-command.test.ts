// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { commandName, formatCommand, parseCommand, typingName } from './parse-command';

const tools = [
  { name: 'calculate', description: 'Evaluates arithmetic.' },
  { name: 'read_file', description: 'Reads a local file.' },
  { name: 'write_file', description: 'Writes a file.' },
  { name: 'list_files', description: 'Lists files.' },
];

describe('parseCommand', () => {
  it('treats text without a leading slash as a message', () => {
    expect(parseCommand('what is 6*7?', tools)).toEqual({ kind: 'message', text: 'what is 6*7?' });
    expect(parseCommand('a / b', tools)).toEqual({ kind: 'message', text: 'a / b' });
  });

  it('turns a leading "//" into a literal slash message', () => {
    expect(parseCommand('//etc/hosts is a file', tools)).toEqual({ kind: 'message', text: '/etc/hosts is a file' });
    expect(parseCommand('  //x', tools)).toEqual({ kind: 'message', text: '  /x' });
  });

  it('reads a bare command as a call with no arguments', () => {
    expect(parseCommand('/list_files', tools)).toEqual({ kind: 'call', name: 'list_files', args: {} });
    expect(parseCommand('  /list_files  \n', tools)).toEqual({ kind: 'call', name: 'list_files', args: {} });
  });

  it('reads the JSON object after the name, with any whitespace around it', () => {
    expect(parseCommand('/calculate {"expression":"6*7"}', tools)).toEqual({ kind: 'call', name: 'calculate', args: { expression: '6*7' } });
    expect(parseCommand('/write_file\n{\n  "name": "a.md",\n  "content": "x"\n}\n', tools)).toEqual({
      kind: 'call',
      name: 'write_file',
      args: { name: 'a.md', content: 'x' },
    });
    expect(parseCommand('/calculate{"expression":"1"}', tools)).toMatchObject({ kind: 'call', args: { expression: '1' } });
  });

  it('refuses a slash without a name', () => {
    expect(parseCommand('/', tools)).toEqual({ kind: 'error', error: { code: 'missing-name' } });
    expect(parseCommand('/ {"a":1}', tools)).toEqual({ kind: 'error', error: { code: 'missing-name' } });
  });

  it('refuses an unknown tool and suggests close names', () => {
    expect(parseCommand('/calc {"expression":"1"}', tools)).toEqual({
      kind: 'error',
      error: { code: 'unknown-tool', name: 'calc', suggestions: ['calculate'] },
    });
    expect(parseCommand('/etc/hosts', tools)).toMatchObject({ error: { code: 'unknown-tool', name: 'etc/hosts', suggestions: [] } });
    // Names match exactly: a different case is another tool.
    expect(parseCommand('/Calculate', tools)).toMatchObject({ error: { code: 'unknown-tool' } });
  });

  it('reports invalid JSON with its position in the whole text', () => {
    expect(parseCommand('/calculate {"expression": }', tools)).toEqual({
      kind: 'error',
      error: { code: 'invalid-json', problem: 'value', offset: 26, line: 1, column: 27 },
    });
    expect(parseCommand('/calculate {\n  "expression": "1"\n  "x": 2\n}', tools)).toEqual({
      kind: 'error',
      error: { code: 'invalid-json', problem: 'comma-or-brace', offset: 35, line: 3, column: 3 },
    });
    expect(parseCommand('/calculate {"expression": "1"} x', tools)).toMatchObject({ error: { code: 'invalid-json', problem: 'trailing', offset: 31 } });
    expect(parseCommand('/calculate {"expression": "1"', tools)).toMatchObject({ error: { code: 'invalid-json', problem: 'eof', offset: 29 } });
  });

  it('still reports invalid JSON nested too deep for the position scanner', () => {
    const deep = `/calculate {"a":${'['.repeat(200_000)}`;
    expect(parseCommand(deep, tools)).toMatchObject({ kind: 'error', error: { code: 'invalid-json' } });
  });

  it.each(['[1]', '"x"', '42', 'true', 'null', '6*7', 'expression=6*7'])('refuses %s as arguments: they must be an object', (rest) => {
    expect(parseCommand(`/calculate ${rest}`, tools)).toEqual({ kind: 'error', error: { code: 'not-object' } });
  });
});

describe('typingName', () => {
  it('gives the partial name while only "/name" is typed', () => {
    expect(typingName('/')).toBe('');
    expect(typingName('/calc')).toBe('calc');
    expect(typingName('/write_file')).toBe('write_file');
  });

  it('is null once arguments start, for text and for the "//" escape', () => {
    expect(typingName('/calc ')).toBeNull();
    expect(typingName('/calc{')).toBeNull();
    expect(typingName('//')).toBeNull();
    expect(typingName('hello /calc')).toBeNull();
    expect(typingName(' /calc')).toBeNull();
  });
});

describe('commandName / formatCommand', () => {
  it('reads the name of a command text', () => {
    expect(commandName('/calculate {"a":1}')).toBe('calculate');
    expect(commandName('//x')).toBeNull();
    expect(commandName('x')).toBeNull();
  });

  it('writes short arguments on one line, long ones indented, none without braces', () => {
    expect(formatCommand('list_files', {})).toBe('/list_files');
    expect(formatCommand('calculate', { expression: '6*7' })).toBe('/calculate {"expression":"6*7"}');
    const long = formatCommand('write_file', { name: 'notes.md', content: 'x'.repeat(80) });
    expect(long.split('\n')).toHaveLength(4);
    expect(parseCommand(long, [{ name: 'write_file', description: '' }])).toMatchObject({ kind: 'call', args: { name: 'notes.md' } });
  });
});
