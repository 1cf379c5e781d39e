import {
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GatheringView } from '../../../../shared/communityOperations'
import { rsvpSchema, type GatheringTable } from '../../../../shared/model'
import type { InputOf } from '../../../../shared/contract'
import { sameValue } from '../../../../shared/edits/versionedEdit'
import { useApi } from '../../api/ApiContext'
import { ConflictNotice } from '../../edits/ConflictNotice'
import { editConflictOf } from '../../edits/editConflict'
import { ContactPicker } from '../../components/ContactPicker'
import { errorText } from '../../components/errorText'
import { fromZonedInput, isTimeZone, toZonedInput } from '../../components/zonedTime'

type Patch = Parameters<ReturnType<typeof useApi>['gatherings.update']>[0]['patch']

/**
 * Saves a change to the gathering as every panel does: only the fields that differ from the
 * version the page shows, with that version, so a change made meanwhile in another window is
 * never overwritten. When one is, both values are shown and the user picks per field.
 */
export function useGatheringUpdate(view: GatheringView, onView: (v: GatheringView) => void) {
  const { t } = useTranslation()
  const api = useApi()
  const labels: Record<string, string> = {
    title: t('communities.gathering.title'),
    startsAt: t('communities.gathering.startsAt'),
    timeZone: t('communities.gathering.timeZone'),
    venue: t('communities.gathering.venue'),
    budgetPerPerson: t('communities.gathering.budget'),
    currency: t('communities.gathering.currency'),
    notes: t('communities.gathering.notes'),
    attendees: t('communities.guests.title'),
    tables: t('communities.tables.title'),
    bill: t('communities.bill.title'),
    constraints: t('communities.constraints.title'),
  }
  const send = async (
    patch: Record<string, unknown>,
    base: Record<string, unknown>,
    expectedUpdatedAt: string,
  ): Promise<boolean> => {
    try {
      onView(
        await api['gatherings.update']({
          id: view.gathering.id,
          patch: patch as Patch,
          expectedUpdatedAt,
          base: base as InputOf<'gatherings.update'>['base'],
        }),
      )
      return true
    } catch (caught) {
      const conflict = editConflictOf(caught)
      if (!conflict) {
        notifications.show({
          color: 'red',
          title: t('errors.title'),
          message: errorText(t, caught),
        })
        return false
      }
      const id = `gathering-conflict-${view.gathering.id}`
      notifications.show({
        id,
        color: 'orange',
        autoClose: false,
        message: (
          <ConflictNotice
            conflict={conflict}
            mine={patch}
            labels={labels}
            names={view.names}
            onResolve={(choices) => {
              notifications.hide(id)
              // Theirs: the field leaves the change; mine: it is saved over theirs on purpose.
              const kept = Object.fromEntries(
                Object.entries(patch).filter(([key]) => choices[key] !== 'theirs'),
              )
              const rebased = { ...base, ...conflict.current }
              void send(
                kept,
                Object.fromEntries(Object.keys(kept).map((key) => [key, rebased[key] ?? null])),
                conflict.updatedAt ?? expectedUpdatedAt,
              )
            }}
          />
        ),
      })
      return false
    }
  }
  return async (patch: Patch): Promise<boolean> => {
    const g = view.gathering as unknown as Record<string, unknown>
    // Only what the panel changed: an unchanged field sent along would be refused for nothing.
    const changed = Object.fromEntries(
      Object.entries(patch).filter(
        ([key, value]) => value !== undefined && !sameValue(value, g[key]),
      ),
    )
    if (Object.keys(changed).length === 0) return true
    const base = Object.fromEntries(Object.keys(changed).map((key) => [key, g[key] ?? null]))
    return send(changed, base, view.gathering.updatedAt)
  }
}

/** Title, time in the gathering's own zone, venue, and the budget told to guests in advance. */
export function DetailsForm(props: { view: GatheringView; onView: (v: GatheringView) => void }) {
  const { t } = useTranslation()
  const g = props.view.gathering
  const update = useGatheringUpdate(props.view, props.onView)
  const [title, setTitle] = useState(g.title)
  const [timeZone, setTimeZone] = useState(g.timeZone)
  const [when, setWhen] = useState(toZonedInput(g.startsAt, g.timeZone))
  const [venue, setVenue] = useState(g.venue)
  const [budget, setBudget] = useState<number | string>(g.budgetPerPerson ?? '')
  const [currency, setCurrency] = useState(g.currency ?? '')
  const [notes, setNotes] = useState(g.notes)
  const zoneOk = isTimeZone(timeZone)
  const startsAt = zoneOk ? fromZonedInput(when, timeZone) : null
  const currencyOk = currency === '' || /^[A-Z]{3}$/.test(currency)
  const save = () =>
    startsAt &&
    void update({
      title: title.trim(),
      startsAt,
      timeZone,
      venue,
      budgetPerPerson: typeof budget === 'number' ? budget : null,
      currency: currency || null,
      notes,
    }).then(
      (ok) =>
        ok && notifications.show({ color: 'teal', message: t('communities.gathering.saved') }),
    )
  return (
    <Stack gap="xs">
      <TextInput
        label={t('communities.gathering.title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <Group grow>
        <TextInput
          type="datetime-local"
          label={t('communities.gathering.startsAt')}
          value={when}
          onChange={(e) => setWhen(e.currentTarget.value)}
        />
        <TextInput
          label={t('communities.gathering.timeZone')}
          value={timeZone}
          onChange={(e) => setTimeZone(e.currentTarget.value)}
          error={zoneOk ? undefined : t('communities.gathering.badTimeZone')}
        />
      </Group>
      <TextInput
        label={t('communities.gathering.venue')}
        value={venue}
        onChange={(e) => setVenue(e.currentTarget.value)}
      />
      <Group grow>
        <NumberInput
          label={t('communities.gathering.budget')}
          description={t('communities.gathering.budgetHint')}
          value={budget}
          onChange={setBudget}
          min={0}
          decimalScale={2}
        />
        <TextInput
          label={t('communities.gathering.currency')}
          description="CNY, EUR, USD…"
          value={currency}
          onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
          error={currencyOk ? undefined : t('communities.gathering.badCurrency')}
          maxLength={3}
        />
      </Group>
      <Textarea
        label={t('communities.gathering.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group justify="flex-end">
        <Button onClick={save} disabled={!title.trim() || !startsAt || !currencyOk}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  )
}

/** Guests and their RSVP; I am the host and always come, so I am not listed. */
export function GuestList(props: { view: GatheringView; onView: (v: GatheringView) => void }) {
  const { t } = useTranslation()
  const g = props.view.gathering
  const update = useGatheringUpdate(props.view, props.onView)
  const [adding, setAdding] = useState<string | null>(null)
  const counts = rsvpSchema.options.map(
    (r) => `${t(`communities.rsvp.${r}`)} ${g.attendees.filter((a) => a.rsvp === r).length}`,
  )
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {counts.join(' · ')}
      </Text>
      {g.attendees.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('communities.guests.empty')}
        </Text>
      ) : (
        <Table aria-label={t('communities.guests.title')} fz="sm" verticalSpacing={2}>
          <Table.Tbody>
            {g.attendees.map((a) => (
              <Table.Tr key={a.contactId}>
                <Table.Td>{props.view.names[a.contactId] ?? '?'}</Table.Td>
                <Table.Td w={150}>
                  <Select
                    size="xs"
                    aria-label={t('communities.guests.rsvpOf', {
                      name: props.view.names[a.contactId] ?? '',
                    })}
                    data={rsvpSchema.options.map((value) => ({
                      value,
                      label: t(`communities.rsvp.${value}`),
                    }))}
                    value={a.rsvp}
                    allowDeselect={false}
                    onChange={(value) =>
                      value &&
                      void update({
                        attendees: g.attendees.map((x) =>
                          x.contactId === a.contactId ? { ...x, rsvp: value as typeof a.rsvp } : x,
                        ),
                      })
                    }
                  />
                </Table.Td>
                <Table.Td w={60}>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    onClick={() =>
                      void update({
                        attendees: g.attendees.filter((x) => x.contactId !== a.contactId),
                      })
                    }
                  >
                    {t('common.delete')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end" gap="xs">
        <div style={{ flex: 1 }}>
          <ContactPicker
            label={t('communities.guests.add')}
            value={adding}
            names={props.view.names}
            onChange={setAdding}
          />
        </div>
        <Button
          variant="light"
          disabled={!adding || g.attendees.some((a) => a.contactId === adding)}
          onClick={() => {
            if (!adding) return
            void update({ attendees: [...g.attendees, { contactId: adding, rsvp: 'invited' }] })
            setAdding(null)
          }}
        >
          {t('communities.guests.addButton')}
        </Button>
      </Group>
    </Stack>
  )
}

/** Long tables (seats per side) or several small ones. */
export function TablesEditor(props: { view: GatheringView; onView: (v: GatheringView) => void }) {
  const { t } = useTranslation()
  const update = useGatheringUpdate(props.view, props.onView)
  const [tables, setTables] = useState<GatheringTable[]>(props.view.gathering.tables)
  const set = (i: number, table: GatheringTable) =>
    setTables(tables.map((x, j) => (j === i ? table : x)))
  return (
    <Stack gap="xs">
      {tables.map((table, i) => (
        <Group key={i} gap="xs" align="flex-end">
          <Text size="sm" w={70}>
            {t('communities.tables.label', { n: i + 1 })}
          </Text>
          <Select
            size="xs"
            w={150}
            aria-label={t('communities.tables.shape', { n: i + 1 })}
            data={[
              { value: 'long', label: t('communities.tables.longShape') },
              { value: 'round', label: t('communities.tables.roundShape') },
            ]}
            value={table.shape}
            allowDeselect={false}
            onChange={(v) =>
              set(
                i,
                v === 'round' ? { shape: 'round', seats: 8 } : { shape: 'long', seatsPerSide: 4 },
              )
            }
          />
          <NumberInput
            size="xs"
            w={140}
            aria-label={t('communities.tables.size', { n: i + 1 })}
            suffix={
              table.shape === 'long'
                ? ` ${t('communities.tables.perSide')}`
                : ` ${t('communities.tables.seats')}`
            }
            min={table.shape === 'long' ? 1 : 2}
            max={table.shape === 'long' ? 20 : 30}
            value={table.shape === 'long' ? table.seatsPerSide : table.seats}
            onChange={(v) => {
              const n = typeof v === 'number' ? v : 1
              set(
                i,
                table.shape === 'long'
                  ? { shape: 'long', seatsPerSide: n }
                  : { shape: 'round', seats: n },
              )
            }}
          />
          {tables.length > 1 && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => setTables(tables.filter((_, j) => j !== i))}
            >
              {t('common.delete')}
            </Button>
          )}
        </Group>
      ))}
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => setTables([...tables, { shape: 'long', seatsPerSide: 4 }])}
          disabled={tables.length >= 20}
        >
          {t('communities.tables.add')}
        </Button>
        <Button size="xs" variant="light" onClick={() => void update({ tables })}>
          {t('communities.tables.save')}
        </Button>
      </Group>
    </Stack>
  )
}
