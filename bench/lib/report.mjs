// Folds the repetitions into medians, app/naive ratios, growth figures and the targets.

import { growth, medianOfRuns, ratio, round } from './stats.mjs';

/** Medians of every case of a scenario, per arm, with app/naive ratios. */
export function summarizeScenario(cases) {
  const out = {};
  for (const [size, arms] of Object.entries(cases)) {
    const app = medianOfRuns(arms.app);
    const naive = medianOfRuns(arms.naive);
    const ratios = {};
    for (const key of Object.keys(app)) ratios[key] = ratio(app[key], naive[key]);
    out[size] = { app, naive, appOverNaive: ratios, runs: arms.app.length };
  }
  return out;
}

/** log(time ratio) / log(size ratio) across the sizes of a scenario, for both arms. */
export function growthOf(summary, metric) {
  const sizes = Object.keys(summary).map(Number);
  const pick = (arm) => round(growth(sizes, sizes.map((s) => summary[s][arm][metric])), 2);
  return { app: pick('app'), naive: pick('naive') };
}

const check = (name, value, limit, cmp = '<=') => ({
  target: name,
  value,
  limit,
  met: Number.isFinite(value) && (cmp === '<=' ? value <= limit : value >= limit),
});

/** The targets against the figures of this run. */
export function targets(s) {
  const out = [];
  const md = s['markdown-max'];
  if (md) {
    const big = md.cases[Math.max(...Object.keys(md.cases).map(Number))];
    out.push(check('markdown-max: total blocking time, app / naive', big.appOverNaive.tbtMs, 0.1));
    out.push(check('markdown-max: longest animation frame after first paint (ms)', big.app.loafMaxMs, 150));
    out.push(check('markdown-max: growth (main-thread time)', md.growth.mainThreadMs.app, 1.2));
  }
  const paced = s['markdown-paced'];
  if (paced) {
    const only = Object.values(paced.cases)[0];
    out.push(check('markdown-paced: long tasks', only.app.longTasks, 0));
    out.push(check('markdown-paced: frame-gap p95 (ms)', only.app.frameGapP95Ms, 20));
  }
  const tool = s['tool-args'];
  if (tool) {
    const big = tool.cases[Math.max(...Object.keys(tool.cases).map(Number))];
    out.push(check('tool-args: growth (main-thread time)', tool.growth.mainThreadMs.app, 1.2));
    out.push(check('tool-args: main-thread time at the largest size, app / naive', big.appOverNaive.mainThreadMs, 0.05));
  }
  const parallel = s.parallel;
  if (parallel) {
    const only = Object.values(parallel.cases)[0];
    out.push(check('parallel: main-thread time, 4 conversations at once / one foreground stream of the same size', only.fourOverOne.mainThreadMs, 1.3));
  }
  const hist = s['long-history'];
  if (hist) {
    const sizes = Object.keys(hist.cases).map(Number).sort((a, b) => a - b);
    const small = hist.cases[sizes[0]].app;
    const large = hist.cases[sizes[sizes.length - 1]].app;
    // Independent of length: within ±20 % between the smallest and the largest conversation.
    const change = round(Math.abs(ratio(large.domElementsScrollMedian, small.domElementsScrollMedian) - 1), 3);
    out.push(check(`long-history: DOM elements while scrolling (median), change ${sizes[0]} -> ${sizes[sizes.length - 1]} messages (fraction)`, change, 0.2));
    out.push(check('long-history: long tasks while scrolling (largest)', large.scrollLongTasks, 0));
  }
  return out;
}
