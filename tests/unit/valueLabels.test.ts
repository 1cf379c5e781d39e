import { describe, expect, it } from 'vitest'
import { en } from '../../src/renderer/src/i18n/en'
import { zhCN } from '../../src/renderer/src/i18n/zh-CN'
import { displayLabel, storedLabel } from '../../src/renderer/src/contacts/card/valueLabels'

describe('phone and email labels in the interface language', () => {
  it('shows imported labels in Chinese and stores what is typed back as the same word', () => {
    const zh = zhCN.card.labelWords
    expect(['mobile', 'work', 'work fax', 'home'].map((l) => displayLabel(l, zh, 'zh-CN'))).toEqual(
      ['手机', '工作', '工作传真', '住宅'],
    )
    expect(storedLabel('手机', zh, 'zh-CN')).toBe('mobile')
    expect(storedLabel('工作传真', zh, 'zh-CN')).toBe('work fax')
    // The user's own words stay as written.
    expect(displayLabel('秘书', zh, 'zh-CN')).toBe('秘书')
    expect(storedLabel('秘书', zh, 'zh-CN')).toBe('秘书')
  })

  it('keeps English labels and lets one be typed word by word', () => {
    expect(displayLabel('mobile', en.card.labelWords, 'en')).toBe('mobile')
    expect(storedLabel('work ', en.card.labelWords, 'en')).toBe('work ')
    expect(displayLabel('work ', en.card.labelWords, 'en')).toBe('work ')
    expect(storedLabel('work fax', en.card.labelWords, 'en')).toBe('work fax')
  })
})
