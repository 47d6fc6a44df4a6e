import { useCallback, useEffect, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { StoreApi } from 'zustand';
import type { ChatController, ChatSnapshot } from '../../core/run/chat-controller';
import type { StartRefusal } from '../../core/run/run-registry';
import type { Message } from '../../core/conversation/types';
import type { ToolRegistry } from '../../core/tools/registry';
import { useToolsVersion } from '../../store/use-tool-list';
import { useChat } from '../../store/chat-store';
import { activePath } from '../../core/conversation/tree';
import { AssistantTurn } from './assistant-turn';
import { branchIndex } from './branch-index';
import { EmptyState } from './empty-state';
import { estimateMessageHeight } from './estimate-height';
import { UserMessage } from './user-message';
import { toolActionsFor } from './tool-actions';
import { useFollowScroll } from './use-follow-scroll';
import { useT } from '../../i18n';
import { messages as chatMessages } from './messages';

/** A divider shown just above one message of the active path (e.g. where the model's context begins). */
export interface MessageDivider {
  beforeMessageId: string;
  node: ReactNode;
}

interface Props {
  store: StoreApi<ChatSnapshot>;
  controller: ChatController;
  tools: ToolRegistry;
  modelLabel: string;
  demo: boolean;
  onOpenSettings(): void;
  /** Optional marker row above a message; the app wires the context marker here. */
  divider?: MessageDivider | null;
  /** Whether this conversation may start a run now (other conversations may hold every slot). */
  admit?(): StartRefusal | null;
  /** False while other conversations hold every run slot: Regenerate, Retry and Edit wait (the composer says why). */
  canStart?: boolean;
  /** Set (a new object each time) when the user asked to be taken to the call waiting for approval. */
  focusApproval?: object | null;
  onFocusedApproval?(): void;
}

// Frames to wait for the waiting card to render after a conversation opens (virtualized rows measure first).
const FOCUS_FRAMES = 30;

// Rows rendered beyond the viewport on each side: enough that a wheel notch never shows a gap.
const OVERSCAN = 6;

/**
 * The conversation column. Only the rows near the viewport are in the DOM (a 2,000-message
 * conversation costs what a 20-message one does); rows are measured as they render and whenever
 * they change size, and the view follows the stream unless the user scrolled away.
 */
export function ChatView({ store, controller, tools, modelLabel, demo, onOpenSettings, divider, admit, canStart = true, focusApproval, onFocusedApproval }: Props) {
  const t = useT(chatMessages);
  const messages = useChat(store, (s) => activePath(s.conversation));
  const conversationId = useChat(store, (s) => s.conversation.id);
  const allMessages = useChat(store, (s) => s.conversation.messages);
  const branchOf = useMemo(() => branchIndex(allMessages), [allMessages]);
  const turnId = useChat(store, (s) => s.turnId);
  const runIdle = useChat(store, (s) => s.run.phase === 'idle');
  // What may start a run (regenerate, retry, edit) is offered only when a run may start.
  const idle = runIdle && canStart;
  const actions = useMemo(() => toolActionsFor(controller), [controller]);
  // Cards read their tool's schema from the registry; an MCP server connecting must reach them.
  const toolsVersion = useToolsVersion(tools);
  // The registry stays the same object as tools come and go; its version makes a new lookup then.
  const toolOf = useMemo(() => (name: string) => tools.get(name), [tools, toolsVersion]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const { away, jump, isPinned } = useFollowScroll(scrollRef, contentRef, conversationId);

  // Opened from a sidebar badge: scroll to the call that waits and put the keyboard on it (A, R, E act on it).
  useEffect(() => {
    if (!focusApproval) return;
    let frames = 0;
    let handle = 0;
    const find = () => {
      const card = scrollRef.current?.querySelector<HTMLElement>('section[data-status="pending_approval"]');
      if (card) {
        card.scrollIntoView({ block: 'center' });
        card.focus({ preventScroll: true });
        onFocusedApproval?.();
      } else if (++frames < FOCUS_FRAMES) handle = requestAnimationFrame(find);
      else onFocusedApproval?.();
    };
    handle = requestAnimationFrame(find);
    return () => cancelAnimationFrame(handle);
  }, [focusApproval, onFocusedApproval]);

  const renderMessage = (m: Message, i: number) =>
    m.role === 'user' ? (
      <UserMessage message={m} {...branchOf(m.id)} idle={idle} controller={controller} />
    ) : (
      <AssistantTurn
        turn={m}
        live={m.id === turnId && !runIdle}
        isLast={i === messages.length - 1}
        idle={idle}
        canAct={m.id === turnId}
        toolOf={toolOf}
        actions={actions}
        controller={controller}
        onOpenSettings={onOpenSettings}
        {...branchOf(m.id)}
      />
    );

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scrollRef} className="h-full overflow-y-auto [overflow-anchor:none]" data-testid="conversation" data-message-count={allMessages.length}>
        {messages.length === 0 ? (
          <EmptyState modelLabel={modelLabel} demo={demo} onPick={(text) => !admit?.() && controller.send(text)} />
        ) : (
          <VirtualRows
            key={conversationId}
            messages={messages}
            scrollRef={scrollRef}
            contentRef={contentRef}
            renderMessage={renderMessage}
            divider={divider ?? null}
            isPinned={isPinned}
          />
        )}
      </div>
      {away && (
        <button type="button" onClick={jump} className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium shadow-md hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
          {t('jumpToLatest')}
        </button>
      )}
    </div>
  );
}

interface RowsProps {
  messages: Message[];
  scrollRef: RefObject<HTMLDivElement | null>;
  contentRef: RefObject<HTMLDivElement | null>;
  renderMessage(m: Message, index: number): ReactNode;
  divider: MessageDivider | null;
  isPinned(): boolean;
}

function VirtualRows({ messages, scrollRef, contentRef, renderMessage, divider, isPinned }: RowsProps) {
  const estimateSize = useCallback((i: number) => estimateMessageHeight(messages[i]), [messages]);
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey: (i) => messages[i].id,
    overscan: OVERSCAN,
    paddingStart: 24,
    // The conversation opens at its latest message.
    initialOffset: () => messages.reduce((sum, m) => sum + estimateMessageHeight(m), 0),
    useFlushSync: false,
  });
  // Following the bottom is useFollowScroll's job; the virtualizer keeps the view steady only when
  // the user is reading back (a row above the viewport measured at its real height).
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = (item, _delta, instance) => {
    if (isPinned()) return false;
    const top = instance.scrollOffset ?? 0;
    // First measure: a row starting above the view was an estimate; later: only rows wholly above.
    if (!instance.itemSizeCache.has(item.key)) return item.start < top;
    return item.end <= top && instance.scrollDirection !== 'backward';
  };
  const rows = virtualizer.getVirtualItems();

  return (
    <div className="relative mx-auto w-full max-w-3xl" style={{ height: virtualizer.getTotalSize() }} aria-live="off">
      <div
        ref={contentRef}
        className="absolute inset-x-0 top-0 px-4"
        style={{ transform: `translateY(${rows[0]?.start ?? 0}px)` }}
      >
        {rows.map((row) => {
          const m = messages[row.index];
          if (!m) return null; // a range computed for a longer path than the one just switched to
          return (
            <div key={row.key} data-index={row.index} ref={virtualizer.measureElement} className="pb-6">
              {divider?.beforeMessageId === m.id && <div className="pb-6">{divider.node}</div>}
              {renderMessage(m, row.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
