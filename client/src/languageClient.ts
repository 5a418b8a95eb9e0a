/**
 * Creates the language client that starts the vmig language server (server/out/main.js) over Node IPC.
 */
import { existsSync } from "node:fs";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { SERVER_NODE_OPTIONS } from "@vmig/protocol";

/** Creates, but does not start, the client; the server's log goes to `output`. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath("server/out/main.js");
  if (!existsSync(module)) output.error(`The language server bundle is missing: ${module}. Run \`npm run build\`.`);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, "--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Untitled documents are included: a scenario runs from its current text, saved or not.
    documentSelector: [{ language: "vmig" }],
    outputChannel: output,
  };
  return new LanguageClient("vmig", "vmig language server", serverOptions, clientOptions);
}
