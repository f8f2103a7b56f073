/**
 * Injected into the built app before its own scripts (page.addInitScript) by appBench.mjs.
 * Watches, without changing the app: long tasks (PerformanceObserver 'longtask'), redraws of the
 * stage heatmaps (their canvas is cleared at the start of every paint, heatmapCanvas.ts), the
 * result's data-stale flag and the status line's "last compute" text. window.__maskscopeProbe:
 *   arm(trigger, watch) — the next trusted click (trigger 'click', the default), Enter key press
 *               ('enter') or any key press ('key') on the page starts a sample (t0 = its
 *               event.timeStamp); 'now' starts it at once (a viewport resize the bench makes next).
 *               `watch`: the data-testid of the heatmap whose redraw ends the sample
 *               ('heatmap-weights', the default; 'any': the first stage heatmap redrawn);
 *               `view`: a view change (no new result: presentation mode shows no status line),
 *               so the result counts as shown from t0;
 *   sample()  — resolves when, after that click, the result shown is current (data-stale
 *               "false" on [data-testid=result], with "N ms" in the status line; in the click's
 *               own commit or later) and the watched heatmap has then been redrawn: the first
 *               animation frame after that redraw ends the sample. Also waits until no stage
 *               heatmap has been redrawn for QUIET_MS, and reports the longest long task and the
 *               stage heatmaps painted between the click and the result (stale redraws), and the
 *               frame after every head is computed (data-complete "true": at classroom size the
 *               head on screen can come first, the others a frame later; never for heads on demand),
 *               and from Event Timing the triggering event's processing time (its handlers and the
 *               renders in its task) and its duration to the next frame presented (null for a resize,
 *               or an event under 16 ms).
 *   firstHeatmap() — resolves at the first animation frame after the weights heatmap's first paint.
 */
(() => {
  const QUIET_MS = 300;
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Event Timing: the page's own work in the triggering event (processingStart → processingEnd) and
  // the event → the next frame presented (duration, in steps of 8 ms; only events of 16 ms or more)
  const eventEntries = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) eventEntries.push(e);
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  const eventTiming = (s) => {
    const type = s.trigger === 'click' ? 'click' : 'keydown';
    const e = eventEntries.find((x) => x.name === type && Math.abs(x.startTime - s.t0) < 1);
    return e ? { processingMs: e.processingEnd - e.processingStart, presentedMs: e.duration } : { processingMs: null, presentedMs: null };
  };

  let current = null; // the sample being measured
  let firstFrame = null;
  const firstWaiters = [];
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

  const clearRect = CanvasRenderingContext2D.prototype.clearRect;
  CanvasRenderingContext2D.prototype.clearRect = function (...args) {
    const host = this.canvas instanceof HTMLCanvasElement ? this.canvas.closest('[data-testid^="heatmap-"]') : null;
    if (host) onHeatmapPaint(host.getAttribute('data-testid'));
    return clearRect.apply(this, args);
  };

  function onHeatmapPaint(testId) {
    const now = performance.now();
    const weights = testId === 'heatmap-weights';
    // A small heatmap is drawn in the very commit that shows the result, before any observer runs.
    if (current && current.statusAt === null && resultShown(current)) current.statusAt = now;
    if (current) noteComplete(current);
    if (weights && firstFrame === null) {
      firstFrame = frame();
      firstFrame.then((t) => firstWaiters.forEach((w) => w(t)));
    }
    const s = current;
    if (s && s.t0 !== null && s.statusAt === null) s.stalePaints++;
    if (!s || s.statusAt === null) return;
    s.lastPaint = now;
    s.lastFrame = frame();
    if ((s.watch === 'any' || testId === s.watch) && s.frame === null) {
      s.frame = s.lastFrame;
      s.weightsPaintAt = now;
    }
  }

  const statusText = () => document.querySelector('[data-testid="status-time"]')?.textContent ?? '';
  // The app marks its result stale (data-stale="true") from the change until the new result is shown.
  const staleAttr = () => document.querySelector('[data-testid="result"]')?.getAttribute('data-stale');
  // After the click, the page shows the current settings' result whenever data-stale is "false":
  // in the click's own commit (a mask-only change recomputed on the page) or when the worker answers.
  const resultShown = (s) => s.t0 !== null && staleAttr() === 'false' && /\d ms$/.test(statusText().trim());
  const completeAttr = () => document.querySelector('[data-testid="result"]')?.getAttribute('data-complete');
  function noteComplete(s) {
    if (s.statusAt !== null && s.completeFrame === null && completeAttr() === 'true') s.completeFrame = frame();
  }
  new MutationObserver(() => {
    const s = current;
    if (!s || s.t0 === null) return;
    if (s.statusAt === null && resultShown(s)) s.statusAt = performance.now();
    noteComplete(s);
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-stale', 'data-complete'] });

  function arm(trigger = 'click', watch = 'heatmap-weights', view = false) {
    current = { t0: null, trigger, watch, view, statusAt: null, frame: null, weightsPaintAt: null, lastPaint: null, lastFrame: null, completeFrame: null, stalePaints: 0 };
    if (trigger === 'now') begin(current, performance.now());
  }

  function begin(s, t) {
    s.t0 = t;
    if (s.view) s.statusAt = t;
  }

  // Installed before the app's own listeners (this script runs first), so a sample starts before
  // an app handler that renders in the event's own task (React's discrete events) paints anything.
  const onTrigger = (e) => {
    const s = current;
    if (!s || s.t0 !== null || !e.isTrusted || s.trigger === 'now') return;
    const type = s.trigger === 'click' ? 'click' : 'keydown';
    if (e.type !== type || (s.trigger === 'enter' && e.key !== 'Enter')) return;
    begin(s, e.timeStamp);
  };
  window.addEventListener('click', onTrigger, { capture: true });
  window.addEventListener('keydown', onTrigger, { capture: true });

  async function sample(timeoutMs = 120000) {
    const s = current;
    const deadline = performance.now() + timeoutMs;
    while (s.frame === null) {
      if (performance.now() > deadline) throw new Error(`no redraw after the click (status "${statusText()}")`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const frameAt = await s.frame;
    while (performance.now() - s.lastPaint < QUIET_MS) await new Promise((r) => setTimeout(r, 20));
    const allFrameAt = await s.lastFrame;
    const completeAt = s.completeFrame === null ? null : await s.completeFrame;
    const during = longTasks.filter((t) => t.start + t.duration > s.t0 && t.start < frameAt);
    current = null;
    return {
      ...(s.trigger === 'now' ? { processingMs: null, presentedMs: null } : eventTiming(s)),
      ms: frameAt - s.t0,
      statusMs: s.statusAt - s.t0,
      paintMs: s.weightsPaintAt - s.t0,
      allMs: allFrameAt - s.t0,
      completeMs: completeAt === null ? null : completeAt - s.t0,
      longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
      longTasks: during.length,
      stalePaints: s.stalePaints,
      path: document.querySelector('[data-testid="status-backend"]')?.getAttribute('data-path') ?? null,
      status: statusText(),
    };
  }

  /** ms from navigation start to the frame after the weights heatmap's first paint. */
  const firstHeatmap = () => (firstFrame ?? new Promise((resolve) => firstWaiters.push(resolve)));

  window.__maskscopeProbe = { arm, sample, firstHeatmap, longTasks: () => longTasks.slice() };
})();
