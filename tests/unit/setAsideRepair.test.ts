import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSetAsideService } from '../../src/main/core/store/setAsideRecords'
import type { Contact } from '../../src/shared/model'
import type { RepairResult, SetAsideRecord } from '../../src/shared/store/setAside'
import type { AppInfo } from '../../src/shared/store/storeOperations'
import { call, quietCore, tempDir } from './helpers'
import { contact, forgetLock, open } from './storeTestKit'

/**
 * Issue 14, item 9: records of a hand-edited rapport.json that could not be loaded are repaired
 * and loaded from the app, or left aside, instead of being fixed by hand in the set-aside file.
 */

const LONG_NAME = 'Wang Xiaoming of the very long name '.repeat(9).slice(0, 300)

/** A folder whose rapport.json was edited by hand: `a` is fine, the others are not. */
async function handEditedFolder(): Promise<string> {
  const dir = await tempDir()
  const store = await open(dir)
  for (const id of ['a', 'tagless', 'longName', 'vipTier', 'noCreatedAt', 'noTags'])
    await store.update((tx) => tx.put('contacts', contact(id)))
  await store.close()
  const file = join(dir, 'rapport.json')
  const doc = JSON.parse(await readFile(file, 'utf8')) as { contacts: Record<string, unknown>[] }
  const byId = (id: string) => doc.contacts.find((c) => c.id === id)!
  byId('tagless').tags = null // what a hand edit writes for "no tags"
  byId('longName').name = LONG_NAME
  byId('longName').emails = null // with the long name alone it would load as it is
  byId('vipTier').tier = 'vip'
  delete byId('noCreatedAt').createdAt
  delete byId('noTags').tags // absent altogether: the schema's default loads it at once
  await writeFile(file, '\uFEFF' + JSON.stringify(doc, null, 2))
  return dir
}

const key = (r: SetAsideRecord) => ({ file: r.file, index: r.index })

describe('records set aside from a hand-edited rapport.json', () => {
  it('are listed with their problems, repaired, loaded and still there after a crash and restart', async () => {
    const dir = await handEditedFolder()
    let core = await quietCore({ dataDir: dir })
    const loadedIds = async () =>
      (await call<Contact[]>(core, 'contacts.list', {})).map((c) => c.id).sort()
    expect(await loadedIds()).toEqual(['a', 'noTags'])

    const listed = await call<SetAsideRecord[]>(core, 'store.listSetAside', {})
    const of = (id: string) => listed.find((r) => r.id === id)!
    expect(listed.map((r) => r.id).sort()).toEqual([
      'longName',
      'noCreatedAt',
      'tagless',
      'vipTier',
    ])
    expect(of('tagless')).toMatchObject({
      collection: 'contacts',
      name: 'Person tagless',
      problems: [{ path: 'tags', kind: 'missing' }],
      repairable: true,
    })
    expect(of('longName').problems).toEqual(
      expect.arrayContaining([
        { path: 'name', kind: 'tooLong' },
        { path: 'emails', kind: 'missing' },
      ]),
    )
    expect(of('vipTier').problems).toEqual([{ path: 'tier', kind: 'unknownValue' }])
    expect(of('noCreatedAt')).toMatchObject({
      problems: [{ path: 'createdAt', kind: 'missing' }],
      repairable: false,
    })

    const tagless = await call<RepairResult>(core, 'store.repairSetAside', key(of('tagless')))
    expect(tagless.changes).toEqual([{ path: 'tags', kind: 'filled', to: '[]' }])
    const longName = await call<RepairResult>(core, 'store.repairSetAside', key(of('longName')))
    expect(longName.changes).toEqual(
      expect.arrayContaining([
        { path: 'name', kind: 'cut', length: 300, limit: 200, keptInNotes: true },
      ]),
    )
    const vip = await call<RepairResult>(core, 'store.repairSetAside', key(of('vipTier')))
    expect(vip.changes).toEqual([{ path: 'tier', kind: 'dropped', from: 'vip', to: 'outside' }])
    // Offered once only: a second repair of the same record is refused.
    await expect(call(core, 'store.repairSetAside', key(of('tagless')))).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect((await call<SetAsideRecord[]>(core, 'store.listSetAside', {})).map((r) => r.id)).toEqual(
      ['noCreatedAt'],
    )

    // A crash: nothing written whole, the repairs are only in the journal.
    await forgetLock(dir)
    core = await quietCore({ dataDir: dir })
    expect(await loadedIds()).toEqual(['a', 'longName', 'noTags', 'tagless', 'vipTier'])
    const get = (id: string) => call<Contact>(core, 'contacts.get', { id })
    expect((await get('tagless')).tags).toEqual([])
    expect((await get('longName')).name).toBe(LONG_NAME.slice(0, 200).trim())
    expect((await get('longName')).notes).toBe(LONG_NAME)
    expect((await get('vipTier')).tier).toBe('outside')
    expect((await call<SetAsideRecord[]>(core, 'store.listSetAside', {})).map((r) => r.id)).toEqual(
      ['noCreatedAt'],
    )
    await core.close()
  })

  it('that cannot be repaired: a clear error, nothing changed; leaving it aside keeps it on disk', async () => {
    const dir = await handEditedFolder()
    const core = await quietCore({ dataDir: dir })
    const [broken] = (await call<SetAsideRecord[]>(core, 'store.listSetAside', {})).filter(
      (r) => r.id === 'noCreatedAt',
    )
    const file = join(dir, broken!.file)
    const before = await readFile(file, 'utf8')
    const revision = core.revision()

    await expect(call(core, 'store.repairSetAside', key(broken!))).rejects.toMatchObject({
      code: 'VALIDATION',
      details: {
        reason: 'store.cannotRepair',
        problems: [{ path: 'createdAt', kind: 'missing' }],
      },
    })
    expect(core.revision()).toBe(revision)
    expect(await readFile(file, 'utf8')).toBe(before)

    await call(core, 'store.dismissSetAside', key(broken!))
    const listed = await call<SetAsideRecord[]>(core, 'store.listSetAside', {})
    expect(listed.some((r) => r.id === 'noCreatedAt')).toBe(false)
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as {
      record: { id: string }
      status?: string
    }[]
    expect(onDisk.find((e) => e.record.id === 'noCreatedAt')).toMatchObject({
      status: 'dismissed',
      record: { name: 'Person noCreatedAt' },
    })
    const info = await call<AppInfo>(core, 'app.info', {})
    expect(info.notices.some((n) => n.kind === 'recordsNeedAttention')).toBe(true)
    await core.close()
  })

  it('are offered too when the hand edit is made while Rapport runs', async () => {
    const dir = await tempDir()
    const store = await open(dir)
    await store.update((tx) => tx.put('contacts', contact('a')))
    await store.compact()
    const file = join(dir, 'rapport.json')
    const doc = JSON.parse(await readFile(file, 'utf8')) as { contacts: Record<string, unknown>[] }
    doc.contacts[0]!.tier = 'vip'
    await writeFile(file, JSON.stringify(doc, null, 2))
    await store.checkExternalChange()
    const service = createSetAsideService(store)
    const [listed] = await service.list()
    expect(listed).toMatchObject({ id: 'a', problems: [{ path: 'tier', kind: 'unknownValue' }] })
    await service.repair(key(listed!))
    expect(store.read().contacts.map((c) => [c.id, c.tier])).toEqual([['a', 'outside']])
    await store.close()
  })

  it('repaired, can be taken back until the record is edited', async () => {
    const dir = await handEditedFolder()
    const core = await quietCore({ dataDir: dir })
    const tagless = (await call<SetAsideRecord[]>(core, 'store.listSetAside', {})).find(
      (r) => r.id === 'tagless',
    )!
    await call(core, 'store.repairSetAside', key(tagless))
    await call(core, 'store.undoRepairSetAside', key(tagless))
    await expect(call(core, 'contacts.get', { id: 'tagless' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    const again = await call<SetAsideRecord[]>(core, 'store.listSetAside', {})
    expect(again.some((r) => r.id === 'tagless')).toBe(true)

    // Edited after the repair: taking it back would lose the edit, so it is refused.
    await call(core, 'store.repairSetAside', key(tagless))
    await call(core, 'contacts.update', { id: 'tagless', patch: { role: 'Editor' } })
    await expect(call(core, 'store.undoRepairSetAside', key(tagless))).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect((await call<Contact>(core, 'contacts.get', { id: 'tagless' })).role).toBe('Editor')
    await core.close()
  })

  it('refuse a file name outside the needs-attention files', async () => {
    const core = await quietCore()
    await expect(
      call(core, 'store.repairSetAside', { file: '../rapport.json', index: 0 }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await core.close()
  })
})
