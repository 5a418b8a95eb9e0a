import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { contentSecurityPolicy, makeNonce, renderWebviewHtml } from "../src/webviewHtml.js";

const input = {
  cspSource: "https://file+.vscode-resource.vscode-cdn.net",
  nonce: "abc123",
  scriptUri: "https://file+.vscode-resource.vscode-cdn.net/ext/client/out/webview.js",
  styleUris: ["https://file+.vscode-resource.vscode-cdn.net/ext/client/out/webview.css"],
  title: "vmig results",
};

describe("webview HTML", () => {
  it("allows scripts only with the nonce, and nothing inline", () => {
    const csp = contentSecurityPolicy(input.cspSource, input.nonce);
    assert.match(csp, /^default-src 'none'/);
    assert.match(csp, /script-src 'nonce-abc123'(;|$)/);
    assert.match(csp, /style-src \S+ 'nonce-abc123'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it("puts the policy in the page and the nonce on every script", () => {
    const html = renderWebviewHtml(input);
    assert.ok(html.includes(`content="${contentSecurityPolicy(input.cspSource, input.nonce).replace(/'/g, "'")}"`));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    for (const script of scripts) assert.match(script, /nonce="abc123"/);
    assert.ok(html.includes(`<link rel="stylesheet" href="${input.styleUris[0]}">`));
    // The toolkit reads the nonce for the <style> element it adds from this meta element.
    assert.ok(html.includes('<meta property="csp-nonce" content="abc123">'));
  });

  it("has no inline event handlers or inline scripts", () => {
    const html = renderWebviewHtml(input);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("escapes what it interpolates", () => {
    const html = renderWebviewHtml({ ...input, title: '<b>"x"</b>' });
    assert.ok(html.includes("<title>&lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>"));
  });

  it("makes a different nonce each time, in CSP nonce characters", () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.notEqual(a, b);
    assert.match(a, /^[A-Za-z0-9+/_-]{16,}={0,2}$/);
  });
});
