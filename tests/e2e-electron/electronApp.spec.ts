import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
// @ts-expect-error plain ESM helper shared with scripts/start.mjs, no type declarations
import { electronBinary } from '../../scripts/electronBinary.mjs'

const binary = electronBinary() as string | null
if (!binary) {
  console.log(
    'Electron end-to-end spec SKIPPED: the Electron runtime is not installed on this machine. ' +
      'The UI is covered by the browser-mode specs and the desktop glue by tests/unit/desktop ' +
      '(the built app run with the electron stand-in).',
  )
}

test.describe('the desktop app', () => {
  test.skip(!binary, 'the Electron runtime is not installed on this machine')

  test('opens the window on the demo network and saves a new contact to disk', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rapport-electron-'))
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['out/main/index.js', '--data', dataDir, '--no-sandbox'],
    })
    try {
      const window = await app.firstWindow()
      // The preload bridge is there and exposes exactly the contract.
      expect(
        await window.evaluate(() => typeof (window as unknown as { rapport: object }).rapport),
      ).toBe('object')
      expect(
        await window.evaluate(() => typeof (globalThis as { require?: unknown }).require),
      ).toBe('undefined')
      await window.getByRole('link', { name: /Contacts|联系人/ }).click()
      await window.getByRole('button', { name: /New contact|新建联系人/ }).click()
      await window
        .getByLabel(/Name|姓名/)
        .first()
        .fill('Electron Person')
      await window.getByRole('button', { name: /Save|保存/ }).click()
      await expect(window.getByRole('row', { name: /Electron Person/ })).toBeVisible()
      const onDisk = JSON.parse(await readFile(join(dataDir, 'rapport.json'), 'utf8'))
      expect(onDisk.contacts.some((c: { name: string }) => c.name === 'Electron Person')).toBe(true)
    } finally {
      await app.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  })
})
