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
import type { TFunction } from 'i18next'
import type { TextKey } from '../../i18n/textKey'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { CardView } from '../../../../shared/contacts/cardView'
import type { InputOf } from '../../../../shared/contract'
import { valueAt, type EditConflict } from '../../../../shared/store/versionedEdit'
import type { Contact } from '../../../../shared/model'
import { RapportError, type ValidationIssue } from '../../../../shared/errors'
import { useApi } from '../../api/ApiContext'
import { DeleteWithUndo } from '../../ui/DeleteWithUndo'
import { errorText } from '../../api/errorText'
import { issueText } from '../../forms/issueText'
import { ConflictNotice } from '../../edits/ConflictNotice'
import { editConflictOf, rebaseOnConflict, type ConflictChoice } from '../../edits/editConflict'
import { UnsavedChangesPrompt } from '../../edits/UnsavedChangesPrompt'
import { QueryError } from '../../ui/QueryError'
import { photoUpload } from '../usePhoto'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../../api/queryKeys'
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
import { PlanFollowUpPanel } from './PlanFollowUpPanel'
import { PhotoPicker } from './PhotoPicker'
import { ScanCardButton } from '../../cards/ScanCardButton'
import { applyOffers, cardOffers, type CardOffer } from './cardScanOffer'
import { CardOffersDialog } from './CardOffersDialog'

const DEFAULT_CADENCE = { life: 14, close: 7, good: 30, outside: null } as const

/** The core's VALIDATION issues by field, in the user's language. */
function fieldErrorsOf(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof RapportError) || error.code !== 'VALIDATION') return {}
  const issues = (error.details as { issues?: ValidationIssue[] } | undefined)?.issues ?? []
  const result: Record<string, string> = {}
  for (const issue of issues) {
    const field = issue.path.replace(/^patch\./, '').split('.')[0]
    if (field && !result[field]) result[field] = issueText(t, issue)
  }
  return result
}

export function ContactCardPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const api = useApi()
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.card(id),
    queryFn: () => api['contacts.card']({ id }),
  })
  const reload = () => void refetch()
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
  // Keyed by the contact only: archiving, a new photo or a logged conversation brings a newer
  // card, and the editor keeps what the user is typing across it.
  return <CardEditor key={data.contact.id} view={data} reload={reload} />
}

function CardEditor({ view, reload }: { view: CardView; reload: () => void }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  const { contact } = view
  // The card as it was when the typing started: what the draft is compared with and what a
  // save says it started from.
  const [started, setStarted] = useState(contact)
  const [draft, setDraft] = useState<CardDraft>(() => draftFromContact(contact))
  const [conflict, setConflict] = useState<EditConflict | null>(null)
  const [saving, setSaving] = useState(false)
  const [errors, setErrors] = useState<Record<string, string>>({})
  // A scanned card's fields, offered to take into the form.
  const [offers, setOffers] = useState<CardOffer[] | null>(null)
  const patch = changedFields(started, draft)
  const dirty = Object.keys(patch).length > 0
  // A newer card (after archive, a photo, a conversation) replaces the form only when nothing
  // is typed; otherwise the draft stays and the save checks it against the newer card.
  const [seen, setSeen] = useState(contact)
  if (seen !== contact) {
    setSeen(contact)
    if (!dirty) {
      setStarted(contact)
      setDraft(draftFromContact(contact))
    }
  }

  const showError = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })

  const saveFrom = async (from: Contact, next: CardDraft) => {
    const changes = changedFields(from, next)
    if (Object.keys(changes).length === 0 || saving) return
    setSaving(true)
    setErrors({})
    try {
      const saved = await api['contacts.update']({
        id: from.id,
        patch: changes,
        expectedUpdatedAt: from.updatedAt,
        base: Object.fromEntries(
          Object.keys(changes).map((key) => [key, valueAt(from, key) ?? null]),
        ) as InputOf<'contacts.update'>['base'],
      })
      setConflict(null)
      // The saved card holds every change just sent, and what changed elsewhere meanwhile
      // (an archive, a photo): the form now shows exactly it.
      setStarted(saved)
      setDraft(draftFromContact(saved))
      notifications.show({ color: 'teal', message: t('card.saved') })
    } catch (caught) {
      const refused = editConflictOf(caught)
      if (refused) {
        setConflict(refused)
      } else {
        setErrors(fieldErrorsOf(t, caught))
        showError(caught)
      }
    } finally {
      setSaving(false)
    }
  }
  const save = () => saveFrom(started, draft)
  const resolve = (choices: Record<string, ConflictChoice>) => {
    if (!conflict) return
    const next = rebaseOnConflict(started, draft, conflict, choices, draftFromContact)
    setStarted(next.started)
    setDraft(next.draft)
    setConflict(null)
    void saveFrom(next.started, next.draft)
  }

  const setPhoto = async (file: Blob) => {
    try {
      const { ref } = await api['photos.save'](await photoUpload(file))
      await api['contacts.update']({ id: contact.id, patch: { photo: ref } })
      notifications.show({ color: 'teal', message: t('card.photoSaved') })
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
          <ScanCardButton
            size="sm"
            onRead={({ scan }) => setOffers(cardOffers(draft, scan.fields))}
          />
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
            restore={({ undoToken }) => api['contacts.restore']({ undoToken })}
            leaveTo={() => navigate('/contacts')}
            backTo={() => navigate(`/contacts/${contact.id}`)}
          />
        </Group>
      </Group>

      <UnsavedChangesPrompt dirty={dirty} />
      {offers && (
        <CardOffersDialog
          offers={offers}
          onClose={() => setOffers(null)}
          onApply={(chosen) => {
            // Into the form, not saved: the usual save (with its conflict check) keeps it.
            setDraft((current) => applyOffers(current, offers, chosen))
            setOffers(null)
            notifications.show({ color: 'teal', message: t('scanCards.offer.added') })
          }}
        />
      )}
      {conflict && (
        <ConflictNotice
          key={conflict.updatedAt}
          conflict={conflict}
          mine={draft}
          labels={Object.fromEntries(
            conflict.fields.map((field) => [
              field,
              i18n.exists(`card.fields.${field}`) ? t(`card.fields.${field}` as TextKey) : field,
            ]),
          )}
          names={view.names}
          busy={saving}
          onResolve={resolve}
        />
      )}
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
            <EncounterPanel contactId={contact.id} onLogged={reload} />
            <PlanFollowUpPanel contactId={contact.id} onPlanned={reload} />
            <TrustPanel view={view} />
            <GiveAskPanel view={view} onChanged={reload} />
            <RelationshipsPanel view={view} onChanged={reload} />
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
          <Button
            variant="default"
            onClick={() => {
              setStarted(contact)
              setDraft(draftFromContact(contact))
              setConflict(null)
            }}
          >
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
