import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GatheringView } from '../../../shared/communities/communityOperations'
import { ME_ID } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { usePersonName } from './usePersonName'

type Pair = [string, string]

function PairEditor(props: {
  label: string
  pairs: Pair[]
  options: { value: string; label: string }[]
  name: (id: string) => string
  onChange: (pairs: Pair[]) => void
}) {
  const { t } = useTranslation()
  const [a, setA] = useState<string | null>(null)
  const [b, setB] = useState<string | null>(null)
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {props.label}
      </Text>
      {props.pairs.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('communities.outcomes.none')}
        </Text>
      )}
      {props.pairs.map(([x, y], i) => (
        <Group key={`${x}-${y}`} justify="space-between" wrap="nowrap">
          <Text size="sm">
            {props.name(x)} – {props.name(y)}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => props.onChange(props.pairs.filter((_, j) => j !== i))}
          >
            {t('common.delete')}
          </Button>
        </Group>
      ))}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          size="xs"
          aria-label={`${props.label}${t('common.colon')}${t('communities.outcomes.first')}`}
          placeholder={t('communities.outcomes.first')}
          data={props.options}
          value={a}
          onChange={setA}
          searchable
        />
        <Select
          size="xs"
          aria-label={`${props.label}${t('common.colon')}${t('communities.outcomes.second')}`}
          placeholder={t('communities.outcomes.second')}
          data={props.options.filter((o) => o.value !== a)}
          value={b}
          onChange={setB}
          searchable
        />
        <Button
          size="xs"
          variant="light"
          disabled={!a || !b || a === b}
          onClick={() => {
            if (!a || !b) return
            props.onChange([...props.pairs, [a, b]])
            setA(null)
            setB(null)
          }}
        >
          {t('communities.outcomes.addPair')}
        </Button>
      </Group>
    </Stack>
  )
}

/**
 * After the dinner: who connected (they become relationships on both cards), which second
 * meetings were set (follow-ups), and what was said. Success is the share of guests who made
 * at least one new connection.
 */
export function OutcomesPanel(props: { view: GatheringView; onView: (v: GatheringView) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const g = props.view.gathering
  const name = usePersonName(props.view.names)
  const [connected, setConnected] = useState<Pair[]>(g.outcomes.connectedPairs)
  const [meetings, setMeetings] = useState<Pair[]>(g.outcomes.secondMeetings)
  const [notes, setNotes] = useState(g.outcomes.notes)
  const guests = g.attendees
    .filter((a) => a.rsvp !== 'no')
    .map((a) => ({ value: a.contactId, label: name(a.contactId) }))
  const save = async () => {
    try {
      const next = await api['gatherings.recordOutcomes']({
        id: g.id,
        connectedPairs: connected,
        secondMeetings: meetings,
        notes,
      })
      props.onView(next)
      notifications.show({ color: 'teal', message: t('communities.outcomes.saved') })
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }
  const share = props.view.connectionShare
  return (
    <Stack gap="sm">
      <Text size="sm" fw={600} data-testid="success-measure">
        {share === null
          ? t('communities.outcomes.noShare')
          : t('communities.outcomes.share', { percent: Math.round(share * 100) })}
      </Text>
      <PairEditor
        label={t('communities.outcomes.connected')}
        pairs={connected}
        options={guests}
        name={name}
        onChange={setConnected}
      />
      <PairEditor
        label={t('communities.outcomes.secondMeetings')}
        pairs={meetings}
        options={[{ value: ME_ID, label: name(ME_ID) }, ...guests]}
        name={name}
        onChange={setMeetings}
      />
      <Textarea
        label={t('communities.outcomes.notes')}
        placeholder={t('communities.outcomes.notesHint')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Text size="xs" c="dimmed">
        {t('communities.outcomes.what')}
      </Text>
      <Group justify="flex-end">
        <Button onClick={() => void save()}>{t('communities.outcomes.save')}</Button>
      </Group>
    </Stack>
  )
}
