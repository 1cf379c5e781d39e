import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  MAX_CALENDAR_FILE_BYTES,
  type CalendarImportPreview,
} from '../../../shared/calendar/calendarImport'
import { csvEncodingSchema } from '../../../shared/contract'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { toBase64 } from '../files/toBase64'

type Encoding = (typeof csvEncodingSchema.options)[number]

/** Rows shown in the preview; the rest are counted. */
const SHOWN_ROWS = 200

/** Reads an .ics file, shows the past meetings with contacts, and imports them on confirm. */
export function CalendarImportModal(props: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [file, setFile] = useState<{ name: string; data: string } | null>(null)
  const [preview, setPreview] = useState<CalendarImportPreview | null>(null)
  const [chosen, setChosen] = useState<string[]>([])
  const [busy, setBusy] = useState<string | null>(null)

  const fail = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })

  const close = () => {
    setFile(null)
    setPreview(null)
    setChosen([])
    props.onClose()
  }

  const read = async (name: string, data: string, encoding?: Encoding) => {
    setBusy(t('calendarImport.reading', { file: name }))
    try {
      setPreview(
        await api['calendar.importPreview']({
          fileName: name,
          data,
          ...(encoding ? { encoding } : {}),
        }),
      )
      setChosen([])
    } catch (caught) {
      fail(caught)
    } finally {
      setBusy(null)
    }
  }

  const load = async (picked: File | null) => {
    if (!picked) return
    if (picked.size > MAX_CALENDAR_FILE_BYTES) return fail(new Error(t('calendarImport.tooLarge')))
    const data = toBase64(await picked.arrayBuffer())
    setFile({ name: picked.name, data })
    await read(picked.name, data)
  }

  const commit = async () => {
    if (!preview) return
    setBusy(t('common.loading'))
    try {
      const result = await api['calendar.importCommit']({
        previewId: preview.previewId,
        newContacts: chosen,
      })
      notifications.show({
        color: 'teal',
        message: t('calendarImport.done', {
          encounters: result.encounters,
          count: result.contactsCreated,
        }),
      })
      close()
    } catch (caught) {
      fail(caught)
    } finally {
      setBusy(null)
    }
  }

  const format = (iso: string, allDay: boolean) =>
    allDay
      ? `${new Date(iso).toLocaleDateString(i18n.language)} (${t('calendarImport.allDay')})`
      : new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })

  const fresh = preview?.encounters.filter((e) => !e.alreadyImported) ?? []
  const freshFromPeople =
    preview?.newPeople
      .filter((p) => chosen.includes(p.email))
      .reduce((sum, p) => sum + p.meetings, 0) ?? 0
  const contacts = new Set(preview?.encounters.map((e) => e.contactId)).size

  return (
    <Modal opened={props.opened} onClose={close} title={t('calendarImport.title')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('calendarImport.hint')}
        </Text>
        <Group>
          <FileButton accept=".ics,text/calendar" onChange={(f) => void load(f)}>
            {(buttonProps) => (
              <Button variant="light" {...buttonProps}>
                {t('calendarImport.choose')}
              </Button>
            )}
          </FileButton>
          {file && <Text size="sm">{file.name}</Text>}
        </Group>
        {busy && <Text size="sm">{busy}</Text>}
        {preview && (
          <Stack data-testid="calendar-preview">
            <Select
              label={t('import.encodingLabel')}
              description={t('import.encodingHint')}
              data={csvEncodingSchema.options.map((v) => ({
                value: v,
                label: t(`import.encodings.${v}`),
              }))}
              value={preview.encoding}
              onChange={(v) => file && v && void read(file.name, file.data, v as Encoding)}
              allowDeselect={false}
              w={320}
            />
            <Text size="sm">
              {t('calendarImport.summary', {
                meetings: preview.pastMeetings,
                encounters: preview.encounters.length,
                count: contacts,
                already: preview.encounters.length - fresh.length,
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('calendarImport.skipped', preview.skipped)}
            </Text>
            {preview.encounters.length === 0 ? (
              <Alert color="gray">{t('calendarImport.nothing')}</Alert>
            ) : (
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('calendarImport.when')}</Table.Th>
                    <Table.Th>{t('calendarImport.who')}</Table.Th>
                    <Table.Th>{t('calendarImport.what')}</Table.Th>
                    <Table.Th>{t('calendarImport.where')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.encounters.slice(0, SHOWN_ROWS).map((row, index) => (
                    <Table.Tr key={index}>
                      <Table.Td>{format(row.at, row.allDay)}</Table.Td>
                      <Table.Td>{row.contactName}</Table.Td>
                      <Table.Td>
                        {row.title}{' '}
                        {row.alreadyImported && (
                          <Badge size="xs" variant="light" color="gray">
                            {t('calendarImport.already')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{row.place}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {preview.encounters.length > SHOWN_ROWS && (
              <Text size="sm" c="dimmed">
                {t('calendarImport.more', { count: preview.encounters.length - SHOWN_ROWS })}
              </Text>
            )}
            {preview.newPeople.length > 0 && (
              <Stack gap={4}>
                <Text fw={600}>{t('calendarImport.newPeople')}</Text>
                <Text size="sm" c="dimmed">
                  {t('calendarImport.newPeopleHint')}
                </Text>
                {preview.newPeople.map((person) => (
                  <Checkbox
                    key={person.email}
                    label={`${person.name || person.email}${person.name ? ` <${person.email}>` : ''} · ${t('calendarImport.meetings', { count: person.meetings })}`}
                    checked={chosen.includes(person.email)}
                    onChange={(e) =>
                      setChosen((old) =>
                        e.currentTarget.checked
                          ? [...old, person.email]
                          : old.filter((email) => email !== person.email),
                      )
                    }
                  />
                ))}
              </Stack>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={() => void commit()}
                disabled={fresh.length + freshFromPeople === 0 || busy !== null}
              >
                {t('calendarImport.import', { count: fresh.length + freshFromPeople })}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  )
}
