import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { expect, test } from './serveFixture'

const EVENTBRITE_HEADER = (
  await readFile('tests/fixtures/real-world/eventbrite-attendees-header-only.csv', 'utf8')
).trim()

const attendees = [
  ['Ada', 'Lovelace'],
  ['Grace', 'Hopper'],
  ['Alan', 'Turing'],
  ['Katherine', 'Johnson'],
  ['Margaret', 'Hamilton'],
  ['Edsger', 'Dijkstra'],
  ['Barbara', 'Liskov'],
  ['Donald', 'Knuth'],
  ['Frances', 'Allen'],
  ['Tim', 'Berners-Lee'],
  ['Radia', 'Perlman'],
]

/** An Eventbrite attendee export: the real header, our rows. */
function eventbriteCsv(): string {
  const rows = attendees.map(
    ([first, last], i) =>
      `${2000 + i},2026-11-20,${first},${last},${first!.toLowerCase()}@example.org,1,,General Admission,${i + 1},Free Order,USD,0.00,0.00,0.00,0.00,Attending,,,,,,,,`,
  )
  return [EVENTBRITE_HEADER, ...rows].join('\r\n')
}

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes) }).promise
  let text = ''
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const content = await page.getTextContent()
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n'
  }
  return text
}

/** Presses Tab until the field labelled `label` has the focus: moving as a keyboard user does. */
async function tabTo(page: Page, label: string | Locator) {
  const target = typeof label === 'string' ? page.getByLabel(label, { exact: true }) : label
  for (let i = 0; i < 20; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${label}`)
}

async function captureByKeyboard(
  page: Page,
  who: string,
  answers: { help: string; iShouldMeet: string; theyShouldMeet?: string; existing?: boolean },
) {
  await expect(page.getByRole('textbox', { name: 'Who did you meet?' })).toBeFocused()
  await page.keyboard.type(who)
  if (answers.existing) {
    // Someone already in my contacts: Tab to the suggestion and pick it with Enter.
    await tabTo(page, page.getByRole('button', { name: who }))
    await page.keyboard.press('Enter')
    await expect(page.getByText('Someone already in your contacts.')).toBeVisible()
  }
  await tabTo(page, 'How can I help you?')
  await page.keyboard.type(answers.help)
  if (answers.theyShouldMeet) {
    await tabTo(page, 'Whom should you meet?')
    await page.keyboard.type(answers.theyShouldMeet)
  }
  await tabTo(page, 'Whom should I meet?')
  await page.keyboard.type(answers.iShouldMeet)
  await page.keyboard.press('Control+Enter')
  await expect(page.getByText(new RegExp(`^${who} saved\\. Follow up by`))).toBeVisible()
}

test('an event from start to finish: create, import attendees, ten targets, dossier PDF, capture, radar, follow-ups', async ({
  page,
  served,
}) => {
  test.setTimeout(180_000)
  await page.goto(`${served.url}#/events`)
  await expect(page.getByText('not built yet')).toHaveCount(0)

  // Before: the record.
  await page.getByRole('button', { name: 'New event' }).click()
  const dialog = page.getByRole('dialog', { name: 'New event' })
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Open Source Summit')
  await dialog.getByLabel('Starts (local time at the venue)').fill('2026-12-20T09:00')
  await dialog
    .getByRole('textbox', { name: 'Why it matters' })
    .fill('The maintainers of the tools our clients depend on are all speaking')
  await dialog.getByRole('button', { name: 'Create event' }).click()
  await expect(page.getByRole('heading', { name: 'Open Source Summit' })).toBeVisible()
  const eventUrl = page.url()

  // Speakers and attendees: an Eventbrite export.
  await page.getByRole('tab', { name: /Speakers and attendees/ }).click()
  await page.locator('input[type=file]').setInputFiles({
    name: 'attendees.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(eventbriteCsv()),
  })
  await expect(page.getByText('11 people read (0 already in your contacts)')).toBeVisible()
  await page.getByRole('button', { name: 'Add 11 people' }).click()
  await expect(page.getByText('11 people added.')).toBeVisible()
  await expect(page.getByText('On the list (11)')).toBeVisible()
  for (let i = 0; i < 10; i++) {
    await page.getByRole('button', { name: 'Make a contact' }).first().press('Enter')
    await expect(page.getByRole('button', { name: 'Make a contact' })).toHaveCount(10 - i)
  }

  // Ten targets, from the list.
  await page.getByRole('tab', { name: /Targets/ }).click()
  await expect(page.getByText('0 / 10 targets')).toBeVisible()
  for (let i = 0; i < 10; i++) {
    await page
      .getByRole('combobox', { name: 'Add someone from the speaker and attendee list' })
      .click()
    await page.getByRole('option').first().click()
    await expect(page.locator('[data-target]')).toHaveCount(i + 1)
  }
  await expect(page.getByText('10 / 10 targets')).toBeVisible()
  await expect(page.getByText('Ten or more: well done.')).toBeVisible()
  const targetNames = await page
    .locator('[data-target]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-target')!))
  expect(targetNames).toHaveLength(10)

  // The prep dossier, printed to PDF.
  await page.getByRole('link', { name: 'Prep dossier' }).click()
  await expect(page.getByText(/^Arrive 10 minutes early: /)).toBeVisible()
  await expect(page.getByText(`10. ${targetNames[9]}`)).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/events-flow-dossier-en.png', fullPage: true })
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('link', { name: 'Back to the event' })).toBeHidden()
  await page.emulateMedia({ media: null })
  const text = await pdfText(await page.pdf({ preferCSSPageSize: true }))
  for (const name of targetNames) expect(text).toContain(name)
  expect(text).not.toContain('Back to the event')

  // During: three conversations captured from the keyboard alone.
  await page.goto(eventUrl)
  await expect(page.getByRole('heading', { name: 'Open Source Summit' })).toBeVisible()
  await page.keyboard.press('Control+Shift+K')
  await expect(page.getByRole('heading', { name: 'Quick capture' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'At which event' })).toHaveValue(
    'Open Source Summit',
  )
  await captureByKeyboard(page, 'Noor Haddad', {
    help: 'Intro to a maintainer of the build tool',
    iShouldMeet: 'Radia Perlman, Yusuf Ali',
  })
  await captureByKeyboard(page, 'Ines Duarte', {
    help: 'Share our security checklist',
    iShouldMeet: 'Radia Perlman',
    theyShouldMeet: 'Yusuf Ali',
  })
  await captureByKeyboard(page, 'Ada Lovelace', {
    help: 'Send her the conference talk',
    iShouldMeet: 'radia perlman; Ines Duarte',
    existing: true,
  })

  // The radar: Radia, named by three different people, comes first.
  await page.goto(eventUrl)
  await page.getByRole('tab', { name: 'Core-person radar' }).click()
  const rows = page.locator('[data-radar-row]')
  await expect(rows.first()).toContainText('Radia Perlman')
  await expect(rows.first()).toContainText('3 people')
  await expect(rows.nth(1)).toContainText('Yusuf Ali')
  await expect(rows.nth(1)).toContainText('2 people')
  await page.screenshot({ path: 'test-results/screens/events-flow-radar-en.png', fullPage: true })

  // After: everyone met, with follow-ups due 24 hours after the conversation.
  await page.getByRole('tab', { name: 'After the event' }).click()
  await expect(page.getByText('Followed up within 24 hours: 0 of 3 (0%)')).toBeVisible()
  for (const name of ['Noor Haddad', 'Ines Duarte', 'Ada Lovelace']) {
    await expect(page.locator(`[data-met="${name}"]`)).toContainText(/Due /)
  }
  // What was said in the room comes back here, each answer under its own label.
  await expect(page.locator('[data-met="Noor Haddad"]')).toContainText(
    'How I can help: Intro to a maintainer of the build tool',
  )
  await page
    .locator('[data-met="Noor Haddad"]')
    .getByRole('button', { name: 'Draft follow-up' })
    .click()
  const draft = page.getByRole('dialog', { name: 'Follow-up to Noor Haddad' })
  await expect(draft.getByRole('textbox', { name: 'Message' })).toHaveValue(
    /Thank you for the conversation at Open Source Summit/,
  )
  await expect(draft.getByRole('textbox', { name: 'Message' })).toHaveValue(
    /Intro to a maintainer of the build tool/,
  )
  await page.screenshot({ path: 'test-results/screens/events-flow-draft-en.png', fullPage: true })

  await served.stop()
  const data = JSON.parse(await readFile(served.storeFile, 'utf8'))
  const event = data.events.find((e: { name: string }) => e.name === 'Open Source Summit')
  const encounters = data.encounters.filter((e: { eventId?: string }) => e.eventId === event.id)
  expect(encounters).toHaveLength(3)
  // Ada was a target: the conversation moved her to "met"; no second Ada was created.
  const adas = data.contacts.filter((c: { name: string }) => c.name === 'Ada Lovelace')
  expect(adas).toHaveLength(1)
  expect(event.targets.find((t: { contactId: string }) => t.contactId === adas[0].id).stage).toBe(
    'met',
  )
  for (const encounter of encounters) {
    const followUp = data.followUps.find(
      (f: { encounterId?: string; reason: string }) =>
        f.encounterId === encounter.id && f.reason === 'afterMeeting',
    )
    expect(Date.parse(followUp.dueAt) - Date.parse(encounter.at)).toBe(24 * 60 * 60 * 1000)
  }
})

test('a bad event is refused with a clear message and nothing is created', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/events`)
  await page.getByRole('button', { name: 'New event' }).click()
  const dialog = page.getByRole('dialog', { name: 'New event' })
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Half-filled')
  await dialog.getByRole('button', { name: 'Create event' }).click()
  // The form's own check: the missing start is said under it, and it gets the focus.
  const starts = dialog.getByLabel('Starts (local time at the venue)')
  await expect(starts).toHaveAccessibleDescription('Required')
  await expect(starts).toBeFocused()
  await starts.fill('2026-12-20T09:00')
  await dialog.getByLabel('Ends').fill('2026-12-19T09:00')
  await dialog.getByRole('button', { name: 'Create event' }).click()
  // The core's rule on save, on the field it names.
  await expect(dialog.getByLabel('Ends')).toHaveAccessibleDescription('Ends before it starts')
  await expect(starts).toHaveAccessibleDescription('')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('link', { name: 'Half-filled' })).toHaveCount(0)
})

for (const language of ['en', 'zh-CN'] as const) {
  test.describe(`the demo event in ${language}`, () => {
    test.use({ locale: language, demoLanguage: language })
    test('shows its pages and dossier', async ({ page, served }) => {
      await page.goto(`${served.url}#/events`)
      await page.screenshot({
        path: `test-results/screens/events-list-${language}.png`,
        fullPage: true,
      })
      await page.goto(`${served.url}#/events/demo-event-upcoming`)
      await expect(page.locator('[role=tab]')).toHaveCount(6)
      // The time zone reads as people say it, with its offset, not as an IANA id.
      await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText(
        language === 'en' ? 'China Standard Time (UTC+8)' : '中国标准时间（UTC+8）',
      )
      await expect(page.getByText('Asia/Shanghai')).toHaveCount(0)
      await page.screenshot({
        path: `test-results/screens/events-plan-${language}.png`,
        fullPage: true,
      })
      await page.locator('[role=tab]').nth(2).click()
      await expect(page.locator('[data-target]').first()).toBeVisible()
      await page.screenshot({
        path: `test-results/screens/events-targets-${language}.png`,
        fullPage: true,
      })
      // The card shows where the person is a target, and their stage.
      await page.locator('[data-target]').first().getByRole('link').first().click()
      await expect(page.getByTestId('target-states')).toContainText(
        language === 'en' ? 'Researching' : '调研中',
      )
      await page.goto(`${served.url}#/capture?event=demo-event-upcoming`)
      await page.screenshot({
        path: `test-results/screens/events-capture-${language}.png`,
        fullPage: true,
      })
      await page.goto(`${served.url}#/events/demo-event-past?tab=radar`)
      await expect(page.locator('[data-radar-row]').first()).toBeVisible()
      await page.screenshot({
        path: `test-results/screens/events-radar-${language}.png`,
        fullPage: true,
      })
      await page.goto(`${served.url}#/events/demo-event-past?tab=after`)
      await expect(page.locator('[data-met]').first()).toBeVisible()
      await page.screenshot({
        path: `test-results/screens/events-after-${language}.png`,
        fullPage: true,
      })
      await page.goto(`${served.url}#/events/demo-event-upcoming/dossier`)
      await expect(page.locator('.dossier-target').first()).toBeVisible()
      await page.screenshot({
        path: `test-results/screens/events-dossier-${language}.png`,
        fullPage: true,
      })
    })
  })
}

for (const language of ['en', 'zh-CN'] as const) {
  test.describe(`the event editor in ${language}`, () => {
    test.use({ locale: language, demoLanguage: language })
    test('shows the demo event at 09:00 venue time in Shanghai', async ({ page, served }) => {
      await page.goto(`${served.url}#/events/demo-event-upcoming`)
      const starts = page.getByLabel(
        language === 'en' ? 'Starts (local time at the venue)' : '开始时间（会场当地时间）',
      )
      // The stored instant read in the venue's zone, whatever the browser's own zone is.
      await expect(starts).toHaveValue(/T09:00$/)
      await starts.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `/tmp/shots-tz/event-editor-${language}.png` })
    })
  })
}
