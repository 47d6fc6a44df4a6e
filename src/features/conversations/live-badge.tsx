import type { LiveState } from '../../core/run/run-registry';
import { useT, type Translator } from '../../i18n';
import { messages } from './messages';

/**
 * What a conversation of this tab is doing, under its title. Waiting for approval is a button: it
 * opens the conversation at the waiting card (a separate control from the row's link, so both are
 * reachable by keyboard).
 */
export function LiveBadge({ state, title, onOpenApproval }: { state: LiveState; title: string; onOpenApproval(): void }) {
  const t = useT(messages);
  switch (state.kind) {
    case 'idle':
      return null;
    case 'approval':
      return (
        <button
          type="button"
          onClick={onOpenApproval}
          aria-label={t('liveApprovalLabel', { title, count: state.count })}
          data-testid="approval-badge"
          className="relative z-10 mt-0.5 ml-3 inline-flex max-w-[calc(100%-1.5rem)] items-center gap-1.5 self-start rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 hover:bg-amber-200 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:bg-amber-900/60 dark:text-amber-100 dark:hover:bg-amber-900"
        >
          <span className="size-1.5 shrink-0 rounded-full bg-amber-500" aria-hidden />
          <span className="truncate">{t('liveApproval', { count: state.count })}</span>
        </button>
      );
    default:
      return (
        <span data-testid="live-state" data-state={state.kind} className={`mt-0.5 ml-3 flex items-center gap-1.5 text-xs ${TONE[state.kind]}`}>
          <span className={`size-1.5 shrink-0 rounded-full ${DOT[state.kind]}`} aria-hidden />
          <span className="truncate">{label(state, t)}</span>
        </span>
      );
  }
}

type Shown = Exclude<LiveState, { kind: 'idle' } | { kind: 'approval' }>;

function label(state: Shown, t: Translator<keyof typeof messages.en>): string {
  if (state.kind === 'streaming') return t('liveStreaming');
  if (state.kind === 'tool') return t('liveTool', { tool: state.name });
  if (state.kind === 'failed') return t('liveFailed');
  return t('liveCutOff');
}

const TONE: Record<Shown['kind'], string> = {
  streaming: 'text-indigo-700 dark:text-indigo-300',
  tool: 'text-indigo-700 dark:text-indigo-300',
  failed: 'text-red-700 dark:text-red-300',
  'cut-off': 'text-zinc-600 dark:text-zinc-300',
};

const DOT: Record<Shown['kind'], string> = {
  streaming: 'animate-pulse bg-indigo-500',
  tool: 'animate-pulse bg-indigo-500',
  failed: 'bg-red-500',
  'cut-off': 'bg-zinc-400',
};
