import { describe, expect, it } from 'vitest'
import {
  accessibleColorVariables,
  contrastRatio,
} from '../../src/renderer/src/theme/accessibleColors'

// Mantine's palette, loaded without its React types (this project's tests compile without DOM).
const mantine = '@mantine/core'
const { DEFAULT_THEME } = (await import(mantine)) as {
  DEFAULT_THEME: { colors: Record<string, readonly string[]> }
}
const palette = DEFAULT_THEME.colors
const AA = 4.5
const variables = accessibleColorVariables(palette, 'teal')
const gray = (i: number) => palette.gray![i]!

describe('the theme meets WCAG AA text contrast', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    // Mantine's own dimmed grey on white, which the audit flagged.
    expect(contrastRatio(gray(6), '#ffffff')).toBeCloseTo(3.32, 2)
  })

  it('dimmed text and links are readable on white and on light grey panels', () => {
    expect(contrastRatio(variables['--mantine-color-dimmed']!, '#ffffff')).toBeGreaterThanOrEqual(
      AA,
    )
    expect(contrastRatio(variables['--mantine-color-dimmed']!, gray(1))).toBeGreaterThanOrEqual(AA)
    expect(contrastRatio(variables['--mantine-color-anchor']!, '#ffffff')).toBeGreaterThanOrEqual(
      AA,
    )
  })

  for (const name of Object.keys(palette)) {
    it(`${name}: white on filled buttons, light badges and coloured text`, () => {
      const v = (suffix: string) => variables[`--mantine-color-${name}-${suffix}`]!
      expect(contrastRatio('#ffffff', v('filled'))).toBeGreaterThanOrEqual(AA)
      expect(contrastRatio('#ffffff', v('filled-hover'))).toBeGreaterThanOrEqual(AA)
      expect(contrastRatio(v('text'), '#ffffff')).toBeGreaterThanOrEqual(AA)
      expect(contrastRatio(v('light-color'), palette[name]![1]!)).toBeGreaterThanOrEqual(AA)
      expect(contrastRatio(v('light-color'), palette[name]![2]!)).toBeGreaterThanOrEqual(AA)
    })
  }

  it('keeps colours that already pass unchanged', () => {
    // Violet 6 already carries white text at 4.95:1, so it is not darkened.
    expect(variables['--mantine-color-violet-filled']).toBe(palette.violet![6])
  })
})
