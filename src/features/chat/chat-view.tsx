import { useMemo } from 'react';
import type { StoreApi } from 'zustand';
import type { ChatController, ChatSnapshot } from '../../core/run/chat-controller';
import type { ToolRegistry } from '../../core/tools/registry';
import { useChat } from '../../store/chat-store';
import { activePath, siblingsOf } from '../../core/conversation/tree';
import { AssistantTurn } from './assistant-turn';
import { EmptyState } from './empty-state';
import { UserMessage } from './user-message';
import { toolActionsFor } from './tool-actions';
import { useFollowScroll } from './use-follow-scroll';

interface Props {
  store: StoreApi<ChatSnapshot>;
  controller: ChatController;
  tools: ToolRegistry;
  modelLabel: string;
  demo: boolean;
  onOpenSettings(): void;
}

/** The conversation column: messages in order, following the stream unless the user scrolled away. */
export function ChatView({ store, controller, tools, modelLabel, demo, onOpenSettings }: Props) {
  const messages = useChat(store, (s) => activePath(s.conversation));
  const conversation = useChat(store, (s) => s.conversation);
  const branchOf = (id: string) => {
    const { ids, index } = siblingsOf(conversation, id);
    return { branchIndex: index, branchCount: ids.length };
  };
  const turnId = useChat(store, (s) => s.turnId);
  const idle = useChat(store, (s) => s.run.phase === 'idle');
  const actions = useMemo(() => toolActionsFor(controller), [controller]);
  const { ref, onScroll, away, jump } = useFollowScroll(messages);

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={ref} onScroll={onScroll} className="h-full overflow-y-auto" data-testid="conversation">
        {messages.length === 0 ? (
          <EmptyState modelLabel={modelLabel} demo={demo} onPick={(text) => controller.send(text)} />
        ) : (
          <div className="mx-auto max-w-3xl space-y-6 px-4 py-6" aria-live="off">
            {messages.map((m, i) =>
              m.role === 'user' ? (
                <UserMessage key={m.id} message={m} {...branchOf(m.id)} idle={idle} controller={controller} />
              ) : (
                <AssistantTurn
                  key={m.id}
                  turn={m}
                  live={m.id === turnId && !idle}
                  isLast={i === messages.length - 1}
                  idle={idle}
                  canAct={m.id === turnId}
                  tools={tools}
                  actions={actions}
                  controller={controller}
                  onOpenSettings={onOpenSettings}
                  {...branchOf(m.id)}
                />
              ),
            )}
          </div>
        )}
      </div>
      {away && (
        <button type="button" onClick={jump} className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium shadow-md hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
          ↓ Jump to latest
        </button>
      )}
    </div>
  );
}
