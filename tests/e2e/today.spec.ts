import { readFile } from 'node:fs/promises'
import { expect, test } from './serveFixture'

test('works the follow-up queue from the keyboard: done with a channel, undo, snooze, drop', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  const overdue = page.locator('[data-followup]').filter({ hasText: 'Hannah Kim' })
  await expect(overdue).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/today-queue-en.png', fullPage: true })

  await overdue.focus()
  await page.keyboard.press('d')
  await page.getByRole('textbox', { name: 'Channel' }).fill('WeChat')
  await page.getByRole('button', { name: 'Mark done' }).click()
  await expect(page.getByText(/^Done: /)).toBeVisible()
  await expect(page.locator('[data-followup]').filter({ hasText: 'Hannah Kim' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page.locator('[data-followup]').filter({ hasText: 'Hannah Kim' })).toBeVisible()

  const lucas = page.locator('[data-followup]').filter({ hasText: 'Lucas Moreau' })
  await lucas.getByRole('button', { name: 'Snooze' }).click()
  await page.getByRole('menuitem', { name: 'Tomorrow 9:00' }).click()
  await expect(page.getByText(/^Snoozed until/)).toBeVisible()

  const marco = page.locator('[data-followup]').filter({ hasText: 'Marco Rossi' }).first()
  await marco.focus()
  await page.keyboard.press('x')
  await expect(page.getByText(/^Dropped: /)).toBeVisible()

  await served.stop()
  const data = JSON.parse(await readFile(served.storeFile, 'utf8'))
  const byContact = (name: string) => {
    const id = data.contacts.find((c: { name: string }) => c.name === name).id
    return data.followUps.filter((f: { contactId: string }) => f.contactId === id)
  }
  expect(byContact('Hannah Kim').some((f: { status: string }) => f.status === 'done')).toBe(false)
  expect(byContact('Lucas Moreau').some((f: { status: string }) => f.status === 'snoozed')).toBe(
    true,
  )
  expect(byContact('Marco Rossi').some((f: { status: string }) => f.status === 'dropped')).toBe(
    true,
  )
})

test('exports the calendar as an .ics file', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Export to calendar…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export to calendar (.ics)' })
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export' }).click()
  const file = await (await download).path()
  const text = await readFile(file!, 'utf8')
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/)
  expect(text).toContain('METHOD:PUBLISH')
  expect(text).toContain('BEGIN:VTIMEZONE')
  expect(text).toContain('China AI Product Summit')
})

test('logging a conversation on the card puts its 24-hour follow-up in the queue', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('button', { name: 'New contact' }).click()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Noor Haddad')
  await page.getByRole('button', { name: 'Save' }).click()
  await page.getByRole('textbox', { name: /Search/ }).fill('noor')
  await page.getByRole('row', { name: /Noor Haddad/ }).click()
  await page.getByRole('button', { name: 'Log a conversation' }).click()
  await page.getByRole('textbox', { name: 'How can I help you?' }).fill('Intro to a climate VC')
  await page
    .getByRole('textbox', { name: 'The seed: one concrete reason to stay in touch' })
    .fill('Send her the Hangzhou accelerator list')
  await page.getByRole('button', { name: 'Log it' }).click()
  await expect(page.getByText(/^Logged\. Follow up by/)).toBeVisible()
  // The card's timeline shows what was said; the seed filled the card's empty seed field.
  await expect(page.getByTestId('conversation-answers')).toContainText(
    'How I can help: Intro to a climate VC',
  )
  await expect(page.getByRole('textbox', { name: /seed/i }).first()).toHaveValue(
    'Send her the Hangzhou accelerator list',
  )
  await page.getByRole('link', { name: 'Today' }).click()
  const mine = page.locator('[data-followup]').filter({ hasText: 'Noor Haddad' })
  await expect(mine).toHaveCount(2)
  await expect(mine.filter({ hasText: 'After meeting' })).toBeVisible()
  await expect(mine.filter({ hasText: 'Send her the Hangzhou accelerator list' })).toBeVisible()
})

test('quick capture saves a new person and the conversation in one step', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Quick capture' }).click()
  await page.getByRole('textbox', { name: 'Who did you meet?' }).fill('Kenji Arai')
  await page.getByRole('textbox', { name: 'Organisation' }).fill('Tide Robotics')
  await page.getByRole('textbox', { name: 'Whom should I meet?' }).fill('His CTO, Mari')
  await page.getByRole('textbox', { name: 'Whom should I meet?' }).press('Control+Enter')
  await expect(page.getByText(/^Kenji Arai saved\. Follow up by/)).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Who did you meet?' })).toHaveValue('')
  await page.screenshot({ path: 'test-results/screens/capture-en.png' })
  await page.getByRole('link', { name: 'Today' }).click()
  await expect(page.locator('[data-followup]').filter({ hasText: 'Kenji Arai' })).toBeVisible()
})

test('Ctrl+Shift+K opens quick capture from any page, even while typing', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/contacts`)
  const search = page.getByRole('textbox').first()
  await search.click()
  await page.keyboard.press('Control+Shift+K')
  await expect(page.getByRole('heading', { name: 'Quick capture' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Who did you meet?' })).toBeVisible()
})

test.describe('in Chinese', () => {
  test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })
  test('words the follow-ups Rapport made in Chinese, and rewords them after switching to English', async ({
    page,
    served,
  }) => {
    await page.goto(`${served.url}#/`)
    const queue = page.locator('[data-followup]')
    await expect(queue.first()).toBeVisible()
    await expect(queue.filter({ hasText: '保持联系' }).first()).toBeVisible()
    for (const english of ['Thank and follow up', 'Keep in touch', 'Important date']) {
      await expect(page.getByText(english)).toHaveCount(0)
    }
    await page.screenshot({ path: 'test-results/screens/today-zh.png' })

    await page.getByRole('link', { name: '设置' }).click()
    await page.getByRole('radiogroup', { name: '语言' }).getByText('English').click()
    await page.getByRole('link', { name: 'Today' }).click()
    await expect(queue.filter({ hasText: 'Keep in touch' }).first()).toBeVisible()
    await expect(page.getByText('保持联系')).toHaveCount(0)
  })
})
