// Runs in the page before any of its scripts (page.addInitScript): collects the raw samples the
// runner turns into metrics. Identical for the app and the naive page; no app code involved.

/** The init script. Must be self-contained: Playwright serializes it into the page. */
export function instrumentPage() {
  const longTasks = [];
  const loafs = [];
  let commits = 0;

  const observe = (type, push) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(push)).observe({ type, buffered: true });
    } catch {
      // Not supported: the metric stays empty and the report shows 0.
    }
  };
  observe('longtask', (e) => longTasks.push([e.startTime, e.duration]));
  observe('long-animation-frame', (e) => loafs.push([e.startTime, e.duration, e.blockingDuration ?? 0]));

  // A stand-in for the React DevTools hook: production React calls it on every commit.
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject(renderer) {
      const id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      return id;
    },
    onCommitFiberRoot() {
      commits++;
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onScheduleFiberRoot() {},
    checkDCE() {},
  };

  // When each response's headers arrived. The mock sends headers and its first event together,
  // so this is the first byte; Resource Timing hides it for a cross-origin server without
  // Timing-Allow-Origin.
  const responses = [];
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const promise = realFetch.call(this, input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    promise.then(() => responses.push([url, performance.now()]), () => undefined);
    return promise;
  };

  let session = null;

  /** Starts a measurement: rAF sampling, DOM changes under `watch`, and the done condition. */
  function start({ watch, done, resource }) {
    const s = {
      t0: performance.now(),
      commits0: commits,
      frames: [],
      changes: [],
      doneAt: null,
      resource,
      armed: false,
    };
    session = s;
    const isDone = new Function(`return (${done})();`);
    const loop = (t) => {
      if (session !== s || s.doneAt !== null) return;
      s.frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    const finish = () => {
      // The frame that paints the final DOM: its rAF runs before the paint, the task after it runs after.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          s.doneAt = performance.now();
          observer.disconnect();
        };
        channel.port2.postMessage(null);
      });
    };
    const check = () => {
      if (s.doneAt !== null || s.finishing) return;
      // "Done" only counts after it was once not done: the page may look idle before the send lands.
      if (!isDone()) s.armed = true;
      else if (s.armed) {
        s.finishing = true;
        finish();
      }
    };
    const observer = new MutationObserver(() => {
      s.changes.push(performance.now());
      check();
    });
    const root = document.querySelector(watch) ?? document.body;
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    // The watched root may not change at all when done shows elsewhere (a button in the composer).
    const bodyObserver = new MutationObserver(check);
    bodyObserver.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy', 'data-rendering', 'data-done'] });
    s.stopBody = () => bodyObserver.disconnect();
    check();
  }

  /** Everything measured since start, once done (null while not done). */
  function collect() {
    const s = session;
    if (!s || s.doneAt === null) return null;
    s.stopBody();
    const first = s.resource ? responses.find(([url, t]) => url.includes(s.resource) && t >= s.t0) : undefined;
    return {
      t0: s.t0,
      doneAt: s.doneAt,
      firstByte: first ? first[1] : null,
      frames: s.frames,
      changes: s.changes,
      longTasks: longTasks.filter(([t]) => t >= s.t0 && t <= s.doneAt),
      loafs: loafs.filter(([t]) => t >= s.t0 && t <= s.doneAt),
      commits: commits - s.commits0,
    };
  }

  /**
   * Scrolls `selector` from the bottom to the top in `steps` animation frames and reports what
   * the frames cost; samples the DOM size every few steps.
   */
  function scrollThrough(selector, steps) {
    return new Promise((resolve) => {
      const el = document.querySelector(selector);
      const t0 = performance.now();
      const commits0 = commits;
      const frames = [];
      const nodes = [];
      const from = el.scrollTop;
      let i = 0;
      const step = (t) => {
        frames.push(t);
        if (i % 5 === 0) nodes.push(document.getElementsByTagName('*').length);
        if (i > steps) {
          const t1 = performance.now();
          resolve({
            t0,
            t1,
            frames,
            nodes,
            commits: commits - commits0,
            longTasks: longTasks.filter(([t]) => t >= t0 && t <= t1),
            loafs: loafs.filter(([t]) => t >= t0 && t <= t1),
            reachedTop: el.scrollTop <= 1,
          });
          return;
        }
        el.scrollTop = Math.max(0, from - (from * i) / steps);
        i++;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  }

  function domSize() {
    let nodes = 0;
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    while (walker.nextNode()) nodes++;
    return { nodes, elements: document.getElementsByTagName('*').length };
  }

  window.__bench = { start, collect, scrollThrough, domSize, commits: () => commits };
}
