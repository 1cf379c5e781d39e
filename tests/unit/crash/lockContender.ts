/**
 * A child process of the lock test (tests/unit/storeTrust.test.ts). Run as
 *
 *   node --import tsx tests/unit/crash/lockContender.ts <dir> <startAtEpochMs> <rounds>
 *
 * For each round it waits until a shared moment, tries to take the folder's lock, prints
 * `W <round>` when it got it or `L <round>` when refused, holds a won lock for a while, then lets
 * it behind: the test puts a dead holder's lock back before each round.
 */
import { acquireFolderLock } from '../../../src/main/core/store/lock'

const [dir, startAt, rounds = '1', gapMs = '700'] = process.argv.slice(2)
if (!dir || !startAt) {
  process.stderr.write('usage: lockContender.ts <dir> <startAtEpochMs> [rounds] [gapMs]\n')
  process.exit(2)
}

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())))

for (let round = 0; round < Number(rounds); round += 1) {
  const at = Number(startAt) + round * Number(gapMs)
  await sleepUntil(at)
  try {
    await acquireFolderLock(dir, `contender ${process.pid}`)
    process.stdout.write(`W ${round}\n`)
  } catch {
    process.stdout.write(`L ${round}\n`)
  }
}
// Stay alive a while: a winner that exits leaves a lock that is stale, rightly taken over by a
// contender still trying, which would look like a second winner of the last round.
await new Promise((r) => setTimeout(r, 2 * Number(gapMs)))
