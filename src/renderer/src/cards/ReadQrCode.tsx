import { Alert, Button, Code, FileButton, Group, Paper, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { QrReading } from '../../../shared/cards/qrCardOperations'
import { useApi } from '../api/ApiContext'
import { ContactPicker } from '../contacts/ContactPicker'
import { errorText } from '../api/errorText'
import { decodeQrImage } from './decodeQrImage'

type Status = 'idle' | 'reading' | 'noCode' | 'notImage'

/** Reads a QR code from a photo or screenshot and offers what it holds; text is never opened. */
export function ReadQrCode() {
  const { t } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  const [status, setStatus] = useState<Status>('idle')
  const [reading, setReading] = useState<QrReading | null>(null)
  const [contactId, setContactId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const fail = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })

  const read = useCallback(
    async (file: Blob | null) => {
      if (!file) return
      setReading(null)
      setStatus('reading')
      let text: string | null
      try {
        text = await decodeQrImage(file)
      } catch {
        setStatus('notImage')
        return
      }
      if (text === null) {
        setStatus('noCode')
        return
      }
      try {
        setReading(await api['qrCard.read']({ text: text.slice(0, 2953) }))
        setStatus('idle')
      } catch (caught) {
        setStatus('idle')
        fail(caught)
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api],
  )

  // A screenshot pasted anywhere on the page is read.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = [...(event.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'))
      if (file) void read(file)
    }
    window.addEventListener('paste', onPaste)
    return () => window.removeEventListener('paste', onPaste)
  }, [read])

  const create = async () => {
    if (reading?.kind !== 'contact') return
    setBusy(true)
    try {
      const { name, organization, role, phones, emails, links, notes } = reading.contact
      const contact = await api['contacts.create']({
        name,
        organization,
        role,
        phones,
        emails,
        links,
        notes,
      })
      notifications.show({ color: 'teal', message: t('qrCard.created', { name: contact.name }) })
      navigate(`/contacts/${contact.id}`)
    } catch (caught) {
      fail(caught)
    } finally {
      setBusy(false)
    }
  }

  const keepLink = async () => {
    if (reading?.kind !== 'profile' || !contactId) return
    setBusy(true)
    try {
      const contact = await api['qrCard.addLink']({ contactId, link: reading.link })
      notifications.show({ color: 'teal', message: t('qrCard.linkKept', { name: contact.name }) })
      setReading(null)
      setContactId(null)
    } catch (caught) {
      fail(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('qrCard.readBody')}
      </Text>
      <Paper
        withBorder
        p="md"
        data-testid="qr-drop"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault()
          void read(e.dataTransfer.files[0] ?? null)
        }}
      >
        <Group>
          <FileButton accept="image/*" onChange={(file) => void read(file)}>
            {(props) => (
              <Button variant="light" {...props}>
                {t('qrCard.pickImage')}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {t('qrCard.dropHere')}
          </Text>
        </Group>
      </Paper>
      {status === 'reading' && <Text size="sm">{t('qrCard.reading')}</Text>}
      {status === 'noCode' && <Alert color="yellow">{t('qrCard.noCode')}</Alert>}
      {status === 'notImage' && <Alert color="yellow">{t('qrCard.notImage')}</Alert>}
      {reading?.kind === 'contact' && (
        <Paper withBorder p="md" data-testid="qr-contact">
          <Stack gap={4}>
            <Text fw={600}>{t('qrCard.contactFound')}</Text>
            {(
              [
                ['name', reading.contact.name],
                ['organization', reading.contact.organization],
                ['role', reading.contact.role],
                ['phones', reading.contact.phones.map((p) => p.value).join(', ')],
                ['emails', reading.contact.emails.map((e) => e.value).join(', ')],
                ['links', reading.contact.links.map((l) => l.value).join(', ')],
                ['notes', reading.contact.notes],
              ] as const
            )
              .filter(([, value]) => value !== '')
              .map(([key, value]) => (
                <Text key={key} size="sm">
                  <Text span c="dimmed">
                    {t('qrCard.fieldLabel', { label: t(`qrCard.fields.${key}`) })}
                  </Text>
                  {value}
                </Text>
              ))}
            <Group mt="sm">
              <Button onClick={() => void create()} loading={busy}>
                {t('qrCard.create')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {reading?.kind === 'profile' && (
        <Paper withBorder p="md" data-testid="qr-profile">
          <Stack gap="xs">
            <Text fw={600}>
              {t('qrCard.profileFound', { kind: t(`qrCard.profileKinds.${reading.link.kind}`) })}
            </Text>
            <Code>{reading.link.value}</Code>
            <Group align="flex-end">
              <ContactPicker
                label={t('qrCard.keepOn')}
                value={contactId}
                names={{}}
                onChange={setContactId}
              />
              <Button onClick={() => void keepLink()} disabled={!contactId} loading={busy}>
                {t('qrCard.keepLink')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {reading?.kind === 'text' && (
        <Paper withBorder p="md" data-testid="qr-text">
          <Text fw={600} mb={4}>
            {t('qrCard.textFound')}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {reading.text}
          </Code>
        </Paper>
      )}
    </Stack>
  )
}
