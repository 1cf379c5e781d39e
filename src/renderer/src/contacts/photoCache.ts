/** Which picture of a stored photo: the whole one (the card) or its thumbnail (lists). */
export type PhotoVariant = 'full' | 'thumb'

interface Entry {
  promise: Promise<string>
  url?: string
}

export interface PhotoCache {
  /** The URL if it has already arrived: a row drawn again shows its photo at once. */
  peek: (ref: string, variant: PhotoVariant) => string | undefined
  /** The URL, asked of the core only the first time; a failed load is asked again next time. */
  load: (ref: string, variant: PhotoVariant) => Promise<string>
}

/**
 * Photos the page has already fetched, newest last, at most `limit` of them. A photo ref names
 * its content (its SHA-256), so a changed photo is a new ref and a cached one never goes stale.
 */
export function createPhotoCache(
  fetchPhoto: (ref: string, variant: PhotoVariant) => Promise<string>,
  limit = 400,
): PhotoCache {
  const entries = new Map<string, Entry>()
  const keyOf = (ref: string, variant: PhotoVariant) => `${variant}:${ref}`
  const touch = (key: string, entry: Entry) => {
    // A Map keeps insertion order: re-inserting makes this the most recently used.
    entries.delete(key)
    entries.set(key, entry)
    while (entries.size > limit) entries.delete(entries.keys().next().value!)
  }
  return {
    peek: (ref, variant) => entries.get(keyOf(ref, variant))?.url,
    load: (ref, variant) => {
      const key = keyOf(ref, variant)
      const known = entries.get(key)
      if (known) {
        touch(key, known)
        return known.promise
      }
      const entry: Entry = {
        promise: fetchPhoto(ref, variant).then(
          (url) => {
            entry.url = url
            return url
          },
          (error: unknown) => {
            if (entries.get(key) === entry) entries.delete(key)
            throw error
          },
        ),
      }
      touch(key, entry)
      return entry.promise
    },
  }
}
