import { create, type StoreApi, type UseBoundStore } from 'zustand';
import {
  parseRules,
  revokeRule,
  serializeRules,
  setAlwaysPermission,
  upsertRule,
  type Permission,
  type PermissionRule,
  type RuleTarget,
} from '../core/permissions';
import type { ToolPolicy } from '../core/tools/types';

/** Rules are not secrets and should outlive the tab, so they live in localStorage. */
export const PERMISSIONS_STORAGE_KEY = 'callstream.permissions';

export interface PermissionsState {
  rules: PermissionRule[];
  /** Adds a rule, replacing the rule with the same tool, scope and conversation. */
  add(rule: PermissionRule): void;
  /** Removes the rule with this target. */
  revoke(target: RuleTarget): void;
  /** The Permissions page's per-tool control (all conversations); the tool's default removes the rule. */
  setAlways(tool: { name: string; policy: ToolPolicy }, permission: Permission): void;
}

export type PermissionsStore = UseBoundStore<StoreApi<PermissionsState>>;

export interface PermissionsStoreDeps {
  /** Null when storage is blocked: rules then last as long as the page. */
  storage: Storage | null;
  /** Where `storage` events from other tabs arrive (the window); none in tests that do not care. */
  events?: Pick<Window, 'addEventListener'> | null;
  now?: () => number;
}

function browserDeps(): PermissionsStoreDeps {
  let storage: Storage | null = null;
  try {
    storage = globalThis.localStorage ?? null;
  } catch {
    // Reading localStorage throws when the browser blocks storage for this page.
  }
  return { storage, events: typeof window === 'undefined' ? null : window };
}

/** Builds the rules store over a storage (tests pass their own). */
export function createPermissionsStore(deps: PermissionsStoreDeps = browserDeps()): PermissionsStore {
  const { storage, now = Date.now } = deps;
  const read = (): PermissionRule[] | null => {
    try {
      return storage ? parseRules(storage.getItem(PERMISSIONS_STORAGE_KEY)) : null;
    } catch {
      return null;
    }
  };
  const write = (rules: PermissionRule[]) => {
    try {
      storage?.setItem(PERMISSIONS_STORAGE_KEY, serializeRules(rules));
    } catch {
      // Full or blocked storage: the rule still applies in this page.
    }
  };

  const store = create<PermissionsState>()((set, get) => {
    // Each change starts from what storage holds now, so a rule another tab just added is kept.
    const change = (fn: (rules: PermissionRule[]) => PermissionRule[]) => {
      const base = read() ?? get().rules;
      const next = fn(base);
      if (next !== base) write(next);
      set({ rules: next });
    };
    return {
      rules: read() ?? [],
      add: (rule) => change((rules) => upsertRule(rules, rule)),
      revoke: (target) => change((rules) => revokeRule(rules, target)),
      setAlways: (tool, permission) => change((rules) => setAlwaysPermission(rules, tool, permission, now())),
    };
  });

  deps.events?.addEventListener('storage', (event) => {
    // `key` is null when another tab cleared all of storage.
    if (event.key !== PERMISSIONS_STORAGE_KEY && event.key !== null) return;
    store.setState({ rules: read() ?? [] });
  });
  return store;
}

/** The app's rules store as a React hook: `usePermissions((s) => s.rules)`. */
export const usePermissions: PermissionsStore = createPermissionsStore();

/** The current rules, for code outside React (the agent loop reads them at every decision). */
export function getPermissionRules(): readonly PermissionRule[] {
  return usePermissions.getState().rules;
}
