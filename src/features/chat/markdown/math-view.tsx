import { memo, useLayoutEffect, useRef, useState } from 'react';
import { lazyResource } from '../../../ui/lazy-resource';
import { useT } from '../../../i18n';
import { messages } from './messages';

type Render = typeof import('./katex-render').renderMath;

const katexRenderer = lazyResource<Render>(() => import('./katex-render').then((module) => module.renderMath));

export interface MathViewProps {
  tex: string;
  display: boolean;
  /** The span as written, delimiters included: shown until KaTeX arrives and when the TeX is invalid. */
  source: string;
}

/**
 * One TeX expression. KaTeX loads on the first one; until then, and for TeX it cannot parse, the
 * source shows as written (an invalid expression gets a quiet mark whose title says why).
 * Memoized on its TeX, so a finished formula is typeset once while the answer streams on.
 */
export const MathView = memo(function MathView({ tex, display, source }: MathViewProps) {
  const t = useT(messages);
  const katex = katexRenderer.useValue();
  const ref = useRef<HTMLSpanElement>(null);
  const [error, setError] = useState<{ tex: string; message: string } | null>(null);
  const failed = error?.tex === tex;

  useLayoutEffect(() => {
    const target = ref.current;
    if (!katex || !target) return;
    try {
      katex(tex, target, display);
    } catch (e) {
      target.textContent = '';
      setError({ tex, message: e instanceof Error ? e.message : String(e) });
    }
  }, [katex, tex, display]);

  if (!katex || failed)
    return (
      <span className="font-mono text-[0.9em] whitespace-pre-wrap" data-math="source">
        {source}
        {failed && (
          <span
            role="img"
            aria-label={t('mathInvalid', { error: error.message })}
            title={t('mathInvalid', { error: error.message })}
            className="ml-0.5 align-super text-[0.7em] text-amber-700 dark:text-amber-400"
          >
            ⚠
          </span>
        )}
      </span>
    );
  // KaTeX owns this element's children; React renders it empty and never touches them.
  return <span ref={ref} data-math={display ? 'display' : 'inline'} className={display ? 'block max-w-full overflow-x-auto overflow-y-hidden' : undefined} />;
});
