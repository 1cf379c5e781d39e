import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './serveFixture'

test('a browser without the launch address gets directions only; the launched one gets the app', async ({
  browser,
  page,
  served,
}) => {
  const clean = new URL('/', served.url).href
  // Someone else's browser on this computer, or a tab opened without the printed address.
  const stranger = await browser.newContext()
  try {
    const other = await stranger.newPage()
    const answer = await other.goto(`${clean}#/contacts`)
    expect(answer?.status()).toBe(403)
    await expect(
      other.getByRole('heading', { name: 'Open Rapport with the link from its launch' }),
    ).toBeVisible()
    await expect(
      other.getByRole('heading', { name: '请用启动时给出的链接打开 Rapport' }),
    ).toBeVisible()
    expect(await other.content()).not.toContain('rapport-token')
    await other.screenshot({ path: 'test-results/screens/sign-in-directions.png', fullPage: true })
    // The launch address was traded already: it does not let a second browser in.
    await other.goto(served.url)
    await expect(
      other.getByRole('heading', { name: 'Open Rapport with the link from its launch' }),
    ).toBeVisible()
  } finally {
    await stranger.close()
  }

  await page.goto(`${served.url}#/contacts`)
  await expect(page.getByRole('button', { name: 'New contact' })).toBeVisible()
  // Sent on to the clean address: the one-time key is not left in the address bar.
  expect(page.url()).toBe(`${clean}#/contacts`)
})

test('the calendar file is refused outside the data folder and kept inside it', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/settings`)
  const path = page.getByRole('textbox', { name: 'File path' })
  await path.fill('/etc/rapport.ics')
  await page.getByRole('button', { name: 'Use this file' }).click()
  await expect(page.getByText('/etc/rapport.ics is outside the data folder.')).toBeVisible()
  await expect(page.getByTestId('auto-export-current')).toHaveText('No file chosen')

  const inside = join(served.dataDir, 'rapport.ics')
  await path.fill(inside)
  await page.getByRole('button', { name: 'Use this file' }).click()
  await expect(page.getByTestId('auto-export-current')).toHaveText(`Updating ${inside}`)
  expect(await readFile(inside, 'utf8')).toContain('PRODID:-//Rapport//Rapport//EN')
  expect((await stat(inside)).mode & 0o777).toBe(0o600)
  await page.screenshot({
    path: 'test-results/screens/settings-auto-export-en.png',
    fullPage: true,
  })
})
