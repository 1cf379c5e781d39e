/**
 * `npm run bench`: the journaled store at a typical and a large size against plain lowdb, with
 * the targets checked. BENCH_QUICK=1 runs the typical size only.
 */
import { runStoreBench } from './storeBench'

runStoreBench().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
