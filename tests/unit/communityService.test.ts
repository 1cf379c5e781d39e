import { describe, expect, it } from 'vitest'
import type {
  CommunitySummary,
  GatheringView,
} from '../../src/shared/communities/communityOperations'
import type { Community, Contact, FollowUp, Gathering } from '../../src/shared/model'
import { call, quietCore } from './helpers'

const now = new Date('2026-12-01T10:00:00.000Z')

async function setUp(guests: number) {
  const c = await quietCore({ clock: { now: () => now } })
  const people: Contact[] = []
  for (let i = 0; i < guests; i++) {
    people.push(
      await call<Contact>(c, 'contacts.create', {
        name: `Guest ${i + 1}`,
        interests: i % 2 === 0 ? ['climbing'] : ['jazz'],
      }),
    )
  }
  const community = await call<Community>(c, 'communities.create', {
    name: 'Climbers who code',
    role: 'owner',
    theme: 'Software people in Shanghai who climb on weekends',
    members: people.map((p) => ({ contactId: p.id })),
  })
  const gathering = await call<Gathering>(c, 'gatherings.create', {
    communityId: community.id,
    title: 'Winter dinner',
    startsAt: '2026-12-10T11:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    inviteMembers: true,
  })
  return { c, people, community, gathering }
}

describe('communities and gatherings through the contract', () => {
  it('creates a community, lists it with a health check, owners first', async () => {
    const { c, community } = await setUp(3)
    await call(c, 'communities.create', { name: 'Alumni', role: 'member' })
    const summaries = await call<CommunitySummary[]>(c, 'communities.summaries', {})
    expect(summaries.map((s) => s.community.name)).toEqual(['Climbers who code', 'Alumni'])
    expect(summaries[0]).toMatchObject({ community: { id: community.id }, gatherings: 1 })
    expect(summaries[0]?.health.theme.status).toBe('good')
  })

  it('invites the members, plans seating for 14 with everyone seated once and me in the middle', async () => {
    const { c, gathering, people } = await setUp(14)
    expect(gathering.attendees).toHaveLength(14)
    const view = await call<GatheringView>(c, 'gatherings.planSeating', { id: gathering.id })
    const seated = view.gathering.seating.map((s) => s.personId)
    expect(new Set(seated).size).toBe(15)
    expect(seated.sort()).toEqual(['me', ...people.map((p) => p.id)].sort())
    expect(view.gathering.seating).toContainEqual({ personId: 'me', table: 1, seat: 4 })
    expect(view.seating.unseated).toEqual([])
    // Strangers are worth 2, plus 1 for the community they share and 1 for a shared interest;
    // sitting by me is worth 1.
    expect(new Set(view.seating.pairs.map((p) => p.value))).toEqual(new Set([1, 3, 4]))
    expect(view.seating.score).toBe(view.seating.pairs.reduce((s, p) => s + p.value, 0))
  })

  it('swaps two seats, and swapping back restores the plan', async () => {
    const { c, gathering } = await setUp(6)
    const planned = await call<GatheringView>(c, 'gatherings.planSeating', { id: gathering.id })
    const at = (v: GatheringView, seat: number) =>
      v.gathering.seating.find((s) => s.table === 1 && s.seat === seat)?.personId
    const swapped = await call<GatheringView>(c, 'gatherings.swapSeats', {
      id: gathering.id,
      from: { table: 1, seat: 1 },
      to: { table: 1, seat: 9 },
    })
    expect(at(swapped, 9)).toBe(at(planned, 1))
    expect(at(swapped, 1)).toBe(at(planned, 9))
    const back = await call<GatheringView>(c, 'gatherings.swapSeats', {
      id: gathering.id,
      from: { table: 1, seat: 9 },
      to: { table: 1, seat: 1 },
    })
    expect(back.seating.score).toBe(planned.seating.score)
    await expect(
      call(c, 'gatherings.swapSeats', {
        id: gathering.id,
        from: { table: 1, seat: 17 },
        to: { table: 1, seat: 1 },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('turns connected pairs into relationships and second meetings into follow-ups, once', async () => {
    const { c, gathering, people } = await setUp(4)
    const [a, b, d] = people.map((p) => p.id)
    const input = {
      id: gathering.id,
      connectedPairs: [
        [a, b],
        [b, a],
        [a, d],
      ],
      secondMeetings: [['me', d]],
      notes: 'B said: look, this might interest you',
    }
    await call(c, 'gatherings.recordOutcomes', input)
    const view = await call<GatheringView>(c, 'gatherings.recordOutcomes', input)
    expect(view.gathering.outcomes.connectedPairs).toHaveLength(2)
    const cardA = await call<{ relationships: { otherId: string }[] }>(c, 'contacts.card', {
      id: a,
    })
    expect(cardA.relationships.map((r) => r.otherId).sort()).toEqual([b, d].sort())
    const cardB = await call<{ relationships: { otherId: string }[] }>(c, 'contacts.card', {
      id: b,
    })
    expect(cardB.relationships.map((r) => r.otherId)).toEqual([a])
    const queue = await call<{ upcoming: FollowUp[] }>(c, 'followUps.queue', {})
    expect(queue.upcoming.filter((f) => f.reason === 'secondMeeting')).toHaveLength(1)
    expect(queue.upcoming[0]).toMatchObject({ contactId: d, dueAt: '2026-12-17T11:00:00.000Z' })
    // The dinner has not happened yet, so there is no success share to show.
    expect(view.connectionShare).toBeNull()
    const yes = await call<GatheringView>(c, 'gatherings.update', {
      id: gathering.id,
      patch: {
        startsAt: '2026-11-28T11:00:00.000Z',
        attendees: people.map((p) => ({ contactId: p.id, rsvp: 'yes' })),
      },
    })
    // a, b and d made a new connection; the fourth guest did not.
    expect(yes.connectionShare).toBe(0.75)
  })

  it('refuses bad input with a specific error and changes nothing', async () => {
    const { c, gathering, people } = await setUp(2)
    const before = await call<GatheringView>(c, 'gatherings.view', { id: gathering.id })
    await expect(
      call(c, 'gatherings.update', { id: gathering.id, patch: { timeZone: 'Mars/Olympus' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Mars/Olympus'),
    })
    await expect(
      call(c, 'gatherings.recordOutcomes', {
        id: gathering.id,
        connectedPairs: [[people[0]!.id, 'stranger']],
        secondMeetings: [],
        notes: '',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(
      call(c, 'gatherings.update', {
        id: gathering.id,
        patch: { bill: { mode: 'equal', totalCents: 100, payerId: 'stranger' } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(
      call(c, 'communities.create', { name: 'X', members: [{ contactId: 'nobody' }] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(
      call(c, 'gatherings.update', {
        id: gathering.id,
        patch: { tables: [{ shape: 'long', seatsPerSide: 1 }] },
      }),
    ).resolves.toMatchObject({ sizeNotes: [{ kind: 'notEnoughSeats', people: 3, seats: 2 }] })
    await expect(call(c, 'gatherings.planSeating', { id: gathering.id })).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    const after = await call<GatheringView>(c, 'gatherings.view', { id: gathering.id })
    expect(after.gathering.outcomes).toEqual(before.gathering.outcomes)
    expect(after.gathering.timeZone).toBe('Asia/Shanghai')
    expect(after.gathering.seating).toEqual([])
  })

  it('counts the host in the limit of 15 people at the table', async () => {
    const fifteen = await setUp(15)
    let view = await call<GatheringView>(fifteen.c, 'gatherings.view', { id: fifteen.gathering.id })
    expect(view.sizeNotes).toContainEqual({ kind: 'tooMany', people: 16 })
    const fourteen = await setUp(14)
    view = await call<GatheringView>(fourteen.c, 'gatherings.view', { id: fourteen.gathering.id })
    expect(view.sizeNotes.filter((n) => n.kind === 'tooMany')).toEqual([])
  })

  it('gives a gathering three hours unless told otherwise, and refuses an impossible length', async () => {
    const { c, gathering } = await setUp(2)
    expect(gathering.durationMinutes).toBe(180)
    const view = await call<GatheringView>(c, 'gatherings.update', {
      id: gathering.id,
      patch: { durationMinutes: 150 },
    })
    expect(view.gathering.durationMinutes).toBe(150)
    await expect(
      call(c, 'gatherings.update', { id: gathering.id, patch: { durationMinutes: 5 } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('frees a seat as soon as its guest declines', async () => {
    const { c, gathering, people } = await setUp(6)
    await call(c, 'gatherings.update', {
      id: gathering.id,
      patch: { tables: [{ shape: 'long', seatsPerSide: 4 }] },
    })
    let view = await call<GatheringView>(c, 'gatherings.planSeating', { id: gathering.id })
    expect(view.gathering.seating.map((s) => s.personId)).toContain(people[2]!.id)
    view = await call<GatheringView>(c, 'gatherings.update', {
      id: gathering.id,
      patch: {
        attendees: view.gathering.attendees.map((a) =>
          a.contactId === people[2]!.id ? { ...a, rsvp: 'no' as const } : a,
        ),
      },
    })
    expect(view.gathering.seating.map((s) => s.personId)).not.toContain(people[2]!.id)
    expect(view.gathering.seating).toHaveLength(6)
  })

  it('splits an equal bill among everyone expected, not only those who said yes', async () => {
    const { c, gathering, people } = await setUp(3)
    const view = await call<GatheringView>(c, 'gatherings.update', {
      id: gathering.id,
      patch: {
        attendees: [
          { contactId: people[0]!.id, rsvp: 'yes' },
          { contactId: people[1]!.id, rsvp: 'invited' },
          { contactId: people[2]!.id, rsvp: 'no' },
        ],
        bill: { mode: 'equal', totalCents: 9_000, payerId: people[1]!.id },
      },
    })
    expect(view.bill.shares.map((s) => [s.personId, s.shareCents, s.owesCents])).toEqual([
      ['me', 3000, 3000],
      [people[0]!.id, 3000, 3000],
      [people[1]!.id, 3000, 0],
    ])
  })

  it('warns above 15 people and about a single round table, and splits the bill to the cent', async () => {
    const { c, gathering, people } = await setUp(16)
    let view = await call<GatheringView>(c, 'gatherings.view', { id: gathering.id })
    expect(view.sizeNotes).toContainEqual({ kind: 'tooMany', people: 17 })
    view = await call<GatheringView>(c, 'gatherings.update', {
      id: gathering.id,
      patch: {
        attendees: people.slice(0, 2).map((p) => ({ contactId: p.id, rsvp: 'yes' })),
        tables: [{ shape: 'round', seats: 8 }],
        bill: { mode: 'equal', totalCents: 10_000, payerId: 'me' },
      },
    })
    expect(view.sizeNotes).toEqual([{ kind: 'singleRoundTable' }])
    expect(view.bill.shares.map((s) => [s.shareCents, s.owesCents])).toEqual([
      [3334, 0],
      [3333, 3333],
      [3333, 3333],
    ])
  })

  it('splits 16 guests over two dates, eight each, in one change', async () => {
    const { c, gathering, people } = await setUp(16)
    await call(c, 'gatherings.update', {
      id: gathering.id,
      patch: {
        tables: [{ shape: 'long', seatsPerSide: 9 }],
        constraints: [
          { a: people[0]!.id, b: people[15]!.id, kind: 'apart' },
          { a: people[14]!.id, b: people[15]!.id, kind: 'together' },
        ],
      },
    })
    await call(c, 'gatherings.planSeating', { id: gathering.id })
    const { kept, created } = await call<{ kept: Gathering; created: Gathering }>(
      c,
      'gatherings.splitIntoTwoDates',
      { id: gathering.id, startsAt: '2026-12-17T11:00:00.000Z' },
    )
    expect(kept.attendees.map((a) => a.contactId)).toEqual(people.slice(0, 8).map((p) => p.id))
    expect(created.attendees.map((a) => a.contactId)).toEqual(people.slice(8).map((p) => p.id))
    expect(created).toMatchObject({
      communityId: gathering.communityId,
      startsAt: '2026-12-17T11:00:00.000Z',
      seating: [],
    })
    expect(kept.seating.map((s) => s.personId).sort()).toEqual(
      ['me', ...people.slice(0, 8).map((p) => p.id)].sort(),
    )
    expect(kept.constraints).toEqual([])
    expect(created.constraints).toEqual([
      { a: people[14]!.id, b: people[15]!.id, kind: 'together' },
    ])
    const views = await Promise.all(
      [kept, created].map((g) => call<GatheringView>(c, 'gatherings.view', { id: g.id })),
    )
    expect(views.map((v) => v.sizeNotes)).toEqual([[], []])
  })
})
