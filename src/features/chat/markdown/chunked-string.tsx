import { memo } from 'react';
import { formatJsonStringBody } from './json-format';
import { SoftText } from '../../long-text/soft-text';

/** Strings longer than this render as chunks (see ChunkedString). */
export const CHUNK_CHARS = 2048;

/**
 * Where each chunk of `value` ends. A chunk ends after a line break in the second half of its
 * window when there is one (so it can be laid out as a block of whole lines), else at the window's
 * end without splitting a surrogate pair. The rule reads only the window, so as a streamed string
 * grows every earlier chunk stays identical; the last chunk is whatever is left.
 */
export function chunkEnds(value: string, size = CHUNK_CHARS): number[] {
  const ends: number[] = [];
  let start = 0;
  while (start < value.length) {
    let end = start + size;
    if (end >= value.length) end = value.length;
    else {
      // Scanned by hand: lastIndexOf would run on to the string's start when no break is near.
      let newline = end - 1;
      while (newline >= start + size / 2 && value.charCodeAt(newline) !== 10) newline--;
      if (newline >= start + size / 2) end = newline + 1;
      else {
        const last = value.charCodeAt(end - 1);
        if (end - start > 1 && last >= 0xd800 && last <= 0xdbff) end -= 1;
      }
    }
    ends.push(end);
    start = end;
  }
  return ends;
}

const Chunk = memo(function Chunk({ text, block }: { text: string; block: boolean }) {
  return (
    <span className={block ? 'block' : undefined}>
      <SoftText text={formatJsonStringBody(text)} />
    </span>
  );
});

/**
 * The escaped body of a long JSON string as a row of memoized chunks: while a 100 KB argument
 * streams in, each frame escapes and re-renders only the last chunk. A finished chunk of whole
 * lines is a block of its own, so the browser lays out only the growing tail, not the whole text.
 */
export function ChunkedString({ value }: { value: string }) {
  let start = 0;
  const pieces = chunkEnds(value).map((end) => {
    const text = value.slice(start, end);
    start = end;
    return text;
  });
  const endsLine = pieces.map((text) => text.endsWith('\n'));
  // A block must start and end at line breaks to look exactly like the inline text it replaces;
  // the first chunk follows the key on its line and the last one is still growing.
  const block = pieces.map((_, i) => i > 0 && i < pieces.length - 1 && endsLine[i - 1] && endsLine[i]);
  return (
    <>
      {pieces.map((text, i) => {
        // The edge of a block is the line break: keeping the character too would make copied
        // text (and innerText) show an extra empty line there.
        const strip = endsLine[i] && (block[i] || block[i + 1] === true);
        return <Chunk key={i} text={strip ? text.slice(0, -1) : text} block={block[i]} />;
      })}
    </>
  );
}
