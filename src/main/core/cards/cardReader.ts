import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js'
import type { CardReadings } from './cardParser'

type Language = 'chi_sim' | 'eng'

// Not named "require": the bundle of the main process declares its own.
const resolvePackage = createRequire(import.meta.url).resolve

/** The packaged language data of one language (nothing is fetched at run time). */
function languageFile(code: Language): string {
  const packageDir = dirname(resolvePackage(`@tesseract.js-data/${code}/package.json`))
  return join(packageDir, '4.0.0_best_int', `${code}.traineddata.gz`)
}

async function startWorker(langPath: string, languages: Language[]): Promise<Worker> {
  const worker = await createWorker(languages, OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    cacheMethod: 'none',
  })
  await worker.setParameters({
    tessedit_pageseg_mode: PSM.AUTO,
    preserve_interword_spaces: '1',
  })
  return worker
}

export interface CardReader {
  /** The text on the card, as each of the two workers reads it. */
  read(image: Uint8Array): Promise<CardReadings>
  close(): Promise<void>
}

/**
 * Two tesseract.js workers (Node worker threads, so the core's event loop stays free while a card
 * is read), started once and reused: one with the Chinese model first, one with English first,
 * which reads Latin text better (see parseCardReadings). They read the same card at once, one
 * card after another.
 */
export async function createCardReader(): Promise<CardReader> {
  // tesseract.js reads every language from one folder, and each package has its own: a
  // temporary folder links to both for as long as the workers load them.
  const langPath = await mkdtemp(join(tmpdir(), 'rapport-ocr-'))
  let workers: [Worker, Worker]
  try {
    await Promise.all(
      (['chi_sim', 'eng'] as const).map((code) =>
        symlink(languageFile(code), join(langPath, `${code}.traineddata.gz`)),
      ),
    )
    const started = await Promise.allSettled([
      startWorker(langPath, ['chi_sim', 'eng']),
      startWorker(langPath, ['eng', 'chi_sim']),
    ])
    const failed = started.find((s) => s.status === 'rejected')
    if (failed) {
      await Promise.all(
        started.map((s) => (s.status === 'fulfilled' ? s.value.terminate() : undefined)),
      )
      throw failed.reason
    }
    workers = started.map((s) => (s as PromiseFulfilledResult<Worker>).value) as [Worker, Worker]
  } finally {
    await rm(langPath, { recursive: true, force: true })
  }
  const [chineseFirst, englishFirst] = workers
  let queue: Promise<unknown> = Promise.resolve()
  return {
    read(image) {
      const next = queue.then(async () => {
        // The whole photo, as taken. Cropping to the card first (measured December 2026) made
        // the Chinese-first pass about a quarter faster but misread 4 of 8 hard Chinese names:
        // tesseract's threshold then falls between ink and paper, and bold strokes run together.
        const bytes = Buffer.from(image)
        const [a, b] = await Promise.all([
          chineseFirst.recognize(bytes),
          englishFirst.recognize(bytes),
        ])
        return { chineseFirst: a.data.text, englishFirst: b.data.text }
      })
      queue = next.catch(() => undefined)
      return next
    },
    async close() {
      await queue
      await Promise.all([chineseFirst.terminate(), englishFirst.terminate()])
    },
  }
}
