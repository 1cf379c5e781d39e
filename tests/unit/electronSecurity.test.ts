import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../src/main/electron/trustedUrl'
import { allowPermission, secureWebPreferences } from '../../src/main/electron/windowSecurity'
import { RENDERER_CSP, RENDERER_CSP_HEADER } from '../../src/main/transport/contentSecurityPolicy'

const source = (file: string) => readFile(join(__dirname, '../../src', file), 'utf8')

describe("Electron's security checklist", () => {
  it('isolates and sandboxes the window, with no Node in the page', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })

  it('denies every permission request', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(allowPermission(p)).toBe(false)
    }
  })

  it('opens only http, https, mailto and tel links outside the app', () => {
    expect(
      ['https://x.org', 'http://x.org', 'mailto:a@b.c', 'tel:+8613800000000'].every(
        isSafeExternalUrl,
      ),
    ).toBe(true)
    expect(
      ['file:///etc/passwd', 'javascript:alert(1)', 'smb://h/s', 'ms-msdt:x'].some(
        isSafeExternalUrl,
      ),
    ).toBe(false)
  })

  it('has a strict CSP: no inline or remote script, nothing framed, no plugins', () => {
    expect(RENDERER_CSP).toContain("script-src 'self'")
    expect(RENDERER_CSP).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/)
    expect(RENDERER_CSP).toContain("object-src 'none'")
    expect(RENDERER_CSP_HEADER).toContain("frame-ancestors 'none'")
  })

  it('wires the glue to these settings: navigation, new windows, webviews, permissions, IPC senders', async () => {
    const main = await source('main/electron/main.ts')
    expect(main).toContain('secureWebPreferences(')
    expect(main).toContain("'will-navigate'")
    expect(main).toContain('setWindowOpenHandler')
    expect(main).toMatch(/return \{ action: 'deny' \}/)
    expect(main).toContain("'will-attach-webview'")
    expect(main).toContain('setPermissionRequestHandler')
    expect(main).toContain('setPermissionCheckHandler')
    expect(main).toContain('requestSingleInstanceLock')
    const ipc = await source('main/electron/ipc.ts')
    expect(ipc).toContain('isTrustedSender(event)')
    const preload = await source('preload/index.ts')
    // The preload exposes the contract's operations and nothing that forwards arbitrary channels.
    expect(preload).toContain('operationNames.map')
    expect(preload).not.toMatch(/ipcRenderer\.(on|send)\(/)
  })
})
