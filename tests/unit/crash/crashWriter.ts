/**
 * The child process of the crash test (tests/unit/storeCrash.test.ts). Run as
 *
 *   node --import tsx tests/unit/crash/crashWriter.ts <dir> <round>
 *
 * It opens the store on <dir> with a tiny compaction threshold, then writes new contacts as fast as
 * it can, with several updates in flight at once so that group commit has something to group, until
 * it is killed. Its stdout is a protocol, one message per line:
 *
 *   A <id>   the update that put contact <id> resolved, i.e. the store says it is durable
 *   C / c    compaction started / ended
 *
 * An id is printed only after its update resolved, never before.
 *
 * With --wait-for-go as the last argument it loads everything, then waits for a line on stdin
 * before it opens the store: the test starts the next writer while the current one still runs.
 */
import { openJournaledStore } from '../../../src/main/core/store/journaledStore'
import { contactSchema, emptyStoreData } from '../../../src/shared/model'

const IN_FLIGHT = 8
const WAIT_FLAG = '--wait-for-go'

const args = process.argv.slice(2)
const waitForGo = args.at(-1) === WAIT_FLAG
if (waitForGo) args.pop()
const [dir, round = '0', threshold = '16384'] = args
if (!dir) {
  process.stderr.write(
    `usage: crashWriter.ts <dir> [round] [compactThresholdBytes] [${WAIT_FLAG}]\n`,
  )
  process.exit(2)
}

if (waitForGo) {
  await new Promise<void>((resolve) => {
    // The test went away without saying go: there is nothing to do.
    const gone = (): never => process.exit(0)
    process.stdin.setEncoding('utf8')
    process.stdin.on('end', gone)
    process.stdin.on('data', (chunk: string) => {
      if (!chunk.includes('\n')) return
      process.stdin.off('end', gone)
      process.stdin.pause()
      resolve()
    })
  })
}

const store = await openJournaledStore({
  dir,
  initialData: emptyStoreData,
  holder: `crash-writer-${process.pid}`,
  compactThresholdBytes: Number(threshold),
  backups: false,
  onCompaction: (phase) => {
    process.stdout.write(phase === 'start' ? 'C\n' : 'c\n')
  },
})

let next = 0

/** One of the concurrent writers: an update, its acknowledgement, the next update, … forever. */
async function lane(): Promise<never> {
  for (;;) {
    const id = `w${round}-${next++}`
    const now = new Date().toISOString()
    const contact = contactSchema.parse({ id, name: `Crash ${id}`, createdAt: now, updatedAt: now })
    await store.update((tx) => {
      tx.put('contacts', contact)
    })
    process.stdout.write(`A ${id}\n`)
  }
}

await Promise.all(Array.from({ length: IN_FLIGHT }, () => lane()))
