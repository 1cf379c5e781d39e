import { describe, expect, it } from 'vitest'
import type { FollowUpQueue } from '../../src/shared/contract'
import type { FollowUp } from '../../src/shared/model'
import { call, quietCore } from './helpers'

const now = new Date('2026-12-01T10:00:00.000Z')

const core = () => quietCore({ clock: { now: () => now } })

async function withFollowUp(dueAt: string) {
  const c = await core()
  const contact = await call<{ id: string }>(c, 'contacts.create', {
    name: 'Lin Yue',
    tier: 'good',
  })
  const f = await call<FollowUp>(c, 'followUps.create', {
    contactId: contact.id,
    title: 'Send the deck',
    dueAt,
  })
  return { c, f }
}

describe('the follow-up queue', () => {
  it('files follow-ups as overdue, next 24 hours and upcoming', async () => {
    const c = await core()
    const contact = await call<{ id: string }>(c, 'contacts.create', { name: 'Ada' })
    for (const dueAt of [
      '2026-11-30T10:00:00.000Z',
      '2026-12-01T20:00:00.000Z',
      '2026-12-05T10:00:00.000Z',
    ]) {
      await call(c, 'followUps.create', { contactId: contact.id, title: dueAt, dueAt })
    }
    const queue = await call<FollowUpQueue>(c, 'followUps.queue', {})
    expect(queue.overdue.map((f) => f.title)).toEqual(['2026-11-30T10:00:00.000Z'])
    expect(queue.next24h.map((f) => f.title)).toEqual(['2026-12-01T20:00:00.000Z'])
    expect(queue.upcoming.map((f) => f.title)).toEqual(['2026-12-05T10:00:00.000Z'])
    expect(queue.overdue[0]?.contactName).toBe('Ada')
  })

  it('marks done with channel and note, and undo puts it back', async () => {
    const { c, f } = await withFollowUp('2026-11-30T10:00:00.000Z')
    const done = await call<FollowUp>(c, 'followUps.complete', {
      id: f.id,
      channel: 'WeChat',
      note: 'sent',
    })
    expect(done).toMatchObject({ status: 'done', channel: 'WeChat', doneNote: 'sent' })
    expect(done.doneAt).toBeDefined()
    expect((await call<FollowUpQueue>(c, 'followUps.queue', {})).overdue).toHaveLength(0)
    await expect(call(c, 'followUps.complete', { id: f.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    const back = await call<FollowUp>(c, 'followUps.reopen', { id: f.id })
    expect(back.status).toBe('open')
    expect(back.doneAt).toBeUndefined()
    expect((await call<FollowUpQueue>(c, 'followUps.queue', {})).overdue).toHaveLength(1)
  })

  it('snoozes to a later time, reschedules and drops', async () => {
    const { c, f } = await withFollowUp('2026-11-30T10:00:00.000Z')
    const snoozed = await call<FollowUp>(c, 'followUps.snooze', { id: f.id, choice: 'nextWeek' })
    expect(snoozed.status).toBe('snoozed')
    expect(Date.parse(snoozed.snoozedUntil!)).toBeGreaterThan(now.getTime() + 24 * 3600_000)
    const queue = await call<FollowUpQueue>(c, 'followUps.queue', {})
    expect(queue.overdue).toHaveLength(0)
    expect(queue.upcoming.map((x) => x.id)).toEqual([f.id])
    const moved = await call<FollowUp>(c, 'followUps.reschedule', {
      id: f.id,
      dueAt: '2026-12-01T12:00:00.000Z',
    })
    expect(moved).toMatchObject({ status: 'open', dueAt: '2026-12-01T12:00:00.000Z' })
    expect(moved.snoozedUntil).toBeUndefined()
    expect((await call<FollowUp>(c, 'followUps.drop', { id: f.id })).status).toBe('dropped')
    const after = await call<FollowUpQueue>(c, 'followUps.queue', {})
    expect([...after.overdue, ...after.next24h, ...after.upcoming]).toHaveLength(0)
  })

  it('refuses a follow-up for someone who does not exist', async () => {
    const c = await core()
    await expect(
      call(c, 'followUps.create', { contactId: 'nobody', title: 'x', dueAt: now.toISOString() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('calendar auto-export', () => {
  it('keeps the chosen .ics file up to date after a change', async () => {
    const { readFile } = await import('node:fs/promises')
    const { join } = await import('node:path')
    const { c, f } = await withFollowUp('2026-12-02T10:00:00.000Z')
    // Typed-in paths must lie inside the data folder (or an --export-dir folder).
    const { dataDir } = await call<{ dataDir: string }>(c, 'app.info', undefined)
    const file = join(dataDir, 'rapport.ics')
    await call(c, 'calendar.setAutoExport', { path: file })
    await call(c, 'followUps.reschedule', { id: f.id, dueAt: '2026-12-03T10:00:00.000Z' })
    await expect
      .poll(async () => (await readFile(file, 'utf8').catch(() => '')).includes('Send the deck'), {
        timeout: 5000,
      })
      .toBe(true)
    await call(c, 'followUps.complete', { id: f.id })
    await expect
      .poll(async () => (await readFile(file, 'utf8')).includes('Send the deck'), { timeout: 5000 })
      .toBe(false)
    await c.close()
  })
})

describe('logging a conversation', () => {
  it('creates the follow-up due 24 hours later, and one for a promise in the seed', async () => {
    const c = await core()
    const contact = await call<{ id: string }>(c, 'contacts.create', { name: '王小明' })
    const at = '2026-12-01T09:00:00.000Z'
    const logged = await call<{ followUps: FollowUp[] }>(c, 'encounters.create', {
      contactId: contact.id,
      at,
      seed: 'Promised to send the list of Hangzhou co-working spaces',
      deep: true,
    })
    const byReason = Object.fromEntries(logged.followUps.map((f) => [f.reason, f]))
    expect(byReason.afterMeeting?.dueAt).toBe('2026-12-02T09:00:00.000Z')
    expect(byReason.promise?.title).toContain('co-working')
    const queue = await call<FollowUpQueue>(c, 'followUps.queue', {})
    expect([...queue.next24h, ...queue.upcoming].map((f) => f.reason).sort()).toEqual([
      'afterMeeting',
      'promise',
    ])
    const card = await call<{ trust: { deep: number } }>(c, 'contacts.card', { id: contact.id })
    expect(card.trust.deep).toBeGreaterThan(0)
  })

  it('fills the card’s empty advice and seed from what was said, never overwrites them, and shows the answers', async () => {
    const c = await core()
    const contact = await call<{ id: string }>(c, 'contacts.create', {
      name: '林悦',
      seed: '帮她留意产品经理的职位',
    })
    await call(c, 'encounters.create', {
      contactId: contact.id,
      howCanIHelp: '介绍做 SaaS 定价的人',
      theirAdvice: '先做十个付费客户再融资',
      whomShouldIMeet: '红杉的孙强',
      seed: '下周把定价表发给她',
    })
    const card = await call<{
      contact: { theirAdvice: string; seed: string }
      timeline: { kind: string; answers?: Record<string, string> }[]
    }>(c, 'contacts.card', { id: contact.id })
    // Advice was empty: it is filled. The seed was the user's own: it stays.
    expect(card.contact.theirAdvice).toBe('先做十个付费客户再融资')
    expect(card.contact.seed).toBe('帮她留意产品经理的职位')
    const talk = card.timeline.find((item) => item.kind === 'encounter')
    expect(talk?.answers).toEqual({
      howCanIHelp: '介绍做 SaaS 定价的人',
      theirAdvice: '先做十个付费客户再融资',
      whomShouldTheyMeet: '',
      whomShouldIMeet: '红杉的孙强',
      seed: '下周把定价表发给她',
    })
    await c.close()
  })
})
