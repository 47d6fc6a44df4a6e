import { iconProps as common } from '../../ui/icon-props';

/** A pulse line in a frame: what the run did, step by step. */
export function InspectorIcon({ className = 'size-5' }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <rect x="3" y="4" width="18" height="16" rx="3" />
      <path d="M6.5 12h2.5l1.5-3.5 3 7 1.5-3.5h2.5" />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg {...common} className="size-5">
      <path d="M6 6l12 12M18 6 6 18" />
    </svg>
  );
}

export function DownloadIcon() {
  return (
    <svg {...common} className="size-4">
      <path d="M12 4v11m0 0-4-4m4 4 4-4M5 19h14" />
    </svg>
  );
}
