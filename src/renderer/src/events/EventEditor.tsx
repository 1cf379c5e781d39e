import {
  Button,
  Chip,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { InputOf } from '../../../shared/contract'
import { eventFieldsSchema } from '../../../shared/events/eventOperations'
import type { HelperSuggestion } from '../../../shared/events/eventViews'
import { sameValue, type EditConflict } from '../../../shared/store/versionedEdit'
import type { RapportEvent } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { ContactMultiPicker } from '../contacts/ContactPicker'
import { errorText } from '../api/errorText'
import { timeZoneOptions } from '../format/formatDate'
import { ConflictNotice } from '../edits/ConflictNotice'
import {
  changesOf,
  editConflictOf,
  rebaseOnConflict,
  type ConflictChoice,
} from '../edits/editConflict'
import { UnsavedChangesPrompt } from '../edits/UnsavedChangesPrompt'
import { fromZonedInput, knownTimeZones, localTimeZone, toZonedInput } from '../format/zonedTime'
import { useContractForm } from '../forms/useContractForm'

const ROUTES = ['ticket', 'organiser', 'friend', 'sponsor', 'volunteer'] as const
const STATUSES = ['notStarted', 'asked', 'invited', 'ticketBought', 'declined'] as const
type Route = (typeof ROUTES)[number]
type Status = (typeof STATUSES)[number]

function draftOf(event?: RapportEvent) {
  const timeZone = event?.timeZone ?? localTimeZone()
  return {
    name: event?.name ?? '',
    series: event?.series ?? '',
    timeZone,
    startsAt: event ? toZonedInput(event.startsAt, timeZone) : '',
    endsAt: event?.endsAt ? toZonedInput(event.endsAt, timeZone) : '',
    venue: event?.venue ?? '',
    address: event?.address ?? '',
    city: event?.city ?? '',
    url: event?.url ?? '',
    level: event?.level ?? 'city',
    whyItMatters: event?.whyItMatters ?? '',
    keyContactIds: event?.keyContactIds ?? [],
    stretchesComfortZone: event?.stretchesComfortZone ?? false,
    organization: event?.organiser.organization ?? '',
    organiserIds: event?.organiser.contactIds ?? [],
    route: (event?.access?.route ?? null) as Route | null,
    status: (event?.access?.status ?? 'notStarted') as Status,
    cost: event?.access?.cost ?? ('' as number | ''),
    currency: event?.access?.currency ?? '',
    deadline: event?.access?.deadline ?? '',
    helperIds: event?.access?.helperIds ?? [],
  }
}

type Draft = ReturnType<typeof draftOf>
const sameDraft = (a: Draft, b: Draft) => sameValue(a, b)

/** The record's fields a draft stands for, or undefined when the start time is not valid. */
function fieldsOf(d: Draft) {
  const startsAt = fromZonedInput(d.startsAt, d.timeZone)
  const endsAt = d.endsAt ? fromZonedInput(d.endsAt, d.timeZone) : undefined
  if (!startsAt || endsAt === null) return undefined
  return fieldsAt(d, startsAt, endsAt)
}

function fieldsAt(d: Draft, startsAt: string, endsAt: string | undefined) {
  return {
    name: d.name,
    series: d.series,
    timeZone: d.timeZone,
    startsAt,
    ...(endsAt ? { endsAt } : {}),
    venue: d.venue,
    address: d.address,
    city: d.city,
    url: d.url,
    level: d.level,
    whyItMatters: d.whyItMatters,
    keyContactIds: d.keyContactIds,
    stretchesComfortZone: d.stretchesComfortZone,
    organiser: { organization: d.organization, contactIds: d.organiserIds },
    ...(d.route
      ? {
          access: {
            route: d.route,
            status: d.status,
            ...(d.cost !== '' ? { cost: d.cost } : {}),
            ...(d.currency ? { currency: d.currency.toUpperCase() } : {}),
            ...(d.deadline ? { deadline: d.deadline } : {}),
            helperIds: d.helperIds,
          },
        }
      : {}),
  }
}
type EventFields = NonNullable<ReturnType<typeof fieldsOf>>

/** The contract's event fields, with one rule the form adds: a web address must be one. */
const eventFormSchema = eventFieldsSchema.extend({
  url: z
    .url({ protocol: /^https?$/, hostname: z.regexes.domain })
    .max(2000)
    .optional(),
})

/**
 * What the form checks: the record's fields, with a time that cannot be read kept as typed (so
 * the schema names it) and a blank web address left out.
 */
function checkedInputOf(d: Draft) {
  const startsAt = fromZonedInput(d.startsAt, d.timeZone) ?? d.startsAt
  const endsAt = d.endsAt ? (fromZonedInput(d.endsAt, d.timeZone) ?? d.endsAt) : undefined
  const { url, ...rest } = fieldsAt(d, startsAt, endsAt)
  return { ...rest, ...(url.trim() ? { url: url.trim() } : {}) }
}

/** The form field of an issue's path (organiser and getting-in fields are nested in the record). */
function eventFieldOf(path: string): string | undefined {
  const parts = path.replace(/^patch\./, '').split('.')
  if (parts[0] === 'organiser') return parts[1] === 'contactIds' ? 'organiserIds' : 'organization'
  if (parts[0] === 'access') return parts[1] === 'helperIds' ? 'helperIds' : parts[1]
  return parts[0] || undefined
}

/** The record fields the editor can change, each compared on its own for a save. */
const EVENT_PATHS = [
  'name',
  'series',
  'timeZone',
  'startsAt',
  'endsAt',
  'venue',
  'address',
  'city',
  'url',
  'level',
  'whyItMatters',
  'keyContactIds',
  'stretchesComfortZone',
  'organiser',
  'access',
] as const

/**
 * The event record and getting in: used to create an event (then only the basics show) and,
 * on the event page, to edit everything.
 */
export function EventEditor(props: {
  event?: RapportEvent
  names?: Record<string, string>
  suggestions?: HelperSuggestion[]
  onSaved: (event: RapportEvent) => void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { form, submit, showCoreErrors } = useContractForm<Draft>({
    initialValues: draftOf(props.event),
    schema: eventFormSchema,
    toInput: checkedInputOf,
    fieldOf: eventFieldOf,
    wording: {
      name: { label: t('events.form.name') },
      timeZone: { label: t('events.form.timeZone'), invalid: 'forms.timeZone' },
      currency: { invalid: 'forms.currency' },
    },
  })
  const d = form.values
  const setD = form.setValues
  // The version this editor started from; a conflict moves it on to the version saved elsewhere.
  const [started, setStarted] = useState(props.event)
  const [conflict, setConflict] = useState<EditConflict | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string>()
  const dirty = started ? !sameDraft(draftOf(started), d) : false
  // A newer copy of the event (a checklist tick, new targets, a save here) replaces the form
  // only when nothing is typed; otherwise the typing stays and the save is checked against it.
  const [seen, setSeen] = useState(props.event)
  if (seen !== props.event) {
    setSeen(props.event)
    if (!dirty) {
      setStarted(props.event)
      setD(draftOf(props.event))
    }
  }
  const full = !!props.event
  const names = props.names ?? {}
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    form.setFieldValue(key, value as never)

  const saveFrom = async (from: RapportEvent | undefined, draft: Draft) => {
    // The form checked the draft before this, so its times can be read.
    const fields = fieldsOf(draft)
    if (!fields) return
    setProblem(undefined)
    setBusy(true)
    try {
      let saved: RapportEvent
      if (from) {
        // Only what this editor changed, with what it started from: a change made meanwhile
        // in another window to another field is kept, one to the same field is refused.
        const { patch, base } = changesOf(fieldsOf(draftOf(from)) ?? {}, fields, EVENT_PATHS, from)
        saved = await api['events.update']({
          id: from.id,
          patch: patch as Partial<EventFields>,
          expectedUpdatedAt: from.updatedAt,
          base: base as InputOf<'events.update'>['base'],
        })
      } else {
        saved = await api['events.create'](fields)
      }
      setConflict(null)
      notifications.show({ color: 'teal', message: t('events.form.saved', { name: saved.name }) })
      if (from) {
        // What was saved, as stored (upper-case currency, the time as the core keeps it).
        setStarted(saved)
        setD(draftOf(saved))
      }
      props.onSaved(saved)
    } catch (caught) {
      const refused = editConflictOf(caught)
      if (refused) setConflict(refused)
      else if (!showCoreErrors(caught)) setProblem(errorText(t, caught))
    } finally {
      setBusy(false)
    }
  }
  const save = submit((draft) => saveFrom(started, draft))
  const resolve = (choices: Record<string, ConflictChoice>) => {
    if (!started || !conflict) return
    const next = rebaseOnConflict(started, d, conflict, choices, draftOf)
    setStarted(next.started)
    setD(next.draft)
    setConflict(null)
    void saveFrom(next.started, next.draft)
  }
  const labels: Record<string, string> = {
    name: t('events.form.name'),
    series: t('events.form.series'),
    timeZone: t('events.form.timeZone'),
    startsAt: t('events.form.startsAt'),
    endsAt: t('events.form.endsAt'),
    venue: t('events.form.venue'),
    address: t('events.form.address'),
    city: t('events.form.city'),
    url: t('events.form.url'),
    level: t('events.form.level'),
    whyItMatters: t('events.form.why'),
    keyContactIds: t('events.form.keyContacts'),
    stretchesComfortZone: t('events.form.stretch'),
    organiser: t('events.form.organiser'),
    access: t('events.access.title'),
  }

  return (
    <Stack gap="sm">
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput
            label={t('events.form.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput
            label={t('events.form.series')}
            description={t('events.form.seriesHint')}
            {...form.getInputProps('series')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput
            type="datetime-local"
            label={t('events.form.startsAt')}
            required
            {...form.getInputProps('startsAt')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput
            type="datetime-local"
            label={t('events.form.endsAt')}
            {...form.getInputProps('endsAt')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label={t('events.form.timeZone')}
            searchable
            allowDeselect={false}
            data={timeZoneOptions(knownTimeZones, i18n.language)}
            {...form.getInputProps('timeZone')}
            onChange={(zone) => zone && set('timeZone', zone)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label={t('events.form.venue')} {...form.getInputProps('venue')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <TextInput label={t('events.form.address')} {...form.getInputProps('address')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <TextInput label={t('events.form.city')} {...form.getInputProps('city')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput label={t('events.form.url')} {...form.getInputProps('url')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Text size="sm" fw={500} mb={4}>
            {t('events.form.level')}
          </Text>
          <SegmentedControl
            fullWidth
            data={(['city', 'national', 'global'] as const).map((value) => ({
              value,
              label: t(`events.level.${value}`),
            }))}
            value={d.level}
            onChange={(value) => set('level', value as typeof d.level)}
          />
        </Grid.Col>
      </Grid>
      <Textarea
        autosize
        minRows={2}
        label={t('events.form.why')}
        description={t('events.form.whyHint')}
        {...form.getInputProps('whyItMatters')}
      />
      {full && (
        <>
          <ContactMultiPicker
            label={t('events.form.keyContacts')}
            value={d.keyContactIds}
            names={names}
            onChange={(ids) => set('keyContactIds', ids)}
          />
          <Switch
            label={t('events.form.stretch')}
            checked={d.stretchesComfortZone}
            onChange={(e) => set('stretchesComfortZone', e.currentTarget.checked)}
          />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput
                label={t('events.form.organiser')}
                {...form.getInputProps('organization')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 7 }}>
              <ContactMultiPicker
                label={t('events.form.organiserContacts')}
                value={d.organiserIds}
                names={names}
                onChange={(ids) => set('organiserIds', ids)}
              />
            </Grid.Col>
          </Grid>
          <Title order={2} size="h4" mt="sm">
            {t('events.access.title')}
          </Title>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('events.access.route')}
                clearable
                data={ROUTES.map((r) => ({ value: r, label: t(`events.access.routes.${r}`) }))}
                value={d.route}
                onChange={(value) => set('route', value as Route | null)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('events.access.status')}
                allowDeselect={false}
                disabled={!d.route}
                data={STATUSES.map((s) => ({ value: s, label: t(`events.access.statuses.${s}`) }))}
                value={d.status}
                onChange={(value) => value && set('status', value as Status)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                type="date"
                label={t('events.access.deadline')}
                disabled={!d.route}
                {...form.getInputProps('deadline')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 8, sm: 4 }}>
              <NumberInput
                label={t('events.access.cost')}
                min={0}
                disabled={!d.route}
                {...form.getInputProps('cost')}
                onChange={(value) => set('cost', typeof value === 'number' ? value : '')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 4, sm: 2 }}>
              <TextInput
                label={t('events.access.currency')}
                maxLength={3}
                placeholder="CNY"
                disabled={!d.route}
                {...form.getInputProps('currency')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <ContactMultiPicker
                label={t('events.access.helpers')}
                value={d.helperIds}
                names={names}
                onChange={(ids) => set('helperIds', ids)}
              />
            </Grid.Col>
          </Grid>
          {props.suggestions && props.suggestions.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('events.access.suggested')}
              </Text>
              <Group gap="xs">
                {props.suggestions
                  .filter((s) => !d.helperIds.includes(s.contactId))
                  .map((s) => (
                    <Chip
                      key={s.contactId}
                      checked={false}
                      onChange={() => set('helperIds', [...d.helperIds, s.contactId])}
                    >
                      {s.name} · {t(`events.access.why.${s.why}`)}
                    </Chip>
                  ))}
              </Group>
            </Stack>
          )}
        </>
      )}
      <UnsavedChangesPrompt dirty={dirty} />
      {conflict && (
        <ConflictNotice
          key={conflict.updatedAt}
          conflict={conflict}
          mine={fieldsOf(d) ?? {}}
          labels={labels}
          names={names}
          busy={busy}
          onResolve={resolve}
        />
      )}
      {problem && (
        <Text c="red" size="sm" role="alert">
          {problem}
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={() => save()} loading={busy}>
          {full ? t('events.form.save') : t('events.form.create')}
        </Button>
      </Group>
    </Stack>
  )
}
