/**
 * Converts any value into a JSON-serialisable form that still reads well: NaN and Infinity
 * become strings, BigInt "12n", functions "[Function f]", Dates ISO strings, Errors
 * "Name: message", Maps arrays of [key, value] pairs, Sets and typed arrays arrays, cycles
 * "[Circular]"; long strings, big collections and deep nesting are cut with a marker.
 *
 * It must stay self-contained (no imports, no outer variables): its source text is shipped
 * into the sandbox worker with Function.prototype.toString, where it runs on the user's value.
 */
export function toJsonSafe(value: unknown): unknown {
  const maxDepth = 12;
  const maxItems = 500;
  const maxString = 20_000;
  let budget = 20_000;
  const ancestors: object[] = [];

  function cut(text: string): string {
    return text.length > maxString ? `${text.slice(0, maxString)}… (${text.length - maxString} more characters)` : text;
  }

  function list(items: Iterable<unknown>, depth: number): unknown[] {
    const out: unknown[] = [];
    let total = 0;
    for (const item of items) {
      total++;
      if (out.length < maxItems) {
        const converted = walk(item, depth + 1);
        out.push(converted === undefined ? null : converted);
      }
    }
    if (total > maxItems) out.push(`… ${total - maxItems} more items`);
    return out;
  }

  function walk(v: unknown, depth: number): unknown {
    if (--budget < 0) return '…';
    switch (typeof v) {
      case 'string':
        return cut(v);
      case 'number':
        return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : String(v);
      case 'boolean':
      case 'undefined':
        return v;
      case 'bigint':
        return `${v}n`;
      case 'symbol':
        return v.toString();
      case 'function':
        return `[Function ${v.name || 'anonymous'}]`;
    }
    if (v === null) return null;
    const object = v as object;
    if (ancestors.includes(object)) return '[Circular]';
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
    if (object instanceof Error || Object.prototype.toString.call(object) === '[object Error]') {
      const error = object as Error;
      return cut(`${error.name}: ${error.message}`);
    }
    if (object instanceof RegExp) return String(object);
    if (object instanceof Promise) return '[Promise]';
    if (object instanceof WeakMap || object instanceof WeakSet) return `[${object.constructor.name}]`;
    if (depth >= maxDepth) return Array.isArray(object) ? '[Array]' : '[Object]';
    ancestors.push(object);
    try {
      if (Array.isArray(object)) return list(object, depth);
      if (ArrayBuffer.isView(object) && !(object instanceof DataView))
        return list(object as unknown as Iterable<unknown>, depth);
      if (object instanceof ArrayBuffer) return `[ArrayBuffer ${object.byteLength} bytes]`;
      if (object instanceof Map) return list(object.entries(), depth);
      if (object instanceof Set) return list(object.values(), depth);
      const withJson = object as { toJSON?: () => unknown };
      if (typeof withJson.toJSON === 'function') return walk(withJson.toJSON(), depth + 1);
      const out: Record<string, unknown> = {};
      const keys = Object.keys(object);
      for (const key of keys.slice(0, maxItems)) {
        let converted: unknown;
        try {
          converted = walk((object as Record<string, unknown>)[key], depth + 1);
        } catch (error) {
          converted = `[Thrown: ${error instanceof Error ? error.message : String(error)}]`;
        }
        if (converted !== undefined) out[key] = converted;
      }
      if (keys.length > maxItems) out['…'] = `${keys.length - maxItems} more keys`;
      return out;
    } finally {
      ancestors.pop();
    }
  }

  return walk(value, 0);
}
