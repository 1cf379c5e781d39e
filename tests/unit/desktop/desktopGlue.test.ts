import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { decodeJournal } from '../../../src/main/core/store/journal'
import { ipcChannel, operationNames } from '../../../src/shared/operationNames'
import {
  isAlive,
  launchDesktop,
  type DesktopRecord,
  type DesktopRun,
  type MenuItem,
} from '../../electron-stand-in/launchDesktop'

// The built desktop app (out/main/index.js) run for real in Node, with the recording stand-in
// for `electron` (tests/electron-stand-in). Its core runs in a forked "utility process".

const ROOT = join(__dirname, '../../..')
const MAIN = join(ROOT, 'out/main/index.js')
const BUILD_MS = 240_000

const runs: DesktopRun[] = []
const dirs: string[] = []
async function start(options: { locale?: string; dir?: string } = {}) {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'rapport-desktop-')))
  if (!dirs.includes(dir)) dirs.push(dir)
  const run = launchDesktop({
    dataDir: join(dir, 'data'),
    userData: join(dir, 'user-data'),
    locale: options.locale,
  })
  runs.push(run)
  const ready = await run.until(
    (s) => s.windows.length > 0 && s.trays.length > 0 && s.windows[0]!.loaded !== null,
  )
  return { run, dir, dataDir: join(dir, 'data'), ready }
}

afterEach(async () => {
  await Promise.all(runs.splice(0).map((run) => run.kill()))
  await Promise.all(
    dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 5 })),
  )
})

const labels = (items: MenuItem[] | null | undefined): string[] =>
  (items ?? []).flatMap((item) => [...(item.label ? [item.label] : []), ...labels(item.submenu)])
const trayOf = (state: DesktopRecord) => state.trays.at(-1)!

describe('the desktop app, run with the electron stand-in', () => {
  beforeAll(() => {
    if (existsSync(MAIN)) return
    console.log('desktopGlue: out/main/index.js is missing; building with electron-vite')
    execFileSync('npx', ['electron-vite', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      timeout: BUILD_MS,
    })
  }, BUILD_MS + 10_000)

  it('opens one sandboxed, isolated window on the built renderer with an existing preload', async () => {
    const { ready } = await start()
    expect(ready.windows).toHaveLength(1)
    const [window] = ready.windows
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    })
    const preload = window!.options.webPreferences.preload as string
    expect(preload).toBe(join(ROOT, 'out/preload/index.cjs'))
    expect(existsSync(preload)).toBe(true)
    expect(window!.loaded?.file).toBe(join(ROOT, 'out/renderer/index.html'))
    expect(existsSync(window!.options.icon!)).toBe(true)
    // Our page may check for the camera, nothing else.
    expect(ready.permissionsGranted).toEqual(['media'])
  }, 60_000)

  it('gives the camera to our own window’s page, and nothing to any other page or for the microphone', async () => {
    const { run } = await start()
    const ask = (args: Record<string, unknown>) => run.command<boolean>('askPermission', args)
    expect(await ask({ permission: 'media', mediaTypes: ['video'] })).toBe(true)
    expect(await ask({ permission: 'media', mediaTypes: ['video'], kind: 'check' })).toBe(true)
    for (const from of ['foreignPage', 'otherWebContents', 'subFrame']) {
      expect(await ask({ permission: 'media', mediaTypes: ['video'], from })).toBe(false)
      expect(await ask({ permission: 'media', mediaTypes: ['video'], from, kind: 'check' })).toBe(
        false,
      )
    }
    expect(await ask({ permission: 'media', mediaTypes: ['audio'] })).toBe(false)
    expect(await ask({ permission: 'media', mediaTypes: ['video', 'audio'] })).toBe(false)
    expect(await ask({ permission: 'geolocation' })).toBe(false)
  }, 60_000)

  it('answers every contract operation over IPC, from the core process, and only to our window', async () => {
    const { run, ready, dataDir } = await start()
    expect([...ready.ipcChannels].sort()).toEqual(operationNames.map(ipcChannel).sort())

    const list = await run.invoke('contacts.list', {})
    expect(list.ok).toBe(true)
    const names = (list.value as { name: string }[]).map((c) => c.name)
    expect(names.length).toBeGreaterThan(20)
    // The data folder is held by the core's own process, not by the window's.
    const lock = JSON.parse(await readFile(join(dataDir, 'rapport.lock'), 'utf8')) as {
      pid: number
    }
    expect(lock.pid).toBe(ready.utility[0]!.pid)
    expect(lock.pid).not.toBe(run.process.pid)

    for (const from of ['foreignPage', 'otherWebContents'] as const) {
      const refused = await run.invoke('contacts.create', { name: `From ${from}` }, from)
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const after = await run.invoke('contacts.list', { query: 'From' })
    expect((after.value as { name: string }[]).map((c) => c.name)).not.toContain('From foreignPage')
    // Main relays only JSON text; the core's dispatch checks the input itself.
    expect(
      JSON.parse((await run.invokeRaw('contacts.list', { query: 'x' })) as string),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(JSON.parse((await run.invokeRaw('contacts.list', '{"in')) as string)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await run.invoke('contacts.get', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })

    // A write in the core reaches every window as a "changed" event naming what it touched.
    expect((await run.invoke('contacts.create', { name: 'Heard Everywhere' })).ok).toBe(true)
    const heard = await run.until((s) =>
      s.sentToPages.some(
        (m) => m.channel === 'rapport:changed' && (m.args[0] as string[]).includes('contacts'),
      ),
    )
    expect(heard.sentToPages.filter((m) => m.channel !== 'rapport:changed')).toEqual([])
  }, 60_000)

  it('sends host-only operations from the core back to main: the dossier PDF asks where to save', async () => {
    const { run } = await start()
    const events = await run.invoke('events.list')
    const eventId = (events.value as { id: string }[])[0]!.id
    // Main's host handler checks what the window shows before printing anything.
    expect(await run.invoke('events.saveDossierPdf', { eventId, paper: 'A4' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    await run.command('navigate', { hash: `/events/${eventId}/dossier` })
    const saved = await run.invoke('events.saveDossierPdf', { eventId, paper: 'letter' })
    // The stand-in's save dialog is cancelled: nothing written, and main asked.
    expect(saved).toEqual({ ok: true, value: { file: null } })
    const state = await run.state()
    expect(state.dialogs.map((d) => d.kind)).toEqual(['save'])
    // The core validated the input before asking main.
    expect(await run.invoke('events.saveDossierPdf', { eventId, paper: 'A5' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  }, 60_000)

  it('shows the tray with an existing icon and the next follow-ups', async () => {
    const { run, ready } = await start()
    expect(existsSync(trayOf(ready).image)).toBe(true)
    const contact = await run.invoke('contacts.create', { name: 'Tray Person' })
    const id = (contact.value as { id: string }).id
    const due = await run.invoke('followUps.create', {
      contactId: id,
      title: 'Send the tray deck',
      dueAt: '2020-01-01T09:00:00.000Z',
    })
    expect(due.ok).toBe(true)
    const shown = await run.until(
      (s) => labels(trayOf(s).menu)[0] === 'Tray Person: Send the tray deck',
    )
    expect(trayOf(shown).tooltip).toMatch(/^Rapport · \d+ follow-ups? due$/)
    expect(existsSync(trayOf(shown).image)).toBe(true)
  }, 60_000)

  it('words tray and menus in the language chosen in Settings, and follows a change', async () => {
    const { run, dir } = await start({ locale: 'en-US' })
    expect(await run.invoke('settings.update', { language: 'zh-CN' })).toMatchObject({ ok: true })
    const chinese = await run.until((s) => labels(trayOf(s).menu).includes('打开 Rapport'))
    const noEnglish = (text: string) => !/[A-Za-z]/.test(text.replace(/Rapport/g, ''))
    const trayWords = labels(trayOf(chinese).menu).filter((l) => !l.includes(': '))
    expect(trayWords.every(noEnglish)).toBe(true)
    expect(labels(chinese.appMenu)).toEqual(
      expect.arrayContaining(['文件', '编辑', '视图', '窗口']),
    )
    expect(labels(chinese.appMenu).every(noEnglish)).toBe(true)
    expect(trayOf(chinese).tooltip).toMatch(/^Rapport · \d+ 条跟进到期$/)

    // Chosen, not the system's: after a restart on an English system it is still Chinese.
    await run.quit()
    const again = await start({ locale: 'en-US', dir })
    const restarted = await again.run.until((s) => labels(trayOf(s).menu).includes('打开 Rapport'))
    expect(labels(restarted.appMenu)).toContain('文件')

    await again.run.invoke('settings.update', { language: 'en' })
    const english = await again.run.until((s) => labels(trayOf(s).menu).includes('Open Rapport'))
    expect(labels(english.appMenu)).toEqual(expect.arrayContaining(['File', 'Edit', 'View']))
  }, 90_000)

  it('quits by closing the core process, which compacts the store', async () => {
    const { run, ready, dataDir } = await start()
    const created = await run.invoke('contacts.create', { name: 'Written Before Quit' })
    expect(created.ok).toBe(true)
    expect((await stat(join(dataDir, 'rapport.journal'))).size).toBeGreaterThan(0)

    const { code, state } = await run.quit()
    expect(code).toBe(0)
    expect(state.quit.quitted).toBe(true)
    // The glue waited for the core: the journal is folded into the snapshot and the lock is gone.
    // (The journal keeps only its header line, naming the snapshot it continues.)
    const journal = decodeJournal(await readFile(join(dataDir, 'rapport.journal'), 'utf8'))
    expect(journal.entries).toEqual([])
    const onDisk = await readFile(join(dataDir, 'rapport.json'), 'utf8')
    expect(onDisk).toContain('Written Before Quit')
    expect(existsSync(join(dataDir, 'rapport.lock'))).toBe(false)
    expect(isAlive(ready.utility[0]!.pid)).toBe(false)
  }, 60_000)

  it('shows a crash of the core process and restarts it, keeping what was saved', async () => {
    const { run } = await start()
    expect((await run.invoke('contacts.create', { name: 'Saved Before Crash' })).ok).toBe(true)
    await run.command('killCore')
    const restarted = await run.until((s) => s.utility.length === 2 && s.dialogs.length > 0)
    expect(restarted.dialogs[0]!.options?.message).toMatch(/stopped unexpectedly/)
    const list = await run.invoke('contacts.list', { query: 'Saved Before Crash' })
    expect(list.ok).toBe(true)
    expect((list.value as { name: string }[]).map((c) => c.name)).toContain('Saved Before Crash')
  }, 60_000)
})
