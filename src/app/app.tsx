import { useCallback, useEffect, useRef, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ChatView } from '../features/chat/chat-view';
import { ContextMarker } from '../features/export/context-marker';
import { activePath } from '../core/conversation/tree';
import { lastOf } from '../core/run/turn-updates';
import { Composer } from '../features/composer/composer';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { ConversationDrawer } from '../features/conversations/conversation-drawer';
import { ConversationSidebar } from '../features/conversations/conversation-sidebar';
import { RunningElsewhere } from '../features/conversations/running-elsewhere';
import { StorageBanner } from '../features/conversations/storage-banner';
import { NoticeToast, ToastArea, UndoToast } from '../features/conversations/toasts';
import { DEMO_LABEL } from '../core/protocols/demo-model';
import { isDemo } from '../core/providers/provider-config';
import { useSettings } from '../store/settings-store';
import { useChat } from '../store/chat-store';
import { useConversations } from '../store/conversations-store';
import { AppHeader } from './app-header';
import { chatStore, controller, tools } from './chat-runtime';
import { conversationsStore, mirrorStore, session } from './persistence-runtime';
import { hashFor } from './routing';
import { SidebarFooter } from './sidebar-footer';

const contextMarker = <ContextMarker />;

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

/** Composition root: the only place that wires features together. */
export function App() {
  // Where the model's view of the conversation begins, when older turns no longer fit its context.
  const contextStart = useChat(chatStore, (s) => lastOf(activePath(s.conversation), 'assistant')?.contextStartId ?? null);
  const config = useSettings((s) => s.config);
  const demo = isDemo(config);
  const modelLabel = demo ? DEMO_LABEL : config.model || 'No model chosen';
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);

  useEffect(() => session.start(), []);

  const idle = useChat(chatStore, (s) => s.run.phase === 'idle');
  const empty = useChat(chatStore, (s) => s.conversation.messages.length === 0);
  const mirrored = useConversations(conversationsStore, (s) => s.mirror !== null);
  const opening = useConversations(conversationsStore, (s) => s.opening);
  const fault = useConversations(conversationsStore, (s) => s.fault);
  const pendingDelete = useConversations(conversationsStore, (s) => s.pendingDelete);
  const notice = useConversations(conversationsStore, (s) => s.notice);
  const newChatDisabled = !idle || (empty && !mirrored);

  const sidebar = (placement: 'desktop' | 'always') => (
    <ConversationSidebar
      store={conversationsStore}
      actions={session}
      hrefFor={hashFor}
      newChatDisabled={newChatDisabled}
      newChatVisible={placement}
      onChosen={placement === 'always' ? closeDrawer : undefined}
      footer={<SidebarFooter />}
    />
  );

  return (
    <QueryClientProvider client={queryClient}>
      <div className="flex h-full flex-col">
        <AppHeader
          newChatDisabled={newChatDisabled}
          onNewChat={() => session.newChat()}
          onOpenConversations={() => setDrawerOpen(true)}
          conversationsOpen={drawerOpen}
          modelLabel={modelLabel}
          demo={demo}
          settingsButton={settingsButton}
          onOpenSettings={openSettings}
        />
        {fault && <StorageBanner fault={fault} onRetry={session.retrySaving} />}
        <div className="flex min-h-0 flex-1">
          <aside className="hidden w-72 shrink-0 border-r border-zinc-200 bg-zinc-50 md:block dark:border-zinc-800 dark:bg-zinc-900/40">{sidebar('desktop')}</aside>
          <main className="flex min-h-0 min-w-0 flex-1 flex-col">
            {opening ? (
              <p className="m-auto text-sm text-zinc-500 dark:text-zinc-400" role="status">
                Opening conversation…
              </p>
            ) : mirrored ? (
              <>
                <ChatView store={mirrorStore} controller={controller} tools={tools} modelLabel={modelLabel} demo={demo} onOpenSettings={openSettings} />
                <RunningElsewhere />
              </>
            ) : (
              <>
                <ChatView
                  store={chatStore}
                  controller={controller}
                  tools={tools}
                  modelLabel={modelLabel}
                  demo={demo}
                  onOpenSettings={openSettings}
                  divider={contextStart ? { beforeMessageId: contextStart, node: contextMarker } : null}
                />
                <Composer store={chatStore} controller={controller} />
              </>
            )}
          </main>
        </div>
      </div>
      <ConversationDrawer open={drawerOpen} onClose={closeDrawer}>
        {sidebar('always')}
      </ConversationDrawer>
      <ToastArea>
        {pendingDelete && <UndoToast title={pendingDelete.title} onUndo={session.undoRemove} />}
        {notice && <NoticeToast text={notice} onDismiss={session.dismissNotice} />}
      </ToastArea>
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </QueryClientProvider>
  );
}
