import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  collectionNames,
  communitySchema,
  contactSchema,
  emptyStoreData,
  encounterSchema,
  eventSchema,
  followUpSchema,
  gatheringSchema,
  helpSchema,
  relationshipSchema,
  type StoreData,
} from '../../src/shared/model'
import type { Clock } from '../../src/main/core/clock'
import {
  applyMerge,
  CONTACT_FIELDS,
  defaultChoice,
  LIST_FIELDS,
  mergeFields,
  type FieldChoice,
  type MergeOutcome,
} from '../../src/main/core/contacts/merge'
import { applyMergeGroups, undoMergeGroups } from '../../src/main/core/contacts/bulkMerge'
import type { StoreOp, StoreTransaction } from '../../src/main/core/store/dataStore'
import { openJournaledStore } from '../../src/main/core/store/journaledStore'
import { StoreState, validateOp } from '../../src/main/core/store/storeState'
import { tempDir } from './helpers'

const AT = '2026-03-01T09:00:00.000Z'
const clock: Clock = { now: () => new Date('2026-03-02T10:00:00.000Z') }

const base = (id: string) => ({ id, createdAt: AT, updatedAt: AT })
const contact = (id: string, fields: object = {}) =>
  contactSchema.parse({ name: `Person ${id}`, ...base(id), ...fields })

async function openStore(initial: StoreData) {
  const store = await openJournaledStore({
    dir: await tempDir(),
    holder: 'test',
    initialData: () => structuredClone(initial),
    backups: false,
    watchIntervalMs: 0,
  })
  await store.ready()
  return store
}

/** Every record that mentions the id anywhere, as a JSON string value. */
function referencing(data: Readonly<StoreData>, id: string): string[] {
  const needle = JSON.stringify(id)
  return collectionNames.flatMap((name) =>
    (data[name] as { id: string }[])
      .filter((record) => JSON.stringify(record).includes(needle))
      .map((record) => `${name}/${record.id}`),
  )
}

const counts = (data: Readonly<StoreData>) =>
  Object.fromEntries(collectionNames.map((name) => [name, data[name].length]))

// Ids long enough that none is part of another.
const K = 'keep-0000-aaaa'
const R = 'remove-0000-bbbb'
const C = 'carol-0000-cccc'
const D = 'dan-0000-dddd'
const E = 'eve-0000-eeee'

function fixture(): StoreData {
  const data = emptyStoreData()
  data.contacts = [
    contact(K, {
      name: 'Ada Lovelace',
      emails: [{ label: 'work', value: 'ada@x.org' }],
      tags: ['math'],
      mutualIds: [R, C],
      createdAt: '2025-06-01T00:00:00.000Z',
    }),
    contact(R, {
      name: 'Ada L.',
      role: 'CTO',
      emails: [
        { label: '', value: 'ADA@x.org ' },
        { label: 'home', value: 'ada@home.org' },
      ],
      phones: [{ label: '', value: '+44 20 7946 0958' }],
      tags: ['Math', 'engines'],
      tier: 'close',
      introducedById: K,
      mutualIds: [K, D],
      firstMet: { date: '2024-05-01', place: 'London', how: '' },
      createdAt: '2025-01-01T00:00:00.000Z',
    }),
    contact(C, { introducedById: R, mutualIds: [R, K] }),
    contact(D, { mutualIds: [R] }),
    contact(E),
  ]
  data.encounters = [
    encounterSchema.parse({
      ...base('enc1'),
      contactId: R,
      at: AT,
      mentions: [
        { name: 'Ada', contactId: K },
        { name: 'Dan', contactId: D },
      ],
    }),
    encounterSchema.parse({
      ...base('enc2'),
      contactId: K,
      at: AT,
      mentions: [{ name: 'Ada L.', contactId: R }],
    }),
    encounterSchema.parse({
      ...base('enc3'),
      contactId: C,
      at: AT,
      mentions: [{ name: 'Ada L.', contactId: R }],
    }),
  ]
  data.followUps = [
    followUpSchema.parse({ ...base('fu1'), contactId: R, title: 'Send paper', dueAt: AT }),
    followUpSchema.parse({ ...base('fu2'), contactId: K, title: 'Call', dueAt: AT }),
  ]
  data.helps = [
    helpSchema.parse({ ...base('help1'), contactId: R, direction: 'given', at: AT, what: 'Intro' }),
  ]
  const edge = (id: string, fromId: string, toId: string, kind: string, note = '') =>
    relationshipSchema.parse({ ...base(id), fromId, toId, kind, note })
  data.relationships = [
    edge('rel1', K, R, 'knows'),
    edge('rel2', R, C, 'knows', 'chess club'),
    edge('rel3', K, C, 'knows'),
    edge('rel4', D, R, 'mentor'),
    edge('rel5', C, D, 'colleague'),
  ]
  data.events = [
    eventSchema.parse({
      ...base('ev1'),
      name: 'Summit',
      startsAt: AT,
      timeZone: 'Europe/London',
      targets: [
        { contactId: K, rank: 2, talkingPoints: '' },
        { contactId: R, rank: 1, talkingPoints: 'Ask about engines', stage: 'met' },
      ],
      access: { route: 'friend', helperIds: [R, C] },
    }),
    eventSchema.parse({
      ...base('ev2'),
      name: 'Meetup',
      startsAt: AT,
      timeZone: 'Europe/London',
      targets: [{ contactId: R, rank: 3 }],
    }),
  ]
  data.communities = [
    communitySchema.parse({
      ...base('com1'),
      name: 'Engines',
      members: [{ contactId: K }, { contactId: R, role: 'organiser' }, { contactId: C }],
    }),
    communitySchema.parse({ ...base('com2'), name: 'Chess', members: [{ contactId: R }] }),
  ]
  data.gatherings = [
    gatheringSchema.parse({
      ...base('gat1'),
      title: 'Dinner',
      startsAt: AT,
      timeZone: 'Europe/London',
      attendees: [{ contactId: K }, { contactId: R, rsvp: 'yes' }, { contactId: C }],
      seating: [
        { personId: K, table: 1, seat: 1 },
        { personId: R, table: 1, seat: 2 },
        { personId: C, table: 1, seat: 3 },
      ],
      constraints: [{ a: R, b: C, kind: 'apart' }],
      bill: {
        mode: 'itemised',
        payerId: R,
        items: [{ id: 'i1', amountCents: 100, owedBy: [R, C] }],
      },
      outcomes: {
        connectedPairs: [
          [K, R],
          [R, C],
          [K, C],
        ],
        secondMeetings: [[C, R]],
      },
    }),
    gatheringSchema.parse({
      ...base('gat2'),
      title: 'Lunch',
      startsAt: AT,
      timeZone: 'Europe/London',
      attendees: [{ contactId: R }, { contactId: D }],
      seating: [{ personId: R, table: 1, seat: 1 }],
      outcomes: { connectedPairs: [[D, R]], secondMeetings: [] },
    }),
  ]
  return data
}

describe('applyMerge', () => {
  it('moves the whole history to the kept contact and loses nothing else', async () => {
    const before = fixture()
    const store = await openStore(before)
    const outcome = await store.update((tx) => applyMerge(tx, K, R, {}, clock))
    const after = store.read()

    expect(referencing(after, R)).toEqual([])
    expect(counts(after)).toEqual({ ...counts(before), contacts: 4, relationships: 3 })
    expect(outcome.droppedRelationshipIds.sort()).toEqual(['rel1', 'rel2'])
    // Everything that named the removed person names the kept one now.
    for (const ref of referencing(before, R)) {
      if (ref === `contacts/${R}` || ref === 'relationships/rel1' || ref === 'relationships/rel2')
        continue
      expect(referencing(after, K)).toContain(ref)
    }

    const merged = after.contacts.find((c) => c.id === K)!
    expect(merged.name).toBe('Ada Lovelace')
    expect(merged.role).toBe('CTO')
    expect(merged.tier).toBe('close')
    expect(merged.emails.map((e) => e.value)).toEqual(['ada@x.org', 'ada@home.org'])
    expect(merged.phones).toHaveLength(1)
    expect(merged.tags).toEqual(['math', 'engines'])
    expect(merged.mutualIds).toEqual([C, D])
    expect(merged.introducedById).toBeUndefined()
    expect(merged.firstMet?.place).toBe('London')
    expect(merged.createdAt).toBe('2025-01-01T00:00:00.000Z')
    expect(merged.updatedAt > AT).toBe(true)

    const carol = after.contacts.find((c) => c.id === C)!
    expect(carol.introducedById).toBe(K)
    expect(carol.mutualIds).toEqual([K])

    expect(after.encounters.find((e) => e.id === 'enc1')!.contactId).toBe(K)
    expect(after.encounters.find((e) => e.id === 'enc3')!.mentions[0]!.contactId).toBe(K)
    expect(after.followUps.every((f) => f.contactId === K)).toBe(true)
    expect(after.helps[0]!.contactId).toBe(K)

    // The surviving copy of Carol's edge keeps the moved edge's note.
    expect(after.relationships.find((r) => r.id === 'rel3')!.note).toBe('chess club')
    expect(after.relationships.find((r) => r.id === 'rel4')).toMatchObject({ fromId: D, toId: K })

    const summit = after.events.find((e) => e.id === 'ev1')!
    expect(summit.targets).toEqual([
      { contactId: K, rank: 1, talkingPoints: 'Ask about engines', mustMeet: false, stage: 'met' },
    ])
    expect(summit.access?.helperIds).toEqual([K, C])
    expect(after.events.find((e) => e.id === 'ev2')!.targets[0]!.contactId).toBe(K)

    expect(after.communities.map((c) => c.members.map((m) => m.contactId))).toEqual([[K, C], [K]])
    expect(after.communities[1]!.members[0]!.role).toBe('member')

    const dinner = after.gatherings.find((g) => g.id === 'gat1')!
    expect(dinner.attendees.map((a) => a.contactId)).toEqual([K, C])
    expect(dinner.seating.map((s) => s.personId)).toEqual([K, C])
    expect(dinner.constraints).toEqual([{ a: K, b: C, kind: 'apart' }])
    expect(dinner.bill.payerId).toBe(K)
    expect(dinner.bill.items[0]!.owedBy).toEqual([K, C])
    expect(dinner.outcomes).toEqual({
      connectedPairs: [[K, C]],
      secondMeetings: [[C, K]],
      notes: '',
    })
    const lunch = after.gatherings.find((g) => g.id === 'gat2')!
    expect(lunch.seating).toEqual([{ personId: K, table: 1, seat: 1 }])
    expect(lunch.outcomes.connectedPairs).toEqual([[D, K]])

    // Untouched records keep their timestamps; touched ones get a newer one.
    expect(after.contacts.find((c) => c.id === E)!.updatedAt).toBe(AT)
    expect(after.followUps.find((f) => f.id === 'fu2')!.updatedAt).toBe(AT)
    expect(after.followUps.find((f) => f.id === 'fu1')!.updatedAt > AT).toBe(true)
    await store.close()
  })

  it('gives the same store when merged as one of many groups, and undoes to the very start', async () => {
    const sorted = (data: Readonly<StoreData>) =>
      collectionNames.map((name) =>
        [...(data[name] as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id)),
      )
    const one = await openStore(fixture())
    await one.update((tx) => applyMerge(tx, K, R, {}, clock))
    const many = await openStore(fixture())
    // D and E merge too, as another group; C, who names R everywhere, stays.
    const result = await many.update((tx) =>
      applyMergeGroups(
        tx,
        {
          groups: [
            { keepId: K, removeIds: [R] },
            { keepId: D, removeIds: [E] },
          ],
        },
        clock,
      ),
    )
    const withoutE = structuredClone(sorted(many.read()))
    await one.update((tx) => applyMerge(tx, D, E, {}, clock))
    expect(withoutE).toEqual(sorted(one.read()))
    await many.update((tx) => undoMergeGroups(tx, result.undo))
    expect(sorted(many.read())).toEqual(sorted(fixture()))
    await one.close()
    await many.close()
  })

  it('follows the field choice, and refuses a bad one without changing anything', async () => {
    const store = await openStore(fixture())
    await expect(
      store.update((tx) => applyMerge(tx, K, R, { name: 'both' }, clock)),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(store.update((tx) => applyMerge(tx, K, K, {}, clock))).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    await expect(
      store.update((tx) => applyMerge(tx, K, 'nobody', {}, clock)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(counts(store.read())).toEqual(counts(fixture()))

    await store.update((tx) =>
      applyMerge(tx, K, R, { name: 'b', tags: 'a', emails: 'b', tier: 'a' }, clock),
    )
    const merged = store.read().contacts.find((c) => c.id === K)!
    expect(merged.name).toBe('Ada L.')
    expect(merged.tags).toEqual(['math'])
    expect(merged.emails.map((e) => e.value)).toEqual(['ADA@x.org', 'ada@home.org'])
    expect(merged.tier).toBe('outside')
    await store.close()
  })
})

describe('defaultChoice and mergeFields', () => {
  it('prefers a value over an empty one and the kept card on a tie', () => {
    const a = contact('a', { role: '', organization: 'Acme', tier: 'good', archived: true })
    const b = contact('b', {
      role: 'CEO',
      organization: 'Other',
      tier: 'life',
      firstMet: { date: '2020-01-01' },
    })
    const choice = defaultChoice(a, b)
    expect(choice).toMatchObject({
      role: 'b',
      organization: 'a',
      tier: 'a',
      archived: 'b',
      firstMet: 'b',
      name: 'a',
    })
    for (const field of LIST_FIELDS) expect(choice[field]).toBe('both')
    expect(Object.keys(choice).sort()).toEqual([...CONTACT_FIELDS].sort())
  })

  it('takes the earlier first meeting when both have a date', () => {
    const a = contact('a', { firstMet: { date: '2021-05-01', place: 'Paris' } })
    const b = contact('b', { firstMet: { date: '2019-05-01' } })
    expect(mergeFields(a, b).firstMet?.date).toBe('2019-05-01')
    expect(mergeFields(b, a).firstMet?.date).toBe('2019-05-01')
  })

  it('keeps demo only when both cards were demo', () => {
    expect(mergeFields(contact('a', { demo: true }), contact('b', { demo: true })).demo).toBe(true)
    expect(mergeFields(contact('a', { demo: true }), contact('b')).demo).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------
// Property: random small stores

const ID_POOL = ['p-0-x', 'p-1-x', 'p-2-x', 'p-3-x', 'p-4-x', 'p-5-x']

function arbitraryStore(): fc.Arbitrary<{ data: StoreData; keep: string; remove: string }> {
  return fc.integer({ min: 2, max: ID_POOL.length }).chain((n) => {
    const ids = ID_POOL.slice(0, n)
    const id = fc.constantFrom(...ids)
    const some = fc.subarray(ids)
    const pair = fc.tuple(id, id)
    const contactRecord = fc.record({
      tier: fc.constantFrom('life', 'close', 'good', 'outside'),
      role: fc.constantFrom('', 'CTO'),
      emails: fc.subarray(['a@x.org', 'A@x.org', 'b@x.org']),
      tags: fc.subarray(['x', 'X', 'y']),
      introducedById: fc.option(id, { nil: undefined }),
      mutualIds: some,
    })
    return fc
      .record({
        contacts: fc.tuple(...ids.map(() => contactRecord)),
        encounters: fc.array(fc.record({ contactId: id, mentioned: some }), { maxLength: 5 }),
        followUps: fc.array(id, { maxLength: 4 }),
        helps: fc.array(id, { maxLength: 3 }),
        relationships: fc.array(
          fc.record({ ends: pair, kind: fc.constantFrom('knows', 'mentor') }),
          { maxLength: 8 },
        ),
        events: fc.array(
          fc.record({ targets: some, helpers: some, key: some, organisers: some, people: some }),
          { maxLength: 3 },
        ),
        communities: fc.array(fc.record({ members: some, active: some }), { maxLength: 3 }),
        gatherings: fc.array(
          fc.record({
            attendees: some,
            seated: some,
            pairs: fc.array(pair, { maxLength: 4 }),
            apart: fc.array(pair, { maxLength: 2 }),
            payer: id,
            owing: some,
          }),
          { maxLength: 2 },
        ),
        keepAt: fc.nat(n - 1),
        removeOffset: fc.integer({ min: 1, max: n - 1 }),
      })
      .map((r) => {
        const data = emptyStoreData()
        data.contacts = r.contacts.map((fields, i) =>
          contact(ids[i]!, {
            ...fields,
            emails: fields.emails.map((value) => ({ label: '', value })),
          }),
        )
        data.encounters = r.encounters.map((e, i) =>
          encounterSchema.parse({
            ...base(`enc-${i}`),
            contactId: e.contactId,
            at: AT,
            mentions: e.mentioned.map((contactId) => ({ name: 'someone', contactId })),
          }),
        )
        data.followUps = r.followUps.map((contactId, i) =>
          followUpSchema.parse({ ...base(`fu-${i}`), contactId, title: 'Follow up', dueAt: AT }),
        )
        data.helps = r.helps.map((contactId, i) =>
          helpSchema.parse({
            ...base(`help-${i}`),
            contactId,
            direction: 'asked',
            at: AT,
            what: 'w',
          }),
        )
        data.relationships = r.relationships.map((e, i) =>
          relationshipSchema.parse({
            ...base(`rel-${i}`),
            fromId: e.ends[0],
            toId: e.ends[1],
            kind: e.kind,
          }),
        )
        data.events = r.events.map((e, i) =>
          eventSchema.parse({
            ...base(`ev-${i}`),
            name: 'Event',
            startsAt: AT,
            timeZone: 'UTC',
            targets: e.targets.map((contactId, rank) => ({ contactId, rank: rank + 1 })),
            access: { route: 'friend', helperIds: e.helpers },
            keyContactIds: e.key,
            organiser: { organization: 'Org', contactIds: e.organisers },
            people: e.people.map((contactId, p) => ({ id: `p-${p}`, name: 'Person', contactId })),
          }),
        )
        data.communities = r.communities.map((c, i) =>
          communitySchema.parse({
            ...base(`com-${i}`),
            name: 'Community',
            members: c.members.map((contactId) => ({ contactId })),
            activities: [{ id: 'a1', at: AT, kind: 'question', participantIds: c.active }],
          }),
        )
        data.gatherings = r.gatherings.map((g, i) =>
          gatheringSchema.parse({
            ...base(`gat-${i}`),
            title: 'Dinner',
            startsAt: AT,
            timeZone: 'UTC',
            attendees: g.attendees.map((contactId) => ({ contactId })),
            seating: g.seated.map((personId, seat) => ({ personId, table: 1, seat: seat + 1 })),
            constraints: g.apart
              .filter(([a, b]) => a !== b)
              .map(([a, b]) => ({ a, b, kind: 'apart' })),
            bill: {
              mode: 'itemised',
              payerId: g.payer,
              items: g.owing.length > 0 ? [{ id: 'i', amountCents: 1, owedBy: g.owing }] : [],
              settledIds: g.owing,
            },
            outcomes: { connectedPairs: g.pairs, secondMeetings: g.pairs.slice(0, 1) },
          }),
        )
        const keep = ids[r.keepAt]!
        const remove = ids[(r.keepAt + r.removeOffset) % n]!
        return { data, keep, remove }
      })
  })
}

const arbitraryChoice: fc.Arbitrary<FieldChoice> = fc.record(
  Object.fromEntries(
    CONTACT_FIELDS.map((field) => [
      field,
      (LIST_FIELDS as readonly string[]).includes(field)
        ? fc.constantFrom('a' as const, 'b' as const, 'both' as const)
        : fc.constantFrom('a' as const, 'b' as const),
    ]),
  ),
  { requiredKeys: [] },
) as fc.Arbitrary<FieldChoice>

/** What must hold after any merge: no trace of the removed id, and nothing else lost. */
function checkMerge(
  before: StoreData,
  after: Readonly<StoreData>,
  keep: string,
  remove: string,
  outcome: MergeOutcome,
): void {
  expect(referencing(after, remove)).toEqual([])
  const dropped = new Set(outcome.droppedRelationshipIds)
  expect(counts(after)).toEqual({
    ...counts(before),
    contacts: before.contacts.length - 1,
    relationships: before.relationships.length - dropped.size,
  })
  // Every other record is still there, and what named the removed person names the kept one,
  // except for a gathering's pair of the two, which would now pair a person with themselves.
  const naming = new Set(referencing(after, keep))
  const both = (pair: string[]) => pair.every((id) => id === keep || id === remove)
  const withoutOwnPairs: StoreData = {
    ...before,
    gatherings: before.gatherings.map((g) => ({
      ...g,
      constraints: g.constraints.filter((c) => !both([c.a, c.b])),
      outcomes: {
        ...g.outcomes,
        connectedPairs: g.outcomes.connectedPairs.filter((p) => !both(p)),
        secondMeetings: g.outcomes.secondMeetings.filter((p) => !both(p)),
      },
    })),
  }
  for (const ref of referencing(withoutOwnPairs, remove)) {
    const [name, id] = ref.split('/') as [string, string]
    if (name === 'contacts' && id === remove) continue
    if (name === 'relationships' && dropped.has(id)) continue
    expect(naming).toContain(ref)
  }
  // A dropped edge became a loop or a copy of an edge that is still there.
  for (const id of dropped) {
    const r = before.relationships.find((x) => x.id === id)!
    const swap = (x: string) => (x === remove ? keep : x)
    const [fromId, toId] = [swap(r.fromId), swap(r.toId)]
    const copy = after.relationships.some(
      (x) => x.id !== id && x.fromId === fromId && x.toId === toId && x.kind === r.kind,
    )
    expect(fromId === toId || copy).toBe(true)
  }
  const merged = after.contacts.find((c) => c.id === keep)!
  expect(merged.mutualIds).not.toContain(keep)
  expect(merged.introducedById).not.toBe(keep)
}

/**
 * The journaled store's transaction without the files: the same validation (`validateOp`) and
 * the same in-memory application (`StoreState`), so hundreds of random stores stay fast.
 */
function updateInMemory<T>(data: StoreData, build: (tx: StoreTransaction) => T) {
  const state = new StoreState(structuredClone(data))
  const staged: StoreOp[] = []
  const tx: StoreTransaction = {
    data: state.data,
    find: (c, id) => state.find(c, id),
    put: (c, r) => void staged.push({ t: 'put', c, r } as StoreOp),
    remove: (c, id) => void staged.push({ t: 'del', c, id }),
    setSettings: (v) => void staged.push({ t: 'settings', v }),
  }
  const result = build(tx)
  state.apply(staged.map(validateOp))
  return { after: state.data, result }
}

describe('applyMerge on random stores (property)', () => {
  it('leaves no reference to the removed contact and drops only self-loops and copies', () => {
    fc.assert(
      fc.property(arbitraryStore(), arbitraryChoice, ({ data, keep, remove }, choice) => {
        const { after, result } = updateInMemory(data, (tx) =>
          applyMerge(tx, keep, remove, choice, clock),
        )
        checkMerge(data, after, keep, remove, result)
      }),
      { numRuns: 200 },
    )
  })

  it('holds through the real store too', { timeout: 30_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryStore(),
        arbitraryChoice,
        async ({ data, keep, remove }, choice) => {
          const store = await openStore(data)
          try {
            const outcome = await store.update((tx) => applyMerge(tx, keep, remove, choice, clock))
            checkMerge(data, store.read(), keep, remove, outcome)
          } finally {
            await store.close()
          }
        },
      ),
      { numRuns: 8 },
    )
  })
})
