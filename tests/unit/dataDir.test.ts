import { describe, expect, it } from 'vitest'
import { defaultDataDir, resolveDataDir } from '../../src/main/core/dataDir'
import { languageFromLocale } from '../../src/shared/language'

describe('where data lives', () => {
  it('prefers --data, then RAPPORT_DATA, then the per-user folder', () => {
    expect(resolveDataDir(['--data', '/a'], { RAPPORT_DATA: '/b' }, '/c')).toBe('/a')
    expect(resolveDataDir(['--data=/a'], {}, '/c')).toBe('/a')
    expect(resolveDataDir([], { RAPPORT_DATA: '/b' }, '/c')).toBe('/b')
    expect(resolveDataDir([], {}, '/c')).toBe('/c')
  })

  it('matches Electron userData for an app named Rapport', () => {
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Rapport')
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/Rapport')
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Rapport',
    )
  })
})

describe('interface language from the system locale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['C.UTF-8', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, expected) => expect(languageFromLocale(locale)).toBe(expected))
})
