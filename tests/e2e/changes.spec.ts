import { expect, test } from './serveFixture'

test('a contact added in one tab appears in another tab without a reload', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/contacts`)
  await page.getByRole('textbox', { name: /Search/ }).fill('Grace Hopper')
  await expect(page.getByRole('row', { name: /Grace Hopper/ })).toHaveCount(0)

  const other = await page.context().newPage()
  await other.goto(`${served.url}#/contacts`)
  await other.getByRole('button', { name: 'New contact' }).click()
  await other.getByRole('textbox', { name: 'Name', exact: true }).fill('Grace Hopper')
  await other.getByRole('button', { name: 'Save' }).click()

  // The first tab heard the change and re-read its list: no reload, no click.
  await expect(page.getByRole('row', { name: /Grace Hopper/ })).toBeVisible()
  await other.close()
})
