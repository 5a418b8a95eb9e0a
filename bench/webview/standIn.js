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
  function makeBatches(runId, { vms, points, batches, migrations }, network) {
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
      out.push({ type: "series", params: { runId, chunks, finished, ...(network && networkFields(network, b, batches, vms)) } });
    }
    return out;
  }

  /**
   * A k-ary fat-tree named and ordered as the engine's generator does (hosts, then edge, agg and core
   * switches), with the link indices of a route from one host to another through the core.
   */
  function fatTree(k) {
    const half = k / 2;
    const hosts = (k * k * k) / 4;
    const nodes = [];
    const links = [];
    for (let i = 0; i < hosts; i++) nodes.push({ name: `host[${i}]`, kind: "host", rack: Math.floor(i / half), pod: Math.floor(i / (half * half)) });
    const family = (name, count) => Array.from({ length: count }, (_, i) => nodes.push({ name: `${name}[${i}]`, kind: "switch" }) - 1);
    const edge = family("edge", k * half);
    const agg = family("agg", k * half);
    const core = family("core", half * half);
    const link = (a, b, level) => links.push({ name: `${nodes[a].name}-${nodes[b].name}`, a, b, bandwidth_bytes_per_s: 1.25e9, level });
    for (let i = 0; i < hosts; i++) link(i, edge[Math.floor(i / half)], 1);
    for (let p = 0; p < k; p++) for (let e = 0; e < half; e++) for (let a = 0; a < half; a++) link(edge[p * half + e], agg[p * half + a], 2);
    for (let p = 0; p < k; p++) for (let a = 0; a < half; a++) for (let c = 0; c < half; c++) link(agg[p * half + a], core[a * half + c], 3);
    const edgeAgg = (pod, e, a) => hosts + (pod * half + e) * half + a;
    const aggCore = (pod, a, c) => hosts + k * half * half + (pod * half + a) * half + c;
    /** Up from host `s` through aggregation switch `a` and core `c` of its group, down to host `t`. */
    const route = (s, t, a, c) => {
      const [ps, pt] = [Math.floor(s / (half * half)), Math.floor(t / (half * half))];
      const [es, et] = [Math.floor(s / half) % half, Math.floor(t / half) % half];
      return [s, edgeAgg(ps, es, a), aggCore(ps, a, c), aggCore(pt, a, c), edgeAgg(pt, et, a), t];
    };
    return { topology: { nodes, links }, route, hosts, half };
  }

  /** Topology in the first batch; a link-load frame in every batch; each VM's migration start and end; S-CORE iterations. */
  function networkFields(network, b, batches, vms) {
    const { topology, route, hosts, half } = network;
    const t = b / 2;
    const ratios = topology.links.map((_, i) => Math.max(0, Math.min(1, 0.5 + 0.6 * Math.sin(i * 0.37 + t * 0.8) - (i < hosts ? 0.3 : 0))));
    const events = [];
    for (let v = 0; v < vms; v++) {
      const start = Math.floor((v * batches) / (vms * 4));
      const s = (v * 131) % hosts;
      const target = (s + hosts / 2 + v * 7) % hosts;
      if (b === start) events.push({ kind: "migration-start", t_s: t, vm: `vm${v}`, source: `host[${s}]`, target: `host[${target}]`, links: route(s, target, v % half, (v * 3) % half) });
      if (b === batches - 1) events.push({ kind: "migration-end", t_s: t, vm: `vm${v}`, downtime_s: 0.05 });
    }
    if (b % 20 === 19) events.push({ kind: "placement-iteration", t_s: t, iteration: (b + 1) / 20, cost: 8e9 * Math.exp(-b / 60), migrations: 40 - Math.floor(b / 10) });
    return { ...(b === 0 && { topology: topology }), events, link_loads: [{ t_s: t, ratios }] };
  }

  /** S-CORE's final report for the stand-in run: the streamed costs and racks whose traffic moved onto the diagonal. */
  function placementOf(network, batches) {
    const racks = Array.from({ length: network.hosts / network.half }, (_, i) => `edge[${i}]`);
    const iterations = [{ iteration: 0, cost: 8e9, migrations: 0 }];
    for (let b = 19; b < batches; b += 20) iterations.push({ iteration: (b + 1) / 20, cost: 8e9 * Math.exp(-b / 60), migrations: 40 - Math.floor(b / 10) });
    const traffic = (i, j, local) => ((i * 7 + j * 13) % 11 === 0 || (local && i === j) ? 1e8 * (1 + ((i + j) % 5)) : (i + j) % 3 === 0 && !local ? 2e7 : 0);
    return {
      policy: "s-core",
      token: "round-robin",
      iterations,
      racks,
      tor_traffic_before: racks.map((_, i) => racks.map((_, j) => traffic(i, j, false))),
      tor_traffic_after: racks.map((_, i) => racks.map((_, j) => traffic(i, j, true) / (i === j ? 1 : 4))),
    };
  }

  /**
   * Starts a run, streams its batches one every `intervalMs`, then ends it with every migration; returns the
   * frame counts (idle, while streaming) and the per-message timings.
   */
  async function stream(options) {
    const runId = `bench-${Math.random().toString(36).slice(2)}`;
    const network = options.fatTreeK === undefined ? undefined : fatTree(options.fatTreeK);
    const batches = makeBatches(runId, options, network);
    const all = batches.flatMap((b) => b.params.finished);
    const stopIdle = countFrames();
    await sleep(1000);
    const idle = stopIdle();
    window.postMessage({ type: "runStarted", runId, scenario: "bench.vmig" }, "*");
    await nextFrame();
    await nextFrame();
    samples.length = 0;
    const stopStreaming = countFrames();
    for (const batch of batches.slice(0, options.stopAfter ?? batches.length)) {
      window.postMessage(batch, "*");
      await sleep(options.intervalMs);
    }
    // A run left streaming, for a screenshot of the views mid-run.
    if (options.stopAfter !== undefined) return { idle };
    await nextFrame();
    await nextFrame();
    const streaming = stopStreaming();
    const batchSamples = samples.splice(0);
    const results = {
      schema: "vmig-results/1",
      scenario: "bench",
      seed: 1,
      end_s: 100,
      truncated: false,
      cancelled: false,
      migrations: all,
      ...(network && { topology: network.topology, placement: placementOf(network, options.batches) }),
    };
    window.postMessage({ type: "runDone", params: { runId, results } }, "*");
    await nextFrame();
    await nextFrame();
    const done = samples.splice(0)[0];
    return { idle, streaming, batches: batchSamples, done, rows: document.querySelectorAll("vscode-data-grid-row").length - 1 };
  }

  window.vmigBench = { stream, posted };
})();
