import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extractFile, listPackage } from '@electron/asar'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resourcePath } from '../../../src/main/electron/resourcePath'

// Builds the unpacked desktop app the way `npm run dist` does, but offline: electron-builder
// `--dir` with `electronDist` pointing at a stand-in Electron folder (an `electron` file in
// place of the binary), then lists what is inside the package.

const ROOT = join(__dirname, '../../..')
const BUILD_MS = 300_000
let work = ''
let appDir = ''
let files = new Set<string>()

const inAsar = (path: string) => files.has(path)
const asarText = (path: string) =>
  extractFile(join(appDir, 'resources/app.asar'), path.replace(/^\//, '')).toString('utf8')

/** The package a bare specifier names: "graphology-metrics/centrality" → "graphology-metrics". */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

describe('the packaged desktop app', () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'out/main/index.js'))) {
      execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' })
    }
    work = await mkdtemp(join(tmpdir(), 'rapport-package-'))
    const electronDist = join(work, 'electron-dist')
    await mkdir(join(electronDist, 'resources'), { recursive: true })
    await writeFile(join(electronDist, 'electron'), '#!/bin/sh\necho "Electron stand-in"\n')
    await chmod(join(electronDist, 'electron'), 0o755)
    execFileSync(
      'npx',
      [
        'electron-builder',
        '--linux',
        '--dir',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${join(work, 'dist')}`,
      ],
      { cwd: ROOT, stdio: 'pipe', timeout: BUILD_MS, env: { ...process.env, CI: '1' } },
    )
    appDir = join(work, 'dist/linux-unpacked')
    files = new Set(listPackage(join(appDir, 'resources/app.asar'), { isPack: false }))
  }, BUILD_MS + 30_000)

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('holds main, the core process, the preload and the renderer with all its assets', () => {
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/coreProcess.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ]) {
      expect(inAsar(file), file).toBe(true)
    }
    const page = asarText('/out/renderer/index.html')
    const assets = [...page.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!)
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) expect(inAsar(`/out/renderer/${asset}`), asset).toBe(true)
    expect(JSON.parse(asarText('/package.json')).main).toBe('./out/main/index.js')
  })

  it('keeps the tray and app icons beside the app, where resourcePath finds them', () => {
    const packaged = { isPackaged: true, getAppPath: () => join(appDir, 'resources/app.asar') }
    for (const icon of ['icon.png', 'tray-32.png', 'tray-due-32.png']) {
      expect(existsSync(resourcePath(icon, packaged, join(appDir, 'resources'))), icon).toBe(true)
    }
    expect(readdirSync(join(appDir, 'resources/icons')).sort()).toEqual(
      readdirSync(join(ROOT, 'resources'))
        .filter((f) => f.endsWith('.png'))
        .sort(),
    )
  })

  it('ships every package the main bundles import, and their own dependencies', () => {
    const mainFiles = [...files].filter((f) => f.startsWith('/out/main/') && f.endsWith('.js'))
    const builtins = new Set([...builtinModules, 'electron'])
    const wanted = new Set<string>()
    for (const file of mainFiles) {
      for (const { fileName } of ts.preProcessFile(asarText(file), true, true).importedFiles) {
        if (fileName.startsWith('.') || fileName.startsWith('node:')) continue
        if (!builtins.has(packageOf(fileName))) wanted.add(packageOf(fileName))
      }
    }
    expect([...wanted]).toEqual(expect.arrayContaining(['zod', 'graphology', 'papaparse']))
    // Follow each package's own dependencies, as Node would resolve them in the package.
    const seen = new Set<string>()
    const missing: string[] = []
    const visit = (name: string) => {
      if (seen.has(name)) return
      seen.add(name)
      const manifest = `/node_modules/${name}/package.json`
      if (!inAsar(manifest)) return void missing.push(name)
      const { dependencies = {} } = JSON.parse(asarText(manifest)) as {
        dependencies?: Record<string, string>
      }
      Object.keys(dependencies).forEach(visit)
    }
    wanted.forEach(visit)
    expect(missing).toEqual([])
    expect(seen.size).toBeGreaterThan(wanted.size)
  })
})
