import type { CountryCode } from 'libphonenumber-js'
import type { ParsedInputOf } from '../../../shared/contract'
import type { Clock } from '../clock'
import { contactsToVCard, type VCardPhoto } from './vcardExport'
import type { PhotoStore } from '../contacts/photos/photoStore'
import type { DataStore } from '../store/dataStore'

/** vCard 4.0 of everyone (archived included) or of a selection, photos embedded. */
export function createExportService(
  store: DataStore,
  photos: PhotoStore,
  clock: Clock,
  phoneRegion: () => CountryCode | undefined = () => undefined,
) {
  return {
    async vcard({
      ids,
    }: ParsedInputOf<'export.vcard'>): Promise<{ fileName: string; text: string }> {
      const wanted = ids ? new Set(ids) : null
      const contacts = store.read().contacts.filter((c) => !wanted || wanted.has(c.id))
      const loaded = new Map<string, VCardPhoto>()
      for (const contact of contacts) {
        const ref = contact.photo
        if (!ref || loaded.has(ref) || ref.startsWith('data:')) continue
        try {
          const { bytes, mime } = await photos.read(ref, 'full')
          loaded.set(ref, { bytes, mime })
        } catch {
          // A missing photo file leaves the card without a photo rather than failing the export.
        }
      }
      const day = clock.now().toISOString().slice(0, 10)
      return {
        fileName: `rapport-contacts-${day}.vcf`,
        text: contactsToVCard(contacts, (ref) => loaded.get(ref), phoneRegion()),
      }
    },
  }
}
