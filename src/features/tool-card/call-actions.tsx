import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ToolCallStatus } from '../../core/conversation/types';
import { isInFlight, isSettled } from './status';
import { useT } from '../../i18n';
import { messages } from './messages';
import { AllowMenu, type AllowScope } from './permissions/allow-menu';

export interface CallActionsProps {
  status: ToolCallStatus;
  rejecting: boolean;
  onApprove(): void;
  /** Approves and remembers (a permission rule); absent where rules cannot be added. */
  onAllow?(scope: AllowScope): void;
  onStartReject(): void;
  onConfirmReject(reason: string | undefined): void;
  onBackFromReject(): void;
  onReview(): void;
  onCancel(): void;
}

/** The buttons a call's status allows; rendering nothing when no action applies. */
export function CallActions(props: CallActionsProps) {
  const { status } = props;
  const t = useT(messages);
  if (status === 'pending_approval') {
    if (props.rejecting) {
      return <RejectForm onConfirm={props.onConfirmReject} onBack={props.onBackFromReject} />;
    }
    return (
      <Row>
        <AllowMenu onAllow={props.onAllow}>
          <Button variant="primary" onClick={props.onApprove} shortcut="A">
            {t('approve')}
          </Button>
        </AllowMenu>
        <Button variant="danger" onClick={props.onStartReject} shortcut="R">
          {t('reject')}
        </Button>
        <Button onClick={props.onReview} shortcut="E">
          {t('reviewArguments')}
        </Button>
      </Row>
    );
  }
  if (isInFlight(status)) {
    return (
      <Row>
        <Button variant="danger" onClick={props.onCancel}>
          {t('cancelCall')}
        </Button>
        <Button onClick={props.onReview} shortcut="E">
          {t('editAndRestart')}
        </Button>
      </Row>
    );
  }
  if (isSettled(status)) {
    return (
      <Row>
        <Button onClick={props.onReview} shortcut="E">
          {t('rerunWithEdits')}
        </Button>
      </Row>
    );
  }
  return null;
}

function Row({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap items-center gap-2">{children}</div>;
}

const VARIANT = {
  primary:
    'bg-indigo-600 text-white hover:bg-indigo-500 border-transparent dark:bg-indigo-500 dark:hover:bg-indigo-400',
  danger:
    'border-zinc-300 text-red-700 hover:bg-red-50 dark:border-zinc-600 dark:text-red-300 dark:hover:bg-red-950/50',
  plain:
    'border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800',
};

function Button({
  children,
  onClick,
  variant = 'plain',
  shortcut,
  type = 'button',
}: {
  children: ReactNode;
  onClick?: () => void;
  variant?: keyof typeof VARIANT;
  shortcut?: string;
  type?: 'button' | 'submit';
}) {
  return (
    <button
      type={type}
      onClick={onClick}
      aria-keyshortcuts={shortcut?.toLowerCase()}
      className={`inline-flex items-center gap-1.5 rounded-lg border px-3 py-1.5 text-sm font-medium focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-1 focus-visible:outline-none dark:focus-visible:ring-offset-zinc-900 ${VARIANT[variant]}`}
    >
      {children}
      {shortcut && (
        <kbd
          aria-hidden="true"
          className="hidden rounded border border-current/30 px-1 font-sans text-[10px] leading-4 opacity-70 sm:inline"
        >
          {shortcut}
        </kbd>
      )}
    </button>
  );
}

function RejectForm({ onConfirm, onBack }: { onConfirm(reason: string | undefined): void; onBack(): void }) {
  const t = useT(messages);
  const [reason, setReason] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  useEffect(() => inputRef.current?.focus(), []);
  return (
    <form
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-700"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = reason.trim();
        onConfirm(trimmed === '' ? undefined : trimmed);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onBack();
        }
      }}
    >
      <label htmlFor={inputId} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {t('reason')} <span className="font-normal text-zinc-500 dark:text-zinc-400">{t('reasonHint')}</span>
      </label>
      <input
        id={inputId}
        ref={inputRef}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        aria-label={t('reason')}
        className="w-full rounded-lg border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 focus:ring-2 focus:ring-indigo-500 focus:outline-none dark:border-zinc-600 dark:bg-zinc-950 dark:text-zinc-100"
      />
      <Row>
        <Button type="submit" variant="danger">
          {t('confirmReject')}
        </Button>
        <Button onClick={onBack}>{t('back')}</Button>
      </Row>
    </form>
  );
}
