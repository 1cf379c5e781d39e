import type { z } from 'zod'
import type { Envelope } from './errors'
import { cardOperations } from './cards/cardOperations'
import { communityOperations } from './communities/communityOperations'
import { eventOperations } from './events/eventOperations'
import { mapOperations } from './map/mapOperations'
import { qrCardOperations } from './cards/qrCardOperations'
import { syncOperations } from './sync/syncOperations'
import { contactOperations } from './contacts/contactOperations'
import { duplicateOperations } from './contacts/duplicateOperations'
import { importExportOperations } from './importExport/importExportOperations'
import { followUpOperations } from './followUps/followUpOperations'
import { calendarOperations } from './calendar/calendarOperations'
import { settingsOperations } from './settings/settingsOperations'
import { storeOperations } from './store/storeOperations'
import { ipcChannel, operationNames, type OperationName } from './operationNames'

// The schemas and views each feature declares beside its operations, for the callers that
// import them from the contract.
export * from './contacts/contactOperations'
export * from './importExport/importExportOperations'
export * from './followUps/followUpOperations'
export * from './calendar/calendarOperations'
export * from './settings/settingsOperations'
export * from './store/storeOperations'

/**
 * Every operation the renderer may call, declared once: its input schema and its result type.
 * The IPC and HTTP transports are generated from this object, so neither can drift from it.
 * Each feature declares its operations in its own folder; this object joins them.
 */
export const contract = {
  ...eventOperations,
  ...communityOperations,
  ...cardOperations,
  ...mapOperations,
  ...syncOperations,
  ...qrCardOperations,
  ...contactOperations,
  ...duplicateOperations,
  ...importExportOperations,
  ...followUpOperations,
  ...calendarOperations,
  ...settingsOperations,
  ...storeOperations,
} as const

export type Contract = typeof contract
export { operationNames, ipcChannel, type OperationName }

/** Fails to compile when the name list and the contract differ in either direction. */
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const namesMatchContract: SameSet<keyof Contract, OperationName> = true
void namesMatchContract

/** What a caller passes (defaults not yet applied). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>
/** What a handler receives (validated, defaults applied). */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>
export type ResultOf<N extends OperationName> = NonNullable<Contract[N]['result']>

/** The typed API the renderer uses; both transports produce exactly this. */
export type RapportApi = {
  [N in OperationName]: (
    ...args: undefined extends InputOf<N> ? [input?: InputOf<N>] : [input: InputOf<N>]
  ) => Promise<ResultOf<N>>
}

/** What the preload exposes: one function per operation, answering an envelope. */
export type RapportBridge = {
  [N in OperationName]: (input: unknown) => Promise<Envelope<ResultOf<N>>>
}

/** The core side: one handler per operation, given validated input. */
export type Handlers = {
  [N in OperationName]: (input: ParsedInputOf<N>) => Promise<ResultOf<N>> | ResultOf<N>
}

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
