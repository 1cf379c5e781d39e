import { contextBridge, ipcRenderer } from 'electron'
import type { RapportBridge } from '../shared/contract'
import { ipcChannel, operationNames } from '../shared/operationNames'

// Exposes the contract and nothing else: one function per operation, no raw channel access.
const bridge = Object.fromEntries(
  operationNames.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input),
  ]),
) as RapportBridge

contextBridge.exposeInMainWorld('rapport', bridge)
