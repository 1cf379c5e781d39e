import {
  Button,
  Card,
  Checkbox,
  FileButton,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { getHotkeyHandler, useDebouncedValue } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router-dom'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { formatDateTime } from '../format/formatDate'
import { PageHeader } from '../ui/PageHeader'
import { photoUpload } from '../contacts/usePhoto'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { rankCaptureSuggestions, type CaptureSuggestion } from './captureSuggestions'
import { linksOfCard, type CardFields } from '../../../shared/cards/cardFields'
import { ScanCardButton, type ReadCard } from '../cards/ScanCardButton'

const QUESTIONS = ['howCanIHelp', 'theirAdvice', 'whomShouldTheyMeet', 'whomShouldIMeet'] as const
const EMPTY = {
  name: '',
  organization: '',
  reach: '',
  assistant: '',
  howCanIHelp: '',
  theirAdvice: '',
  whomShouldTheyMeet: '',
  whomShouldIMeet: '',
  seed: '',
}

/**
 * Contacts and people on the current event's list matching what is typed in "who", the
 * event's people first (see rankCaptureSuggestions).
 */
function usePeopleLike(text: string, eventId: string | null) {
  const api = useApi()
  const [debounced] = useDebouncedValue(text, 120)
  const [found, setFound] = useState<CaptureSuggestion[]>([])
  useEffect(() => {
    let cancelled = false
    if (!debounced.trim()) return
    Promise.all([
      // More than are shown, so the event's people are not cut off by the search's own order.
      api['contacts.search']({ text: debounced, limit: 40 }),
      eventId ? api['events.get']({ id: eventId }) : Promise.resolve(undefined),
    ]).then(
      ([result, view]) =>
        !cancelled &&
        setFound(
          rankCaptureSuggestions(
            debounced,
            result.items,
            view && {
              people: view.people,
              targetContactIds: view.targets.map((target) => target.contactId),
            },
          ),
        ),
      () => undefined,
    )
    return () => {
      cancelled = true
    }
  }, [api, debounced, eventId])
  // Nothing typed: nothing offered (the last results are kept for when typing resumes).
  return text.trim() ? found : []
}

/**
 * Capture in the room, in thirty seconds from the keyboard: who (someone in my contacts or a new
 * name), the four questions, the seed, how to reach them, their assistant, card and photo. Names
 * under "whom should I / you meet" become mentions for the event's core-person radar.
 */
export function CapturePage() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [search] = useSearchParams()
  const [form, setForm] = useState(EMPTY)
  const [contactId, setContactId] = useState<string | null>(null)
  const [eventId, setEventId] = useState<string | null>(search.get('event'))
  const [deep, setDeep] = useState(false)
  const [cardReceived, setCardReceived] = useState(false)
  const [photo, setPhoto] = useState<{ ref: string; name: string }>()
  // What a scanned card said beyond name and organisation; goes with a new person.
  const [fromCard, setFromCard] = useState<CardFields | null>(null)
  const [cardIsContact, setCardIsContact] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // A new key remounts the name field, which autofocuses it for the next person.
  const [round, setRound] = useState(0)
  const events = useQuery({ queryKey: queryKeys.eventList(), queryFn: () => api['events.list']() })
  const people = usePeopleLike(contactId ? '' : form.name, eventId)
  const set =
    (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const value = e.currentTarget.value
      setForm((f) => ({ ...f, [key]: value }))
    }

  const attachPhoto = async (file: File | null) => {
    if (!file) return
    try {
      const { ref } = await api['photos.save'](await photoUpload(file))
      setPhoto({ ref, name: file.name })
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }

  const takeCard = ({ scan, file }: ReadCard) => {
    const { fields, duplicates } = scan
    setCardReceived(true)
    void attachPhoto(file)
    // The same email, phone or profile is someone already known: the talk goes on their card.
    const known = duplicates.find((d) =>
      d.reasons.some((r) => r === 'email' || r === 'phone' || r === 'linkedin'),
    )
    if (known) {
      setContactId(known.id)
      setFromCard(null)
      setCardIsContact(known.name)
      setForm((f) => ({
        ...f,
        name: known.organization ? `${known.name} · ${known.organization}` : known.name,
      }))
      return
    }
    setContactId(null)
    setCardIsContact(null)
    setFromCard(fields)
    setForm((f) => ({
      ...f,
      name: fields.name || f.name,
      organization: fields.organization || f.organization,
    }))
  }

  const cardDetails = fromCard
    ? [
        fromCard.title,
        ...fromCard.phones,
        ...fromCard.emails,
        ...linksOfCard(fromCard).map((l) => l.value),
      ].filter(Boolean)
    : []

  const save = async () => {
    if (!form.name.trim() || busy) return
    setBusy(true)
    try {
      const { contact, followUps } = await api['events.capture']({
        ...(contactId
          ? { contactId }
          : {
              newContact: {
                name: form.name,
                organization: form.organization,
                ...(fromCard ? newContactFromCard(fromCard, form.name) : {}),
              },
            }),
        ...(eventId ? { eventId } : {}),
        howCanIHelp: form.howCanIHelp,
        theirAdvice: form.theirAdvice,
        whomShouldTheyMeet: form.whomShouldTheyMeet,
        whomShouldIMeet: form.whomShouldIMeet,
        seed: form.seed,
        bestWayToReach: form.reach,
        assistantName: form.assistant,
        cardReceived,
        deep,
        ...(photo ? { photo: photo.ref } : {}),
      })
      const due = followUps.find((f) => f.reason === 'afterMeeting')?.dueAt
      notifications.show({
        color: 'teal',
        message: t('capture.saved', {
          name: contact.name,
          when: due ? formatDateTime(due, i18n.language) : '',
        }),
      })
      setForm(EMPTY)
      setContactId(null)
      setDeep(false)
      setCardReceived(false)
      setPhoto(undefined)
      setFromCard(null)
      setCardIsContact(null)
      setRound((r) => r + 1)
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack maw={720} onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}>
      <PageHeader title={t('capture.title')} subtitle={t('capture.subtitle')} />
      <Card withBorder>
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <Stack gap={4}>
              <TextInput
                key={round}
                label={t('capture.who')}
                placeholder={t('events.capture.whoHint')}
                description={contactId ? t('events.capture.existing') : undefined}
                required
                data-autofocus
                autoFocus
                value={form.name}
                onChange={(e) => {
                  const value = e.currentTarget.value
                  setForm((f) => ({ ...f, name: value }))
                  setContactId(null)
                  setCardIsContact(null)
                }}
              />
              {people.length > 0 && (
                <Group gap={4} aria-label={t('events.capture.suggestions')}>
                  {people.map((p) => {
                    const label = p.organization ? `${p.name} · ${p.organization}` : p.name
                    return (
                      <Button
                        key={p.key}
                        size="compact-xs"
                        variant="light"
                        onClick={() => {
                          setContactId(p.contactId)
                          setFromCard(null)
                          setCardIsContact(null)
                          // Someone on the list becomes a contact at save, linked to the list.
                          setForm((f) =>
                            p.contactId
                              ? { ...f, name: label }
                              : { ...f, name: p.name, organization: p.organization },
                          )
                        }}
                      >
                        {label}
                      </Button>
                    )
                  })}
                </Group>
              )}
            </Stack>
            <TextInput
              label={t('capture.organization')}
              disabled={!!contactId}
              value={form.organization}
              onChange={set('organization')}
            />
            <TextInput label={t('capture.reach')} value={form.reach} onChange={set('reach')} />
            <Select
              label={t('encounter.event')}
              clearable
              data={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
              value={eventId}
              onChange={setEventId}
            />
          </SimpleGrid>
          {cardIsContact && (
            <Text size="sm" c="dimmed" data-testid="capture-card">
              {t('capture.cardIsContact', { name: cardIsContact })}
            </Text>
          )}
          {cardDetails.length > 0 && !contactId && (
            <Text size="sm" c="dimmed" data-testid="capture-card">
              {t('capture.fromCard', { details: cardDetails.join(t('common.listSeparator')) })}
            </Text>
          )}
          {QUESTIONS.map((q) => (
            <Textarea
              key={q}
              autosize
              minRows={1}
              label={t(`encounter.${q}`)}
              description={
                q === 'whomShouldIMeet' || q === 'whomShouldTheyMeet'
                  ? t('events.capture.namesHint')
                  : undefined
              }
              value={form[q]}
              onChange={set(q)}
            />
          ))}
          <Textarea
            autosize
            minRows={1}
            label={t('encounter.seed')}
            value={form.seed}
            onChange={set('seed')}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label={t('events.capture.assistant')}
              value={form.assistant}
              onChange={set('assistant')}
            />
            <Group gap="sm" pt={24}>
              <ScanCardButton onRead={takeCard} />
              <FileButton accept="image/*" onChange={(file) => void attachPhoto(file)}>
                {(props) => (
                  <Button variant="default" size="xs" {...props}>
                    {photo ? t('events.capture.photoAdded') : t('events.capture.photo')}
                  </Button>
                )}
              </FileButton>
              {photo && (
                <Text size="xs" c="dimmed">
                  {photo.name}
                </Text>
              )}
            </Group>
          </SimpleGrid>
          <Group>
            <Checkbox
              label={t('events.capture.cardReceived')}
              checked={cardReceived}
              onChange={(e) => setCardReceived(e.currentTarget.checked)}
            />
            <Checkbox
              label={t('encounter.deep')}
              checked={deep}
              onChange={(e) => setDeep(e.currentTarget.checked)}
            />
          </Group>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('events.capture.keys')}
            </Text>
            <Button onClick={() => void save()} loading={busy} disabled={!form.name.trim()}>
              {t('capture.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  )
}

/** What a scanned card adds to a new person; its name's parts only while the name is the card's. */
function newContactFromCard(card: CardFields, name: string) {
  const sameName = card.name.trim() === name.trim()
  return {
    ...(sameName && card.familyName ? { familyName: card.familyName } : {}),
    ...(sameName && card.givenName ? { givenName: card.givenName } : {}),
    ...(card.title ? { role: card.title } : {}),
    phones: card.phones.map((value) => ({ label: '', value })),
    emails: card.emails.map((value) => ({ label: 'work', value })),
    links: linksOfCard(card),
  }
}
