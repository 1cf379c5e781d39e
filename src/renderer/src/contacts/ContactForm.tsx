import {
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../shared/contract'
import {
  ecosystemSchema,
  tierSchema,
  type Contact,
  type Ecosystem,
  type Tier,
} from '../../../shared/model'

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

export function ContactForm(props: {
  initial: ContactDraft
  saving: boolean
  fieldErrors: Record<string, string>
  onSubmit: (draft: ContactDraft) => void
  onCancel: () => void
  extraActions?: React.ReactNode
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(props.initial)
  const [nameTouched, setNameTouched] = useState(false)
  const set =
    <K extends keyof ContactDraft>(key: K) =>
    (value: ContactDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }))
  const text = (key: keyof ContactDraft) => ({
    value: draft[key] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key)(e.currentTarget.value as never),
    error: props.fieldErrors[key],
  })
  const nameMissing = draft.name.trim() === ''
  const submit = () => {
    setNameTouched(true)
    if (!nameMissing && !props.saving) props.onSubmit(draft)
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
      onKeyDown={getHotkeyHandler([['mod+Enter', submit]])}
    >
      <Stack>
        <TextInput
          label={t('contacts.fields.name')}
          placeholder={t('contacts.fields.namePlaceholder')}
          required
          data-autofocus
          {...text('name')}
          onBlur={() => setNameTouched(true)}
          error={
            props.fieldErrors.name ??
            (nameTouched && nameMissing ? t('errors.required') : undefined)
          }
        />
        <SimpleGrid cols={2}>
          <TextInput label={t('contacts.fields.organization')} {...text('organization')} />
          <TextInput label={t('contacts.fields.role')} {...text('role')} />
          <TextInput label={t('contacts.fields.email')} type="email" {...text('email')} />
          <TextInput label={t('contacts.fields.phone')} type="tel" {...text('phone')} />
          <Select
            label={t('contacts.fields.tier')}
            data={tierSchema.options.map((value) => ({
              value,
              label: t(`contacts.tier.${value}`),
            }))}
            value={draft.tier}
            onChange={(value) => value && set('tier')(value as Tier)}
            allowDeselect={false}
          />
          <Select
            label={t('contacts.fields.ecosystem')}
            data={ecosystemSchema.options.map((value) => ({
              value,
              label: t(`contacts.ecosystem.${value}`),
            }))}
            value={draft.ecosystem}
            onChange={(value) => set('ecosystem')(value as Ecosystem | null)}
            clearable
          />
        </SimpleGrid>
        <Textarea
          label={t('contacts.fields.whatTheyDo')}
          autosize
          minRows={2}
          {...text('whatTheyDo')}
        />
        <Textarea
          label={t('contacts.fields.challenges')}
          autosize
          minRows={2}
          {...text('challenges')}
        />
        <Textarea
          label={t('contacts.fields.canOffer')}
          autosize
          minRows={2}
          {...text('canOffer')}
        />
        <Textarea label={t('contacts.fields.seed')} autosize minRows={2} {...text('seed')} />
        <TagsInput
          label={t('contacts.fields.tags')}
          placeholder={t('contacts.fields.tagsPlaceholder')}
          value={draft.tags}
          onChange={set('tags')}
          error={props.fieldErrors.tags}
        />
        <Textarea label={t('contacts.fields.notes')} autosize minRows={3} {...text('notes')} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('contacts.shortcutHint')}
          </Text>
          <Group>
            {props.extraActions}
            <Button variant="default" onClick={props.onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.saving}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}
