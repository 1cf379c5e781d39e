import { contextBridge, ipcRenderer } from 'electron'
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

contextBridge.exposeInMainWorld('rapport', bridge)
