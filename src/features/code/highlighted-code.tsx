import { memo, type ReactNode } from 'react';
import { chunkEnds } from '../chat/markdown/chunked-string';
import { useHighlight } from './highlight-loader';

/** Code is highlighted in pieces of about this many characters, ending at line breaks. */
export const PIECE_CHARS = 2048;

const Piece = memo(function Piece({ text, highlight }: { text: string; highlight: ((code: string) => ReactNode) | null }) {
  return <>{highlight ? highlight(text) : text}</>;
});

/**
 * Code as memoized pieces: as a program streams in, each render highlights only the growing last
 * piece (a couple of KB), so a 100 KB file costs the same per frame as a small one, and a finished
 * piece is never highlighted again. A piece ends at a line break when one is near, so a construct
 * that spans a boundary (a long block comment, a multi-line string) can lose its colour there;
 * blocks up to PIECE_CHARS — nearly all code in answers — are highlighted whole.
 */
export function CodePieces({ code, highlight }: { code: string; highlight: ((code: string) => ReactNode) | null }) {
  if (code.length <= PIECE_CHARS) return <Piece text={code} highlight={highlight} />;
  let start = 0;
  return (
    <>
      {chunkEnds(code, PIECE_CHARS).map((end, i) => {
        const text = code.slice(start, end);
        start = end;
        return <Piece key={i} text={text} highlight={highlight} />;
      })}
    </>
  );
}

/** Highlighted code (the grammar loads on demand; an unknown language stays plain). */
export function HighlightedCode({ code, language }: { code: string; language: string | null }) {
  const highlight = useHighlight(language);
  return <CodePieces code={code} highlight={highlight} />;
}
