import {
  Anchor,
  Badge,
  Button,
  Group,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Timeline,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TextKey } from '../../i18n/textKey'
import { Link } from 'react-router-dom'
import type { CardView } from '../../../../shared/contacts/cardView'
import { relationshipKindSchema, type Help, type RelationshipKind } from '../../../../shared/model'
import { useApi } from '../../api/ApiContext'
import { useFollowUpTitle } from '../../followUps/useFollowUpTitle'
import { ConversationAnswers } from '../../capture/ConversationAnswers'
import { Panel } from '../../ui/Panel'
import { ContactPicker } from '../ContactPicker'
import { formatDate, formatDateTime } from '../../format/formatDate'
import { errorText } from '../../api/errorText'
import { notifications } from '@mantine/notifications'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../../api/queryKeys'
import { CardTargetStates } from '../../events/CardTargetStates'

export function CompletenessPanel({ view }: { view: CardView }) {
  const { t } = useTranslation()
  const percent = Math.round(view.completeness.score * 100)
  return (
    <Stack gap={4} data-testid="completeness">
      <Text size="sm" fw={600}>
        {t('card.completeness', { percent })}
      </Text>
      <Progress
        value={percent}
        color={percent >= 80 ? 'teal' : percent >= 50 ? 'yellow' : 'red'}
        aria-label={t('card.completeness', { percent })}
      />
      {view.completeness.missing.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('card.missing', {
            fields: view.completeness.missing
              .map((m) => t(`card.missingField.${m}` as TextKey))
              .join(t('common.listSeparator')),
          })}
        </Text>
      )}
    </Stack>
  )
}

export function TrustPanel({ view }: { view: CardView }) {
  const { t, i18n } = useTranslation()
  const { trust } = view
  return (
    <Panel
      title={t('card.trust')}
      extra={<Badge variant="light">{t(`card.trustLevel.${trust.level}`)}</Badge>}
    >
      <Stack gap={6}>
        <Text size="sm">
          {t('card.trustLength')}
          {t('common.colon')}
          {trust.lengthDays === null
            ? t('card.trustUnknown')
            : t('card.trustLengthValue', { count: trust.lengthDays })}
        </Text>
        <Text size="sm">
          {t('card.trustFrequency')}
          {t('common.colon')}
          {t('card.trustFrequencyValue', {
            count: trust.interactions,
            perMonth: trust.perMonth.toFixed(1),
          })}
        </Text>
        <Text size="sm">
          {t('card.trustDepth')}
          {t('common.colon')}
          {trust.deep}
        </Text>
        <Text size="sm" c={view.overdue ? 'red' : undefined} mt="xs">
          {view.lastContactAt
            ? t('card.lastContact', { when: formatDate(view.lastContactAt, i18n.language) })
            : t('card.neverContacted')}
        </Text>
        {view.cadenceDays !== null && (
          <Text size="sm" c={view.overdue ? 'red' : 'dimmed'}>
            {view.overdue
              ? t('card.overdue', { days: view.cadenceDays })
              : t('card.onTrack', { days: view.cadenceDays })}
          </Text>
        )}
      </Stack>
    </Panel>
  )
}

export function GiveAskPanel({ view, onChanged }: { view: CardView; onChanged: () => void }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [direction, setDirection] = useState<'given' | 'asked'>('given')
  const [what, setWhat] = useState('')
  const add = async () => {
    if (!what.trim()) return
    await api['helps.create']({ contactId: view.contact.id, direction, what: what.trim() })
    setWhat('')
    onChanged()
  }
  const showError = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
  // Removing is one click; the toast's undo records the same help again, on its own date.
  const remove = async (help: Help) => {
    try {
      await api['helps.delete']({ id: help.id })
      onChanged()
      const note = `help-removed-${help.id}`
      notifications.show({
        id: note,
        autoClose: 8000,
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('card.helpRemoved', { what: help.what })}</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => {
                notifications.hide(note)
                void api['helps.create']({
                  contactId: help.contactId,
                  direction: help.direction,
                  what: help.what,
                  at: help.at,
                  ...(help.careKind ? { careKind: help.careKind } : {}),
                }).then(onChanged, showError)
              }}
            >
              {t('common.undo')}
            </Button>
          </Group>
        ),
      })
    } catch (caught) {
      showError(caught)
    }
  }
  return (
    <Panel title={t('card.giveAsk')}>
      <Text size="sm" fw={600}>
        {t('card.giveAskBalance', view.giveAsk)}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('card.giveAskHint')}
      </Text>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <SegmentedControl
          size="xs"
          value={direction}
          onChange={(value) => setDirection(value as 'given' | 'asked')}
          data={[
            { value: 'given', label: t('card.helpGiven') },
            { value: 'asked', label: t('card.helpAsked') },
          ]}
        />
        <TextInput
          size="xs"
          aria-label={t('card.helpWhat')}
          placeholder={t('card.helpWhat')}
          value={what}
          onChange={(e) => setWhat(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && void add()}
          style={{ flex: 1 }}
        />
        <Button size="xs" variant="light" onClick={() => void add()} disabled={!what.trim()}>
          {t('card.helpAdd')}
        </Button>
      </Group>
      <Stack gap={4} mt="xs">
        {view.helps.map((help) => (
          <Group key={help.id} gap="xs" justify="space-between" wrap="nowrap">
            <Text size="xs">
              {formatDate(help.at, i18n.language)} ·{' '}
              {help.direction === 'given' ? t('card.helpGiven') : t('card.helpAsked')}
              {t('common.colon')}
              {help.what}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              aria-label={t('card.helpRemove', { what: help.what })}
              onClick={() => void remove(help)}
            >
              {t('card.fields.remove')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Panel>
  )
}

export function RelationshipsPanel({ view, onChanged }: { view: CardView; onChanged: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [otherId, setOtherId] = useState<string | null>(null)
  const [kind, setKind] = useState<RelationshipKind>('knows')
  const add = async () => {
    if (!otherId) return
    await api['relationships.create']({ fromId: view.contact.id, toId: otherId, kind })
    setOtherId(null)
    onChanged()
  }
  return (
    <Panel title={t('card.relationships')}>
      <Stack gap={4} mb="sm">
        {view.relationships.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('card.noRelationships')}
          </Text>
        )}
        {view.relationships.map((r) => (
          <Group key={r.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {view.contact.name}{' '}
              {r.direction === 'out'
                ? t(`card.relationshipKind.${r.kind}`)
                : t(`card.relationshipIn.${r.kind}`)}{' '}
              <b>{r.otherName}</b>
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => void api['relationships.delete']({ id: r.id }).then(onChanged)}
            >
              {t('card.fields.remove')}
            </Button>
          </Group>
        ))}
      </Stack>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          size="xs"
          w={150}
          aria-label={t('card.relationshipAdd')}
          data={relationshipKindSchema.options.map((value) => ({
            value,
            label: t(`card.relationshipKind.${value}`),
          }))}
          value={kind}
          onChange={(value) => value && setKind(value as RelationshipKind)}
          allowDeselect={false}
        />
        <div style={{ flex: 1 }}>
          <ContactPicker
            label={t('card.relationshipOther')}
            value={otherId}
            names={view.names}
            excludeId={view.contact.id}
            onChange={setOtherId}
          />
        </div>
        <Button size="xs" variant="light" disabled={!otherId} onClick={() => void add()}>
          {t('card.fields.add')}
        </Button>
      </Group>
    </Panel>
  )
}

export function TimelinePanel({
  view,
  card,
  onUse,
}: {
  view: CardView
  /** The card as being edited, so a conversation's advice or seed can be offered to it. */
  card?: { theirAdvice: string; seed: string }
  onUse?: (patch: { theirAdvice: string } | { seed: string }) => void
}) {
  const { t, i18n } = useTranslation()
  const titleOf = useFollowUpTitle()
  return (
    <Panel title={t('card.timeline')}>
      <CardTargetStates contactId={view.contact.id} />
      {view.timeline.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('card.timelineEmpty')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2}>
          {view.timeline.map((item) => (
            <Timeline.Item
              key={`${item.kind}-${item.id}`}
              title={t(`card.timelineKind.${item.kind}`)}
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(item.at, i18n.language)}
              </Text>
              {item.title && <Text size="sm">{titleOf(item)}</Text>}
              {item.detail && (
                <Text size="xs" c="dimmed">
                  {item.detail}
                </Text>
              )}
              {item.answers && (
                <ConversationAnswers
                  answers={item.answers}
                  {...(card ? { card } : {})}
                  {...(onUse ? { onUse } : {})}
                />
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Panel>
  )
}

/** The communities this contact belongs to, with their role there; each links to its page. */
export function CommunitiesPanel({ contactId }: { contactId: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const { data } = useQuery({
    queryKey: queryKeys.communityList(),
    queryFn: () => api['communities.list'](),
  })
  const mine = (data ?? []).filter((c) => c.members.some((m) => m.contactId === contactId))
  return (
    <Panel title={t('communities.onCard.title')}>
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('communities.onCard.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {mine.map((c) => {
            const role = c.members.find((m) => m.contactId === contactId)?.role ?? 'member'
            return (
              <Group key={c.id} justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/communities/${c.id}`} size="sm">
                  {c.name}
                </Anchor>
                <Badge size="sm" variant="light">
                  {t(`communities.memberRole.${role}`)}
                </Badge>
              </Group>
            )
          })}
        </Stack>
      )}
    </Panel>
  )
}
