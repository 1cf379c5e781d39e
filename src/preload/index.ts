import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANGES_CHANNEL, type ChangesBridge } from '../shared/store/changes'
import type { RapportBridge } from '../shared/contract'
import { encodeInput } from '../shared/ipcPayload'
import { ipcChannel, operationNames } from '../shared/operationNames'

// Exposes the contract and nothing else: one function per operation, no raw channel access.
// Calls travel as JSON text, which main relays to the core's process without decoding.
const bridge = Object.fromEntries(
  operationNames.map((name) => [
    name,
    async (input: unknown) =>
      JSON.parse((await ipcRenderer.invoke(ipcChannel(name), encodeInput(input))) as string),
  ]),
) as RapportBridge

// Beside it, one subscription to "changed" events: the page hears which collections to re-read,
// never the event object, and cannot send on the channel.
const changes: ChangesBridge = {
  subscribe(listener) {
    const relay = (_event: IpcRendererEvent, collections: unknown) => {
      if (Array.isArray(collections)) listener(collections.filter((c) => typeof c === 'string'))
    }
    ipcRenderer.on(CHANGES_CHANNEL, relay)
    return () => {
      ipcRenderer.removeListener(CHANGES_CHANNEL, relay)
    }
  },
}

contextBridge.exposeInMainWorld('rapport', bridge)
contextBridge.exposeInMainWorld('rapportChanges', changes)
