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

test.describe('in Chinese', () => {
  test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })

  test('imports two 王伟 from a GBK file and names the line a repeat matches', async ({
    page,
    served,
  }) => {
    await page.goto(`${served.url}#/contacts`)
    await page.getByRole('button', { name: '导入…' }).click()
    await page.locator('input[type=file]').setInputFiles(encodingFixture('excel-zh-gb18030.csv'))
    const dialog = page.getByRole('dialog', { name: '导入联系人' })
    await expect(dialog.getByRole('combobox', { name: '编码' })).toHaveValue(
      '简体中文（GBK/GB18030）',
    )
    await expect(dialog.getByText('张伟', { exact: true })).toBeVisible()
    await dialog.getByRole('button', { name: '取消' }).click()

    const csv = [
      '姓名,公司,领英',
      '王伟,华为,https://cn.linkedin.com/in/wangwei-hw',
      '王伟,小米,https://www.linkedin.cn/incareer/in/wangwei-mi',
      '王 伟,小米,linkedin.com/in/WangWei-mi/',
    ].join('\n')
    await page.getByRole('button', { name: '导入…' }).click()
    await page.locator('input[type=file]').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    })
    await expect(dialog.getByTestId('import-summary')).toContainText('新联系人 2')
    await expect(dialog.getByTestId('import-summary')).toContainText('已存在 1')
    await expect(dialog.getByRole('row', { name: /^4 / })).toContainText(
      '与 王伟（第 3 行） 是同一人（领英相同）',
    )
    await page.screenshot({ path: 'test-results/screens/import-namesakes-zh.png' })
  })

  test('chooses the region of phone numbers in Settings, with region names in Chinese', async ({
    page,
    served,
  }) => {
    await page.goto(`${served.url}#/settings`)
    const region = page.getByRole('combobox', { name: '没有国家代码的电话号码属于' })
    await expect(region).toHaveValue('按界面语言决定（中文即中国）')
    await region.click()
    await region.fill('英国')
    await page.getByRole('option', { name: '英国（GB）' }).click()
    await expect(region).toHaveValue('英国（GB）')
    await page.screenshot({ path: 'test-results/screens/settings-phone-region-zh.png' })
    await page.reload()
    await expect(page.getByRole('combobox', { name: '没有国家代码的电话号码属于' })).toHaveValue(
      '英国（GB）',
    )
  })
})
