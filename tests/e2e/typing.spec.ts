import { expect, test } from './serveFixture'

test('typing shows the newest search even when an older answer arrives last', async ({
  page,
  served,
}) => {
  // The answer for "M" is held back until after the one for "Marco" has been drawn.
  let releaseM: () => void = () => undefined
  const heldM = new Promise<void>((resolve) => (releaseM = resolve))
  await page.route('**/api/contacts.search', async (route) => {
    const { text } = JSON.parse(route.request().postData() ?? '{}') as { text?: string }
    if (text === 'M') await heldM
    await route.continue()
  })
  await page.goto(`${served.url}#/contacts`)
  const search = page.getByRole('textbox', { name: /Search/ })
  const count = page.getByRole('main').getByText(/^\d+ (person|people) ·/)
  await expect(count).toHaveText(/^30 people/)

  await search.pressSequentially('Marco')
  await expect(page.getByRole('row', { name: /Marco Rossi/ })).toBeVisible()
  await expect(count).toHaveText(/^1 person/)

  const lateAnswer = page.waitForResponse(
    (r) =>
      r.url().endsWith('/api/contacts.search') && r.request().postData()?.includes('"M"') === true,
  )
  releaseM()
  await lateAnswer
  // Give the stale answer every chance to be drawn; it must not replace the newer one.
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200)))',
  )
  await expect(count).toHaveText(/^1 person/)
  await expect(page.getByRole('row', { name: /Marco Rossi/ })).toBeVisible()
})

test('a list photo is fetched once, not again for each keystroke or visit', async ({
  page,
  served,
}) => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNkYGD4z8DAwMDAwMDAAAANBAEBWCWFPAAAAABJRU5ErkJggg==',
    'base64',
  )
  await page.goto(`${served.url}#/contacts/demo-contact-01`)
  const name = await page.getByRole('heading', { level: 1 }).first().innerText()
  await page
    .getByTestId('photo-input')
    .setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: png })
  await expect(page.getByText('Photo saved')).toBeVisible()

  const thumbs: string[] = []
  page.on('request', (request) => {
    const body = request.postData() ?? ''
    if (request.url().endsWith('/api/photos.get') && body.includes('"thumb"')) thumbs.push(body)
  })
  await page.goto(`${served.url}#/contacts`)
  const row = page.getByRole('row', { name: new RegExp(name) })
  await expect(row.locator('img')).toBeVisible()

  // Narrowing the list letter by letter keeps the row (in another place) and its photo.
  const search = page.getByRole('textbox', { name: /Search/ })
  const count = page.getByRole('main').getByText(/^\d+ (person|people) ·/)
  await search.pressSequentially(name.slice(0, 4))
  await expect(count).not.toHaveText(/^30 people/)
  await expect(row.locator('img')).toBeVisible()
  await search.fill('')
  await expect(count).toHaveText(/^30 people/)
  await row.click()
  await page.goBack()
  await expect(row.locator('img')).toBeVisible()
  expect(thumbs).toHaveLength(1)
})
