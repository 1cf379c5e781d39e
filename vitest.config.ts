import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // A guard against a hung test, not a speed check: a busy two-core machine runs the
    // store-sized tests several times slower than a quiet one, and 5 s failed them there.
    testTimeout: 30_000,
  },
})
