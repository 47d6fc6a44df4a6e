const LABEL = "The model's view begins here — earlier messages don't fit the context";

/** A thin divider the chat view puts before the first message the model still sees. */
export function ContextMarker() {
  return (
    <div role="separator" aria-label={LABEL} className="flex items-center gap-3 text-xs text-zinc-500 dark:text-zinc-400" data-testid="context-marker">
      <span className="min-w-4 flex-1 border-t border-dashed border-indigo-300 dark:border-indigo-700" />
      <span className="max-w-[75%] text-center" aria-hidden="true">
        {LABEL}
      </span>
      <span className="min-w-4 flex-1 border-t border-dashed border-indigo-300 dark:border-indigo-700" />
    </div>
  );
}
