import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Clock } from '../../src/main/core/clock'
import { createDuplicateService } from '../../src/main/core/contacts/duplicateService'
import { createContactViewService } from '../../src/main/core/contacts/contactViewService'
import type { JournaledStore } from '../../src/main/core/store/journaledStore'
import { openJournaledStore } from '../../src/main/core/store/journaledStore'
import type { DuplicateGroup } from '../../src/shared/contract'
import type { MergeGroupsResult } from '../../src/shared/contacts/duplicateOperations'
import {
  collectionNames,
  contactSchema,
  CURRENT_SCHEMA_VERSION,
  emptyStoreData,
  encounterSchema,
  followUpSchema,
  relationshipSchema,
  type StoreData,
} from '../../src/shared/model'
import { call, quietCore, tempDir } from './helpers'

const AT = '2026-03-01T09:00:00.000Z'
const clock: Clock = { now: () => new Date('2026-03-02T10:00:00.000Z') }
const base = (id: string) => ({ id, createdAt: AT, updatedAt: AT })
const contact = (id: string, fields: object = {}) =>
  contactSchema.parse({ name: `Person ${id}`, ...base(id), ...fields })
const mail = (value: string) => [{ label: '', value }]

/** Three cards of Ada (one email), two of Bo (one phone), Cy alone; history on each. */
function fixture(): StoreData {
  const data = emptyStoreData()
  data.contacts = [
    contact('ada1', { name: 'Ada Lovelace', emails: mail('ada@x.org'), tags: ['math'] }),
    contact('ada2', { name: 'Ada L.', emails: mail('ADA@x.org'), role: 'CTO' }),
    contact('ada3', { name: 'Ada', emails: mail('ada@x.org'), mutualIds: ['bo2'] }),
    contact('bo1', { name: 'Bo', phones: [{ label: '', value: '+86 138 1234 5678' }] }),
    contact('bo2', { name: 'Bo Li', phones: [{ label: '', value: '+8613812345678' }] }),
    contact('cy', { name: 'Cy', introducedById: 'ada3' }),
  ]
  data.encounters = [
    encounterSchema.parse({ ...base('e1'), contactId: 'ada2', at: AT }),
    encounterSchema.parse({ ...base('e2'), contactId: 'ada3', at: AT }),
    encounterSchema.parse({
      ...base('e3'),
      contactId: 'cy',
      at: AT,
      mentions: [{ name: 'Bo', contactId: 'bo2' }],
    }),
  ]
  data.followUps = [
    followUpSchema.parse({ ...base('f1'), contactId: 'ada3', title: 'Call', dueAt: AT }),
  ]
  data.relationships = [
    relationshipSchema.parse({ ...base('r1'), fromId: 'ada2', toId: 'bo2', kind: 'knows' }),
    // Becomes a self-loop once Ada's cards are one.
    relationshipSchema.parse({ ...base('r2'), fromId: 'ada1', toId: 'ada3', kind: 'knows' }),
  ]
  return data
}

let store: JournaledStore | undefined
afterEach(() => store?.close())

async function open(initial: StoreData = fixture(), dir?: string) {
  store = await openJournaledStore({
    dir: dir ?? (await tempDir()),
    holder: 'test',
    initialData: () => structuredClone(initial),
    backups: false,
    watchIntervalMs: 0,
  })
  await store.ready()
  return { store, duplicates: createDuplicateService(store, clock) }
}

/** Every collection as records sorted by id: the same records, wherever they sit in the list. */
const byId = (data: Readonly<StoreData>) =>
  Object.fromEntries(
    collectionNames.map((name) => [
      name,
      [...(data[name] as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id)),
    ]),
  )

const bothGroups = {
  groups: [
    { keepId: 'ada1', removeIds: ['ada2', 'ada3'] },
    { keepId: 'bo1', removeIds: ['bo2'] },
  ],
}

describe('merging many duplicate groups at once', () => {
  it('merges a group of three into one card that keeps everyone’s history', async () => {
    const { store, duplicates } = await open()
    const result = await duplicates.mergeGroups(bothGroups)
    expect(result).toMatchObject({ groups: 2, removed: 3 })
    const data = store.read()
    expect(data.contacts.map((c) => c.id).sort()).toEqual(['ada1', 'bo1', 'cy'])
    const ada = data.contacts.find((c) => c.id === 'ada1')!
    expect(ada.role).toBe('CTO')
    expect(ada.mutualIds).toEqual(['bo1'])
    expect(data.encounters.map((e) => [e.id, e.contactId])).toEqual([
      ['e1', 'ada1'],
      ['e2', 'ada1'],
      ['e3', 'cy'],
    ])
    expect(data.encounters[2]!.mentions[0]!.contactId).toBe('bo1')
    expect(data.followUps[0]!.contactId).toBe('ada1')
    expect(data.contacts.find((c) => c.id === 'cy')!.introducedById).toBe('ada1')
    expect(data.relationships.map((r) => [r.id, r.fromId, r.toId])).toEqual([['r1', 'ada1', 'bo1']])
  })

  it('changes nothing when one id is unknown or a contact is in two groups', async () => {
    const { store, duplicates } = await open()
    const before = structuredClone(store.read())
    await expect(
      duplicates.mergeGroups({
        groups: [...bothGroups.groups, { keepId: 'cy', removeIds: ['nobody'] }],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      duplicates.mergeGroups({
        groups: [...bothGroups.groups, { keepId: 'cy', removeIds: ['ada2'] }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(store.read()).toEqual(before)
  })

  it('undo puts back every merged card and every re-pointed record exactly', async () => {
    const { store, duplicates } = await open()
    const before = byId(structuredClone(store.read()))
    const result = await duplicates.mergeGroups(bothGroups)
    expect(byId(store.read())).not.toEqual(before)
    expect(await duplicates.undoMergeGroups(result)).toEqual({ restored: 3 })
    expect(byId(store.read())).toEqual(before)
  })

  it('refuses the undo, changing nothing, once a merged card was edited since', async () => {
    const { store, duplicates } = await open()
    const result = await duplicates.mergeGroups(bothGroups)
    await store.update((tx) => {
      const ada = tx.data.contacts.find((c) => c.id === 'ada1')!
      tx.put('contacts', { ...ada, notes: 'edited after', updatedAt: '2026-03-03T00:00:00.000Z' })
    })
    const after = structuredClone(store.read())
    await expect(duplicates.undoMergeGroups(result)).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect(store.read()).toEqual(after)
  })

  it('merges through the contract and undoes by token: the page never holds the records', async () => {
    const core = await quietCore()
    try {
      const made = []
      for (const name of ['Ada', 'Ada L.', 'Ada Lovelace']) {
        made.push(
          await call<{ id: string }>(core, 'contacts.create', { name, emails: mail('a@x.org') }),
        )
      }
      const groups = await call<DuplicateGroup[]>(core, 'contacts.duplicates', {})
      expect(groups.map((g) => g.contacts.length)).toEqual([3])
      const [keep, ...rest] = groups[0]!.contacts.map((c) => c.id)
      const result = await call<MergeGroupsResult>(core, 'contacts.mergeGroups', {
        groups: [{ keepId: keep, removeIds: rest }],
      })
      expect(await call(core, 'contacts.duplicates', {})).toEqual([])
      expect(result).toEqual({ groups: 1, removed: 2, undoToken: expect.any(String) })
      // What a page could send back instead of the token is refused at the boundary.
      await expect(
        call(core, 'contacts.undoMergeGroups', { records: [{ collection: 'contacts' }] }),
      ).rejects.toMatchObject({ code: 'VALIDATION' })
      const ticket = { undoToken: result.undoToken }
      expect(await call(core, 'contacts.undoMergeGroups', ticket)).toEqual({ restored: 2 })
      const back = await call<{ id: string }[]>(core, 'contacts.list', {})
      expect(back.map((c) => c.id).sort()).toEqual(made.map((c) => c.id).sort())
      // Once only: a second undo with the same token finds nothing to take back.
      await expect(call(core, 'contacts.undoMergeGroups', ticket)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
    } finally {
      await core.close()
    }
  })
})

describe('not a duplicate', () => {
  it('is kept in the store: the group is not suggested again after reopening', async () => {
    const dir = await tempDir()
    const first = await open(fixture(), dir)
    const view = () => createContactViewService(store!, clock).duplicates()
    const ids = (groups: DuplicateGroup[]) => groups.map((g) => g.contacts.map((c) => c.id))
    expect(ids(view())).toEqual([
      ['ada1', 'ada2', 'ada3'],
      ['bo1', 'bo2'],
    ])
    const dismissal = await first.duplicates.dismiss({ ids: ['bo1', 'bo2'] })
    expect(ids(view())).toEqual([['ada1', 'ada2', 'ada3']])
    await store!.close()

    const again = await open(emptyStoreData(), dir)
    expect(ids(view())).toEqual([['ada1', 'ada2', 'ada3']])
    expect(again.duplicates.dismissed()).toMatchObject([
      { id: dismissal.id, contacts: [{ name: 'Bo' }, { name: 'Bo Li' }] },
    ])
    // Taken back: suggested again.
    await again.duplicates.undismiss({ id: dismissal.id })
    expect(ids(view())).toEqual([
      ['ada1', 'ada2', 'ada3'],
      ['bo1', 'bo2'],
    ])
  })

  it('a dismissed group of three stays apart, while a new card that links them is suggested', async () => {
    const { duplicates } = await open()
    const view = () => createContactViewService(store!, clock).duplicates()
    await duplicates.dismiss({ ids: ['ada1', 'ada2', 'ada3'] })
    expect(view().map((g) => g.contacts.length)).toEqual([2])
    await store!.update((tx) => tx.put('contacts', contact('ada4', { emails: mail('ada@x.org') })))
    expect(view()[0]!.contacts.map((c) => c.id)).toContain('ada4')
  })

  it('follows a merge: the dismissal then names the kept card', async () => {
    const { store, duplicates } = await open()
    await duplicates.dismiss({ ids: ['ada3', 'cy'] })
    await duplicates.mergeGroups({ groups: [{ keepId: 'ada1', removeIds: ['ada3'] }] })
    expect(store.read().duplicateDismissals[0]!.contactIds).toEqual(['ada1', 'cy'])
  })
})

describe('schema v10', () => {
  it('migrates the v9 fixture: every record kept, no dismissals yet, its duplicates suggested', async () => {
    const dir = await tempDir()
    const fixtureText = await readFile(join(__dirname, '../fixtures/store-v9.json'), 'utf8')
    const old = JSON.parse(fixtureText)
    expect(old.schemaVersion).toBe(9)
    expect(old).not.toHaveProperty('duplicateDismissals')
    await writeFile(join(dir, 'rapport.json'), fixtureText)
    const { store } = await open(emptyStoreData(), dir)
    const data = store.read()
    expect(data.schemaVersion).toBe(10)
    expect(data.contacts).toEqual(old.contacts)
    expect(data.encounters).toEqual(old.encounters)
    expect(data.duplicateDismissals).toEqual([])
    const groups = createContactViewService(store, clock).duplicates()
    expect(groups.map((g) => g.contacts.map((c) => c.id))).toEqual([['v9-dup-a', 'v9-dup-b']])
    await store.close()
    const written = JSON.parse(await readFile(join(dir, 'rapport.json'), 'utf8'))
    expect(written.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(written.duplicateDismissals).toEqual([])
  })
})
