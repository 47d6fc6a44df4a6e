import { lazy, Suspense, useMemo } from 'react';
import type { McpManager } from '../../core/mcp/mcp-manager';

/**
 * McpServersSection, fetched on first render together with the manager: the section (form, rows, both
 * languages' strings) and the MCP runtime stay out of the page's initial JavaScript.
 */
export function LazyMcpServersSection({ loadManager }: { loadManager(): Promise<McpManager> }) {
  const Section = useMemo(
    () =>
      lazy(async () => {
        const [{ McpServersSection }, manager] = await Promise.all([import('./mcp-servers-section'), loadManager()]);
        return { default: () => <McpServersSection manager={manager} /> };
      }),
    [loadManager],
  );
  return (
    <Suspense fallback={null}>
      <Section />
    </Suspense>
  );
}
