import { useId } from 'react';
import type { McpServerStatus, McpServerView } from '../../core/mcp/mcp-manager';
import type { McpToolHint } from '../../core/mcp/types';
import { useT, type Translator } from '../../i18n';
import { BUTTON, ERROR_TEXT, HELP } from '../settings/field-styles';
import { RefreshIcon } from '../settings/icons';
import { messages } from './messages';
import { problemText } from './problem-text';

export interface ServerRowProps {
  server: McpServerView;
  pageOrigin: string;
  onReconnect(): void;
  onRemove(): void;
}

/** One configured server: name, address, connection status, its tools, Reconnect and Remove. */
export function ServerRow({ server, pageOrigin, onReconnect, onRemove }: ServerRowProps) {
  const t = useT(messages);
  const nameId = useId();
  const { status } = server;
  return (
    <li aria-labelledby={nameId} className="flex flex-col gap-2 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800" data-testid="mcp-server">
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <div className="flex min-w-0 flex-col">
          <span id={nameId} className="truncate text-sm font-medium">
            {server.name}
          </span>
          <span className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{server.url}</span>
        </div>
        {/* Not role=status: the dialog's connection test owns that role; a live region still announces changes. */}
        <span aria-live="polite" data-testid="mcp-status" className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${CHIP[status.state]}`}>
          <span aria-hidden className={`size-1.5 rounded-full ${DOT[status.state]} ${status.state === 'connecting' ? 'animate-pulse' : ''}`} />
          {statusText(t, status)}
        </span>
      </div>

      {status.state === 'error' && <p className={ERROR_TEXT} data-testid="mcp-problem">{problemText(t, status.problem, server.url, pageOrigin)}</p>}

      {status.state === 'connected' && status.catalog.length > 0 && (
        <details className="group text-xs">
          <summary className="cursor-pointer rounded text-zinc-600 select-none hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-zinc-400 dark:hover:text-zinc-100">
            {t('toolsSummary', { count: status.tools.length })}
          </summary>
          <ul className="mt-1.5 flex flex-col gap-1" data-testid="mcp-tools">
            {status.catalog.map((tool) => (
              <li key={tool.name} data-testid="mcp-tool" className="flex flex-wrap items-center gap-1.5">
                <span className={`rounded-md bg-zinc-100 px-1.5 py-0.5 font-mono break-all text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300 ${tool.offered ? '' : 'line-through'}`}>{tool.name}</span>
                {tool.title && <span className="text-zinc-700 dark:text-zinc-300">{tool.title}</span>}
                {tool.hints.map((hint) => (
                  <span key={hint} className={`rounded-full px-1.5 py-px text-[11px] font-medium ${HINT_STYLE[hint]}`}>
                    {t(HINT_LABEL[hint])}
                  </span>
                ))}
                {!tool.offered && <span className="w-full text-zinc-600 dark:text-zinc-400">{t('toolNeedsTasks')}</span>}
              </li>
            ))}
          </ul>
          {status.catalog.some((tool) => tool.hints.length > 0) && <p className={`mt-1.5 ${HELP}`}>{t('hintsNote')}</p>}
        </details>
      )}

      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className={HELP}>{server.hasToken ? t(server.rememberToken ? 'tokenRemembered' : 'tokenTab') : ''}</span>
        <div className="ml-auto flex gap-2">
          <button type="button" className={BUTTON} onClick={onReconnect} disabled={status.state === 'connecting'} aria-label={t('reconnectNamed', { name: server.name })}>
            <RefreshIcon />
            {t('reconnect')}
          </button>
          <button type="button" className={BUTTON} onClick={onRemove} aria-label={t('removeNamed', { name: server.name })}>
            {t('remove')}
          </button>
        </div>
      </div>
    </li>
  );
}

function statusText(t: Translator<keyof (typeof messages)['en'] & string>, status: McpServerStatus): string {
  if (status.state === 'connecting') return t('statusConnecting');
  if (status.state === 'error') return status.problem.kind === 'refused' ? t('statusRefused') : t('statusError');
  return status.tools.length === 1 ? t('statusConnectedOne') : t('statusConnected', { count: status.tools.length });
}

const HINT_LABEL = { readOnly: 'hintReadOnly', destructive: 'hintDestructive', openWorld: 'hintOpenWorld' } as const satisfies Record<McpToolHint, string>;

const HINT_STYLE: Record<McpToolHint, string> = {
  readOnly: 'bg-sky-50 text-sky-800 dark:bg-sky-950/60 dark:text-sky-200',
  destructive: 'bg-amber-50 text-amber-900 dark:bg-amber-950/60 dark:text-amber-200',
  openWorld: 'bg-violet-50 text-violet-800 dark:bg-violet-950/60 dark:text-violet-200',
};

const CHIP: Record<McpServerStatus['state'], string> = {
  connecting: 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  connected: 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-200',
  error: 'bg-red-50 text-red-800 dark:bg-red-950/60 dark:text-red-200',
};

const DOT: Record<McpServerStatus['state'], string> = {
  connecting: 'bg-zinc-400',
  connected: 'bg-emerald-500',
  error: 'bg-red-500',
};
