import type { RapportApi, RapportBridge } from '../../../shared/contract'
import { operationNames } from '../../../shared/operationNames'
import { RapportError } from '../../../shared/errors'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    rapport?: RapportBridge
  }
}

/** Turns either bridge into the typed API: results resolve, errors reject as RapportError. */
export function createApi(bridge: RapportBridge): RapportApi {
  const entries = operationNames.map((name) => [
    name,
    async (input?: unknown) => {
      const envelope = await bridge[name](input)
      if (envelope.ok) return envelope.value
      throw RapportError.fromValue(envelope.error)
    },
  ])
  return Object.fromEntries(entries) as RapportApi
}

/** IPC when the preload bridge exists, HTTP otherwise: the rest of the app cannot tell. */
export async function pickBridge(): Promise<RapportBridge> {
  if (window.rapport) return window.rapport
  const token = document.querySelector<HTMLMetaElement>('meta[name="rapport-token"]')?.content
  const { createHttpBridge } = await import('./httpBridge')
  return createHttpBridge(token ?? '')
}
