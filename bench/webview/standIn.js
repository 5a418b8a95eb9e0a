// Loaded before the webview's bundle. Stands in for the VS Code host (`acquireVsCodeApi`), and measures how
// long the page takes to handle each message and to draw it, and how many frames it shows meanwhile.
"use strict";
(() => {
  const posted = [];
  let saved;
  window.acquireVsCodeApi = () => ({
    postMessage: (message) => posted.push(message),
    getState: () => saved,
    // VS Code keeps the state as JSON; the copy costs what it costs there.
    setState: (state) => {
      saved = JSON.parse(JSON.stringify(state));
    },
  });

  // This listener runs before the page's own, and the one added once the page has loaded runs after it, so
  // the time between them is the page's handling of the message. The animation frame requested after it
  // runs once the page has drawn that message.
  let received = 0;
  const samples = [];
  window.addEventListener("message", () => {
    received = performance.now();
  });
  document.addEventListener("DOMContentLoaded", () => {
    window.addEventListener("message", () => {
      const handled = performance.now();
      const sample = { handleMs: handled - received, shownMs: NaN };
      samples.push(sample);
      requestAnimationFrame(() => {
        sample.shownMs = performance.now() - received;
      });
    });
  });

  /** Counts animation frames until `stop()`: the frame rate and the longest gap between two frames. */
  function countFrames() {
    const start = performance.now();
    let frames = 0;
    let last = start;
    let longest = 0;
    let running = true;
    const tick = (now) => {
      if (!running) return;
      frames += 1;
      longest = Math.max(longest, now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return () => {
      running = false;
      const seconds = (performance.now() - start) / 1000;
      return { frames, seconds, fps: frames / seconds, longestFrameMs: longest };
    };
  }

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function migration(k, vms) {
    const total = 10 + (k % 37);
    const rounds = Array.from({ length: 8 }, (_, i) => ({
      index: i,
      phase: i === 7 ? "stop-and-copy" : "precopy",
      start_s: (total * i) / 8,
      duration_s: total / 8,
      bytes: 2 ** 30 / 2 ** i,
      dirty_rate_bytes_per_s: 5e7,
    }));
    return {
      vm: `vm${k % vms}-${k}`,
      source: `h${k % 64}`,
      target: `h${(k + 17) % 64}`,
      start_s: 0,
      end_s: total,
      total_time_s: total,
      downtime_s: 0.02 + (k % 11) / 100,
      bytes_sent: 1.3 * 2 ** 30 + k * 1e6,
      stop_reason: "below-threshold",
      rounds,
    };
  }

  /** The run's series batches: every series gets `points / batches` new points per batch, in time order. */
  function makeBatches(runId, { vms, points, batches, migrations }) {
    const perBatch = points / batches;
    const finishedPerBatch = Math.floor(migrations / batches);
    const gib = 2 ** 30;
    const out = [];
    for (let b = 0; b < batches; b++) {
      const chunks = [];
      for (let v = 0; v < vms; v++) {
        const remaining = new Array(perBatch * 2);
        const window = new Array(perBatch * 2);
        for (let i = 0; i < perBatch; i++) {
          const t = (b * perBatch + i) * 0.001;
          remaining[2 * i] = t;
          remaining[2 * i + 1] = gib * (1 + v / 4) * (1 + Math.sin(t * (v + 1))) * Math.exp(-t / 50);
          window[2 * i] = t;
          // A sawtooth like TCP's additive increase and halving: 50 teeth over the run.
          window[2 * i + 1] = 2 ** 20 * (1 + ((b * perBatch + i + v * 397) % 2000) / 2000);
        }
        chunks.push({ series: `remaining/vm${v}`, unit: "bytes", points: remaining });
        chunks.push({ series: `cwnd/vm${v}`, unit: "bytes", points: window });
      }
      const finished = Array.from({ length: finishedPerBatch }, (_, i) => migration(b * finishedPerBatch + i, vms));
      out.push({ type: "series", params: { runId, chunks, finished } });
    }
    return out;
  }

  /**
   * Starts a run, streams its batches one every `intervalMs`, then ends it with every migration; returns the
   * frame counts (idle, while streaming) and the per-message timings.
   */
  async function stream(options) {
    const runId = `bench-${Math.random().toString(36).slice(2)}`;
    const batches = makeBatches(runId, options);
    const all = batches.flatMap((b) => b.params.finished);
    const stopIdle = countFrames();
    await sleep(1000);
    const idle = stopIdle();
    window.postMessage({ type: "runStarted", runId, scenario: "bench.vmig" }, "*");
    await nextFrame();
    await nextFrame();
    samples.length = 0;
    const stopStreaming = countFrames();
    for (const batch of batches) {
      window.postMessage(batch, "*");
      await sleep(options.intervalMs);
    }
    await nextFrame();
    await nextFrame();
    const streaming = stopStreaming();
    const batchSamples = samples.splice(0);
    const results = { schema: "vmig-results/1", scenario: "bench", seed: 1, end_s: 100, truncated: false, cancelled: false, migrations: all };
    window.postMessage({ type: "runDone", params: { runId, results } }, "*");
    await nextFrame();
    await nextFrame();
    const done = samples.splice(0)[0];
    return { idle, streaming, batches: batchSamples, done, rows: document.querySelectorAll("vscode-data-grid-row").length - 1 };
  }

  window.vmigBench = { stream, posted };
})();
