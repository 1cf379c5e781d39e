import type { Page } from '@playwright/test'
import { chromiumPath } from '../../playwright.config'
import { editLine, phoneFor } from '../unit/support/davPhone'
import {
  hasRadicale,
  radicaleMissing,
  startRadicale,
  type Radicale,
} from '../unit/support/radicale'
import { expect, test } from './serveFixture'

test.use({ launchOptions: { executablePath: chromiumPath } })
test.skip(!hasRadicale, radicaleMissing)

let server: Radicale
test.beforeAll(async () => {
  server = await startRadicale()
})
test.afterAll(async () => server?.stop())

/** Calls the app's own API the way its page does (same token), for the Rapport-side edit. */
async function api<T>(page: Page, url: string, name: string, input: unknown): Promise<T> {
  const token = await page.locator('meta[name="rapport-token"]').getAttribute('content')
  const response = await page.request.post(new URL(`/api/${name}`, url).href, {
    headers: { 'x-rapport-token': token ?? '', 'content-type': 'application/json' },
    data: input,
  })
  const envelope = (await response.json()) as { ok: boolean; value: T }
  expect(envelope.ok, JSON.stringify(envelope)).toBe(true)
  return envelope.value
}

test('Settings → Sync against Radicale: connect, sync both ways, take a conflict with one click', async ({
  page,
  served,
}) => {
  test.setTimeout(90_000)
  await page.goto(`${served.url}#/settings`)
  const card = page.getByTestId('sync-card')
  await expect(card.getByRole('heading', { name: 'Sync with your phone' })).toBeVisible()
  await card.getByLabel('Server address').fill(server.url)
  await card.getByLabel('User name').fill(server.user)
  await card.getByLabel('Password (an app password)').fill(server.password)
  await card.getByRole('button', { name: 'Test connection' }).click()
  await expect(card.getByTestId('sync-found')).toContainText('Connected')
  await card.getByRole('button', { name: 'Create ones named “Rapport”' }).click()
  await expect(card.getByLabel('Address book')).toHaveValue('Rapport')
  await card.getByRole('button', { name: 'Sync now' }).click()
  await expect(card.getByTestId('sync-last')).toContainText(/Rapport → phone [1-9]\d*/, {
    timeout: 30_000,
  })
  await expect(card.getByTestId('sync-log')).toContainText('Rapport → phone')

  // The phone edits two cards; Rapport edits the same field of one of them.
  const phone = phoneFor(server)
  const book = `${server.url}${server.user}/rapport-contacts/`
  const cards = (await phone.list(book)).filter((c) => /^ORG:/m.test(c.data))
  const [both, phoneOnly] = cards
  const nameOf = (text: string) => /^FN:(.*)$/m.exec(text)![1]!.trim()
  await phone.put(both!.href, editLine(both!.data, 'ORG', 'Phone Org Ltd'), both!.etag)
  await phone.put(
    phoneOnly!.href,
    editLine(phoneOnly!.data, 'TITLE', 'Chief Phone Officer'),
    phoneOnly!.etag,
  )
  const contacts = await api<{ id: string; name: string }[]>(page, served.url, 'contacts.list', {})
  const target = contacts.find((c) => c.name === nameOf(both!.data))!
  await api(page, served.url, 'contacts.update', {
    id: target.id,
    patch: { organization: 'Rapport Org GmbH' },
  })

  await card.getByRole('button', { name: 'Sync now' }).click()
  const log = card.getByTestId('sync-log')
  await expect(log).toContainText('Phone → Rapport')
  await expect(log).toContainText(nameOf(phoneOnly!.data))
  const conflicts = card.getByTestId('sync-conflicts')
  await expect(conflicts).toContainText(
    'Rapport kept “Rapport Org GmbH”; the phone has “Phone Org Ltd”',
  )
  await card.screenshot({ path: 'test-results/screens/sync-en.png' })

  await conflicts.getByRole('button', { name: 'Take the phone’s' }).click()
  await expect(card.getByText('No conflicts')).toBeVisible()
  const taken = await api<{ organization: string }>(page, served.url, 'contacts.get', {
    id: target.id,
  })
  expect(taken.organization).toBe('Phone Org Ltd')

  // Deleted on the phone: archived here, and undone from the log with one click.
  const gone = contacts.find((c) => c.name === nameOf(phoneOnly!.data))!
  await phone.remove(phoneOnly!.href)
  await card.getByRole('button', { name: 'Sync now' }).click()
  const row = log.getByRole('row').filter({ hasText: 'archived (deleted on the phone)' })
  await expect(row).toContainText(gone.name)
  await row.getByRole('button', { name: 'Undo' }).click()
  await expect
    .poll(
      async () =>
        (await api<{ archived: boolean }>(page, served.url, 'contacts.get', { id: gone.id }))
          .archived,
    )
    .toBe(false)

  // The same page in Chinese.
  await page.getByText('简体中文').click()
  await expect(card.getByRole('heading', { name: '与手机同步' })).toBeVisible()
  await expect(card.getByTestId('sync-log')).toContainText('手机 → Rapport')
  await card.screenshot({ path: 'test-results/screens/sync-zh.png' })
})
