import { expect, test } from './serveFixture'

// Playwright runs from the repository root.
const card = (name: string) => `tests/fixtures/cards/${name}`
// Reading a card takes a few seconds, more on a busy machine (the reader starts on first use).
const READ = { timeout: 90_000 }

test('reads a business card beside its fields and saves it as a contact', async ({
  page,
  served,
}) => {
  test.setTimeout(180_000)
  await page.goto(`${served.url}#/today`)
  await page.getByRole('link', { name: 'Scan cards' }).click()
  await expect(page.getByRole('heading', { name: 'Scan cards' })).toBeVisible()
  await page.locator('input[type=file]').setInputFiles(card('card-02.jpg'))
  const preview = page.getByTestId('scanned-card')
  await expect(preview.getByRole('img', { name: 'Card card-02.jpg' })).toBeVisible()
  await expect(preview.getByLabel('Name')).toHaveValue('Emma Bennett', READ)
  await expect(preview.getByLabel('Emails (one per line)')).toHaveValue(
    'emma_bennett@harboranalytics.co.uk',
  )
  await expect(preview.getByLabel('Phones (one per line)')).toHaveValue('+442073834103')
  await expect(preview.getByLabel('Organisation')).toHaveValue('Harbor Analytics Ltd.')
  await page.screenshot({ path: 'test-results/screens/scan-cards-en.png', fullPage: true })
  // Corrected by hand before saving.
  await preview.getByLabel('Title').fill('Staff Software Engineer')
  await preview.getByRole('button', { name: 'Save contact' }).click()
  await expect(page.getByText('Emma Bennett saved, card received')).toBeVisible()
  await expect(preview).toHaveCount(0)

  await page.goto(`${served.url}#/contacts`)
  await page.getByPlaceholder(/Search/).fill('Emma Bennett')
  await page.getByText('Emma Bennett').first().click()
  await expect(page.getByText('Staff Software Engineer').first()).toBeVisible()
})

test.describe('in Chinese', () => {
  test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })

  test('flags a card already in the contacts and merges into it', async ({ page, served }) => {
    test.setTimeout(240_000)
    await page.goto(`${served.url}#/cards`)
    await expect(page.getByRole('link', { name: '扫描名片' })).toBeVisible()
    await page.locator('input[type=file]').setInputFiles(card('card-01.jpg'))
    const preview = page.getByTestId('scanned-card')
    await expect(preview.getByLabel('姓名')).toHaveValue('陈子涵', READ)
    await expect(preview.getByLabel('邮箱（每行一个）')).toHaveValue('zihan.chen@jiguang-ai.com')
    await page.screenshot({ path: 'test-results/screens/scan-cards-zh.png', fullPage: true })
    await preview.getByRole('button', { name: '保存联系人' }).click()
    await expect(page.getByText('已保存陈子涵，并记下收到名片')).toBeVisible()

    // The same card again: flagged by its email and phone, merged by default.
    await page.locator('input[type=file]').setInputFiles(card('card-01.jpg'))
    await expect(preview.getByText('已在联系人中：')).toBeVisible(READ)
    await expect(preview.getByRole('radio', { name: /合并到陈子涵/ })).toBeChecked()
    await preview.screenshot({ path: 'test-results/screens/scan-cards-duplicate-zh.png' })
    await preview.getByRole('button', { name: '保存联系人' }).click()
    await expect(page.getByText('已更新陈子涵，并记下收到名片')).toBeVisible()
  })
})
