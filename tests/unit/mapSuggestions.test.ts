import { describe, expect, it } from 'vitest'
import { suggestIntroductions } from '../../src/main/core/map/introductions'
import { networkBalance } from '../../src/main/core/map/balance'
import { NetworkGraph } from '../../src/main/core/map/networkGraph'
import { followUpSchema, type StoreData } from '../../src/shared/model'
import { community, knows, person, storeWith } from './mapFixtures'

function suggest(data: StoreData) {
  const network = new NetworkGraph()
  network.sync(data)
  return suggestIntroductions(network, data, 20)
}

const founders = () =>
  storeWith({
    contacts: [
      person('li', {
        tier: 'close',
        ecosystem: 'finance',
        role: 'Founder',
        interests: ['badminton'],
      }),
      person('wu', {
        tier: 'good',
        ecosystem: 'finance',
        role: 'founder',
        interests: ['Badminton'],
      }),
      person('kim', { tier: 'good', ecosystem: 'finance', tags: ['fintech'] }),
      person('max', { tier: 'close', ecosystem: 'media', tags: ['fintech'] }),
      person('far', { tier: 'outside', ecosystem: 'finance', role: 'Founder' }),
    ],
    communities: [community('club', ['li', 'wu'], 'Badminton club')],
  })

describe('introduction suggestions', () => {
  it('ranks the pair with the most in common first and says why', () => {
    const [first] = suggest(founders())
    expect([first!.a.id, first!.b.id].sort()).toEqual(['li', 'wu'])
    expect(first!.reasons).toEqual([
      { kind: 'ecosystem', ecosystem: 'finance', role: 'Founder' },
      { kind: 'community', name: 'Badminton club' },
      { kind: 'interest', value: 'badminton' },
    ])
    expect(first!.planned).toBe(false)
  })

  it('leaves out people outside my circle, pairs already linked and pairs with too little in common', () => {
    const data = founders()
    const pairs = suggest(data).map((s) => [s.a.id, s.b.id].sort().join('+'))
    expect(pairs).not.toContain('far+li')
    // Sharing only a tag is not enough.
    expect(pairs).not.toContain('kim+max')
    const linked = { ...data, relationships: [knows('r', 'wu', 'li')] }
    expect(suggest(linked).map((s) => [s.a.id, s.b.id].sort().join('+'))).not.toContain('li+wu')
  })

  it('marks a pair planned once an open follow-up names the other, and puts it last', () => {
    const data = founders()
    const at = '2026-01-10T09:00:00.000Z'
    const planned = {
      ...data,
      followUps: [
        followUpSchema.parse({
          id: 'f',
          createdAt: at,
          updatedAt: at,
          contactId: 'wu',
          title: 'Introduce WU to LI',
          dueAt: at,
        }),
      ],
    }
    const list = suggest(planned)
    const pair = list.find((s) => [s.a.id, s.b.id].sort().join('+') === 'li+wu')!
    expect(pair.planned).toBe(true)
    expect(list.at(-1)).toBe(pair)
  })
})

describe('network balance', () => {
  it('counts the circle per ecosystem and points at the thin ones', () => {
    const data = storeWith({
      contacts: [
        ...Array.from({ length: 4 }, (_, i) =>
          person(`w${i}`, { tier: 'good', ecosystem: 'work' }),
        ),
        person('m', { tier: 'close', ecosystem: 'media' }),
        person('o', { tier: 'outside', ecosystem: 'media' }),
        person('x', { tier: 'life' }),
      ],
    })
    const balance = networkBalance(data)
    const of = (e: string) => balance.ecosystems.find((b) => b.ecosystem === e)!
    expect(of('work')).toEqual({ ecosystem: 'work', circle: 4, all: 4, thin: false })
    expect(of('media')).toEqual({ ecosystem: 'media', circle: 1, all: 2, thin: true })
    expect(of('government').thin).toBe(true)
    expect(balance.unsorted).toBe(1)
    expect(balance.tiers.find((t) => t.tier === 'life')).toMatchObject({
      count: 1,
      status: 'under',
    })
  })
})
