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
import { useTranslation } from 'react-i18next'
import { ecosystemSchema, tierSchema } from '../../../shared/model'
import { useContractForm } from '../forms/useContractForm'
import { contactFieldOf, contactFormSchema, patchOf, type ContactDraft } from './contactFormSchema'

export { draftOf, patchOf, type ContactDraft } from './contactFormSchema'

export function ContactForm(props: {
  initial: ContactDraft
  saving: boolean
  /** Saves the draft; a VALIDATION error it throws is shown on the fields it names. */
  onSubmit: (draft: ContactDraft) => Promise<void>
  /** Any other error of a save (and issues of fields this form does not show). */
  onError: (caught: unknown) => void
  onCancel: () => void
  extraActions?: React.ReactNode
}) {
  const { t } = useTranslation()
  const { form, submit, showCoreErrors } = useContractForm<ContactDraft>({
    initialValues: props.initial,
    schema: contactFormSchema,
    toInput: (draft) => patchOf(draft),
    fieldOf: contactFieldOf,
    wording: {
      name: { label: t('contacts.fields.name') },
      email: { label: t('contacts.fields.email') },
      phone: { label: t('contacts.fields.phone') },
    },
  })
  const save = submit(async (draft) => {
    if (props.saving) return
    try {
      await props.onSubmit(draft)
    } catch (caught) {
      if (!showCoreErrors(caught)) props.onError(caught)
    }
  })

  return (
    <form onSubmit={save} onKeyDown={getHotkeyHandler([['mod+Enter', () => save()]])} noValidate>
      <Stack>
        <TextInput
          label={t('contacts.fields.name')}
          placeholder={t('contacts.fields.namePlaceholder')}
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('contacts.fields.organization')}
            {...form.getInputProps('organization')}
          />
          <TextInput label={t('contacts.fields.role')} {...form.getInputProps('role')} />
          <TextInput
            label={t('contacts.fields.email')}
            type="email"
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('contacts.fields.phone')}
            type="tel"
            {...form.getInputProps('phone')}
          />
          <Select
            label={t('contacts.fields.tier')}
            data={tierSchema.options.map((value) => ({
              value,
              label: t(`contacts.tier.${value}`),
            }))}
            {...form.getInputProps('tier')}
            allowDeselect={false}
          />
          <Select
            label={t('contacts.fields.ecosystem')}
            data={ecosystemSchema.options.map((value) => ({
              value,
              label: t(`contacts.ecosystem.${value}`),
            }))}
            {...form.getInputProps('ecosystem')}
            clearable
          />
        </SimpleGrid>
        <Textarea
          label={t('contacts.fields.whatTheyDo')}
          autosize
          minRows={2}
          {...form.getInputProps('whatTheyDo')}
        />
        <Textarea
          label={t('contacts.fields.challenges')}
          autosize
          minRows={2}
          {...form.getInputProps('challenges')}
        />
        <Textarea
          label={t('contacts.fields.canOffer')}
          autosize
          minRows={2}
          {...form.getInputProps('canOffer')}
        />
        <Textarea
          label={t('contacts.fields.seed')}
          autosize
          minRows={2}
          {...form.getInputProps('seed')}
        />
        <TagsInput
          label={t('contacts.fields.tags')}
          placeholder={t('contacts.fields.tagsPlaceholder')}
          {...form.getInputProps('tags')}
        />
        <Textarea
          label={t('contacts.fields.notes')}
          autosize
          minRows={3}
          {...form.getInputProps('notes')}
        />
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
