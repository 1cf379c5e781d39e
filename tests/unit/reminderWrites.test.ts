import { describe, expect, it } from 'vitest'
import type { ReminderNotification } from '../../src/shared/contract'
import { call, quietCore } from './helpers'

describe('reminders after writes', () => {
  it('announce a new follow-up, and name the contact as the card says when it comes due', async () => {
    let now = Date.parse('2027-03-01T12:00:00.000Z')
    const core = await quietCore({ reminders: true, clock: { now: () => new Date(now) } })
    await call(core, 'settings.update', { reminders: { quietFrom: '00:00', quietTo: '00:00' } })
    await call(core, 'reminders.take', undefined)

    // A follow-up already due: the write that creates it is announced at once.
    const ada = await call<{ id: string }>(core, 'contacts.create', { name: 'Ada' })
    await call(core, 'followUps.create', {
      contactId: ada.id,
      title: 'Send the deck',
      dueAt: new Date(now - 60_000).toISOString(),
    })
    expect(await call<ReminderNotification[]>(core, 'reminders.take', undefined)).toEqual([
      expect.objectContaining({ kind: 'single', title: 'Send the deck', body: 'Ada' }),
    ])

    // A contact edit does not re-read the follow-ups, yet the reminder names the card as it is.
    const bo = await call<{ id: string }>(core, 'contacts.create', { name: 'Bo' })
    await call(core, 'followUps.create', {
      contactId: bo.id,
      title: 'Ask about the dinner',
      dueAt: new Date(now + 60 * 60_000).toISOString(),
    })
    await call(core, 'contacts.update', { id: bo.id, patch: { name: 'Bo Li' } })
    now += 2 * 60 * 60_000
    core.reminders?.wake()
    expect(await call<ReminderNotification[]>(core, 'reminders.take', undefined)).toEqual([
      expect.objectContaining({ kind: 'single', title: 'Ask about the dinner', body: 'Bo Li' }),
    ])
    await core.close()
  })
})
