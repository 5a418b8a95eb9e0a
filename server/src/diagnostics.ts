/**
 * Publishes diagnostics for open documents. Each edit restarts a short delay, so a burst of keystrokes is
 * checked once, and results for a version that is no longer current are dropped rather than published.
 *
 * The delay is adaptive: after the document's last check ended, the next one waits until as much time has
 * passed as that check took (at most MAX_DEBOUNCE_MS). An edit after a pause is checked at once, while fast
 * typing in a file that is expensive to check gets one check per pause, so checks take at most about half
 * of the server's time. The delay is never below MIN_DEBOUNCE_MS, so that the completion request an editor
 * sends right after a keystroke is answered before the check starts rather than after it.
 *
 * A completion request on a document whose check is waiting for its delay starts the delay again
 * (`postpone`): while the editor asks for completions the user is typing, and a check that started between
 * two keystrokes would make the next completion wait for it.
 *
 * The first check of a large document (opening it) publishes its syntax errors as soon as it is parsed, and
 * everything else when the check ends. That check runs without filling a cache; the check that fills it
 * (AnalysisCache's `fill`) runs on the next turn of the event loop, after the requests already received.
 *
 * Once in the server's life, V8 is made to compile the parser and the check before the user waits for them
 * (rehearsal.ts): a server still without documents a moment after it was initialized (started with the
 * workspace, before the user opens a file) warms up until a document is opened; one whose first document
 * came sooner (the file that started it), or came during the warm-up, rehearses an edit after that
 * document's cache is filled.
 */
import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AnalysisCache } from "./analysis.js";
import { rehearsal, syntaxDiagnostics, warmUp } from "@vmig/grammar";
import { toLspDiagnostic } from "./convert.js";
import { Rehearsal } from "./rehearsal.js";
import { performance } from "node:perf_hooks";

const MIN_DEBOUNCE_MS = 15;
const MAX_DEBOUNCE_MS = 120;
/** A document at least this long (about 1,600 lines) gets its syntax errors published first when opened. */
const SYNTAX_FIRST_CHARS = 64 * 1024;
/**
 * How long after initialization the server waits for a document before it warms up: an editor sends the
 * document that started the server right after initializing it, and its opening should not wait for a step.
 */
const WARM_UP_AFTER_MS = 200;

/** What other features may ask of the diagnostics' scheduling. */
export interface DiagnosticsSchedule {
  /** Starts the delay of `uri`'s waiting check again, if one is waiting. */
  postpone(uri: string): void;
  /** Warms the server up in a moment if no document is open by then (the file's comment); call it once initialized. */
  warmUpWhenIdle(): void;
}

export function registerDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, cache: AnalysisCache): DiagnosticsSchedule {
  const pending = new Map<string, NodeJS.Timeout>();

  /**
   * Runs `work` on the document `uri` if it is still at `version`; a failure is logged (as `what` failing),
   * never thrown. Returns whether the document was still at that version.
   */
  const atVersion = (uri: string, version: number, what: string, work: (document: TextDocument) => void): boolean => {
    const document = documents.get(uri);
    if (!document || document.version !== version) return false;
    try {
      work(document);
    } catch (e) {
      connection.console.error(`vmig: ${what} ${uri} failed: ${(e as Error).stack ?? e}`);
    }
    return true;
  };

  const publish = (uri: string, version: number) => {
    pending.delete(uri);
    atVersion(uri, version, "checking", (document) => {
      const result = cache.get(document);
      void connection.sendDiagnostics({ uri, version, diagnostics: result.diagnostics.map((d) => toLspDiagnostic(document, d)) });
      if (cache.needsFill(uri)) setTimeout(() => fill(uri, version), 0);
    });
  };

  const rehearsals = new Rehearsal(() => pending.size > 0, connection.console);

  /**
   * Fills `uri`'s check cache at `version` if its check did not (AnalysisCache's `fill`); it publishes nothing
   * new. The server's rehearsal of an edit follows, unless it warmed up before (rehearsal.ts).
   */
  const fill = (uri: string, version: number) => {
    atVersion(uri, version, "checking", (document) => cache.fill(document));
    rehearsals.start(() => rehearsal(), "rehearsing an edit");
  };

  const warmUpWhenIdle = () => {
    setTimeout(() => {
      const documentOpen = () => documents.all().length > 0;
      if (!documentOpen()) rehearsals.start(warmUp, "warming up", documentOpen);
    }, WARM_UP_AFTER_MS);
  };

  /** Publishes the syntax errors of a large document never checked, then checks it on the next turn. */
  const publishSyntaxFirst = (uri: string, version: number) => {
    const current = atVersion(uri, version, "parsing", (document) => {
      const { parsed } = cache.syntax(document);
      void connection.sendDiagnostics({ uri, version, diagnostics: syntaxDiagnostics(parsed).map((d) => toLspDiagnostic(document, d)) });
    });
    if (current) pending.set(uri, setTimeout(() => publish(uri, version), 0));
  };

  const schedule = (document: TextDocument) => {
    clearTimeout(pending.get(document.uri));
    const last = cache.lastCheck(document.uri);
    if (!last && document.getText().length >= SYNTAX_FIRST_CHARS) {
      pending.set(document.uri, setTimeout(() => publishSyntaxFirst(document.uri, document.version), 0));
      return;
    }
    const delay = last ? Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, last.durationMs - (performance.now() - last.endedAt))) : 0;
    pending.set(document.uri, setTimeout(() => publish(document.uri, document.version), delay));
  };

  const postpone = (uri: string) => {
    const document = documents.get(uri);
    // Only a check waiting for its delay moves; the first check of a document is not delayed.
    if (document && pending.has(uri) && cache.lastCheck(uri)) schedule(document);
  };

  documents.onDidChangeContent(({ document }) => {
    schedule(document);
    // Documents that import this one see its new text at their next check.
    for (const importer of cache.importersOf(document.uri)) {
      cache.invalidateCheck(importer);
      const open = documents.get(importer);
      if (open) schedule(open);
    }
  });

  documents.onDidClose(({ document }) => {
    clearTimeout(pending.get(document.uri));
    pending.delete(document.uri);
    cache.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  return { postpone, warmUpWhenIdle };
}
