import type { Page } from '@playwright/test'
import { expect, test } from './serveFixture'

const MEMBERS = [
  'Tom Becker',
  'Feng Xue',
  'Luo Yiming',
  'Jiang Wenbo',
  'Hannah Kim',
  'Aisha Rahman',
  'Ye Zihao',
  'Lucas Moreau',
  'Fan Siqi',
  'Marco Rossi',
  'He Mingxuan',
  'Bai Lu',
  'Kenji Watanabe',
  'Olivia Grant',
]

/** Who sits at a seat, read from the seat button's accessible name. */
async function personAt(page: Page, table: number, seat: number): Promise<string> {
  const button = page.getByRole('button', { name: new RegExp(`^Table ${table}, seat ${seat}: `) })
  const label = (await button.getAttribute('aria-label')) ?? ''
  return label.replace(/^Table \d+, seat \d+: /, '')
}

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('creates a community, plans a dinner of 14, seats it, moves a seat, records connections that show on both cards', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/communities`)
  await expect(page.getByRole('heading', { name: 'Communities', exact: true })).toBeVisible()
  // The demo's owned community shows its health check first.
  await expect(page.getByTestId('health-check').first()).toBeVisible()

  await page.getByRole('button', { name: 'New community' }).click()
  await page.getByRole('textbox', { name: 'Name' }).fill('Climate founders supper club')
  await page
    .getByRole('textbox', { name: 'Theme' })
    .fill(
      'Founders of climate-tech start-ups in Shanghai, seed to series A, who meet to trade what works',
    )
  const members = page.getByRole('combobox', { name: 'Members' })
  for (const name of MEMBERS) {
    await members.fill(name.split(' ')[0]!)
    await page.getByRole('option', { name, exact: true }).click()
  }
  await page.screenshot({ path: 'test-results/screens/community-form-en.png' })
  await page.getByRole('button', { name: 'Save' }).click()

  await expect(page.getByRole('heading', { name: 'Climate founders supper club' })).toBeVisible()
  await expect(page.getByText('14 members')).toBeVisible()
  await expect(page.getByTestId('health-check')).toContainText('Healthy')
  // A community made today has no past to be silent about.
  await expect(page.getByTestId('health-check')).toContainText('No activity yet')
  await expect(page.getByTestId('health-check')).not.toContainText('three months')

  await page.getByRole('button', { name: 'Plan a gathering' }).click()
  await page.getByRole('textbox', { name: 'Title' }).fill('Winter supper')
  await page.getByLabel('Date and time (local to the venue)').fill('2026-12-20T19:00')
  await page.getByRole('textbox', { name: 'Time zone' }).fill('Asia/Shanghai')
  await expect(page.getByLabel('Invite all 14 members')).toBeChecked()
  await page.getByRole('button', { name: 'Create' }).click()

  await expect(page.getByRole('heading', { name: 'Winter supper' })).toBeVisible()
  await expect(page.getByText('Invited 14')).toBeVisible()
  await expect(page.getByTestId('size-note-tooMany')).toHaveCount(0)

  await page.getByRole('button', { name: 'Plan seating' }).click()
  const score = page.getByTestId('seating-score')
  await expect(score).toBeVisible()
  // I sit in the middle of the long table (8 per side: seat 4).
  await expect(page.getByRole('button', { name: 'Table 1, seat 4: Me (host)' })).toBeVisible()
  const pairs = page.getByRole('table', { name: 'Neighbour pairs' })
  await expect(pairs.getByRole('row')).not.toHaveCount(0)
  await expect(pairs).toContainText('new to each other')
  await page.screenshot({ path: 'test-results/screens/gathering-en.png', fullPage: true })

  // Move a seat with the keyboard-friendly way: pick one seat, then the other.
  const first = await personAt(page, 1, 1)
  const other = await personAt(page, 1, 12)
  expect(first).not.toBe(other)
  await page.getByRole('button', { name: `Table 1, seat 1: ${first}` }).click()
  await expect(page.getByRole('status')).toContainText(`${first} picked`)
  await page.getByRole('button', { name: `Table 1, seat 12: ${other}` }).click()
  await expect(page.getByRole('button', { name: `Table 1, seat 12: ${first}` })).toBeVisible()
  await expect(page.getByRole('button', { name: `Table 1, seat 1: ${other}` })).toBeVisible()
  await expect(page.getByText(/Seats swapped: score \d+ → \d+/)).toBeVisible()

  // And by dragging one seat onto another.
  const third = await personAt(page, 1, 2)
  const fourth = await personAt(page, 1, 10)
  await page
    .getByRole('button', { name: `Table 1, seat 2: ${third}` })
    .dragTo(page.getByRole('button', { name: `Table 1, seat 10: ${fourth}` }))
  await expect(page.getByRole('button', { name: `Table 1, seat 10: ${third}` })).toBeVisible()

  // A guest who declines gives the seat back at once, and the page says so.
  const connecting = ['Tom Becker', 'Feng Xue', 'Hannah Kim', 'Bai Lu']
  let decliner = ''
  for (let seat = 5; !decliner || connecting.includes(decliner); seat++) {
    decliner = await personAt(page, 1, seat)
  }
  await page.getByRole('combobox', { name: `Reply from ${decliner}` }).click()
  await page.getByRole('option', { name: 'Not coming', exact: true }).click()
  await expect(page.getByText(`${decliner} is not coming: the seat is free now.`)).toBeVisible()
  await expect(page.getByRole('button', { name: new RegExp(`: ${decliner}$`) })).toHaveCount(0)

  // Two new connections after the dinner.
  await pick(page, 'Who connected: Person', 'Tom Becker')
  await pick(page, 'Who connected: Other person', 'Feng Xue')
  await page.getByRole('button', { name: 'Add' }).nth(1).click()
  await pick(page, 'Who connected: Person', 'Hannah Kim')
  await pick(page, 'Who connected: Other person', 'Bai Lu')
  await page.getByRole('button', { name: 'Add' }).nth(1).click()
  await page
    .getByRole('textbox', { name: 'Notes' })
    .first()
    .fill('Bai Lu told Hannah: look, this might interest you')
  await page.getByRole('button', { name: 'Save outcomes' }).click()
  await expect(page.getByText('Outcomes saved')).toBeVisible()

  // Both people of each pair now know each other on their cards.
  for (const [who, whom] of [
    ['Tom Becker', 'Feng Xue'],
    ['Feng Xue', 'Tom Becker'],
    ['Hannah Kim', 'Bai Lu'],
    ['Bai Lu', 'Hannah Kim'],
  ] as const) {
    await page.goto(`${served.url}#/contacts`)
    await page.getByRole('textbox', { name: /Search/ }).fill(who)
    await page
      .getByRole('table', { name: 'Contacts' })
      .getByRole('row', { name: new RegExp(who) })
      .click()
    const relationships = page.locator('.mantine-Card-root', {
      has: page.getByRole('heading', { name: 'Relationships' }),
    })
    await expect(relationships).toContainText(`${who} knows ${whom}`)
    const communities = page.locator('.mantine-Card-root', {
      has: page.getByRole('heading', { name: 'Communities' }),
    })
    await expect(communities).toContainText('Climate founders supper club')
    if (who === 'Tom Becker')
      await page.screenshot({
        path: 'test-results/screens/card-communities-en.png',
        fullPage: true,
      })
  }
})

test('shows the demo community’s health from its log, changes a member’s role, and prints the seating plan with place cards', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/communities`)
  await page.getByRole('link', { name: 'Shanghai AI Product Breakfast Club' }).click()
  const health = page.getByTestId('health-check')
  await expect(health).toContainText('Last 90 days: questions 2, answers 1')
  await expect(health).toContainText('5 days since the last activity')
  await page.screenshot({ path: 'test-results/screens/community-en.png', fullPage: true })
  await page.getByRole('combobox', { name: 'Role of Lin Yue' }).click()
  await page.getByRole('option', { name: 'Organiser' }).click()
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Role of Lin Yue' })).toHaveValue('Organiser')

  await page.getByRole('link', { name: /^Monthly dinner/ }).click()
  await page.getByRole('button', { name: 'Plan seating' }).click()
  await expect(page.getByTestId('seating-score')).toBeVisible()
  await page.getByRole('link', { name: 'Print plan and place cards' }).click()
  // Ten guests (one a "maybe") and me: eleven place cards.
  await expect(page.getByTestId('place-cards').locator('.place-card')).toHaveCount(11)
  // A tent card reads the same from both sides: the upside-down copy is as large and dark.
  const halves = page
    .getByTestId('place-cards')
    .locator('.place-card')
    .first()
    .locator(':scope > div')
  const style = (i: number) =>
    halves.nth(i).evaluate((el) => {
      const s = el.ownerDocument.defaultView!.getComputedStyle(el)
      return [s.fontSize, s.color]
    })
  expect(await style(0)).toEqual(await style(1))
  await page.screenshot({ path: 'test-results/screens/print-en.png', fullPage: true })
})

test('warns above 15 guests, says why, and splits the dinner over two dates', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/communities`)
  await page.getByRole('link', { name: /^Monthly dinner/ }).click()
  // Six people invited in one step: pick them all, then Invite once.
  const invite = page.getByRole('combobox', { name: 'Invite people' })
  const six = ['Tom Becker', 'Feng Xue', 'Hannah Kim', 'Bai Lu', 'Olivia Grant', 'Ye Zihao']
  for (const name of six) {
    await invite.scrollIntoViewIfNeeded()
    await invite.fill(name)
    await page.getByRole('option', { name, exact: true }).click()
  }
  await page.getByRole('button', { name: 'Invite', exact: true }).click()
  const guests = page.getByRole('table', { name: 'Guests' })
  for (const name of six) await expect(guests).toContainText(name)
  const warning = page.getByTestId('size-note-tooMany')
  await expect(warning).toContainText('17 people with you: more than 15')
  await expect(warning).toContainText('one-to-one conversations')
  await warning.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screens/gathering-too-many-en.png' })
  await warning.getByRole('button', { name: 'Split into two dates' }).click()
  await expect(warning).toHaveCount(0)
  await page.getByRole('link', { name: 'Second gathering planned with 8 guests: open it' }).click()
  await expect(page.getByRole('table', { name: 'Guests' }).locator('tbody tr')).toHaveCount(8)

  // Two replies set at once: tick both, choose the answer once.
  const rows = page.getByRole('table', { name: 'Guests' }).locator('tbody')
  await rows.getByRole('checkbox').nth(0).check()
  await rows.getByRole('checkbox').nth(1).check()
  await expect(page.getByTestId('guest-bulk')).toContainText('2 selected')
  await page.getByTestId('guest-bulk').getByRole('combobox', { name: 'Set their reply' }).click()
  await page.getByRole('option', { name: 'Coming', exact: true }).click()
  await expect(page.getByText(/^Coming 2 ·|· Coming 2 ·/)).toBeVisible()
})

test.describe('in Chinese', () => {
  test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })
  test('words the health check, the seating and the bill in Chinese', async ({ page, served }) => {
    await page.goto(`${served.url}#/communities`)
    await expect(page.getByRole('heading', { name: '社群', exact: true })).toBeVisible()
    await expect(page.getByTestId('health-check').first()).toContainText('主题让成员知道')
    await page.screenshot({ path: 'test-results/screens/communities-zh.png', fullPage: true })
    await page.getByRole('link', { name: '上海 AI 产品人早餐会' }).click()
    await expect(page.getByTestId('health-check')).toContainText('近 90 天：2 个提问，1 个解答')
    await page.screenshot({ path: 'test-results/screens/community-zh.png', fullPage: true })
    await page.getByRole('link', { name: /^月度晚餐/ }).click()
    await page.getByRole('button', { name: '安排座位' }).click()
    await expect(page.getByTestId('seating-score')).toContainText('得分')
    await expect(page.getByRole('button', { name: '第 1 桌第 3 座：我（主人）' })).toBeVisible()
    await expect(page.getByText('已告诉客人的预算：每人 ¥180.00')).toBeVisible()
    await expect(page.getByRole('radio', { name: '平摊' })).toBeChecked()
    await page.screenshot({ path: 'test-results/screens/gathering-zh.png', fullPage: true })
  })
})
