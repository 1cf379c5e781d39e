import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/openCore'
import { DEMO_UPCOMING_EVENT_ID } from '../../src/main/core/demo/demoNetwork'
import { quietCore } from './helpers'

let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})

describe('operations only the desktop app can answer', () => {
  it('saving the dossier as a PDF file is refused in plain Node with its own error', async () => {
    core = await quietCore({ demoOnFirstLaunch: true })
    const answer = await core.dispatch('events.saveDossierPdf', {
      eventId: DEMO_UPCOMING_EVENT_ID,
      paper: 'A4',
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } })
  })

  it('the host answers it when it says it can, after the contract checked the input', async () => {
    const calls: unknown[] = []
    core = await quietCore({
      hostHandlers: {
        'events.saveDossierPdf': (input) => {
          calls.push(input)
          return { file: '/tmp/dossier.pdf' }
        },
      },
    })
    expect(
      await core.dispatch('events.saveDossierPdf', { eventId: 'e1', paper: 'letter' }),
    ).toEqual({ ok: true, value: { file: '/tmp/dossier.pdf' } })
    const refused = await core.dispatch('events.saveDossierPdf', { eventId: 'e1', paper: 'A5' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(calls).toEqual([{ eventId: 'e1', paper: 'letter' }])
  })
})
