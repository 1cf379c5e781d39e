import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './serveFixture'

test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })

// Ten speakers as they are pasted from an event page or WeChat: Chinese and Latin separators,
// fields in any order, LinkedIn links and emails after the title.
const SPEAKERS = [
  ['孙强', '红杉中国', '合伙人'],
  ['李娜', '字节跳动', '产品总监'],
  ['周敏', '高瓴资本', '投资总监'],
  ['黄磊', '腾讯云', '架构师'],
  ['吴敏', '阿里巴巴集团', '运营总监'],
  ['郑洁', '美团', '副总裁'],
  ['冯涛', '小米科技', '工程师'],
  ['陈静', '复旦大学', '教授'],
  ['何军', '华为', '研究员'],
  ['罗红', '百度', '负责人'],
] as const
const pastedList = [
  '孙强,红杉中国,合伙人 https://www.linkedin.com/in/sunqiang',
  '李娜，字节跳动，产品总监 lina@bytedance.example',
  '投资总监、高瓴资本、周敏',
  '黄磊｜腾讯云｜架构师',
  '吴敏；阿里巴巴集团；运营总监',
  '郑洁\t美团\t副总裁',
  '冯涛, 小米科技, 工程师',
  '陈静，复旦大学，教授',
  '何军，华为，研究员',
  '罗红，百度，负责人',
].join('\n')

/** Words and names the test typed itself, and the names of tools the interface must name. */
const ALLOWED_LATIN = [
  /https?:\/\/\S+/g,
  /[\w.+-]+@[\w.-]+/g,
  // Profile and web addresses in the demo network's cards ("linkedin.com/in/linyue").
  /[\w.-]+\.(com|cn|org|net|io)(\/\S*)?/g,
  // Business acronyms Chinese text uses as they are (AI, CEO, SaaS, ESG).
  /\b(?:[A-Z]{2,5}|SaaS)\b/g,
  /\b(Rapport|CSV|PDF|vCard|Ctrl|Shift|Enter|Esc|Tab|Eventbrite|Luma|Meetup|UTF|GBK|GB\d+|Big\d|BOM|ics|AM|PM|UTC|GMT)\b/g,
  /npm run serve/g,
  /\S+\.csv\b/g,
]

/** Fails on any Latin word on the page that Rapport generated in the Chinese interface. */
async function expectNoEnglish(
  scope: Page | Locator,
  where: string,
  typed: readonly string[] = [],
) {
  let text = await (
    'locator' in scope && 'goto' in scope ? scope.locator('body') : scope
  ).innerText()
  for (const pattern of ALLOWED_LATIN) text = text.replace(pattern, ' ')
  for (const word of typed) text = text.split(word).join(' ')
  const english = [...new Set(text.match(/[A-Za-z]{2,}/g) ?? [])]
  expect(english, `English words on ${where}`).toEqual([])
}

async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 25; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error('Tab never reached the field')
}

test('the method end to end in Chinese, without an English word', async ({ page, served }) => {
  test.setTimeout(120_000)
  // 1. Import contacts from a GBK spreadsheet.
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('button', { name: '导入…' }).click()
  await page
    .locator('input[type=file]')
    .setInputFiles(join('tests/fixtures/encodings', 'excel-zh-gb18030.csv'))
  const importDialog = page.getByRole('dialog', { name: '导入联系人' })
  await expect(importDialog.getByText('张伟', { exact: true })).toBeVisible()
  await expectNoEnglish(importDialog, 'the import preview')
  await importDialog.getByRole('button', { name: /^导入 \d+ 位联系人$/ }).click()
  await expect(importDialog).toBeHidden()

  // 2. An event.
  await page.goto(`${served.url}#/events`)
  await page.getByRole('button', { name: '新建活动' }).click()
  const dialog = page.getByRole('dialog', { name: '新建活动' })
  await dialog.getByRole('textbox', { name: '名称' }).fill('创新峰会')
  await dialog.getByLabel('开始时间（会场当地时间）').fill('2026-12-20T09:00')
  await dialog.getByRole('button', { name: '创建活动' }).click()
  await expect(page.getByRole('heading', { name: '创新峰会' })).toBeVisible()
  const eventUrl = page.url()

  // 3. The speaker list, pasted: the preview shows each field in its column before saving.
  await page.getByRole('tab', { name: /嘉宾与参会者/ }).click()
  await page.getByText('嘉宾', { exact: true }).click()
  await page.getByRole('textbox', { name: '粘贴名单' }).fill(pastedList)
  await page.getByRole('button', { name: '检查名单' }).click()
  const preview = page.getByLabel('导入预览')
  await expect(preview.getByText('读到 10 人')).toBeVisible()
  await expect(preview.getByRole('row', { name: /孙强/ })).toContainText('合伙人')
  await expect(preview.getByRole('row', { name: /孙强/ })).toContainText(
    'https://www.linkedin.com/in/sunqiang',
  )
  await expect(preview.getByRole('row', { name: /周敏/ })).toContainText('高瓴资本')
  await expect(preview.getByRole('row', { name: /李娜/ })).toContainText('lina@bytedance.example')
  await expect(preview).not.toContainText('编码')
  await expectNoEnglish(page, 'the speaker preview', ['sunqiang', 'lina', 'bytedance', 'example'])
  await page.screenshot({ path: 'test-results/screens/journey-speakers-zh.png', fullPage: true })
  await page.getByRole('button', { name: '添加 10 人' }).click()
  await expect(page.getByText('已添加 10 人。')).toBeVisible()

  // 4. Ten targets, straight from the speaker list.
  await page.getByRole('tab', { name: /目标人物/ }).click()
  for (let i = 0; i < 10; i++) {
    await page.getByRole('combobox', { name: '从嘉宾和参会者名单中添加' }).click()
    await page.getByRole('option').first().click()
    await expect(page.locator('[data-target]')).toHaveCount(i + 1)
  }
  await expect(page.getByText('已选满十人，很好。')).toBeVisible()
  await expectNoEnglish(page, 'the targets')

  // 5. The dossier.
  await page.getByRole('link', { name: '准备资料' }).click()
  await expect(page.getByText(/^提前 10 分钟到场：/)).toBeVisible()
  for (const [name] of SPEAKERS)
    await expect(page.getByText(new RegExp(`\\. ${name}$`))).toBeVisible()
  await expectNoEnglish(page, 'the dossier')
  await page.screenshot({ path: 'test-results/screens/journey-dossier-zh.png', fullPage: true })

  // 6. Three conversations captured from the keyboard.
  await page.goto(eventUrl)
  await expect(page.getByRole('heading', { name: '创新峰会' })).toBeVisible()
  await page.keyboard.press('Control+Shift+K')
  await expect(page.getByRole('heading', { name: '快速记录' })).toBeVisible()
  const captures = [
    { who: '王芳', help: '介绍一位做政务云的朋友', meet: '红杉的孙强' },
    { who: '赵磊', help: '把峰会的演讲稿发给他', meet: '孙强（红杉）' },
    { who: '刘洋', help: '帮她约字节跳动的产品团队', meet: '李娜' },
  ]
  for (const c of captures) {
    await expect(page.getByRole('textbox', { name: '你见了谁？' })).toBeFocused()
    await page.keyboard.type(c.who)
    await tabTo(page, page.getByLabel('我能怎么帮到你？', { exact: true }))
    await page.keyboard.type(c.help)
    await tabTo(page, page.getByLabel('我应该认识谁？', { exact: true }))
    await page.keyboard.type(c.meet)
    await page.keyboard.press('Control+Enter')
    await expect(page.getByText(new RegExp(`^已保存 ${c.who}。请在 .+ 前跟进。$`))).toBeVisible()
  }
  await expectNoEnglish(page, 'quick capture')

  // 7. The after view shows what they said; the draft is in Chinese.
  await page.goto(eventUrl)
  await page.getByRole('tab', { name: '会后' }).click()
  await expect(page.locator('[data-met="王芳"]')).toContainText('介绍一位做政务云的朋友')
  await expectNoEnglish(
    page,
    'the after view',
    captures.map((c) => c.help),
  )
  await page.locator('[data-met="王芳"]').getByRole('button', { name: '起草跟进消息' }).click()
  const draft = page.getByRole('dialog', { name: '给 王芳 的跟进消息' })
  await expect(draft.getByRole('textbox', { name: '正文' })).toHaveValue(/创新峰会/)
  await expectNoEnglish(page, 'the draft')
  await page.screenshot({ path: 'test-results/screens/journey-draft-zh.png', fullPage: true })

  // 8. The follow-up done from Today, within 24 hours.
  await page.goto(`${served.url}#/today`)
  await page
    .locator('[data-followup]', { hasText: '王芳' })
    .first()
    .getByRole('button', { name: '完成', exact: true })
    .click()
  await page.getByRole('textbox', { name: '渠道' }).fill('微信')
  await page.getByRole('button', { name: '标记完成' }).click()
  await expect(page.getByText(/^已完成：/)).toBeVisible()
  await expectNoEnglish(page, 'Today after done', ['微信'])
  await page.goto(eventUrl)
  await page.getByRole('tab', { name: '会后' }).click()
  await expect(page.getByText('24 小时内跟进：1 / 3（33%）')).toBeVisible()

  // 9. A dinner of fifteen with the community: three more invited in one step, seats planned,
  // one guest declines (the seat is freed at once) and the bill is shared by those expected.
  await page.goto(`${served.url}#/communities`)
  await page.getByRole('link', { name: '上海 AI 产品人早餐会' }).click()
  await page.getByRole('link', { name: /^月度晚餐/ }).click()
  const guests = page.getByRole('table', { name: '客人' })
  const replies = guests.getByRole('combobox', { name: / 的回复$/ })
  await expect(replies.first()).toBeVisible()
  const invited = (
    await replies.evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label')!))
  ).map((label) => label.replace(/ 的回复$/, ''))
  const invite = page.getByRole('combobox', { name: '邀请客人' })
  await invite.click()
  const offered = [
    ...new Set((await page.getByRole('option').allInnerTexts()).map((t) => t.trim())),
  ].filter((name) => !invited.includes(name))
  await page.keyboard.press('Escape')
  const more = offered.slice(0, 14 - invited.length)
  for (const name of more) {
    await invite.fill(name)
    await page.getByRole('option', { name, exact: true }).click()
  }
  await page.getByRole('button', { name: '邀请', exact: true }).click()
  await expect(replies).toHaveCount(14)
  // Fifteen with me is the method's limit, not beyond it.
  await expect(page.getByTestId('size-note-tooMany')).toHaveCount(0)
  // Twelve seats for fifteen: the notice offers the table that fits, in one click.
  await expect(page.getByRole('alert', { name: '座位不够' })).toContainText(
    '15 个人（包括你），12 个座位。',
  )
  await page.getByRole('button', { name: '一张长桌，每边 8 人' }).click()
  await expect(page.getByRole('alert', { name: '座位不够' })).toHaveCount(0)
  await page.getByRole('button', { name: '安排座位' }).click()
  await expect(page.getByRole('button', { name: /^第 1 桌第 \d+ 座：我（主人）$/ })).toBeVisible()
  const reply = replies.first()
  const decliner = (await reply.getAttribute('aria-label'))!.replace(/ 的回复$/, '')
  await expect(page.getByRole('button', { name: new RegExp(`：${decliner}$`) })).toHaveCount(1)
  await reply.click()
  await page.getByRole('option', { name: '不来', exact: true }).click()
  await expect(page.getByText(`${decliner}不来了，座位已空出。`)).toBeVisible()
  await expect(page.getByRole('button', { name: new RegExp(`：${decliner}$`) })).toHaveCount(0)
  await expect(page.getByText(/^14 人分摊：你、/)).toBeVisible()
  await expectNoEnglish(page, 'the gathering', [...more, decliner])
  await page.screenshot({ path: 'test-results/screens/journey-gathering-zh.png', fullPage: true })

  // Mentions found the speaker 孙强 on the list instead of adding a second one.
  await served.stop()
  const data = JSON.parse(await readFile(served.storeFile, 'utf8')) as {
    events: { name: string; people: { id: string; name: string }[] }[]
    encounters: { mentions: { name: string; personId?: string }[] }[]
  }
  const event = data.events.find((e) => e.name === '创新峰会')!
  expect(event.people.filter((p) => p.name === '孙强')).toHaveLength(1)
  const sun = event.people.find((p) => p.name === '孙强')!
  const mentionsOfSun = data.encounters.flatMap((e) => e.mentions).filter((m) => m.name === '孙强')
  expect(mentionsOfSun.map((m) => m.personId)).toEqual([sun.id, sun.id])
})
