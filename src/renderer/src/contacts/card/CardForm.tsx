import {
  Card,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  closenessSchema,
  ecosystemSchema,
  influenceSchema,
  linkKindSchema,
  tierSchema,
  type Ecosystem,
  type Tier,
} from '../../../../shared/model'
import { ContactMultiPicker, ContactPicker } from '../ContactPicker'
import type { CardDraft } from './cardDraft'
import { ListEditor } from './ListEditor'
import { ImportantDatesEditor } from '../../lunar/ImportantDatesEditor'
import { displayLabel, storedLabel, type LabelWords } from './valueLabels'

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h5" mb="sm">
        {props.title}
      </Title>
      <Stack gap="sm">{props.children}</Stack>
    </Card>
  )
}

/** Every field of the background card, grouped the way the method asks about a person. */
export function CardForm(props: {
  contactId: string
  draft: CardDraft
  names: Record<string, string>
  defaultCadence: number | null
  errors: Record<string, string>
  onChange: (draft: CardDraft) => void
}) {
  const { t, i18n } = useTranslation()
  const { draft } = props
  const set = <K extends keyof CardDraft>(key: K, value: CardDraft[K]) =>
    props.onChange({ ...draft, [key]: value })
  const text = (key: keyof CardDraft, label: string) => ({
    label,
    value: (draft[key] as string | undefined) ?? '',
    error: props.errors[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(key, e.currentTarget.value as never),
  })
  const options = <V extends string>(values: readonly V[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }))
  const labelled = { label: '', value: '' }
  // Imported labels ("mobile") read in the interface language ("手机").
  const labelWords = t('card.labelWords', { returnObjects: true }) as LabelWords
  const translatedLabel = {
    display: (stored: string) => displayLabel(stored, labelWords, i18n.language),
    parse: (typed: string) => storedLabel(typed, labelWords, i18n.language),
  }

  return (
    <Stack>
      <Section title={t('card.sections.identity')}>
        <TextInput {...text('name', t('contacts.fields.name'))} required />
        <SimpleGrid cols={3}>
          <TextInput {...text('familyName', t('card.fields.familyName'))} />
          <TextInput {...text('givenName', t('card.fields.givenName'))} />
          <TextInput {...text('nickname', t('card.fields.nickname'))} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput {...text('organization', t('contacts.fields.organization'))} />
          <TextInput {...text('role', t('contacts.fields.role'))} />
        </SimpleGrid>
        <Textarea autosize minRows={2} {...text('whatTheyDo', t('contacts.fields.whatTheyDo'))} />
      </Section>

      <Section title={t('card.sections.method')}>
        <Textarea autosize minRows={2} {...text('challenges', t('contacts.fields.challenges'))} />
        <Textarea autosize minRows={2} {...text('canOffer', t('contacts.fields.canOffer'))} />
        <Textarea autosize minRows={2} {...text('seed', t('contacts.fields.seed'))} />
        <Textarea autosize minRows={1} {...text('theirAdvice', t('card.fields.theirAdvice'))} />
        <Textarea autosize minRows={1} {...text('goals', t('card.fields.goals'))} />
      </Section>

      <Section title={t('card.sections.reach')}>
        <SimpleGrid cols={2}>
          <TextInput {...text('bestWayToReach', t('card.fields.bestWayToReach'))} />
          <TextInput {...text('assistantName', t('card.fields.assistantName'))} />
        </SimpleGrid>
        <ListEditor
          label={t('card.fields.emails')}
          items={draft.emails}
          empty={labelled}
          columns={[
            { key: 'label', label: t('card.fields.label'), ...translatedLabel },
            { key: 'value', label: t('contacts.fields.email'), type: 'email' },
          ]}
          onChange={(items) => set('emails', items)}
        />
        <ListEditor
          label={t('card.fields.phones')}
          items={draft.phones}
          empty={labelled}
          columns={[
            { key: 'label', label: t('card.fields.label'), ...translatedLabel },
            { key: 'value', label: t('contacts.fields.phone'), type: 'tel' },
          ]}
          onChange={(items) => set('phones', items)}
        />
        <ListEditor
          label={t('card.fields.links')}
          items={draft.links}
          empty={{ kind: 'linkedin', value: '' }}
          columns={[
            {
              key: 'kind',
              label: t('card.fields.label'),
              options: options(linkKindSchema.options, 'card.linkKind'),
            },
            { key: 'value', label: t('card.fields.value') },
          ]}
          onChange={(items) => set('links', items as CardDraft['links'])}
        />
      </Section>

      <Section title={t('card.sections.met')}>
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label={t('card.fields.firstMetDate')}
            value={draft.firstMet?.date ?? ''}
            onChange={(e) => {
              const date = e.currentTarget.value
              const { date: _old, ...rest } = draft.firstMet ?? { place: '', how: '' }
              set('firstMet', date ? { ...rest, date } : rest)
            }}
          />
          <TextInput
            label={t('card.fields.firstMetPlace')}
            value={draft.firstMet?.place ?? ''}
            onChange={(e) =>
              set('firstMet', { how: '', ...draft.firstMet, place: e.currentTarget.value })
            }
          />
        </SimpleGrid>
        <Textarea
          autosize
          minRows={1}
          label={t('card.fields.firstMetHow')}
          value={draft.firstMet?.how ?? ''}
          onChange={(e) =>
            set('firstMet', { place: '', ...draft.firstMet, how: e.currentTarget.value })
          }
        />
        <SimpleGrid cols={2}>
          <ContactPicker
            label={t('card.fields.introducedBy')}
            value={draft.introducedById ?? null}
            names={props.names}
            excludeId={props.contactId}
            onChange={(id) => set('introducedById', id ?? undefined)}
          />
          <ContactMultiPicker
            label={t('card.fields.mutual')}
            value={draft.mutualIds}
            names={props.names}
            excludeId={props.contactId}
            onChange={(ids) => set('mutualIds', ids)}
          />
        </SimpleGrid>
      </Section>

      <Section title={t('card.sections.details')}>
        <ImportantDatesEditor
          label={t('card.fields.importantDates')}
          items={draft.importantDates}
          onChange={(items) => set('importantDates', items)}
        />
        <Textarea autosize minRows={1} {...text('family', t('card.fields.family'))} />
        <TagsInput
          label={t('card.fields.interests')}
          value={draft.interests}
          onChange={(value) => set('interests', value)}
        />
        <Textarea autosize minRows={3} {...text('notes', t('contacts.fields.notes'))} />
      </Section>

      <Section title={t('card.sections.circle')}>
        <SimpleGrid cols={2}>
          <Select
            label={t('contacts.fields.tier')}
            data={options(tierSchema.options, 'contacts.tier')}
            value={draft.tier}
            onChange={(value) => value && set('tier', value as Tier)}
            allowDeselect={false}
          />
          <NumberInput
            label={t('card.fields.cadence')}
            description={
              props.defaultCadence
                ? t('card.fields.cadenceDefault', { days: props.defaultCadence })
                : t('card.fields.cadenceNone')
            }
            min={1}
            max={3650}
            value={draft.cadenceDays ?? ''}
            placeholder={props.defaultCadence ? String(props.defaultCadence) : '—'}
            onChange={(value) => set('cadenceDays', typeof value === 'number' ? value : undefined)}
          />
          <Select
            label={t('card.fields.influence')}
            data={options(influenceSchema.options, 'card.influence')}
            value={draft.influence ?? null}
            onChange={(value) => set('influence', (value ?? undefined) as CardDraft['influence'])}
            clearable
          />
          <Select
            label={t('card.fields.closeness')}
            data={options(closenessSchema.options, 'card.closeness')}
            value={draft.closeness ?? null}
            onChange={(value) => set('closeness', (value ?? undefined) as CardDraft['closeness'])}
            clearable
          />
          <Select
            label={t('contacts.fields.ecosystem')}
            data={options(ecosystemSchema.options, 'contacts.ecosystem')}
            value={draft.ecosystem ?? null}
            onChange={(value) => set('ecosystem', (value ?? undefined) as Ecosystem | undefined)}
            clearable
          />
          <TagsInput
            label={t('contacts.fields.tags')}
            placeholder={t('contacts.fields.tagsPlaceholder')}
            value={draft.tags}
            onChange={(value) => set('tags', value)}
            error={props.errors.tags}
          />
        </SimpleGrid>
      </Section>
    </Stack>
  )
}
