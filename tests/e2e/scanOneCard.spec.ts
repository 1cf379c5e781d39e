import { expect, test } from './serveFixture'

// Playwright runs from the repository root.
const card = (name: string) => `tests/fixtures/cards/${name}`
// Reading a card takes a few seconds, more on a busy machine (the reader starts on first use).
const READ = { timeout: 90_000 }

test('scans a card in quick capture into a new person, then offers its address on their card', async ({
  page,
  served,
}) => {
  test.setTimeout(240_000)
  await page.goto(`${served.url}#/capture`)
  await page.getByRole('button', { name: 'Scan a card' }).click()
  const dialog = page.getByRole('dialog', { name: 'Scan a business card' })
  await dialog.locator('input[type=file]').setInputFiles(card('card-02.jpg'))
  await expect(dialog).toHaveCount(0, READ)
  await expect(page.getByLabel('Who did you meet?')).toHaveValue('Emma Bennett')
  await expect(page.getByLabel('Organisation')).toHaveValue('Harbor Analytics Ltd.')
  const fromCard = page.getByTestId('capture-card')
  await expect(fromCard).toContainText('Senior Software Engineer')
  await expect(fromCard).toContainText('emma_bennett@harboranalytics.co.uk')
  await expect(page.getByLabel('Card received')).toBeChecked()
  await page
    .getByLabel('The seed: one concrete reason to stay in touch')
    .fill('Send her the pipeline benchmark')
  await page.screenshot({ path: 'test-results/screens/capture-scan-en.png', fullPage: true })
  await page.getByRole('button', { name: 'Save and capture another' }).click()
  await expect(page.getByText(/Emma Bennett saved/)).toBeVisible()

  await page.goto(`${served.url}#/contacts`)
  await page.getByPlaceholder(/Search/).fill('Emma Bennett')
  await page.getByRole('row', { name: /Emma Bennett/ }).click()
  await expect(page.getByRole('heading', { name: 'Emma Bennett' })).toBeVisible()
  await expect(page.getByText('Senior Software Engineer').first()).toBeVisible()
  await expect(page.locator('input[value="emma_bennett@harboranalytics.co.uk"]')).toHaveCount(1)
  await expect(page.locator('input[value="+442073834103"]')).toHaveCount(1)

  // The same card on her card: only the address (into the notes) is new.
  await page.getByRole('button', { name: 'Scan a card' }).click()
  await page
    .getByRole('dialog', { name: 'Scan a business card' })
    .locator('input[type=file]')
    .setInputFiles(card('card-02.jpg'))
  const offers = page.getByRole('dialog', { name: 'What the card says' })
  await expect(offers).toBeVisible(READ)
  await expect(offers.getByRole('checkbox')).toHaveCount(1)
  await expect(
    offers.getByRole('checkbox', {
      name: 'Address (into the notes): 14 Baker Lane, London EC2A 4NE',
    }),
  ).toBeChecked()
  await offers.getByRole('button', { name: 'Take into the card' }).click()
  await page.getByRole('button', { name: 'Save card' }).click()
  await expect(page.getByText('Card saved')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue(/14 Baker Lane/)
})

test.describe('in Chinese', () => {
  test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })

  test('offers a card’s fields to merge into a contact, replacing nothing unasked', async ({
    page,
    served,
  }) => {
    test.setTimeout(240_000)
    await page.goto(`${served.url}#/contacts`)
    const table = page.getByRole('table', { name: '联系人' })
    await page.getByRole('textbox', { name: /搜索/ }).fill('陈思远')
    await table.getByRole('row', { name: /陈思远/ }).click()
    await expect(page.getByRole('heading', { name: '陈思远' })).toBeVisible()
    await page.getByRole('button', { name: '扫描名片' }).click()
    await page
      .getByRole('dialog', { name: '扫描一张名片' })
      .locator('input[type=file]')
      .setInputFiles(card('card-01.jpg'))
    const offers = page.getByRole('dialog', { name: '名片上的信息' })
    await expect(offers).toBeVisible(READ)
    // Another name and organisation are offered, not ticked; the new phone and email are.
    await expect(offers.getByRole('checkbox', { name: '姓名：陈子涵' })).not.toBeChecked()
    await expect(offers.getByRole('checkbox', { name: '电话：+8618607794645' })).toBeChecked()
    await expect(
      offers.getByRole('checkbox', { name: '邮箱：zihan.chen@jiguang-ai.com' }),
    ).toBeChecked()
    await page.screenshot({ path: 'test-results/screens/card-scan-offers-zh.png' })
    await offers.getByRole('button', { name: '并入联系人' }).click()
    await expect(page.getByRole('heading', { name: '陈思远' })).toBeVisible()
    await page.getByRole('button', { name: '保存名片' }).click()
    await expect(page.getByText('名片已保存')).toBeVisible()
    await page.reload()
    await expect(page.locator('input[value="zihan.chen@jiguang-ai.com"]')).toHaveCount(1)
    await expect(page.locator('input[value="+8618607794645"]')).toHaveCount(1)
  })
})
