import { iconProps as common } from '../../ui/icon-props';

export function GearIcon({ className = 'size-5' }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M10.3 3.3a1.7 1.7 0 0 1 3.4 0l.2 1.1a7.6 7.6 0 0 1 1.9 1.1l1-.4a1.7 1.7 0 0 1 2.1.8 1.7 1.7 0 0 1-.4 2.2l-.9.7a7.8 7.8 0 0 1 0 2.2l.9.7a1.7 1.7 0 0 1 .4 2.2 1.7 1.7 0 0 1-2.1.8l-1-.4a7.6 7.6 0 0 1-1.9 1.1l-.2 1.1a1.7 1.7 0 0 1-3.4 0l-.2-1.1a7.6 7.6 0 0 1-1.9-1.1l-1 .4a1.7 1.7 0 0 1-2.1-.8 1.7 1.7 0 0 1 .4-2.2l.9-.7a7.8 7.8 0 0 1 0-2.2l-.9-.7a1.7 1.7 0 0 1-.4-2.2 1.7 1.7 0 0 1 2.1-.8l1 .4a7.6 7.6 0 0 1 1.9-1.1z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}

export function EyeIcon({ off = false }: { off?: boolean }) {
  return (
    <svg {...common} className="size-4">
      <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z" />
      <circle cx="12" cy="12" r="2.8" />
      {off && <path d="M4 20 20 4" />}
    </svg>
  );
}

export function RefreshIcon() {
  return (
    <svg {...common} className="size-4">
      <path d="M20 11a8 8 0 0 0-14.6-4.5M4 5v4h4" />
      <path d="M4 13a8 8 0 0 0 14.6 4.5M20 19v-4h-4" />
    </svg>
  );
}
