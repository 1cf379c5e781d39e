import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** What the stand-in recorded (see electron.mjs `snapshot`). */
export interface DesktopRecord {
  windows: {
    options: { webPreferences: Record<string, unknown>; icon?: string }
    loaded: { file?: string; url?: string } | null
    shown: boolean
  }[]
  trays: { image: string; tooltip: string; menu: MenuItem[]; destroyed: boolean }[]
  appMenu: MenuItem[] | null
  notifications: { title: string; body: string }[]
  dialogs: { kind: string; options?: { message?: string } }[]
  utility: { modulePath: string; pid: number; exit: { code: number | null } | null }[]
  exposed: { key: string; members: Record<string, string> } | null
  /** Messages main sent to pages (webContents.send). */
  sentToPages: { channel: string; args: unknown[] }[]
  ipcChannels: string[]
  permissionsGranted: string[] | null
  maxLoopDelayMs: number
  cpuMs: number
  quit: { willQuitPrevented: number; quitted: boolean }
}
export interface MenuItem {
  label: string | null
  role: string | null
  type: string
  submenu?: MenuItem[]
}

const register = fileURLToPath(new URL('./register.mjs', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))

export interface DesktopRun {
  process: ChildProcess
  command<T = unknown>(name: string, args?: Record<string, unknown>): Promise<T>
  state(): Promise<DesktopRecord>
  /** Calls an operation through its IPC handler as the preload does (JSON text both ways), from
   * our window or another sender. */
  invoke(
    operation: string,
    input?: unknown,
    from?: 'window' | 'foreignPage' | 'otherWebContents',
  ): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>
  /** Sends `payload` as it is, as a misbehaving page could. */
  invokeRaw(operation: string, payload: unknown): Promise<unknown>
  /** Polls the record until `ready` holds (or fails after `timeoutMs`). */
  until(ready: (state: DesktopRecord) => boolean, timeoutMs?: number): Promise<DesktopRecord>
  /** Quits the app as the tray's Quit does; resolves with the exit code and the last record. */
  quit(): Promise<{ code: number; state: DesktopRecord }>
  /** Whatever happens, ends the run and its core processes, and waits until they are gone
   * (a core left running would still write into a folder the test is deleting). */
  kill(): Promise<void>
}

/** Whether a process with this id still exists (signal 0 only asks). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Runs the built desktop app (out/main/index.js) in plain Node with the electron stand-in, as a
 * child process driven over its IPC channel. Its core process is a fork of that child.
 */
export function launchDesktop(options: {
  dataDir: string
  userData: string
  locale?: string
  env?: Record<string, string>
}): DesktopRun {
  const child = fork(`${root}/out/main/index.js`, ['--data', options.dataDir], {
    cwd: root,
    execArgv: ['--import', register],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      RAPPORT_DATA: '',
      RAPPORT_STANDIN_USER_DATA: options.userData,
      RAPPORT_STANDIN_LOCALE: options.locale ?? 'en-US',
      ...options.env,
    },
  })
  let nextId = 0
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
  let exited: { code: number; state: DesktopRecord } | null = null
  const exitWaiters: ((value: { code: number; state: DesktopRecord }) => void)[] = []
  child.on('message', (raw) => {
    const message = raw as {
      type: string
      id?: number
      ok?: boolean
      result?: unknown
      error?: string
      code?: number
      state?: DesktopRecord
    }
    if (message.type === 'result' && message.id !== undefined) {
      const waiter = waiting.get(message.id)
      waiting.delete(message.id)
      if (message.ok) waiter?.resolve(message.result)
      else waiter?.reject(new Error(message.error))
    } else if (message.type === 'exit') {
      exited = { code: message.code ?? 0, state: message.state! }
      exitWaiters.splice(0).forEach((resolve) => resolve(exited!))
    }
  })
  child.on('exit', (code) => {
    for (const waiter of waiting.values()) waiter.reject(new Error(`desktop exited (${code})`))
    waiting.clear()
  })

  const command = <T>(name: string, args?: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      // A run that has quit has no channel: say so instead of an unhandled 'Channel closed'.
      if (!child.connected) {
        reject(new Error('desktop has exited'))
        return
      }
      const id = nextId++
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
      child.send({ type: 'command', id, name, args }, (error) => {
        if (!error) return
        waiting.delete(id)
        reject(error)
      })
    })
  const knownUtilityPids = new Set<number>()
  const state = async () => {
    const record = await command<DesktopRecord>('state')
    record.utility.forEach((u) => knownUtilityPids.add(u.pid))
    return record
  }
  return {
    process: child,
    command,
    state,
    invoke: async (operation, input, from = 'window') =>
      JSON.parse(
        await command<string>('invoke', {
          channel: `rapport:${operation}`,
          input: JSON.stringify({ input }),
          from,
        }),
      ) as Awaited<ReturnType<DesktopRun['invoke']>>,
    invokeRaw: (operation, payload) =>
      command('invoke', { channel: `rapport:${operation}`, input: payload }),
    async until(ready, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const current = await state()
        if (ready(current)) return current
        if (Date.now() > deadline) throw new Error('stand-in: condition not met in time')
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    quit() {
      const done = new Promise<{ code: number; state: DesktopRecord }>((resolve) =>
        exited ? resolve(exited) : exitWaiters.push(resolve),
      )
      // The answer may never come: the process exits while answering.
      command('quit').catch(() => undefined)
      return done
    },
    async kill() {
      const pids = new Set(knownUtilityPids)
      if (child.exitCode === null && child.signalCode === null) {
        if (child.connected) {
          const last = await Promise.race([
            state().catch(() => null),
            new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000)),
          ])
          last?.utility.forEach((u) => pids.add(u.pid))
        }
        child.kill('SIGKILL')
      }
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }
      const deadline = Date.now() + 10_000
      while ([...pids].some(isAlive) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20))
    },
  }
}
