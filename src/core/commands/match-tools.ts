/** What the command helpers need to know of a tool. */
export interface ToolSummary {
  name: string;
  description: string;
}

/**
 * The tools matching what was typed after "/", best first: names starting with it, then names where
 * a word (split at _ - . or a capital) starts with it, then names containing it, then descriptions
 * containing it. Case-insensitive; ties keep the registry's order; an empty query lists everything.
 */
export function matchTools<T extends ToolSummary>(tools: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...tools];
  const ranked: Array<{ tool: T; rank: number; index: number }> = [];
  tools.forEach((tool, index) => {
    const rank = rankOf(tool, q);
    if (rank !== null) ranked.push({ tool, rank, index });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((r) => r.tool);
}

function rankOf(tool: ToolSummary, q: string): number | null {
  const name = tool.name.toLowerCase();
  if (name.startsWith(q)) return 0;
  if (words(tool.name).some((w) => w.startsWith(q))) return 1;
  if (name.includes(q)) return 2;
  if (tool.description.toLowerCase().includes(q)) return 3;
  return null;
}

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.\-:/]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** The first sentence (or line) of a description, for a one-line list entry. */
export function firstSentence(description: string): string {
  const line = description.trim().split('\n')[0];
  const end = /[.!?](?=\s|$)|[。！？]/.exec(line);
  return end ? line.slice(0, end.index + 1) : line;
}
