import type { NetworkBalance } from '../../../shared/map/mapOperations'
import { ecosystemSchema, type StoreData } from '../../../shared/model'
import { CIRCLE_TARGETS, CIRCLE_TOLERANCE, inCircle } from '../contacts/cardInsights'

/**
 * The network's spread over the six ecosystems and the tiers. An ecosystem is thin when my
 * circle holds fewer than 3 people in it or under a tenth of the circle, as in the quarterly
 * review, so both places point at the same gaps.
 */
export function networkBalance(data: Readonly<StoreData>): NetworkBalance {
  const active = data.contacts.filter((c) => !c.archived)
  const circle = active.filter(inCircle)
  const ecosystems = ecosystemSchema.options.map((ecosystem) => {
    const inIt = circle.filter((c) => c.ecosystem === ecosystem).length
    return {
      ecosystem,
      circle: inIt,
      all: active.filter((c) => c.ecosystem === ecosystem).length,
      thin: inIt < 3 || inIt < circle.length * 0.1,
    }
  })
  const count = (tier: string) => active.filter((c) => c.tier === tier).length
  const tiers: NetworkBalance['tiers'] = (['life', 'close', 'good'] as const).map((tier) => {
    const target = CIRCLE_TARGETS[tier]
    const n = count(tier)
    const status =
      n < target * (1 - CIRCLE_TOLERANCE)
        ? 'under'
        : n > target * (1 + CIRCLE_TOLERANCE)
          ? 'over'
          : 'ok'
    return { tier, count: n, target, status }
  })
  tiers.push({ tier: 'outside', count: count('outside'), target: null, status: 'ok' })
  return { ecosystems, unsorted: active.filter((c) => !c.ecosystem).length, tiers }
}
