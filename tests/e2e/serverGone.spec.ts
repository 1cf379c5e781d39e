import { expect, test } from './serveFixture'
import { startServe, stopServe } from './serveProcess'

test.use({ demoLanguage: 'zh-CN', locale: 'zh-CN' })

test('says the local server is not running, and reconnects by itself when it answers again', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByRole('heading', { name: '今天', exact: true })).toBeVisible()
  // The server stops answering (as when it is stopped and comes back with the same session).
  await page.route('**/api/**', (route) => route.abort('connectionrefused'))
  await page.getByRole('link', { name: '联系人' }).click()
  const banner = page.getByTestId('connection-banner')
  await expect(banner).toContainText('Rapport 的本地服务没有在运行')
  await expect(banner).toContainText('npm run serve')
  await expect(page.getByText('无法使用你的数据文件')).toHaveCount(0)
  await page.screenshot({ path: 'test-results/screens/server-down-zh.png' })

  await page.unroute('**/api/**')
  await expect(banner).toBeHidden({ timeout: 10_000 })
  await expect(page.getByText('已重新连上 Rapport。')).toBeVisible()
  // The page loaded its data again, without a full reload.
  await expect(page.getByText('陈思远').first()).toBeVisible()
})

test('after a restart, tells the open page to use the new address', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByRole('heading', { name: '今天', exact: true })).toBeVisible()
  const port = Number(new URL(served.url).port)
  // Pages already opened need no more code from the server.
  await page.getByRole('link', { name: '联系人' }).click()
  await expect(page.getByRole('heading', { name: '联系人', exact: true })).toBeVisible()
  await page.getByRole('link', { name: '今天' }).click()
  await served.stop()
  await page.getByRole('link', { name: '联系人' }).click()
  const banner = page.getByTestId('connection-banner')
  await expect(banner).toContainText('Rapport 的本地服务没有在运行')

  const again = await startServe(served.dataDir, 'zh-CN', 20_000, port)
  try {
    // The page asks by itself; the new server does not know its old session.
    await expect(banner).toContainText('Rapport 已重新启动', { timeout: 10_000 })
    await expect(banner).toContainText('新打印出的地址')
    await page.screenshot({ path: 'test-results/screens/server-restarted-zh.png' })
  } finally {
    await stopServe(again.child)
  }
})

test('a page opened while the server is away says so in Chinese, not the router’s English', async ({
  page,
  served,
}) => {
  await page.goto(served.url)
  await expect(page.getByRole('heading', { name: '今天', exact: true })).toBeVisible()
  await served.stop()
  // The map's code was never loaded, and the server that would send it is gone.
  await page.getByRole('link', { name: '关系图' }).click()
  await expect(page.getByRole('alert').first()).toContainText('Rapport 的本地服务没有在运行')
  await expect(page.getByText('Unexpected Application Error')).toHaveCount(0)
})
