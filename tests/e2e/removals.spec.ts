import { expect, test } from './serveFixture'

test('deletes an event after asking, and undo brings it back', async ({ page, served }) => {
  await page.goto(`${served.url}#/events/demo-event-past`)
  await expect(page.getByRole('heading', { name: 'West Lake Climate Tech Forum' })).toBeVisible()
  await page.getByRole('button', { name: 'Delete event' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete “West Lake Climate Tech Forum”?' })
  await expect(dialog).toContainText('Conversations and follow-ups from it stay')
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await expect(page).toHaveURL(/#\/events$/)
  await expect(page.getByText('“West Lake Climate Tech Forum” deleted.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'West Lake Climate Tech Forum' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page).toHaveURL(/#\/events\/demo-event-past$/)
  await expect(page.getByRole('heading', { name: 'West Lake Climate Tech Forum' })).toBeVisible()
})

test('deletes a gathering, keeps it on cancel, and undo restores it to its community', async ({
  page,
  served,
}) => {
  const title = 'Monthly dinner: AI features customers actually pay for'
  await page.goto(`${served.url}#/communities/gatherings/demo-gathering-01`)
  await expect(page.getByRole('heading', { name: title })).toBeVisible()
  await page.getByRole('button', { name: 'Delete gathering' }).click()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Delete gathering' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(page).toHaveURL(/#\/communities\/demo-community-01$/)
  await expect(page.getByText(`“${title}” deleted.`)).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(page).toHaveURL(/#\/communities\/gatherings\/demo-gathering-01$/)
  await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible()
  // Back in its community: the page links to it again.
  await expect(page.getByRole('link', { name: /Shanghai AI Product Breakfast Club/ })).toBeVisible()
})
