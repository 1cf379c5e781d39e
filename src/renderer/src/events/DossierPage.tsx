import {
  Anchor,
  Button,
  Center,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TextKey } from '../i18n/textKey'
import { Link, useParams } from 'react-router-dom'
import { CHECKLIST } from '../../../shared/events/eventChecklist'
import type { EventContact, EventView } from '../../../shared/events/eventViews'
import { useApi } from '../api/ApiContext'
import { formatDateTime, formatTimeZone } from '../format/formatDate'
import { errorText } from '../api/errorText'
import { QueryError } from '../ui/QueryError'
import { usePhoto } from '../contacts/usePhoto'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { ContactAvatar } from '../contacts/ContactAvatar'

const EARLY_MS = 10 * 60 * 1000

/**
 * Print CSS: only the dossier prints (no navigation, no toolbar), on the paper chosen, with each
 * target kept whole on one page.
 */
const printCss = (paper: 'A4' | 'letter') => `
@page { size: ${paper}; margin: 14mm; }
@media print {
  .mantine-AppShell-navbar, .dossier-toolbar, .mantine-Notifications-root { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; min-height: 0 !important; }
  body { background: white; }
  .dossier-target { break-inside: avoid; }
}
.dossier { max-width: 190mm; color: #111; }
.dossier-target { border-top: 1px solid #ccc; padding: 8px 0; }
`

/** The prep dossier: one printable page to read on the way to the event. */
export function DossierPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const api = useApi()
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.event(id),
    queryFn: () => api['events.get']({ id }),
  })
  const [paper, setPaper] = useState<'A4' | 'letter'>('A4')
  const [saving, setSaving] = useState(false)
  // The desktop app writes the PDF itself (printToPDF); a browser prints, with "Save as PDF".
  const desktop = Boolean(window.rapport)
  // Printing or saving it is the checklist's "dossier" step: tick it for the user.
  const markDone = () =>
    api['events.checklist']({ eventId: id, item: 'before.dossier', done: true }).then(
      () => undefined,
      () => undefined,
    )
  const savePdf = async () => {
    setSaving(true)
    try {
      const { file } = await api['events.saveDossierPdf']({ eventId: id, paper })
      if (file) {
        notifications.show({ color: 'teal', message: t('events.dossier.saved', { file }) })
        void markDone()
      }
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    } finally {
      setSaving(false)
    }
  }
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    )
  return (
    <Stack gap="md">
      <style>{printCss(paper)}</style>
      <Group className="dossier-toolbar" justify="space-between">
        <Anchor component={Link} to={`/events/${id}`} size="sm">
          ← {t('events.dossier.back')}
        </Anchor>
        <Group>
          <SegmentedControl
            aria-label={t('events.dossier.paper')}
            data={[
              { value: 'A4', label: 'A4' },
              { value: 'letter', label: t('events.dossier.letter') },
            ]}
            value={paper}
            onChange={(value) => setPaper(value as typeof paper)}
          />
          {desktop && (
            <Button onClick={() => void savePdf()} loading={saving}>
              {t('events.dossier.savePdf')}
            </Button>
          )}
          <Button
            variant={desktop ? 'default' : 'filled'}
            onClick={() => {
              void markDone()
              window.print()
            }}
          >
            {t('events.dossier.print')}
          </Button>
        </Group>
      </Group>
      <Text className="dossier-toolbar" size="xs" c="dimmed">
        {t(desktop ? 'events.dossier.printHintDesktop' : 'events.dossier.printHint')}
      </Text>
      <Dossier view={data} />
    </Stack>
  )
}

function Dossier({ view }: { view: EventView }) {
  const { t, i18n } = useTranslation()
  const { event } = view
  const at = (iso: string) => formatDateTime(iso, i18n.language, event.timeZone)
  const arrive = new Date(Date.parse(event.startsAt) - EARLY_MS).toISOString()
  return (
    <div className="dossier">
      <Title order={1} size="h2">
        {event.name}
      </Title>
      <Text c="dimmed">{t('events.dossier.subtitle')}</Text>
      <Title order={2} size="h4" mt="md">
        {t('events.dossier.logistics')}
      </Title>
      <Text>
        {at(event.startsAt)}
        {event.endsAt ? ` – ${at(event.endsAt)}` : ''}{' '}
        {formatTimeZone(event.timeZone, i18n.language, event.startsAt)}
      </Text>
      <Text>
        {[event.venue, event.address, event.city].filter(Boolean).join(t('common.listSeparator'))}
      </Text>
      <Text fw={600}>{t('events.dossier.arrive', { time: at(arrive) })}</Text>
      {event.whyItMatters && (
        <Text mt={4}>
          {t('events.dossier.why')}
          {t('common.colon')}
          {event.whyItMatters}
        </Text>
      )}
      <Title order={2} size="h4" mt="md">
        {t('events.dossier.targets', { count: view.targets.length })}
      </Title>
      {view.targets.length === 0 && <Text c="dimmed">{t('events.targetList.empty')}</Text>}
      {view.targets.map((target) => {
        const contact = view.contacts[target.contactId]
        return contact ? (
          <DossierTarget
            key={target.contactId}
            rank={target.rank}
            contact={contact}
            talkingPoints={target.talkingPoints}
            mustMeet={target.mustMeet}
          />
        ) : null
      })}
      <Title order={2} size="h4" mt="md">
        {t('events.dossier.checklist')}
      </Title>
      {(['before', 'during'] as const).map((phase) => (
        <div key={phase}>
          <Text fw={600} mt={4}>
            {t(`events.checklist.${phase}.title`)}
          </Text>
          {CHECKLIST[phase].map((item) => (
            <Text key={item} size="sm">
              {event.checklist.includes(`${phase}.${item}`) ? '☑' : '☐'}{' '}
              {t(`events.checklist.${phase}.${item}` as TextKey)}
            </Text>
          ))}
        </div>
      ))}
    </div>
  )
}

function DossierTarget(props: {
  rank: number
  contact: EventContact
  talkingPoints: string
  mustMeet: boolean
}) {
  const { t } = useTranslation()
  const { contact } = props
  const photo = usePhoto(contact.photo, 'thumb')
  const line = (label: string, text: string) =>
    text.trim() ? (
      <Text size="sm">
        <Text span fw={600}>
          {label}
          {t('common.colon')}
        </Text>
        {text}
      </Text>
    ) : null
  return (
    <div className="dossier-target">
      <Group wrap="nowrap" align="flex-start">
        <ContactAvatar src={photo} name={contact.name} size="lg" radius="sm" />
        <Stack gap={2}>
          <Text fw={700}>
            {props.rank}. {contact.name}
            {props.mustMeet ? ` · ${t('events.targetList.mustMeet')}` : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {[contact.role, contact.organization].filter(Boolean).join(' · ')}
          </Text>
          {line(t('events.targetList.card.whatTheyDo'), contact.whatTheyDo)}
          {line(t('events.targetList.card.challenges'), contact.challenges)}
          {line(t('events.targetList.card.canOffer'), contact.canOffer)}
          {line(t('events.targetList.talkingPoints'), props.talkingPoints)}
        </Stack>
      </Group>
    </div>
  )
}
