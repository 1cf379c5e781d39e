import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import { expect, test } from './serveFixture'

/** Decodes the QR code in a PNG data URL, as a phone camera would read the screen. */
function decodeDataUrl(url: string): string | null {
  const png = PNG.sync.read(Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64'))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

const qrPng = async (text: string) => ({
  name: 'code.png',
  mimeType: 'image/png',
  buffer: await QRCode.toBuffer(text, { type: 'png', width: 400, margin: 4 }),
})

test('my card shows my details as a QR code that reads back, and reads scanned codes', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('textbox', { name: 'My name' }).fill('Ada Lovelace')
  await page.getByRole('textbox', { name: 'My email' }).fill('ada@example.org')
  await page.getByRole('textbox', { name: 'My phone' }).fill('+44 20 7946 0018')
  await page.getByRole('textbox', { name: 'My WeChat ID' }).fill('ada_l')
  await page.getByRole('button', { name: 'Save', exact: true }).first().click()
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await page.getByRole('link', { name: 'Show my card as a QR code' }).click()

  await expect(page.getByRole('heading', { name: 'My card' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Where we met (optional)' }).fill('met at PyCon 2026')
  const fields = page.getByTestId('my-card-fields')
  await expect(fields).toContainText('met at PyCon 2026')
  const qr = page.getByRole('img', { name: 'QR code of my card' })
  await expect(qr).toBeVisible()
  await expect
    .poll(async () => decodeDataUrl((await qr.getAttribute('src')) ?? ''))
    .toContain('NOTE:met at PyCon 2026')
  const text = decodeDataUrl((await qr.getAttribute('src'))!)!
  expect(text).toContain('FN:Ada Lovelace')
  expect(text).toContain('TEL;TYPE=CELL:+44 20 7946 0018')
  expect(text).toContain('EMAIL;TYPE=INTERNET:ada@example.org')
  expect(text).toContain('X-WECHAT:ada_l')
  const box = await qr.boundingBox()
  expect(box!.width).toBeGreaterThanOrEqual(360)
  await page.screenshot({ path: 'test-results/screens/my-card-en.png', fullPage: true })

  await page.getByRole('button', { name: 'Full screen' }).click()
  const big = page.getByRole('dialog').getByRole('img', { name: 'QR code of my card' })
  expect((await big.boundingBox())!.height).toBeGreaterThan(box!.height)
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()

  // Anything else is shown as text, never opened.
  await page.locator('input[type=file]').setInputFiles(await qrPng('https://phish.example/login'))
  await expect(page.getByTestId('qr-text')).toContainText('https://phish.example/login')
  await expect(page.getByRole('link', { name: 'https://phish.example/login' })).toHaveCount(0)

  // A scanned MECARD becomes a contact.
  await page
    .locator('input[type=file]')
    .setInputFiles(await qrPng('MECARD:N:Hopper,Grace;ORG:US Navy;EMAIL:grace@navy.example;;'))
  const preview = page.getByTestId('qr-contact')
  await expect(preview).toContainText('Grace Hopper')
  await expect(preview).toContainText('grace@navy.example')
  await preview.getByRole('button', { name: 'Create contact' }).click()
  await expect(page).toHaveURL(/#\/contacts\//)
  await expect(page.getByRole('textbox', { name: 'Name' }).first()).toHaveValue('Grace Hopper')

  // In Chinese.
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByText('简体中文').click()
  await page.getByRole('link', { name: '我的名片', exact: true }).click()
  // The English notifications of the steps above go with a reload.
  await page.reload()
  await expect(page.getByRole('heading', { name: '我的名片' })).toBeVisible()
  await page.getByRole('textbox', { name: '在哪里认识（可选）' }).fill('在 PyCon 2026 认识')
  await expect(page.getByRole('img', { name: '我的名片二维码' })).toBeVisible()
  await expect(page.getByTestId('my-card-fields')).toContainText('备注：在 PyCon 2026 认识')
  await page.screenshot({ path: 'test-results/screens/my-card-zh.png', fullPage: true })
})
