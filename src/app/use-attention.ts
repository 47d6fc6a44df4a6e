import { useEffect } from 'react';
import { attentionMessages } from '../features/conversations/messages';
import { currentLocale, translator } from '../i18n';
import { watchAttention, type AttentionEvent } from '../store/session/attention';
import { hashFor } from '../store/session/routing';
import { runPreferences } from './chat-runtime';
import { conversationsStore } from './persistence-runtime';

const BASE_TITLE = 'Callstream';

/** The page title counts what waits for the user; a hidden tab notifies when the user turned that on. */
export function useAttention() {
  useEffect(
    () =>
      watchAttention({
        store: conversationsStore,
        baseTitle: BASE_TITLE,
        setTitle: (title) => (document.title = title),
        hidden: () => document.visibilityState === 'hidden',
        enabled: () => runPreferences.getState().notify && typeof Notification === 'function' && Notification.permission === 'granted',
        notify: showNotification,
      }),
    [],
  );
}

function showNotification(event: AttentionEvent) {
  const t = translator(attentionMessages, currentLocale());
  const title = conversationsStore.getState().summaries.find((s) => s.id === event.id)?.title ?? t('newChat');
  const key = event.kind === 'needs-approval' ? 'needsApproval' : event.kind === 'failed' ? 'failed' : 'finished';
  // The tag keeps one notification per conversation; clicking it brings the tab to that conversation.
  const note = new Notification(t(key, { title }), { tag: `callstream-${event.id}` });
  note.onclick = () => {
    window.focus();
    window.location.hash = hashFor(event.id);
    note.close();
  };
}
