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
})
