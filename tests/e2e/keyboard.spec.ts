import type { Page } from '@playwright/test'
import { expect, test } from './serveFixture'

interface Focused {
  /** The accessible label or text of the focused element; '' when nothing is focused. */
  text: string
  /** The follow-up id when the focus is on a follow-up of the queue. */
  followUp: string
  /** The element matches :focus-visible and draws an outline. */
  ringVisible: boolean
}

/** Runs in the page (the tests compile without the DOM library, hence a string). */
const READ_FOCUS = `(() => {
  const el = document.activeElement
  if (!el || el === document.body) return { text: '', followUp: '', ringVisible: false }
  const style = getComputedStyle(el)
  return {
    text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
    followUp: el.dataset.followup ?? '',
    ringVisible:
      el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
  }
})()`

/** What has the keyboard focus, and whether a sighted user can see where it is. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate<Focused>(READ_FOCUS)
}

/** Presses `key` until `reached` holds for the focused element, as someone tabbing would. */
async function pressUntil(page: Page, key: string, reached: (f: Focused) => boolean, limit = 120) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key)
    const now = await focused(page)
    if (reached(now)) return now
  }
  throw new Error(`pressing ${key} ${limit} times never reached the element`)
}

test('walks capture → Today → done with the keyboard alone, focus always visible and kept on the list', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.locator('[data-followup]').first()).toBeVisible()

  // Capture: the shortcut opens it with the name field focused; Ctrl+Enter saves.
  await page.keyboard.press('Control+Shift+K')
  await expect(page.getByRole('textbox', { name: 'Who did you meet?' })).toBeFocused()
  await page.keyboard.type('Noor Haddad')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Climate Ventures')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByText(/^Noor Haddad saved\. Follow up by/)).toBeVisible()

  // To Today through the sidebar.
  const link = await pressUntil(page, 'Shift+Tab', (f) => f.text === 'Today')
  expect(link.ringVisible).toBe(true)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible()

  // Tab to the new follow-up; every stop on the way shows where the focus is.
  const noor = await pressUntil(page, 'Tab', (f) => {
    if (f.text && !f.ringVisible) throw new Error(`focus not visible on "${f.text}"`)
    return f.followUp !== '' && f.text.startsWith('Noor Haddad')
  })
  expect(noor.ringVisible).toBe(true)

  // D opens "done"; Enter in the channel field marks it done.
  await page.keyboard.press('d')
  await expect(page.getByRole('textbox', { name: 'Channel' })).toBeFocused()
  await page.keyboard.type('WeChat')
  await page.keyboard.press('Enter')
  await expect(page.getByText(/^Done: /)).toBeVisible()
  await expect(page.locator(`[data-followup="${noor.followUp}"]`)).toHaveCount(0)

  // The focus moved to the next follow-up, so the keys keep working without a click.
  const next = await focused(page)
  expect(next.followUp).not.toBe('')
  expect(next.followUp).not.toBe(noor.followUp)
  expect(next.ringVisible).toBe(true)
  const nextName = next.text.split(':')[0]!

  // S snoozes it from the keyboard; a snoozed follow-up carries a mark.
  await page.keyboard.press('s')
  await expect(page.getByRole('menuitem', { name: 'Tomorrow 9:00' })).toBeVisible()
  await pressUntil(page, 'ArrowDown', (f) => f.text === 'Tomorrow 9:00', 12)
  await page.keyboard.press('Enter')
  await expect(page.getByText(/^Snoozed until/)).toBeVisible()
  await expect(
    page.locator(`[data-followup="${next.followUp}"]`).getByText('Snoozed', { exact: true }),
  ).toBeVisible()
  await page.screenshot({ path: `test-results/screens/keyboard-today-en.png` })
  expect(nextName).not.toBe('')
})
