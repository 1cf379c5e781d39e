import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('layering enforced by the linter', () => {
  it.each([
    ['src/main/core/services/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
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
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(0)
  })
})
