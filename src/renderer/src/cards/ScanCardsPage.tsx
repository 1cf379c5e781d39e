import {
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  Image,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CardFields } from '../../../shared/cards/cardFields'
import type { CardDuplicate } from '../../../shared/cards/cardOperations'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { PageHeader } from '../ui/PageHeader'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { TakePhotoButton } from './TakePhoto'
import { blobToBase64 } from '../contacts/usePhoto'

const MAX_BYTES = 10 * 1024 * 1024

/** The preview's fields as typed: lists one per line. */
interface Draft {
  name: string
  title: string
  organization: string
  phones: string
  emails: string
  website: string
  linkedin: string
  wechat: string
  address: string
}

interface ScannedCard {
  key: string
  fileName: string
  url: string
  data: string
  status: 'waiting' | 'reading' | 'read' | 'failed' | 'saving'
  error?: string
  ms?: number
  draft: Draft
  familyName?: string
  givenName?: string
  duplicates: CardDuplicate[]
  /** '' creates a new contact; otherwise the id of the contact to merge into. */
  mergeIntoId: string
}

const emptyDraft: Draft = {
  name: '',
  title: '',
  organization: '',
  phones: '',
  emails: '',
  website: '',
  linkedin: '',
  wechat: '',
  address: '',
}

function draftOf(fields: CardFields): Draft {
  return {
    name: fields.name,
    title: fields.title,
    organization: fields.organization,
    phones: fields.phones.join('\n'),
    emails: fields.emails.join('\n'),
    website: fields.website ?? '',
    linkedin: fields.linkedin ?? '',
    wechat: fields.wechat ?? '',
    address: fields.address ?? '',
  }
}

function fieldsOf(card: ScannedCard): CardFields {
  const lines = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
  const { draft } = card
  const optional = (key: 'website' | 'linkedin' | 'wechat' | 'address') =>
    draft[key].trim() ? { [key]: draft[key].trim() } : {}
  // A name the user changed no longer splits as OCR read it.
  const sameName = card.familyName !== undefined && draft.name.startsWith(card.familyName)
  return {
    name: draft.name.trim(),
    title: draft.title.trim(),
    organization: draft.organization.trim(),
    phones: lines(draft.phones),
    emails: lines(draft.emails),
    ...optional('website'),
    ...optional('linkedin'),
    ...optional('wechat'),
    ...optional('address'),
    ...(sameName && card.familyName ? { familyName: card.familyName } : {}),
    ...(sameName && card.givenName ? { givenName: card.givenName } : {}),
  }
}

/**
 * A stack of business cards photographed after an event: each is read by the core (OCR on this
 * computer, off the interface's thread), one after another, and shown beside its fields to
 * correct; duplicates are flagged by the import's rules; saving creates or merges the contact and
 * records the card received (at the chosen event, with its 24-hour follow-up).
 */
export function ScanCardsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const events = useQuery({ queryKey: queryKeys.eventList(), queryFn: () => api['events.list']() })
  const [eventId, setEventId] = useState<string | null>(null)
  const [cards, setCards] = useState<ScannedCard[]>([])
  const reading = useRef(false)
  const urls = useRef<string[]>([])
  // Cleared after each pick, so choosing the same photo again still adds it.
  const resetPick = useRef<() => void>(null)

  const update = useCallback((key: string, change: Partial<ScannedCard>) => {
    setCards((all) => all.map((c) => (c.key === key ? { ...c, ...change } : c)))
  }, [])

  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), [])

  // Reads the waiting cards one at a time; the page stays usable while the core works.
  useEffect(() => {
    const next = cards.find((c) => c.status === 'waiting')
    if (!next || reading.current) return
    reading.current = true
    update(next.key, { status: 'reading' })
    api['cards.scan']({ image: next.data })
      .then((scan) => {
        const best = scan.duplicates[0]
        update(next.key, {
          status: 'read',
          ms: scan.ms,
          draft: draftOf(scan.fields),
          ...(scan.fields.familyName ? { familyName: scan.fields.familyName } : {}),
          ...(scan.fields.givenName ? { givenName: scan.fields.givenName } : {}),
          duplicates: scan.duplicates,
          // The same email, phone or profile is the same person: merge unless told otherwise.
          mergeIntoId:
            best && best.reasons.some((r) => r === 'email' || r === 'phone' || r === 'linkedin')
              ? best.id
              : '',
        })
      })
      .catch((caught: unknown) =>
        update(next.key, { status: 'failed', error: errorText(t, caught) }),
      )
      .finally(() => {
        reading.current = false
        // Wakes this effect for the next waiting card.
        setCards((all) => [...all])
      })
  }, [api, cards, t, update])

  const addFiles = useCallback(
    async (files: File[]) => {
      const added: ScannedCard[] = []
      for (const file of files) {
        if (!file.type.startsWith('image/')) continue
        if (file.size > MAX_BYTES) {
          notifications.show({
            color: 'red',
            message: t('scanCards.tooLarge', { name: file.name }),
          })
          continue
        }
        const url = URL.createObjectURL(file)
        urls.current.push(url)
        added.push({
          key: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
          fileName: file.name || 'image',
          url,
          data: await blobToBase64(file),
          status: 'waiting',
          draft: emptyDraft,
          duplicates: [],
          mergeIntoId: '',
        })
      }
      if (added.length > 0) setCards((all) => [...all, ...added])
    },
    [t],
  )

  // A pasted image (a screenshot, a photo copied from the phone) joins the stack.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = [...(event.clipboardData?.files ?? [])]
      if (files.length > 0) void addFiles(files)
    }
    window.addEventListener('paste', onPaste)
    return () => window.removeEventListener('paste', onPaste)
  }, [addFiles])

  const save = async (card: ScannedCard): Promise<void> => {
    const fields = fieldsOf(card)
    if (!fields.name) {
      notifications.show({ color: 'red', message: t('scanCards.needName') })
      return
    }
    update(card.key, { status: 'saving' })
    try {
      const saved = await api['cards.save']({
        fields,
        image: card.data,
        ...(card.mergeIntoId ? { mergeIntoId: card.mergeIntoId } : {}),
        ...(eventId ? { eventId } : {}),
      })
      notifications.show({
        color: 'green',
        message: t(saved.merged ? 'scanCards.savedMerged' : 'scanCards.saved', {
          name: saved.contact.name,
        }),
      })
      setCards((all) => all.filter((c) => c.key !== card.key))
    } catch (caught) {
      update(card.key, { status: 'read' })
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }

  const readCards = cards.filter((c) => c.status === 'read')

  return (
    <Stack>
      <PageHeader title={t('scanCards.title')} subtitle={t('scanCards.subtitle')} />
      <Group align="end">
        <Select
          label={t('scanCards.event')}
          placeholder={t('scanCards.noEvent')}
          clearable
          w={320}
          value={eventId}
          onChange={setEventId}
          data={(events.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
        />
        <Button
          disabled={readCards.length === 0}
          onClick={() => {
            void (async () => {
              for (const card of readCards) await save(card)
            })()
          }}
        >
          {t('scanCards.saveAll')}
        </Button>
      </Group>
      <Paper
        withBorder
        p="lg"
        radius="md"
        data-testid="card-drop"
        style={{ borderStyle: 'dashed' }}
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault()
          void addFiles([...event.dataTransfer.files])
        }}
      >
        <Group gap="xs" justify="center">
          <Text>{t('scanCards.drop')}</Text>
          <FileButton
            multiple
            accept="image/png,image/jpeg,image/webp"
            resetRef={resetPick}
            onChange={(files) => {
              void addFiles(files)
              resetPick.current?.()
            }}
          >
            {(props) => (
              <Button variant="light" {...props}>
                {t('scanCards.pick')}
              </Button>
            )}
          </FileButton>
          <TakePhotoButton onPhoto={(file) => void addFiles([file])} />
        </Group>
        <Text size="sm" c="dimmed" ta="center" mt="xs">
          {t('scanCards.hint')}
        </Text>
      </Paper>
      {cards.length === 0 && <Text c="dimmed">{t('scanCards.empty')}</Text>}
      {cards.map((card) => (
        <CardPreview
          key={card.key}
          card={card}
          onChange={(change) => update(card.key, change)}
          onSave={() => void save(card)}
          onRemove={() => setCards((all) => all.filter((c) => c.key !== card.key))}
        />
      ))}
    </Stack>
  )
}

function CardPreview({
  card,
  onChange,
  onSave,
  onRemove,
}: {
  card: ScannedCard
  onChange: (change: Partial<ScannedCard>) => void
  onSave: () => void
  onRemove: () => void
}) {
  const { t } = useTranslation()
  const busy = card.status !== 'read'
  const field = (key: keyof Draft) => ({
    label: t(`scanCards.fields.${key}`),
    value: card.draft[key],
    disabled: busy,
    onChange: (event: { currentTarget: { value: string } }) =>
      onChange({ draft: { ...card.draft, [key]: event.currentTarget.value } }),
  })
  const exact = card.duplicates.some((d) => d.exact)
  return (
    <Card withBorder radius="md" data-testid="scanned-card">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Image src={card.url} alt={t('scanCards.image', { name: card.fileName })} radius="sm" />
          <Text size="sm" c="dimmed">
            {card.status === 'waiting' && t('scanCards.waiting')}
            {card.status === 'reading' && t('scanCards.reading')}
            {card.status === 'read' &&
              card.ms !== undefined &&
              t('scanCards.readIn', { seconds: (card.ms / 1000).toFixed(1) })}
          </Text>
          {card.status === 'failed' && (
            <Alert color="red">{t('scanCards.failed', { message: card.error ?? '' })}</Alert>
          )}
        </Stack>
        <Stack gap="xs">
          <TextInput {...field('name')} required />
          <SimpleGrid cols={2} spacing="xs">
            <TextInput {...field('title')} />
            <TextInput {...field('organization')} />
            <Textarea {...field('phones')} autosize minRows={1} />
            <Textarea {...field('emails')} autosize minRows={1} />
            <TextInput {...field('website')} />
            <TextInput {...field('linkedin')} />
            <TextInput {...field('wechat')} />
            <TextInput {...field('address')} />
          </SimpleGrid>
          {card.duplicates.length > 0 && (
            <Alert color="yellow" title={t(exact ? 'scanCards.exact' : 'scanCards.duplicate')}>
              <Radio.Group
                label={t('scanCards.saveAs')}
                value={card.mergeIntoId}
                onChange={(value) => onChange({ mergeIntoId: value })}
              >
                <Stack gap={4} mt={4}>
                  {card.duplicates.map((d) => (
                    <Radio
                      key={d.id}
                      value={d.id}
                      label={t('scanCards.mergeInto', {
                        name: d.organization ? `${d.name} · ${d.organization}` : d.name,
                        reasons: d.reasons
                          .map((r) => t(`duplicates.reason.${r}`))
                          .join(t('common.listSeparator')),
                      })}
                    />
                  ))}
                  <Radio value="" label={t('scanCards.createNew')} />
                </Stack>
              </Radio.Group>
            </Alert>
          )}
          <Group justify="end">
            <Button variant="subtle" color="gray" onClick={onRemove}>
              {t('scanCards.discard')}
            </Button>
            <Button onClick={onSave} loading={card.status === 'saving'} disabled={busy}>
              {t('scanCards.save')}
            </Button>
          </Group>
        </Stack>
      </SimpleGrid>
    </Card>
  )
}
