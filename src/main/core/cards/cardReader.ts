import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js'

/** The languages a card is read in: Simplified Chinese and English together, as cards mix them. */
const LANGUAGES = ['chi_sim', 'eng'] as const

const require = createRequire(import.meta.url)

/** The packaged language data of one language (nothing is fetched at run time). */
function languageFile(code: (typeof LANGUAGES)[number]): string {
  const packageDir = dirname(require.resolve(`@tesseract.js-data/${code}/package.json`))
  return join(packageDir, '4.0.0_best_int', `${code}.traineddata.gz`)
}

export interface CardReader {
  /** The text on the card, line by line, as tesseract reads it. */
  read(image: Uint8Array): Promise<string>
  close(): Promise<void>
}

/**
 * One tesseract.js worker (a Node worker thread, so the core's event loop stays free while a card
 * is read), started once and reused for every card; cards are read one after another.
 */
export async function createCardReader(): Promise<CardReader> {
  // tesseract.js reads every language from one folder, and each package has its own: a
  // temporary folder links to both for as long as the worker loads them.
  const langPath = await mkdtemp(join(tmpdir(), 'rapport-ocr-'))
  let worker: Worker
  try {
    await Promise.all(
      LANGUAGES.map((code) =>
        symlink(languageFile(code), join(langPath, `${code}.traineddata.gz`)),
      ),
    )
    worker = await createWorker([...LANGUAGES], OEM.LSTM_ONLY, {
      langPath,
      gzip: true,
      cacheMethod: 'none',
    })
  } finally {
    await rm(langPath, { recursive: true, force: true })
  }
  await worker.setParameters({
    tessedit_pageseg_mode: PSM.AUTO,
    preserve_interword_spaces: '1',
  })
  let queue: Promise<unknown> = Promise.resolve()
  return {
    read(image) {
      const next = queue.then(async () => {
        const result = await worker.recognize(Buffer.from(image))
        return result.data.text
      })
      queue = next.catch(() => undefined)
      return next
    },
    async close() {
      await queue
      await worker.terminate()
    },
  }
}
