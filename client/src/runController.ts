/**
 * Runs one scenario at a time on the language server and streams its results into the results panel.
 *
 * Flow: `run` sends `vmig/runScenario` with a fresh run id; the server streams `vmig/series` and ends with
 * `vmig/runDone`, both forwarded to the panel when they carry the current run id; then it answers the
 * request. `stop` cancels the request, and the server answers with the results so far (`cancelled: true`).
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
import type { ResultsPanel } from "./resultsPanel.js";
import type { RunState } from "./runState.js";

interface CurrentRun {
  readonly runId: string;
  readonly scenario: string;
  readonly cancellation: vscode.CancellationTokenSource;
  /** Whether the server's `vmig/runDone` reached the panel already. */
  doneForwarded: boolean;
}

export class RunController implements vscode.Disposable {
  private current: CurrentRun | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly panel: ResultsPanel,
    private readonly showState: (state: RunState) => void,
  ) {
    // Registered once for the client's lifetime; each handler drops notifications of earlier runs.
    this.disposables.push(
      client.onNotification(SeriesNotification.type, (params) => this.onSeries(params)),
      client.onNotification(RunDoneNotification.type, (params) => this.onRunDone(params)),
    );
  }

  /** Runs `document`, stopping any run in progress first. Resolves when the run has ended. */
  async run(document: vscode.TextDocument): Promise<void> {
    if (!this.client.isRunning()) {
      void vscode.window.showErrorMessage("vmig: the language server is not running; see the vmig output for why.");
      return;
    }
    this.stop();
    const run: CurrentRun = {
      runId: randomUUID(),
      scenario: path.basename(document.uri.path),
      cancellation: new vscode.CancellationTokenSource(),
      doneForwarded: false,
    };
    this.current = run;
    this.panel.show();
    this.panel.post({ type: "runStarted", runId: run.runId, scenario: run.scenario });
    this.setRunning(run.scenario);
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `vmig: running ${run.scenario}`, cancellable: true },
        (progress, token) => {
          const link = token.onCancellationRequested(() => run.cancellation.cancel());
          return this.request(document, run, progress).finally(() => link.dispose());
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

  dispose(): void {
    this.stop();
    for (const d of this.disposables) d.dispose();
  }

  /** Sends the request, mirroring the server's work-done progress (keyed by the run id) in the notification. */
  private async request(
    document: vscode.TextDocument,
    run: CurrentRun,
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
      };
      return await this.client.sendRequest(RunScenarioRequest.type, params, run.cancellation.token);
    } finally {
      listener.dispose();
    }
  }

  private onSeries(params: SeriesParams): void {
    if (params.runId !== this.current?.runId) return;
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

  private setRunning(scenario: string): void {
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
