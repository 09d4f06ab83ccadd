// The one contract between the renderer and the back end. Both shells register every
// method from this table and validate arguments with it; the preload and the browser
// client build `window.workbench` from its keys. Add a method here, never elsewhere.
import { z } from 'zod'
import { WorkbenchError, type RpcReply } from './errors'
import {
  Id,
  IsoDate,
  Priority,
  Proposal,
  ProposalPatch,
  ProposalStatus,
  Report,
  ReportSummary,
  Sector,
  Settings,
  SourceAnchor,
  vnText,
} from './domain'

const method = <A extends z.ZodType, R extends z.ZodType>(doc: string, args: A, result: R) => ({ doc, args, result })

export const contract = {
  'app.info': method(
    'Version, shell kind and data directory of the running app.',
    z.object({}),
    z.object({ version: z.string(), shell: z.enum(['electron', 'browser']), dataDir: z.string() }),
  ),

  'reports.list': method('All imported reports, newest first.', z.object({}), z.array(ReportSummary)),
  'reports.get': method('One report with its text and blocks.', z.object({ id: Id }), Report),
  'reports.import': method(
    'Imports a report from plain text (a pasted text or a file read by the renderer). Title, date and source are taken from the text where not given.',
    z.object({
      text: vnText(5_000_000).refine((t) => t.trim().length > 0, 'the report text is empty'),
      title: vnText(500).optional(),
      source: vnText(1_000).optional(),
      fileName: vnText(500).optional(),
    }),
    Report,
  ),

  'sectors.list': method('Sector taxonomy from data/sectors.json.', z.object({}), z.array(Sector)),

  'proposals.list': method(
    'Proposals of a report in checklist order (deleted ones left out).',
    z.object({ reportId: Id }),
    z.array(Proposal),
  ),
  'proposals.create': method(
    'Adds a proposal; placed after `afterId` when given, else at the end.',
    z.object({
      reportId: Id,
      title: vnText(2_000),
      sector: z.string().min(1).max(64),
      status: ProposalStatus.optional(),
      priority: Priority.optional(),
      owner: vnText(500).optional(),
      dueDate: IsoDate.nullable().optional(),
      detail: vnText().optional(),
      notes: vnText().optional(),
      source: SourceAnchor.nullable().optional(),
      afterId: Id.optional(),
    }),
    Proposal,
  ),
  'proposals.update': method('Changes some fields of a proposal.', z.object({ id: Id, patch: ProposalPatch }), Proposal),
  'proposals.delete': method(
    'Deletes a proposal (kept as deleted so it can be restored).',
    z.object({ id: Id }),
    z.object({ id: Id }),
  ),
  'proposals.restore': method('Undoes a delete.', z.object({ id: Id }), Proposal),
  'proposals.reorder': method(
    'Sets the checklist order of a report: every live proposal id, in the new order.',
    z.object({ reportId: Id, orderedIds: z.array(Id).min(1) }),
    z.array(Proposal),
  ),

  'settings.get': method('User preferences.', z.object({}), Settings),
  'settings.update': method('Changes some preferences.', Settings.partial(), Settings),
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

/** Builds a BridgeApi from one transport function (ipcRenderer.invoke or fetch). */
export function buildBridge(call: (method: Method, args: unknown) => Promise<RpcReply<unknown>>): BridgeApi {
  const api: Record<string, Record<string, (a: unknown) => Promise<unknown>>> = {}
  for (const m of METHODS) {
    const [domain, verb] = m.split('.') as [string, string]
    ;(api[domain] ??= {})[verb] = (args: unknown) => call(m, args ?? {})
  }
  return api as unknown as BridgeApi
}

/** Turns a BridgeApi into the API the renderer uses: values, or a thrown WorkbenchError. */
export function unwrapBridge(bridge: BridgeApi): WorkbenchApi {
  const api: Record<string, Record<string, (a: unknown) => Promise<unknown>>> = {}
  const raw = bridge as unknown as Record<string, Record<string, (a: unknown) => Promise<RpcReply<unknown>>>>
  for (const m of METHODS) {
    const [domain, verb] = m.split('.') as [string, string]
    ;(api[domain] ??= {})[verb] = async (args: unknown) => {
      const reply = await raw[domain]![verb]!(args)
      if (reply.ok) return reply.value
      throw new WorkbenchError(reply.error.code, reply.error.message)
    }
  }
  return api as unknown as WorkbenchApi
}
