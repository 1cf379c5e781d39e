import { join } from 'node:path'
import { expect, test } from './serveFixture'

// Playwright runs from the repository root.
const encodingFixture = (name: string) => join('tests/fixtures/encodings', name)

test('every row of a large import is reachable in the preview, page by page', async ({
  page,
  served,
}) => {
  // 250 namesakes with their own LinkedIn profiles, and one repeated profile at the end.
  const rows = Array.from(
    { length: 250 },
    (_, i) => `Wei,Wang,https://www.linkedin.com/in/wei-wang-${i},,Company ${i},Engineer,`,
  )
  rows.push('Wei,Wang,https://www.linkedin.com/in/wei-wang-7/,wei7@example.com,Company 7,Engineer,')
  const csv = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows]
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles({
    name: 'Connections.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv.join('\n')),
  })
  const dialog = page.getByRole('dialog', { name: 'Import contacts' })
  await expect(dialog.getByTestId('import-summary')).toContainText('250 new')
  await expect(dialog.getByTestId('import-summary')).toContainText('1 possible duplicates')
  await expect(dialog.getByText('Rows 1–100 of 251.')).toBeVisible()
  await dialog.getByRole('button', { name: '3' }).click()
  await expect(dialog.getByText('Rows 201–251 of 251.')).toBeVisible()
  // The last line, past the first 300 lines the old preview showed, with the line it repeats.
  await expect(dialog.getByRole('row', { name: /^252 / })).toContainText(
    'May be Wei Wang (line 9) (same LinkedIn)',
  )
  await dialog.getByText('Duplicate? 1', { exact: true }).click()
  await expect(dialog.getByRole('table').getByRole('row')).toHaveCount(2)
})

test('shows the detected encoding and reads the file again in another', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles(encodingFixture('outlook-windows-1252.csv'))
  const dialog = page.getByRole('dialog', { name: 'Import contacts' })
  const encoding = dialog.getByRole('combobox', { name: 'Encoding' })
  await expect(encoding).toHaveValue('Western (Windows-1252)')
  await expect(dialog.getByText('Jürgen Müller')).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/import-encoding-en.png' })
  await encoding.click()
  await page.getByRole('option', { name: 'Simplified Chinese (GBK/GB18030)' }).click()
  await expect(encoding).toHaveValue('Simplified Chinese (GBK/GB18030)')
  await expect(dialog.getByText('Jürgen Müller')).toHaveCount(0)
})
