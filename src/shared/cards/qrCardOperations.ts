import { z } from 'zod'
import type { Contact, ContactLink } from '../model'
import { idSchema } from '../model'
import { op } from '../operation'

/** The most a QR code holds in byte mode at the lowest error correction (version 40-L). */
export const MAX_QR_TEXT = 2953

/** A contact read from a vCard or MECARD code, before it is created. */
export interface QrContactPreview {
  name: string
  organization: string
  role: string
  phones: { label: string; value: string }[]
  emails: { label: string; value: string }[]
  links: ContactLink[]
  notes: string
}

/** What a QR code turned out to hold. Plain text is only shown, never opened. */
export type QrReading =
  | { kind: 'contact'; format: 'vcard' | 'mecard'; contact: QrContactPreview }
  | { kind: 'profile'; link: ContactLink & { kind: 'wechat' | 'linkedin' } }
  | { kind: 'text'; text: string }

const qrLinkSchema = z
  .object({
    kind: z.enum(['wechat', 'linkedin']),
    value: z.string().trim().min(1).max(2000),
  })
  .strict()

export const qrCardOperations = {
  /** What a scanned code's text holds (the renderer decodes the image). */
  'qrCard.read': op<QrReading>()(z.object({ text: z.string().min(1).max(MAX_QR_TEXT) }).strict()),
  /** Stores a scanned WeChat or LinkedIn profile link on a contact (once). */
  'qrCard.addLink': op<Contact>()(z.object({ contactId: idSchema, link: qrLinkSchema }).strict()),
}
