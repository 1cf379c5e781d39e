import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** The value of `--name value` or `--name=value` in an argument list. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]
    if (arg === `--${name}`) return argv[i + 1]
    if (arg?.startsWith(`--${name}=`)) return arg.slice(name.length + 3)
  }
  return undefined
}

/**
 * Where the user's data lives: `--data DIR`, else `RAPPORT_DATA`, else the per-user folder
 * (the same one Electron's `userData` names, so the desktop app and `serve` share it).
 */
export function resolveDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  fallback: string = defaultDataDir(env),
): string {
  const chosen = argValue(argv, 'data') ?? env.RAPPORT_DATA
  return resolve(chosen && chosen.trim() !== '' ? chosen : fallback)
}

/** Electron's default `userData` for an app named "Rapport", computed without Electron. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Rapport')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Rapport')
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Rapport')
}
