/**
 * The vmig language server. `node server/out/main.js --stdio` speaks LSP on stdin/stdout; `--node-ipc`
 * (what the extension uses) speaks it over Node IPC.
 */
import { join } from "node:path";
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisCache } from "./analysis.js";
import { registerDiagnostics } from "./diagnostics.js";
import { registerCompletion } from "./completion.js";
import { registerRuns } from "./runs.js";

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    completionProvider: { triggerCharacters: [" ", ".", "-"] },
  },
  serverInfo: { name: "vmig-language-server", version: "0.1.0" },
}));

registerDiagnostics(connection, documents, cache);
registerCompletion(connection, documents, cache);
// The bundle is CommonJS, so __dirname is the folder of main.js, where the worker bundle sits too.
registerRuns(connection, documents, join(__dirname, "simulationWorker.js"));

documents.listen(connection);
connection.listen();
