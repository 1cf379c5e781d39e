import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, safeStorage } from 'electron'

/**
 * The phone-sync password in the desktop app: encrypted with Electron's safeStorage (the OS
 * keychain) in its own file beside the app's settings, never in rapport.json or its backups.
 * Without a keychain (some Linux desktops) it is kept in memory for this run only.
 */
export function createSyncKeychain() {
  const file = join(app.getPath('userData'), 'sync-password.safestorage')
  let inMemory: string | undefined

  const read = (): string | undefined => {
    if (inMemory) return inMemory
    if (!safeStorage.isEncryptionAvailable()) return undefined
    try {
      return safeStorage.decryptString(readFileSync(file))
    } catch {
      return undefined
    }
  }

  const save = async ({ password }: { password: string }): Promise<{ ok: true }> => {
    inMemory = password
    if (safeStorage.isEncryptionAvailable()) {
      await writeFile(file, safeStorage.encryptString(password), { mode: 0o600 })
    }
    return { ok: true }
  }

  return { read, save }
}
