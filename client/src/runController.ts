/**
 * Runs one scenario at a time on the language server and streams its results into the results panel.
 *
 * Flow: `run` sends `vmig/runScenario` with a fresh run id; the server streams `vmig/series` and ends with
 * `vmig/runDone`, both forwarded to the panel when they carry the current run id; then it answers the
 * request. `stop` cancels the request, and the server answers with the results so far (`cancelled: true`).
 * Runs with results are kept in a `RunHistory` for Re-run, Compare with Previous Run and Export Results;
 * while comparison is on, every new run is shown against the run before it.
 */
import { randomUUID } from "node:crypto";
import * as path from "node:path";
import * as vscode from "vscode";
import { LanguageClient, LSPErrorCodes, ResponseError, WorkDoneProgress } from "vscode-languageclient/node";
import {
  RunDoneNotification,
  RunScenarioRequest,
  SeriesNotification,
  type RunDoneParams,
  type RunScenarioResult,
  type SeriesParams,
} from "@vmig/protocol";
import { decimate, appendChunks, compactStore, remainingPrefix, NetworkRecorder, type SeriesStore } from "@vmig/report";
import type { BaselineRun } from "./panelProtocol.js";
import type { ResultsPanel } from "./resultsPanel.js";
import type { RunHistory, RunRecord } from "./runHistory.js";
import type { RunState } from "./runState.js";

interface CurrentRun {
  readonly runId: string;
  readonly scenario: string;
  readonly uri: string;
  /** The bytes-left series so far, kept for comparison and export. */
  readonly remaining: SeriesStore;
  /** Link peaks and routes so far, kept for export. */
  readonly network: NetworkRecorder;
  readonly cancellation: vscode.CancellationTokenSource;
  /** Whether the server's `vmig/runDone` reached the panel already. */
  doneForwarded: boolean;
}

export class RunController implements vscode.Disposable {
  private current: CurrentRun | undefined;
  private comparing = false;
  private readonly disposables: vscode.Disposable[] = [];

  /** `maxPoints` reads `vmig.chart.maxPoints`, which also bounds the series kept per run. */
  constructor(
    private readonly client: LanguageClient,
    private readonly panel: ResultsPanel,
    private readonly history: RunHistory,
    private readonly showState: (state: RunState) => void,
    private readonly maxPoints: () => number,
  ) {
    // Registered once for the client's lifetime; each handler drops notifications of earlier runs.
    this.disposables.push(
      client.onNotification(SeriesNotification.type, (params) => this.onSeries(params)),
      client.onNotification(RunDoneNotification.type, (params) => this.onRunDone(params)),
    );
  }

  /**
   * Runs `document` with `seed` (the scenario's own seed when `undefined`), stopping any run in progress
   * first. Resolves when the run has ended.
   */
  async run(document: vscode.TextDocument, seed: number | undefined): Promise<void> {
    if (!this.client.isRunning()) {
      void vscode.window.showErrorMessage("vmig: the language server is not running; see the vmig output for why.");
      return;
    }
    this.stop();
    const run: CurrentRun = {
      runId: randomUUID(),
      scenario: path.basename(document.uri.path),
      uri: document.uri.toString(),
      remaining: {},
      network: new NetworkRecorder(),
      cancellation: new vscode.CancellationTokenSource(),
      doneForwarded: false,
    };
    this.current = run;
    this.history.started(run.uri, seed);
    this.panel.show();
    this.panel.post({ type: "runStarted", runId: run.runId, scenario: run.scenario });
    if (this.comparing) this.postBaseline(run.runId);
    this.setRunning(run.scenario);
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `vmig: running ${run.scenario}`, cancellable: true },
        (progress, token) => {
          const link = token.onCancellationRequested(() => run.cancellation.cancel());
          return this.request(document, run, seed, progress).finally(() => link.dispose());
        },
      );
      this.finish(run, result);
    } catch (error) {
      // A server may also answer a cancelled request with the LSP cancellation error instead of results.
      this.finish(run, isCancellation(error) ? { runId: run.runId } : { runId: run.runId, error: describeFailure(error) });
    } finally {
      run.cancellation.dispose();
    }
  }

  /** Cancels the current run, if any; its results so far still arrive. */
  stop(): void {
    this.current?.cancellation.cancel();
  }

  /**
   * Turns comparison on and shows the run on the panel against the run before it. Returns false when there
   * is no earlier run with results to compare with.
   */
  compare(): boolean {
    const shown = this.current?.runId ?? this.history.latest?.runId;
    if (this.history.baselineFor(shown) === undefined) return false;
    this.comparing = true;
    this.panel.show();
    this.postBaseline(shown);
    return true;
  }

  /** Turns comparison off (the panel has dropped its baseline already). */
  stopComparing(): void {
    this.comparing = false;
  }

  dispose(): void {
    this.stop();
    for (const d of this.disposables) d.dispose();
  }

  /** Sends the request, mirroring the server's work-done progress (keyed by the run id) in the notification. */
  private async request(
    document: vscode.TextDocument,
    run: CurrentRun,
    seed: number | undefined,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
  ): Promise<RunScenarioResult> {
    let lastPercentage = 0;
    const listener = this.client.onProgress(WorkDoneProgress.type, run.runId, (value) => {
      if (value.kind === "end") return;
      const increment = value.percentage === undefined ? undefined : value.percentage - lastPercentage;
      lastPercentage = value.percentage ?? lastPercentage;
      progress.report({ message: value.message, increment });
    });
    try {
      const params = {
        uri: this.client.code2ProtocolConverter.asUri(document.uri),
        runId: run.runId,
        workDoneToken: run.runId,
        ...(seed !== undefined && { seed }),
      };
      return await this.client.sendRequest(RunScenarioRequest.type, params, run.cancellation.token);
    } finally {
      listener.dispose();
    }
  }

  private onSeries(params: SeriesParams): void {
    if (params.runId !== this.current?.runId) return;
    if (appendChunks(this.current.remaining, params.chunks, (name) => name.startsWith(remainingPrefix))) {
      compactStore(this.current.remaining, this.maxPoints());
    }
    if (params.link_loads !== undefined) this.current.network.linkLoads(params.link_loads);
    if (params.events !== undefined) this.current.network.events(params.events);
    this.panel.post({ type: "series", params });
  }

  private onRunDone(params: RunDoneParams): void {
    if (params.runId !== this.current?.runId) return;
    this.current.doneForwarded = true;
    this.panel.post({ type: "runDone", params });
  }

  /** Reports how the run ended, unless a newer run has replaced it. */
  private finish(run: CurrentRun, result: RunScenarioResult): void {
    if (this.current !== run) return;
    this.current = undefined;
    void vscode.commands.executeCommand("setContext", "vmig.running", false);
    // A request that failed before the server could send `vmig/runDone` still has to end the panel's run.
    if (!run.doneForwarded) {
      this.panel.post({ type: "runDone", params: { runId: run.runId, results: result.results, error: result.error } });
    }
    if (result.results !== undefined) {
      const network = run.network.network(result.results.topology?.links.length ?? 0);
      const record: RunRecord = { runId: run.runId, scenario: run.scenario, uri: run.uri, document: result.results, remaining: run.remaining, network };
      this.history.finished(record);
    }
    this.updateContext();
    if (result.error !== undefined) {
      this.showState({ kind: "failed", scenario: run.scenario, error: result.error });
      void vscode.window.showErrorMessage(`vmig: ${result.error}`);
      return;
    }
    const migrations = result.results?.migrations.length ?? 0;
    const cancelled = result.results?.cancelled ?? run.cancellation.token.isCancellationRequested;
    if (cancelled) this.showState({ kind: "cancelled", scenario: run.scenario, migrations });
    else this.showState({ kind: "finished", scenario: run.scenario, migrations, truncated: result.results?.truncated ?? false });
  }

  /** Sends the panel the run before `runId`, if any, as the baseline to compare with. */
  private postBaseline(runId: string | undefined): void {
    const record = this.history.baselineFor(runId);
    if (record === undefined) return;
    const maxPoints = this.maxPoints();
    const remaining: SeriesStore = {};
    for (const [name, points] of Object.entries(record.remaining)) remaining[name] = decimate(points, maxPoints);
    const baseline: BaselineRun = {
      runId: record.runId,
      scenario: record.scenario,
      seed: record.document.seed,
      migrations: record.document.migrations,
      remaining,
    };
    this.panel.post({ type: "compare", baseline });
  }

  /** The context keys that show Re-run, Compare and Export in the command palette only when they can work. */
  private updateContext(): void {
    const shown = this.current?.runId ?? this.history.latest?.runId;
    void vscode.commands.executeCommand("setContext", "vmig.hasLastRun", this.history.lastRun !== undefined);
    void vscode.commands.executeCommand("setContext", "vmig.hasResults", this.history.latest !== undefined);
    void vscode.commands.executeCommand("setContext", "vmig.canCompare", this.history.baselineFor(shown) !== undefined);
  }

  private setRunning(scenario: string): void {
    this.updateContext();
    void vscode.commands.executeCommand("setContext", "vmig.running", true);
    this.showState({ kind: "running", scenario });
  }
}

function isCancellation(error: unknown): boolean {
  return (
    error instanceof ResponseError &&
    (error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.ServerCancelled)
  );
}

/** Words for a request that failed outright, for example because the server stopped. */
function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
