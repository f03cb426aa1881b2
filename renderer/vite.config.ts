import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The dev server injects an inline script (React Refresh preamble) that the production CSP
 * forbids. The policy in index.html is what ships; in `vite dev` only, we drop it so hot reload
 * works. Builds keep it untouched.
 */
function dropCspInDev(): Plugin {
  return {
    name: 'foresight:drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs, so the same build loads from file:// in Electron and from the web host.
  base: './',
  plugins: [react(), dropCspInDev()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Electron 45 and current Chromium; no legacy syntax to carry.
    target: 'es2022',
    sourcemap: true,
  },
});
