/** What the user decided about a tool: run it without asking, ask first, or never offer it. */
export type Permission = 'allow' | 'ask' | 'deny';

/** Where a rule applies: every conversation, or one conversation only. */
export type PermissionScope = 'always' | 'conversation';

interface RuleBase {
  /** The tool's registry name (MCP tools include their server prefix). */
  tool: string;
  permission: Permission;
  /** Epoch ms; the Permissions page lists newest first. */
  createdAt: number;
}

/** One rule the user set; at most one per tool and scope (and conversation). */
export type PermissionRule =
  | (RuleBase & { scope: 'always' })
  | (RuleBase & { scope: 'conversation'; conversationId: string });

/** What identifies a rule: two rules with the same target replace each other. */
export type RuleTarget =
  | { tool: string; scope: 'always' }
  | { tool: string; scope: 'conversation'; conversationId: string };

/** Where a decision came from, so the UI can say why a tool ran, asked or was refused. */
export type DecisionSource = 'conversation' | 'always' | 'default';

export interface Decision {
  permission: Permission;
  source: DecisionSource;
  /** The rule that decided; absent when the tool's own default applied. */
  rule?: PermissionRule;
}
