import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';

// Dialogs and panels that open on demand load on demand too, keeping them out of the first
// download (the bundle budget in scripts/bundle-size.mjs). Each opens a moment later the first time.

function onDemand<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function OnDemand(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as ComponentProps<typeof Lazy>)} />
      </Suspense>
    );
  };
}

export const SettingsDialog = onDemand(() => import('../features/settings/settings-dialog').then((m) => m.OpenSettingsDialog));
export const InspectorPanel = onDemand(() => import('../features/inspector/inspector-panel').then((m) => m.InspectorPanel));
export const ShortcutsDialog = onDemand(() => import('../features/shortcuts/shortcuts-dialog').then((m) => m.ShortcutsDialog));
export const PermissionsDialogHost = onDemand(() => import('./permissions-dialog-host').then((m) => m.OpenPermissionsHost));
// Not a panel, but the MCP runtime: it starts right after the page and connects the saved servers.
export const McpHost = onDemand(() => import('./mcp-host').then((m) => m.McpHost));
