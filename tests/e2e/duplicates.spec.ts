import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './serveFixture'

/** The words the page shows, in each language. */
const words = {
  en: {
    mergeWhole: 'Merge 3 cards into one',
    merge: 'Merge…',
    confirm: 'Merge',
    mergedOne: 'Merged 1 group into one card.',
    selectAll: 'Select all 4 groups',
    select: (names: string) => `Select: ${names}`,
    list: ', ',
    mergeTwo: 'Merge 2 groups',
    merging: 'Merging 2 groups…',
    merged: 'Merged 2 groups, each into one card.',
    undo: 'Undo',
    undone: 'Merge undone: 3 cards are back.',
    notDuplicate: 'Not a duplicate',
    dismissed: 'Marked 2 cards as different people.',
    showDismissed: 'Not duplicates (1)',
    suggestAgain: 'Suggest again',
  },
  'zh-CN': {
    mergeWhole: '把 3 张名片合并成一张',
    merge: '合并…',
    confirm: '合并',
    mergedOne: '已合并 1 组，每组成为一张名片。',
    selectAll: '全选 4 组',
    select: (names: string) => `选择：${names}`,
    list: '、',
    mergeTwo: '合并 2 组',
    merging: '正在合并 2 组…',
    merged: '已合并 2 组，每组成为一张名片。',
    undo: '撤销',
    undone: '已撤销合并，3 张名片已恢复。',
    notDuplicate: '不是重复',
    dismissed: '已标记 2 张名片为不同的人。',
    showDismissed: '不是重复的（1）',
    suggestAgain: '重新提示',
  },
}

/** Four groups: a pair by email, a pair by phone, three cards by email, a pair by name. */
const people = [
  {
    name: 'Ana Ruiz',
    organization: 'Tide Labs',
    emails: [{ label: '', value: 'ana@tide.example' }],
  },
  { name: 'Ana R.', organization: 'Tide Labs', emails: [{ label: '', value: 'ANA@tide.example' }] },
  { name: 'Bo Chen', organization: 'Quay', phones: [{ label: '', value: '+86 138 0000 1111' }] },
  { name: 'Bo Chen', organization: '', phones: [{ label: '', value: '+8613800001111' }] },
  { name: 'Cai Lin', organization: 'Harbor', emails: [{ label: '', value: 'cai@harbor.example' }] },
  { name: 'Cai L.', organization: 'Harbor', emails: [{ label: '', value: 'cai@harbor.example' }] },
  { name: 'C. Lin', organization: 'Harbor', emails: [{ label: '', value: 'cai@harbor.example' }] },
  { name: 'Dara Okafor', organization: 'Kiln Works' },
  { name: 'Dara Okafor', organization: 'Kiln Works' },
]

/** Creates contacts through the page's own API, with the token it was served with. */
async function seed(page: Page) {
  const token = await page.locator('meta[name="rapport-token"]').getAttribute('content')
  const origin = new URL(page.url()).origin
  for (const person of people) {
    const response = await page.request.post(`${origin}/api/contacts.create`, {
      headers: { 'x-rapport-token': token ?? '' },
      data: person,
    })
    expect(response.ok(), await response.text()).toBe(true)
  }
}

for (const language of ['en', 'zh-CN'] as const) {
  test.describe(`duplicates in ${language}`, () => {
    test.use({ demoLanguage: language, locale: language === 'en' ? 'en-US' : 'zh-CN' })
    const w = words[language]
    const shot = (name: string) => `test-results/screens/duplicates-${name}-${language}.png`

    test('ticks groups, merges them at once with a running bar, and undoes it all', async ({
      page,
      served,
    }) => {
      await page.goto(`${served.url}#/today`)
      await seed(page)
      await page.goto(`${served.url}#/contacts/duplicates`)
      const groups = page.getByTestId('duplicate-group')
      await expect(groups).toHaveCount(4)
      await expect(page.getByRole('checkbox', { name: w.selectAll })).toBeVisible()

      await page
        .getByRole('checkbox', { name: w.select(['Ana Ruiz', 'Ana R.'].join(w.list)) })
        .check()
      await page
        .getByRole('checkbox', { name: w.select(['Cai Lin', 'Cai L.', 'C. Lin'].join(w.list)) })
        .check()
      // Hold the answer so the bar can be seen while the merge runs.
      let release: () => void = () => undefined
      const held = new Promise<void>((resolve) => (release = resolve))
      await page.route('**/api/contacts.mergeGroups', async (route) => {
        await held
        await route.continue()
      })
      await page.getByRole('button', { name: w.mergeTwo }).click()
      await expect(page.getByRole('progressbar', { name: w.merging })).toBeVisible()
      await page.screenshot({ path: shot('merging'), fullPage: true })
      release()

      await expect(page.getByText(w.merged)).toBeVisible()
      await expect(page.getByRole('progressbar')).toHaveCount(0)
      await expect(groups).toHaveCount(2)
      await expect(groups.filter({ hasText: 'Harbor' })).toHaveCount(0)
      await page.screenshot({ path: shot('merged'), fullPage: true })

      await page.getByRole('button', { name: w.undo }).click()
      await expect(page.getByText(w.undone)).toBeVisible()
      await expect(groups).toHaveCount(4)
      await expect(groups.filter({ hasText: 'C. Lin' })).toContainText('Cai L.')
    })

    test('merges a group of three whole, keeping the card the user picks', async ({
      page,
      served,
    }) => {
      await page.goto(`${served.url}#/today`)
      await seed(page)
      await page.goto(`${served.url}#/contacts/duplicates`)
      const groups = page.getByTestId('duplicate-group')
      await groups.filter({ hasText: 'Harbor' }).getByRole('button', { name: w.merge }).click()
      const dialog = page.getByRole('dialog', { name: w.mergeWhole })
      await dialog.getByRole('radio', { name: /^C\. Lin/ }).check()
      await page.screenshot({ path: shot('whole'), fullPage: true })
      await dialog.getByRole('button', { name: w.confirm, exact: true }).click()
      await expect(page.getByText(w.mergedOne)).toBeVisible()
      await expect(groups).toHaveCount(3)
      await expect(groups.filter({ hasText: 'Harbor' })).toHaveCount(0)
      // One card is left of the three, the one kept.
      await page.goto(`${served.url}#/contacts`)
      await page.getByRole('textbox', { name: /Search|搜索/ }).fill('harbor')
      const rows = page.getByRole('table').getByRole('row')
      await expect(rows).toHaveCount(2)
      await expect(rows.nth(1)).toContainText('C. Lin')
    })

    test('“not a duplicate” is remembered after a reload, and can be taken back', async ({
      page,
      served,
    }) => {
      await page.goto(`${served.url}#/today`)
      await seed(page)
      await page.goto(`${served.url}#/contacts/duplicates`)
      const groups = page.getByTestId('duplicate-group')
      const dara = groups.filter({ hasText: 'Kiln Works' })
      await expect(groups).toHaveCount(4)
      await dara.getByRole('button', { name: w.notDuplicate }).click()
      await expect(page.getByText(w.dismissed)).toBeVisible()
      await expect(groups).toHaveCount(3)

      await page.reload()
      await expect(groups).toHaveCount(3)
      await expect(dara).toHaveCount(0)
      await page.getByRole('button', { name: w.showDismissed }).click()
      const listed = page.getByTestId('dismissed-group')
      await expect(listed).toContainText('Dara Okafor')
      await page.screenshot({ path: shot('dismissed'), fullPage: true })
      // With groups, ticks and the dismissed list on screen: nothing serious for axe either.
      await page.waitForTimeout(300)
      const axe = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
        .analyze()
      const serious = axe.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      )
      expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([])
      await listed.getByRole('button', { name: w.suggestAgain }).click()
      await expect(groups).toHaveCount(4)
      await expect(dara).toHaveCount(1)
    })
  })
}
