export type { Decision, DecisionSource, Permission, PermissionRule, PermissionScope, RuleTarget } from './types';
export { decide, defaultPermission } from './decide';
export { makeRule, newestFirst, revokeRule, ruleKey, sameTarget, setAlwaysPermission, upsertRule } from './rules';
export { parseRules, serializeRules } from './serialize';
export { deniedResultText } from './denied';
