import { stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { version } from '../../package.json'
import { languageFromLocale } from '../shared/language'
import { argValue, resolveDataDir } from './core/dataDir'
import { openCore } from './core/openCore'
import { startHttpServer } from './transport/httpServer'

/**
 * Browser mode: the same core services as the desktop app, in plain Node, behind the HTTP
 * transport on 127.0.0.1. Usage: npm run serve -- [--data DIR] [--port N] [--lang zh-CN|en]
 * [--export-dir DIR] (a folder besides the data folder for the calendar file kept up to date)
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  const dataDir = resolveDataDir(argv, process.env)
  const portArg = argValue(argv, 'port') ?? process.env.RAPPORT_PORT ?? '5180'
  const port = Number(portArg)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`"${portArg}" is not a port number; give --port a number between 0 and 65535.`)
  }
  const systemLanguage = languageFromLocale(
    argValue(argv, 'lang') ??
      process.env.LC_ALL ??
      process.env.LANG ??
      Intl.DateTimeFormat().resolvedOptions().locale,
  )
  // A folder besides the data folder where the calendar auto-export may be written.
  const exportDirArg = argValue(argv, 'export-dir')
  const exportFolders: string[] = []
  if (exportDirArg !== undefined) {
    const folder = resolve(exportDirArg)
    const stats = await stat(folder).catch(() => null)
    if (!stats?.isDirectory()) fail(`--export-dir ${exportDirArg}: no such folder.`)
    exportFolders.push(folder)
  }
  const core = await openCore({
    dataDir,
    exportFolders,
    version,
    systemLanguage,
    demoOnFirstLaunch: true,
    holder: `rapport serve (browser mode, process ${process.pid})`,
    // Browser mode: the environment, else the password given in Settings → Sync for this run.
    syncPassword: () => process.env.RAPPORT_SYNC_PASSWORD || undefined,
    syncTimers: true,
    mapWarmUp: true,
  })
  // Browser mode has no one to ask before starting over, so it explains and stops.
  if (core.unavailable) fail(core.unavailable.message)

  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer')
  let server
  try {
    server = await startHttpServer({ dispatch: core.dispatch, rendererDir, port, changes: core })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    fail(
      code === 'EADDRINUSE'
        ? `Port ${port} is already in use; choose another with --port N (0 picks a free one).`
        : `Could not start the server: ${(error as Error).message}`,
    )
  }
  // Handlers first: a stop that arrives right after the address is printed must still let the
  // store finish its start-up backup and compaction.
  const stop = async () => {
    await server.close()
    await core.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
  // The address carries a one-time key: whoever opens it first gets in, nobody else does.
  console.log(`Rapport is running at ${server.launchUrl}`)
  console.log('Open that address in your browser; it works once. Restart Rapport for a new one.')
  console.log(`Data folder: ${dataDir}`)
  console.log('Press Ctrl+C to stop.')
}

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

void main()
