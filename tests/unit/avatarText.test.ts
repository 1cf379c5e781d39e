import { describe, expect, it } from 'vitest'
import { avatarText } from '../../src/shared/contacts/names/avatarText'

describe('avatar letters', () => {
  it('shows the given name of a Chinese name, as Chinese apps do, not its first two characters', () => {
    expect(['陈思远', '李娜', '欧阳娜娜', '王小明'].map(avatarText)).toEqual([
      '思远',
      '李娜',
      '娜娜',
      '小明',
    ])
  })

  it('keeps initials for Western names', () => {
    expect(['Ada Lovelace', 'Jean-Luc Picard', 'grace', 'Mary Ann Evans'].map(avatarText)).toEqual([
      'AL',
      'JP',
      'G',
      'ME',
    ])
  })
})
