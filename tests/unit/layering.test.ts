import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'boundaries/dependencies')
    .map((m) => m.message)
}

describe('layering enforced by the linter', () => {
  it.each([
    ['src/main/core/contacts/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['src/shared/x.ts', "import { readFile } from 'node:fs'\nexport const a = readFile\n"],
    ['src/shared/x.ts', "import { useState } from 'react'\nexport const a = useState\n"],
    [
      'src/renderer/src/x.ts',
      "import { openCore } from '../../main/core/openCore'\nexport const a = openCore\n",
    ],
    [
      'src/renderer/src/x.ts',
      "import { readFile } from 'node:fs/promises'\nexport const a = readFile\n",
    ],
    // Breaches the old deny-list missed: each layer now lists what it may import instead.
    [
      'src/main/core/followUps/x.ts',
      "import { createTray } from '../../electron/tray'\nexport const a = createTray\n",
    ],
    [
      'src/main/core/contacts/x.ts',
      "import { startHttpServer } from '../../transport/httpServer'\nexport const a = startHttpServer\n",
    ],
    [
      'src/main/transport/x.ts',
      "import { printDossier } from '../electron/dossierPdf'\nexport const a = printDossier\n",
    ],
    // A feature reaching back into the composition root that joins the features (a circle).
    [
      'src/main/core/events/x.ts',
      "import { createHandlers } from '../handlers'\nexport const a = createHandlers\n",
    ],
    [
      'src/shared/x.ts',
      "import { openCore } from '../main/core/openCore'\nexport const a = openCore\n",
    ],
    [
      'src/preload/x.ts',
      "import { dispatch } from '../main/core/dispatch'\nexport const a = dispatch\n",
    ],
    [
      'src/main/cli.ts',
      "import { createTray } from './electron/tray'\nexport const a = createTray\n",
    ],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toHaveLength(0)
  })

  it.each([
    ['src/main/electron/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    [
      'src/main/core/x.ts',
      "import { readFile } from 'node:fs/promises'\nexport const a = readFile\n",
    ],
    [
      'src/renderer/src/x.ts',
      "import { contract } from '../../shared/contract'\nexport const a = contract\n",
    ],
    [
      'src/main/electron/x.ts',
      "import { policy } from '../transport/contentSecurityPolicy'\nexport const a = policy\n",
    ],
    [
      'src/main/serve.ts',
      "import { openCore } from './core/openCore'\nexport const a = openCore\n",
    ],
    [
      'src/main/transport/x.ts',
      "import { dispatch } from '../core/dispatch'\nexport const a = dispatch\n",
    ],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(0)
  })
})
