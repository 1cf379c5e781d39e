import { readFile } from 'node:fs/promises'
import { expect, test } from './serveFixture'

test('shows the demo network, adds a contact that survives a reload and lands on disk', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible()

  await page.getByRole('link', { name: 'Contacts' }).click()
  const table = page.getByRole('table', { name: 'Contacts' })
  await expect(table.getByRole('row')).toHaveCount(31, { timeout: 10_000 }) // header + ~30 demo people
  const demoRows = await table.getByRole('row').count()
  expect(demoRows).toBeGreaterThan(20)
  await page.screenshot({ path: 'test-results/screens/contacts-en.png', fullPage: true })

  await page.getByRole('button', { name: 'New contact' }).click()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Grace Hopper')
  await page.getByLabel('Organisation').fill('Navy Labs')
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('grace@example.com')
  await page.screenshot({ path: 'test-results/screens/contact-form-en.png' })
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(table.getByRole('row', { name: /Grace Hopper/ })).toBeVisible()

  await page.reload()
  await expect(
    page.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /Grace Hopper/ }),
  ).toBeVisible()

  const onDisk = JSON.parse(await readFile(served.storeFile, 'utf8'))
  expect(onDisk.contacts).toContainEqual(
    expect.objectContaining({
      name: 'Grace Hopper',
      organization: 'Navy Labs',
      emails: [{ label: '', value: 'grace@example.com' }],
    }),
  )
})

test('searches, edits and deletes with undo', async ({ page, served }) => {
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('button', { name: 'New contact' }).click()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Zhang Wei Test')
  await page.getByRole('textbox', { name: 'Name', exact: true }).press('Control+Enter')
  const table = page.getByRole('table', { name: 'Contacts' })
  await expect(table.getByRole('row', { name: /Zhang Wei Test/ })).toBeVisible()

  await page.getByRole('textbox', { name: /Search/ }).fill('zhang wei test')
  await expect(table.getByRole('row')).toHaveCount(2)
  await page.getByRole('textbox', { name: /Search/ }).fill('no such person xyz')
  await expect(page.getByText('No one matches')).toBeVisible()
  await page.getByRole('textbox', { name: /Search/ }).fill('zhang wei test')

  await table.getByRole('row', { name: /Zhang Wei Test/ }).click()
  await page.getByLabel('Role').fill('Founder')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(table.getByRole('row', { name: /Founder/ })).toBeVisible()

  await table.getByRole('row', { name: /Zhang Wei Test/ }).click()
  await page.getByRole('button', { name: 'Delete' }).click()
  await page
    .getByRole('dialog', { name: /Delete Zhang Wei Test/ })
    .getByRole('button', { name: 'Delete' })
    .click()
  await expect(table).toBeHidden()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(
    page.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /Zhang Wei Test/ }),
  ).toBeVisible()
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

test.describe('with a damaged data file', () => {
  const damaged = '{"schemaVersion": 1, "contacts": [ {"name": "half a file'
  test.use({ storeText: damaged })
  test('says which file is wrong and leaves it exactly as it was', async ({ page, served }) => {
    await page.goto(served.url)
    await expect(
      page.getByRole('heading', { name: 'Your data file cannot be opened' }),
    ).toBeVisible()
    await expect(page.getByText(served.storeFile)).toBeVisible()
    await page.screenshot({ path: 'test-results/screens/store-unavailable-en.png', fullPage: true })
    expect(await readFile(served.storeFile, 'utf8')).toBe(damaged)
  })
})
