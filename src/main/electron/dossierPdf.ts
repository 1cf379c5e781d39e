import { writeFile } from 'node:fs/promises'
import { dialog, type BrowserWindow } from 'electron'
import type { ParsedInputOf } from '../../shared/contract'
import { RapportError } from '../../shared/errors'

/**
 * Saves the prep dossier the window is showing as a PDF file, with the page's print CSS, on the
 * paper the user chose; asks where first. The page must be the event's dossier, so a stray call
 * cannot print whatever happens to be open.
 */
export async function saveDossierPdf(
  window: BrowserWindow | null,
  { eventId, paper }: ParsedInputOf<'events.saveDossierPdf'>,
): Promise<{ file: string | null }> {
  if (!window || window.isDestroyed()) throw new RapportError('NOT_FOUND', 'No window to print')
  const hash = new URL(window.webContents.getURL()).hash
  if (hash !== `#/events/${encodeURIComponent(eventId)}/dossier`) {
    throw new RapportError('CONFLICT', 'The window does not show this event’s dossier', {
      eventId,
    })
  }
  const { canceled, filePath } = await dialog.showSaveDialog(window, {
    defaultPath: 'dossier.pdf',
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  })
  if (canceled || !filePath) return { file: null }
  const pdf = await window.webContents.printToPDF({
    pageSize: paper === 'letter' ? 'Letter' : 'A4',
    printBackground: true,
  })
  await writeFile(filePath, pdf)
  return { file: filePath }
}
