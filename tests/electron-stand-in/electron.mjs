// A recording stand-in for the `electron` module, so the built desktop glue (out/main/index.js)
// runs for real in plain Node. It does what the glue needs (windows that load files, IPC
// handlers, tray, menus, dialogs, utility processes as `child_process.fork` with MessagePort-like
// ports) and records it. A test or bench that forks this process drives it over the fork's IPC
// channel (see launchDesktop.ts): it reads the record, invokes IPC handlers as a page would,
// kills the core process and quits.
import { fork } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'

const env = process.env
const record = {
  windows: [],
  trays: [],
  appMenu: null,
  notifications: [],
  dialogs: [],
  opened: [],
  utility: [],
  exposed: null,
  /** Every key the preload exposed, with the names and types of its members. */
  exposures: {},
  invoked: [],
  sentToPages: [],
  quit: { willQuitPrevented: 0, quitted: false },
}

// The main thread's longest stall, measured from the moment the glue is loaded.
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()

/** Menu templates hold functions: keep what a user sees. */
const describeMenu = (items) =>
  items.map((item) => ({
    label: item.label ?? null,
    role: item.role ?? null,
    type: item.type ?? 'normal',
    ...(Array.isArray(item.submenu) ? { submenu: describeMenu(item.submenu) } : {}),
  }))

class StandInEmitter extends EventEmitter {}

// ---------------------------------------------------------------- app
let quitting = false
class App extends StandInEmitter {
  isPackaged = env.RAPPORT_STANDIN_PACKAGED === '1'
  requestSingleInstanceLock = () => true
  whenReady = () => new Promise((resolve) => setImmediate(resolve))
  getPath = (name) => {
    if (name !== 'userData') throw new Error(`stand-in: getPath(${name}) not supported`)
    return env.RAPPORT_STANDIN_USER_DATA ?? join(tmpdir(), 'rapport-stand-in-user-data')
  }
  getLocale = () => env.RAPPORT_STANDIN_LOCALE ?? 'en-US'
  getAppPath = () => process.cwd()
  getVersion = () => JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')).version
  exit = (code = 0) => finish(code)
  quit = () => {
    if (quitting) return
    quitting = true
    setImmediate(() => {
      const event = preventable()
      this.emit('before-quit', event)
      if (event.prevented) return (quitting = false)
      for (const window of BrowserWindow.getAllWindows()) window.close()
      const willQuit = preventable()
      this.emit('will-quit', willQuit)
      quitting = false
      if (willQuit.prevented) {
        record.quit.willQuitPrevented += 1
        return
      }
      this.emit('quit')
      record.quit.quitted = true
      finish(0)
    })
  }
}
const preventable = () => {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) }
  return event
}
export const app = new App()

function finish(code) {
  const state = snapshot()
  if (process.send) process.send({ type: 'exit', code, state }, () => process.exit(code))
  else process.exit(code)
}

// ---------------------------------------------------------------- windows
let nextWebContentsId = 1
class WebContents extends StandInEmitter {
  id = nextWebContentsId++
  url = ''
  destroyed = false
  windowOpenHandler = null
  getURL = () => this.url
  isDestroyed = () => this.destroyed
  setWindowOpenHandler = (handler) => (this.windowOpenHandler = handler)
  executeJavaScript = async (code) => {
    this.executed.push(code)
  }
  executed = []
  printToPDF = async () => Buffer.from('%PDF-1.7 stand-in')
  /** What main sent to the page ("changed" events). */
  send = (channel, ...args) => {
    record.sentToPages.push({ channel, args })
  }
  reload = () => {}
}

const windows = new Set()
export class BrowserWindow extends StandInEmitter {
  static getAllWindows = () => [...windows]
  constructor(options = {}) {
    super()
    this.options = options
    this.webContents = new WebContents()
    this.destroyed = false
    this.visible = false
    this.entry = { options: JSON.parse(JSON.stringify(options)), loaded: null, shown: false }
    record.windows.push(this.entry)
    windows.add(this)
    app.emit('web-contents-created', preventable(), this.webContents)
  }
  async loadFile(file) {
    // Like Electron, a missing page fails to load.
    if (!existsSync(file)) throw new Error(`ERR_FILE_NOT_FOUND: ${file}`)
    return this.load(pathToFileURL(file).href, { file })
  }
  async loadURL(url) {
    return this.load(url, { url })
  }
  async load(url, loaded) {
    this.webContents.url = url
    this.entry.loaded = loaded
    setImmediate(() => this.emit('ready-to-show'))
  }
  show = () => {
    this.visible = true
    this.entry.shown = true
  }
  hide = () => (this.visible = false)
  focus = () => {}
  isMinimized = () => false
  restore = () => {}
  maximize = () => {}
  isMaximized = () => false
  getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 })
  isDestroyed = () => this.destroyed
  close = () => {
    if (this.destroyed) return
    const event = preventable()
    this.emit('close', event)
    if (!event.prevented) this.destroy()
  }
  destroy = () => {
    if (this.destroyed) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.entry.destroyed = true
    windows.delete(this)
    this.emit('closed')
  }
}

// ---------------------------------------------------------------- IPC
const handlers = new Map()
export const ipcMain = {
  handle(channel, handler) {
    if (handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    handlers.set(channel, handler)
  },
  removeHandler: (channel) => handlers.delete(channel),
  on: () => {},
}

// ---------------------------------------------------------------- menus, tray, notifications
export const Menu = {
  buildFromTemplate: (template) => ({ template, items: describeMenu(template) }),
  setApplicationMenu: (menu) => (record.appMenu = menu ? menu.items : null),
}

const trayObjects = []
export class Tray extends StandInEmitter {
  constructor(image) {
    super()
    trayObjects.push(this)
    this.entry = { image: image.path, tooltip: '', title: '', menu: [], destroyed: false }
    record.trays.push(this.entry)
    this.menu = null
  }
  setImage = (image) => (this.entry.image = image.path)
  setToolTip = (text) => (this.entry.tooltip = text)
  setTitle = (text) => (this.entry.title = text)
  setContextMenu = (menu) => {
    this.menu = menu
    this.entry.menu = menu.items
  }
  destroy = () => (this.entry.destroyed = true)
}

export const nativeImage = {
  createFromPath: (path) => ({ path, isEmpty: () => !existsSync(path) }),
}

export class Notification extends StandInEmitter {
  static isSupported = () => true
  constructor(options) {
    super()
    this.options = options
  }
  show = () => record.notifications.push(this.options)
}

export const dialog = {
  showMessageBox: async (windowOrOptions, maybeOptions) => {
    record.dialogs.push({ kind: 'message', options: maybeOptions ?? windowOrOptions })
    return { response: 0, checkboxChecked: false }
  },
  showSaveDialog: async (windowOrOptions, maybeOptions) => {
    record.dialogs.push({ kind: 'save', options: maybeOptions ?? windowOrOptions })
    return { canceled: true }
  },
  showErrorBox: (title, content) => record.dialogs.push({ kind: 'error', title, content }),
}

export const shell = {
  openExternal: async (url) => record.opened.push(url),
  openPath: async (path) => {
    record.opened.push(path)
    return ''
  },
}

export const powerMonitor = new StandInEmitter()

const sessionHandlers = { permissionRequest: null, permissionCheck: null, headers: null }
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn) => (sessionHandlers.permissionRequest = fn),
    setPermissionCheckHandler: (fn) => (sessionHandlers.permissionCheck = fn),
    webRequest: { onHeadersReceived: (fn) => (sessionHandlers.headers = fn) },
  },
}

export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`stand-in:${text}`),
  decryptString: (buffer) => buffer.toString().replace(/^stand-in:/, ''),
}

// ---------------------------------------------------------------- utility processes, ports
let nextPortId = 1
class MessagePortMain extends StandInEmitter {
  peer = null
  /** Set once the peer was sent to a utility process: messages then cross the fork's channel. */
  remote = null
  postMessage(data) {
    if (this.remote) this.remote.child.send({ kind: 'port', port: this.remote.id, data })
    else if (this.peer) setImmediate(() => this.peer.emit('message', { data, ports: [] }))
  }
  start() {}
  close() {
    this.remote = null
    this.peer = null
  }
}
export class MessageChannelMain {
  constructor() {
    this.port1 = new MessagePortMain()
    this.port2 = new MessagePortMain()
    this.port1.peer = this.port2
    this.port2.peer = this.port1
  }
}

const utilityChild = new URL('./utilityChild.mjs', import.meta.url).href
export const utilityProcess = {
  fork(modulePath, args = [], options = {}) {
    const child = fork(modulePath, args, {
      execArgv: ['--import', utilityChild],
      serialization: 'advanced',
      stdio: options.stdio === 'pipe' ? 'pipe' : 'inherit',
      env: { ...process.env, ...options.env },
    })
    const entry = { modulePath, pid: child.pid, serviceName: options.serviceName, exit: null }
    record.utility.push(entry)
    const localPorts = new Map()
    const utility = new StandInEmitter()
    utility.pid = child.pid
    utility.postMessage = (data, transfer = []) => {
      const ids = transfer.map((port) => {
        const id = nextPortId++
        // The other end of the channel now talks to the child.
        port.peer.remote = { child, id }
        localPorts.set(id, port.peer)
        return id
      })
      child.send({ kind: 'parent', data, ports: ids })
    }
    utility.kill = () => child.kill()
    child.on('message', (message) => {
      if (message.kind === 'port')
        localPorts.get(message.port)?.emit('message', { data: message.data })
      else if (message.kind === 'parent') utility.emit('message', message.data)
    })
    child.on('spawn', () => utility.emit('spawn'))
    child.on('exit', (code, signal) => {
      entry.exit = { code, signal }
      utility.emit('exit', code ?? 1)
    })
    return utility
  },
}

// ---------------------------------------------------------------- preload side
const exposedApis = {}
export const contextBridge = {
  exposeInMainWorld: (key, api) => {
    exposedApis[key] = api
    record.exposures[key] = Object.fromEntries(
      Object.entries(api).map(([name, value]) => [name, typeof value]),
    )
    // The contract's bridge is the one the tests call into.
    if (key === 'rapport' || !record.exposed) record.exposed = { key, api }
  },
}
const rendererListeners = new Map()
export const ipcRenderer = {
  invoke: async (channel, input) => {
    record.invoked.push({ channel, input })
    return JSON.stringify({ ok: true, value: null })
  },
  on: (channel, listener) => {
    if (!rendererListeners.has(channel)) rendererListeners.set(channel, new Set())
    rendererListeners.get(channel).add(listener)
  },
  removeListener: (channel, listener) => {
    rendererListeners.get(channel)?.delete(listener)
  },
}
/** Main sending to the page, as webContents.send would. */
function sendToRenderer(channel, ...args) {
  for (const listener of rendererListeners.get(channel) ?? []) listener({ sender: null }, ...args)
}

// ---------------------------------------------------------------- the driver's side
function snapshot() {
  const check = sessionHandlers.permissionCheck
  return {
    ...record,
    exposed: record.exposed && {
      key: record.exposed.key,
      members: Object.fromEntries(
        Object.entries(record.exposed.api).map(([name, value]) => [name, typeof value]),
      ),
    },
    ipcChannels: [...handlers.keys()],
    // What our own page is granted when it checks (the camera is asked for as 'video').
    permissionsGranted: check
      ? ['media', 'geolocation', 'notifications'].filter((p) =>
          check(...permissionArgs('window', p, p === 'media' ? ['video'] : [])),
        )
      : null,
    maxLoopDelayMs: loopDelay.max / 1e6,
    // CPU time of this process: the main thread's own work, whatever the scheduler does.
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  }
}

/** The IPC event a page would produce: our window at its URL, or someone else. */
function senderEvent(from) {
  const window = BrowserWindow.getAllWindows()[0]
  const contents = window?.webContents
  if (from === 'otherWebContents')
    return { sender: { id: 999 }, senderFrame: { url: contents?.url } }
  if (from === 'foreignPage')
    return { sender: contents, senderFrame: { url: 'https://evil.example/' } }
  if (from === 'subFrame') return { sender: contents, senderFrame: { url: contents?.url } }
  return { sender: contents, senderFrame: { url: contents?.url } }
}

/** A permission check's arguments as Electron passes them, from our window or someone else. */
function permissionArgs(from, permission, mediaTypes) {
  const { sender, senderFrame } = senderEvent(from)
  const url = senderFrame.url ?? ''
  const details = {
    requestingUrl: url,
    isMainFrame: from !== 'subFrame',
    ...(mediaTypes.length > 0 ? { mediaType: mediaTypes[0] } : {}),
  }
  // Before a page is loaded there is no origin; Electron then passes ''.
  const origin = URL.canParse(url)
    ? url.startsWith('file:')
      ? 'file://'
      : new URL(url).origin
    : ''
  return [sender, permission, origin, details]
}

const commands = {
  state: () => snapshot(),
  /** Asks a permission as a page would: `request` (getUserMedia) or `check` (a query). */
  askPermission: ({ permission, mediaTypes = [], from = 'window', kind = 'request' }) => {
    if (kind === 'check')
      return sessionHandlers.permissionCheck(...permissionArgs(from, permission, mediaTypes))
    const { sender, senderFrame } = senderEvent(from)
    const details = { requestingUrl: senderFrame.url, isMainFrame: from !== 'subFrame', mediaTypes }
    return new Promise((resolve) =>
      sessionHandlers.permissionRequest(sender, permission, resolve, details),
    )
  },
  resetLoopDelay: () => loopDelay.reset(),
  invoke: async ({ channel, input, from = 'window' }) => {
    const handler = handlers.get(channel)
    if (!handler) throw new Error(`No handler for ${channel}`)
    return handler(senderEvent(from), input)
  },
  /** Clicks the tray menu item with this label. */
  clickTray: ({ label }) => {
    const item = trayObjects.at(-1)?.menu?.template.find((i) => i.label === label)
    if (!item) throw new Error(`No tray item ${label}`)
    item.click()
  },
  /** Moves our window to a route of the app, as the page's router would. */
  navigate: ({ hash }) => {
    const contents = BrowserWindow.getAllWindows()[0].webContents
    contents.url = `${contents.url.split('#')[0]}#${hash}`
  },
  killCore: () => {
    const last = record.utility.at(-1)
    process.kill(last.pid, 'SIGKILL')
    return last.pid
  },
  quit: () => app.quit(),
}
if (process.send) {
  process.on('message', async (message) => {
    if (!message || message.type !== 'command') return
    try {
      const result = await commands[message.name](message.args ?? {})
      process.send({ type: 'result', id: message.id, ok: true, result })
    } catch (error) {
      process.send({
        type: 'result',
        id: message.id,
        ok: false,
        error: String(error?.stack ?? error),
      })
    }
  })
}

/** For scripts that load a file with the stand-in in the same process (the preload test). */
export const standIn = {
  snapshot,
  exposedApi: () => record.exposed?.api,
  exposedAs: (key) => exposedApis[key],
  sendToRenderer,
  invoked: record.invoked,
}
