import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, ipcMain, powerMonitor, session, shell } from 'electron'
import type { ReminderNotification } from '../../shared/contract'
import type { ReminderSink } from '../core/reminders/reminderHost'
import { languageFromLocale } from '../../shared/language'
import { resolveDataDir } from '../core/dataDir'
import { openCore, type Core } from '../core/openCore'
import { RENDERER_CSP_HEADER } from '../transport/contentSecurityPolicy'
import { registerContractHandlers } from './ipc'
import { createTray } from './tray'
import { saveDossierPdf } from './dossierPdf'
import { createSyncKeychain } from './syncKeychain'
import { allowPermission } from './windowSecurity'
import { installAppMenu } from './menu'
import { isAppUrl, isSafeExternalUrl } from './trustedUrl'
import { loadWindowState, saveWindowState, type WindowState } from './windowState'

// The Electron glue: window, menu, IPC. Everything it calls lives in ../core and runs without it.
const here = fileURLToPath(new URL('.', import.meta.url))
const rendererDir = join(here, '../renderer')
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const appLocation = { rendererRoot: pathToFileURL(rendererDir).href, devServerUrl }

let mainWindow: BrowserWindow | null = null
let core: Core | null = null
let quitting = false
const resourcesDir = join(here, '../../resources')

if (!app.requestSingleInstanceLock()) {
  // Another Rapport already has this data open; it gets focused by its 'second-instance' handler.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, appLocation)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
  app.whenReady().then(start, (error: unknown) => {
    console.error(error)
    app.exit(1)
  })
  // With the tray, closing the window keeps Rapport running; without a window it quits.
  app.on('window-all-closed', () => {
    if (quitting || !trayActive) app.quit()
  })
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('will-quit', (event) => {
    if (!core) return
    // Let pending writes finish before the process goes away.
    event.preventDefault()
    const closing = core
    core = null
    void closing.close().finally(() => app.quit())
  })
}

let trayActive = false

/** Opens (or shows) the window at a route of the renderer. */
function openAt(route: string): void {
  if (!mainWindow) {
    void createWindow(join(app.getPath('userData'), 'window-state.json')).then(() => openAt(route))
    return
  }
  mainWindow.show()
  mainWindow.focus()
  void mainWindow.webContents.executeJavaScript(`location.hash = ${JSON.stringify(`#${route}`)}`)
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
  // The tray is created after the core; reminders that arrive before it are shown once it exists.
  let sink: ReminderSink | null = null
  const early: ReminderNotification[] = []
  const keychain = createSyncKeychain()
  core = await openCore({
    dataDir,
    version: app.getVersion(),
    systemLanguage: languageFromLocale(app.getLocale()),
    demoOnFirstLaunch: true,
    holder: `the Rapport desktop app (process ${process.pid})`,
    reminderSink: {
      notify: (n) => (sink ? sink.notify(n) : early.push(n)),
      onCount: (count) => sink?.onCount?.(count),
    },
    hostHandlers: {
      'events.saveDossierPdf': (input) => saveDossierPdf(mainWindow, input),
      'sync.setPassword': (input) => keychain.save(input),
    },
    syncPassword: () => keychain.read(),
    syncTimers: true,
  })
  const zh = languageFromLocale(app.getLocale()) === 'zh-CN'
  sink = createTray({
    resourcesDir,
    reminders: () => core?.reminders ?? null,
    open: openAt,
    quit: () => app.quit(),
    words: () =>
      zh
        ? {
            open: '打开 Rapport',
            capture: '快速记录',
            pause: '暂停提醒一小时',
            quit: '退出',
            due: (n) => `${n} 条跟进到期`,
          }
        : {
            open: 'Open Rapport',
            capture: 'Quick capture',
            pause: 'Pause reminders for an hour',
            quit: 'Quit',
            due: (n) => `${n} follow-ups due`,
          },
  })
  trayActive = true
  // Timers do not run during sleep: on wake, announce what came due meanwhile straight away.
  powerMonitor.on('resume', () => core?.reminders?.wake())
  early.splice(0).forEach((n) => sink?.notify(n))
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(allowPermission(permission)),
  )
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => allowPermission(permission))
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [RENDERER_CSP_HEADER],
      },
    })
  })
  const dispatch = core.dispatch
  registerContractHandlers(
    ipcMain,
    (name, input) => dispatch(name, input),
    (event) =>
      mainWindow !== null &&
      event.sender.id === mainWindow.webContents.id &&
      isAppUrl(event.senderFrame?.url ?? '', appLocation),
  )
  installAppMenu({ isDev: Boolean(devServerUrl), dataDir })
  await createWindow(join(app.getPath('userData'), 'window-state.json'))
}

async function createWindow(stateFile: string): Promise<void> {
  const state = await loadWindowState(stateFile)
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Rapport',
    backgroundColor: '#f8f9fa',
    // Electron's security checklist, written out here so that scanners (electronegativity) and
    // tests/unit/electronSecurity.test.ts read the real options: no Node in the page, sandboxed
    // and isolated, only what the preload exposes, no middle-click windows.
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  })
  mainWindow = window
  if (state.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())

  let saveTimer: NodeJS.Timeout | undefined
  const rememberState = () => {
    clearTimeout(saveTimer)
    saveTimer = setTimeout(() => {
      if (window.isDestroyed()) return
      const next: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() }
      void saveWindowState(stateFile, next).catch((error: unknown) => console.warn(error))
    }, 500)
  }
  window.on('resize', rememberState)
  window.on('move', rememberState)
  window.on('close', (event) => {
    // "Closing the window keeps Rapport in the tray" is a setting (on by default).
    const keep = trayActive && !quitting && core?.unavailable === null
    if (!keep) return
    void core?.dispatch('settings.get', undefined).then((answer) => {
      const settings = answer.ok
        ? (answer.value as { reminders?: { closeToTray?: boolean } })
        : null
      if (settings?.reminders?.closeToTray === false) {
        quitting = true
        app.quit()
      }
    })
    event.preventDefault()
    window.hide()
  })
  window.on('closed', () => {
    mainWindow = null
  })

  if (devServerUrl) await window.loadURL(devServerUrl)
  else await window.loadFile(join(rendererDir, 'index.html'))
}
