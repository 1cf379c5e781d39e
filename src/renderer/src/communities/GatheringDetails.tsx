import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GatheringView } from '../../../shared/communities/communityOperations'
import { ME_ID, rsvpSchema, type Gathering, type GatheringTable } from '../../../shared/model'
import type { InputOf } from '../../../shared/contract'
import { sameValue } from '../../../shared/store/versionedEdit'
import { useApi } from '../api/ApiContext'
import { ConflictNotice } from '../edits/ConflictNotice'
import { editConflictOf } from '../edits/editConflict'
import { ContactMultiPicker } from '../contacts/ContactPicker'
import { errorText } from '../api/errorText'
import { formatList } from '../format/formatList'
import { fromZonedInput, isTimeZone, toZonedInput } from '../format/zonedTime'

type Attendee = Gathering['attendees'][number]
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
    durationMinutes: t('communities.gathering.duration'),
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
  const [hours, setHours] = useState<number | string>(g.durationMinutes / 60)
  const durationMinutes = typeof hours === 'number' ? Math.round(hours * 60) : NaN
  const durationOk = durationMinutes >= 15 && durationMinutes <= 1440
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
      durationMinutes,
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
      <Group grow>
        <TextInput
          label={t('communities.gathering.venue')}
          value={venue}
          onChange={(e) => setVenue(e.currentTarget.value)}
        />
        <NumberInput
          label={t('communities.gathering.duration')}
          value={hours}
          onChange={setHours}
          min={0.25}
          max={24}
          step={0.5}
          decimalScale={2}
          error={durationOk ? undefined : t('communities.gathering.badDuration')}
        />
      </Group>
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
        <Button onClick={save} disabled={!title.trim() || !startsAt || !currencyOk || !durationOk}>
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  )
}

/**
 * Guests and their RSVP; I am the host and always come, so I am not listed. Several guests can be
 * invited at once and several replies set at once (a 16-person dinner is not 16 round trips).
 */
export function GuestList(props: { view: GatheringView; onView: (v: GatheringView) => void }) {
  const { t, i18n } = useTranslation()
  const g = props.view.gathering
  const name = (id: string) => props.view.names[id] ?? '?'
  const seatedBefore = new Set(g.seating.map((s) => s.personId))
  // Says whose seat a "no" freed, once the saved gathering comes back.
  const update = useGatheringUpdate(props.view, (view) => {
    props.onView(view)
    const seatedAfter = new Set(view.gathering.seating.map((s) => s.personId))
    const freed = [...seatedBefore].filter((id) => id !== ME_ID && !seatedAfter.has(id))
    if (freed.length > 0) {
      notifications.show({
        color: 'blue',
        message: t('communities.guests.seatFreed', {
          count: freed.length,
          names: formatList(freed.map(name), i18n.language),
        }),
      })
    }
  })
  const [adding, setAdding] = useState<string[]>([])
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const counts = rsvpSchema.options.map(
    (r) => `${t(`communities.rsvp.${r}`)} ${g.attendees.filter((a) => a.rsvp === r).length}`,
  )
  const saveAttendees = (attendees: Attendee[]) => update({ attendees })
  const setReply = (ids: Set<string>, rsvp: Attendee['rsvp']) =>
    saveAttendees(g.attendees.map((x) => (ids.has(x.contactId) ? { ...x, rsvp } : x)))
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected)
    if (on) next.add(id)
    else next.delete(id)
    setSelected(next)
  }
  const replyOptions = rsvpSchema.options.map((value) => ({
    value,
    label: t(`communities.rsvp.${value}`),
  }))
  const allSelected = g.attendees.length > 0 && g.attendees.every((a) => selected.has(a.contactId))

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {counts.join(' · ')}
      </Text>
      {selected.size > 0 && (
        <Group gap="xs" data-testid="guest-bulk">
          <Text size="sm">{t('communities.guests.selected', { count: selected.size })}</Text>
          <Select
            size="xs"
            w={140}
            aria-label={t('communities.guests.setReply')}
            placeholder={t('communities.guests.setReply')}
            data={replyOptions}
            value={null}
            onChange={(value) => {
              if (!value) return
              void setReply(selected, value as Attendee['rsvp'])
              setSelected(new Set())
            }}
          />
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => {
              void saveAttendees(g.attendees.filter((x) => !selected.has(x.contactId)))
              setSelected(new Set())
            }}
          >
            {t('communities.guests.removeSelected')}
          </Button>
        </Group>
      )}
      {g.attendees.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('communities.guests.empty')}
        </Text>
      ) : (
        <Table aria-label={t('communities.guests.title')} fz="sm" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32}>
                <Checkbox
                  size="xs"
                  aria-label={t('communities.guests.selectAll')}
                  checked={allSelected}
                  indeterminate={selected.size > 0 && !allSelected}
                  onChange={(e) =>
                    setSelected(
                      e.currentTarget.checked
                        ? new Set(g.attendees.map((a) => a.contactId))
                        : new Set(),
                    )
                  }
                />
              </Table.Th>
              <Table.Th>{t('communities.guests.title')}</Table.Th>
              <Table.Th w={150}>{t('communities.guests.setReply')}</Table.Th>
              <Table.Th w={60}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {g.attendees.map((a) => (
              <Table.Tr key={a.contactId}>
                <Table.Td>
                  <Checkbox
                    size="xs"
                    aria-label={t('communities.guests.select', { name: name(a.contactId) })}
                    checked={selected.has(a.contactId)}
                    onChange={(e) => toggle(a.contactId, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>{name(a.contactId)}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={t('communities.guests.rsvpOf', { name: name(a.contactId) })}
                    data={replyOptions}
                    value={a.rsvp}
                    allowDeselect={false}
                    onChange={(value) =>
                      value && void setReply(new Set([a.contactId]), value as Attendee['rsvp'])
                    }
                  />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    onClick={() =>
                      void saveAttendees(g.attendees.filter((x) => x.contactId !== a.contactId))
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
          <ContactMultiPicker
            label={t('communities.guests.add')}
            value={adding}
            names={props.view.names}
            onChange={setAdding}
          />
        </div>
        <Button
          variant="light"
          disabled={adding.every((id) => g.attendees.some((a) => a.contactId === id))}
          onClick={() => {
            const fresh = adding.filter((id) => !g.attendees.some((a) => a.contactId === id))
            void update({
              attendees: [
                ...g.attendees,
                ...fresh.map((contactId) => ({ contactId, rsvp: 'invited' as const })),
              ],
            })
            setAdding([])
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
            prefix={table.shape === 'long' ? t('communities.tables.perSidePrefix') : undefined}
            suffix={
              table.shape === 'long'
                ? t('communities.tables.perSide')
                : t('communities.tables.seats')
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
