import {
  Anchor,
  Badge,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { getHotkeyHandler, useWindowEvent } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { CardView } from '../../../../shared/cardView'
import { RapportError, type ValidationIssue } from '../../../../shared/errors'
import { useApi } from '../../api/ApiContext'
import { DeleteWithUndo } from '../../components/DeleteWithUndo'
import { errorText } from '../../components/errorText'
import { QueryError } from '../../components/QueryError'
import { photoUpload } from '../../hooks/usePhoto'
import { useQuery } from '../../hooks/useQuery'
import { changedFields, draftFromContact, type CardDraft } from './cardDraft'
import { CardForm } from './CardForm'
import {
  CommunitiesPanel,
  CompletenessPanel,
  GiveAskPanel,
  RelationshipsPanel,
  TimelinePanel,
  TrustPanel,
} from './CardPanels'
import { EncounterPanel } from './EncounterPanel'
import { PhotoPicker } from './PhotoPicker'

const DEFAULT_CADENCE = { life: 14, close: 7, good: 30, outside: null } as const

function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof RapportError) || error.code !== 'VALIDATION') return {}
  const issues = (error.details as { issues?: ValidationIssue[] } | undefined)?.issues ?? []
  const result: Record<string, string> = {}
  for (const issue of issues) {
    const field = issue.path.replace(/^patch\./, '').split('.')[0]
    if (field && !result[field]) result[field] = issue.message
  }
  return result
}

export function ContactCardPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const api = useApi()
  const { data, error, reload } = useQuery(() => api['contacts.card']({ id }), `card:${id}`)
  if (error) {
    const missing = error instanceof RapportError && error.code === 'NOT_FOUND'
    return missing ? (
      <Stack>
        <Text>{t('card.notFound')}</Text>
        <Anchor component={Link} to="/contacts">
          ← {t('card.back')}
        </Anchor>
      </Stack>
    ) : (
      <QueryError error={error} onRetry={reload} />
    )
  }
  if (!data || data.contact.id !== id)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    )
  return (
    <CardEditor key={`${data.contact.id}:${data.contact.updatedAt}`} view={data} reload={reload} />
  )
}

function CardEditor({ view, reload }: { view: CardView; reload: () => Promise<void> }) {
  const { t } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  const { contact } = view
  const [draft, setDraft] = useState<CardDraft>(() => draftFromContact(contact))
  const [saving, setSaving] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const patch = changedFields(contact, draft)
  const dirty = Object.keys(patch).length > 0

  const showError = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })

  const save = async () => {
    if (!dirty || saving) return
    setSaving(true)
    setErrors({})
    try {
      await api['contacts.update']({ id: contact.id, patch, expectedUpdatedAt: contact.updatedAt })
      notifications.show({ color: 'teal', message: t('card.saved') })
      await reload()
    } catch (caught) {
      setErrors(fieldErrorsOf(caught))
      showError(caught)
    } finally {
      setSaving(false)
    }
  }

  const setPhoto = async (file: Blob) => {
    try {
      const { ref } = await api['photos.save'](await photoUpload(file))
      await api['contacts.update']({ id: contact.id, patch: { photo: ref } })
      notifications.show({ color: 'teal', message: t('card.photoSaved') })
      await reload()
    } catch (caught) {
      showError(caught)
    }
  }

  useWindowEvent('paste', (event) => {
    const file = [...(event.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'))
    if (file) void setPhoto(file)
  })

  const toggleArchive = async () => {
    try {
      await api['contacts.update']({ id: contact.id, patch: { archived: !contact.archived } })
      await reload()
    } catch (caught) {
      showError(caught)
    }
  }

  return (
    <Stack onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}>
      <Anchor component={Link} to="/contacts" size="sm">
        ← {t('card.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group align="flex-start" wrap="nowrap">
          <PhotoPicker
            name={contact.name}
            photo={contact.photo}
            onFile={(file) => void setPhoto(file)}
          />
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={1} size="h2">
                {contact.name}
              </Title>
              <Badge variant="light">{t(`contacts.tier.${contact.tier}`)}</Badge>
              {contact.archived && <Badge color="gray">{t('card.archived')}</Badge>}
            </Group>
            <Text c="dimmed">
              {[contact.organization, contact.role].filter(Boolean).join(' · ')}
            </Text>
            <div style={{ width: 320 }}>
              <CompletenessPanel view={view} />
            </div>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            title={t('card.archiveHint')}
            onClick={() => void toggleArchive()}
          >
            {contact.archived ? t('card.unarchive') : t('card.archive')}
          </Button>
          <DeleteWithUndo
            label={t('common.delete')}
            name={contact.name}
            confirmTitle={t('contacts.confirmDeleteTitle', { name: contact.name })}
            consequence={t('contacts.confirmDeleteBody')}
            deletedMessage={t('contacts.deleted', { name: contact.name })}
            remove={() => api['contacts.delete']({ id: contact.id })}
            restore={(removed) => api['contacts.restore'](removed)}
            leaveTo={() => navigate('/contacts')}
            backTo={() => navigate(`/contacts/${contact.id}`)}
          />
        </Group>
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <CardForm
            contactId={contact.id}
            draft={draft}
            names={view.names}
            defaultCadence={DEFAULT_CADENCE[draft.tier]}
            errors={errors}
            onChange={setDraft}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <EncounterPanel contactId={contact.id} onLogged={() => void reload()} />
            <TrustPanel view={view} />
            <GiveAskPanel view={view} onChanged={() => void reload()} />
            <RelationshipsPanel view={view} onChanged={() => void reload()} />
            <CommunitiesPanel contactId={contact.id} />
            <TimelinePanel
              view={view}
              card={draft}
              onUse={(patch) => setDraft({ ...draft, ...patch })}
            />
          </Stack>
        </Grid.Col>
      </Grid>

      {dirty && (
        <Group
          justify="flex-end"
          p="sm"
          style={{
            position: 'sticky',
            bottom: 0,
            background: 'var(--mantine-color-body)',
            borderTop: '1px solid var(--mantine-color-gray-3)',
            zIndex: 5,
          }}
        >
          <Text size="sm" c="dimmed" mr="auto">
            {t('card.unsaved')} · {t('contacts.shortcutHint')}
          </Text>
          <Button variant="default" onClick={() => setDraft(draftFromContact(contact))}>
            {t('card.discard')}
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            {t('card.save')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
