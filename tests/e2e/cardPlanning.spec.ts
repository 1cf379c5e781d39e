import { expect, test } from './serveFixture'

test('plans a follow-up from the card, and it waits in Today', async ({ page, served }) => {
  await page.goto(`${served.url}#/contacts/demo-contact-01`)
  const panel = page.getByRole('region', { name: 'Plan a follow-up' })
  await panel.getByLabel('What to do').fill('Send the deck we talked about')
  await panel.getByRole('button', { name: 'Plan' }).click()
  await expect(page.getByText(/^Planned for .*It will show in Today\.$/)).toBeVisible()
  await expect(panel.getByLabel('What to do')).toHaveValue('')
  await page.goto(`${served.url}#/today`)
  await expect(page.getByText('Send the deck we talked about').first()).toBeVisible()
})

test.describe('in Chinese', () => {
  test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })

  test('removes a recorded help, and undo brings it back', async ({ page, served }) => {
    await page.goto(`${served.url}#/contacts/demo-contact-01`)
    await page
      .getByRole('region', { name: '安排跟进' })
      .screenshot({ path: 'test-results/screens/card-plan-zh.png' })
    const panel = page.getByRole('region', { name: '给予与请求' })
    await panel.getByLabel('内容').fill('介绍了一位投资人')
    await panel.getByRole('button', { name: '记录' }).click()
    await expect(panel.getByText(/介绍了一位投资人/)).toBeVisible()
    await panel.getByRole('button', { name: '删除“介绍了一位投资人”' }).click()
    await expect(panel.getByText(/介绍了一位投资人/)).toHaveCount(0)
    await expect(page.getByText('已删除“介绍了一位投资人”。')).toBeVisible()
    await page.screenshot({ path: 'test-results/screens/card-help-removed-zh.png' })
    await page.getByRole('button', { name: '撤销' }).click()
    await expect(panel.getByText(/介绍了一位投资人/)).toBeVisible()
    await page.reload()
    await expect(
      page.getByRole('region', { name: '给予与请求' }).getByText(/介绍了一位投资人/),
    ).toBeVisible()
  })
})
