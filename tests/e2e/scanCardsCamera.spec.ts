import { copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import config from '../../playwright.config'
import { expect, test } from './serveFixture'

// Chromium's stand-in camera shows a file instead of a device: here a photo of a business card
// (an MJPEG stream of one frame is just the JPEG).
const fakeCamera = join(tmpdir(), 'rapport-fake-camera-card-02.mjpeg')
copyFileSync('tests/fixtures/cards/card-02.jpg', fakeCamera)
const READ = { timeout: 90_000 }

// For the whole file: launch options need a browser of their own.
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [
      ...(config.use?.launchOptions?.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${fakeCamera}`,
    ],
  },
})

test('takes a photo of a card with the webcam and reads it', async ({ page, served }) => {
  test.setTimeout(180_000)
  await page.goto(`${served.url}#/cards`)
  await page.getByRole('button', { name: 'Take a photo (webcam)' }).click()
  const dialog = page.getByRole('dialog', { name: 'Take a photo of a card' })
  const shutter = dialog.getByRole('button', { name: 'Take photo' })
  await expect(shutter).toBeEnabled()
  await page.screenshot({ path: 'test-results/screens/scan-cards-camera-en.png' })
  await shutter.click()
  await expect(dialog).toHaveCount(0)
  const preview = page.getByTestId('scanned-card')
  await expect(preview.getByRole('img', { name: /Card camera-\d+\.jpg/ })).toBeVisible()
  await expect(preview.getByLabel('Name')).toHaveValue('Emma Bennett', READ)
  await expect(preview.getByLabel('Emails (one per line)')).toHaveValue(
    'emma_bennett@harboranalytics.co.uk',
  )
  // The camera is off once the dialog is closed.
  await expect(page.locator('video')).toHaveCount(0)
})

/** Makes getUserMedia fail (over the stand-in camera) as it does without a camera or without permission. */
async function cameraFailsWith(page: Page, name: string) {
  await page.addInitScript({
    content: `navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('refused by the test', ${JSON.stringify(name)}))`,
  })
}

test('says so when the camera may not be used, and when there is none', async ({
  page,
  served,
}) => {
  await cameraFailsWith(page, 'NotAllowedError')
  await page.goto(`${served.url}#/cards`)
  await page.getByRole('button', { name: 'Take a photo (webcam)' }).click()
  const problem = page.getByTestId('camera-problem')
  await expect(problem).toContainText('Rapport is not allowed to use the camera')
  await expect(page.getByRole('button', { name: 'Take photo' })).toHaveCount(0)
  await page.screenshot({ path: 'test-results/screens/scan-cards-camera-denied-en.png' })
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(problem).toHaveCount(0)
})

test.describe('in Chinese', () => {
  test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })

  test('says in Chinese that no camera was found', async ({ page, served }) => {
    await cameraFailsWith(page, 'NotFoundError')
    await page.goto(`${served.url}#/cards`)
    await page.getByRole('button', { name: '用摄像头拍照' }).click()
    await expect(page.getByRole('dialog', { name: '给名片拍照' })).toBeVisible()
    await expect(page.getByTestId('camera-problem')).toContainText('没有找到摄像头')
    await page.screenshot({ path: 'test-results/screens/scan-cards-camera-none-zh.png' })
  })
})
