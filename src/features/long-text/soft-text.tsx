import { Fragment, memo } from 'react';
import { needsSoftBreaks, softBreakPieces } from './soft-breaks';

/**
 * Plain text with a <wbr> inside every long unbroken run (see soft-breaks.ts): lays out in
 * linear time and copies as exactly `text`. Short text renders as the bare string.
 */
export const SoftText = memo(function SoftText({ text }: { text: string }) {
  if (!needsSoftBreaks(text)) return <>{text}</>;
  const pieces = softBreakPieces(text);
  return (
    <>
      {pieces.map((piece, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </>
  );
});
