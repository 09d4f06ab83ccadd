// Ambient types of the renderer: single-file components as modules, and the bridge the
// Electron preload puts on `window` (absent in the browser shell).
/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

interface Window {
  workbench?: import('../core/contract').BridgeApi
  /** Electron only: the one subscription to committed changes. */
  workbenchChanges?: { onChange(listener: (event: import('../core/changes').ChangeEvent) => void): () => void }
}
