/**
 * Assembles the results webview's HTML. Pure: the caller turns extension files into webview URIs, so this
 * module needs neither `vscode` nor the file system and is unit-tested as it is.
 */
import { randomBytes } from "node:crypto";

export interface WebviewHtmlInput {
  /** The webview's `cspSource`: the origin its own resources are served from. */
  readonly cspSource: string;
  /** A fresh nonce for this document; only scripts carrying it may run. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUris: readonly string[];
  readonly title: string;
}

/** Returns the page: a strict Content-Security-Policy, the style sheets, an empty skeleton, the script. */
export function renderWebviewHtml(input: WebviewHtmlInput): string {
  const csp = contentSecurityPolicy(input.cspSource, input.nonce);
  const styles = input.styleUris.map((uri) => `<link rel="stylesheet" href="${escapeHtml(uri)}">`).join("\n    ");
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
    <meta property="csp-nonce" content="${escapeHtml(input.nonce)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${escapeHtml(input.title)}</title>
  </head>
  <body>
    <header id="header"></header>
    <section id="error" hidden></section>
    <section id="note" hidden></section>
    <section id="line-picker" hidden></section>
    <section id="views"></section>
    <section id="table" aria-label="Finished migrations"></section>
    <script nonce="${escapeHtml(input.nonce)}" src="${escapeHtml(input.scriptUri)}"></script>
  </body>
</html>
`;
}

/**
 * Nothing by default; style sheets, images and fonts only from the extension's own files; scripts only
 * with the nonce. Styles need no 'unsafe-inline': the toolkit and uPlot style through the CSSOM and
 * constructable style sheets, which the policy does not govern, and the one `<style>` element the toolkit
 * adds (a focus-visible probe) carries the nonce it reads from the `csp-nonce` meta element.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join("; ");
}

/** A 128-bit random nonce, base64url-encoded (valid in a CSP `nonce-` source). */
export function makeNonce(): string {
  return randomBytes(16).toString("base64url");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
