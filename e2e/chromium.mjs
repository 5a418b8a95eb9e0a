// Debian's Chromium and the flags it needs on these machines (see ../shared guide E2E.md): as root, without
// a GPU, and without the background connections this closed network refuses. Shared by the end-to-end test
// and the webview benchmark.
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
