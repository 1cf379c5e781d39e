import { CURRENT_SCHEMA_VERSION } from '../../../shared/model'

type Raw = Record<string, unknown>
/** Upgrades a store document from version `from` to `from + 1`. */
export interface Migration {
  from: number
  up(doc: Raw): Raw
}

/**
 * One entry per schema change, in order, each with a fixture file of the old version under
 * tests/fixtures/store-v<N>.json that a test loads.
 */
export const migrations: Migration[] = [
  // v2: snapshot + journal. The snapshot records the last journal entry it contains.
  { from: 1, up: (doc) => ({ ...doc, journalSeq: 0 }) },
  // v3: the help-given-and-asked ledger.
  { from: 2, up: (doc) => ({ ...doc, helps: [] }) },
  // v4: follow-ups carry a reason and a status (the queue's done / snoozed / dropped).
  {
    from: 3,
    up: (doc) => ({
      ...doc,
      followUps: ((doc.followUps as Raw[] | undefined) ?? []).map((f) => ({
        ...f,
        reason: f.promise ? 'promise' : f.encounterId ? 'afterMeeting' : 'custom',
        status: f.doneAt ? 'done' : f.snoozedUntil ? 'snoozed' : 'open',
        channel: '',
        doneNote: '',
      })),
    }),
  },
  // v5: events, communities and gatherings as their workflows need them; map positions.
  { from: 4, up: migrateToV5 },
  // v6: titles Rapport generated are stored as their kind, so they read in the interface language;
  // gatherings have a duration.
  { from: 5, up: migrateToV6 },
  // v7: the region phone numbers without a country code are read in ('' = from the language).
  {
    from: 6,
    up: (doc) => ({ ...doc, settings: { ...(doc.settings as Raw | undefined), phoneRegion: '' } }),
  },
  // v8: phone sync (CardDAV/CalDAV): its settings, per-record sync state, the log and conflicts.
  {
    from: 7,
    up: (doc) => ({
      ...doc,
      settings: { ...((doc.settings as Raw | undefined) ?? {}), sync: { enabled: false } },
      syncStates: [],
      syncLog: [],
      syncConflicts: [],
    }),
  },
  // v9: an important date names its calendar (lunar dates); every earlier one is Gregorian.
  {
    from: 8,
    up: (doc) => ({
      ...doc,
      contacts: ((doc.contacts as Raw[] | undefined) ?? []).map((contact) =>
        Array.isArray(contact.importantDates)
          ? {
              ...contact,
              importantDates: (contact.importantDates as Raw[]).map((date) => ({
                calendar: 'gregorian',
                ...date,
              })),
            }
          : contact,
      ),
    }),
  },
  // v10: groups the user marked "not a duplicate"; none yet.
  { from: 9, up: (doc) => ({ ...doc, duplicateDismissals: [] }) },
]

/** The English titles v5 and earlier wrote, by the reason that made them. */
const v5GeneratedTitles: Record<string, string> = {
  afterMeeting: 'Thank and follow up',
  cadence: 'Keep in touch',
  importantDate: 'Important date',
}

function migrateToV6(doc: Raw): Raw {
  return {
    ...doc,
    // Gatherings gain a duration: three hours, the length of a dinner.
    gatherings: ((doc.gatherings as Raw[] | undefined) ?? []).map((g) => ({
      durationMinutes: 180,
      ...g,
    })),
    followUps: ((doc.followUps as Raw[] | undefined) ?? []).map((f) => {
      const reason = String(f.reason)
      // A title the user edited or typed is theirs, even when the reason is a generated one.
      return v5GeneratedTitles[reason] === f.title ? { ...f, titleKind: reason } : f
    }),
  }
}

const v4AccessStatus: Record<string, string> = {
  planned: 'notStarted',
  requested: 'asked',
  declined: 'declined',
}

function migrateToV5(doc: Raw): Raw {
  const list = (key: string) => (doc[key] as Raw[] | undefined) ?? []
  return {
    ...doc,
    events: list('events').map((event) => {
      const access = event.access as Raw | undefined
      if (!access) return event
      const status =
        access.status === 'confirmed'
          ? access.route === 'ticket'
            ? 'ticketBought'
            : 'invited'
          : (v4AccessStatus[String(access.status)] ?? 'notStarted')
      return { ...event, access: { ...access, status } }
    }),
    communities: list('communities').map(({ memberIds, ...community }) => ({
      ...community,
      members: ((memberIds as string[] | undefined) ?? []).map((contactId) => ({
        contactId,
        role: 'member',
      })),
      activities: [],
    })),
    gatherings: list('gatherings').map(
      ({ attendeeIds, splitBill, layout, seating, ...gathering }) => {
        const attendees = (attendeeIds as string[] | undefined) ?? []
        const people = attendees.length + 1
        const tables =
          layout === 'round'
            ? [{ shape: 'round', seats: Math.max(2, Math.min(30, people)) }]
            : layout === 'smallTables'
              ? Array.from({ length: Math.ceil(people / 6) }, () => ({ shape: 'round', seats: 6 }))
              : [{ shape: 'long', seatsPerSide: Math.max(1, Math.min(20, Math.ceil(people / 2))) }]
        return {
          ...gathering,
          attendees: attendees.map((contactId) => ({ contactId, rsvp: 'yes' })),
          bill: { mode: splitBill === false ? 'own' : 'equal', items: [], settledIds: [] },
          tables,
          seating: ((seating as Raw[] | undefined) ?? []).map(({ contactId, ...seat }) => ({
            ...seat,
            personId: contactId,
          })),
          constraints: [],
        }
      },
    ),
    mapLayouts: [],
  }
}

export class MigrationError extends Error {}

/** Brings a parsed store document up to the current version, or says why it cannot. */
export function migrate(
  doc: unknown,
  steps: Migration[] = migrations,
  target: number = CURRENT_SCHEMA_VERSION,
): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new MigrationError('the file does not hold a Rapport data object')
  }
  let current = doc as Raw
  let version = current.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new MigrationError('the file has no valid schemaVersion')
  }
  if (version > target) {
    throw new MigrationError(
      `the file was written by a newer Rapport (schema ${version}; this version reads up to ${target})`,
    )
  }
  while (version < target) {
    const step = steps.find((s) => s.from === version)
    if (!step) throw new MigrationError(`no migration from schema version ${version}`)
    current = { ...step.up(current), schemaVersion: version + 1 }
    version += 1
  }
  return current
}
