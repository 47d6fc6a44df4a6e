// Pure statistics for the benchmark: small enough to check by hand, tested in stats.test.ts.

/** The median of a list of numbers (mean of the middle two for an even count); NaN when empty. */
export function median(values) {
  const xs = finite(values).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** The p-quantile (0..1) with linear interpolation between closest ranks; NaN when empty. */
export function quantile(values, p) {
  const xs = finite(values).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const at = (xs.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return xs[lo] + (xs[hi] - xs[lo]) * (at - lo);
}

/** The 95th percentile. */
export const p95 = (values) => quantile(values, 0.95);

/** Largest value, 0 for an empty list. */
export function max(values) {
  return finite(values).reduce((m, x) => Math.max(m, x), 0);
}

/**
 * How time scales with size: the slope of log(time) against log(size), least squares over every
 * point (for two sizes exactly log(time ratio) / log(size ratio)). 1 is linear, 2 quadratic.
 */
export function growth(sizes, times) {
  const pts = sizes.map((s, i) => [Math.log(s), Math.log(times[i])]).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (pts.length < 2) return NaN;
  const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
  const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
  let num = 0;
  let den = 0;
  for (const [x, y] of pts) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

/** Gaps between consecutive sorted timestamps. */
export function gaps(times) {
  const xs = finite(times).sort((a, b) => a - b);
  const out = [];
  for (let i = 1; i < xs.length; i++) out.push(xs[i] - xs[i - 1]);
  return out;
}

/**
 * Total blocking time: the part of every long task beyond 50 ms, counting only tasks that start
 * inside [from, to]. `tasks` are [startTime, duration] pairs.
 */
export function totalBlockingTime(tasks, from = -Infinity, to = Infinity) {
  return tasks.filter(([start]) => start >= from && start <= to).reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
}

/** The longest time the screen did not change: the largest gap in [from, changes inside, to]. */
export function longestStall(changes, from, to) {
  const inside = finite(changes).filter((t) => t > from && t < to);
  return max(gaps([from, ...inside, to]));
}

/** a / b, rounded for reading; NaN when b is 0 or either is missing. */
export function ratio(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return NaN;
  return round(a / b, 4);
}

/** Rounds to `digits` decimals (keeps NaN). */
export function round(x, digits = 1) {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Medians field by field over runs of the same shape (objects of numbers). */
export function medianOfRuns(runs) {
  const out = {};
  for (const key of Object.keys(runs[0] ?? {})) out[key] = round(median(runs.map((r) => r[key])), 2);
  return out;
}

function finite(values) {
  return values.filter((x) => typeof x === 'number' && Number.isFinite(x));
}
