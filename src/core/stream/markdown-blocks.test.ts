import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeTail, createBlockSplitter, splitBlocks, type MarkdownBlock } from './markdown-blocks';
import { chunkText, markdownDocument } from './markdown-arbitrary';

describe('splitBlocks', () => {
  it('breaks at blank lines between simple blocks', () => {
    expect(splitBlocks('# Title\n\nFirst para\nstill first.\n\n---\n\nLast')).toEqual([
      '# Title\n\n',
      'First para\nstill first.\n\n',
      '---\n\n',
      'Last',
    ]);
  });

  it('keeps leading blank lines with the first block instead of making an empty block', () => {
    expect(splitBlocks('\n\nHello\n\nWorld')).toEqual(['\n\nHello\n\n', 'World']);
  });

  it('keeps fenced code with blank lines as one block, for backticks and tildes', () => {
    const code = '```js\nconst a = 1;\n\n\nconst b = 2;\n```\n\n';
    const tilde = '~~~\n# not a heading\n\n- not a list\n~~~\n\n';
    expect(splitBlocks(`${code}${tilde}after`)).toEqual([code, tilde, 'after']);
  });

  it('does not close a fence with a shorter or different fence', () => {
    const code = '````md\n```\n\ninner\n```\n\n~~~\n````\n\n';
    expect(splitBlocks(`${code}after`)).toEqual([code, 'after']);
  });

  it('handles fences indented up to three spaces but treats four as indented code', () => {
    const indentedFence = '   ```\n   a\n\n   b\n  ```\n\n';
    expect(splitBlocks(`${indentedFence}after`)).toEqual([indentedFence, 'after']);
    // Indented four spaces, this is content, not a closing fence.
    expect(splitBlocks('```\na\n    ```\n\nstill code')).toHaveLength(1);
    // Four spaces in, the backticks continue the paragraph and open no fence.
    expect(splitBlocks('para\n    ```\n\nafter')).toEqual(['para\n    ```\n\n', 'after']);
  });

  it('lets an unclosed fence swallow the rest of the document', () => {
    expect(splitBlocks('intro\n\n```py\nx = 1\n\n# comment\n\nmore')).toEqual([
      'intro\n\n',
      '```py\nx = 1\n\n# comment\n\nmore',
    ]);
  });

  it('keeps a loose list with nested and indented continuation as one block', () => {
    const list =
      '1. First\n\n   continued paragraph\n\n   - nested\n\n     nested more\n\n2. Second\n   ```sh\n   npm i\n\n   ```\n\n3. Third\n\n';
    expect(splitBlocks(`${list}After the list.`)).toEqual([list, 'After the list.']);
  });

  it('starts a new block for a list with a different marker', () => {
    expect(splitBlocks('- a\n\n- b\n\n* c\n\n1. d\n\n1) e')).toEqual(['- a\n\n- b\n\n', '* c\n\n', '1. d\n\n', '1) e']);
  });

  it('keeps a table and a block quote (with lazy lines) each as one block', () => {
    const table = '| a | b |\n| - | :-: |\n| 1 | 2 |\n| 3 | 4 |\n\n';
    const quote = '> quoted\nlazy line\n>\n> - item\n>\n> ```\n> code\n> ```\n\n';
    expect(splitBlocks(`${table}${quote}> second quote`)).toEqual([table, quote, '> second quote']);
  });

  it('keeps an HTML comment spanning blank lines as one block', () => {
    const html = '<!--\nhidden\n\n# still hidden\n-->\n\n';
    expect(splitBlocks(`${html}shown`)).toEqual([html, 'shown']);
  });

  it('handles CRLF line endings and tabs', () => {
    expect(splitBlocks('- a\r\n\r\n\tcontinued\r\n\r\nnext')).toEqual(['- a\r\n\r\n\tcontinued\r\n\r\n', 'next']);
  });

  it('is lossless: the blocks concatenate to the input', () => {
    fc.assert(
      fc.property(fc.oneof(markdownDocument, fc.string()), (doc) => {
        expect(splitBlocks(doc).join('')).toBe(doc);
      }),
    );
  });
});

describe('createBlockSplitter', () => {
  it('flags link reference and footnote definitions, which need the whole document', () => {
    const splitter = createBlockSplitter();
    expect(splitter.update('See [docs][1].\n\nMore text\n').hasDefinitions).toBe(false);
    expect(splitter.update('See [docs][1].\n\nMore text\n\n[1]: https://example.com\n').hasDefinitions).toBe(true);
    expect(createBlockSplitter().update('Note[^1].\n\n[^1]: The note.', { final: true }).hasDefinitions).toBe(true);
    expect(createBlockSplitter().update('- [x] done\n- [ ] todo\n\n[link](https://a.b)\n').hasDefinitions).toBe(false);
  });

  it('marks all blocks but the last complete and keeps their keys', () => {
    const splitter = createBlockSplitter();
    const first = splitter.update('# Title\n\nBody\n');
    expect(first.blocks).toEqual([
      { key: 'b0', text: '# Title\n\n', complete: true },
      { key: 'b1', text: 'Body\n', complete: false },
    ]);
    const second = splitter.update('# Title\n\nBody\ntext\n\nNext\n');
    expect(second.blocks[0]).toBe(first.blocks[0]);
    expect(second.blocks.map((b) => b.key)).toEqual(['b0', 'b1', 'b2']);
  });

  it('does not judge an unterminated last line until it ends', () => {
    const splitter = createBlockSplitter();
    // "2" could still become "2. second item" of the same list.
    expect(splitter.update('1. first\n\n2').blocks).toHaveLength(1);
    expect(splitter.update('1. first\n\n2. second').blocks).toHaveLength(1);
    expect(splitter.update('1. first\n\n2. second\n\nThen', { final: true }).blocks.map((b) => b.complete)).toEqual([
      true,
      true,
    ]);
  });

  it('completes a block as soon as the start of the next line settles it', () => {
    const splitter = createBlockSplitter();
    expect(splitter.update('Intro.\n\nA long paragraph still stream').blocks.map((b) => b.complete)).toEqual([
      true,
      false,
    ]);
    // After a list, "- " or "12" may still turn into the next item of the same list.
    expect(createBlockSplitter().update('- a\n\n- b').blocks).toHaveLength(1);
    expect(createBlockSplitter().update('1. a\n\n12').blocks).toHaveLength(1);
    expect(createBlockSplitter().update('1. a\n\n12 apples').blocks).toHaveLength(2);
    expect(createBlockSplitter().update('- a\n\n-- not an item').blocks).toHaveLength(2);
    expect(createBlockSplitter().update('- a\n\n  more of a').blocks).toHaveLength(1);
  });

  it('starts over when the text is not an extension of the previous one', () => {
    const splitter = createBlockSplitter();
    splitter.update('A\n\nB\n\nC');
    expect(splitter.update('X\n\nY\n').blocks.map((b) => b.text)).toEqual(['X\n\n', 'Y\n']);
  });

  it('returns the same result object for an unchanged text', () => {
    const splitter = createBlockSplitter();
    const a = splitter.update('A\n\nB');
    expect(splitter.update('A\n\nB')).toBe(a);
  });

  it('never changes a completed block and ends where a one-shot split ends', () => {
    fc.assert(
      fc.property(markdownDocument, fc.array(fc.nat(), { maxLength: 30 }), (doc, cuts) => {
        const splitter = createBlockSplitter();
        const completed = new Map<string, MarkdownBlock>();
        let text = '';
        for (const chunk of chunkText(doc, cuts)) {
          text += chunk;
          const { blocks } = splitter.update(text);
          expect(blocks.map((b) => b.text).join('')).toBe(text);
          expect(blocks.slice(0, -1).every((b) => b.complete)).toBe(true);
          for (const b of blocks) {
            const earlier = completed.get(b.key);
            if (earlier) expect(b).toEqual(earlier);
            if (b.complete) completed.set(b.key, b);
          }
        }
        const final = splitter.update(doc, { final: true }).blocks.map((b) => b.text);
        expect(final).toEqual(splitBlocks(doc));
      }),
      { numRuns: 300 },
    );
  });
});

describe('closeTail', () => {
  it('closes an open fence so the streaming code renders as code', () => {
    expect(closeTail('```js\nconst a = 1;')).toBe('```js\nconst a = 1;\n```');
    expect(closeTail('~~~~\nx\n')).toBe('~~~~\nx\n~~~~');
  });

  it('drops a half-typed closing fence instead of showing it as code', () => {
    expect(closeTail('```js\nconst a = 1;\n``')).toBe('```js\nconst a = 1;\n```');
  });

  it('closes a fence inside a list item or block quote at the right depth', () => {
    expect(closeTail('1. Run:\n   ```sh\n   npm i')).toBe('1. Run:\n   ```sh\n   npm i\n   ```');
    expect(closeTail('> ```\n> x')).toBe('> ```\n> x\n> ```');
  });

  it('leaves text without an open fence untouched, including a half-typed table', () => {
    for (const text of ['plain `code', '| a | b |', '```js\nx\n```\n', '``']) expect(closeTail(text)).toBe(text);
  });
});
