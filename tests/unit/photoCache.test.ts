import { describe, expect, it } from 'vitest'
import { createPhotoCache } from '../../src/renderer/src/contacts/photoCache'

const REF_A = `sha256-${'a'.repeat(64)}.jpg`
const REF_B = `sha256-${'b'.repeat(64)}.jpg`

function counting(fail = new Set<string>()) {
  const asked: string[] = []
  const fetchPhoto = async (ref: string, variant: string) => {
    asked.push(`${variant}:${ref}`)
    if (fail.has(ref)) throw new Error('unreadable')
    return `data:image/jpeg;base64,${variant}-${ref.slice(7, 9)}`
  }
  return { asked, fetchPhoto }
}

describe('photo cache for list rows', () => {
  it('asks the core once per photo and variant, however often a row is drawn again', async () => {
    const { asked, fetchPhoto } = counting()
    const cache = createPhotoCache(fetchPhoto)
    expect(cache.peek(REF_A, 'thumb')).toBeUndefined()
    const [first, second] = await Promise.all([
      cache.load(REF_A, 'thumb'),
      cache.load(REF_A, 'thumb'),
    ])
    expect(first).toBe(second)
    await cache.load(REF_A, 'thumb')
    expect(cache.peek(REF_A, 'thumb')).toBe(first)
    await cache.load(REF_A, 'full')
    expect(asked).toEqual([`thumb:${REF_A}`, `full:${REF_A}`])
  })

  it('asks again after a failed load instead of keeping the failure', async () => {
    const fail = new Set([REF_B])
    const { asked, fetchPhoto } = counting(fail)
    const cache = createPhotoCache(fetchPhoto)
    await expect(cache.load(REF_B, 'thumb')).rejects.toThrow('unreadable')
    fail.clear()
    await expect(cache.load(REF_B, 'thumb')).resolves.toContain('thumb')
    expect(asked).toHaveLength(2)
  })

  it('forgets the least recently used photo beyond its limit', async () => {
    const { asked, fetchPhoto } = counting()
    const cache = createPhotoCache(fetchPhoto, 1)
    await cache.load(REF_A, 'thumb')
    await cache.load(REF_B, 'thumb')
    expect(cache.peek(REF_A, 'thumb')).toBeUndefined()
    expect(cache.peek(REF_B, 'thumb')).toBeDefined()
    await cache.load(REF_A, 'thumb')
    expect(asked).toHaveLength(3)
  })
})
