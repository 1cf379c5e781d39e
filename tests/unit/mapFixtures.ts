import {
  communitySchema,
  contactSchema,
  emptyStoreData,
  encounterSchema,
  eventSchema,
  relationshipSchema,
  type Community,
  type Contact,
  type Encounter,
  type RapportEvent,
  type Relationship,
  type StoreData,
} from '../../src/shared/model'
import type { MapNode } from '../../src/shared/map/mapOperations'

const AT = '2026-01-10T09:00:00.000Z'
const base = (id: string) => ({ id, createdAt: AT, updatedAt: AT })

export const person = (id: string, fields: Partial<Contact> = {}): Contact =>
  contactSchema.parse({ ...base(id), name: id.toUpperCase(), ...fields })

export const knows = (
  id: string,
  fromId: string,
  toId: string,
  kind: Relationship['kind'] = 'knows',
): Relationship => relationshipSchema.parse({ ...base(id), fromId, toId, kind })

export const met = (id: string, contactId: string, fields: Partial<Encounter> = {}): Encounter =>
  encounterSchema.parse({ ...base(id), contactId, at: AT, ...fields })

export const event = (id: string, fields: Partial<RapportEvent> = {}): RapportEvent =>
  eventSchema.parse({ ...base(id), name: `Event ${id}`, startsAt: AT, timeZone: 'UTC', ...fields })

export const community = (id: string, memberIds: string[], name = `Club ${id}`): Community =>
  communitySchema.parse({
    ...base(id),
    name,
    members: memberIds.map((contactId) => ({ contactId })),
  })

export function storeWith(parts: Partial<StoreData>): StoreData {
  return { ...emptyStoreData(), ...parts }
}

/** A node of the map's view, as `map.graph` answers it; the kind is the key's prefix. */
export const node = (key: string, extra: Partial<MapNode> = {}): MapNode => ({
  key,
  kind: key === 'me' ? 'me' : (key.split(':')[0] as MapNode['kind']),
  label: key,
  importance: 0,
  mentions: 0,
  degree: 0,
  cluster: -1,
  ...extra,
})
