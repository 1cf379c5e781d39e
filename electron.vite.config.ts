import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { RENDERER_CSP } from './src/main/transport/contentSecurityPolicy'

/** Adds the CSP meta tag to the built page only: the dev server needs inline scripts for HMR. */
const contentSecurityPolicy = (): Plugin => ({
  name: 'rapport-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<head>',
      `<head>\n    <meta http-equiv="Content-Security-Policy" content="${RENDERER_CSP}" />`,
    ),
})

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/electron/main.ts'),
          // Electron starts it as a utilityProcess: the core and its store, off the main thread.
          coreProcess: resolve('src/main/electron/coreProcess/coreProcessEntry.ts'),
          serve: resolve('src/main/serve.ts'),
          cli: resolve('src/main/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into one file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    // electron-vite leaves bundles unminified by default; the page loads faster minified.
    build: { minify: true, rollupOptions: { input: resolve('src/renderer/index.html') } },
    plugins: [react(), contentSecurityPolicy()],
  },
})
