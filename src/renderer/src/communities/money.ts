/** Amounts are kept in minor units (cents, fen); people type and read them in major units. */
export function formatCents(cents: number, currency: string | undefined, language: string): string {
  if (!currency) return (cents / 100).toFixed(2)
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(cents / 100)
}

/** "12.5" → 1250; anything that is not a plain amount with at most two decimals → null. */
export function parseCents(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return null
  const [whole, fraction = ''] = trimmed.split('.')
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}
