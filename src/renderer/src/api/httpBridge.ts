import type { RapportBridge } from '../../../shared/contract'
import { operationNames } from '../../../shared/operationNames'
import type { Envelope } from '../../../shared/errors'

/** Browser mode: the same contract over HTTP, with the per-launch token our page was served with. */
export function createHttpBridge(token: string, fetchImpl: typeof fetch = fetch): RapportBridge {
  const call = async (name: string, input: unknown): Promise<Envelope<unknown>> => {
    let response: Response
    try {
      response = await fetchImpl(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rapport-token': token },
        body: input === undefined ? '' : JSON.stringify(input),
      })
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'STORE_UNAVAILABLE',
          message: `Rapport's local server cannot be reached (${(error as Error).message})`,
        },
      }
    }
    try {
      return (await response.json()) as Envelope<unknown>
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `Unreadable answer (${response.status})` },
      }
    }
  }
  return Object.fromEntries(
    operationNames.map((name) => [name, (input: unknown) => call(name, input)]),
  ) as RapportBridge
}
