import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { ipcChannel, operationNames } from '../../shared/operationNames'
import { RapportError } from '../../shared/errors'

const MAX_PAYLOAD = 100_000_000

const refusal = (error: RapportError) => JSON.stringify({ ok: false, error: error.toValue() })

/**
 * One handler per contract operation, nothing else. Each call is answered only if it comes from
 * our own window showing our own page. Input and answer are JSON text that main relays to and
 * from the core's process undecoded (shared/ipcPayload); the core's `dispatch` validates.
 */
export function registerContractHandlers(
  ipcMain: IpcMain,
  relay: (name: string, payload: string) => Promise<string>,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), async (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        return refusal(new RapportError('FORBIDDEN', 'Call from an untrusted page refused'))
      }
      if (typeof payload !== 'string' || payload.length > MAX_PAYLOAD) {
        return refusal(new RapportError('VALIDATION', `The call to ${name} is not JSON text`))
      }
      return relay(name, payload)
    })
  }
  return () => operationNames.forEach((name) => ipcMain.removeHandler(ipcChannel(name)))
}
