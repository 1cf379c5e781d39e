import { describe, expect, it } from 'vitest'
import { isAppUrl, isSafeExternalUrl } from '../../src/main/electron/trustedUrl'

describe('URL rules of the desktop window', () => {
  it.each(['https://linkedin.com/in/x', 'http://example.com', 'mailto:ada@example.com'])(
    'opens %s externally',
    (url) => expect(isSafeExternalUrl(url)).toBe(true),
  )
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'not a url',
    'ms-msdt:x',
  ])('never opens %s', (url) => expect(isSafeExternalUrl(url)).toBe(false))

  const built = { rendererRoot: 'file:///opt/Rapport/out/renderer' }
  it('trusts only our own built page', () => {
    expect(isAppUrl('file:///opt/Rapport/out/renderer/index.html#/contacts', built)).toBe(true)
    expect(isAppUrl('file:///opt/Rapport/out/renderer-evil/index.html', built)).toBe(false)
    expect(isAppUrl('file:///tmp/index.html', built)).toBe(false)
    expect(isAppUrl('https://example.com', built)).toBe(false)
  })

  it('trusts the dev server origin in development only', () => {
    const dev = { ...built, devServerUrl: 'http://localhost:5173/' }
    expect(isAppUrl('http://localhost:5173/#/today', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
  })
})
