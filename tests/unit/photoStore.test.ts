import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  MAX_PHOTO_BYTES,
  PhotoStore,
  photoRefSchema,
  sniffImage,
} from '../../src/main/core/contacts/photos/photoStore'
import { RapportError } from '../../src/shared/errors'
import { tempDir } from './helpers'

const fixtureName = 'apple-ios6-export-photo-crcrlf.vcf'
const fixture = [join(__dirname, '../fixtures/real-world', fixtureName)].find((file) =>
  existsSync(file),
)

/** The JPEG an iPhone embedded in its export: the PHOTO line plus its folded continuations. */
async function iphoneJpeg(): Promise<Buffer> {
  if (!fixture) throw new Error(`fixture ${fixtureName} not found`)
  const lines = (await readFile(fixture, 'latin1')).split(/\r*\n/)
  const start = lines.findIndex((line) => line.startsWith('PHOTO;'))
  let base64 = lines[start]!.slice(lines[start]!.indexOf(':') + 1)
  for (const line of lines.slice(start + 1)) {
    if (!/^[ \t]/.test(line)) break
    base64 += line.slice(1)
  }
  return Buffer.from(base64, 'base64')
}

// A 1×1 PNG, small enough to stand in for a canvas-made thumbnail.
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
const tinyWebp = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x1a, 0, 0, 0]),
  Buffer.from('WEBPVP8L'),
  Buffer.alloc(18),
])

async function refusal(promise: Promise<unknown>): Promise<RapportError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(RapportError)
  return error as RapportError
}

describe('sniffing image types by content', () => {
  it('recognises JPEG, PNG and WebP by their first bytes', async () => {
    expect(sniffImage(await iphoneJpeg())).toBe('image/jpeg')
    expect(sniffImage(tinyPng)).toBe('image/png')
    expect(sniffImage(tinyWebp)).toBe('image/webp')
  })

  it('refuses anything else, including truncated headers', () => {
    expect(sniffImage(new Uint8Array())).toBeNull()
    expect(sniffImage(Buffer.from([0xff, 0xd8]))).toBeNull()
    expect(sniffImage(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBeNull()
    expect(sniffImage(Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt '))).toBeNull()
    expect(sniffImage(Buffer.from('just some text, named photo.jpg'))).toBeNull()
  })
})

describe('the photo store', () => {
  it('stores a real JPEG under its content hash and reads it back', async () => {
    const dir = await tempDir()
    const store = new PhotoStore(dir)
    const jpeg = await iphoneJpeg()
    const saved = await store.save(jpeg)
    expect(saved.mime).toBe('image/jpeg')
    expect(saved.bytes).toBe(jpeg.length)
    expect(saved.ref).toMatch(/^sha256-[0-9a-f]{64}\.jpg$/)
    expect(photoRefSchema.safeParse(saved.ref).success).toBe(true)
    expect(await store.has(saved.ref)).toBe(true)

    const read = await store.read(saved.ref, 'full')
    expect(read.mime).toBe('image/jpeg')
    expect(read.bytes.equals(jpeg)).toBe(true)
    const hash = saved.ref.slice('sha256-'.length, -'.jpg'.length)
    expect(await readdir(join(dir, 'photos'))).toEqual([`${hash}.jpg`])
  })

  it('stores the same photo once, however often it is saved', async () => {
    const dir = await tempDir()
    const store = new PhotoStore(dir)
    const jpeg = await iphoneJpeg()
    const [a, b] = await Promise.all([store.save(jpeg), store.save(Uint8Array.from(jpeg))])
    const c = await new PhotoStore(dir).save(jpeg)
    expect(b.ref).toBe(a.ref)
    expect(c.ref).toBe(a.ref)
    expect(await readdir(join(dir, 'photos'))).toHaveLength(1)
  })

  it('serves the thumbnail when one was given, else falls back to the full image', async () => {
    const store = new PhotoStore(await tempDir())
    const jpeg = await iphoneJpeg()

    const plain = await store.save(tinyPng)
    const fallback = await store.read(plain.ref, 'thumb')
    expect(fallback.mime).toBe('image/png')
    expect(fallback.bytes.equals(tinyPng)).toBe(true)

    const withThumb = await store.save(jpeg, tinyPng)
    const thumb = await store.read(withThumb.ref, 'thumb')
    expect(thumb.mime).toBe('image/png')
    expect(thumb.bytes.equals(tinyPng)).toBe(true)
    expect((await store.read(withThumb.ref, 'full')).bytes.equals(jpeg)).toBe(true)
  })

  it('adds a thumbnail later to a photo first stored without one', async () => {
    const store = new PhotoStore(await tempDir())
    const jpeg = await iphoneJpeg()
    const first = await store.save(jpeg)
    expect((await store.read(first.ref, 'thumb')).mime).toBe('image/jpeg')
    await store.save(jpeg, tinyWebp)
    expect((await store.read(first.ref, 'thumb')).mime).toBe('image/webp')
  })

  it('refuses a text file renamed to .jpg', async () => {
    const store = new PhotoStore(await tempDir())
    const error = await refusal(store.save(Buffer.from('BEGIN:VCARD\r\nFN:Not a photo\r\n')))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toBe('not a JPEG, PNG or WebP image')
  })

  it('refuses photos larger than 10 MB but takes exactly 10 MB', async () => {
    const dir = await tempDir()
    const store = new PhotoStore(dir)
    const jpeg = await iphoneJpeg()
    const atLimit = Buffer.alloc(MAX_PHOTO_BYTES)
    jpeg.copy(atLimit)
    expect((await store.save(atLimit)).bytes).toBe(MAX_PHOTO_BYTES)

    const tooBig = Buffer.alloc(MAX_PHOTO_BYTES + 1)
    jpeg.copy(tooBig)
    const error = await refusal(store.save(tooBig))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toBe('larger than 10 MB')
    expect(await readdir(join(dir, 'photos'))).toHaveLength(1)
  })

  it('checks the thumbnail as strictly as the photo', async () => {
    const dir = await tempDir()
    const store = new PhotoStore(dir)
    const jpeg = await iphoneJpeg()
    const notImage = await refusal(store.save(jpeg, Buffer.from('<svg/>')))
    expect(notImage.code).toBe('VALIDATION')
    expect(notImage.message).toMatch(/not a JPEG, PNG or WebP image/)

    const bigThumb = Buffer.alloc(200 * 1024 + 1)
    tinyPng.copy(bigThumb)
    const tooBig = await refusal(store.save(jpeg, bigThumb))
    expect(tooBig.code).toBe('VALIDATION')
    expect(tooBig.message).toMatch(/larger than 200 KB/)
    // Nothing half-saved: a refused thumbnail refuses the whole save.
    expect(await readdir(dir)).toEqual([])
  })

  it.each([
    '../store.json',
    'sha256-../../store.json',
    `sha256-${'a'.repeat(64)}.jpg/../../store.json`,
    `sha256-${'a'.repeat(64)}.svg`,
    `sha256-${'A'.repeat(64)}.jpg`,
    `sha256-${'a'.repeat(63)}.jpg`,
    `sha256-${'a'.repeat(64)}.jpg\n`,
    `/etc/passwd`,
    `..\\..\\store.json`,
    'data:image/png;base64,iVBORw0KGgo=',
    '',
  ])('refuses the ref %j', async (ref) => {
    const dir = await tempDir()
    await writeFile(join(dir, 'store.json'), '{}')
    const store = new PhotoStore(dir)
    const error = await refusal(store.read(ref, 'full'))
    expect(error.code).toBe('VALIDATION')
    expect((await refusal(store.read(ref, 'thumb'))).code).toBe('VALIDATION')
    expect(await store.has(ref)).toBe(false)
    expect(photoRefSchema.safeParse(ref).success).toBe(false)
  })

  it('answers NOT_FOUND for a well-formed ref that is not stored', async () => {
    const store = new PhotoStore(await tempDir())
    const ref = `sha256-${'0'.repeat(64)}.png`
    expect(await store.has(ref)).toBe(false)
    expect((await refusal(store.read(ref, 'full'))).code).toBe('NOT_FOUND')
    expect((await refusal(store.read(ref, 'thumb'))).code).toBe('NOT_FOUND')
  })
})
