/**
 * A minimal LSP client for tests: starts `server/out/main.js --stdio` as a child process and talks to it
 * over the real protocol, exactly as an editor does.
 */
import { before, after } from "node:test";
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SERVER_NODE_OPTIONS } from "@vmig/protocol";
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  ExitNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver-protocol/node";

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: (() => void)[] = [];
  stderr = "";
  /** Every message the server logged (window/logMessage), in order. */
  readonly logs: string[] = [];
  /** The server's answer to `initialize`, once it came. */
  initialized: InitializeResult | undefined;

  constructor() {
    this.process = spawn(process.execPath, [...SERVER_NODE_OPTIONS, join(repositoryRoot, "server", "out", "main.js"), "--stdio"], { stdio: "pipe" });
    this.process.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.listen();
  }

  /** Initializes the server and returns its answer (capabilities, semantic token legend). */
  async initialize(): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(repositoryRoot).href,
      capabilities: { window: { workDoneProgress: true } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    this.initialized = result;
    return result;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "vmig", version, text } });
  }

  async replace(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Waits for the diagnostics published for `uri` at `version` (the server may skip superseded versions). */
  async diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const found = this.diagnostics.get(uri)?.find((p) => p.version === version);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Waits until the server logs a message that matches `pattern`, and returns it. */
  async logged(pattern: RegExp): Promise<string> {
    for (;;) {
      const found = this.logs.find((m) => pattern.test(m));
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Waits until `count` diagnostics have been published for `uri` at `version`, and returns them in order. */
  async allDiagnosticsFor(uri: string, version: number, count: number): Promise<PublishDiagnosticsParams[]> {
    for (;;) {
      const found = (this.diagnostics.get(uri) ?? []).filter((p) => p.version === version);
      if (found.length >= count) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    this.connection.dispose();
    await new Promise<void>((resolve) => (this.process.exitCode !== null ? resolve() : this.process.once("exit", () => resolve())));
  }
}

/**
 * A language server for the calling test file: spawned now, initialized before the file's first test and
 * shut down after its last.
 */
export function serverForThisFile(): TestClient {
  const client = new TestClient();
  before(() => client.initialize());
  after(() => client.shutdown());
  return client;
}
