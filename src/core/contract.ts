// The one contract between the renderer and the back end. Both shells register every
// method from this table and validate arguments with it; the preload and the browser
// client build `window.workbench` from its keys, listed plainly in method-names.ts (zod-free, for
// the renderer). Methods live in methods/<domain>.ts and are merged here; add a method there and
// its name to method-names.ts, never elsewhere.
import type { z } from 'zod'
import type { RpcReply } from './errors'
import { appMethods } from './methods/app'
import { reportsMethods } from './methods/reports'
import { reportAdminMethods } from './methods/report-admin'
import { sectorsMethods } from './methods/sectors'
import { proposalsMethods } from './methods/proposals'
import { settingsMethods } from './methods/settings'
import { meetingsMethods } from './methods/meetings'
import { minutesMethods } from './methods/minutes'
import { annotationsMethods } from './methods/annotations'
import { revisionsMethods } from './methods/revisions'
import { searchMethods } from './methods/search'
import { importsMethods } from './methods/imports'
import { storageMethods } from './methods/storage'

// The bridge lives in a zod-free module so the renderer can import it without the schemas.
export { buildBridge, unwrapBridge } from './bridge'

export const contract = {
  ...appMethods,
  ...reportsMethods,
  ...reportAdminMethods,
  ...sectorsMethods,
  ...proposalsMethods,
  ...settingsMethods,
  ...meetingsMethods,
  ...minutesMethods,
  ...annotationsMethods,
  ...revisionsMethods,
  ...searchMethods,
  ...importsMethods,
  ...storageMethods,
} as const

export type Contract = typeof contract
export type Method = keyof Contract
export const METHODS = Object.keys(contract) as Method[]
export type Args<M extends Method> = z.input<Contract[M]['args']>
export type ParsedArgs<M extends Method> = z.output<Contract[M]['args']>
export type Result<M extends Method> = z.output<Contract[M]['result']>

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** Back-end implementation of every method, given already validated arguments. */
export type Handlers = { [M in Method]: (args: ParsedArgs<M>) => Result<M> | Promise<Result<M>> }

type DomainOf<M> = M extends `${infer D}.${string}` ? D : never
type VerbOf<M, D extends string> = M extends `${D}.${infer V}` ? V : never
/** `window.workbench` as the renderer sees it: `workbench.proposals.update({...})`. */
export type WorkbenchApi = {
  [D in DomainOf<Method>]: {
    [M in Method as VerbOf<M, D>]: (args: Args<M>) => Promise<Result<M>>
  }
}

/**
 * What the Electron preload and the browser client expose: the same nested shape, but each
 * call resolves to the RpcReply itself. Replies are plain objects, so they cross
 * contextBridge intact (thrown errors would lose their code there).
 */
export type BridgeApi = {
  [D in DomainOf<Method>]: {
    [M in Method as VerbOf<M, D>]: (args: Args<M>) => Promise<RpcReply<Result<M>>>
  }
}
