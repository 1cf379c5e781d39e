import type { Handlers } from '../../../shared/contract'
import type { importExportOperations } from '../../../shared/importExport/importExportOperations'
import type { PhoneRegionOf } from '../contacts/identity/phone'
import type { PhotoStore } from '../contacts/photos/photoStore'
import type { CoreContext } from '../coreContext'
import type { JournaledStore } from '../store/journaledStore'
import { createExportService } from './exportService'
import { createImportService } from './importService'

/** Answers the operations that import contacts from files and export them as vCards. */
export function createImportExportHandlers(
  store: JournaledStore,
  context: CoreContext,
  photos: PhotoStore,
  phoneRegion: PhoneRegionOf,
): Pick<Handlers, keyof typeof importExportOperations> {
  const imports = createImportService(store, photos, context.clock, phoneRegion)
  const exports = createExportService(store, photos, context.clock, phoneRegion)
  return {
    'import.preview': (input) => imports.preview(input),
    'import.commit': (input) => imports.commit(input),
    'import.cancel': (input) => imports.cancel(input),
    'export.vcard': (input) => exports.vcard(input),
  }
}
