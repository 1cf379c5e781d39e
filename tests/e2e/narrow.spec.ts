import type { Page } from '@playwright/test'
import { expect, test } from './serveFixture'

const ROUTES = [
  '#/today',
  '#/contacts',
  '#/contacts/demo-contact-01',
  '#/contacts/duplicates',
  '#/contacts/review',
  '#/capture',
  '#/events',
  '#/events/demo-event-upcoming?tab=plan',
  '#/events/demo-event-upcoming?tab=targets',
  '#/events/demo-event-past?tab=after',
  '#/communities',
  '#/communities/demo-community-01',
  '#/communities/gatherings/demo-gathering-01',
  '#/settings',
]

/**
 * Every visible control (button, link, field) that lies, even partly, outside the window or
 * outside a scroll-free ancestor: something a user could not reach. Runs in the page (the
 * tests compile without the DOM library, hence a string).
 */
const OFF_SCREEN = `(() => {
  const width = document.documentElement.clientWidth
  const controls = document.querySelectorAll('main button, main a, main input, main textarea, main [role=columnheader]')
  const out = []
  for (const el of controls) {
    const box = el.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) continue
    if (getComputedStyle(el).visibility === 'hidden') continue
    if (box.right > width + 1 || box.left < -1)
      out.push((el.getAttribute('aria-label') || el.textContent || el.tagName).trim().slice(0, 40) + ' @' + Math.round(box.left) + '–' + Math.round(box.right))
  }
  if (document.documentElement.scrollWidth > width + 1) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width)
  return out
})()`

async function offScreen(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(OFF_SCREEN)
}

for (const width of [800, 1024]) {
  test.describe(`a window ${width} px wide`, () => {
    test.use({ viewport: { width, height: 760 } })

    test(`every action on every page stays on screen (${width} px)`, async ({ page, served }) => {
      test.setTimeout(120_000)
      await page.goto(served.url)
      const found: string[] = []
      for (const route of ROUTES) {
        await page.goto(`${served.url}${route}`)
        await expect(page.locator('main h1').first()).toBeVisible()
        await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0)
        // Mantine's transitions settle before measuring.
        await page.waitForTimeout(250)
        found.push(...(await offScreen(page)).map((what) => `${route}: ${what}`))
      }
      expect(found, found.join('\n')).toEqual([])
    })
  })
}

test.describe('800 px', () => {
  test.use({ viewport: { width: 800, height: 760 } })

  test('the sidebar folds behind a burger; Contacts keeps Export and New contact in reach', async ({
    page,
    served,
  }) => {
    await page.goto(`${served.url}#/today`)
    const sidebar = page.getByRole('navigation', { name: 'Rapport' })
    await expect(sidebar).toBeHidden()
    const burger = page.getByRole('button', { name: 'Show the menu' })
    await burger.click()
    await expect(sidebar).toBeVisible()
    await expect(page.getByRole('button', { name: 'Hide the menu' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    await sidebar.getByRole('link', { name: 'Contacts' }).click()
    // Choosing a page folds the sidebar again and shows the page.
    await expect(sidebar).toBeHidden()
    await expect(page.getByRole('heading', { name: 'Contacts', level: 1 })).toBeVisible()
    for (const name of ['Export vCard', 'New contact']) {
      const button = page.getByRole('button', { name })
      await expect(button).toBeInViewport({ ratio: 1 })
    }
    // The list keeps who, where and how close; tags and reach are on the card.
    const table = page.getByRole('table', { name: 'Contacts' })
    await expect(table.getByRole('columnheader', { name: 'Name' })).toBeInViewport({ ratio: 1 })
    await expect(table.getByRole('columnheader', { name: 'Tags' })).toBeHidden()
    await page.screenshot({ path: 'test-results/screens/narrow-contacts-800.png' })
    await page.getByRole('button', { name: 'New contact' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
  })
})

test.describe('1024 px', () => {
  test.use({ viewport: { width: 1024, height: 760 } })

  test('the sidebar stays and the contacts table shows all its remaining columns', async ({
    page,
    served,
  }) => {
    await page.goto(`${served.url}#/contacts`)
    await expect(page.getByRole('navigation', { name: 'Rapport' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Show the menu' })).toBeHidden()
    const table = page.getByRole('table', { name: 'Contacts' })
    for (const name of ['Name', 'Organisation · role', 'Circle']) {
      await expect(table.getByRole('columnheader', { name })).toBeInViewport({ ratio: 1 })
    }
    await page.screenshot({ path: 'test-results/screens/narrow-contacts-1024.png' })
  })
})
