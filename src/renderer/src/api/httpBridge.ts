import type { RapportBridge } from '../../../shared/contract'
import { operationNames } from '../../../shared/operationNames'
import type { Envelope } from '../../../shared/errors'
import { reportConnection } from '../connection/connectionStatus'

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
      reportConnection('serverDown')
      return {
        ok: false,
        error: {
          code: 'STORE_UNAVAILABLE',
          message: `Rapport's local server is not running (${(error as Error).message})`,
          details: { reason: 'serverDown' },
        },
      }
    }
    try {
      const envelope = (await response.json()) as Envelope<unknown>
      // A 403 for this page's own calls means the server no longer knows its session: it was
      // restarted, and a restart gives a new address (and cookie).
      if (response.status === 403 && !envelope.ok && envelope.error.code === 'FORBIDDEN') {
        reportConnection('sessionEnded')
        return {
          ok: false,
          error: { ...envelope.error, details: { reason: 'sessionEnded' } },
        }
      }
      reportConnection(null)
      return envelope
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
