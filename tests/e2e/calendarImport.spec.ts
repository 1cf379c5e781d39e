import { expect, test } from './serveFixture'

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/** A Google-style export: a weekly meeting with Zhou Wanqing (demo) over the last three weeks. */
function calendar(): string {
  const start = new Date(Date.now() - 21 * 86_400_000)
  start.setUTCHours(6, 0, 0, 0)
  return [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(new Date(start.getTime() + 3_600_000))}`,
    'RRULE:FREQ=WEEKLY;COUNT=3',
    'UID:e2e-weekly@google.com',
    'SUMMARY:Product roadmap sync',
    'LOCATION:Yunfan office',
    'ATTENDEE;PARTSTAT=ACCEPTED;CN=Zhou Wanqing:mailto:wanqing.zhou@example.com',
    'ATTENDEE;PARTSTAT=ACCEPTED;CN=Kai Berg:mailto:kai.berg@example.org',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
}

test('imports past meetings from a calendar file as conversations, with a preview', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Import meetings from a calendar file…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import past meetings from a calendar file' })
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'google.ics',
    mimeType: 'text/calendar',
    buffer: Buffer.from(calendar()),
  })
  const preview = dialog.getByTestId('calendar-preview')
  await expect(preview).toContainText(
    '3 past meetings read: 3 conversations with 1 contact (0 imported before)',
  )
  await expect(
    preview.getByRole('row', { name: /Zhou Wanqing.*Product roadmap sync/ }),
  ).toHaveCount(3)
  await preview.getByRole('checkbox', { name: /Kai Berg/ }).check()
  await preview.getByRole('button', { name: 'Import 6 conversations' }).click()
  await expect(page.getByText('6 conversations imported, 1 new contact.')).toBeVisible()

  // The same file again adds nothing.
  await page.getByRole('button', { name: 'Import meetings from a calendar file…' }).click()
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'google.ics',
    mimeType: 'text/calendar',
    buffer: Buffer.from(calendar()),
  })
  await expect(preview).toContainText('6 conversations with 2 contacts (6 imported before)')
  await expect(preview.getByRole('button', { name: 'Import 0 conversations' })).toBeDisabled()
  await page.screenshot({ path: 'test-results/screens/calendar-import-en.png' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  // Kai Berg is a contact now, first met at the earliest meeting, with three conversations.
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('textbox', { name: /Search/ }).fill('Kai Berg')
  await expect(
    page.getByRole('table', { name: 'Contacts' }).getByRole('row', { name: /Kai Berg/ }),
  ).toBeVisible()
})
