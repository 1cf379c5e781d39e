import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/openCore'
import type { BackupInfo } from '../../src/shared/store/storeNotice'
import { call, quietCore, tempDir } from './helpers'

let core: Core | undefined
afterEach(async () => {
  await core?.close()
  core = undefined
})

describe('removing the demo data', () => {
  it('keeps a backup of everything first, one rotation never removes', async () => {
    core = await quietCore({ demoOnFirstLaunch: true, dataDir: await tempDir() })
    const contactsBefore = (await call<{ total: number }>(core, 'contacts.search', {})).total
    expect(contactsBefore).toBeGreaterThan(0)
    const { removed } = await call<{ removed: number }>(core, 'demo.remove', {})
    expect(removed).toBeGreaterThan(0)
    expect((await call<{ total: number }>(core, 'contacts.search', {})).total).toBe(0)

    const backups = await call<BackupInfo[]>(core, 'backups.list', {})
    const kept = backups.find((b) => b.keep === 'beforeDemoRemoval')
    expect(kept?.counts.contacts).toBe(contactsBefore)
  })
})
