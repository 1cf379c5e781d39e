import type { IntroductionReason, IntroductionSuggestion } from '../../../shared/map/mapOperations'
import type { Ecosystem, StoreData, Tier } from '../../../shared/model'
import type { NetworkGraph } from './networkGraph'
import { contactKey } from './networkGraph'

/** What a shared trait is worth; a shared community means they would meet anyway, soon. */
const POINTS = { community: 3, ecosystem: 2, sameRole: 1, interest: 1.5, tag: 1 }
/** Below this a pair has too little in common to be worth an introduction. */
const MIN_SCORE = 2.5
/** Closer people are easier to introduce: they trust my judgement. */
const TIER_WEIGHT: Record<Tier, number> = { life: 1.3, close: 1.15, good: 1, outside: 0.9 }

interface Candidate {
  id: string
  key: string
  name: string
  tier: Tier
  ecosystem: Ecosystem | undefined
  role: string
  roleText: string
  interests: Set<string>
  tags: Set<string>
  communities: Map<string, string>
}

const norm = (text: string) => text.trim().toLocaleLowerCase()
const close = (c: StoreData['contacts'][number]) =>
  !c.archived && (c.tier !== 'outside' || c.closeness === 'close')

/**
 * Pairs worth introducing: both close to me (in my golden circle, or rated close), not linked
 * yet (no relationship, introduction, mention or "we both know" between them) and sharing an
 * ecosystem, communities, interests or tags. Ranked by what they share, then by closeness.
 */
export function suggestIntroductions(
  network: NetworkGraph,
  data: Readonly<StoreData>,
  limit: number,
): IntroductionSuggestion[] {
  const graph = network.graph
  const candidates: Candidate[] = []
  for (const c of data.contacts) {
    if (!close(c)) continue
    const key = contactKey(c.id)
    if (!graph.hasNode(key)) continue
    const communities = new Map<string, string>()
    graph.forEachNeighbor(key, (other, attributes) => {
      if (attributes.kind === 'community') communities.set(other, attributes.label)
    })
    candidates.push({
      id: c.id,
      key,
      name: c.name,
      tier: c.tier,
      ecosystem: c.ecosystem,
      role: norm(c.role),
      roleText: c.role.trim(),
      interests: new Set(c.interests.map(norm).filter(Boolean)),
      tags: new Set(c.tags.map(norm).filter(Boolean)),
      communities,
    })
  }
  const planned = plannedPairs(data)
  const found: IntroductionSuggestion[] = []
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i]!
    for (let j = i + 1; j < candidates.length; j++) {
      const b = candidates[j]!
      if (graph.hasEdge(a.key, b.key)) continue
      const reasons: IntroductionReason[] = []
      let score = 0
      for (const [community, name] of a.communities) {
        if (!b.communities.has(community)) continue
        reasons.push({ kind: 'community', name })
        score += POINTS.community
      }
      if (a.ecosystem && a.ecosystem === b.ecosystem) {
        const sameRole = a.role !== '' && a.role === b.role
        reasons.unshift({
          kind: 'ecosystem',
          ecosystem: a.ecosystem,
          ...(sameRole ? { role: a.roleText } : {}),
        })
        score += POINTS.ecosystem + (sameRole ? POINTS.sameRole : 0)
      }
      for (const value of a.interests) {
        if (!b.interests.has(value)) continue
        reasons.push({ kind: 'interest', value })
        score += POINTS.interest
      }
      for (const value of a.tags) {
        if (!b.tags.has(value)) continue
        reasons.push({ kind: 'tag', value })
        score += POINTS.tag
      }
      if (score < MIN_SCORE) continue
      score *= (TIER_WEIGHT[a.tier] + TIER_WEIGHT[b.tier]) / 2
      found.push({
        a: { id: a.id, name: a.name },
        b: { id: b.id, name: b.name },
        score: Math.round(score * 100) / 100,
        reasons,
        planned: planned(a, b),
      })
    }
  }
  found.sort(
    (x, y) =>
      Number(x.planned) - Number(y.planned) ||
      y.score - x.score ||
      x.a.name.localeCompare(y.a.name) ||
      x.b.name.localeCompare(y.b.name),
  )
  return found.slice(0, limit)
}

/** An open follow-up on one of the two whose title names the other: already on the list. */
function plannedPairs(data: Readonly<StoreData>) {
  const openTitles = new Map<string, string[]>()
  for (const f of data.followUps) {
    if (f.status !== 'open' && f.status !== 'snoozed') continue
    const list = openTitles.get(f.contactId) ?? []
    list.push(norm(f.title))
    openTitles.set(f.contactId, list)
  }
  const names = (x: Candidate, y: Candidate) =>
    (openTitles.get(x.id) ?? []).some((title) => title.includes(norm(y.name)))
  return (a: Candidate, b: Candidate) => names(a, b) || names(b, a)
}
