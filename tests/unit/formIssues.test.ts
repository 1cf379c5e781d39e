import i18next, { type TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  contactFieldOf,
  contactFormSchema,
  draftOf,
  patchOf,
} from '../../src/renderer/src/contacts/contactFormSchema'
import { issueText, type IssueWording } from '../../src/renderer/src/forms/issueText'
import { en } from '../../src/renderer/src/i18n/en'
import { zhCN } from '../../src/renderer/src/i18n/zh-CN'
import { contract } from '../../src/shared/contract'
import { validationIssueOf, validationIssues } from '../../src/shared/errors'
import { eventFieldsSchema } from '../../src/shared/events/eventOperations'

const texts: Record<'en' | 'zh-CN', TFunction> = {} as never

beforeAll(async () => {
  for (const lng of ['en', 'zh-CN'] as const) {
    const instance = i18next.createInstance()
    await instance.init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      lng,
      interpolation: { escapeValue: false },
    })
    texts[lng] = instance.t
  }
})

/** What each field of a form would show for `input`, as the form checks it. */
function fieldTexts(
  lng: 'en' | 'zh-CN',
  schema: z.ZodType,
  input: unknown,
  fieldOf: (path: string) => string | undefined = (path) => path.split('.')[0],
  wording: Record<string, IssueWording> = {},
): Record<string, string> {
  const parsed = schema.safeParse(input, { reportInput: true })
  if (parsed.success) return {}
  const result: Record<string, string> = {}
  for (const issue of parsed.error.issues.map(validationIssueOf)) {
    const field = fieldOf(issue.path)
    if (field && !(field in result)) result[field] = issueText(texts[lng], issue, wording[field])
  }
  return result
}

const contactWording = (lng: 'en' | 'zh-CN') => ({
  name: { label: texts[lng]('contacts.fields.name') },
})

const contact = (changes: Partial<ReturnType<typeof draftOf>>) =>
  patchOf({ ...draftOf(), ...changes })

describe('a form field says what is wrong in the user’s language', () => {
  it('asks for the name when it is empty or only spaces', () => {
    for (const name of ['', '   ']) {
      const input = contact({ name })
      expect(
        fieldTexts('en', contactFormSchema, input, contactFieldOf, contactWording('en')),
      ).toEqual({
        name: 'Name is required',
      })
      expect(
        fieldTexts('zh-CN', contactFormSchema, input, contactFieldOf, contactWording('zh-CN')),
      ).toEqual({ name: '请填写姓名' })
    }
  })

  it('puts an invalid email under the email field, and accepts a valid contact', () => {
    const input = contact({ name: 'Ada', email: 'ada-at-example' })
    expect(fieldTexts('en', contactFormSchema, input, contactFieldOf)).toEqual({
      email: 'Not a valid email address, e.g. name@example.com',
    })
    expect(fieldTexts('zh-CN', contactFormSchema, input, contactFieldOf)).toEqual({
      email: '邮箱格式不对，例如 name@example.com',
    })
    const valid = contact({ name: '林悦', email: 'lin@example.com', phone: '+86 138 0000 0000' })
    expect(fieldTexts('en', contactFormSchema, valid, contactFieldOf)).toEqual({})
  })

  it('says how long a field may be, with the contract’s limit', () => {
    const input = contact({ name: 'x'.repeat(201), tags: ['t'.repeat(61)] })
    expect(fieldTexts('en', contactFormSchema, input, contactFieldOf)).toEqual({
      name: 'Too long: at most 200 characters',
      tags: 'Too long: at most 60 characters',
    })
    expect(fieldTexts('zh-CN', contactFormSchema, input, contactFieldOf)).toEqual({
      name: '太长了：最多 200 个字符',
      tags: '太长了：最多 60 个字符',
    })
  })

  it('words an event’s missing or invalid start, web address and time zone', () => {
    const base = { name: 'GopherCon', timeZone: 'Asia/Shanghai', startsAt: '2027-03-01T09:00:00Z' }
    const wording = { timeZone: { invalid: 'forms.timeZone' } } as const
    expect(fieldTexts('en', eventFieldsSchema, { ...base, startsAt: '' })).toEqual({
      startsAt: 'Required',
    })
    expect(
      fieldTexts('zh-CN', eventFieldsSchema, { ...base, startsAt: '2027-13-45T99:00' }),
    ).toEqual({
      startsAt: '日期或时间无效',
    })
    const url = z.object({ url: z.url() })
    expect(fieldTexts('en', url, { url: 'not a link' })).toEqual({
      url: 'Not a valid web address; it starts with https://',
    })
    const zone = { ...base, timeZone: 'Mars/Olympus' }
    expect(fieldTexts('en', eventFieldsSchema, zone, undefined, wording)).toEqual({
      timeZone: 'Not a time zone this computer knows, e.g. Asia/Shanghai',
    })
    expect(fieldTexts('zh-CN', eventFieldsSchema, zone, undefined, wording)).toEqual({
      timeZone: '这台电脑不认识这个时区，例如 Asia/Shanghai',
    })
  })

  it('words the core’s issues on save the same way, from what crosses the transport', () => {
    // What dispatch sends back for a contact without a name, as plain JSON.
    const parsed = contract['contacts.create'].input.safeParse(
      { name: ' ', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      { reportInput: true },
    )
    expect(parsed.success).toBe(false)
    const issues = JSON.parse(JSON.stringify(validationIssues(parsed.error!))) as ReturnType<
      typeof validationIssues
    >
    const words = (lng: 'en' | 'zh-CN') =>
      Object.fromEntries(issues.map((issue) => [issue.path, issueText(texts[lng], issue)]))
    expect(words('en')).toEqual({ name: 'Required', tags: 'Too many: at most 50' })
    expect(words('zh-CN')).toEqual({ name: '必填', tags: '太多了：最多 50 项' })
  })

  it('never shows zod’s English message in Chinese', () => {
    const input = contact({ name: '', email: 'nope' })
    for (const text of Object.values(fieldTexts('zh-CN', contactFormSchema, input, contactFieldOf)))
      // The example address is the one Latin word the text means to show.
      expect(text.replace('name@example.com', '')).not.toMatch(/[A-Za-z]{2,}/)
  })
})
