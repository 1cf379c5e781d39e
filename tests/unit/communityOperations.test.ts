import { describe, expect, it } from 'vitest'
import type { Clock } from '../../src/main/core/clock'
import { updateGathering } from '../../src/main/core/communities/operations/gatherings'
import { recordOutcomes } from '../../src/main/core/communities/operations/outcomes'
import { openJournaledStore } from '../../src/main/core/store/journaledStore'
import {
  contract,
  type InputOf,
  type OperationName,
  type ParsedInputOf,
} from '../../src/shared/contract'
import {
  contactSchema,
  emptyStoreData,
  gatheringSchema,
  ME_ID,
  type Language,
  type StoreData,
} from '../../src/shared/model'
import { tempDir } from './helpers'

// Each operation module is called on its own: a store, a clock and the parsed input, no core.
const AT = '2026-12-01T08:00:00.000Z'
const clock: Clock = { now: () => new Date('2026-12-02T10:00:00.000Z') }
const stamps = { createdAt: AT, updatedAt: AT }

const guests = ['ada', 'grace', 'alan'].map((id) =>
  contactSchema.parse({ id, name: id[0]!.toUpperCase() + id.slice(1), ...stamps }),
)
const dinner = gatheringSchema.parse({
  id: 'dinner',
  title: 'Winter dinner',
  startsAt: '2026-12-10T11:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  attendees: guests.map((g) => ({ contactId: g.id, rsvp: 'yes' })),
  tables: [{ shape: 'long', seatsPerSide: 2 }],
  seating: [
    { personId: ME_ID, table: 1, seat: 1 },
    { personId: 'ada', table: 1, seat: 2 },
    { personId: 'grace', table: 1, seat: 3 },
    { personId: 'alan', table: 1, seat: 4 },
  ],
  bill: { mode: 'equal', totalCents: 40_000 },
  ...stamps,
})

/** The input as the contract hands it to the handler: validated, defaults applied. */
const parsed = <N extends OperationName>(name: N, input: InputOf<N>) =>
  contract[name].input.parse(input) as ParsedInputOf<N>

async function storeWith(records: Partial<StoreData>) {
  const store = await openJournaledStore({
    dir: await tempDir(),
    holder: 'test',
    initialData: () => ({ ...emptyStoreData(), ...structuredClone(records) }),
    backups: false,
    watchIntervalMs: 0,
  })
  await store.ready()
  return store
}

describe('updating a gathering on its own', () => {
  it('frees the seat of a guest who declines and leaves them out of the bill', async () => {
    const store = await storeWith({ contacts: guests, gatherings: [dinner] })
    const attendees = [
      { contactId: 'ada', rsvp: 'yes' as const },
      { contactId: 'grace', rsvp: 'no' as const },
      { contactId: 'alan', rsvp: 'yes' as const },
    ]
    const view = await updateGathering(
      { store, clock },
      parsed('gatherings.update', { id: 'dinner', patch: { attendees } }),
    )

    const saved = store.find('gatherings', 'dinner')!
    expect(saved.seating.map((s) => s.personId)).toEqual([ME_ID, 'ada', 'alan'])
    expect(saved.attendees).toEqual(attendees)
    expect(view.seating.unseated).toEqual([])
    expect(view.bill.shares.map((s) => [s.personId, s.shareCents])).toEqual([
      [ME_ID, 13_334],
      ['ada', 13_333],
      ['alan', 13_333],
    ])
  })

  it('refuses a guest who is not a contact and leaves the gathering as it was', async () => {
    const store = await storeWith({ contacts: guests, gatherings: [dinner] })
    await expect(
      updateGathering(
        { store, clock },
        parsed('gatherings.update', {
          id: 'dinner',
          patch: { attendees: [{ contactId: 'nobody', rsvp: 'yes' }] },
        }),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(store.find('gatherings', 'dinner')).toEqual(dinner)
  })
})

describe('recording what came of a gathering on its own', () => {
  const record = async (language: Language) => {
    const store = await storeWith({ contacts: guests, gatherings: [dinner] })
    const deps = { store, clock, language: () => language }
    const input = parsed('gatherings.recordOutcomes', {
      id: 'dinner',
      connectedPairs: [['ada', 'grace']],
      secondMeetings: [[ME_ID, 'alan']],
      notes: '',
    })
    await recordOutcomes(deps, input)
    // Recorded again (an edit of the notes, say): nothing is made twice.
    await recordOutcomes(deps, input)
    return store.read()
  }

  it('makes one relationship for guests who connected and a second-meeting follow-up a week on', async () => {
    const data = await record('en')
    expect(data.relationships).toHaveLength(1)
    expect(data.relationships[0]).toMatchObject({
      fromId: 'ada',
      toId: 'grace',
      kind: 'knows',
      note: 'Met at Winter dinner',
    })
    expect(data.followUps).toHaveLength(1)
    expect(data.followUps[0]).toMatchObject({
      contactId: 'alan',
      title: 'Second meeting with Alan',
      reason: 'secondMeeting',
      dueAt: '2026-12-17T11:00:00.000Z',
    })
  })

  it('writes the note and the follow-up in Chinese when the interface is in Chinese', async () => {
    const data = await record('zh-CN')
    expect(data.relationships[0]?.note).toBe('在「Winter dinner」上认识')
    expect(data.followUps[0]?.title).toBe('和Alan第二次见面')
  })
})
