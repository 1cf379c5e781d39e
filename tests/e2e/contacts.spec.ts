import { join } from 'node:path'
import { expect, test } from './serveFixture'

// Playwright runs from the repository root.
const fixture = (name: string) => join('tests/fixtures/real-world', name)

test('imports a vCard file through the preview, without duplicating on a second import', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles(fixture('google-gmail-export-multi.vcf'))
  const dialog = page.getByRole('dialog', { name: 'Import contacts' })
  await expect(dialog.getByTestId('import-summary')).toContainText('3 new')
  await page.screenshot({ path: 'test-results/screens/import-preview-en.png' })
  await dialog.getByRole('button', { name: 'Import 3 contacts' }).click()
  await expect(page.getByText('Imported: 3 new')).toBeVisible()
  await expect(page.getByText(/^33 people/)).toBeVisible()

  // The same file again: everyone is already there, nothing to import.
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles(fixture('google-gmail-export-multi.vcf'))
  await expect(dialog.getByTestId('import-summary')).toContainText('3 already in Rapport')
  await expect(dialog.getByRole('button', { name: 'Nothing to import.' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText(/^33 people/)).toBeVisible()
})

test('imports LinkedIn-style CSV with a column mapping step', async ({ page, served }) => {
  const csv = [
    'Notes:',
    '"When exporting your connection data, you may notice missing emails."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    'Mei,Tan,https://www.linkedin.com/in/meitan,mei@example.com,Harbour AI,CTO,01 Mar 2026',
    'Omar,Haddad,https://www.linkedin.com/in/ohaddad,,Dune Labs,Founder,02 Mar 2026',
  ].join('\n')
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles({
    name: 'Connections.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  const dialog = page.getByRole('dialog', { name: 'Import contacts' })
  await expect(dialog.getByTestId('import-summary')).toContainText('2 new')
  await expect(dialog.getByLabel('Company')).toHaveValue('Organisation')
  await dialog.getByRole('button', { name: 'Import 2 contacts' }).click()
  await page.getByRole('textbox', { name: /Search/ }).fill('harbour')
  await page.getByRole('row', { name: /Mei Tan/ }).click()
  await expect(page.getByRole('textbox', { name: 'Role', exact: true })).toHaveValue('CTO')
})

test.describe('a Chinese network', () => {
  test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })

  test('finds a Chinese name by pinyin and by initials, opens the card and edits it', async ({
    page,
    served,
  }) => {
    await page.goto(`${served.url}#/contacts`)
    const search = page.getByRole('textbox', { name: /搜索/ })
    const table = page.getByRole('table', { name: '联系人' })
    await search.fill('chensiyuan')
    await expect(table.getByRole('row', { name: /陈思远/ })).toBeVisible()
    await search.fill('csy')
    await expect(table.getByRole('row', { name: /陈思远/ })).toBeVisible()
    await page.screenshot({ path: 'test-results/screens/contacts-pinyin-zh.png' })
    await table.getByRole('row', { name: /陈思远/ }).click()
    await expect(page.getByRole('heading', { name: '陈思远' })).toBeVisible()
    await expect(page.getByTestId('completeness')).toContainText('名片完整度')
    const seed = page.getByRole('textbox', { name: '种子：对方为什么会和我保持联系' })
    await seed.fill('答应帮他找三家愿意试听的团队')
    await page.getByRole('button', { name: '保存名片' }).click()
    await expect(page.getByText('名片已保存')).toBeVisible()
    await page.screenshot({ path: 'test-results/screens/card-zh.png', fullPage: true })
    await page.reload()
    await expect(seed).toHaveValue('答应帮他找三家愿意试听的团队')
    await served.stop()
  })
})

test('finds two cards of one person and merges them, keeping both histories', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/contacts`)
  for (const [name, org] of [
    ['Ines Duarte', 'Lisbon Labs'],
    ['Inês Duarte', 'Lisbon Labs'],
  ]) {
    await page.getByRole('button', { name: 'New contact' }).click()
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name!)
    await page.getByRole('textbox', { name: 'Organisation' }).fill(org!)
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('ines@lisbonlabs.example')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByText(`${name} added`)).toBeVisible()
  }
  await page.getByRole('button', { name: 'Duplicates' }).click()
  const group = page.getByTestId('duplicate-group').filter({ hasText: 'Lisbon Labs' })
  await expect(group).toContainText('same email')
  await group.getByRole('button', { name: 'Merge…' }).click()
  await page.screenshot({ path: 'test-results/screens/merge-en.png' })
  await page
    .getByRole('dialog', { name: 'Merge two cards' })
    .getByRole('button', { name: 'Merge' })
    .click()
  await expect(page.getByText(/Merged into/)).toBeVisible()
  await expect(page.getByTestId('duplicate-group').filter({ hasText: 'Lisbon Labs' })).toHaveCount(
    0,
  )
  await page.getByRole('link', { name: 'All contacts' }).click()
  await page.getByRole('textbox', { name: /Search/ }).fill('duarte')
  await expect(page.getByRole('table', { name: 'Contacts' }).getByRole('row')).toHaveCount(2)
})

test('shows the quarterly review', async ({ page, served }) => {
  await page.goto(`${served.url}#/contacts/review`)
  await expect(page.getByRole('heading', { name: 'Quarterly review' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'The circle', exact: true })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/review-en.png', fullPage: true })
})

test('sets a photo on the card; a file that is not an image is refused', async ({
  page,
  served,
}) => {
  // A 2×2 PNG, made by hand: signature, IHDR, IDAT, IEND.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYGD4z8DAwMDAwMDAAAANBAEBWCWFPAAAAABJRU5ErkJggg==',
    'base64',
  )
  await page.goto(`${served.url}#/contacts/demo-contact-01`)
  await expect(page.getByTestId('completeness')).toContainText('Missing: photo')
  await page
    .getByTestId('photo-input')
    .setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: png })
  await expect(page.getByText('Photo saved')).toBeVisible()
  await expect(page.getByTestId('completeness')).not.toContainText('photo')
  await page.getByTestId('photo-input').setInputFiles({
    name: 'fake.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('not really a picture'),
  })
  await expect(
    page.getByText('This file is not a JPEG, PNG or WebP image Rapport can read.'),
  ).toBeVisible()
})
