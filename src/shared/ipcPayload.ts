/**
 * In the desktop app a call crosses the main process as JSON text, both ways: main relays the
 * text between the page and the core's process without decoding it, so a 30,000-row import or
 * the whole map never costs the window's thread more than copying a string.
 * No zod here: the sandboxed preload bundles this file.
 */

/** The page's side: the input of a call, as text (an absent input stays absent). */
export const encodeInput = (input: unknown): string => JSON.stringify({ input })

/** The core's side: the input back, or why the text is not a call. */
export function decodeInput(text: string): { ok: true; input: unknown } | { ok: false } {
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false }
    return { ok: true, input: (parsed as { input?: unknown }).input }
  } catch {
    return { ok: false }
  }
}
