import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../src/shared/contract'
import type { Contact } from '../../src/shared/model'
import { call, quietCore } from './helpers'

/**
 * "Introduced by" and mutual acquaintances are links between contacts. A vCard export writes
 * them as X-RAPPORT-* properties carrying the other card's UID; importing that file into another
 * folder must link the new contacts to each other, not drop the links.
 */
describe('vCard round trip of links between contacts', () => {
  it('keeps "introduced by" and mutual acquaintances when exported and imported into an empty folder', async () => {
    const source = await quietCore()
    let text: string
    try {
      const ada = await call<Contact>(source, 'contacts.create', { name: 'Ada Lovelace' })
      const grace = await call<Contact>(source, 'contacts.create', {
        name: 'Grace Hopper',
        introducedById: ada.id,
        mutualIds: [ada.id],
      })
      await call<Contact>(source, 'contacts.create', {
        name: 'Linus Torvalds',
        introducedById: grace.id,
        mutualIds: [ada.id, grace.id],
      })
      ;({ text } = await call<{ text: string }>(source, 'export.vcard', {}))
    } finally {
      await source.close()
    }
    expect(text).toContain('X-RAPPORT-INTRODUCEDBYID')

    const target = await quietCore()
    try {
      const preview = await call<ImportPreview>(target, 'import.preview', {
        fileName: 'contacts.vcf',
        data: Buffer.from(text).toString('base64'),
      })
      expect(preview.counts.new).toBe(3)
      await call(target, 'import.commit', { previewId: preview.previewId, duplicates: 'skip' })
      const contacts = await call<Contact[]>(target, 'contacts.list', {})
      const byName = new Map(contacts.map((c) => [c.name, c]))
      const nameOf = (id: string | undefined) => contacts.find((contact) => contact.id === id)?.name
      const grace = byName.get('Grace Hopper')!
      const linus = byName.get('Linus Torvalds')!
      expect(nameOf(grace.introducedById)).toBe('Ada Lovelace')
      expect(grace.mutualIds.map(nameOf)).toEqual(['Ada Lovelace'])
      expect(nameOf(linus.introducedById)).toBe('Grace Hopper')
      expect(linus.mutualIds.map(nameOf).sort()).toEqual(['Ada Lovelace', 'Grace Hopper'])
      expect(byName.get('Ada Lovelace')!.introducedById).toBeUndefined()
    } finally {
      await target.close()
    }
  })

  it('drops a link to a card that is neither in the file nor in the folder', async () => {
    const core = await quietCore()
    try {
      const card = [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'PRODID:-//Rapport//Rapport//EN',
        'UID:urn:uuid:11111111-1111-4111-8111-111111111111',
        'FN:Lone Card',
        'X-RAPPORT-INTRODUCEDBYID;VALUE=text:22222222-2222-4222-8222-222222222222',
        'X-RAPPORT-MUTUALIDS;VALUE=text:22222222-2222-4222-8222-222222222222',
        'END:VCARD',
        '',
      ].join('\r\n')
      const preview = await call<ImportPreview>(core, 'import.preview', {
        fileName: 'lone.vcf',
        data: Buffer.from(card).toString('base64'),
      })
      await call(core, 'import.commit', { previewId: preview.previewId, duplicates: 'skip' })
      const [lone] = await call<Contact[]>(core, 'contacts.list', {})
      expect(lone).toMatchObject({ name: 'Lone Card', mutualIds: [] })
      expect(lone!.introducedById).toBeUndefined()
    } finally {
      await core.close()
    }
  })
})
