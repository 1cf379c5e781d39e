import type { RadarEntry } from '../../../shared/events/eventViews'
import type { Encounter, EventPerson, EventTarget } from '../../../shared/model'
import { normaliseText } from './personMatch'

export interface RadarInput {
  /** The encounters at this event. */
  encounters: readonly Pick<Encounter, 'contactId' | 'mentions'>[]
  targets: readonly Pick<EventTarget, 'contactId'>[]
  people: readonly Pick<EventPerson, 'id' | 'name' | 'contactId'>[]
  nameOf: (contactId: string) => string | undefined
  weightOf: (contactId: string) => number
}

/**
 * The method's core people: whoever many different people tell me to meet. Ranked by distinct
 * mentioners (one enthusiastic person naming X three times is still one voice), then by weight
 * in my network, then by name. Targets nobody mentioned stay on the list, at the bottom, so the
 * radar also shows which targets are met and which are not yet.
 */
export function coreRadar(input: RadarInput): RadarEntry[] {
  const entries = new Map<string, RadarEntry & { voices: Set<string> }>()
  const prospectContact = new Map(input.people.map((p) => [p.id, p.contactId]))
  const prospectName = new Map(input.people.map((p) => [p.id, p.name]))
  const targetIds = new Set(input.targets.map((t) => t.contactId))
  const metIds = new Set(input.encounters.map((e) => e.contactId))

  const entryFor = (contactId: string | undefined, personId: string | undefined, name: string) => {
    // A prospect who has since become a contact counts as that contact.
    const cid = contactId ?? (personId ? prospectContact.get(personId) : undefined)
    const key = cid ? `c:${cid}` : personId ? `p:${personId}` : `n:${normaliseText(name)}`
    let entry = entries.get(key)
    if (!entry) {
      entry = {
        key,
        name: (cid && input.nameOf(cid)) || (personId && prospectName.get(personId)) || name,
        ...(cid ? { contactId: cid } : {}),
        ...(!cid && personId ? { personId } : {}),
        mentionedBy: 0,
        weight: cid ? input.weightOf(cid) : 0,
        isTarget: cid ? targetIds.has(cid) : false,
        met: cid ? metIds.has(cid) : false,
        voices: new Set(),
      }
      entries.set(key, entry)
    }
    return entry
  }

  for (const encounter of input.encounters) {
    for (const m of encounter.mentions) {
      if (!m.name.trim() && !m.contactId && !m.personId) continue
      // Naming yourself is not a mention.
      if (m.contactId && m.contactId === encounter.contactId) continue
      entryFor(m.contactId, m.personId, m.name).voices.add(encounter.contactId)
    }
  }
  for (const t of input.targets) entryFor(t.contactId, undefined, '')

  return [...entries.values()]
    .map(({ voices, ...entry }) => ({ ...entry, mentionedBy: voices.size }))
    .sort(
      (a, b) =>
        b.mentionedBy - a.mentionedBy || b.weight - a.weight || a.name.localeCompare(b.name),
    )
}

/** Weight in my network: relationships that touch the contact plus conversations with them. */
export function networkWeights(data: {
  relationships: readonly { fromId: string; toId: string }[]
  encounters: readonly { contactId: string }[]
}): (contactId: string) => number {
  const weights = new Map<string, number>()
  const bump = (id: string) => weights.set(id, (weights.get(id) ?? 0) + 1)
  for (const r of data.relationships) {
    bump(r.fromId)
    bump(r.toId)
  }
  for (const e of data.encounters) bump(e.contactId)
  return (id) => weights.get(id) ?? 0
}
