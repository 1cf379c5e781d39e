import { execFile } from 'node:child_process'
import { chmod, lstat, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core/openCore'
import { emptyStoreData } from '../../src/shared/model'
import { call, tempDir } from './helpers'
import { contact, open as openStore } from './storeTestKit'

/**
 * Other accounts on the same computer must not read anything Rapport keeps: the data folder,
 * snapshot, journal, backups, set-aside damaged files, photos. Checked by mode bits and by the
 * real `nobody` user trying to read each file.
 */

const execFileAsync = promisify(execFile)
const posix = process.platform !== 'win32'

// A 1×1 PNG.
const tinyPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

function open(dataDir: string): Promise<Core> {
  return openCore({
    dataDir,
    version: 'test',
    systemLanguage: 'en',
    backups: true,
    watchIntervalMs: 0,
    reminders: false,
  })
}

async function everything(dir: string): Promise<{ path: string; mode: number; dir: boolean }[]> {
  const out: { path: string; mode: number; dir: boolean }[] = []
  const stats = await lstat(dir)
  out.push({ path: dir, mode: stats.mode & 0o777, dir: true })
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await everything(path)))
    else out.push({ path, mode: (await lstat(path)).mode & 0o777, dir: false })
  }
  return out
}

/** A data folder that has been through it all: writes, a photo, backups, a damaged snapshot. */
async function livedInFolder(): Promise<{ root: string; dataDir: string }> {
  const root = await tempDir()
  // The parent lets everyone through, so only the data folder's own modes protect it.
  await chmod(root, 0o755)
  const dataDir = join(root, 'data')
  let core = await open(dataDir)
  await call(core, 'contacts.create', { name: 'Private Person' })
  await call(core, 'photos.save', { data: tinyPng })
  await call(core, 'backups.create', undefined)
  await core.close()
  // Damaged by another program that writes readable-by-all files: set aside, backup restored.
  await writeFile(join(dataDir, 'rapport.json'), '{"half a file', { mode: 0o644 })
  await chmod(join(dataDir, 'rapport.json'), 0o644)
  core = await open(dataDir)
  await call(core, 'contacts.create', { name: 'After Restore' })
  await core.close()
  // Another program (a sync client) writes its own version, readable by all, while ours has
  // changes of its own: theirs is set aside as a conflict copy.
  const store = await openStore(dataDir)
  await store.update((tx) => tx.put('contacts', contact('ours')))
  const theirs = join(dataDir, 'rapport.json')
  await writeFile(theirs, JSON.stringify({ ...emptyStoreData(), contacts: [contact('theirs')] }))
  await chmod(theirs, 0o644)
  await store.checkExternalChange()
  expect(store.notices()).toMatchObject([{ kind: 'externalChangeSetAside' }])
  await store.close()
  return { root, dataDir }
}

describe.skipIf(!posix)('file modes of the data folder', () => {
  it('keeps the folder and every file Rapport writes in it owner-only', async () => {
    const { dataDir } = await livedInFolder()
    const entries = await everything(dataDir)
    const names = entries.map((entry) => entry.path.slice(dataDir.length + 1))
    // The cases the issue names are all there to be checked.
    expect(names).toEqual(
      expect.arrayContaining([
        'rapport.json',
        'rapport.journal',
        'backups',
        expect.stringMatching(/^backups\/rapport-.*\.json$/),
        expect.stringMatching(/^rapport\.corrupt-.*\.json$/),
        expect.stringMatching(/^rapport\.conflict-.*\.json$/),
        'photos',
        expect.stringMatching(/^photos\/[0-9a-f]{64}\.png$/),
      ]),
    )
    for (const entry of entries) {
      expect(entry.mode.toString(8), entry.path).toBe(entry.dir ? '700' : '600')
    }
  })

  it('tightens a data folder that already exists with wider modes', async () => {
    const { dataDir } = await livedInFolder()
    // As an older Rapport, or a copy by hand, would have left it.
    for (const entry of await everything(dataDir)) {
      await chmod(entry.path, entry.dir ? 0o755 : 0o644)
    }
    await writeFile(join(dataDir, 'notes-of-mine.txt'), 'not Rapport’s', { mode: 0o644 })
    await chmod(join(dataDir, 'notes-of-mine.txt'), 0o644)
    const core = await open(dataDir)
    await core.close()
    for (const entry of await everything(dataDir)) {
      if (entry.path.endsWith('notes-of-mine.txt')) {
        // A file of the user's own is not Rapport's to change.
        expect(entry.mode.toString(8)).toBe('644')
        continue
      }
      expect(entry.mode.toString(8), entry.path).toBe(entry.dir ? '700' : '600')
    }
  })

  it.skipIf(process.getuid?.() !== 0)(
    'the nobody user can read none of it',
    async () => {
      const { dataDir } = await livedInFolder()
      const files = (await everything(dataDir)).filter((entry) => !entry.dir)
      // Each file readable by its owner, so a refusal below is the mode, not a missing file.
      for (const file of files) await readFile(file.path)
      // The folders open up for the attempt, so the files' own modes are tested as well.
      const attempt = async () => {
        const script = `
          const fs = require('node:fs')
          const out = {}
          for (const path of JSON.parse(process.argv[1])) {
            try { fs.readFileSync(path); out[path] = 'read' } catch (e) { out[path] = e.code }
          }
          try { fs.readdirSync(process.argv[2]); out.folder = 'listed' } catch (e) { out.folder = e.code }
          console.log(JSON.stringify(out))
        `
        const { stdout } = await execFileAsync('setpriv', [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          '-e',
          script,
          JSON.stringify(files.map((file) => file.path)),
          dataDir,
        ])
        return JSON.parse(stdout) as Record<string, string>
      }
      const seen = await attempt()
      expect(Object.keys(seen)).toHaveLength(files.length + 1)
      for (const value of Object.values(seen)) expect(value).toBe('EACCES')

      // Even with the folders opened by hand, the files themselves stay closed.
      for (const dir of [dataDir, join(dataDir, 'backups'), join(dataDir, 'photos')]) {
        await chmod(dir, 0o755)
      }
      const throughOpenFolders = await attempt()
      delete throughOpenFolders.folder
      for (const [path, value] of Object.entries(throughOpenFolders)) {
        expect(value, path).toBe('EACCES')
      }
    },
    30_000,
  )
})
