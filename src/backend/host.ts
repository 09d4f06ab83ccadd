// What differs between the two shells, handed to the back end so that nothing under
// src/backend imports electron.
export interface Host {
  shell: 'electron' | 'browser'
  version: string
}
