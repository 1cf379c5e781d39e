import { readFile } from 'node:fs/promises'
import { Lunar } from 'lunar-javascript'
import { expect, test } from './serveFixture'

/** The next Mid-Autumn day (八月十五) from today, as the library's tables give it. */
function nextMidAutumn(): Date {
  const today = new Date()
  today.setHours(0, 0, 0, 0)
  for (let year = today.getFullYear() - 1; ; year++) {
    const solar = Lunar.fromYmd(year, 8, 15).getSolar()
    const day = new Date(solar.getYear(), solar.getMonth() - 1, solar.getDay())
    if (day >= today) return day
  }
}

test('a lunar birthday on the card shows both calendars and is kept', async ({ page, served }) => {
  const next = nextMidAutumn()
  const month = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')[next.getMonth()]
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('button', { name: 'New contact' }).click()
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Mei Lin')
  await page.getByRole('textbox', { name: 'Name', exact: true }).press('Control+Enter')
  await page.getByRole('textbox', { name: /Search/ }).fill('Mei Lin')
  await page
    .getByRole('table', { name: 'Contacts' })
    .getByRole('row', { name: /Mei Lin/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Mei Lin' })).toBeVisible()

  const dates = page.getByTestId('important-dates')
  await dates.getByRole('button', { name: /Add/ }).click()
  await dates
    .getByRole('textbox', { name: 'Important dates 1 What (birthday, …)' })
    .fill('Birthday')
  // 3 October 1990 was the fifteenth day of the eighth lunar month.
  await dates.getByLabel('Important dates 1 Date').fill('1990-10-03')
  await dates.getByRole('combobox', { name: 'Important dates 1 Calendar' }).click()
  await page.getByRole('option', { name: 'Lunar (农历)' }).click()
  const line = `8th month 15th day (lunar) · ${next.getDate()} ${month} ${next.getFullYear()}`
  await expect(dates.getByTestId('lunar-date')).toHaveText(line)
  await page.getByRole('button', { name: 'Save card' }).click()
  await expect(page.getByText('Card saved')).toBeVisible()

  await page.reload()
  await expect(page.getByTestId('lunar-date')).toHaveText(line)
  await page.getByTestId('important-dates').scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screens/lunar-date-en.png' })

  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByText('简体中文').click()
  await page.goBack()
  await page.reload()
  await expect(page.getByTestId('lunar-date')).toHaveText(
    `农历八月十五 · ${next.getFullYear()}年${next.getMonth() + 1}月${next.getDate()}日`,
  )
  await page.getByTestId('important-dates').scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screens/lunar-date-zh.png' })

  await served.stop()
  const data = JSON.parse(await readFile(served.storeFile, 'utf8'))
  const mei = data.contacts.find((c: { name: string }) => c.name === 'Mei Lin')
  expect(mei.importantDates).toEqual([
    {
      label: 'Birthday',
      date: '1990-10-03',
      calendar: 'lunar',
      lunar: { month: 8, day: 15, leap: false },
    },
  ])
})
