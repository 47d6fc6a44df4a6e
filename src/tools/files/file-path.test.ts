// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PATH_LENGTH, normalizePath, pathPattern, pathProblem, type PathRule, type PathUse } from './file-path';

// How the schema sees a path: JSON Schema's maxLength (code points) and `pattern` under the `u` flag.
function schemaAccepts(path: string, use: PathUse): boolean {
  return [...path].length <= MAX_PATH_LENGTH && new RegExp(pathPattern(use), 'u').test(path);
}

describe('pathProblem', () => {
  it.each([
    'notes.md',
    'reports/q3.csv',
    '/reports/q3.csv',
    'a/b/c/d.txt',
    'Résumé 2024.txt',
    '.hidden',
    'a..b',
    '...',
    'x'.repeat(255),
    'con.txt', // may exist from an older version: readable and deletable
    '报告/第三季度.csv',
  ])('accepts %j', (path) => {
    expect(pathProblem(path)).toBeNull();
    expect(schemaAccepts(path, 'existing')).toBe(true);
  });

  it.each<[string, PathRule, RegExp, PathUse?]>([
    ['', 'empty', /empty/],
    ['/', 'empty', /empty/],
    ['../x', 'dot_segment', /"\.\."/],
    ['a/../b', 'dot_segment', /"\.\."/],
    ['./a', 'dot_segment', /"\."/],
    ['a//b', 'empty_segment', /empty part/],
    ['//a', 'empty_segment', /empty part/],
    ['a/', 'empty_segment', /empty part/],
    ['x'.repeat(256), 'segment_too_long', /256 characters.*255/],
    [`${'abcdefgh/'.repeat(114)}x.txt`, 'too_long', /1031 characters.*1024/],
    ['a\\b', 'bad_character', /"\\"/],
    ['bad\nname', 'bad_character', /control characters/],
    ['nul\u0000', 'bad_character', /control characters/],
    [' padded.txt', 'edge_space', /white space/],
    ['dir /a', 'edge_space', /white space/],
    ['CON', 'reserved_name', /reserved/, 'create'],
    ['notes/lpt1.txt', 'reserved_name', /reserved/, 'create'],
    ['Aux.tar.gz', 'reserved_name', /reserved/, 'create'],
  ])('refuses %j with the rule %s', (path, rule, message, use = 'existing') => {
    const problem = pathProblem(path, use);
    expect(problem?.rule).toBe(rule);
    expect(problem?.message).toMatch(message);
    expect(schemaAccepts(path, use)).toBe(false);
  });

  it('keeps reserved names for reading but not for creating', () => {
    expect(pathProblem('con.txt', 'existing')).toBeNull();
    expect(pathProblem('con.txt', 'create')?.rule).toBe('reserved_name');
    expect(pathProblem('console.txt', 'create')).toBeNull();
    expect(pathProblem('com10', 'create')).toBeNull();
  });

  it('normalises the leading slash away', () => {
    expect(normalizePath('/reports/q3.csv')).toBe('reports/q3.csv');
    expect(normalizePath('reports/q3.csv')).toBe('reports/q3.csv');
  });
});

describe('the schema pattern and the store agree', () => {
  // Pieces that sit on every rule's edge, so random joins hit the boundaries often.
  const piece = fc.oneof(
    fc.constantFrom('/', '.', '..', ' ', '\t', '\u00a0', '\u2028', '\\', '\u0000', '\u007f', 'a', 'Z', '.txt', 'con', 'CON', 'Lpt9', 'com', 'nul.', 'é', '😀', '\ud800'),
    fc.string({ maxLength: 4 }),
    fc.constantFrom('x'.repeat(250), 'y'.repeat(253), 'z'.repeat(254)),
  );
  const path = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

  it.each<PathUse>(['existing', 'create'])('for %s paths', (use) => {
    fc.assert(
      fc.property(path, (candidate) => {
        expect(schemaAccepts(candidate, use)).toBe(pathProblem(candidate, use) === null);
      }),
      { numRuns: 3000 },
    );
  });

  it('at the total length limit', () => {
    const segment = 'abcdefgh/';
    const at = segment.repeat(113) + 'x'.repeat(MAX_PATH_LENGTH - 113 * 9);
    expect(at.length).toBe(MAX_PATH_LENGTH);
    expect(pathProblem(at)).toBeNull();
    expect(schemaAccepts(at, 'create')).toBe(true);
    expect(pathProblem(`${at}y`)?.rule).toBe('too_long');
    expect(schemaAccepts(`${at}y`, 'create')).toBe(false);
  });
});
