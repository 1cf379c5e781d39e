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
  links: { a: string; b: string; kind: MapEdgeKind }[]
  /** Node keys this record names as "you should meet". */
  mentions: string[]
}

/** Every edge ever asked for, with how many records ask for each kind of it. */
interface Link {
  a: string
  b: string
  kinds: Map<MapEdgeKind, number>
}

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
  const links: Contribution['links'] = []
  if (c.introducedById) links.push({ a: contactKey(c.introducedById), b: key, kind: 'introduced' })
  for (const id of c.mutualIds) links.push({ a: contactKey(id), b: key, kind: 'knows' })
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
    mentions: [],
  }
}

function relationshipContribution(r: Relationship): Contribution {
  const kind: MapEdgeKind = r.kind === 'introduced' ? 'introduced' : 'knows'
  return { links: [{ a: contactKey(r.fromId), b: contactKey(r.toId), kind }], mentions: [] }
}

function encounterContribution(e: Encounter): Contribution {
  const key = contactKey(e.contactId)
  const links: Contribution['links'] = [{ a: ME_KEY, b: key, kind: 'met' }]
  if (e.eventId) links.push({ a: key, b: eventKey(e.eventId), kind: 'attended' })
  const mentions: string[] = []
  for (const m of e.mentions) {
    if (!m.contactId) continue
    mentions.push(contactKey(m.contactId))
    // Whoever named them knows them: that is a path worth drawing.
    links.push({ a: key, b: contactKey(m.contactId), kind: 'mentioned' })
  }
  return { links, mentions }
}

function eventContribution(e: RapportEvent): Contribution {
  const key = eventKey(e.id)
  const people = new Set<string>()
  for (const p of e.people) if (p.contactId) people.add(p.contactId)
  for (const id of e.organiser.contactIds) people.add(id)
  return {
    node: { key, attributes: { kind: 'event', label: e.name } },
    links: [...people].map((id) => ({ a: contactKey(id), b: key, kind: 'attended' as const })),
    mentions: [],
  }
}

function communityContribution(c: Community): Contribution {
  const key = communityKey(c.id)
  return {
    node: { key, attributes: { kind: 'community', label: c.name } },
    links: c.members.map((m) => ({ a: contactKey(m.contactId), b: key, kind: 'member' as const })),
    mentions: [],
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
  private readonly seen = new Map<Source, Map<string, unknown>>(SOURCES.map((s) => [s, new Map()]))
  private readonly contributions = new Map<string, Contribution>()
  private readonly links = new Map<string, Link>()
  private readonly incident = new Map<string, Set<string>>()
  private readonly mentionCounts = new Map<string, number>()
  private meName: string | undefined

  constructor() {
    this.graph.addNode(ME_KEY, { kind: 'me', label: '' })
  }

  /** Brings the graph up to date with `data`; returns how many records changed. */
  sync(data: Readonly<StoreData>): number {
    let changed = 0
    if (data.settings.me.name !== this.meName) {
      this.meName = data.settings.me.name
      this.graph.setNodeAttribute(ME_KEY, 'label', this.meName)
      changed++
    }
    for (const source of SOURCES) {
      const seen = this.seen.get(source)!
      const records = data[source] as readonly { id: string }[]
      const present = new Set<string>()
      for (const record of records) {
        present.add(record.id)
        if (seen.get(record.id) === record) continue
        seen.set(record.id, record)
        this.replace(`${source}/${record.id}`, contributionOf(source, record))
        changed++
      }
      if (present.size !== seen.size) {
        for (const id of seen.keys()) {
          if (present.has(id)) continue
          seen.delete(id)
          this.replace(`${source}/${id}`, null)
          changed++
        }
      }
    }
    if (changed > 0) this.version++
    return changed
  }

  mentionsOf(key: string): number {
    return this.mentionCounts.get(key) ?? 0
  }

  private replace(sourceKey: string, next: Contribution | null): void {
    const previous = this.contributions.get(sourceKey)
    if (previous) {
      for (const l of previous.links) this.unlink(l.a, l.b, l.kind)
      for (const m of previous.mentions) this.mentionCounts.set(m, this.mentionsOf(m) - 1)
      if (previous.node && previous.node.key !== next?.node?.key) {
        if (this.graph.hasNode(previous.node.key)) this.graph.dropNode(previous.node.key)
      }
    }
    if (!next) {
      this.contributions.delete(sourceKey)
      return
    }
    this.contributions.set(sourceKey, next)
    if (next.node) {
      if (this.graph.hasNode(next.node.key)) {
        this.graph.replaceNodeAttributes(next.node.key, next.node.attributes)
      } else {
        this.graph.addNode(next.node.key, next.node.attributes)
        for (const id of this.incident.get(next.node.key) ?? []) this.materialise(id)
      }
    }
    for (const l of next.links) this.link(l.a, l.b, l.kind)
    for (const m of next.mentions) this.mentionCounts.set(m, this.mentionsOf(m) + 1)
  }

  private link(a: string, b: string, kind: MapEdgeKind): void {
    if (a === b) return
    const id = linkKey(a, b)
    let link = this.links.get(id)
    if (!link) {
      link = { a, b, kinds: new Map() }
      this.links.set(id, link)
      for (const end of [a, b]) {
        let set = this.incident.get(end)
        if (!set) this.incident.set(end, (set = new Set()))
        set.add(id)
      }
    }
    link.kinds.set(kind, (link.kinds.get(kind) ?? 0) + 1)
    this.materialise(id)
  }

  private unlink(a: string, b: string, kind: MapEdgeKind): void {
    if (a === b) return
    const id = linkKey(a, b)
    const link = this.links.get(id)
    if (!link) return
    const count = (link.kinds.get(kind) ?? 0) - 1
    if (count > 0) link.kinds.set(kind, count)
    else link.kinds.delete(kind)
    if (link.kinds.size === 0) {
      this.links.delete(id)
      for (const end of [a, b]) {
        const set = this.incident.get(end)
        set?.delete(id)
        if (set?.size === 0) this.incident.delete(end)
      }
      if (this.graph.hasEdge(id)) this.graph.dropEdge(id)
      return
    }
    this.materialise(id)
  }

  /** Puts the link into the graph (or refreshes its kinds) once both ends exist. */
  private materialise(id: string): void {
    const link = this.links.get(id)
    if (!link || !this.graph.hasNode(link.a) || !this.graph.hasNode(link.b)) return
    const kinds = [...link.kinds.keys()].sort()
    if (this.graph.hasEdge(id)) this.graph.setEdgeAttribute(id, 'kinds', kinds)
    else this.graph.addUndirectedEdgeWithKey(id, link.a, link.b, { kinds })
  }
}
