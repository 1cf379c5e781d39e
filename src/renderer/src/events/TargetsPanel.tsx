import {
  ActionIcon,
  Anchor,
  Badge,
  Card,
  Checkbox,
  Grid,
  Group,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { EventContact, EventView } from '../../../shared/events/eventViews'
import type { EventTarget, TargetStage } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { ContactPicker } from '../contacts/ContactPicker'
import { errorText } from '../api/errorText'
import { usePhoto } from '../contacts/usePhoto'
import { ContactAvatar } from '../contacts/ContactAvatar'

const STAGES: TargetStage[] = [
  'researching',
  'ready',
  'approached',
  'met',
  'followedUp',
  'familiar',
  'paused',
]
export const TARGET_GOAL = 10

type TargetInput = Pick<EventTarget, 'contactId' | 'talkingPoints' | 'mustMeet' | 'stage'> & {
  pausedReason?: string | undefined
}

const asInput = (t: EventTarget): TargetInput => ({
  contactId: t.contactId,
  talkingPoints: t.talkingPoints,
  mustMeet: t.mustMeet,
  stage: t.stage,
  ...(t.pausedReason ? { pausedReason: t.pausedReason } : {}),
})

/** The ranked target list: at least ten people, each with what I know and mean to say. */
export function TargetsPanel({ view, onChange }: { view: EventView; onChange: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [picking, setPicking] = useState<string | null>(null)
  const targets = view.targets.map(asInput)
  const names = Object.fromEntries(Object.values(view.contacts).map((c) => [c.id, c.name]))
  const fail = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })

  const save = async (next: TargetInput[]) => {
    try {
      await api['events.setTargets']({ eventId: view.event.id, targets: next })
      onChange()
    } catch (caught) {
      fail(caught)
    }
  }
  const change = (index: number, patch: Partial<TargetInput>) =>
    void save(targets.map((x, i) => (i === index ? { ...x, ...patch } : x)))
  const move = (index: number, by: number) => {
    const next = [...targets]
    const [item] = next.splice(index, 1)
    next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item!)
    void save(next)
  }
  const add = (contactId: string | null) => {
    setPicking(null)
    if (!contactId || targets.some((x) => x.contactId === contactId)) return
    void save([...targets, { contactId, talkingPoints: '', mustMeet: false, stage: 'researching' }])
  }
  // Anyone on the event's list can be chosen: someone not yet a contact becomes one on the way.
  const listed = view.people.filter(
    (p) => !p.contactId || !targets.some((x) => x.contactId === p.contactId),
  )
  const addListed = async (personId: string | null) => {
    const person = listed.find((p) => p.id === personId)
    if (!person) return
    if (person.contactId) return add(person.contactId)
    try {
      await api['events.promotePerson']({
        eventId: view.event.id,
        personId: person.id,
        asTarget: true,
      })
      onChange()
    } catch (caught) {
      fail(caught)
    }
  }
  const count = targets.length
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" mb={4}>
          <Text fw={600}>
            {t('events.targetList.progress', {
              count: Math.min(count, TARGET_GOAL),
              goal: TARGET_GOAL,
            })}
          </Text>
          <Text size="sm" c={count >= TARGET_GOAL ? 'teal' : 'dimmed'}>
            {count >= TARGET_GOAL
              ? t('events.targetList.done')
              : t('events.targetList.more', { count: TARGET_GOAL - count })}
          </Text>
        </Group>
        <Progress
          value={Math.min(100, (count / TARGET_GOAL) * 100)}
          color={count >= TARGET_GOAL ? 'teal' : 'yellow'}
          aria-label={t('events.targetList.progressLabel')}
        />
        <Grid gap="sm" mt="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ContactPicker
              label={t('events.targetList.add')}
              value={picking}
              names={names}
              onChange={add}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={t('events.targetList.addListed')}
              searchable
              data={listed.map((p) => {
                const who = p.organization ? `${p.name} · ${p.organization}` : p.name
                return {
                  value: p.id,
                  label: p.contactId ? who : t('events.targetList.becomesContact', { who }),
                }
              })}
              value={null}
              onChange={(personId) => void addListed(personId)}
              nothingFoundMessage={t('events.targetList.noneListed')}
            />
          </Grid.Col>
        </Grid>
      </Card>
      {count === 0 && <Text c="dimmed">{t('events.targetList.empty')}</Text>}
      {view.targets.map((target, index) => {
        const contact = view.contacts[target.contactId]
        if (!contact) return null
        return (
          <TargetCard
            key={`${target.contactId}:${contact.updatedAt}:${index}:${target.talkingPoints}`}
            rank={index + 1}
            last={index === count - 1}
            target={targets[index]!}
            meetings={target.meetings}
            contact={contact}
            onChange={(patch) => change(index, patch)}
            onMove={(by) => move(index, by)}
            onRemove={() => void save(targets.filter((_, i) => i !== index))}
            onCardSaved={onChange}
          />
        )
      })}
    </Stack>
  )
}

function TargetCard(props: {
  rank: number
  last: boolean
  target: TargetInput
  meetings: number
  contact: EventContact
  onChange: (patch: Partial<TargetInput>) => void
  onMove: (by: number) => void
  onRemove: () => void
  onCardSaved: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const { contact, target } = props
  const photo = usePhoto(contact.photo, 'thumb')
  const [card, setCard] = useState({
    whatTheyDo: contact.whatTheyDo,
    challenges: contact.challenges,
    canOffer: contact.canOffer,
  })
  const [points, setPoints] = useState(target.talkingPoints)
  const [reason, setReason] = useState(target.pausedReason ?? '')
  // Written back to the card: the target list never keeps a second copy.
  const saveCard = async (key: keyof typeof card) => {
    if (card[key] === contact[key]) return
    try {
      await api['contacts.update']({
        id: contact.id,
        patch: { [key]: card[key] },
        expectedUpdatedAt: contact.updatedAt,
      })
      props.onCardSaved()
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }
  const cardField = (key: keyof typeof card) => (
    <Textarea
      autosize
      minRows={1}
      label={t(`events.targetList.card.${key}`)}
      value={card[key]}
      onChange={(e) => {
        const value = e.currentTarget.value
        setCard((c) => ({ ...c, [key]: value }))
      }}
      onBlur={() => void saveCard(key)}
    />
  )
  return (
    <Card withBorder data-target={contact.name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group wrap="nowrap">
          <Badge size="lg" circle variant="filled">
            {props.rank}
          </Badge>
          <ContactAvatar src={photo} name={contact.name} radius="xl" />
          <Stack gap={0}>
            <Anchor component={Link} to={`/contacts/${contact.id}`} fw={600}>
              {contact.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {[contact.role, contact.organization].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          {target.mustMeet && <Badge color="red">{t('events.targetList.mustMeet')}</Badge>}
          <Text size="xs" c="dimmed">
            {t('events.targetList.meetings', { count: props.meetings })}
          </Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            disabled={props.rank === 1}
            aria-label={t('events.targetList.up', { name: contact.name })}
            onClick={() => props.onMove(-1)}
          >
            ↑
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            disabled={props.last}
            aria-label={t('events.targetList.down', { name: contact.name })}
            onClick={() => props.onMove(1)}
          >
            ↓
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('events.targetList.remove', { name: contact.name })}
            onClick={props.onRemove}
          >
            ×
          </ActionIcon>
        </Group>
      </Group>
      <Grid gap="sm" mt="sm">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label={t('events.targetList.stage')}
            allowDeselect={false}
            data={STAGES.map((s) => ({ value: s, label: t(`events.stages.${s}`) }))}
            value={target.stage}
            onChange={(value) => value && props.onChange({ stage: value as TargetStage })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          {target.stage === 'paused' && (
            <TextInput
              label={t('events.targetList.pausedReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              onBlur={() =>
                reason !== (target.pausedReason ?? '') && props.onChange({ pausedReason: reason })
              }
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }} pt={30}>
          <Checkbox
            label={t('events.targetList.mustMeet')}
            checked={target.mustMeet}
            onChange={(e) => props.onChange({ mustMeet: e.currentTarget.checked })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>{cardField('whatTheyDo')}</Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>{cardField('challenges')}</Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>{cardField('canOffer')}</Grid.Col>
        <Grid.Col span={12}>
          <Textarea
            autosize
            minRows={1}
            label={t('events.targetList.talkingPoints')}
            value={points}
            onChange={(e) => setPoints(e.currentTarget.value)}
            onBlur={() =>
              points !== target.talkingPoints && props.onChange({ talkingPoints: points })
            }
          />
        </Grid.Col>
      </Grid>
    </Card>
  )
}
