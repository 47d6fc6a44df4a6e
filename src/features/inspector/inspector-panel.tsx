import { useEffect, useRef, useState, type RefObject } from 'react';
import { useT } from '../../i18n';
import { captureFileName, type RecordedRun, type RunRecorder } from '../../core/inspector';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { downloadFile } from '../export/download-file';
import { CloseIcon, DownloadIcon, InspectorIcon } from './icons';
import { messages } from './messages';
import { RunPicker } from './run-picker';
import { Tabs } from './tabs';
import { TimelineTab } from './timeline-tab';
import { EventsTab } from './events-tab';
import { RequestsTab } from './requests-tab';
import { TimingsTab } from './timings-tab';
import { useMediaQuery, useRecorderVersion } from './use-recorder';
import { ICON_BUTTON, ICON_BUTTON_IDLE } from '../../ui/icon-button';

interface Props {
  recorder: RunRecorder;
  onClose(): void;
  /** Where focus goes back when the panel closes (the header's Inspector button). */
  returnFocusTo: RefObject<HTMLElement | null>;
}

type TabId = 'timeline' | 'events' | 'requests' | 'timings';

// Below this width the panel would squeeze the chat, so it becomes a full-screen sheet.
const WIDE = '(min-width: 1024px)';

/**
 * The inspector for the selected run: a right-hand column on wide screens, a full-screen sheet on
 * phones. Mount it only while open: it subscribes to the recorder (repainting once per frame) for
 * as long as it is mounted, and not at all otherwise.
 */
export function InspectorPanel(props: Props) {
  const wide = useMediaQuery(WIDE);
  return wide ? <Column {...props} /> : <Sheet {...props} />;
}

function Column({ recorder, onClose, returnFocusTo }: Props) {
  const t = useT(messages);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    return () => {
      if (returnFocusTo.current?.isConnected) returnFocusTo.current.focus();
    };
  }, [returnFocusTo]);
  return (
    <aside
      aria-label={t('inspector')}
      data-testid="inspector"
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        // Esc here closes the panel; it must not also reach the page's own Esc (stop the run).
        e.stopPropagation();
        onClose();
      }}
      className="flex w-[26rem] shrink-0 flex-col border-l border-zinc-200 bg-white xl:w-[30rem] dark:border-zinc-800 dark:bg-zinc-900"
    >
      <InspectorContent recorder={recorder} onClose={onClose} closeButton={closeButton} />
    </aside>
  );
}

function Sheet({ recorder, onClose, returnFocusTo }: Props) {
  const t = useT(messages);
  const closeButton = useRef<HTMLButtonElement>(null);
  const dialog = useModalDialog({ onClose, initialFocus: closeButton, returnFocusTo });
  return (
    <dialog
      ref={dialog}
      aria-label={t('inspector')}
      data-testid="inspector"
      className="m-0 h-dvh max-h-none w-screen max-w-none bg-white p-0 text-zinc-900 backdrop:bg-zinc-950/50 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex h-full flex-col">
        <InspectorContent recorder={recorder} onClose={() => dialog.current?.close()} closeButton={closeButton} />
      </div>
    </dialog>
  );
}

function InspectorContent({ recorder, onClose, closeButton }: { recorder: RunRecorder; onClose(): void; closeButton: RefObject<HTMLButtonElement | null> }) {
  const t = useT(messages);
  useRecorderVersion(recorder);
  const runs = recorder.runs();
  // null follows the newest run, so a run started while the panel is open shows up by itself.
  const [pinned, setPinned] = useState<string | null>(null);
  const [tab, setTab] = useState<TabId>('timeline');
  const run = (pinned && runs.find((r) => r.id === pinned)) || runs.at(-1);
  const exportable = run?.rounds.some((r) => r.exchanges.some((e) => e.protocol)) ?? false;
  const tabs = [
    { id: 'timeline' as const, label: t('tabTimeline') },
    { id: 'events' as const, label: t('tabEvents') },
    { id: 'requests' as const, label: t('tabRequests') },
    { id: 'timings' as const, label: t('tabTimings') },
  ];
  return (
    <>
      <div className="flex shrink-0 items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <InspectorIcon className="size-5 text-indigo-600 dark:text-indigo-400" />
        <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">{t('inspector')}</h2>
        <button
          ref={closeButton}
          type="button"
          aria-label={t('closeInspector')}
          onClick={onClose}
          className={`ml-auto ${ICON_BUTTON} ${ICON_BUTTON_IDLE}`}
        >
          <CloseIcon />
        </button>
      </div>
      {!run ? (
        <p className="px-4 py-6 text-sm text-zinc-600 dark:text-zinc-300">{t('noRuns')}</p>
      ) : (
        <>
          <div className="flex shrink-0 flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
            <RunPicker runs={runs} selected={run} onSelect={(id) => setPinned(id === runs.at(-1)?.id ? null : id)} />
            <button
              type="button"
              disabled={!exportable}
              onClick={() => exportCapture(recorder, run)}
              className="inline-flex items-center gap-1.5 rounded-lg border border-zinc-300 px-2.5 py-1.5 text-xs font-medium whitespace-nowrap text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:opacity-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
            >
              <DownloadIcon />
              {t('exportRaw')}
            </button>
            {!exportable && <p className="w-full text-xs text-zinc-500 dark:text-zinc-400">{t('exportNothing')}</p>}
          </div>
          <Tabs<TabId> label={t('sections')} tabs={tabs} selected={tab} onSelect={setTab}>
            {tab === 'timeline' && <TimelineTab run={run} />}
            {tab === 'events' && <EventsTab run={run} />}
            {tab === 'requests' && <RequestsTab run={run} />}
            {tab === 'timings' && <TimingsTab run={run} />}
          </Tabs>
        </>
      )}
    </>
  );
}

function exportCapture(recorder: RunRecorder, run: RecordedRun) {
  downloadFile(captureFileName(run), `${JSON.stringify(recorder.capture(run), null, 2)}\n`, 'application/json');
}
