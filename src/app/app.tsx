import { useCallback, useEffect, useRef, useState, type ComponentProps } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ChatView } from '../features/chat/chat-view';
import { ContextMarker } from '../features/export/context-marker';
import { activePath } from '../core/conversation/tree';
import { lastOf } from '../core/run/turn-updates';
import { Composer } from '../features/composer/composer';
import { LazyMcpServersSection } from '../features/mcp/lazy-mcp-servers-section';
import { ConversationDrawer } from '../features/conversations/conversation-drawer';
import { ConversationSidebar } from '../features/conversations/conversation-sidebar';
import { RunningElsewhere } from '../features/conversations/running-elsewhere';
import { StorageBanner } from '../features/conversations/storage-banner';
import { NoticeToast, ToastArea, UndoToast } from '../features/conversations/toasts';
import { isDemo } from '../core/providers/provider-config';
import { useSettings } from '../store/settings-store';
import { useChat } from '../store/chat-store';
import { useConversations } from '../store/conversations-store';
import { useRunPreferences } from '../store/run-preferences';
import { AppHeader } from './app-header';
import { inspector, runPreferences, tools } from './chat-runtime';
import { conversationsStore, mirrorStore, session } from './persistence-runtime';
import { hashFor } from '../store/session/routing';
import { useAttention } from './use-attention';
import { SidebarFooter } from './sidebar-footer';
import { useT } from '../i18n';
import { messages } from './messages';
import { useHelpShortcut } from '../features/shortcuts/use-help-shortcut';
import { InspectorPanel, McpHost, PermissionsDialogHost, SettingsDialog, ShortcutsDialog } from './lazy-panels';
import { Announcer } from '../features/announcer/announcer';

const contextMarker = <ContextMarker />;
const loadMcpManager = () => import('./mcp-runtime').then((m) => m.mcpServers);
const mcpSection = <LazyMcpServersSection loadManager={loadMcpManager} />;

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

/** Composition root: the only place that wires features together. */
export function App() {
  // The conversation on screen; runs in the others go on and only show in the sidebar.
  const shownId = useConversations(conversationsStore, (s) => s.shownId);
  const shown = session.get(shownId) ?? session.shown();
  const { controller, store: chatStore } = shown;
  // Where the model's view of the conversation begins, when older turns no longer fit its context.
  const contextStart = useChat(chatStore, (s) => lastOf(activePath(s.conversation), 'assistant')?.contextStartId ?? null);
  const config = useSettings((s) => s.config);
  const demo = isDemo(config);
  const t = useT(messages);
  const modelLabel = demo ? t('demoLabel') : config.model || t('noModelChosen');
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [permissionsOpen, setPermissionsOpen] = useState(false);
  const openPermissions = useCallback(() => setPermissionsOpen(true), []);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const openShortcuts = useCallback(() => setShortcutsOpen(true), []);
  useHelpShortcut(openShortcuts);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [inspectorOpen, setInspectorOpen] = useState(false);
  const inspectorButton = useRef<HTMLButtonElement>(null);
  const toggleInspector = useCallback(() => setInspectorOpen((open) => !open), []);
  const closeInspector = useCallback(() => setInspectorOpen(false), []);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const closeDrawer = useCallback(() => setDrawerOpen(false), []);

  useEffect(() => session.start(), []);
  useAttention();

  const idle = useChat(chatStore, (s) => s.run.phase === 'idle');
  const maxRuns = useRunPreferences(runPreferences, (s) => s.maxRuns);
  const runningCount = useConversations(conversationsStore, (s) => s.runningHere.length);
  // This conversation cannot start a run now: as many others run as the settings allow.
  const runLimit = idle && runningCount >= maxRuns ? { code: 'run-limit' as const, limit: maxRuns } : null;
  const empty = useChat(chatStore, (s) => s.conversation.messages.length === 0);
  const mirrored = useConversations(conversationsStore, (s) => s.mirror !== null);
  const opening = useConversations(conversationsStore, (s) => s.opening);
  const fault = useConversations(conversationsStore, (s) => s.fault);
  const pendingDelete = useConversations(conversationsStore, (s) => s.pendingDelete);
  const notice = useConversations(conversationsStore, (s) => s.notice);
  const focusApproval = useConversations(conversationsStore, (s) => (s.focusApproval?.id === shownId ? s.focusApproval : null));
  const newChatDisabled = empty && !mirrored;

  // The chat itself, or while another tab runs this conversation, that tab's mirrored copy.
  const chatView = (store: typeof chatStore, divider?: ComponentProps<typeof ChatView>['divider']) => (
    <ChatView
      store={store}
      controller={controller}
      admit={session.admitShown}
      canStart={runLimit === null}
      tools={tools}
      modelLabel={modelLabel}
      demo={demo}
      onOpenSettings={openSettings}
      divider={divider}
      focusApproval={focusApproval}
      onFocusedApproval={session.focusedApproval}
    />
  );

  const sidebar = (placement: 'desktop' | 'always') => (
    <ConversationSidebar
      store={conversationsStore}
      actions={session}
      hrefFor={hashFor}
      newChatDisabled={newChatDisabled}
      newChatVisible={placement}
      onChosen={placement === 'always' ? closeDrawer : undefined}
      footer={<SidebarFooter chat={chatStore} onShowShortcuts={openShortcuts} />}
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
          onOpenPermissions={openPermissions}
          inspectorOpen={inspectorOpen}
          onToggleInspector={toggleInspector}
          inspectorButton={inspectorButton}
        />
        {fault && <StorageBanner fault={fault} onRetry={session.retrySaving} />}
        <div className="flex min-h-0 flex-1">
          <aside className="hidden w-72 shrink-0 border-r border-zinc-200 bg-zinc-50 md:block dark:border-zinc-800 dark:bg-zinc-900/40">{sidebar('desktop')}</aside>
          <main className="flex min-h-0 min-w-0 flex-1 flex-col">
            {opening ? (
              <p className="m-auto text-sm text-zinc-500 dark:text-zinc-400" role="status">
                {t('openingConversation')}
              </p>
            ) : mirrored ? (
              <>
                {chatView(mirrorStore)}
                <RunningElsewhere />
              </>
            ) : (
              <>
                {chatView(chatStore, contextStart ? { beforeMessageId: contextStart, node: contextMarker } : null)}
                <Composer store={chatStore} controller={controller} admit={session.admitShown} runLimit={runLimit} />
              </>
            )}
          </main>
          {/* A column beside the chat on wide screens, a full-screen sheet on phones; unmounted when closed. */}
          {inspectorOpen && <InspectorPanel recorder={inspector} onClose={closeInspector} returnFocusTo={inspectorButton} />}
        </div>
      </div>
      <ConversationDrawer open={drawerOpen} onClose={closeDrawer}>
        {sidebar('always')}
      </ConversationDrawer>
      <ToastArea>
        {pendingDelete && <UndoToast title={pendingDelete.title} onUndo={session.undoRemove} />}
        {notice && <NoticeToast text={notice} onDismiss={session.dismissNotice} />}
      </ToastArea>
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} onOpenPermissions={openPermissions} mcpServers={mcpSection} runPreferences={runPreferences} />}
      {/* After Settings, so opened from there it stacks on top and closing it returns to Settings. */}
      {permissionsOpen && <PermissionsDialogHost onClose={() => setPermissionsOpen(false)} />}
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      <McpHost />
      <Announcer store={chatStore} />
    </QueryClientProvider>
  );
}
