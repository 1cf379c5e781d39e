/**
 * The core's own process: Electron starts this file as a `utilityProcess`, so opening a large
 * store, importing, building the map and the compaction at quit never stall the window. It opens
 * the core and answers the same `dispatch` as browser mode, over the MessagePort that main sends
 * with the first message. It never imports electron: it is plain Node with a parent port.
 */
import { isOperationName, type Handlers } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import { decodeInput } from '../../../shared/ipcPayload'
import { openCore, type Core } from '../../core/openCore'
import {
  CHOOSE_AUTO_EXPORT_FILE,
  coreStartOptionsSchema,
  toCoreSchema,
  type FromCore,
} from './protocol'

/** The shape of Electron's MessagePortMain, as far as this file uses it. */
export interface PortLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  start(): void
  close(): void
}

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
if (!parentPort) throw new Error('The Rapport core process must be started as a utility process')

parentPort.on('message', ({ data, ports }) => {
  const start = toCoreSchema.safeParse(data)
  const port = ports[0]
  if (!start.success || start.data.type !== 'start' || !port) return
  void serve(coreStartOptionsSchema.parse(start.data.options), port).catch((error: unknown) => {
    port.postMessage({ type: 'failed', message: String(error) } satisfies FromCore)
    console.error('Rapport core process failed', error)
    process.exit(1)
  })
})

async function serve(
  options: ReturnType<typeof coreStartOptionsSchema.parse>,
  port: PortLike,
): Promise<void> {
  const send = (message: FromCore) => port.postMessage(message)
  // Messages that arrive while the store opens wait for it, in order.
  const early: unknown[] = []
  let handle: (data: unknown) => void = (data) => early.push(data)
  port.on('message', ({ data }) => handle(data))
  port.start()

  const waitingHost = new Map<number, (envelope: unknown) => void>()
  let nextHostId = 0
  const askHost = (name: string) => (input: unknown) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextHostId++
      waitingHost.set(id, (envelope) => {
        const answer = envelope as { ok: true; value: unknown } | { ok: false; error: never }
        if (answer.ok) resolve(answer.value)
        else reject(RapportError.fromValue(answer.error))
      })
      send({ type: 'host', id, name, input })
    })
  const hostHandlers = Object.fromEntries(
    options.hostOperations.filter(isOperationName).map((name) => [name, askHost(name)]),
  ) as Partial<Handlers>

  let dueCount = 0
  let trayRevision = -1
  let core: Core | null = null
  const sendTray = () => {
    if (!core) return
    trayRevision = core.revision()
    send({ type: 'tray', dueCount, next: core.reminders?.nextDue(5) ?? [] })
  }
  // The phone-sync password lives in memory here only; main keeps it in the OS keychain.
  let syncPassword = options.syncPassword
  core = await openCore({
    dataDir: options.dataDir,
    version: options.version,
    systemLanguage: options.systemLanguage,
    holder: options.holder,
    demoOnFirstLaunch: options.demoOnFirstLaunch,
    reminderSink: {
      notify: (notification) => send({ type: 'notify', notification }),
      onCount: (count) => {
        dueCount = count
        sendTray()
      },
    },
    hostHandlers,
    syncPassword: () => syncPassword,
    // The desktop app syncs on its schedule while it runs.
    syncTimers: true,
    // And keeps the map's answer ready for when it is opened.
    mapWarmUp: true,
    ...(options.hostOperations.includes(CHOOSE_AUTO_EXPORT_FILE)
      ? {
          chooseAutoExportFile: async () => {
            const chosen = await askHost(CHOOSE_AUTO_EXPORT_FILE)(undefined)
            return typeof chosen === 'string' && chosen !== '' ? chosen : null
          },
        }
      : {}),
  })
  const opened = core
  opened.onChanged((collections) => send({ type: 'changed', collections }))
  let closing: Promise<void> | null = null

  handle = (data) => {
    const parsed = toCoreSchema.safeParse(data)
    if (!parsed.success) return console.error('Rapport core: unreadable message refused')
    const message = parsed.data
    switch (message.type) {
      case 'call': {
        const decoded = decodeInput(message.payload)
        const answer = decoded.ok
          ? opened.dispatch(message.name, decoded.input)
          : Promise.resolve({
              ok: false as const,
              error: new RapportError('VALIDATION', 'The call is not JSON').toValue(),
            })
        void answer.then((envelope) => {
          send({ type: 'reply', id: message.id, payload: JSON.stringify(envelope) })
          // The tray lists the next follow-ups: tell main whenever data changed.
          if (opened.revision() !== trayRevision) sendTray()
        })
        return
      }
      case 'hostReply':
        waitingHost.get(message.id)?.(message.envelope)
        waitingHost.delete(message.id)
        return
      case 'pauseReminders':
        return opened.reminders?.pauseFor(message.ms)
      case 'wake':
        return opened.reminders?.wake()
      case 'syncPassword':
        syncPassword = message.password
        return
      case 'close':
        // Pending writes finish and the journal is folded into the snapshot before we say so.
        closing ??= opened.close().then(() => send({ type: 'closed' }))
        return
      case 'start':
        return
    }
  }
  send({ type: 'ready', unavailable: opened.unavailable !== null })
  sendTray()
  early.splice(0).forEach((data) => handle(data))
}
