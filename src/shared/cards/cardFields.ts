import { z } from 'zod'
import type { ContactLink } from '../contacts/contact'

const short = z.string().trim().max(200)

/** What a business card says, read by OCR and then corrected by the user in the preview. */
export const cardFieldsSchema = z
  .object({
    name: short,
    /** Set when the name's order is known: family name first in Chinese, last in English. */
    familyName: short.optional(),
    givenName: short.optional(),
    title: short,
    organization: short,
    /** E.164 where the number could be read so, otherwise as printed. */
    phones: z.array(z.string().trim().min(1).max(40)).max(10),
    emails: z.array(z.string().trim().min(3).max(254)).max(10),
    website: z.string().trim().max(500).optional(),
    linkedin: z.string().trim().max(500).optional(),
    wechat: z.string().trim().max(100).optional(),
    address: z.string().trim().max(500).optional(),
  })
  .strict()
export type CardFields = z.infer<typeof cardFieldsSchema>

export const emptyCardFields = (): CardFields => ({
  name: '',
  title: '',
  organization: '',
  phones: [],
  emails: [],
})

/** The card's profiles and website as a contact's links (LinkedIn as a full https address). */
export function linksOfCard(fields: CardFields): ContactLink[] {
  const links: ContactLink[] = []
  if (fields.linkedin) {
    const address = fields.linkedin.replace(/^(?:https?:\/\/)?(?:www\.)?/i, '')
    links.push({ kind: 'linkedin', value: `https://www.${address}` })
  }
  if (fields.wechat) links.push({ kind: 'wechat', value: fields.wechat })
  if (fields.website) links.push({ kind: 'web', value: fields.website })
  return links
}
