import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { RapportError } from '../../../../shared/errors'
import { syncFolder, writeFileDurably } from '../../store/durableJsonFile'
import { makePrivateDir } from '../../store/ownerOnly'

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp'

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024
/** The renderer scales thumbnails down with a canvas; anything bigger is not a thumbnail. */
export const MAX_THUMBNAIL_BYTES = 200 * 1024

const extensionOf: Record<ImageMime, 'jpg' | 'png' | 'webp'> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
}
const extensions = ['jpg', 'png', 'webp'] as const

/**
 * A stored photo's name: its SHA-256 and the extension its content decided. Anchored and closed
 * so a ref can never name anything outside the photos folder.
 */
const photoRefPattern = /^sha256-([0-9a-f]{64})\.(jpg|png|webp)$/
export const photoRefSchema = z.string().regex(photoRefPattern, 'not a photo reference')
export type PhotoRef = z.infer<typeof photoRefSchema>

export interface SavedPhoto {
  ref: string
  mime: ImageMime
  bytes: number
}

export interface PhotoContent {
  bytes: Buffer
  mime: ImageMime
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The image type by its first bytes; the file name or a claimed MIME type proves nothing. */
export function sniffImage(bytes: Uint8Array): ImageMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg'
  }
  if (bytes.length >= 8 && PNG_MAGIC.every((byte, i) => bytes[i] === byte)) return 'image/png'
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return 'image/webp'
  }
  return null
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end))
}

function checkImage(bytes: Uint8Array, limit: number, what: 'photo' | 'thumbnail'): ImageMime {
  const prefix = what === 'photo' ? '' : 'thumbnail '
  if (bytes.length > limit) {
    const size = what === 'photo' ? '10 MB' : '200 KB'
    throw new RapportError('VALIDATION', `${prefix}larger than ${size}`, {
      field: what,
      bytes: bytes.length,
      limit,
    })
  }
  const mime = sniffImage(bytes)
  if (!mime) {
    throw new RapportError('VALIDATION', `${prefix}not a JPEG, PNG or WebP image`, {
      field: what,
    })
  }
  return mime
}

function parseRef(ref: string): { hash: string; ext: string } {
  const match = photoRefPattern.exec(ref)
  if (!match) throw new RapportError('VALIDATION', 'not a photo reference', { ref })
  return { hash: match[1]!, ext: match[2]! }
}

function asBuffer(bytes: Uint8Array): Buffer {
  // A view, not a copy: photos can be megabytes.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

async function readIfPresent(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Contact photos in `<dataDir>/photos/`, named by content hash so the same picture is stored
 * once however often it is chosen, pasted or imported. A thumbnail, when the renderer made one,
 * sits beside it as `<hash>.thumb.<ext>`; its type may differ from the full image's.
 */
export class PhotoStore {
  readonly folder: string
  // Writers per target file: writeFileDurably's temp names are per process and millisecond,
  // so two saves of one photo at once must not race on the same temp file.
  private readonly writing = new Map<string, Promise<void>>()

  constructor(dataDir: string) {
    this.folder = join(dataDir, 'photos')
  }

  async save(bytes: Uint8Array, thumbnail?: Uint8Array): Promise<SavedPhoto> {
    const mime = checkImage(bytes, MAX_PHOTO_BYTES, 'photo')
    const thumbMime = thumbnail ? checkImage(thumbnail, MAX_THUMBNAIL_BYTES, 'thumbnail') : null
    const hash = createHash('sha256').update(bytes).digest('hex')
    const ext = extensionOf[mime]
    await this.ensureFolder()
    await this.writeOnce(join(this.folder, `${hash}.${ext}`), bytes)
    if (thumbnail && thumbMime && !(await this.findThumb(hash))) {
      await this.writeOnce(join(this.folder, `${hash}.thumb.${extensionOf[thumbMime]}`), thumbnail)
    }
    return { ref: `sha256-${hash}.${ext}`, mime, bytes: bytes.length }
  }

  /** The photo or its thumbnail; photos saved without one (vCard imports) answer the full image. */
  async read(ref: string, variant: 'full' | 'thumb'): Promise<PhotoContent> {
    const { hash, ext } = parseRef(ref)
    if (variant === 'thumb') {
      const thumb = await this.findThumb(hash)
      if (thumb) return this.content(thumb, ref)
    }
    const full = join(this.folder, `${hash}.${ext}`)
    const found = await readIfPresent(full)
    if (!found) throw new RapportError('NOT_FOUND', 'photo not found', { ref })
    return this.checked(found, ref)
  }

  /** Whether the photo is stored; anything that is not a ref (e.g. an old data: URL) is not. */
  async has(ref: string): Promise<boolean> {
    const match = photoRefPattern.exec(ref)
    if (!match) return false
    return exists(join(this.folder, `${match[1]}.${match[2]}`))
  }

  private async content(file: string, ref: string): Promise<PhotoContent> {
    const found = await readIfPresent(file)
    if (!found) throw new RapportError('NOT_FOUND', 'photo not found', { ref })
    return this.checked(found, ref)
  }

  private checked(bytes: Buffer, ref: string): PhotoContent {
    // The type comes from the bytes, so a file swapped by hand is never served as an image.
    const mime = sniffImage(bytes)
    if (!mime) throw new RapportError('INTERNAL', 'stored photo is not an image', { ref })
    return { bytes, mime }
  }

  private async findThumb(hash: string): Promise<string | undefined> {
    for (const ext of extensions) {
      const file = join(this.folder, `${hash}.thumb.${ext}`)
      if (await exists(file)) return file
    }
    return undefined
  }

  private async ensureFolder(): Promise<void> {
    const created = await makePrivateDir(this.folder)
    // A new folder's own entry must reach the disk too, or a crash could lose every photo in it.
    if (created !== undefined) await syncFolder(dirname(this.folder))
  }

  private async writeOnce(file: string, bytes: Uint8Array): Promise<void> {
    const pending = this.writing.get(file)
    if (pending) return pending
    const task = (async () => {
      // Content-addressed: a file under this name already holds these exact bytes.
      if (await exists(file)) return
      await writeFileDurably(file, asBuffer(bytes))
    })().finally(() => this.writing.delete(file))
    this.writing.set(file, task)
    return task
  }
}
