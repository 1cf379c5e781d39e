import type { Page } from '@playwright/test'
import { expect, test } from './serveFixture'

/**
 * The dialog's buttons that something else is drawn over at their centre, i.e. that a click
 * would not reach. Runs in the page (the tests compile without the DOM library, hence a string).
 */
const COVERED_DIALOG_BUTTONS = `(() => {
  const covered = []
  for (const button of document.querySelectorAll('[role=dialog] button')) {
    const box = button.getBoundingClientRect()
    if (box.width === 0 || box.bottom < 0 || box.top > innerHeight) continue
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    if (!top || !(button === top || button.contains(top)))
      covered.push((button.getAttribute('aria-label') || button.textContent || '?').trim())
  }
  return covered
})()`

const reminder = (page: Page) =>
  page.getByRole('alert').filter({ hasText: /follow-ups? (is|are) due/ })

async function openImportPreview(page: Page) {
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles({
    name: 'people.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Name,Email\nNoor Haddad,noor@example.com\nIvan Petrov,ivan@example.com\n'),
  })
  const dialog = page.getByRole('dialog', { name: 'Import contacts' })
  await expect(dialog.getByTestId('import-summary')).toContainText('2 new')
  return dialog
}

test.describe('a wide window', () => {
  test.use({ viewport: { width: 1600, height: 900 } })

  test('the reminder toast sits beside the import dialog, and closing it stays on the preview', async ({
    page,
    served,
  }) => {
    await page.goto(`${served.url}#/contacts`)
    await expect(reminder(page)).toBeVisible()
    const dialog = await openImportPreview(page)
    await expect(reminder(page)).toBeVisible()
    await expect.poll(() => page.evaluate<string[]>(COVERED_DIALOG_BUTTONS)).toEqual([])
    await page.screenshot({ path: 'test-results/screens/toast-beside-dialog.png' })

    await reminder(page).getByRole('button', { name: 'Close' }).click()
    await expect(reminder(page)).toHaveCount(0)
    // Still on Contacts, with the preview and its buttons.
    expect(new URL(page.url()).hash).toBe('#/contacts')
    await expect(dialog.getByTestId('import-summary')).toContainText('2 new')
  })
})

test('in a window with no room beside the dialog, no toast covers its buttons', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/contacts`)
  await expect(reminder(page)).toBeVisible()
  await openImportPreview(page)
  await expect.poll(() => page.evaluate<string[]>(COVERED_DIALOG_BUTTONS)).toEqual([])
  await page.screenshot({ path: 'test-results/screens/toast-with-dialog-1280.png' })
})

test('the reminder toast leads to Today only through its own button', async ({ page, served }) => {
  await page.goto(`${served.url}#/contacts`)
  await reminder(page)
    .getByText(/follow-ups? (is|are) due/)
    .click()
  expect(new URL(page.url()).hash).toBe('#/contacts')
  await reminder(page).getByRole('button', { name: 'Open Today' }).click()
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible()
})
