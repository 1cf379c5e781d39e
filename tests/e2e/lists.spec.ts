import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateStore } from '../../bench/generateStore'
import { openJournaledStore } from '../../src/main/core/store/journaledStore'
import type { StoreData } from '../../src/shared/model'
import { expect, startServe, stopServe, test } from './serveFixture'

const PEOPLE = 5_600

/** Browser mode over a store written beforehand, as a big import or years of use leave it. */
async function serveStore(data: StoreData) {
  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-lists-'))
  const store = await openJournaledStore({
    dir: dataDir,
    initialData: () => data,
    holder: 'e2e',
    backups: false,
    watchIntervalMs: 0,
  })
  await store.close()
  return { ...(await startServe(dataDir, 'en', 30_000)), dataDir }
}
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

test('the contacts list scrolls to its last row past 5,000, fetching windows, and selects all', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const data = generateStore({ contacts: PEOPLE, encounters: 0, followUps: 0 }, 11)
  data.contacts = data.contacts.map((c) => ({ ...c, archived: false }))
  const { url, child, dataDir } = await serveStore(data)
  try {
    const windows: { offset?: number; limit?: number }[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/api/contacts.search')) {
        windows.push(JSON.parse(request.postData() ?? '{}') as { offset?: number; limit?: number })
      }
    })
    await page.goto(`${url}#/contacts`)
    await expect(page.getByText(/^5600 people/)).toBeVisible({ timeout: 20_000 })

    // Drag the scroll bar to the very end, as a user looking for the last name would.
    const scroller = page.getByRole('table', { name: 'Contacts' }).getByRole('rowgroup')
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    const lastRow = page.locator(`[role=row][aria-rowindex="${PEOPLE + 1}"]`)
    await expect(lastRow).toBeVisible()
    await expect(lastRow.getByRole('checkbox')).toBeVisible()
    await expect(page.getByText('Something went wrong')).toHaveCount(0)

    // Back up a little and down again: nothing before the end is fetched in bulk.
    await scroller.evaluate((el) => el.scrollBy({ top: -3000 }))
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    await expect(lastRow.getByRole('checkbox')).toBeVisible()
    expect(windows.every((w) => (w.limit ?? 0) <= 200)).toBe(true)
    const rowsFetched = windows.reduce((sum, w) => sum + (w.limit ?? 0), 0)
    expect(rowsFetched).toBeLessThan(1_500)
    expect(Math.max(...windows.map((w) => w.offset ?? 0))).toBeGreaterThanOrEqual(5_400)

    // "Select all" means every matching contact, not the rows fetched so far.
    await page.getByRole('checkbox', { name: 'Select all 5600 matching contacts' }).click()
    const exportAll = page.getByRole('button', { name: 'Export 5600 selected' })
    await expect(exportAll).toBeVisible()
    const download = page.waitForEvent('download')
    await exportAll.click()
    const file = await (await download).path()
    const text = await readFile(file, 'utf8')
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(PEOPLE)
  } finally {
    await stopServe(child)
    await rm(dataDir, { recursive: true, force: true })
  }
})

test('two tabs editing the same event: the second is shown both values and keeps its draft', async ({
  page,
  served,
}) => {
  const eventUrl = `${served.url}#/events/demo-event-upcoming`
  const other = await page.context().newPage()
  await page.goto(eventUrl)
  await other.goto(eventUrl)
  const venue = (p: typeof page) => p.getByRole('textbox', { name: 'Venue', exact: true })
  await expect(venue(page)).toBeVisible()
  await expect(venue(other)).toBeVisible()

  // Tab two starts typing a venue; an idle tab would simply show the other's change, but a
  // draft in progress is never replaced by it.
  await venue(other).fill('Pudong Expo Center')

  // Tab one changes the venue and saves.
  await venue(page).fill('West Bund Hall')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText(/saved\.$/).first()).toBeVisible()

  // Tab two goes on with the city, then saves.
  await expect(venue(other)).toHaveValue('Pudong Expo Center')
  await other.getByRole('textbox', { name: 'City' }).fill('Shanghai Pudong')
  await other.getByRole('button', { name: 'Save', exact: true }).click()
  const notice = other.getByRole('alert').filter({ hasText: 'Changed in another window meanwhile' })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('Yours: Pudong Expo Center')
  await expect(notice).toContainText('Saved elsewhere: West Bund Hall')
  // Nothing was overwritten, and nothing typed is gone.
  await expect(venue(other)).toHaveValue('Pudong Expo Center')
  await expect(other.getByRole('textbox', { name: 'City' })).toHaveValue('Shanghai Pudong')

  // Keep theirs for the venue, mine for the city: one click, no retyping.
  await notice.getByText('Take theirs').click()
  await notice.getByRole('button', { name: 'Save with these choices' }).click()
  await expect(notice).toBeHidden()
  await page.reload()
  await expect(venue(page)).toHaveValue('West Bund Hall')
  await expect(page.getByRole('textbox', { name: 'City' })).toHaveValue('Shanghai Pudong')
})

test('card edits survive archiving and a new photo, and leaving asks first', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('row').nth(1).click()
  const whatTheyDo = page.getByRole('textbox', { name: 'What they do' })
  await expect(whatTheyDo).toBeVisible()
  await whatTheyDo.fill('Runs the Shanghai founders dinner')

  await page.getByRole('button', { name: 'Archive', exact: true }).click()
  await expect(page.getByText('Archived', { exact: true })).toBeVisible()
  await expect(whatTheyDo).toHaveValue('Runs the Shanghai founders dinner')

  // A new photo reloads the card too; the typing stays.
  await page.getByTestId('photo-input').setInputFiles({
    name: 'face.png',
    mimeType: 'image/png',
    buffer: Buffer.from(ONE_PIXEL_PNG, 'base64'),
  })
  await expect(page.getByText('Photo saved')).toBeVisible()
  await expect(whatTheyDo).toHaveValue('Runs the Shanghai founders dinner')

  // Leaving by the sidebar asks; staying keeps the text.
  await page.getByRole('link', { name: 'Today' }).first().click()
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' })
  await expect(ask).toBeVisible()
  await ask.getByRole('button', { name: 'Stay and keep editing' }).click()
  await expect(whatTheyDo).toHaveValue('Runs the Shanghai founders dinner')
  expect(page.url()).toContain('#/contacts/')

  // Saved, the card leaves without a question.
  await page.getByRole('button', { name: 'Save card' }).click()
  await expect(page.getByText('Card saved')).toBeVisible()
  await expect(whatTheyDo).toHaveValue('Runs the Shanghai founders dinner')
  await page.getByRole('link', { name: 'Today' }).first().click()
  await expect(page).toHaveURL(/#\/today/)
})

test('Today with 3,000 overdue follow-ups draws only what is on screen, and undo stays to be used', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const data = generateStore({ contacts: 3_000, encounters: 0, followUps: 3_000 }, 13)
  data.followUps = data.followUps.map((f) => ({ ...f, status: 'open' as const }))
  const { url, child, dataDir } = await serveStore(data)
  try {
    await page.goto(`${url}#/today`)
    const items = page.locator('[data-followup]')
    await expect(items.first()).toBeVisible({ timeout: 20_000 })
    // Thousands in the queue, a screenful in the page.
    expect(await items.count()).toBeLessThan(100)

    // The end of the overdue list is reachable.
    const overdue = page.getByTestId('virtual-stack').first()
    await overdue.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    await expect(items.last()).toBeVisible()

    const first = items.first()
    const title = (await first.innerText()).split('\n')[0]!
    await first.focus()
    await page.keyboard.press('x')
    const toast = page.getByText(/^Dropped: /)
    await expect(toast).toBeVisible()
    // Still there after five seconds: time to read it and reach Undo.
    await page.waitForTimeout(5_000)
    await expect(toast).toBeVisible()
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(toast).toBeHidden()
    await expect(page.locator('[data-followup]').filter({ hasText: title }).first()).toBeAttached()
  } finally {
    await stopServe(child)
    await rm(dataDir, { recursive: true, force: true })
  }
})

test('an event’s people list reaches its last person past 500', async ({ page, served }) => {
  const rows = Array.from(
    { length: 620 },
    (_, i) => `Guest,Number ${i + 1},guest${i + 1}@example.org,Expo Partners`,
  )
  await page.goto(`${served.url}#/events/demo-event-upcoming`)
  await page.getByRole('tab', { name: /Speakers and attendees/ }).click()
  await page.locator('input[type=file]').setInputFiles({
    name: 'attendees.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['First Name,Last Name,Email,Company', ...rows].join('\n')),
  })
  await page.getByRole('button', { name: 'Add 620 people' }).click()
  await expect(page.getByText('620 people added.')).toBeVisible()
  const list = page.getByRole('table', { name: /On the list/ })
  await list.getByRole('rowgroup').evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  await expect(list.getByText('Guest Number 620', { exact: true })).toBeVisible()
  expect(await list.getByRole('row').count()).toBeLessThan(80)
})
