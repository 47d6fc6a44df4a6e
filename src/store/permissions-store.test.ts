import { beforeEach, describe, expect, it } from 'vitest';
import { createPermissionsStore, PERMISSIONS_STORAGE_KEY } from './permissions-store';
import { makeRule } from '../core/permissions';

const calc = { name: 'calculate', policy: 'auto' as const };

beforeEach(() => localStorage.clear());

const saved = () => JSON.parse(localStorage.getItem(PERMISSIONS_STORAGE_KEY) ?? 'null');

describe('permissions store', () => {
  it('persists rules and loads them in a new store (a reload)', () => {
    const store = createPermissionsStore({ storage: localStorage, now: () => 7 });
    store.getState().add(makeRule('write_file', 'allow', 'conversation', 'c1', 5));
    store.getState().setAlways(calc, 'deny');
    expect(saved().rules).toHaveLength(2);
    const reloaded = createPermissionsStore({ storage: localStorage });
    expect(reloaded.getState().rules).toEqual([
      { tool: 'write_file', permission: 'allow', scope: 'conversation', conversationId: 'c1', createdAt: 5 },
      { tool: 'calculate', permission: 'deny', scope: 'always', createdAt: 7 },
    ]);
  });

  it('revokes a rule and removes the always rule when the tool default is chosen', () => {
    const store = createPermissionsStore({ storage: localStorage });
    store.getState().setAlways(calc, 'ask');
    store.getState().add(makeRule('calculate', 'deny', 'conversation', 'c1', 1));
    store.getState().setAlways(calc, 'allow');
    expect(store.getState().rules.map((r) => r.scope)).toEqual(['conversation']);
    store.getState().revoke({ tool: 'calculate', scope: 'conversation', conversationId: 'c1' });
    expect(store.getState().rules).toEqual([]);
    expect(saved().rules).toEqual([]);
  });

  it('starts empty from garbage in storage, and overwrites it on the first change', () => {
    localStorage.setItem(PERMISSIONS_STORAGE_KEY, '{"rules": [{"tool": 5}], oops');
    const store = createPermissionsStore({ storage: localStorage });
    expect(store.getState().rules).toEqual([]);
    store.getState().add(makeRule('a', 'deny', 'always', null, 1));
    expect(saved().rules).toEqual([{ tool: 'a', permission: 'deny', scope: 'always', createdAt: 1 }]);
  });

  it('keeps a rule another tab added when it changes its own', () => {
    const tabA = createPermissionsStore({ storage: localStorage });
    const tabB = createPermissionsStore({ storage: localStorage });
    tabA.getState().add(makeRule('a', 'deny', 'always', null, 1));
    tabB.getState().add(makeRule('b', 'allow', 'always', null, 2));
    expect(tabB.getState().rules.map((r) => r.tool)).toEqual(['a', 'b']);
    expect(saved().rules.map((r: { tool: string }) => r.tool)).toEqual(['a', 'b']);
  });

  it('re-reads storage when another tab changes the rules', () => {
    const events = new EventTarget();
    const store = createPermissionsStore({ storage: localStorage, events: events as unknown as Window });
    const other = createPermissionsStore({ storage: localStorage });
    other.getState().add(makeRule('a', 'deny', 'always', null, 1));
    expect(store.getState().rules).toEqual([]);
    events.dispatchEvent(new StorageEvent('storage', { key: 'something.else' }));
    expect(store.getState().rules).toEqual([]);
    events.dispatchEvent(new StorageEvent('storage', { key: PERMISSIONS_STORAGE_KEY }));
    expect(store.getState().rules.map((r) => r.tool)).toEqual(['a']);
    localStorage.clear();
    events.dispatchEvent(new StorageEvent('storage', { key: null }));
    expect(store.getState().rules).toEqual([]);
  });

  it('works in memory when storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    } as unknown as Storage;
    const store = createPermissionsStore({ storage: blocked });
    store.getState().add(makeRule('a', 'deny', 'always', null, 1));
    store.getState().add(makeRule('b', 'deny', 'always', null, 2));
    expect(store.getState().rules.map((r) => r.tool)).toEqual(['a', 'b']);
    const none = createPermissionsStore({ storage: null });
    none.getState().setAlways(calc, 'deny');
    expect(none.getState().rules).toHaveLength(1);
  });
});
