import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../src/main/electron/trustedUrl'
import { allowPermission } from '../../src/main/electron/windowSecurity'
import { RENDERER_CSP, RENDERER_CSP_HEADER } from '../../src/main/transport/contentSecurityPolicy'

const source = (file: string) => readFile(join(__dirname, '../../src', file), 'utf8')

/** The webPreferences written in main.ts's `new BrowserWindow({...})`, as property → source text. */
async function windowPreferences(): Promise<Record<string, string>[]> {
  const file = ts.createSourceFile('main.ts', await source('main/electron/main.ts'), 99, true)
  const found: Record<string, string>[] = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isNewExpression(node) &&
      node.expression.getText() === 'BrowserWindow' &&
      node.arguments?.[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      const prefs = node.arguments[0].properties.find(
        (p): p is ts.PropertyAssignment =>
          ts.isPropertyAssignment(p) && p.name.getText() === 'webPreferences',
      )
      const entries: Record<string, string> = {}
      if (prefs && ts.isObjectLiteralExpression(prefs.initializer)) {
        for (const p of prefs.initializer.properties) {
          if (ts.isPropertyAssignment(p)) entries[p.name.getText()] = p.initializer.getText()
        }
      }
      found.push(entries)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe("Electron's security checklist", () => {
  it('isolates and sandboxes every window, with no Node in the page', async () => {
    const windows = await windowPreferences()
    expect(windows).toHaveLength(1)
    expect(windows[0]).toMatchObject({
      contextIsolation: 'true',
      sandbox: 'true',
      nodeIntegration: 'false',
      nodeIntegrationInWorker: 'false',
      nodeIntegrationInSubFrames: 'false',
      webSecurity: 'true',
      allowRunningInsecureContent: 'false',
      experimentalFeatures: 'false',
      webviewTag: 'false',
      disableBlinkFeatures: "'Auxclick'",
    })
  })

  it('allows the camera to our own page only, and denies every other permission', () => {
    const ours = { permission: 'media', fromOurPage: true }
    expect(allowPermission({ ...ours, mediaTypes: ['video'] })).toBe(true)
    // Never the microphone, not even with the camera; a check that does not say what is refused.
    for (const mediaTypes of [['audio'], ['video', 'audio'], ['unknown'], []]) {
      expect(allowPermission({ ...ours, mediaTypes })).toBe(false)
    }
    expect(allowPermission({ ...ours, fromOurPage: false, mediaTypes: ['video'] })).toBe(false)
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(allowPermission({ permission: p, fromOurPage: true, mediaTypes: ['video'] })).toBe(
        false,
      )
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
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|postMessage)\(/)
    // It listens on one fixed channel only (the "changed" events), never on one the page names.
    const listened = [...preload.matchAll(/ipcRenderer\.(?:on|once|addListener)\(([^,]+),/g)].map(
      (m) => m[1]!.trim(),
    )
    expect(listened).toEqual(['CHANGES_CHANNEL'])
  })
})
