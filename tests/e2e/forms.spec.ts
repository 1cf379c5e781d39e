import { readFile } from 'node:fs/promises'
import { expect, test } from './serveFixture'

/** The words of each language the spec needs: the interface's own, as a user reads them. */
const WORDS = {
  en: {
    newContact: 'New contact',
    name: 'Name',
    email: 'Email',
    save: 'Save',
    nameRequired: 'Name is required',
    badEmail: 'Not a valid email address, e.g. name@example.com',
    added: (name: string) => `${name} added`,
  },
  'zh-CN': {
    newContact: '新建联系人',
    name: '姓名',
    email: '邮箱',
    save: '保存',
    nameRequired: '请填写姓名',
    badEmail: '邮箱格式不对，例如 name@example.com',
    added: (name: string) => `已添加 ${name}`,
  },
} as const

for (const language of ['en', 'zh-CN'] as const) {
  test.describe(`the new-contact form in ${language}`, () => {
    test.use({ locale: language, demoLanguage: language })

    test('says under each field what is wrong, saves nothing, then saves a valid contact', async ({
      page,
      served,
    }) => {
      const words = WORDS[language]
      await page.goto(`${served.url}#/contacts`)
      await page.getByRole('button', { name: words.newContact }).click()
      const drawer = page.getByRole('dialog', { name: words.newContact })
      const name = drawer.getByRole('textbox', { name: words.name, exact: true })
      const email = drawer.getByRole('textbox', { name: words.email, exact: true })
      const save = drawer.getByRole('button', { name: words.save, exact: true })

      await email.fill('grace-at-navy')
      await save.click()
      await expect(name).toHaveAccessibleDescription(words.nameRequired)
      await expect(email).toHaveAccessibleDescription(words.badEmail)
      // The first field with a problem has the focus.
      await expect(name).toBeFocused()
      await page.screenshot({ path: `test-results/screens/contact-form-errors-${language}.png` })
      if (language === 'zh-CN') {
        const text = await drawer.innerText()
        // No English on the Chinese form, apart from the example address it means to show and
        // the names of keys as printed on the keyboard.
        const ours = text.replace(/name@example\.com|Ctrl|Enter|Esc/g, '')
        expect(ours).not.toMatch(/[A-Za-z]{2,}/)
      }

      // After the first submit, leaving a field checks it again.
      await name.fill('Grace Hopper')
      await name.blur()
      await expect(name).toHaveAccessibleDescription('')
      await expect(email).toHaveAccessibleDescription(words.badEmail)
      await save.click()
      await expect(email).toBeFocused()
      expect(await readFile(served.journalFile, 'utf8').catch(() => '')).not.toContain(
        'Grace Hopper',
      )

      await email.fill('grace@navy.example')
      await save.click()
      await expect(page.getByText(words.added('Grace Hopper'))).toBeVisible()
      await expect(drawer).toHaveCount(0)
      expect(await readFile(served.journalFile, 'utf8')).toContain('grace@navy.example')
    })
  })
}

test('the community and gathering forms name the field to fix before anything is saved', async ({
  page,
  served,
}) => {
  await page.goto(`${served.url}#/communities`)
  await page.getByRole('button', { name: 'New community' }).click()
  const community = page.getByRole('dialog', { name: 'New community' })
  await community.getByRole('button', { name: 'Save' }).click()
  const name = community.getByRole('textbox', { name: 'Name' })
  await expect(name).toHaveAccessibleDescription('Name is required')
  await expect(name).toBeFocused()
  await name.fill('Rust meetup')
  await community.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { name: 'Rust meetup' })).toBeVisible()

  await page.getByRole('button', { name: 'Plan a gathering' }).click()
  const gathering = page.getByRole('dialog', { name: 'Plan a gathering' })
  await gathering.getByRole('textbox', { name: 'Title' }).fill('Spring social')
  await gathering.getByLabel('Date and time (local to the venue)').fill('2027-03-20T19:00')
  const zone = gathering.getByRole('textbox', { name: 'Time zone' })
  await zone.fill('Mars/Olympus')
  await gathering.getByRole('button', { name: 'Create' }).click()
  await expect(zone).toHaveAccessibleDescription(
    'Not a time zone this computer knows, e.g. Asia/Shanghai',
  )
  await expect(zone).toBeFocused()
  await zone.fill('Asia/Shanghai')
  await gathering.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('heading', { name: 'Spring social' })).toBeVisible()
  expect(await readFile(served.journalFile, 'utf8')).toContain('Spring social')
})
