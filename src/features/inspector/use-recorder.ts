import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RunRecorder } from '../../core/inspector';

/**
 * The recorder's version, re-read at most once per animation frame while the caller is mounted: a
 * fast stream records thousands of events a second, the panel repaints once per frame. The panel is
 * only mounted while open, so a closed inspector costs no rendering at all.
 */
export function useRecorderVersion(recorder: RunRecorder): number {
  const [version, setVersion] = useState(() => recorder.version());
  useEffect(() => {
    let frame = 0;
    const off = recorder.subscribe(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion(recorder.version());
      });
    });
    setVersion(recorder.version());
    return () => {
      off();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [recorder]);
  return version;
}

/** Whether a CSS media query matches, following changes (the panel is a column on wide screens, a sheet on phones). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia?.(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => window.matchMedia?.(query).matches ?? true,
  );
}
