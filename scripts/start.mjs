// `npm start`: builds and opens the desktop app. npm may not have run Electron's download (install
// scripts are off in .npmrc, and closed networks cannot reach it), so fetch it here when possible
// and otherwise say how to run Rapport without it.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { electronBinary, electronPackageDir } from './electronBinary.mjs'

const dev = process.argv.includes('--dev')
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--dev')

if (!electronBinary()) {
  const dir = electronPackageDir()
  if (dir) {
    console.log('Fetching the Electron runtime (first start only)…')
    // Its own output is a stack trace when offline; the sentence below says what matters.
    const fetch = spawnSync(process.execPath, [join(dir, 'install.js')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 300_000,
      env: { ...process.env, force_no_cache: 'true' },
    })
    if (fetch.status !== 0 && process.env.RAPPORT_DEBUG) process.stderr.write(fetch.stderr)
  }
}

if (!electronBinary()) {
  console.error(
    'Rapport cannot open its desktop window because the Electron runtime is not installed and could not be downloaded here; run `npm run serve` to use Rapport in your browser instead.',
  )
  process.exit(1)
}

const args = dev ? ['dev'] : ['preview']
const result = spawnSync(
  'npx',
  ['electron-vite', ...args, ...(passThrough.length ? ['--', ...passThrough] : [])],
  {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  },
)
process.exit(result.status ?? 1)
