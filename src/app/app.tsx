import { useCallback, useRef, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ChatView } from '../features/chat/chat-view';
import { Composer } from '../features/composer/composer';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { DEMO_LABEL } from '../core/protocols/demo-model';
import { isDemo } from '../core/providers/provider-config';
import { useSettings } from '../store/settings-store';
import { AppHeader } from './app-header';
import { chatStore, controller, tools } from './chat-runtime';

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

/** Composition root: the only place that wires features together. */
export function App() {
  const config = useSettings((s) => s.config);
  const demo = isDemo(config);
  const modelLabel = demo ? DEMO_LABEL : config.model || 'No model chosen';
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  const openSettings = useCallback(() => setSettingsOpen(true), []);
  return (
    <QueryClientProvider client={queryClient}>
      <div className="flex h-full flex-col">
        <AppHeader store={chatStore} controller={controller} modelLabel={modelLabel} demo={demo} settingsButton={settingsButton} onOpenSettings={openSettings} />
        <main className="flex min-h-0 flex-1 flex-col">
          <ChatView store={chatStore} controller={controller} tools={tools} modelLabel={modelLabel} demo={demo} onOpenSettings={openSettings} />
          <Composer store={chatStore} controller={controller} />
        </main>
      </div>
      <SettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </QueryClientProvider>
  );
}
