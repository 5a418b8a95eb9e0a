/**
 * The results webview panel: created on the first run, revealed on later ones, restored after a window
 * reload. Messages posted before the page listens are queued until it says `ready`; the page's settings
 * (`configure`) always go first.
 */
import * as vscode from "vscode";
import type { FromPanelMessage, ToPanelMessage } from "./panelProtocol.js";
import { makeNonce, renderWebviewHtml } from "./webviewHtml.js";

export const resultsViewType = "vmig.results";

/** What the page asks of the extension. */
export interface PanelHandlers {
  /** The user pressed the panel's Stop button. */
  readonly onStop: () => void;
  /** The user closed the comparison with an earlier run. */
  readonly onCloseCompare: () => void;
}

export class ResultsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private queue: ToPanelMessage[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  /** `maxPoints` reads the current `vmig.chart.maxPoints`. */
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly handlers: PanelHandlers,
    private readonly maxPoints: () => number,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(resultsViewType, {
        // The page restores its own last results from `getState`; the panel only needs its HTML again.
        deserializeWebviewPanel: async (panel) => this.adopt(panel),
      }),
    );
  }

  /** Opens the panel beside the editor, or reveals it without taking focus. */
  show(): void {
    if (this.panel !== undefined) {
      this.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      resultsViewType,
      "vmig results",
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { retainContextWhenHidden: true },
    );
    this.adopt(panel);
  }

  /** Sends the settings the page honours again, after they changed. */
  configure(): void {
    this.post({ type: "configure", maxPoints: this.maxPoints() });
  }

  /** Sends a message now if the page listens, otherwise once it does; dropped when no panel is open. */
  post(message: ToPanelMessage): void {
    if (this.panel === undefined) return;
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    this.queue.unshift({ type: "configure", maxPoints: this.maxPoints() });
    const outDir = vscode.Uri.joinPath(this.extensionUri, "client", "out");
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [outDir] };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, "images", "icon.png");
    const asUri = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(outDir, file)).toString();
    webview.html = renderWebviewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: asUri("webview.js"),
      styleUris: [asUri("uPlot.min.css"), asUri("webview.css")],
      title: "vmig results",
    });
    const subscriptions = [
      webview.onDidReceiveMessage((message: FromPanelMessage) => this.receive(message)),
      panel.onDidDispose(() => {
        for (const s of subscriptions) s.dispose();
        if (this.panel === panel) {
          this.panel = undefined;
          this.queue = [];
        }
      }),
    ];
  }

  private receive(message: FromPanelMessage): void {
    switch (message.type) {
      case "ready":
        this.ready = true;
        for (const queued of this.queue) void this.panel?.webview.postMessage(queued);
        this.queue = [];
        break;
      case "stop":
        this.handlers.onStop();
        break;
      case "closeCompare":
        this.handlers.onCloseCompare();
        break;
    }
  }
}
