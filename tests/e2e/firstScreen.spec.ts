import { expect, test } from './serveFixture'

// The renderer is split by page: the first screen (Today) loads only the code it shows, and the
// map's chunk (sigma, WebGL) arrives when the map is opened.

// Before: one unminified 2.6 MB chunk. Split by page and minified, Today needs about 0.8 MB
// (Mantine, React, i18n and the shared model's zod schemas stay on the first screen), plus
// TanStack Query's 26 KB since every page reads through it (0.99 MB in all, December 2026).
const FIRST_SCREEN_LIMIT = 1_050_000

test('the first screen loads only its own code; other pages load when opened', async ({
  page,
  served,
}) => {
  const scripts = new Map<string, number>()
  page.on('response', async (response) => {
    const url = new URL(response.url())
    if (!url.pathname.endsWith('.js') || response.status() !== 200) return
    scripts.set(url.pathname.split('/').pop()!, (await response.body()).length)
  })
  await page.goto(served.url)
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible()
  await page.waitForLoadState('networkidle')

  const firstScreen = [...scripts.keys()]
  const firstBytes = [...scripts.values()].reduce((sum, size) => sum + size, 0)
  console.log(
    `first screen: ${firstScreen.length} scripts, ${Math.round(firstBytes / 1024)} KB: ${firstScreen.join(', ')}`,
  )
  expect(firstScreen.some((name) => name.startsWith('TodayPage-'))).toBe(true)
  for (const page of ['MapSection-', 'EventsSection-', 'CommunitiesSection-', 'SettingsPage-']) {
    expect(firstScreen.filter((name) => name.startsWith(page))).toEqual([])
  }
  expect(firstBytes).toBeLessThan(FIRST_SCREEN_LIMIT)

  await page.getByRole('link', { name: 'Map' }).click()
  await expect.poll(() => [...scripts.keys()].some((n) => n.startsWith('MapSection-'))).toBe(true)
})

test('the browser tab shows the app icon', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByRole('heading', { name: 'Today', exact: true })).toBeVisible()
  const hrefs = await page
    .locator('link[rel="icon"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''))
  expect(hrefs.length).toBeGreaterThan(0)
  for (const href of hrefs) {
    const icon = await page.request.get(new URL(href, page.url()).toString())
    expect(icon.status()).toBe(200)
    expect(icon.headers()['content-type']).toBe('image/png')
  }
})
