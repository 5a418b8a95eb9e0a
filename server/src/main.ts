/**
 * The vmig language server. `node server/out/main.js --stdio` speaks LSP on stdin/stdout; `--node-ipc`
 * (what the extension uses) speaks it over Node IPC.
 */
import { join } from "node:path";
import { CodeActionKind, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { AnalysisCache } from "./analysis.js";
import { limitHeapGrowth } from "./heapGrowth.js";
import { ImportRoots, serverImportResolver } from "./imports.js";
import { registerDiagnostics } from "./diagnostics.js";
import { registerCompletion } from "./completion.js";
import { registerRuns } from "./runs.js";
import { registerNavigation } from "./features/navigation.js";
import { registerHover } from "./features/hover.js";
import { registerHintsAndLenses } from "./features/hintsAndLenses.js";
import { registerCodeActions } from "./features/codeActions.js";
import { registerWorkspaceSymbols } from "./features/workspaceSymbols.js";
import * as formatting from "./features/formatting.js";
import * as semanticTokens from "./features/semanticTokens.js";
import * as folding from "./features/folding.js";
import * as documentSymbols from "./features/documentSymbols.js";

limitHeapGrowth();
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const importRoots = new ImportRoots();
const cache = new AnalysisCache(serverImportResolver(documents, importRoots));

connection.onInitialize((params) => {
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  importRoots.set(folders);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: [" ", ".", "-"], resolveProvider: true },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      workspaceSymbolProvider: true,
      ...formatting.formattingCapabilities,
      ...semanticTokens.semanticTokensCapabilities,
      ...folding.foldingCapabilities,
      ...documentSymbols.documentSymbolsCapabilities,
    },
    serverInfo: { name: "vmig-language-server", version: "0.1.0" },
  };
});

const diagnostics = registerDiagnostics(connection, documents, cache);
connection.onInitialized(() => diagnostics.warmUpWhenIdle());
registerCompletion(connection, documents, cache, diagnostics);
registerNavigation(connection, documents, cache);
registerHover(connection, documents, cache);
registerHintsAndLenses(connection, documents, cache);
registerCodeActions(connection, documents, cache);
registerWorkspaceSymbols(connection, documents, cache);
formatting.register(connection, documents, cache);
semanticTokens.register(connection, documents, cache);
folding.register(connection, documents, cache);
documentSymbols.register(connection, documents, cache);
// The bundle is CommonJS, so __dirname is the folder of main.js, where the worker bundle sits too.
registerRuns(connection, documents, cache, join(__dirname, "simulationWorker.js"));

documents.listen(connection);
connection.listen();
