/**
 * mulberry32, Rapport's one seeded generator (the benches and test fixtures use it too): a seeded
 * planner gives the same plan for the same guests every time, which makes it testable and lets a
 * user trust "plan again"; a seeded clustering gives the same colours on every opening.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
