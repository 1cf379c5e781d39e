import { z } from 'zod'
import type { InputOf } from '../../../shared/contract'
import { contactInputSchema } from '../../../shared/contacts/contactOperations'
import { labelledValueSchema, type Contact, type Ecosystem, type Tier } from '../../../shared/model'

export type ContactDraft = {
  name: string
  organization: string
  role: string
  whatTheyDo: string
  challenges: string
  canOffer: string
  seed: string
  email: string
  phone: string
  tier: Tier
  ecosystem: Ecosystem | null
  tags: string[]
  notes: string
}

export function draftOf(contact?: Contact): ContactDraft {
  return {
    name: contact?.name ?? '',
    organization: contact?.organization ?? '',
    role: contact?.role ?? '',
    whatTheyDo: contact?.whatTheyDo ?? '',
    challenges: contact?.challenges ?? '',
    canOffer: contact?.canOffer ?? '',
    seed: contact?.seed ?? '',
    email: contact?.emails[0]?.value ?? '',
    phone: contact?.phones[0]?.value ?? '',
    tier: contact?.tier ?? 'outside',
    ecosystem: contact?.ecosystem ?? null,
    tags: contact?.tags ?? [],
    notes: contact?.notes ?? '',
  }
}

/**
 * The fields this form edits, as a patch. The first email and phone are edited here; any further
 * ones (from imports) are kept as they are.
 */
export function patchOf(draft: ContactDraft, contact?: Contact): InputOf<'contacts.create'> {
  const replaceFirst = (list: { label: string; value: string }[], value: string) => {
    const rest = list.slice(1)
    return value.trim() ? [{ label: list[0]?.label ?? '', value: value.trim() }, ...rest] : rest
  }
  return {
    name: draft.name,
    organization: draft.organization,
    role: draft.role,
    whatTheyDo: draft.whatTheyDo,
    challenges: draft.challenges,
    canOffer: draft.canOffer,
    seed: draft.seed,
    emails: replaceFirst(contact?.emails ?? [], draft.email),
    phones: replaceFirst(contact?.phones ?? [], draft.phone),
    tier: draft.tier,
    ...(draft.ecosystem ? { ecosystem: draft.ecosystem } : {}),
    tags: draft.tags,
    notes: draft.notes,
  }
}

/**
 * The contract's input for a new contact, with one rule the form adds: the email typed here must
 * look like an email address (imported ones are kept as they came).
 */
export const contactFormSchema = contactInputSchema.extend({
  emails: z.array(labelledValueSchema.extend({ value: z.email().max(320) })).max(20),
})

/** The form field of an issue's path: the first email and phone are edited as one field each. */
export function contactFieldOf(path: string): string | undefined {
  const [field] = path.replace(/^patch\./, '').split('.')
  if (field === 'emails') return 'email'
  if (field === 'phones') return 'phone'
  return field || undefined
}
