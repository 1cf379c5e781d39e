import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { ipcChannel, operationNames } from '../../shared/contract'
import { RapportError } from '../../shared/errors'
import type { Dispatch } from '../core/dispatch'

/**
 * One handler per contract operation, nothing else. Each call is answered only if it comes from
 * our own window showing our own page; input validation happens in `dispatch`.
 */
export function registerContractHandlers(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: new RapportError('FORBIDDEN', 'Call from an untrusted page refused').toValue(),
        }
      }
      return dispatch(name, input)
    })
  }
  return () => operationNames.forEach((name) => ipcMain.removeHandler(ipcChannel(name)))
}
