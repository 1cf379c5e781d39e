import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, startServe, stopServe, test } from './serveFixture'

/**
 * The store's banners as a user sees them (issue 14), in both languages: a data file that went
 * missing is rebuilt from the backup, never replaced by a new demo network.
 */
for (const language of ['en', 'zh-CN'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: language })

    test('a missing rapport.json is restored from the backup and the banner says so', async ({
      page,
    }) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-'))
      try {
        const first = await startServe(dataDir, language) // demo network and a start-up backup
        await stopServe(first.child)
        await rm(join(dataDir, 'rapport.json'))

        const second = await startServe(dataDir, language)
        try {
          await page.goto(second.url)
          const banner = page.getByTestId('notice-snapshotMissing')
          await expect(banner).toContainText(join(dataDir, 'rapport.json'))
          if (language === 'en') {
            await expect(banner).toContainText('was missing. Rapport restored the backup of')
            await expect(banner).not.toContainText('0 later changes')
          } else {
            await expect(banner).toContainText('不见了。Rapport 已恢复')
            await expect(banner).toContainText('知道了')
            // Apart from the app's name and the file's path, no English in the Chinese banner.
            const text = (await banner.innerText())
              .replaceAll(join(dataDir, 'rapport.json'), '')
              .replace(/Rapport/g, '')
            expect(text).not.toMatch(/[A-Za-z]{3,}/)
          }
          await page.screenshot({
            path: `test-results/screens/snapshot-missing-${language}.png`,
            fullPage: true,
          })
          // The same 30 demo people as before, restored, not a second demo network.
          await page.goto(`${second.url}#/contacts`)
          await expect(
            page.getByText(language === 'en' ? /^30 people/ : /30/).first(),
          ).toBeVisible()
        } finally {
          await stopServe(second.child)
        }
        expect(await readdir(dataDir)).toContain('rapport.json')
      } finally {
        await rm(dataDir, { recursive: true, force: true })
      }
    })

    test('a hand-edited rapport.json: the banner opens the record to fix, unknown fields stay', async ({
      page,
    }) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-'))
      const file = join(dataDir, 'rapport.json')
      try {
        await stopServe((await startServe(dataDir, language)).child)
        const doc = JSON.parse(await readFile(file, 'utf8')) as {
          contacts: Record<string, unknown>[]
        }
        const [edited, other] = doc.contacts
        edited!.notes = 'x'.repeat(25_000) // over the 20,000 a note may have
        other!.favouriteTea = 'oolong'
        await writeFile(file, JSON.stringify(doc, null, 2))

        const second = await startServe(dataDir, language)
        try {
          await page.goto(second.url)
          const banner = page.getByTestId('notice-recordsNeedAttention')
          await expect(banner).toContainText('favouriteTea')
          await page.screenshot({
            path: `test-results/screens/hand-edited-${language}.png`,
            animations: 'disabled',
          })
          await banner.getByRole('link', { name: String(edited!.name) }).click()
          await expect(page).toHaveURL(new RegExp(`#/contacts/${String(edited!.id)}$`))
          await expect(page.getByRole('heading', { name: String(edited!.name) })).toBeVisible()
        } finally {
          await stopServe(second.child)
        }
        // Written whole at the stop: the field Rapport does not know is still there.
        const after = JSON.parse(await readFile(file, 'utf8')) as typeof doc
        expect(after.contacts.find((c) => c.id === other!.id)).toMatchObject({
          favouriteTea: 'oolong',
        })
      } finally {
        await rm(dataDir, { recursive: true, force: true })
      }
    })

    test('a hand-edited rapport.json: set-aside records are repaired and loaded, or left aside', async ({
      page,
    }) => {
      const words =
        language === 'en'
          ? {
              repair: 'Repair and load',
              leave: 'Leave aside',
              missing: 'Tags is missing',
              repaired: 'was repaired and loaded',
              cannot: 'Cannot be repaired automatically',
              undo: 'Undo',
            }
          : {
              repair: '修复并载入',
              leave: '搁置',
              missing: '缺少标签',
              repaired: '已修复并载入',
              cannot: '无法自动修复',
              undo: '撤销',
            }
      const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-'))
      const file = join(dataDir, 'rapport.json')
      try {
        await stopServe((await startServe(dataDir, language)).child)
        const doc = JSON.parse(await readFile(file, 'utf8')) as {
          contacts: Record<string, unknown>[]
        }
        const [tagless, vip, broken] = doc.contacts
        tagless!.tags = null
        vip!.tier = 'vip'
        delete broken!.createdAt // no default to fill it with: only "Leave aside"
        await writeFile(file, JSON.stringify(doc, null, 2))

        const second = await startServe(dataDir, language)
        try {
          await page.goto(second.url)
          const panel = page.getByTestId('set-aside-records')
          const row = (contact: Record<string, unknown>) =>
            panel.getByTestId('set-aside-record').filter({ hasText: String(contact.name) })
          await expect(panel).toContainText(String(tagless!.name))
          await expect(panel).toContainText(words.missing)
          await expect(panel).toContainText(words.cannot)
          await page.screenshot({
            path: `/tmp/shots-repair/set-aside-${language}.png`,
            animations: 'disabled',
          })
          if (language === 'zh-CN') {
            // Apart from the app's name, the file's name and what the user typed, no English.
            const text = (await panel.innerText())
              .replace(/rapport\.needs-attention-[\w-]+\.json/g, '')
              .replace(/Rapport/g, '')
            expect(text).not.toMatch(/[A-Za-z]{3,}/)
          }

          await row(tagless!).getByRole('button', { name: words.repair }).click()
          await expect(page.getByText(words.repaired)).toContainText(String(tagless!.name))
          await page.screenshot({
            path: `/tmp/shots-repair/repaired-toast-${language}.png`,
            animations: 'disabled',
          })
          await expect(panel).not.toContainText(String(tagless!.name))
          await row(broken!).getByRole('button', { name: words.leave }).click()
          await expect(panel).not.toContainText(String(broken!.name))
          await expect(panel).toContainText(String(vip!.name))

          await page.goto(`${second.url}#/contacts/${String(tagless!.id)}`)
          await expect(page.getByRole('heading', { name: String(tagless!.name) })).toBeVisible()
        } finally {
          await stopServe(second.child)
        }
        const after = JSON.parse(await readFile(file, 'utf8')) as typeof doc
        expect(after.contacts.find((c) => c.id === tagless!.id)).toMatchObject({ tags: [] })
        expect(after.contacts.some((c) => c.id === broken!.id)).toBe(false)

        // After a restart the banner is gone; Settings still offers the one left.
        const third = await startServe(dataDir, language)
        try {
          await page.goto(`${third.url}#/settings`)
          const panel = page.getByTestId('set-aside-records')
          await expect(panel).toContainText(String(vip!.name))
          await expect(panel).not.toContainText(String(broken!.name))
          await panel.scrollIntoViewIfNeeded()
          await page.screenshot({
            path: `/tmp/shots-repair/settings-${language}.png`,
            animations: 'disabled',
          })
          await panel.getByRole('button', { name: words.repair }).click()
          const toast = page.getByRole('alert').filter({ hasText: words.repaired })
          await expect(toast).toContainText(String(vip!.name))
          await expect(panel).toBeHidden()
          // The toast's undo takes the repair back: the record is offered again.
          await toast.getByRole('button', { name: words.undo }).click()
          await expect(panel).toContainText(String(vip!.name))
          await panel.getByRole('button', { name: words.repair }).click()
          await expect(panel).toBeHidden()
        } finally {
          await stopServe(third.child)
        }
        const last = JSON.parse(await readFile(file, 'utf8')) as typeof doc
        expect(last.contacts.find((c) => c.id === vip!.id)).toMatchObject({ tier: 'outside' })
      } finally {
        await rm(dataDir, { recursive: true, force: true })
      }
    })

    test.describe('when the data folder is deleted while Rapport runs', () => {
      test.use({ demoLanguage: language })

      test('everything in memory can be written to another folder from the banner', async ({
        page,
        served,
      }) => {
        const words =
          language === 'en'
            ? {
                button: 'Write to another folder…',
                confirm: 'Write',
                done: 'Everything was written to',
              }
            : { button: '写入另一个文件夹…', confirm: '写入', done: '所有数据已写入' }
        const elsewhere = await mkdtemp(join(tmpdir(), 'rapport-e2e-copy-'))
        try {
          await page.goto(served.url)
          await expect(page.getByText(/30/).first()).toBeVisible()
          await rm(served.dataDir, { recursive: true, force: true })
          // The store's watch notices within seconds; the banner follows on the next poll.
          const banner = page.getByTestId('notice-dataFolderGone')
          await expect(banner).toBeVisible({ timeout: 30_000 })
          await banner.getByRole('button', { name: words.button }).click()
          const dialog = page.getByRole('dialog')
          const target = join(elsewhere, 'Rapport')
          await dialog.getByRole('textbox').fill(target)
          await page.screenshot({
            path: `test-results/screens/write-copy-dialog-${language}.png`,
            animations: 'disabled',
          })
          await dialog.getByRole('button', { name: words.confirm, exact: true }).click()
          await expect(page.getByText(words.done)).toContainText(join(target, 'rapport.json'))
          await page.screenshot({
            path: `test-results/screens/write-copy-done-${language}.png`,
            animations: 'disabled',
          })

          const written = JSON.parse(await readFile(join(target, 'rapport.json'), 'utf8')) as {
            contacts: unknown[]
          }
          expect(written.contacts).toHaveLength(30)
        } finally {
          await rm(elsewhere, { recursive: true, force: true })
        }
      })
    })
  })
}
