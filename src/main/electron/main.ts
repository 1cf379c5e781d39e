import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, session, shell } from 'electron'
import { contract, type ReminderNotification } from '../../shared/contract'
import { CHANGES_CHANNEL } from '../../shared/store/changes'
import { languageFromLocale } from '../../shared/language'
import { languagePreferenceSchema, type Language } from '../../shared/model'
import { resolveDataDir } from '../core/dataDir'
import { RENDERER_CSP_HEADER } from '../transport/contentSecurityPolicy'
import { startCoreProcess, type CoreProcess } from './coreProcess/coreClient'
import { CHOOSE_AUTO_EXPORT_FILE } from './coreProcess/protocol'
import type { TrayItem } from './coreProcess/protocol'
import { glueText } from './glueText'
import { registerContractHandlers } from './ipc'
import { resourcePath } from './resourcePath'
import { createTray, type AppTray } from './tray'
import { saveDossierPdf } from './dossierPdf'
import { createSyncKeychain } from './syncKeychain'
import { allowPermission } from './windowSecurity'
import { installAppMenu } from './menu'
import { isAppUrl, isSafeExternalUrl } from './trustedUrl'
import { loadWindowState, saveWindowState, type WindowState } from './windowState'

// The Electron glue: window, menus, tray, dialogs, IPC. The core runs in its own process
// (coreProcess/), so nothing here waits on the data.
const here = fileURLToPath(new URL('.', import.meta.url))
const rendererDir = join(here, '../renderer')
const devServerUrl = process.env.ELECTRON_RENDERER_URL
const appLocation = { rendererRoot: pathToFileURL(rendererDir).href, devServerUrl }

let mainWindow: BrowserWindow | null = null
let core: CoreProcess | null = null
let tray: AppTray | null = null
let quitting = false
/** The interface language of tray and menus: the one chosen in Settings, once it is read. */
let language: Language = 'en'
/** Operations after which the chosen language may differ. */
const LANGUAGE_CHANGES = new Set(['settings.update', 'backups.restore', 'store.startEmpty'])

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
    tray?.destroy()
    tray = null
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

/** Tray and menus follow the language chosen in Settings; "system" means the system locale. */
async function followLanguageSetting(dataDir: string): Promise<void> {
  const answer = await core?.dispatch('settings.get', undefined)
  const chosen = languagePreferenceSchema.safeParse(
    answer?.ok ? (answer.value as { language?: unknown }).language : undefined,
  )
  const preference = chosen.success ? chosen.data : 'system'
  language = preference === 'system' ? languageFromLocale(app.getLocale()) : preference
  tray?.refresh()
  installAppMenu({ isDev: Boolean(devServerUrl), dataDir, words: glueText[language].menu })
}

function showCoreCrash(restarting: boolean): void {
  const words = glueText[language].crash
  const options = {
    type: 'warning' as const,
    title: words.title,
    message: restarting ? words.restarting : words.stopped,
  }
  // Asynchronous: the window stays responsive while the message is up.
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options))
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
  language = languageFromLocale(app.getLocale())
  // Reminders and tray updates that arrive before the tray exists are shown once it does.
  const early: ReminderNotification[] = []
  let trayState: { dueCount: number; next: TrayItem[] } | null = null
  // The phone-sync password: in the OS keychain here, handed to the core's process in memory.
  const keychain = createSyncKeychain()
  const coreProcess = startCoreProcess({
    modulePath: join(here, 'coreProcess.js'),
    options: {
      dataDir,
      version: app.getVersion(),
      systemLanguage: languageFromLocale(app.getLocale()),
      demoOnFirstLaunch: true,
      holder: `the Rapport desktop app (process ${process.pid})`,
    },
    hostHandlers: {
      'events.saveDossierPdf': (input) =>
        saveDossierPdf(mainWindow, contract['events.saveDossierPdf'].input.parse(input)),
      // The calendar file is one the user picked here, never a path the page typed in. Not an
      // operation the page can call: the core's process asks for it when the user chooses.
      [CHOOSE_AUTO_EXPORT_FILE]: async () => {
        const options = {
          defaultPath: 'rapport.ics',
          filters: [{ name: 'iCalendar', extensions: ['ics'] }],
        }
        const { canceled, filePath } = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options)
        return canceled || !filePath ? null : filePath
      },
      'sync.setPassword': async (input) => {
        const given = contract['sync.setPassword'].input.parse(input)
        const saved = await keychain.save(given)
        core?.setSyncPassword(given.password)
        return saved
      },
    },
    syncPassword: () => keychain.read(),
    onNotify: (n) => (tray ? tray.notify(n) : early.push(n)),
    onTray: (state) => {
      trayState = state
      tray?.show(state)
    },
    // Every window re-reads what a change touched, whichever window (or the phone sync) made it.
    onChanged: (collections) => {
      for (const window of BrowserWindow.getAllWindows()) {
        if (!window.isDestroyed()) window.webContents.send(CHANGES_CHANNEL, collections)
      }
    },
    onCrash: showCoreCrash,
  })
  core = coreProcess
  // Window, tray and menu come up at once in the system's language; the page's first calls
  // wait for the store to open in the core's process, and the chosen language follows then.
  installAppMenu({ isDev: Boolean(devServerUrl), dataDir, words: glueText[language].menu })
  tray = createTray({
    icon: (name) => resourcePath(name, app),
    open: openAt,
    pauseReminders: (ms) => core?.pauseReminders(ms),
    quit: () => app.quit(),
    words: () => glueText[language].tray,
  })
  if (trayState) tray.show(trayState)
  trayActive = true
  // Timers do not run during sleep: on wake, announce what came due meanwhile straight away.
  powerMonitor.on('resume', () => core?.wake())
  early.splice(0).forEach((n) => tray?.notify(n))
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
  // After quit began, the closed core process answers every call with STORE_UNAVAILABLE.
  registerContractHandlers(
    ipcMain,
    async (name, payload) => {
      const answer = await coreProcess.relay(name, payload)
      // Only these small answers are decoded here: did the language perhaps change?
      if (LANGUAGE_CHANGES.has(name) && (JSON.parse(answer) as { ok: boolean }).ok) {
        void followLanguageSetting(dataDir)
      }
      return answer
    },
    (event) =>
      mainWindow !== null &&
      event.sender.id === mainWindow.webContents.id &&
      isAppUrl(event.senderFrame?.url ?? '', appLocation),
  )
  void followLanguageSetting(dataDir)
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
    icon: resourcePath('icon.png', app),
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
    const keep = trayActive && !quitting && core !== null && !core.unavailable
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
