import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ToolCallState, ToolCallStatus } from '../../core/conversation/types';
import { CallActions } from './call-actions';
import { CallArguments } from './call-arguments';
import { ContentLog, ProgressBar } from './call-progress';
import { CallResult } from './call-result';
import { ReviewDialog, type ReviewMode } from './review-dialog';
import { STATUS_TONE, formatDuration, isInFlight, isSettled, type StatusTone } from './status';
import { useLocale, useT } from '../../i18n';
import { messages, statusMessages } from './messages';
import { useNow } from '../../ui/use-now';
import { CARD_KEYS, isTextField } from '../shortcuts/shortcut-list';
import type { AllowScope } from './permissions/allow-menu';
import { DeniedChipLabel, DeniedNotice } from './permissions/denied-notice';
import { FoldLine, UnknownToolNotice } from './fold-line';
import { foldMessages } from './fold-messages';

export interface ToolCardActions {
  /** Returns why the approval was refused (in the reader's language), or null. */
  approve(callId: string, editedArgs?: unknown): string | null | void;
  reject(callId: string, reason?: string): void;
  /** A running / queued / pending call only. */
  cancel(callId: string): void;
  /** Re-run a settled call with (edited) args; also "cancel and restart" for a running call. */
  rerun(callId: string, args: unknown): string | null | void;
  /** Approves a waiting call and remembers it as a permission rule for its tool (this conversation or all). */
  allow?(callId: string, scope: AllowScope): void;
}

export interface ToolCardProps {
  call: ToolCallState;
  /** The tool's JSON Schema; undefined for an unknown tool. */
  schema?: Record<string, unknown>;
  /** The tool's human-readable title (an MCP tool's), shown instead of its name. */
  title?: string;
  actions: ToolCardActions;
  /** False while another tab owns the run or no run can take the action: all actions are hidden. */
  canAct: boolean;
}

/** Which review the status allows: approve before running, restart while running, re-run after. */
export function reviewModeFor(status: ToolCallStatus): ReviewMode | undefined {
  if (status === 'pending_approval') return 'approve';
  if (isInFlight(status)) return 'restart';
  if (isSettled(status)) return 'rerun';
  return undefined;
}

const CARD_TONE: Record<StatusTone, string> = {
  neutral: 'border-l-zinc-300 dark:border-l-zinc-600',
  waiting: 'border-l-amber-400 bg-amber-50/60 dark:border-l-amber-500 dark:bg-amber-950/20',
  active: 'border-l-indigo-500 ring-1 ring-indigo-200 shadow-sm shadow-indigo-100 dark:ring-indigo-900 dark:shadow-none',
  success: 'border-l-emerald-500',
  danger: 'border-l-red-500',
};

const CHIP_TONE: Record<StatusTone, string> = {
  neutral: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  waiting: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200',
  active: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-900/60 dark:text-indigo-200',
  success: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
  danger: 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200',
};

const SHORTCUT_HINT = { approve: 'hintApprove', restart: 'hintRestart', rerun: 'hintRerun' } as const satisfies Record<ReviewMode, keyof typeof messages.en>;

/** One tool call inline in an assistant turn: arguments, progress, result and the actions its status allows. */
export function ToolCard({ call, schema, title, actions, canAct }: ToolCardProps) {
  const t = useT(messages);
  const [rejecting, setRejecting] = useState(false);
  // A settled call folds to one line unless the user opened it; waiting and running calls stay open.
  const [unfolded, setUnfolded] = useState(false);
  const foldable = isSettled(call.status);
  const open = !foldable || unfolded;
  const [review, setReview] = useState<ReviewMode | null>(null);
  // Each opening is a new dialog. A browser closes a dialog (Esc) and gives focus back at once, but
  // sends its "close" event a task later: a review opened in between must not be shut by it.
  const [reviewKey, setReviewKey] = useState(0);
  const sectionRef = useRef<HTMLElement>(null);
  const hintId = useId();
  const tone = STATUS_TONE[call.status];
  // A tool that does not exist has no schema to edit against: nothing to re-run.
  const allowedReview = call.unknownTool ? undefined : reviewModeFor(call.status);
  // Derived, so a status change from elsewhere (another tab, the run ending) closes stale UI at once.
  const showReject = canAct && rejecting && call.status === 'pending_approval';
  const openReview = canAct && review !== null && review === allowedReview ? review : null;
  const hint = canAct && allowedReview ? t(SHORTCUT_HINT[allowedReview]) : undefined;

  const reviewWasOpen = useRef(false);
  useEffect(() => {
    if (openReview !== null) {
      reviewWasOpen.current = true;
      return;
    }
    if (!reviewWasOpen.current) return;
    reviewWasOpen.current = false;
    // The dialog returns focus to its opener; when the opener vanished with the status change
    // (e.g. approved), keep keyboard users on this card instead of the page body.
    const active = document.activeElement;
    if (active === null || active === document.body) sectionRef.current?.focus();
  }, [openReview]);

  const startReview = (mode: ReviewMode) => {
    setRejecting(false);
    setReview(mode);
    setReviewKey((k) => k + 1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && event.target === event.currentTarget && foldable && !event.defaultPrevented) {
      event.preventDefault();
      setUnfolded((v) => !v);
      return;
    }
    if (!canAct || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    // Typing in a field, the reject form or the dialog must never trigger a card action.
    if (isTextField(target) || target.closest('dialog, form')) return;
    const key = event.key.toLowerCase();
    if (key === CARD_KEYS.approve && call.status === 'pending_approval') {
      event.preventDefault();
      actions.approve(call.id);
    } else if (key === CARD_KEYS.reject && call.status === 'pending_approval') {
      event.preventDefault();
      setRejecting(true);
    } else if (key === CARD_KEYS.review && allowedReview) {
      event.preventDefault();
      startReview(allowedReview);
    }
  };

  return (
    <section
      ref={sectionRef}
      role="region"
      aria-label={call.name}
      aria-describedby={hint ? hintId : undefined}
      title={hint}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-status={call.status}
      data-folded={open ? undefined : ''}
      className={`my-2 min-w-0 rounded-xl border border-l-4 border-zinc-200 bg-white text-zinc-900 ${open ? 'space-y-3 p-3 sm:p-4' : 'px-3 py-2'} focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:focus-visible:ring-offset-zinc-950 ${CARD_TONE[tone]}`}
    >
      <CardHeader call={call} tone={tone} title={title} foldable={foldable} open={open} onToggle={() => setUnfolded((v) => !v)} />
      {hint && (
        <span id={hintId} className="sr-only">
          {hint}
        </span>
      )}

      {open && call.unknownTool && <UnknownToolNotice name={call.name} />}
      {open && <CallArguments call={call} />}
      {open && <DeniedNotice call={call} />}

      {call.status === 'running' && <ProgressBar name={call.name} progress={call.progress} />}
      {open && call.content && <ContentLog name={call.name} text={call.content} />}
      {open && <CallResult call={call} />}

      {open && canAct && !call.unknownTool && (
        <CallActions
          status={call.status}
          rejecting={showReject}
          onApprove={() => actions.approve(call.id)}
          onAllow={actions.allow && ((scope) => actions.allow?.(call.id, scope))}
          onStartReject={() => setRejecting(true)}
          onConfirmReject={(reason) => {
            setRejecting(false);
            actions.reject(call.id, reason);
          }}
          onBackFromReject={() => {
            setRejecting(false);
            sectionRef.current?.focus();
          }}
          onReview={() => allowedReview && startReview(allowedReview)}
          onCancel={() => actions.cancel(call.id)}
        />
      )}

      {openReview && (
        <ReviewDialog
          key={reviewKey}
          call={call}
          schema={schema}
          mode={openReview}
          onClose={() => setReview(null)}
          onConfirm={(args) => (openReview === 'approve' ? actions.approve(call.id, args) : actions.rerun(call.id, args)) || null}
        />
      )}
    </section>
  );
}

interface CardHeaderProps {
  call: ToolCallState;
  tone: StatusTone;
  title?: string;
  foldable: boolean;
  open: boolean;
  onToggle(): void;
}

function CardHeader({ call, tone, title, foldable, open, onToggle }: CardHeaderProps) {
  const live = isInFlight(call.status) && call.startedAt !== undefined && call.endedAt === undefined;
  const now = useNow(live);
  const t = useT(messages);
  const tStatus = useT(statusMessages);
  const locale = useLocale((s) => s.locale);
  const end = call.endedAt ?? (live ? now : undefined);
  const duration = call.startedAt !== undefined && end !== undefined ? formatDuration(end - call.startedAt, locale) : undefined;
  const tFold = useT(foldMessages);
  const name = (
    <>
      <WrenchIcon />
      <span className={`min-w-0 text-sm font-semibold ${title ? '' : 'font-mono'} ${open ? 'break-all' : 'truncate'}`} title={title ? call.name : undefined}>
        {title ?? call.name}
      </span>
    </>
  );
  return (
    <header className={`flex items-center gap-x-2 gap-y-1 ${open ? 'flex-wrap' : ''}`}>
      {foldable ? (
        // The same button folds and unfolds, so keyboard focus stays on it either way.
        <button
          type="button"
          aria-expanded={open}
          title={open ? tFold('hideDetails') : tFold('showDetails')}
          onClick={onToggle}
          className="flex min-w-0 flex-1 items-center gap-2 rounded-md text-left focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          data-testid="tool-fold"
        >
          <span aria-hidden="true" className={`inline-block shrink-0 text-xs text-zinc-500 transition-transform dark:text-zinc-400 ${open ? 'rotate-90' : ''}`}>
            ▸
          </span>
          {name}
          {!open && <FoldLine call={call} />}
        </button>
      ) : (
        name
      )}
      <span
        data-testid="tool-status"
        className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${CHIP_TONE[tone]}`}
      >
        {call.status === 'running' && (
          <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-current" />
        )}
        {call.denied ? <DeniedChipLabel /> : tStatus(call.status)}
      </span>
      {duration && (
        <span className="ml-auto shrink-0 text-xs whitespace-nowrap text-zinc-500 tabular-nums dark:text-zinc-400" title={t('duration')}>
          {duration}
        </span>
      )}
    </header>
  );
}

function WrenchIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      className="size-4 shrink-0 text-zinc-500 dark:text-zinc-400"
    >
      <path d="M14.7 6.3a1 1 0 0 0 0 1.4l1.6 1.6a1 1 0 0 0 1.4 0l3.77-3.77a6 6 0 0 1-7.94 7.94l-6.91 6.91a2.12 2.12 0 0 1-3-3l6.91-6.91a6 6 0 0 1 7.94-7.94l-3.76 3.76z" />
    </svg>
  );
}
