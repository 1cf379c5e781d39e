import { spawn, spawnSync } from 'node:child_process'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { emptyStoreData, type StoreData } from '../../src/shared/model'
import type { StoreNotice } from '../../src/shared/store/storeNotice'
import { writeFileDurably } from '../../src/main/core/store/durableJsonFile'
import { acquireFolderLock, currentBootId, processStartTime } from '../../src/main/core/store/lock'
import { tempDir } from './helpers'
import { contact, forgetLock, ids, open } from './storeTestKit'

/**
 * The store when the world around it misbehaves (issue 14): files replaced by other programs,
 * damaged bytes, missing files, clocks that jump. Each case loses nothing and tells the user.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CONTENDER = fileURLToPath(new URL('./crash/lockContender.ts', import.meta.url))
const snapshotOf = (dir: string) => join(dir, 'rapport.json')
const journalOf = (dir: string) => join(dir, 'rapport.journal')

function noticeOf<K extends StoreNotice['kind']>(
  notices: StoreNotice[],
  kind: K,
): Extract<StoreNotice, { kind: K }> {
  const found = notices.find((n) => n.kind === kind)
  expect(found, `a ${kind} notice among ${JSON.stringify(notices)}`).toBeDefined()
  return found as Extract<StoreNotice, { kind: K }>
}

const theirs = (journalSeq: number): StoreData => ({
  ...emptyStoreData(),
  journalSeq,
  contacts: [contact('theirs', 'Their Person')],
})

/** Ten acknowledged changes, then a crash: they are only in the journal. */
async function tenChangesThenCrash(dir: string): Promise<string[]> {
  const store = await open(dir, { backups: true })
  const written = Array.from({ length: 10 }, (_, i) => `mine${i}`)
  for (const id of written) await store.update((tx) => tx.put('contacts', contact(id)))
  await forgetLock(dir)
  return written
}

describe('after a crash, the snapshot was replaced by another program', () => {
  it.each([
    ['a higher', 100],
    ['a lower', 0],
  ])(
    'with %s sequence: never replays the journal onto it, rebuilds ours, sets both aside and says so',
    async (_, seq) => {
      const dir = await tempDir()
      const written = await tenChangesThenCrash(dir)
      const journalBefore = await readFile(journalOf(dir), 'utf8')
      await writeFile(snapshotOf(dir), JSON.stringify(theirs(seq)))

      const store = await open(dir, { backups: true })
      // Every acknowledged change is there, and nothing of theirs was merged in.
      expect(ids(store.read())).toEqual([...written].sort())
      const notice = noticeOf(store.notices(), 'snapshotReplacedAfterCrash')
      expect(notice).toMatchObject({ rebuiltFrom: 'backup', replayed: 10, gap: false })
      expect(ids(JSON.parse(await readFile(notice.setAsideFile, 'utf8')))).toEqual(['theirs'])
      expect(await readFile(notice.journalSetAside, 'utf8')).toBe(journalBefore)
      // Their version can be chosen from the backups.
      const other = (await store.listBackups()).find((b) => b.keep === 'otherVersion')
      expect(other?.counts.contacts).toBe(1)
      await store.close()

      // Nothing disappeared from the folder, even after compaction and a clean restart.
      const again = await open(dir, { backups: true })
      expect(ids(again.read())).toEqual([...written].sort())
      // A second crash and another replacement: their kept version is never the one rebuilt on.
      await again.update((tx) => tx.put('contacts', contact('later')))
      await forgetLock(dir)
      await writeFile(snapshotOf(dir), JSON.stringify(theirs(seq + 1000)))
      const third = await open(dir, { backups: true })
      expect(ids(third.read())).toEqual([...written, 'later'].sort())
      await third.close()
      await forgetLock(dir)
      const fourth = await open(dir, { backups: true })
      expect(await readdir(dir)).toEqual(
        expect.arrayContaining([
          notice.setAsideFile.split('/').pop(),
          notice.journalSetAside.split('/').pop(),
        ]),
      )
      await fourth.close()
    },
  )

  it('with no backup to rebuild from: loads theirs as it is, keeps the journal aside unapplied', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('mine')))
    await forgetLock(dir)
    const journalBefore = await readFile(journalOf(dir), 'utf8')
    await writeFile(snapshotOf(dir), JSON.stringify(theirs(5)))
    const reopened = await open(dir)
    expect(ids(reopened.read())).toEqual(['theirs'])
    const notice = noticeOf(reopened.notices(), 'snapshotReplacedAfterCrash')
    expect(notice).toMatchObject({ rebuiltFrom: 'theirs', replayed: 0 })
    expect(await readFile(notice.journalSetAside, 'utf8')).toBe(journalBefore)
    await reopened.close()
  })

  it('still replays its own journal after a crash between writing the snapshot and the journal', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('a')))
    await store.update((tx) => tx.put('contacts', contact('b')))
    const beforeCompaction = await readFile(journalOf(dir), 'utf8')
    await store.compact()
    await store.update((tx) => tx.put('contacts', contact('c')))
    await forgetLock(dir)
    // As a crash right after the new snapshot took its name leaves the journal: its old first
    // line (naming the previous snapshot), the folded changes, and the change made meanwhile.
    const lineC = (await readFile(journalOf(dir), 'utf8')).split('\n')[1]!
    await writeFile(journalOf(dir), `${beforeCompaction}${lineC}\n`)
    const reopened = await open(dir)
    expect(ids(reopened.read())).toEqual(['a', 'b', 'c'])
    expect(reopened.notices()).toEqual([])
    await reopened.close()
  })
})

describe('a damaged rapport.json after a crash', () => {
  it('loads the backup that is the file the journal continues, and applies the journal to it', async () => {
    const dir = await tempDir()
    const store = await open(dir, { backups: true })
    for (const id of ['a', 'b']) await store.update((tx) => tx.put('contacts', contact(id)))
    await forgetLock(dir)
    const text = await readFile(snapshotOf(dir), 'utf8')
    await writeFile(snapshotOf(dir), text.slice(0, text.length / 2))
    const reopened = await open(dir, { backups: true })
    expect(ids(reopened.read())).toEqual(['a', 'b'])
    expect(noticeOf(reopened.notices(), 'restoredFromBackup')).toMatchObject({
      replayed: 2,
      counts: { contacts: 2 },
    })
    await reopened.close()
  })
})

describe('one damaged byte in the middle of the journal', () => {
  it('keeps every intact change after it, sets the damaged line aside and says which', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    for (let i = 0; i < 20; i += 1)
      await store.update((tx) => tx.put('contacts', contact(`c${String(i).padStart(2, '0')}`)))
    await forgetLock(dir)
    const text = await readFile(journalOf(dir), 'utf8')
    const lines = text.split('\n')
    // Line 1 names the snapshot; line 6 is the fifth change (c04). Flip one byte in it.
    expect(lines[5]).toContain('"c04"')
    lines[5] = lines[5]!.replace('"c04"', '"c0$"')
    await writeFile(journalOf(dir), lines.join('\n'))

    const reopened = await open(dir)
    const expected = Array.from({ length: 20 }, (_, i) => `c${String(i).padStart(2, '0')}`)
    expect(ids(reopened.read())).toEqual(expected.filter((id) => id !== 'c04'))
    const notice = noticeOf(reopened.notices(), 'journalLinesSetAside')
    expect(notice).toMatchObject({ lines: [6], keptAfter: 15 })
    expect(await readFile(notice.keptAt, 'utf8')).toBe(lines.join('\n'))
    expect(reopened.notices().some((n) => n.kind === 'journalTailIgnored')).toBe(false)
    await reopened.close()
  })
})

describe('the snapshot replaced shortly before a quit, backup or compaction', () => {
  it('at quit with changes pending: sets theirs aside as a conflict, never overwrites it', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('ours')))
    await writeFileDurably(snapshotOf(dir), JSON.stringify(theirs(0)))
    await store.close()
    expect(ids(JSON.parse(await readFile(snapshotOf(dir), 'utf8')))).toEqual(['ours'])
    const conflict = (await readdir(dir)).find((n) => /^rapport\.conflict-.*\.json$/.test(n))
    expect(conflict).toBeDefined()
    expect(ids(JSON.parse(await readFile(join(dir, conflict!), 'utf8')))).toEqual(['theirs'])
  })

  it('at a backup: the compaction before it sets theirs aside and tells the user', async () => {
    const dir = await tempDir()
    const store = await open(dir, { backups: true })
    await store.update((tx) => tx.put('contacts', contact('ours')))
    await writeFileDurably(snapshotOf(dir), JSON.stringify(theirs(0)))
    await store.backupNow()
    const notice = noticeOf(store.notices(), 'externalChangeSetAside')
    expect(ids(JSON.parse(await readFile(notice.setAsideFile, 'utf8')))).toEqual(['theirs'])
    await store.close()
  })

  it('at quit with nothing pending: leaves their file in place', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await writeFileDurably(snapshotOf(dir), JSON.stringify(theirs(0)))
    await store.close()
    expect(ids(JSON.parse(await readFile(snapshotOf(dir), 'utf8')))).toEqual(['theirs'])
  })
})

describe('a conflict with another program while running', () => {
  it('keeps both versions as backups that rotation never removes', async () => {
    const dir = await tempDir()
    const store = await open(dir, { backups: true })
    await store.update((tx) => tx.put('contacts', contact('ours')))
    await writeFileDurably(snapshotOf(dir), JSON.stringify(theirs(0)))
    await store.checkExternalChange()
    const kept = (await store.listBackups()).filter((b) => b.keep)
    expect(kept.map((b) => [b.keep, b.counts.contacts]).sort()).toEqual([
      ['conflict', 1],
      ['otherVersion', 1],
    ])
    for (let i = 0; i < 12; i += 1) {
      await store.update((tx) => tx.put('contacts', contact(`n${i}`)))
      await store.backupNow()
    }
    const after = (await store.listBackups()).map((b) => b.file)
    for (const backup of kept) expect(after).toContain(backup.file)
    await store.close()
  })
})

describe('rapport.json missing while backups and a journal are there', () => {
  it('restores the newest good backup, replays the journal that belongs to it and says so; no demo', async () => {
    const dir = await tempDir()
    const demo = () => ({ ...emptyStoreData(), contacts: [contact('demo')] })
    const first = await open(dir, { backups: true, initialData: emptyStoreData })
    for (const id of ['a', 'b']) await first.update((tx) => tx.put('contacts', contact(id)))
    await first.close()
    const second = await open(dir, { backups: true, initialData: demo })
    await second.update((tx) => tx.put('contacts', contact('c')))
    await forgetLock(dir)
    await rm(snapshotOf(dir))

    const store = await open(dir, { backups: true, initialData: demo })
    expect(ids(store.read())).toEqual(['a', 'b', 'c'])
    const notice = noticeOf(store.notices(), 'snapshotMissing')
    expect(notice.backupFile).toBeDefined()
    expect(notice.replayed).toBe(1)
    await store.close()
  })

  it('never creates a demo network when only backups are left', async () => {
    const dir = await tempDir()
    const first = await open(dir, { backups: true })
    await first.update((tx) => tx.put('contacts', contact('a')))
    await first.backupNow()
    await first.close()
    await rm(snapshotOf(dir))
    await rm(journalOf(dir))
    await rm(`${snapshotOf(dir)}.sum`)
    const store = await open(dir, {
      backups: true,
      initialData: () => ({ ...emptyStoreData(), contacts: [contact('demo')] }),
    })
    expect(ids(store.read())).toEqual(['a'])
    noticeOf(store.notices(), 'snapshotMissing')
    await store.close()
  })
})

describe('backups', () => {
  it('are ordered by the store’s own sequence, not by a clock that was ahead', async () => {
    const dir = await tempDir()
    const ahead = new Date('2031-01-01T00:00:00.000Z')
    const first = await open(dir, { backups: true, now: () => ahead })
    await first.update((tx) => tx.put('contacts', contact('early')))
    await first.backupNow()
    await first.close()
    const today = new Date('2026-12-06T10:00:00.000Z')
    const second = await open(dir, { backups: true, now: () => today })
    await second.update((tx) => tx.put('contacts', contact('late')))
    await second.backupNow()
    const [newest] = await second.listBackups()
    expect(newest!.counts.contacts).toBe(2)
    await second.close()
    // A damaged snapshot falls back to the truly newest backup.
    await writeFile(snapshotOf(dir), '{ damaged')
    await rm(journalOf(dir))
    const recovered = await open(dir, { backups: true, now: () => today })
    expect(ids(recovered.read())).toEqual(['early', 'late'])
    await recovered.close()
  })

  it('keep the one taken before a restore until the user deletes it', async () => {
    const dir = await tempDir()
    const store = await open(dir, { backups: true })
    await store.update((tx) => tx.put('contacts', contact('precious')))
    const early = (await store.listBackups()).at(-1)!
    await store.restoreBackup(early.file)
    const kept = (await store.listBackups()).find((b) => b.keep === 'beforeRestore')!
    expect(kept.counts.contacts).toBe(1)
    for (let i = 0; i < 15; i += 1) {
      await store.update((tx) => tx.put('contacts', contact(`n${i}`)))
      await store.backupNow()
    }
    expect((await store.listBackups()).map((b) => b.file)).toContain(kept.file)
    await store.deleteBackup(kept.file)
    expect((await store.listBackups()).map((b) => b.file)).not.toContain(kept.file)
    await store.close()
  })

  it('are compressed, and taken only when something changed since the last one', async () => {
    const dir = await tempDir()
    const store = await open(dir, { backups: true })
    for (let i = 0; i < 200; i += 1)
      await store.update((tx) => tx.put('contacts', contact(`p${i}`, `Person number ${i}`)))
    const made = await store.backupNow()
    expect(made.file).toMatch(/\.json\.gz$/)
    const packed = await readFile(made.file)
    const text = gunzipSync(packed).toString('utf8')
    expect(JSON.parse(text).contacts).toHaveLength(200)
    expect(packed.length).toBeLessThan(text.length / 4)
    const count = (await store.listBackups()).length
    await store.backupNow()
    await store.close()
    const reopened = await open(dir, { backups: true })
    expect((await reopened.listBackups()).length).toBe(count)
    await reopened.close()
  })
})

describe('a snapshot damaged with its size and time unchanged', () => {
  it('is caught by its checksum at load, not loaded as if it were good', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('a', '12')))
    await store.close()
    const { stat, utimes, open: openFile } = await import('node:fs/promises')
    const before = await stat(snapshotOf(dir))
    const text = await readFile(snapshotOf(dir), 'utf8')
    const damaged = text.replace('"name":"12"', '"name":12  ')
    expect(damaged.length).toBe(text.length)
    const handle = await openFile(snapshotOf(dir), 'r+')
    await handle.write(Buffer.from(damaged), 0, undefined, 0)
    await handle.close()
    await utimes(snapshotOf(dir), before.atimeMs / 1000, before.mtimeMs / 1000)
    const after = await stat(snapshotOf(dir))
    expect([after.ino, after.size, after.mtimeMs]).toEqual([
      before.ino,
      before.size,
      before.mtimeMs,
    ])
    // Fully checked: the damaged record is listed and kept out, never loaded as a number.
    const reopened = await open(dir)
    expect(reopened.read().contacts).toEqual([])
    const notice = noticeOf(reopened.notices(), 'recordsNeedAttention')
    expect(notice.records).toMatchObject([{ id: 'a', problem: 'invalid', field: 'name' }])
    await reopened.close()
  })
})

describe('a hand-edited rapport.json', () => {
  /** A file as a person edits it: our records, one of them changed by `edit`. */
  async function editedFolder(edit: (records: Record<string, unknown>[]) => void) {
    const dir = await tempDir()
    const store = await open(dir, { backups: true })
    for (const id of ['a', 'b', 'c']) await store.update((tx) => tx.put('contacts', contact(id)))
    await store.close()
    const doc = JSON.parse(await readFile(snapshotOf(dir), 'utf8'))
    edit(doc.contacts)
    const text = JSON.stringify(doc, null, 2)
    await writeFile(snapshotOf(dir), text)
    return { dir, text }
  }

  it.each([
    ['a name over 200 characters', 'name', 250],
    ['a note over 20,000 characters', 'notes', 25_000],
  ] as const)(
    'with %s: loads everything, keeps the text, and lists the record',
    async (_, field, length) => {
      const { dir, text } = await editedFolder((r) => (r[1]![field] = 'x'.repeat(length)))
      const store = await open(dir, { backups: true })
      expect(ids(store.read())).toEqual(['a', 'b', 'c'])
      const b = store.read().contacts.find((c) => c.id === 'b')!
      expect(b[field]).toHaveLength(length)
      const notice = noticeOf(store.notices(), 'recordsNeedAttention')
      expect(notice.records).toMatchObject([{ id: 'b', problem: 'tooLong', field, loaded: true }])
      expect(await readFile(notice.copyAt, 'utf8')).toBe(text)
      // No older backup was loaded in its place.
      expect(store.notices().some((n) => n.kind === 'restoredFromBackup')).toBe(false)
      await store.close()
    },
  )

  it('with one missing field: loads the other records and sets that one aside, listed', async () => {
    const { dir } = await editedFolder((r) => delete r[1]!.createdAt)
    const store = await open(dir, { backups: true })
    expect(ids(store.read())).toEqual(['a', 'c'])
    const notice = noticeOf(store.notices(), 'recordsNeedAttention')
    expect(notice.records).toMatchObject([
      { id: 'b', problem: 'missingField', field: 'createdAt', loaded: false },
    ])
    const aside = JSON.parse(await readFile(notice.setAsideFile!, 'utf8'))
    expect(aside[0].record.id).toBe('b')
    await store.close()
  })

  it('with two records sharing an id and an unknown field: keeps both records and names the field', async () => {
    const { dir } = await editedFolder((r) => {
      r[2]!.id = 'a'
      r[0]!.favouriteTea = 'oolong'
    })
    const store = await open(dir, { backups: true })
    const contacts = store.read().contacts
    expect(contacts).toHaveLength(3)
    expect(new Set(contacts.map((c) => c.id)).size).toBe(3)
    const notice = noticeOf(store.notices(), 'recordsNeedAttention')
    expect(notice.records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'a', problem: 'unknownFields', field: 'favouriteTea' }),
        expect.objectContaining({ problem: 'duplicateId', field: 'a' }),
      ]),
    )
    expect(await readFile(notice.copyAt, 'utf8')).toContain('oolong')
    await store.close()
  })

  it('accepts a UTF-8 byte-order mark', async () => {
    const dir = await tempDir()
    const data = { ...emptyStoreData(), contacts: [contact('a', '林悦')] }
    await writeFile(snapshotOf(dir), '\uFEFF' + JSON.stringify(data))
    const store = await open(dir)
    expect(store.read().contacts.map((c) => c.name)).toEqual(['林悦'])
    expect(store.notices()).toEqual([])
    await store.close()
  })
})

describe('the data folder deleted while Rapport runs', () => {
  it('stops acknowledging, says so, rolls the change back and writes everything again on request', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('a')))
    await rm(dir, { recursive: true, force: true })
    await expect(store.update((tx) => tx.put('contacts', contact('b')))).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    })
    expect(ids(store.read())).toEqual(['a'])
    noticeOf(store.notices(), 'dataFolderGone')
    await expect(store.update((tx) => tx.put('contacts', contact('b')))).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    })

    await store.writeAgain()
    expect(store.notices().some((n) => n.kind === 'dataFolderGone')).toBe(false)
    await store.update((tx) => tx.put('contacts', contact('c')))
    await forgetLock(dir)
    const reopened = await open(dir)
    expect(ids(reopened.read())).toEqual(['a', 'c'])
    await reopened.close()
  })

  it('is noticed by the watch even before the next change', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await rm(dir, { recursive: true, force: true })
    await store.checkExternalChange()
    noticeOf(store.notices(), 'dataFolderGone')
    await expect(store.update((tx) => tx.put('contacts', contact('b')))).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    })
  })
})

describe('taking over a stale lock', () => {
  const staleLock = (extra: object) =>
    JSON.stringify({
      host: hostname(),
      holder: 'a Rapport from before',
      since: '2026-01-01T00:00:00.000Z',
      ...extra,
    })

  it('lets exactly one of several processes that find it stale at the same moment win', async () => {
    const dir = await tempDir()
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!
    const rounds = 6
    const gapMs = 600
    // The contenders load first, then all try at the same moments; before each round the test
    // puts back a lock left by a process that is gone.
    const startAt = Date.now() + 4000
    const contenders = Array.from({ length: 5 }, () =>
      spawn(
        process.execPath,
        ['--import', 'tsx', CONTENDER, dir, String(startAt), String(rounds), String(gapMs)],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      ),
    )
    const outputs = contenders.map(
      (child) =>
        new Promise<string>((resolve) => {
          let out = ''
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
          child.on('exit', () => resolve(out))
        }),
    )
    for (let round = 0; round < rounds; round += 1) {
      await new Promise((r) => setTimeout(r, startAt + round * gapMs - 250 - Date.now()))
      await writeFile(join(dir, 'rapport.lock'), staleLock({ pid: dead }))
    }
    const lines = (await Promise.all(outputs)).join('').split('\n')
    // On a loaded machine a contender may load too late for a round; none may ever share a win.
    for (let round = 0; round < rounds; round += 1) {
      const winners = lines.filter((line) => line === `W ${round}`)
      expect(winners.length, `winners of round ${round}`).toBeLessThanOrEqual(1)
    }
    expect(lines.filter((line) => line.startsWith('W ')).length).toBeGreaterThan(0)
  }, 30_000)

  it('is not blocked forever by a pid that now belongs to another live process', async () => {
    const dir = await tempDir()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      // Before a reboot: another boot id.
      await writeFile(
        join(dir, 'rapport.lock'),
        staleLock({ pid: other.pid, bootId: 'a-boot-before-this-one', startTime: '1' }),
      )
      const afterReboot = await acquireFolderLock(dir, 'this Rapport')
      await afterReboot.release()
      // Same boot, but the pid was reused by a process that started later.
      if (currentBootId()) {
        await writeFile(
          join(dir, 'rapport.lock'),
          staleLock({ pid: other.pid, bootId: currentBootId(), startTime: '1' }),
        )
        const reused = await acquireFolderLock(dir, 'this Rapport')
        await reused.release()
      }
      // The holder itself, still running: refused.
      await writeFile(
        join(dir, 'rapport.lock'),
        staleLock({
          pid: other.pid,
          bootId: currentBootId(),
          startTime: processStartTime(other.pid!),
        }),
      )
      await expect(acquireFolderLock(dir, 'this Rapport')).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
      })
    } finally {
      other.kill()
    }
  })
})

describe('read-only command line exports', () => {
  it('take no backup', async () => {
    const dir = await tempDir()
    const store = await open(dir, { backups: true })
    await store.update((tx) => tx.put('contacts', contact('a', 'Ada Lovelace')))
    await store.close()
    const before = await readdir(join(dir, 'backups'))
    const cli = join(ROOT, 'src/main/cli.ts')
    for (const args of [
      ['export-vcard', '--out', join(dir, 'out.vcf')],
      ['export-ics', '--out', join(dir, 'out.ics')],
    ]) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args, '--data', dir], {
        cwd: ROOT,
        encoding: 'utf8',
      })
      expect(run.status, run.stderr).toBe(0)
    }
    expect(await readFile(join(dir, 'out.vcf'), 'utf8')).toContain('Ada Lovelace')
    expect(await readdir(join(dir, 'backups'))).toEqual(before)
  }, 30_000)
})
