import Graph from 'graphology'
import type { MapEdgeKind, MapNodeKind } from '../../../shared/map/mapOperations'
import type {
  Community,
  Contact,
  Ecosystem,
  Encounter,
  RapportEvent,
  Relationship,
  StoreData,
  Tier,
} from '../../../shared/model'

export const ME_KEY = 'me'
export const contactKey = (id: string): string => `contact:${id}`
export const eventKey = (id: string): string => `event:${id}`
export const communityKey = (id: string): string => `community:${id}`

export interface NodeAttributes {
  kind: MapNodeKind
  label: string
  tier?: Tier
  ecosystem?: Ecosystem
  tags?: string[]
  interests?: string[]
  role?: string
}

export interface EdgeAttributes {
  kinds: MapEdgeKind[]
}

export type NetworkGraphology = Graph<NodeAttributes, EdgeAttributes>

/** What one stored record puts into the graph; replaced whole when the record changes. */
interface Contribution {
  node?: { key: string; attributes: NodeAttributes }
  /** Flat triples (a, b, kind): one array per record, not one object per link. */
  links: string[]
  /** Node keys this record names as "you should meet". */
  mentions: string[]
}

/** Edge kinds in sorted order: an edge's `kinds` list is always in this order. */
const KINDS: readonly MapEdgeKind[] = [
  'attended',
  'introduced',
  'knows',
  'member',
  'mentioned',
  'met',
]
const KIND_INDEX = new Map(KINDS.map((k, i) => [k, i]))

/** Every edge ever asked for, with how many records ask for each kind of it. */
interface Link {
  a: string
  b: string
  /** Per kind (in KINDS order), how many records ask for it. */
  counts: number[]
  /** How many kinds have a count above zero. */
  kindCount: number
  /** Whether the edge is in the graph now (both ends exist). */
  drawn: boolean
}

const NO_MENTIONS: string[] = []

type Source = 'contacts' | 'relationships' | 'encounters' | 'events' | 'communities'
const SOURCES: readonly Source[] = [
  'contacts',
  'events',
  'communities',
  'relationships',
  'encounters',
]

const linkKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`)

function contactContribution(c: Contact): Contribution | null {
  // Archived people have left the circle: the map shows the network as it is now.
  if (c.archived) return null
  const key = contactKey(c.id)
  const links: string[] = []
  if (c.introducedById) links.push(contactKey(c.introducedById), key, 'introduced')
  for (const id of c.mutualIds) links.push(contactKey(id), key, 'knows')
  return {
    node: {
      key,
      attributes: {
        kind: 'contact',
        label: c.name,
        tier: c.tier,
        ...(c.ecosystem ? { ecosystem: c.ecosystem } : {}),
        tags: c.tags,
        interests: c.interests,
        role: c.role,
      },
    },
    links,
    mentions: NO_MENTIONS,
  }
}

function relationshipContribution(r: Relationship): Contribution {
  const kind: MapEdgeKind = r.kind === 'introduced' ? 'introduced' : 'knows'
  return { links: [contactKey(r.fromId), contactKey(r.toId), kind], mentions: NO_MENTIONS }
}

function encounterContribution(e: Encounter): Contribution {
  const key = contactKey(e.contactId)
  const links: string[] = [ME_KEY, key, 'met']
  if (e.eventId) links.push(key, eventKey(e.eventId), 'attended')
  let mentions = NO_MENTIONS
  for (const m of e.mentions) {
    if (!m.contactId) continue
    if (mentions === NO_MENTIONS) mentions = []
    mentions.push(contactKey(m.contactId))
    // Whoever named them knows them: that is a path worth drawing.
    links.push(key, contactKey(m.contactId), 'mentioned')
  }
  return { links, mentions }
}

function eventContribution(e: RapportEvent): Contribution {
  const key = eventKey(e.id)
  const people = new Set<string>()
  for (const p of e.people) if (p.contactId) people.add(p.contactId)
  for (const id of e.organiser.contactIds) people.add(id)
  const links: string[] = []
  for (const id of people) links.push(contactKey(id), key, 'attended')
  return {
    node: { key, attributes: { kind: 'event', label: e.name } },
    links,
    mentions: NO_MENTIONS,
  }
}

function communityContribution(c: Community): Contribution {
  const key = communityKey(c.id)
  const links: string[] = []
  for (const m of c.members) links.push(contactKey(m.contactId), key, 'member')
  return {
    node: { key, attributes: { kind: 'community', label: c.name } },
    links,
    mentions: NO_MENTIONS,
  }
}

function contributionOf(source: Source, record: unknown): Contribution | null {
  switch (source) {
    case 'contacts':
      return contactContribution(record as Contact)
    case 'relationships':
      return relationshipContribution(record as Relationship)
    case 'encounters':
      return encounterContribution(record as Encounter)
    case 'events':
      return eventContribution(record as RapportEvent)
    case 'communities':
      return communityContribution(record as Community)
  }
}

/**
 * The network as a graphology graph, kept in step with the store. `sync` compares each record
 * with the one seen last time (the store replaces a record object on every change, so identity
 * says whether it changed) and patches only what the changed records contributed; nothing is
 * rebuilt. Links whose other end does not exist (yet) wait until it does.
 */
export class NetworkGraph {
  readonly graph: NetworkGraphology = new Graph({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  })
  /** Goes up whenever `sync` changed something. */
  version = 0
  /** Per source, each record seen last time and what it put into the graph. */
  private readonly seen = new Map<
    Source,
    Map<string, { record: unknown; gave: Contribution | null }>
  >(SOURCES.map((s) => [s, new Map()]))
  /** Links by their two ends, the smaller key first: no joined key string per lookup. */
  private readonly links = new Map<string, Map<string, Link>>()
  /** Per node key, the links that name it (drawn or waiting for the other end). */
  private readonly incident = new Map<string, Link[]>()
  private readonly mentionCounts = new Map<string, number>()
  private meName: string | undefined
  /** Which sync is the latest: an older one still in slices stops. */
  private generation = 0
  /** Changes made since the version last went up. */
  private unversioned = 0

  constructor() {
    this.graph.addNode(ME_KEY, { kind: 'me', label: '' })
  }

  /** Brings the graph up to date with `data`; returns how many records changed. */
  sync(data: Readonly<StoreData>): number {
    const steps = this.syncSteps(data, Infinity)
    let step = steps.next()
    while (!step.done) step = steps.next()
    return step.value
  }

  /**
   * `sync` in slices: pauses after every `slice` changed records, so the caller can let other
   * work run in between. A `sync` (or another `syncSteps`) started meanwhile brings the graph up
   * to date itself, and this one then stops where it is.
   */
  *syncSteps(data: Readonly<StoreData>, slice: number): Generator<void, number> {
    const generation = ++this.generation
    let changed = 0
    let sinceYield = 0
    if (data.settings.me.name !== this.meName) {
      this.meName = data.settings.me.name
      this.graph.setNodeAttribute(ME_KEY, 'label', this.meName)
      this.unversioned++
      changed++
    }
    for (const source of SOURCES) {
      const seen = this.seen.get(source)!
      const records = data[source] as readonly { id: string }[]
      for (const record of records) {
        const before = seen.get(record.id)
        if (before?.record === record) continue
        const gave = contributionOf(source, record)
        this.replace(before?.gave ?? null, gave)
        seen.set(record.id, { record, gave })
        this.unversioned++
        changed++
        if (++sinceYield >= slice) {
          sinceYield = 0
          yield
          if (generation !== this.generation) return this.settle(changed)
        }
      }
      // Ids are unique, so only when more were seen than are there now did some go.
      if (seen.size > records.length) {
        const present = new Set(records.map((r) => r.id))
        for (const [id, before] of seen) {
          if (present.has(id)) continue
          seen.delete(id)
          this.replace(before.gave, null)
          this.unversioned++
          changed++
        }
      }
    }
    return this.settle(changed)
  }

  /** The version goes up once for every sync that changed something, even one cut short. */
  private settle(changed: number): number {
    if (this.unversioned > 0) {
      this.version++
      this.unversioned = 0
    }
    return changed
  }

  mentionsOf(key: string): number {
    return this.mentionCounts.get(key) ?? 0
  }

  private replace(previous: Contribution | null, next: Contribution | null): void {
    if (previous) {
      const l = previous.links
      for (let i = 0; i < l.length; i += 3) this.unlink(l[i]!, l[i + 1]!, l[i + 2] as MapEdgeKind)
      for (const m of previous.mentions) this.mentionCounts.set(m, this.mentionsOf(m) - 1)
      if (previous.node && previous.node.key !== next?.node?.key) {
        const key = previous.node.key
        if (this.graph.hasNode(key)) {
          this.graph.dropNode(key)
          // Its edges went with it; they come back if the node does.
          for (const link of this.incident.get(key) ?? []) link.drawn = false
        }
      }
    }
    if (!next) return
    if (next.node) {
      if (this.graph.hasNode(next.node.key)) {
        this.graph.replaceNodeAttributes(next.node.key, next.node.attributes)
      } else {
        this.graph.addNode(next.node.key, next.node.attributes)
        for (const link of this.incident.get(next.node.key) ?? []) this.materialise(link)
      }
    }
    const l = next.links
    for (let i = 0; i < l.length; i += 3) this.link(l[i]!, l[i + 1]!, l[i + 2] as MapEdgeKind)
    for (const m of next.mentions) this.mentionCounts.set(m, this.mentionsOf(m) + 1)
  }

  private find(a: string, b: string): Link | undefined {
    return a < b ? this.links.get(a)?.get(b) : this.links.get(b)?.get(a)
  }

  private link(a: string, b: string, kind: MapEdgeKind): void {
    if (a === b) return
    let link = this.find(a, b)
    if (!link) {
      link = { a, b, counts: [0, 0, 0, 0, 0, 0], kindCount: 0, drawn: false }
      const [low, high] = a < b ? [a, b] : [b, a]
      let inner = this.links.get(low)
      if (!inner) this.links.set(low, (inner = new Map()))
      inner.set(high, link)
      this.incidentOf(a).push(link)
      this.incidentOf(b).push(link)
    }
    const k = KIND_INDEX.get(kind)!
    const before = link.counts[k]!
    link.counts[k] = before + 1
    if (before === 0) {
      link.kindCount++
      this.materialise(link)
    } else if (!link.drawn) {
      this.materialise(link)
    }
  }

  private incidentOf(key: string): Link[] {
    let list = this.incident.get(key)
    if (!list) this.incident.set(key, (list = []))
    return list
  }

  private unlink(a: string, b: string, kind: MapEdgeKind): void {
    if (a === b) return
    const link = this.find(a, b)
    if (!link) return
    const k = KIND_INDEX.get(kind)!
    const count = link.counts[k]!
    if (count === 0) return
    link.counts[k] = count - 1
    if (count > 1) return
    link.kindCount--
    if (link.kindCount === 0) {
      const [low, high] = a < b ? [a, b] : [b, a]
      const inner = this.links.get(low)!
      inner.delete(high)
      if (inner.size === 0) this.links.delete(low)
      for (const end of [a, b]) {
        const list = this.incident.get(end)!
        list.splice(list.indexOf(link), 1)
        if (list.length === 0) this.incident.delete(end)
      }
      if (link.drawn) this.graph.dropEdge(link.a, link.b)
      link.drawn = false
      return
    }
    this.materialise(link)
  }

  /** Puts the link into the graph (or refreshes its kinds) once both ends exist. */
  private materialise(link: Link): void {
    if (!link.drawn && (!this.graph.hasNode(link.a) || !this.graph.hasNode(link.b))) return
    const kinds: MapEdgeKind[] = []
    for (let k = 0; k < KINDS.length; k++) if (link.counts[k]! > 0) kinds.push(KINDS[k]!)
    if (link.drawn) this.graph.setEdgeAttribute(link.a, link.b, 'kinds', kinds)
    else {
      this.graph.addUndirectedEdgeWithKey(linkKey(link.a, link.b), link.a, link.b, { kinds })
      link.drawn = true
    }
  }
}
