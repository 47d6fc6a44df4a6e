// Turns the raw samples of one measured run into the figures the report shows.

import { gaps, longestStall, max, median, p95, round, totalBlockingTime } from './stats.mjs';

/** Figures for a streamed answer, from the first byte of the response to the final paint. */
export function streamMetrics(raw, cdp) {
  const from = raw.firstByte ?? raw.t0;
  const frameGaps = gaps(raw.frames.filter((t) => t >= from && t <= raw.doneAt));
  return {
    wallMs: round(raw.doneAt - from),
    mainThreadMs: round(cdp.mainThreadMs),
    tbtMs: round(totalBlockingTime(raw.longTasks, raw.t0, raw.doneAt)),
    longTasks: raw.longTasks.length,
    longTaskMaxMs: round(max(raw.longTasks.map(([, d]) => d))),
    loafs: raw.loafs.length,
    loafMaxMs: round(max(raw.loafs.map(([, d]) => d))),
    frameGapP95Ms: round(p95(frameGaps)),
    frameGapMaxMs: round(max(frameGaps)),
    stallMs: round(longestStall(raw.changes, from, raw.doneAt)),
    commits: raw.commits,
    heapMB: round(cdp.heapMB, 2),
    domNodes: cdp.domNodes,
    domElements: cdp.domElements,
  };
}

/** Figures for opening a long conversation and scrolling from its end to its start. */
export function historyMetrics(open, scroll, cdp) {
  const frameGaps = gaps(scroll.frames);
  return {
    openMs: round(open.doneAt - open.t0),
    openTbtMs: round(totalBlockingTime(open.longTasks, open.t0, open.doneAt)),
    domNodes: cdp.domNodes,
    domElements: cdp.domElements,
    domElementsScrollMedian: median(scroll.nodes),
    domElementsScrollMax: max(scroll.nodes),
    scrollMs: round(scroll.t1 - scroll.t0),
    scrollLongTasks: scroll.longTasks.length,
    scrollLongTaskMaxMs: round(max(scroll.longTasks.map(([, d]) => d))),
    scrollLoafMaxMs: round(max(scroll.loafs.map(([, d]) => d))),
    scrollFrameGapP95Ms: round(p95(frameGaps)),
    scrollFrameGapMaxMs: round(max(frameGaps)),
    scrollCommits: scroll.commits,
    reachedTop: scroll.reachedTop ? 1 : 0,
    mainThreadMs: round(cdp.mainThreadMs),
    heapMB: round(cdp.heapMB, 2),
  };
}
