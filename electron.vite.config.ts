// Builds the three parts: Electron main (which bundles the back end), the CommonJS
// preload (sandboxed renderers cannot load an ESM preload) and the renderer, rooted at src/.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const root = import.meta.dirname

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // playwright-core (a dev dependency: the browser shell's PDF printer; Electron prints with its
      // own webContents) stays outside the bundle: 6.5 MB otherwise, and it uses direct eval.
      externalizeDeps: { include: ['playwright-core'] },
      // The document reader runs in a worker thread of its own (out/main/import-worker.js).
      rollupOptions: {
        input: { index: resolve(root, 'electron/main/index.ts'), 'import-worker': resolve(root, 'src/backend/import/worker.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload may require only 'electron': zod and the contract are bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src'),
    plugins: [vue()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // Minified: the page parses and compiles a third as much before it can draw the report.
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'src/index.html') } },
    },
  },
})
