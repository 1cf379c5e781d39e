// Finds Electron's runtime without loading it: node_modules/electron/path.txt names the binary
// inside node_modules/electron/dist once its download has run.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
}

/** The Electron executable's path, or null when it was never downloaded. */
export function electronBinary() {
  const dir = electronPackageDir()
  if (!dir) return null
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
