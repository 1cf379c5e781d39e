import { spawnSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RapportError } from '../../src/shared/errors'
import { CURRENT_SCHEMA_VERSION, emptyStoreData, storeDataSchema } from '../../src/shared/model'
import { listBackups, rotateBackups } from '../../src/main/core/store/backups'
import { writeFileDurably } from '../../src/main/core/store/durableJsonFile'
import { migrate, MigrationError } from '../../src/main/core/store/migrations'
import { tempDir } from './helpers'
import { contact, forgetLock, ids, open } from './storeTestKit'

const snapshotOf = (dir: string) => join(dir, 'rapport.json')
const journalOf = (dir: string) => join(dir, 'rapport.journal')

async function refusal(promise: Promise<unknown>): Promise<RapportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RapportError)
  return error as RapportError
}

describe('snapshot + journal', () => {
  it('has every acknowledged change in the journal on disk before the promise resolves', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('a')))
    const journal = await readFile(journalOf(dir), 'utf8')
    expect(journal).toContain('"id":"a"')
    // The first line names the snapshot the journal continues; then one line per change.
    expect(journal.trim().split('\n')).toHaveLength(2)
    expect(journal.split('\n')[0]).toContain('"base"')
    // The snapshot is not rewritten per edit.
    expect(JSON.parse(await readFile(snapshotOf(dir), 'utf8')).contacts).toHaveLength(0)
  })

  it('replays the journal after a crash (no close, lock left behind)', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    for (const id of ['a', 'b', 'c']) await store.update((tx) => tx.put('contacts', contact(id)))
    await store.update((tx) => tx.remove('contacts', 'b'))
    await forgetLock(dir)
    const reopened = await open(dir)
    expect(ids(reopened.read())).toEqual(['a', 'c'])
    await reopened.close()
  })

  it('compacts on close: a readable snapshot with everything, and a journal with no changes', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('a', '林悦')))
    await store.close()
    const snapshot = storeDataSchema.parse(JSON.parse(await readFile(snapshotOf(dir), 'utf8')))
    expect(snapshot.contacts.map((c) => c.name)).toEqual(['林悦'])
    expect(snapshot.journalSeq).toBe(1)
    expect((await readFile(journalOf(dir), 'utf8')).trim().split('\n')).toEqual([
      expect.stringContaining('"base"'),
    ])
  })

  it('finds a record by id after puts, replacements and removals, as the data shows it', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    for (const id of ['a', 'b', 'c']) await store.update((tx) => tx.put('contacts', contact(id)))
    await store.update((tx) => tx.put('contacts', contact('b', 'Bea')))
    await store.update((tx) => tx.remove('contacts', 'a'))
    expect(store.find('contacts', 'a')).toBeUndefined()
    expect(store.find('contacts', 'b')?.name).toBe('Bea')
    expect(store.find('contacts', 'c')).toBe(store.read().contacts.find((c) => c.id === 'c'))
    // Inside a transaction, `find` answers from the state before its own changes, like `data`.
    await store.update((tx) => {
      tx.put('contacts', contact('d'))
      expect(tx.find('contacts', 'd')).toBeUndefined()
      expect(tx.find('contacts', 'c')?.id).toBe('c')
    })
    expect(store.find('contacts', 'd')?.id).toBe('d')
    await store.close()
  })

  it('shares fsyncs among concurrent changes and acknowledges each one (group commit)', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    const before = store.stats().fsyncs
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        store.update((tx) => tx.put('contacts', contact(`c${i}`))),
      ),
    )
    const fsyncs = store.stats().fsyncs - before
    expect(fsyncs).toBeGreaterThan(0)
    expect(fsyncs).toBeLessThan(20)
    await forgetLock(dir)
    expect((await open(dir)).read().contacts).toHaveLength(1000)
  })

  it('changes nothing, in memory or on disk, when a change fails validation or the builder throws', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('a')))
    const journal = await readFile(journalOf(dir), 'utf8')
    const bad = await refusal(
      store.update((tx) => {
        tx.put('contacts', contact('b'))
        tx.put('contacts', { ...contact('c'), name: '' })
      }),
    )
    expect(bad.code).toBe('VALIDATION')
    await expect(
      store.update((tx) => {
        tx.put('contacts', contact('d'))
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect(ids(store.read())).toEqual(['a'])
    expect(await readFile(journalOf(dir), 'utf8')).toBe(journal)
  })

  it('ignores and reports a torn last line, keeping every complete entry before it', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    for (const id of ['a', 'b']) await store.update((tx) => tx.put('contacts', contact(id)))
    await forgetLock(dir)
    const whole = await readFile(journalOf(dir), 'utf8')
    await writeFile(journalOf(dir), whole + whole.split('\n')[0]!.slice(0, 40))
    const reopened = await open(dir)
    expect(ids(reopened.read())).toEqual(['a', 'b'])
    expect(reopened.notices()).toMatchObject([{ kind: 'journalTailIgnored', lines: 1 }])
    // Writing goes on after the valid prefix.
    await reopened.update((tx) => tx.put('contacts', contact('c')))
    await forgetLock(dir)
    expect(ids((await open(dir)).read())).toEqual(['a', 'b', 'c'])
  })

  it('keeps changes made while a compaction is running', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    for (let i = 0; i < 50; i += 1) await store.update((tx) => tx.put('contacts', contact(`a${i}`)))
    const compaction = store.compact()
    const during = Array.from({ length: 50 }, (_, i) =>
      store.update((tx) => tx.put('contacts', contact(`b${i}`))),
    )
    await Promise.all([compaction, ...during])
    await forgetLock(dir)
    expect((await open(dir)).read().contacts).toHaveLength(100)
  })

  it('skips journal entries the snapshot already holds (crash between snapshot and journal rewrite)', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('a')))
    const journal = await readFile(journalOf(dir), 'utf8')
    await store.close()
    // As if the process died after renaming the new snapshot but before truncating the journal.
    await writeFile(journalOf(dir), journal)
    const reopened = await open(dir)
    expect(ids(reopened.read())).toEqual(['a'])
    expect(reopened.notices()).toEqual([])
  })
})

describe('loading a damaged or foreign data file', () => {
  const cases = [
    ['not JSON', () => '{"schemaVersion": 2, "contacts": ['],
    ['the wrong shape', () => JSON.stringify({ ...emptyStoreData(), contacts: 'nobody' })],
    ['no version', () => JSON.stringify({ contacts: [] })],
  ] as const

  it.each(cases)(
    'with %s and no backup: refuses, names the file, offers to start empty, leaves it as it was',
    async (_, text) => {
      const dir = await tempDir()
      await writeFile(snapshotOf(dir), text())
      const error = await refusal(open(dir))
      expect(error.code).toBe('STORE_UNAVAILABLE')
      expect(error.details).toMatchObject({ file: snapshotOf(dir), canStartEmpty: true })
      expect(await readFile(snapshotOf(dir), 'utf8')).toBe(text())
      expect(await readdir(dir)).not.toContain('rapport.lock')
    },
  )

  it('truncated, with a backup: moves it aside, loads the newest good backup and says so', async () => {
    const dir = await tempDir()
    const store = await open(dir, { backups: true })
    await store.update((tx) => tx.put('contacts', contact('a')))
    await store.backupNow()
    await store.update((tx) => tx.put('contacts', contact('b')))
    await store.close()
    const text = await readFile(snapshotOf(dir), 'utf8')
    await writeFile(snapshotOf(dir), text.slice(0, text.length / 2))

    const recovered = await open(dir, { backups: true })
    expect(ids(recovered.read())).toEqual(['a'])
    const [notice] = recovered.notices()
    expect(notice).toMatchObject({ kind: 'restoredFromBackup', counts: { contacts: 1 } })
    const damaged = (notice as { damagedFile: string }).damagedFile
    expect(damaged).toMatch(/rapport\.corrupt-.*\.json$/)
    expect(await readFile(damaged, 'utf8')).toBe(text.slice(0, text.length / 2))
    await recovered.close()
  })

  it('with no backup and the user’s consent: keeps the damaged file aside and starts empty', async () => {
    const dir = await tempDir()
    await writeFile(snapshotOf(dir), 'garbage')
    const store = await open(dir, { startEmptyIfDamaged: true })
    expect(store.read().contacts).toEqual([])
    const aside = (await readdir(dir)).find((n) => n.startsWith('rapport.corrupt-'))
    expect(aside).toBeDefined()
    expect(await readFile(join(dir, aside!), 'utf8')).toBe('garbage')
    await store.close()
  })

  it('refuses a file from a newer Rapport and neither moves nor replaces it, even with backups', async () => {
    const dir = await tempDir()
    const first = await open(dir, { backups: true })
    await first.close()
    const text = JSON.stringify({ ...emptyStoreData(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 })
    await writeFile(snapshotOf(dir), text)
    const error = await refusal(open(dir, { backups: true }))
    expect((error.details as { reason: string }).reason).toMatch(/newer Rapport/)
    expect(error.details).not.toHaveProperty('canStartEmpty')
    expect(await readFile(snapshotOf(dir), 'utf8')).toBe(text)
  })

  it('fully checks a snapshot edited since Rapport wrote it, even though its checksum file is there', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('a')))
    await store.close()
    const text = await readFile(snapshotOf(dir), 'utf8')
    const edited = text.replace('"name":"Person a"', '"name":""')
    expect(edited).not.toBe(text)
    await writeFile(snapshotOf(dir), edited)
    const reopened = await open(dir)
    expect(reopened.read().contacts).toEqual([])
    expect(reopened.notices()).toMatchObject([
      { kind: 'recordsNeedAttention', records: [{ id: 'a', field: 'name', loaded: false }] },
    ])
    const copy = (reopened.notices()[0] as { copyAt: string }).copyAt
    expect(await readFile(copy, 'utf8')).toBe(edited)
    await reopened.close()
  })

  it.each(['store-v1.json', 'store-v2.json', 'store-v3.json', 'store-v4.json', 'store-v5.json'])(
    'migrates the fixture %s and keeps every record',
    async (name) => {
      const dir = await tempDir()
      const fixture = await readFile(join(__dirname, '../fixtures', name), 'utf8')
      await writeFile(snapshotOf(dir), fixture)
      const store = await open(dir)
      const old = JSON.parse(fixture)
      const data = store.read()
      expect(data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
      expect(data.contacts.map((c) => c.name)).toEqual(
        old.contacts.map((c: { name: string }) => c.name),
      )
      expect(data.encounters).toHaveLength(old.encounters.length)
      expect(data.followUps).toHaveLength(old.followUps.length)
      expect(data.relationships).toHaveLength(old.relationships.length)
      expect(data.helps).toHaveLength(old.helps?.length ?? 0)
      // v4: every follow-up has a status that agrees with its done time.
      for (const f of data.followUps)
        expect(f.status).toBe(f.doneAt ? 'done' : f.snoozedUntil ? 'snoozed' : 'open')
      expect(data.settings.me.name).toBe('测试用户')
      await store.close()
      expect(JSON.parse(await readFile(snapshotOf(dir), 'utf8')).schemaVersion).toBe(
        CURRENT_SCHEMA_VERSION,
      )
    },
  )
  it('marks the titles v5 generated in English as generated, and keeps titles the user typed', async () => {
    const dir = await tempDir()
    await writeFile(
      snapshotOf(dir),
      await readFile(join(__dirname, '../fixtures/store-v5.json'), 'utf8'),
    )
    const store = await open(dir)
    const byId = new Map(store.read().followUps.map((f) => [f.id, f]))
    expect(byId.get('fu-v5-after')?.titleKind).toBe('afterMeeting')
    expect(byId.get('fu-v5-cadence')?.titleKind).toBe('cadence')
    // Same reason, but the user rewrote the title: it stays theirs.
    expect(byId.get('fu-v5-edited')?.titleKind).toBeUndefined()
    expect(byId.get('fu-v5-edited')?.title).toBe('请他喝咖啡，聊聊新项目')
    await store.close()
  })
  it('migrates v4 events, communities and gatherings to their v5 shape', async () => {
    const dir = await tempDir()
    await writeFile(
      snapshotOf(dir),
      await readFile(join(__dirname, '../fixtures/store-v4.json'), 'utf8'),
    )
    const store = await open(dir)
    const data = store.read()
    const [ticket, friend] = data.events
    // A confirmed ticket is a bought ticket; a pending request became "asked".
    expect(ticket!.access?.status).toBe('ticketBought')
    expect(friend!.access?.status).toBe('asked')
    expect(ticket!.targets[0]).toMatchObject({ rank: 1, stage: 'ready', mustMeet: false })
    expect(ticket!.people).toEqual([])
    const ids = data.contacts.map((c) => c.id)
    expect(data.communities[0]!.members).toEqual(
      ids.map((contactId) => ({ contactId, role: 'member' })),
    )
    const dinner = data.gatherings[0]!
    expect(dinner.attendees).toEqual(ids.map((contactId) => ({ contactId, rsvp: 'yes' })))
    expect(dinner.bill.mode).toBe('own')
    expect(dinner.tables).toEqual([{ shape: 'round', seats: 4 }])
    expect(dinner.seating.map((s) => s.personId)).toEqual(ids.slice(0, 2))
    expect(dinner.outcomes.connectedPairs).toEqual([[ids[0], ids[1]]])
    expect(data.encounters[0]!.mentions.map((m) => m.direction)).toEqual([
      'iShouldMeet',
      'iShouldMeet',
    ])
    expect(data.mapLayouts).toEqual([])
    await store.close()
  })
  it('migrates a v5 file to v8 with phone sync off and nothing synced yet', async () => {
    const dir = await tempDir()
    await writeFile(
      snapshotOf(dir),
      await readFile(join(__dirname, '../fixtures/store-v5.json'), 'utf8'),
    )
    const store = await open(dir)
    const data = store.read()
    expect(data.settings.sync).toMatchObject({
      enabled: false,
      serverUrl: '',
      scope: 'active',
      intervalMinutes: 15,
      followUps: true,
    })
    expect(data.syncStates).toEqual([])
    expect(data.syncLog).toEqual([])
    expect(data.syncConflicts).toEqual([])
    expect(data.settings.me.name).toBe('测试用户')
    await store.close()
  })
})

describe('one writer per data folder', () => {
  it('refuses a second writer, naming the folder and the holder', async () => {
    const dir = await tempDir()
    const first = await open(dir, { holder: 'the Rapport desktop app' })
    const error = await refusal(open(dir, { holder: 'rapport serve' }))
    expect(error.message).toContain(dir)
    expect(error.message).toContain('the Rapport desktop app')
    await first.close()
    const second = await open(dir, { holder: 'rapport serve' })
    await second.close()
  })

  it('takes over a stale lock left by a process that is gone', async () => {
    const dir = await tempDir()
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!
    await writeFile(
      join(dir, 'rapport.lock'),
      JSON.stringify({
        pid: dead,
        host: hostname(),
        holder: 'a crashed Rapport',
        since: '2026-01-01T00:00:00.000Z',
      }),
    )
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('a')))
    await store.close()
  })
})

describe('backups', () => {
  it('keeps the newest 10 plus one a day for 14 days', async () => {
    const dir = await tempDir()
    const data = emptyStoreData()
    const now = new Date('2026-12-01T12:00:00.000Z')
    await writeFileDurably(snapshotOf(dir), JSON.stringify(data))
    const { createBackup } = await import('../../src/main/core/store/backups')
    // Three a day for 20 days.
    for (let day = 0; day < 20; day += 1) {
      for (const hour of [1, 9, 17]) {
        const at = new Date(now.getTime() - day * 86_400_000 - hour * 3_600_000)
        await createBackup(dir, data, at)
      }
    }
    await rotateBackups(dir, now)
    const kept = await listBackups(dir)
    const days = new Set(kept.map((b) => b.createdAt.slice(0, 10)))
    expect(kept.slice(0, 10).map((b) => b.createdAt)).toEqual(
      [...kept]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, 10)
        .map((b) => b.createdAt),
    )
    expect(kept.length).toBeLessThanOrEqual(10 + 15)
    expect(days.size).toBeGreaterThanOrEqual(14)
    expect(kept.every((b) => now.getTime() - Date.parse(b.createdAt) <= 15 * 86_400_000)).toBe(true)
    expect((await readdir(join(dir, 'backups'))).length).toBe(kept.length * 2)
  })

  it('restores a backup after backing up the current state, and lists both', async () => {
    const dir = await tempDir()
    const store = await open(dir, { backups: true })
    await store.update((tx) => tx.put('contacts', contact('a')))
    const early = await store.backupNow()
    await store.update((tx) => tx.put('contacts', contact('b')))
    const countBefore = (await store.listBackups()).length
    await store.restoreBackup(early.file)
    expect(ids(store.read())).toEqual(['a'])
    const backups = await store.listBackups()
    expect(backups.length).toBe(countBefore + 1)
    expect(backups[0]!.counts.contacts).toBe(2)
    await store.update((tx) => tx.put('contacts', contact('c')))
    await store.close()
    expect(ids((await open(dir)).read())).toEqual(['a', 'c'])
  })

  it('refuses to restore a file that is not one of the backups', async () => {
    const dir = await tempDir()
    const store = await open(dir, { backups: true })
    expect((await refusal(store.restoreBackup('/etc/passwd'))).code).toBe('NOT_FOUND')
    await store.close()
  })
})

describe('a data file changed by another program', () => {
  it('reloads it when nothing of ours is pending, and says so', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    const theirs = { ...emptyStoreData(), contacts: [contact('theirs')] }
    await new Promise((resolve) => setTimeout(resolve, 20))
    await writeFileDurably(snapshotOf(dir), JSON.stringify(theirs))
    await store.checkExternalChange()
    expect(ids(store.read())).toEqual(['theirs'])
    expect(store.notices()).toMatchObject([{ kind: 'reloadedExternalChange' }])
    await store.close()
  })

  it('keeps both versions when ours has unsaved-to-snapshot changes, and never merges', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('ours')))
    const theirs = { ...emptyStoreData(), contacts: [contact('theirs')] }
    await writeFileDurably(snapshotOf(dir), JSON.stringify(theirs))
    await store.checkExternalChange()
    expect(ids(store.read())).toEqual(['ours'])
    const [notice] = store.notices()
    expect(notice).toMatchObject({ kind: 'externalChangeSetAside' })
    const aside = JSON.parse(
      await readFile((notice as { setAsideFile: string }).setAsideFile, 'utf8'),
    )
    expect(aside.contacts.map((c: { id: string }) => c.id)).toEqual(['theirs'])
    expect(ids(JSON.parse(await readFile(snapshotOf(dir), 'utf8')))).toEqual(['ours'])
    await store.close()
  })
})

describe('migrations', () => {
  it('runs each step in order up to the target version', () => {
    const steps = [
      { from: 1, up: (doc: Record<string, unknown>) => ({ ...doc, a: 1 }) },
      { from: 2, up: (doc: Record<string, unknown>) => ({ ...doc, b: (doc.a as number) + 1 }) },
    ]
    expect(migrate({ schemaVersion: 1 }, steps, 3)).toEqual({ schemaVersion: 3, a: 1, b: 2 })
  })

  it('refuses a file from a newer version and a file without a version', () => {
    expect(() => migrate({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 })).toThrow(MigrationError)
    expect(() => migrate({})).toThrow(/schemaVersion/)
    expect(() => migrate([])).toThrow(MigrationError)
  })

  it('migrates settings without a phone region: numbers read in the region of the language', async () => {
    const dir = await tempDir()
    const fixture = await readFile(
      join(__dirname, '../fixtures/store-v5-phone-region.json'),
      'utf8',
    )
    expect(JSON.parse(fixture).settings.phoneRegion).toBeUndefined()
    await writeFile(snapshotOf(dir), fixture)
    const store = await open(dir)
    expect(store.read().settings.phoneRegion).toBe('')
    // The numbers themselves are kept as the user typed them; matching reads them in E.164.
    expect(store.read().contacts[0]!.phones[0]!.value).toBe('+86 139 0000 0101')
    await store.close()
    const written = JSON.parse(await readFile(snapshotOf(dir), 'utf8'))
    expect(written.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(written.settings.phoneRegion).toBe('')
  })
})
