import { describe, expect, it } from 'vitest'
import { clustersOf } from '../../src/main/core/map/clusters'
import { importanceOf } from '../../src/main/core/map/importance'
import { NetworkGraph } from '../../src/main/core/map/networkGraph'
import { reachPath } from '../../src/main/core/map/reachPath'
import type { StoreData } from '../../src/shared/model'
import { community, event, knows, met, person, storeWith } from './mapFixtures'

/** Every edge as "a|b:kinds", sorted, so two graphs can be compared as plain lists. */
function edgesOf(network: NetworkGraph): string[] {
  const list: string[] = []
  network.graph.forEachEdge((_k, a, s, t) => {
    const [x, y] = s < t ? [s, t] : [t, s]
    list.push(`${x}|${y}:${a.kinds.join(',')}`)
  })
  return list.sort()
}

function built(data: StoreData): NetworkGraph {
  const network = new NetworkGraph()
  network.sync(data)
  return network
}

const sample = (): StoreData =>
  storeWith({
    contacts: [
      person('ana', { tier: 'close' }),
      person('bo', { introducedById: 'ana' }),
      person('cy', { mutualIds: ['bo'] }),
      person('old', { archived: true }),
    ],
    relationships: [knows('r1', 'ana', 'cy', 'colleague'), knows('r2', 'ana', 'old')],
    encounters: [
      met('e1', 'ana', {
        eventId: 'summit',
        mentions: [{ name: 'Bo', contactId: 'bo', direction: 'iShouldMeet' }],
      }),
    ],
    events: [event('summit', { organiser: { organization: '', contactIds: ['cy'] } })],
    communities: [community('club', ['bo', 'cy'])],
  })

describe('the network graph', () => {
  it('has me, active contacts, events and communities, linked by every kind of tie', () => {
    const network = built(sample())
    expect(network.graph.nodes().sort()).toEqual(
      ['community:club', 'contact:ana', 'contact:bo', 'contact:cy', 'event:summit', 'me'].sort(),
    )
    expect(edgesOf(network)).toEqual(
      [
        'community:club|contact:bo:member',
        'community:club|contact:cy:member',
        'contact:ana|contact:bo:introduced,mentioned',
        'contact:ana|contact:cy:knows',
        'contact:ana|event:summit:attended',
        'contact:ana|me:met',
        'contact:bo|contact:cy:knows',
        'contact:cy|event:summit:attended',
      ].sort(),
    )
    expect(network.mentionsOf('contact:bo')).toBe(1)
  })

  it('patches itself on change and ends up exactly as a fresh build', () => {
    const data = sample()
    const network = built(data)
    const version = network.version

    // Unarchive one, delete a relationship, drop a member, add a contact linked to a new one.
    const next: StoreData = {
      ...data,
      contacts: [
        ...data.contacts.map((c) => (c.id === 'old' ? { ...c, archived: false } : c)),
        person('dee', { mutualIds: ['eve'] }),
      ],
      relationships: data.relationships.filter((r) => r.id !== 'r1'),
      communities: [community('club', ['bo'])],
    }
    expect(network.sync(next)).toBe(4)
    expect(network.version).toBe(version + 1)
    expect(edgesOf(network)).toEqual(edgesOf(built(next)))
    expect(edgesOf(network)).toContain('contact:ana|contact:old:knows')
    expect(edgesOf(network)).not.toContain('contact:ana|contact:cy:knows')
    // The link to "eve" waits for her card, then appears.
    expect(network.graph.hasNode('contact:eve')).toBe(false)
    const withEve = { ...next, contacts: [...next.contacts, person('eve')] }
    expect(network.sync(withEve)).toBe(1)
    expect(network.graph.hasEdge('contact:dee', 'contact:eve')).toBe(true)
    // Nothing changed, nothing done.
    expect(network.sync(withEve)).toBe(0)
  })

  it('removes a deleted contact with its edges and its mentions', () => {
    const data = sample()
    const network = built(data)
    const without = {
      ...data,
      contacts: data.contacts.filter((c) => c.id !== 'bo'),
      encounters: [],
    }
    network.sync(without)
    expect(network.graph.hasNode('contact:bo')).toBe(false)
    expect(network.mentionsOf('contact:bo')).toBe(0)
    expect(edgesOf(network)).toEqual(edgesOf(built(without)))
  })
})

describe('importance and clusters', () => {
  it('ranks the person everyone names and knows above the rest', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'hub']
    const data = storeWith({
      contacts: ids.map((id) => person(id)),
      relationships: ['a', 'b', 'c', 'd'].map((id) => knows(`r-${id}`, id, 'hub')),
      encounters: ['a', 'b', 'c'].map((id) =>
        met(`m-${id}`, id, {
          mentions: [{ name: 'Hub', contactId: 'hub', direction: 'iShouldMeet' }],
        }),
      ),
    })
    const importance = importanceOf(built(data))
    const hub = importance.get('contact:hub')!
    expect(hub.mentions).toBe(3)
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      expect(importance.get(`contact:${id}`)!.score).toBeLessThan(hub.score)
    }
    expect(importance.get('contact:e')!.score).toBe(0)
  })

  it('finds two groups of friends as two clusters, the larger first', () => {
    const group = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${i}`)
    const left = group('l', 5)
    const right = group('r', 4)
    const clique = (ids: string[]) =>
      ids.flatMap((a, i) => ids.slice(i + 1).map((b) => knows(`${a}-${b}`, a, b)))
    const data = storeWith({
      contacts: [...left, ...right, 'loner'].map((id) => person(id)),
      relationships: [...clique(left), ...clique(right), knows('bridge', 'l0', 'r0')],
    })
    const { cluster, count } = clustersOf(built(data))
    expect(count).toBe(2)
    expect(new Set(left.map((id) => cluster.get(`contact:${id}`)))).toEqual(new Set([0]))
    expect(new Set(right.map((id) => cluster.get(`contact:${id}`)))).toEqual(new Set([1]))
    expect(cluster.get('contact:loner')).toBe(-1)
  })
})

describe('how do I reach X', () => {
  const chain = storeWith({
    contacts: [
      person('friend', { tier: 'close' }),
      person('acq'),
      person('far'),
      person('stranger'),
      person('roomie'),
    ],
    relationships: [knows('r1', 'friend', 'acq'), knows('r2', 'acq', 'far')],
    events: [event('party', { organiser: { organization: '', contactIds: ['friend', 'roomie'] } })],
  })

  it('goes through people I know, starting from my circle', () => {
    expect(reachPath(built(chain), 'contact:far')).toEqual([
      'me',
      'contact:friend',
      'contact:acq',
      'contact:far',
    ])
  })

  it('never counts sharing an event as knowing someone', () => {
    expect(reachPath(built(chain), 'contact:roomie')).toEqual([])
    expect(reachPath(built(chain), 'contact:stranger')).toEqual([])
  })

  it('prefers the chain through someone I have met', () => {
    const data = {
      ...chain,
      encounters: [met('m1', 'acq')],
    }
    expect(reachPath(built(data), 'contact:far')).toEqual(['me', 'contact:acq', 'contact:far'])
  })
})
