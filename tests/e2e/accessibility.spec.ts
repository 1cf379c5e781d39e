import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './serveFixture'

/**
 * Every route of the app, with the demo network's stable ids. `ready` is something that shows
 * only once the page has its data, so axe looks at the page a user sees, not at a loader.
 */
const ROUTES: { name: string; hash: string; ready: (page: Page) => ReturnType<Page['locator']> }[] =
  [
    { name: 'today', hash: '#/today', ready: (p) => p.locator('[data-followup]').first() },
    { name: 'contacts', hash: '#/contacts', ready: (p) => p.getByRole('row').nth(1) },
    {
      name: 'contact card',
      hash: '#/contacts/demo-contact-01',
      ready: (p) => p.getByRole('progressbar'),
    },
    { name: 'duplicates', hash: '#/contacts/duplicates', ready: (p) => p.locator('main h1') },
    { name: 'review', hash: '#/contacts/review', ready: (p) => p.locator('main h1') },
    {
      name: 'capture',
      hash: '#/capture',
      ready: (p) => p.locator('main textarea, main input').first(),
    },
    {
      name: 'events',
      hash: '#/events',
      ready: (p) => p.locator('main a[href*="demo-event"]').first(),
    },
    ...(['plan', 'people', 'targets', 'checklist', 'radar', 'after'] as const).map((tab) => ({
      name: `event ${tab}`,
      hash: `#/events/demo-event-upcoming?tab=${tab}`,
      ready: (p: Page) => p.getByRole('tabpanel'),
    })),
    {
      name: 'past event after',
      hash: '#/events/demo-event-past?tab=after',
      ready: (p) => p.getByRole('tabpanel'),
    },
    {
      name: 'dossier',
      hash: '#/events/demo-event-upcoming/dossier',
      ready: (p) => p.locator('main h1').first(),
    },
    {
      name: 'communities',
      hash: '#/communities',
      ready: (p) => p.getByTestId('health-check').first(),
    },
    {
      name: 'community',
      hash: '#/communities/demo-community-01',
      ready: (p) => p.locator('main h1'),
    },
    {
      name: 'gathering',
      hash: '#/communities/gatherings/demo-gathering-01',
      ready: (p) => p.locator('main h1'),
    },
    { name: 'map', hash: '#/map', ready: (p) => p.locator('main canvas').first() },
    { name: 'settings', hash: '#/settings', ready: (p) => p.locator('main table').first() },
  ]

/** Pages whose fixed contrast is kept as screenshots to look at. */
const SCREENSHOTS = ['today', 'contact card', 'event targets', 'review']

/** Rules of lesser impact that the audit named on these pages, held to the same bar. */
const NAMED = ['heading-order', 'empty-table-header']

/** What axe reports, in a form that names the page, the rule and the elements it found. */
function describe(
  route: string,
  violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'],
): string[] {
  return violations.map(
    (v) =>
      `${route}: ${v.id} (${v.impact}) ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map(
          (n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`,
        )
        .join('\n'),
  )
}

for (const demoLanguage of ['en', 'zh-CN']) {
  test.describe(`in ${demoLanguage}`, () => {
    test.use({ demoLanguage, locale: demoLanguage === 'en' ? 'en-US' : 'zh-CN' })

    test(`no serious or critical axe violation on any page (${demoLanguage})`, async ({
      page,
      served,
    }) => {
      test.setTimeout(180_000)
      const found: string[] = []
      await page.goto(served.url)
      for (const route of ROUTES) {
        await page.goto(`${served.url}${route.hash}`)
        await expect(route.ready(page), `${route.name} shows its content`).toBeVisible()
        await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0)
        // Mantine's transitions fade text in; contrast is measured on the settled page.
        await page.waitForTimeout(300)
        if (SCREENSHOTS.includes(route.name))
          await page.screenshot({
            path: `test-results/screens/contrast-${route.name.replace(/ /g, '-')}-${demoLanguage}.png`,
          })
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze()
        found.push(
          ...describe(
            route.name,
            result.violations.filter(
              (v) => v.impact === 'serious' || v.impact === 'critical' || NAMED.includes(v.id),
            ),
          ),
        )
      }
      expect(found, found.join('\n')).toEqual([])
    })
  })
}
