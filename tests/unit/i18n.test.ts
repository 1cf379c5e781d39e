import { describe, expect, it } from 'vitest'
import { en } from '../../src/renderer/src/i18n/en'
import { zhCN } from '../../src/renderer/src/i18n/zh-CN'
import { errorCodeSchema } from '../../src/shared/errors'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('interface texts', () => {
  it('have the same keys in English and Chinese', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort())
  })

  it('word every error code in both languages', () => {
    for (const code of errorCodeSchema.options) {
      expect(en.errors[code]).toBeTruthy()
      expect(zhCN.errors[code]).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('write Chinese with Chinese punctuation and no English words of ours', () => {
    const strings: [string, string][] = []
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string') strings.push([path, value])
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k)
    }
    walk(zhCN, '')
    const offending = strings.filter(([, text]) => {
      const bare = text.replace(/\{\{[^}]*\}\}/g, '')
      // An ASCII colon, comma or semicolon before a space or next to Chinese ("下一次: ", "照片, 圈层").
      const asciiPunctuation = /[:,;](\s|$)|\p{Script=Han}[:,;]|[:,;]\p{Script=Han}/u.test(bare)
      // A Western name in a Chinese example sentence ("林悦对 Ada 说").
      const westernExample = /例如.*\bAda\b.*说/.test(bare)
      return asciiPunctuation || westernExample
    })
    expect(offending).toEqual([])
    // The long table's seat count is written after the number: "9 每边" reads backwards.
    expect(zhCN.communities.tables.perSide).not.toContain('每边')
  })

  it('name the golden circle with the same words on the map as everywhere else', () => {
    const { life, close, good } = zhCN.contacts.tier
    for (const word of [life, close, good]) expect(zhCN.map.ringsNote).toContain(word)
    expect(zhCN.map.ringsNote).not.toMatch(/生死之交|普通好友/)
  })
})
