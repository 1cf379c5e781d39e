/**
 * `npm run bench`: the journaled store at a typical and a large size against plain lowdb, then
 * search-as-you-type over 30,000 contacts, then importing a 30,000-row CSV, with the issues'
 * targets checked. BENCH_QUICK=1 runs
 * the store at the typical size only and types fewer search rounds (search stays at 30,000).
 */
import { runIcsBench } from './icsBench'
import { runImportBench } from './importBench'
import { runSchedulerBench } from './schedulerBench'
import { runSearchBench } from './searchBench'
import { runStoreBench } from './storeBench'

async function main(): Promise<void> {
  await runStoreBench()
  await runSearchBench()
  await runImportBench()
  await runSchedulerBench()
  await runIcsBench()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
