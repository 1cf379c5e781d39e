// `npm run soak`: the SIGKILL crash test (tests/unit/storeCrash.test.ts) with many more rounds,
// run again and again with a new random seed each time. Not part of CI: it takes long.
//   SOAK_RUNS     how many runs (default 5)
//   CRASH_ROUNDS  kills per run (default 300; CI runs 33)
// A failing run prints its seed; replay it with CRASH_SEED=<seed> CRASH_ROUNDS=<rounds>.
import { spawnSync } from 'node:child_process'

const runs = Number(process.env.SOAK_RUNS ?? 5)
const rounds = Number(process.env.CRASH_ROUNDS ?? 300)
if (!(runs >= 1 && rounds >= 1)) {
  console.error('SOAK_RUNS and CRASH_ROUNDS must be positive numbers.')
  process.exit(2)
}
const started = Date.now()
for (let run = 1; run <= runs; run++) {
  console.log(`soak: run ${run} of ${runs}, ${rounds} kills`)
  const result = spawnSync('npx', ['vitest', 'run', 'tests/unit/storeCrash.test.ts'], {
    stdio: 'inherit',
    env: { ...process.env, CRASH_ROUNDS: String(rounds) },
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) {
    console.error(`soak: run ${run} failed; its seed is printed above ("storeCrash: seed …").`)
    process.exit(result.status ?? 1)
  }
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1)
console.log(`soak: ${runs} runs × ${rounds} kills, no acknowledged write lost (${minutes} min)`)
