import { useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { ChatSnapshot } from '../../core/run/chat-controller';
import { useT, type Translator } from '../../i18n';
import { messages } from './messages';
import { SpeechTracker, type Announcement } from './speech-tracker';

// Old lines are dropped: only additions are read, so a short tail is all a screen reader needs.
const KEEP = 8;

type Key = keyof typeof messages.en;

function phrase(t: Translator<Key>, a: Announcement): string {
  if (a.kind === 'text') return a.text;
  if (a.kind === 'tool') return t('toolStatus', { name: a.name, status: t(a.status) });
  return t(a.outcome);
}

/**
 * A visually hidden polite live region that tells screen-reader users what the run does: new
 * sentences of the answer (throttled), tool status changes, and how the run ended. It listens to
 * the store directly, so streaming never re-renders it; it renders only when there is news.
 */
export function Announcer({ store }: { store: StoreApi<ChatSnapshot> }) {
  const t = useT(messages);
  const translate = useRef(t);
  useEffect(() => {
    translate.current = t;
  });
  const [lines, setLines] = useState<{ id: number; text: string }[]>([]);

  useEffect(() => {
    const tracker = new SpeechTracker();
    tracker.baseline(store.getState());
    let nextId = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = (snap: ChatSnapshot) => {
      clearTimeout(timer);
      const { say, wakeAt } = tracker.update(snap, Date.now());
      if (say.length > 0) {
        const added = say.map((a) => ({ id: nextId++, text: phrase(translate.current, a) }));
        setLines((prev) => [...prev, ...added].slice(-KEEP));
      }
      // Sentences held back by the throttle must still be said if the stream goes quiet.
      if (wakeAt !== undefined) timer = setTimeout(() => read(store.getState()), Math.max(0, wakeAt - Date.now()));
    };
    // Read in a task of its own, after the frame's render: announcing is never urgent, and riding
    // along with the chat's commit would lengthen the busiest task of a fast stream.
    let queued: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe(() => {
      queued ??= setTimeout(() => {
        queued = undefined;
        read(store.getState());
      }, 0);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
      clearTimeout(queued);
    };
  }, [store]);

  return (
    <div role="log" aria-live="polite" aria-relevant="additions" className="sr-only" data-testid="announcer">
      {lines.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
    </div>
  );
}
