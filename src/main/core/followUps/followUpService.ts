import type { FollowUpQueue, ParsedInputOf } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import { followUpSchema, type Encounter, type FollowUp } from '../../../shared/model'
import { nextTimestamp, type Clock } from '../clock'
import { followUpsForEncounter, habitFigures, queueOf, snoozeUntil } from './followUpRules'
import { targetsAfterFollowUp } from '../events/targetStage'
import type { DataStore, StoreTransaction } from '../store/dataStore'
import { notFound } from '../contacts/contactService'
import { learntFromConversation } from '../contacts/learntFromConversation'
import { createRecord } from '../store/createRecord'

function findFollowUp(tx: StoreTransaction, id: string): FollowUp {
  const found = tx.find('followUps', id)
  if (!found) throw notFound('followUp', id)
  return found
}

/** The queue and what the user does with a follow-up: done, snooze, reschedule, drop, undo. */
export function createFollowUpService(store: DataStore, clock: Clock) {
  /** Replaces one follow-up with `change` applied; the whole record is re-validated. */
  const change = (
    id: string,
    make: (current: FollowUp, now: string) => Partial<FollowUp>,
    after?: (tx: StoreTransaction, next: FollowUp, now: string) => void,
  ) =>
    store.update((tx: StoreTransaction) => {
      const current = findFollowUp(tx, id)
      const now = nextTimestamp(clock, current.updatedAt)
      const next = followUpSchema.parse({ ...current, ...make(current, now), updatedAt: now })
      tx.put('followUps', next)
      after?.(tx, next, now)
      return next
    })

  /** A target followed up within 24 hours moves on, in the same transaction. */
  const advanceTarget = (tx: StoreTransaction, done: FollowUp, now: string) => {
    const event = done.eventId ? tx.find('events', done.eventId) : undefined
    if (!event) return
    const encounter = done.encounterId ? tx.find('encounters', done.encounterId) : undefined
    const targets = targetsAfterFollowUp(event, done, encounter)
    if (targets) tx.put('events', { ...event, targets, updatedAt: nextTimestamp(clock, now) })
  }

  const stillOpen = (f: FollowUp) => {
    if (f.status === 'done' || f.status === 'dropped') {
      throw new RapportError('CONFLICT', `Follow-up ${f.id} is already ${f.status}`, {
        kind: 'followUp',
        id: f.id,
        status: f.status,
      })
    }
  }

  return {
    queue({ now }: ParsedInputOf<'followUps.queue'>): FollowUpQueue {
      const at = now ? new Date(now) : clock.now()
      const data = store.read()
      return { ...queueOf(data, at), habits: habitFigures(data, at) }
    },

    logEncounter(
      input: ParsedInputOf<'encounters.create'>,
    ): Promise<{ encounter: Encounter; followUps: FollowUp[] }> {
      return store.update((tx) => {
        const contact = tx.find('contacts', input.contactId)
        if (!contact) throw notFound('contact', input.contactId)
        if (input.eventId && !tx.find('events', input.eventId)) {
          throw notFound('event', input.eventId)
        }
        const now = nextTimestamp(clock)
        const encounter = createRecord(
          tx,
          clock,
          'encounters',
          { ...input, at: input.at ?? now },
          now,
        )
        const learnt = learntFromConversation(contact, encounter)
        if (Object.keys(learnt).length > 0) {
          tx.put('contacts', {
            ...contact,
            ...learnt,
            updatedAt: nextTimestamp(clock, contact.updatedAt),
          })
        }
        const made = followUpsForEncounter(encounter, contact, now)
        for (const f of made) tx.put('followUps', f)
        return { encounter, followUps: made }
      })
    },

    create(input: ParsedInputOf<'followUps.create'>): Promise<FollowUp> {
      return store.update((tx) => {
        if (!tx.find('contacts', input.contactId)) throw notFound('contact', input.contactId)
        return createRecord(tx, clock, 'followUps', {
          ...input,
          reason: input.reason ?? 'custom',
          promise: input.reason === 'promise',
        })
      })
    },

    complete({ id, channel, note }: ParsedInputOf<'followUps.complete'>): Promise<FollowUp> {
      return change(
        id,
        (current, now) => {
          stillOpen(current)
          return { status: 'done', doneAt: now, channel: channel ?? '', doneNote: note ?? '' }
        },
        advanceTarget,
      )
    },

    snooze({ id, choice }: ParsedInputOf<'followUps.snooze'>): Promise<FollowUp> {
      return change(id, (current) => {
        stillOpen(current)
        return { status: 'snoozed', snoozedUntil: snoozeUntil(choice, clock.now()).toISOString() }
      })
    },

    reschedule({ id, dueAt }: ParsedInputOf<'followUps.reschedule'>): Promise<FollowUp> {
      return change(id, (current) => {
        stillOpen(current)
        return { status: 'open', dueAt, snoozedUntil: undefined }
      })
    },

    drop({ id }: ParsedInputOf<'followUps.drop'>): Promise<FollowUp> {
      return change(id, (current) => {
        stillOpen(current)
        return { status: 'dropped' }
      })
    },

    reopen({ id }: ParsedInputOf<'followUps.reopen'>): Promise<FollowUp> {
      return change(id, (current) => ({
        status: current.snoozedUntil ? 'snoozed' : 'open',
        doneAt: undefined,
        channel: '',
        doneNote: '',
      }))
    },
  }
}
