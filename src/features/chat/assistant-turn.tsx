import { memo } from 'react';
import type { AssistantMessage, Part } from '../../core/conversation/types';
import type { ChatController } from '../../core/run/chat-controller';
import type { ToolDefinition } from '../../core/tools/types';
import { LongText } from '../long-text';
import { Markdown } from './markdown/markdown';
import { ToolCard, type ToolCardActions } from '../tool-card/tool-card';
import { ToolGroup } from '../tool-card/tool-group';
import { TurnFooter } from './turn-footer';
import { AnswerActions } from './answer-actions';
import { DirectRunNote } from './direct-run-note';
import { useT } from '../../i18n';
import { messages } from './messages';

interface Props {
  turn: AssistantMessage;
  /** This turn is being written by the current run. */
  live: boolean;
  isLast: boolean;
  idle: boolean;
  canAct: boolean;
  /** A tool's argument schema and title; a new function when tools come or go, so memoized turns re-read it. */
  toolOf(name: string): Pick<ToolDefinition, 'parameters' | 'title'> | undefined;
  actions: ToolCardActions;
  controller: ChatController;
  onOpenSettings(): void;
  branchIndex: number;
  branchCount: number;
}

/** One assistant turn: every round's text, reasoning and tool cards in stream order. */
export const AssistantTurn = memo(function AssistantTurn(props: Props) {
  const { turn, live } = props;
  const t = useT(messages);
  const parts = turn.rounds.flatMap((r, round) => r.parts.map((part, i) => ({ part, key: `${round}:${i}` })));
  const lastKey = parts[parts.length - 1]?.key;
  const pending = Object.values(turn.calls).filter((c) => c.status === 'pending_approval').length;
  const waitingForFirstToken = live && props.idle === false && parts.length === 0;
  return (
    <article className="min-w-0" data-role="assistant" aria-label={t('assistantAnswer')} aria-busy={live && !props.idle}>
      {turn.direct && <DirectRunNote />}
      {segments(parts).map((segment) =>
        segment.length === 1 ? (
          <PartView key={segment[0].key} part={segment[0].part} streaming={live && !props.idle && segment[0].key === lastKey} {...props} />
        ) : (
          <ToolGroup key={`group:${segment[0].key}`} calls={segment.flatMap(({ part }) => (part.type === 'tool-call' && turn.calls[part.callId] ? [turn.calls[part.callId]] : []))}>
            {segment.map(({ part, key }) => (
              <PartView key={key} part={part} streaming={false} {...props} />
            ))}
          </ToolGroup>
        ),
      )}
      {waitingForFirstToken && (
        <p className="flex items-center gap-2 py-2 text-sm text-zinc-500" data-testid="thinking">
          <span className="size-2 animate-pulse rounded-full bg-indigo-500" aria-hidden /> {t('thinking')}
        </p>
      )}
      {props.canAct && pending > 1 && (
        <button type="button" onClick={() => props.controller.approveAll()} className="mt-1 rounded-lg bg-emerald-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-500">
          {t('approveAll', { count: pending })}
        </button>
      )}
      {!(live && !props.idle) && <AnswerActions {...props} />}
      <TurnFooter {...props} />
    </article>
  );
});

function PartView({ part, streaming, turn, toolOf, actions, canAct, idle }: Props & { part: Part; streaming: boolean }) {
  const t = useT(messages);
  if (part.type === 'text') return <Markdown text={part.text} streaming={streaming} />;
  if (part.type === 'reasoning')
    return (
      <details className="my-2 rounded-lg border border-zinc-200 px-3 py-2 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400" open={streaming}>
        <summary className="cursor-pointer font-medium select-none">{t('reasoning')}</summary>
        <p className="mt-2 break-words whitespace-pre-wrap">
          <LongText text={part.text} />
        </p>
      </details>
    );
  const call = turn.calls[part.callId];
  if (!call) return null;
  // While a run is in flight only the current round's calls can be acted on; earlier rounds are history.
  const actionable = canAct && (idle || call.round === turn.rounds.length - 1);
  const tool = toolOf(call.name);
  return <CallPart call={call} schema={tool?.parameters} title={tool?.title} actions={actions} canAct={actionable} />;
}

type KeyedPart = { part: Part; key: string };

/** Consecutive tool calls of one round become one group; every other part stands alone. */
function segments(parts: KeyedPart[]): KeyedPart[][] {
  const out: KeyedPart[][] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    const round = (k: string) => k.slice(0, k.indexOf(':'));
    if (p.part.type === 'tool-call' && last?.[0].part.type === 'tool-call' && round(last[0].key) === round(p.key)) last.push(p);
    else out.push([p]);
  }
  return out;
}

// A card re-renders only when its own call changed: the live round keeps unchanged calls identical.
const CallPart = memo(ToolCard);
