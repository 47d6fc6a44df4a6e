import { lazy, Suspense } from 'react';
import type { McpManager } from '../../core/mcp/mcp-manager';

// The section (form, rows, both languages' strings) loads when Settings first opens, keeping it out
// of the page's initial JavaScript; the manager itself stays eager so saved servers connect at start.
const McpServersSection = lazy(() => import('./mcp-servers-section').then((m) => ({ default: m.McpServersSection })));

/** McpServersSection, fetched on first render. */
export function LazyMcpServersSection({ manager }: { manager: McpManager }) {
  return (
    <Suspense fallback={null}>
      <McpServersSection manager={manager} />
    </Suspense>
  );
}
