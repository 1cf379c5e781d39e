import { readFile } from 'node:fs/promises'
import { chromiumPath } from '../../playwright.config'
import { expect, test } from './serveFixture'
import { WEBGL_ARGS } from './webglArgs'

test.use({ launchOptions: { executablePath: chromiumPath, args: WEBGL_ARGS } })

test('draws the demo network, finds a person, opens their card and keeps the layout', async ({
  page,
  served,
}) => {
  const onDisk = JSON.parse(await readFile(served.storeFile, 'utf8')) as {
    contacts: { id: string; name: string; archived: boolean }[]
    events: unknown[]
    communities: unknown[]
  }
  const people = onDisk.contacts.filter((c) => !c.archived)
  const expectedNodes = 1 + people.length + onDisk.events.length + onDisk.communities.length

  await page.goto(`${served.url}#/map`)
  await expect(page.getByRole('heading', { name: 'Relationship map' })).toBeVisible()
  const canvas = page.getByTestId('map-canvas')
  await expect(canvas.locator('canvas').first()).toBeVisible()
  await expect(canvas).toHaveAttribute('data-node-count', String(expectedNodes))
  await expect(page.getByTestId('map-stats')).toContainText(`${people.length} people`)
  // The first opening lays the map out in the worker and keeps the positions.
  await expect(page.getByTestId('map-layout')).toHaveAttribute('data-state', 'stable', {
    timeout: 20_000,
  })
  expect(Number(await page.getByTestId('map-layout').getAttribute('data-ms'))).toBeGreaterThan(0)
  await expect
    .poll(async () => (await readFile(served.journalFile, 'utf8')).includes('"mapLayouts"'))
    .toBe(true)
  await page.waitForTimeout(300)
  await page.screenshot({ path: 'test-results/screens/map-en.png', fullPage: true })

  // Labels: the most important person (by the map's own measure) is named, and no label runs
  // past the map's edges.
  const token = await page.locator('meta[name="rapport-token"]').getAttribute('content')
  const answer = await page.request.post(new URL('/api/map.graph', served.url).href, {
    headers: { 'x-rapport-token': token ?? '', 'content-type': 'application/json' },
  })
  const { value: view } = (await answer.json()) as {
    value: { nodes: { kind: string; label: string; importance: number }[] }
  }
  const hub = view.nodes
    .filter((n) => n.kind === 'contact')
    .reduce((a, b) => (b.importance > a.importance ? b : a))
  const labels = JSON.parse((await canvas.getAttribute('data-labels')) ?? '[]') as string[]
  expect(labels).toContain(hub.label)
  await expect(canvas).toHaveAttribute('data-labels-clipped', '0')
  for (const label of labels) expect(Array.from(label).length).toBeLessThanOrEqual(22)

  // Search focuses the person: the camera centres on them and their card opens beside the map.
  const target = people.find((p) => p.name === 'Chen Siyuan') ?? people[0]!
  await page.getByRole('combobox', { name: 'Find a person' }).fill(target.name.slice(0, 6))
  await page.getByRole('option', { name: target.name }).click()
  await expect(canvas).toHaveAttribute('data-focused', `contact:${target.id}`)
  const panel = page.getByTestId('map-person')
  await expect(panel.getByRole('heading', { name: target.name })).toBeVisible()

  // Clicking the node (now in the middle of the canvas) opens the card after it was closed.
  await page.waitForTimeout(700)
  await page.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  const box = (await canvas.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect(panel.getByRole('heading', { name: target.name })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/map-focused-en.png' })

  // How do I reach them, and an ego view of their people.
  await panel.getByRole('button', { name: 'How do I reach them?' }).click()
  await expect(panel.getByText(/You know them directly|Through \d+ people|No chain/)).toBeVisible()
  await panel.getByText('1 step', { exact: true }).click()
  await expect(page.getByTestId('map-stats')).toContainText('showing')
  // A few people shown: every one of them is named, however small their dot.
  const shown = Number(
    /showing (\d+)/.exec((await page.getByTestId('map-stats').innerText())!)?.[1],
  )
  expect(shown).toBeLessThanOrEqual(12)
  await expect
    .poll(async () => JSON.parse((await canvas.getAttribute('data-labels')) ?? '[]').length)
    .toBeGreaterThanOrEqual(shown)

  // Reopening shows the kept positions at once: no layout runs.
  await page.reload()
  await expect(page.getByTestId('map-layout')).toHaveAttribute('data-state', 'stable')
  await expect(page.getByTestId('map-layout')).toHaveAttribute('data-ms', '')
})

test('suggests introductions in words and plans one as a follow-up; shows the balance', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/map`)
  await page.getByRole('tab', { name: 'Introductions' }).click()
  const list = page.getByTestId('map-introductions')
  await expect(list.getByText(/^both /).first()).toBeVisible()
  const first = list.getByRole('button', { name: /^Plan intro: / }).first()
  const label = (await first.getAttribute('aria-label'))!
  await first.click()
  await expect(page.getByText(/^Follow-up added: introduce /)).toBeVisible()
  // Planned now: no longer offered (it shows as planned, or leaves the top of the list).
  await expect(list.getByRole('button', { name: label, disabled: false })).toHaveCount(0)
  await page.screenshot({ path: 'test-results/screens/map-introductions-en.png' })

  await page.getByRole('tab', { name: 'Balance' }).click()
  await expect(
    page.getByTestId('map-balance').getByText(/^Thin: |No ecosystem is thin/),
  ).toBeVisible()
  await page.goto(`${served.url}#/today`)
  const [a, b] = label.replace('Plan intro: ', '').split(' ↔ ')
  await expect(page.getByText(`Introduce ${a} to ${b}`)).toBeVisible()
})

test.describe('in Chinese', () => {
  test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })
  test('draws the Chinese demo network with its labels', async ({ page, served }) => {
    await page.goto(`${served.url}#/map`)
    await expect(page.getByRole('heading', { name: '人脉关系图' })).toBeVisible()
    await expect(page.getByTestId('map-layout')).toHaveAttribute('data-state', 'stable', {
      timeout: 20_000,
    })
    await expect(page.getByTestId('map-stats')).toContainText('人')
    // The same search as Contacts: initials and full pinyin find 陈思远.
    const search = page.getByRole('combobox', { name: '查找某人' })
    for (const typed of ['csy', 'chensiyuan']) {
      await search.fill(typed)
      await expect(page.getByRole('option', { name: '陈思远' })).toBeVisible()
    }
    await page.getByRole('option', { name: '陈思远' }).click()
    await expect(
      page.getByTestId('map-person').getByRole('heading', { name: '陈思远' }),
    ).toBeVisible()
    await page.getByRole('tab', { name: '引荐建议' }).click()
    await expect(page.getByTestId('map-introductions').getByText(/^都/).first()).toBeVisible()
    await page.waitForTimeout(300)
    await page.screenshot({ path: 'test-results/screens/map-zh.png', fullPage: true })
  })
})

test('an empty network shows a deliberate empty map', async ({ page, served }) => {
  await page.goto(`${served.url}#/settings`)
  await page.getByRole('button', { name: 'Remove demo data' }).click()
  await page.getByRole('button', { name: 'Remove demo data' }).click()
  await expect(page.getByText(/^Removed \d+ demo records/)).toBeVisible()
  await page.goto(`${served.url}#/map`)
  await expect(page.getByTestId('map-empty')).toBeVisible()
  await expect(page.getByText('Your map starts with you')).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/map-empty-en.png' })
})
