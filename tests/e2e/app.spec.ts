import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, startServe, stopServe, test } from './serveFixture'

test('shows the demo network, adds a contact that survives a reload and lands on disk', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible()

  await page.getByRole('link', { name: 'Contacts' }).click()
  const table = page.getByRole('table', { name: 'Contacts' })
  await expect(page.getByText(/^30 people/)).toBeVisible()
  expect(await table.getByRole('row').count()).toBeGreaterThan(10)
  await page.screenshot({ path: 'test-results/screens/contacts-en.png', fullPage: true })

  await page.getByRole('button', { name: 'New contact' }).click()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Grace Hopper')
  await page.getByLabel('Organisation').fill('Navy Labs')
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('grace@example.com')
  await page.screenshot({ path: 'test-results/screens/contact-form-en.png' })
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByRole('textbox', { name: /Search/ }).fill('grace')
  await expect(table.getByRole('row', { name: /Grace Hopper/ })).toBeVisible()

  await page.reload()
  await page.getByRole('textbox', { name: /Search/ }).fill('hopper')
  await expect(
    page.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /Grace Hopper/ }),
  ).toBeVisible()

  // Acknowledged means durable: the change is in the journal before the UI shows it as saved…
  expect(await readFile(served.journalFile, 'utf8')).toContain('Grace Hopper')
  // …and quitting folds it into the readable snapshot.
  await served.stop()
  const onDisk = JSON.parse(await readFile(served.storeFile, 'utf8'))
  expect(onDisk.contacts).toContainEqual(
    expect.objectContaining({
      name: 'Grace Hopper',
      organization: 'Navy Labs',
      emails: [{ label: '', value: 'grace@example.com' }],
    }),
  )
})

test('searches, edits on the card and deletes with undo', async ({ page, served }) => {
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('button', { name: 'New contact' }).click()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Zhang Wei Test')
  await page.getByRole('textbox', { name: 'Name', exact: true }).press('Control+Enter')
  const table = page.getByRole('table', { name: 'Contacts' })
  const search = page.getByRole('textbox', { name: /Search/ })

  await search.fill('zhang wei test')
  await expect(table.getByRole('row')).toHaveCount(2)
  await search.fill('no such person xyz')
  await expect(page.getByText('No one matches')).toBeVisible()
  await search.fill('zhang wei test')

  await table.getByRole('row', { name: /Zhang Wei Test/ }).click()
  await expect(page.getByRole('heading', { name: 'Zhang Wei Test' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Role', exact: true }).fill('Founder')
  await page.getByRole('button', { name: 'Save card' }).click()
  await expect(page.getByText('Card saved')).toBeVisible()
  await page.getByRole('link', { name: 'All contacts' }).click()
  await search.fill('zhang wei test')
  await expect(table.getByRole('row', { name: /Zhang Wei Test.*Founder/ })).toBeVisible()

  await table.getByRole('row', { name: /Zhang Wei Test/ }).click()
  await page.getByRole('button', { name: 'Delete' }).click()
  await page
    .getByRole('dialog', { name: /Delete Zhang Wei Test/ })
    .getByRole('button', { name: 'Delete' })
    .click()
  await expect(page.getByRole('heading', { name: 'Contacts', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.getByRole('heading', { name: 'Zhang Wei Test' })).toBeVisible()
  await served.stop()
  const onDisk = JSON.parse(await readFile(served.storeFile, 'utf8'))
  expect(onDisk.contacts.filter((c: { name: string }) => c.name === 'Zhang Wei Test')).toHaveLength(
    1,
  )
})

test('switches the interface to Chinese and keeps the choice', async ({ page, served }) => {
  await page.goto(`${served.url}#/settings`)
  await page.getByText('简体中文').click()
  await expect(page.getByRole('link', { name: '联系人' })).toBeVisible()
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/settings-zh.png', fullPage: true })
  await page.reload()
  await page.getByRole('link', { name: '联系人' }).click()
  await expect(page.getByRole('button', { name: '新建联系人' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/contacts-zh.png', fullPage: true })
  await page.getByRole('link', { name: '今天' }).click()
  await expect(page.getByRole('heading', { name: '已逾期' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/today-zh.png', fullPage: true })
})

test.describe('with a Chinese system', () => {
  test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })
  test('follows the system locale and seeds the demo network in Chinese', async ({
    page,
    served,
  }) => {
    await page.goto(`${served.url}#/contacts`)
    await expect(page.getByRole('heading', { name: '联系人' })).toBeVisible()
    const firstName = await page.getByRole('table').getByRole('row').nth(1).innerText()
    expect(firstName).toMatch(/[\u4e00-\u9fff]/)
  })
})

test('removes the demo data from Settings and keeps the user’s own contacts', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('button', { name: 'New contact' }).click()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('My Own Person')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('row', { name: /My Own Person/ })).toBeVisible()
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Remove demo data' }).click()
  await page.getByRole('button', { name: 'Remove demo data' }).click()
  await expect(page.getByText('No demo data left.')).toBeVisible()
  await page.getByRole('link', { name: 'Contacts' }).click()
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2)
  await page.getByRole('link', { name: 'Today' }).click()
  await page.screenshot({ path: 'test-results/screens/today-empty-en.png', fullPage: true })
})

test('the Today page shows what is overdue from the demo network', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByRole('heading', { name: 'Overdue' })).toBeVisible()
  await expect(page.getByText('due ', { exact: false }).first()).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/today-en.png', fullPage: true })
})

test('with a damaged data file and no backup, browser mode explains and stops, leaving the file', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-'))
  const damaged = '{"schemaVersion": 2, "contacts": [ {"name": "half a file'
  await writeFile(join(dataDir, 'rapport.json'), damaged)
  const run = spawnSync(process.execPath, ['out/main/serve.js', '--data', dataDir, '--port', '0'], {
    encoding: 'utf8',
    timeout: 20_000,
  })
  expect(run.status).toBe(1)
  expect(run.stderr).toContain(join(dataDir, 'rapport.json'))
  expect(run.stderr).toContain('not valid JSON')
  expect(await readFile(join(dataDir, 'rapport.json'), 'utf8')).toBe(damaged)
  await rm(dataDir, { recursive: true, force: true })
})

test('with a damaged data file and a backup, restores the backup and says what happened', async ({
  page,
}) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-'))
  const first = await startServe(dataDir, 'en') // first launch: demo network and a start-up backup
  await stopServe(first.child)
  const file = join(dataDir, 'rapport.json')
  const text = await readFile(file, 'utf8')
  await writeFile(file, text.slice(0, text.length / 3))

  const second = await startServe(dataDir, 'en')
  try {
    await page.goto(second.url)
    const banner = page.getByTestId('notice-restoredFromBackup')
    await expect(banner).toContainText('rapport.corrupt-')
    await expect(banner).toContainText('30 contacts')
    await page.screenshot({
      path: 'test-results/screens/restored-from-backup-en.png',
      fullPage: true,
    })
    await page.getByRole('link', { name: 'Contacts' }).click()
    await expect(page.getByText(/^30 people/)).toBeVisible()
    await banner.getByRole('button', { name: 'Dismiss' }).click()
    await expect(banner).toBeHidden()
  } finally {
    await stopServe(second.child)
    await rm(dataDir, { recursive: true, force: true })
  }
})

test('lists backups in Settings, makes one, and restores an earlier one', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('button', { name: 'New contact' }).click()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Added After Backup')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('row', { name: /Added After Backup/ })).toBeVisible()

  await page.getByRole('link', { name: 'Settings' }).click()
  const backups = page.getByRole('table', { name: 'Backups' })
  await expect(backups.getByRole('row')).toHaveCount(2) // header + the start-up backup
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(backups.getByRole('row')).toHaveCount(3)
  await page.screenshot({ path: 'test-results/screens/settings-backups-en.png', fullPage: true })

  // The oldest is the start-up backup, from before the contact was added.
  await backups.getByRole('row').last().getByRole('button', { name: 'Restore' }).click()
  await backups.getByRole('row').last().getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByTestId('notice-restoredBackup')).toBeVisible()
  await page.getByRole('link', { name: 'Contacts' }).click()
  await expect(page.getByRole('table', { name: 'Contacts' })).toBeVisible()
  await expect(page.getByRole('row', { name: /Added After Backup/ })).toHaveCount(0)
})
