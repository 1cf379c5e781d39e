import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { writeFileDurably } from '../core/store/durableJsonFile'

/** Window position and size, kept beside (not inside) the user's data. */
export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof windowStateSchema>

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false }

/** A missing or damaged state file just means "use the defaults": it is only convenience. */
export async function loadWindowState(file: string): Promise<WindowState> {
  try {
    return windowStateSchema.parse(JSON.parse(await readFile(file, 'utf8')))
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileDurably(file, JSON.stringify(state))
}
