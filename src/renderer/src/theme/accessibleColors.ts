/**
 * Colour arithmetic for a theme that meets WCAG AA, kept free of React and Mantine so that it can
 * be checked by itself. Colours are `#rrggbb`.
 */

/** WCAG AA for normal-size text, with a little margin so rounding never lands just below. */
export const AA_TEXT = 4.6

function channels(hex: string): [number, number, number] {
  const value = /^#([0-9a-f]{6})$/i.exec(hex)?.[1]
  if (!value) throw new Error(`not a #rrggbb colour: ${hex}`)
  return [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16)) as [number, number, number]
}

/** WCAG 2 relative luminance. */
function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG 2 contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ]
  return (hi + 0.05) / (lo + 0.05)
}

/** Each channel scaled down by `amount` (0–1), as Mantine's `darken` does. */
export function darken(hex: string, amount: number): string {
  return `#${channels(hex)
    .map((c) =>
      Math.round(c * (1 - amount))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}

/** The colour itself, or the least darkened version of it that reaches AA on `background`. */
export function readableOn(color: string, background: string): string {
  for (let step = 0; step <= 25; step++) {
    const candidate = darken(color, step * 0.03)
    if (contrastRatio(candidate, background) >= AA_TEXT) return candidate
  }
  return '#000000'
}

/**
 * Mantine's default light scheme puts white text on shade 6 (2.6:1 on teal, 1.9:1 on yellow),
 * shade 9 on shade 1 for light badges (2.7:1 on yellow) and gray 6 for dimmed text (3.3:1).
 * These CSS variables keep the same hues, darkened just enough that every pairing meets AA.
 */
export function accessibleColorVariables(
  palette: Record<string, readonly string[]>,
  primaryColor: string,
): Record<string, string> {
  const variables: Record<string, string> = {}
  const shade = (name: string, index: number) => palette[name]?.[index] ?? '#000000'
  for (const name of Object.keys(palette)) {
    const filled = readableOn(shade(name, 6), '#ffffff')
    // Light badges and nav links sit on shade 1, or shade 2 under the pointer.
    const lightColor = readableOn(readableOn(shade(name, 9), shade(name, 1)), shade(name, 2))
    Object.assign(variables, {
      [`--mantine-color-${name}-filled`]: filled,
      [`--mantine-color-${name}-filled-hover`]: darken(filled, 0.1),
      [`--mantine-color-${name}-text`]: filled,
      [`--mantine-color-${name}-outline`]: filled,
      [`--mantine-color-${name}-light-color`]: lightColor,
    })
  }
  // Dimmed text also appears on gray 1 panels and table stripes.
  variables['--mantine-color-dimmed'] = readableOn(shade('gray', 6), shade('gray', 1))
  variables['--mantine-color-anchor'] = readableOn(shade(primaryColor, 6), '#ffffff')
  return variables
}
