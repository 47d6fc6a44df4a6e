import { memo, type ReactNode } from 'react';
import { chunkEnds } from '../chat/markdown/chunked-string';
import { useHighlight } from './highlight-loader';

/** Code is highlighted in pieces of about this many characters, ending at line breaks. */
export const PIECE_CHARS = 2048;

type PieceProps = { text: string; highlight: ((code: string) => ReactNode) | null; block?: boolean };

const Piece = memo(function Piece({ text, highlight, block }: PieceProps) {
  const content = highlight ? highlight(text) : text;
  // A finished piece of whole lines is a block of its own: the browser lays out only the growing tail.
  return block ? <span className="block">{content}</span> : <>{content}</>;
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
  const ends = chunkEnds(code, PIECE_CHARS);
  return (
    <>
      {ends.map((end, i) => {
        const text = code.slice(start, end);
        const block = i < ends.length - 1 && text.endsWith('\n') && (start === 0 || code[start - 1] === '\n');
        start = end;
        return <Piece key={i} text={text} highlight={highlight} block={block} />;
      })}
    </>
  );
}

/** Highlighted code (the grammar loads on demand; an unknown language stays plain). */
export function HighlightedCode({ code, language }: { code: string; language: string | null }) {
  const highlight = useHighlight(language);
  return <CodePieces code={code} highlight={highlight} />;
}
