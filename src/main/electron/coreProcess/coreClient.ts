import { MessageChannelMain, utilityProcess, type MessagePortMain } from 'electron'
import type { ReminderNotification } from '../../../shared/contract'
import { RapportError, type Envelope } from '../../../shared/errors'
import { encodeInput } from '../../../shared/ipcPayload'
import type { Dispatch } from '../../core/dispatch'
import {
  fromCoreSchema,
  type CoreStartOptions,
  type FromCore,
  type ToCore,
  type TrayItem,
} from './protocol'

export type HostHandler = (input: unknown) => Promise<unknown>

export interface CoreProcessDeps {
  /** The built coreProcessEntry (out/main/coreProcess.js). */
  modulePath: string
  options: Omit<CoreStartOptions, 'hostOperations'>
  /** Operations only main can do (save dialog, printToPDF); the core calls back for them. */
  hostHandlers: Record<string, HostHandler>
  onNotify(notification: ReminderNotification): void
  onTray(state: { dueCount: number; next: TrayItem[] }): void
  /** A durable change in the core, with the collections it touched. */
  onChanged?(collections: string[]): void
  /** The phone-sync password kept in the OS keychain, handed to each core process it starts. */
  syncPassword?(): string | undefined
  /** The core process died; `restarting` is false once it has died too often to try again. */
  onCrash(restarting: boolean): void
}

export interface CoreProcess {
  /** For main's own calls (settings, the close-to-tray choice). */
  dispatch: Dispatch
  /** For the page's calls: JSON text in, JSON text out, relayed without decoding. */
  relay(name: string, payload: string): Promise<string>
  /** Whether the store could not be opened (the page then explains why). */
  readonly unavailable: boolean
  pauseReminders(ms: number): void
  wake(): void
  /** Hands a newly saved phone-sync password to the core. */
  setSyncPassword(password: string): void
  /** Lets pending calls finish, closes the store (which compacts it) and ends the process. */
  close(): Promise<void>
}

const RESTARTS_PER_MINUTE = 3

interface Connection {
  port: MessagePortMain
  kill(): void
  ready: boolean
  /** Messages written before the core said it is ready. */
  queued: ToCore[]
}

/**
 * Main's side of the core process: starts it, relays calls over a MessagePort, answers the
 * host-only operations it asks for, and restarts it when it crashes. Main does no data work.
 */
export function startCoreProcess(deps: CoreProcessDeps): CoreProcess {
  const pending = new Map<number, (payload: string) => void>()
  let nextId = 0
  let connection: Connection | null = null
  let unavailable = false
  let closing = false
  let gaveUp = false
  /** Set while quitting: the core said its store is closed. */
  let whenClosed: (() => void) | null = null
  /** Set while quitting: the core process has ended. */
  let whenGone: (() => void) | null = null
  const crashes: number[] = []

  const post = (message: ToCore) => {
    if (!connection) return
    if (connection.ready) connection.port.postMessage(message)
    else connection.queued.push(message)
  }

  const failAll = (error: RapportError) => {
    const payload = JSON.stringify({ ok: false, error: error.toValue() })
    for (const answer of pending.values()) answer(payload)
    pending.clear()
  }

  const answerHost = async (id: number, name: string, input: unknown) => {
    const handler = deps.hostHandlers[name]
    let envelope: Envelope<unknown>
    try {
      if (!handler) throw new RapportError('UNSUPPORTED', `${name} is not a host operation`)
      envelope = { ok: true, value: await handler(input) }
    } catch (error) {
      const known =
        error instanceof RapportError
          ? error
          : new RapportError('INTERNAL', (error as Error)?.message ?? String(error))
      envelope = { ok: false, error: known.toValue() }
    }
    post({ type: 'hostReply', id, envelope })
  }

  const receive = (message: FromCore) => {
    switch (message.type) {
      case 'ready':
        unavailable = message.unavailable
        if (connection) {
          connection.ready = true
          connection.queued.splice(0).forEach((queued) => connection?.port.postMessage(queued))
        }
        return
      case 'reply':
        pending.get(message.id)?.(message.payload)
        pending.delete(message.id)
        return
      case 'host':
        void answerHost(message.id, message.name, message.input)
        return
      case 'notify':
        return deps.onNotify(message.notification)
      case 'tray':
        return deps.onTray({ dueCount: message.dueCount, next: message.next })
      case 'changed':
        return deps.onChanged?.(message.collections)
      case 'closed':
        whenClosed?.()
        return
      case 'failed':
        console.error('Rapport core process failed:', message.message)
        return
    }
  }

  const spawn = () => {
    const child = utilityProcess.fork(deps.modulePath, [], {
      serviceName: 'Rapport core',
      stdio: 'inherit',
    })
    const { port1, port2 } = new MessageChannelMain()
    const own: Connection = { port: port1, kill: () => child.kill(), ready: false, queued: [] }
    connection = own
    port1.on('message', ({ data }) => {
      const parsed = fromCoreSchema.safeParse(data)
      if (parsed.success) receive(parsed.data)
      else console.error('Rapport: unreadable message from the core process refused')
    })
    port1.start()
    const password = deps.syncPassword?.()
    child.postMessage(
      {
        type: 'start',
        options: {
          ...deps.options,
          hostOperations: Object.keys(deps.hostHandlers),
          ...(password ? { syncPassword: password } : {}),
        },
      } satisfies ToCore,
      [port2],
    )
    child.on('exit', (code) => {
      if (connection !== own) return
      connection = null
      port1.close()
      if (closing) {
        whenGone?.()
        return
      }
      console.error(`Rapport core process exited with code ${code}`)
      failAll(new RapportError('INTERNAL', 'The data process stopped; Rapport is restarting it'))
      const now = Date.now()
      crashes.push(now)
      while (crashes.length > 0 && now - crashes[0]! > 60_000) crashes.shift()
      gaveUp = crashes.length > RESTARTS_PER_MINUTE
      deps.onCrash(!gaveUp)
      if (!gaveUp) spawn()
    })
  }
  spawn()

  const relay = (name: string, payload: string) =>
    new Promise<string>((resolve) => {
      if (!connection) {
        const reason = closing ? 'Rapport is quitting' : 'The data process has stopped'
        const error = new RapportError('STORE_UNAVAILABLE', reason).toValue()
        resolve(JSON.stringify({ ok: false, error }))
        return
      }
      const id = nextId++
      pending.set(id, resolve)
      post({ type: 'call', id, name, payload })
    })

  return {
    relay,
    dispatch: async (name, input) =>
      JSON.parse(await relay(name, encodeInput(input))) as Envelope<unknown>,
    get unavailable() {
      return unavailable
    },
    pauseReminders: (ms) => post({ type: 'pauseReminders', ms }),
    wake: () => post({ type: 'wake' }),
    setSyncPassword: (password) => post({ type: 'syncPassword', password }),
    close: () => {
      closing = true
      const open = connection
      if (!open) return Promise.resolve()
      return new Promise<void>((resolve) => {
        whenGone = resolve
        whenClosed = () => {
          whenClosed = null
          // The store is closed: ending the process now loses nothing.
          open.kill()
        }
        post({ type: 'close' })
      })
    },
  }
}
