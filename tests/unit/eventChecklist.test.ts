import { describe, expect, it } from 'vitest'
import { checklistIds, checklistKnownDone } from '../../src/shared/events/eventChecklist'
import type { RapportEvent } from '../../src/shared/model'
import { call, quietCore } from './helpers'

describe('the event checklist ticks what Rapport already knows', () => {
  it('ticks "ten targets" once ten are ranked and "follow up within 24 h" once all are done', () => {
    const none = { done: 0, total: 0 }
    expect(checklistKnownDone({ targets: 9, followedUpWithin24h: none })).toEqual([])
    expect(checklistKnownDone({ targets: 10, followedUpWithin24h: none })).toEqual([
      'before.targets',
    ])
    expect(checklistKnownDone({ targets: 0, followedUpWithin24h: { done: 2, total: 3 } })).toEqual(
      [],
    )
    expect(checklistKnownDone({ targets: 0, followedUpWithin24h: { done: 3, total: 3 } })).toEqual([
      'after.followUp24',
    ])
  })

  it('has a step for the printed dossier that the dossier page can tick', async () => {
    expect(checklistIds).toContain('before.dossier')
    const core = await quietCore()
    try {
      const event = await call<RapportEvent>(core, 'events.create', {
        name: 'Summit',
        startsAt: '2027-01-10T01:00:00.000Z',
        timeZone: 'Asia/Shanghai',
      })
      const ticked = await call<RapportEvent>(core, 'events.checklist', {
        eventId: event.id,
        item: 'before.dossier',
        done: true,
      })
      expect(ticked.checklist).toEqual(['before.dossier'])
    } finally {
      await core.close()
    }
  })
})
