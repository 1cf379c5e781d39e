import type { WebPreferences } from 'electron'

/**
 * The security settings of every Rapport window, in one place so a test can read them
 * (Electron's security checklist): the page gets no Node, runs sandboxed and isolated, and sees
 * only what the preload exposes.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: true,
  }
}

/** Rapport asks for no permission (camera, location, notifications go through main): all denied. */
export function allowPermission(_permission: string): boolean {
  return false
}
