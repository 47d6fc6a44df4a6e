import type { MockScript } from './server-core.mjs';
export type HostileKind = 'long-line' | 'inline-code' | 'table-cell' | 'link-text' | 'nested-list' | 'nested-quote' | 'table' | 'links' | 'joiners' | 'bidi' | 'control';
export const HOSTILE_TEXT: Record<HostileKind, (size: number) => string>;
export function hostileAnswer(kind: HostileKind, size?: number, options?: { chunkSize?: number; delayMs?: number; as?: 'text' | 'reasoning' }): MockScript;
export function hostileToolCall(name: string, size: number, options?: { chunkSize?: number; delayMs?: number }): MockScript;
export function unbrokenRun(size: number): string;
