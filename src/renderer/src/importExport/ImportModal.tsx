import {
  Badge,
  Button,
  FileButton,
  Group,
  Loader,
  Modal,
  Pagination,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../shared/contract'
import { columnTargetSchema, csvEncodingSchema } from '../../../shared/contract'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { toBase64 } from '../files/toBase64'

const MAX_BYTES = 50 * 1024 * 1024
/** Rows per page of the preview; every row stays reachable by paging or by its status. */
const PAGE_ROWS = 100
const STATUS_COLORS = { new: 'teal', duplicate: 'orange', exact: 'gray', error: 'red' } as const
type Target = (typeof columnTargetSchema.options)[number]
type Encoding = (typeof csvEncodingSchema.options)[number]
type Status = ImportPreview['rows'][number]['status']

/**
 * Import in two steps: a preview (new, duplicates, errors with line numbers; for CSV, the column
 * mapping) and then one all-or-nothing commit. Cancel changes nothing.
 */
export function ImportModal(props: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [file, setFile] = useState<{ name: string; data: string } | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [duplicates, setDuplicates] = useState<'skip' | 'merge' | 'import'>('skip')
  const [shown, setShown] = useState<Status | 'all'>('all')
  const [page, setPage] = useState(1)

  const fail = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })

  const close = () => {
    if (preview) void api['import.cancel']({ previewId: preview.previewId }).catch(() => undefined)
    setFile(null)
    setPreview(null)
    setBusy(null)
    props.onClose()
  }

  const load = async (chosen: File | null) => {
    if (!chosen) return
    if (chosen.size > MAX_BYTES) return fail(new Error(t('import.tooLarge')))
    setBusy(t('import.reading', { file: chosen.name }))
    try {
      const data = toBase64(await chosen.arrayBuffer())
      setFile({ name: chosen.name, data })
      setShown('all')
      setPage(1)
      setPreview(await api['import.preview']({ fileName: chosen.name, data }))
    } catch (caught) {
      fail(caught)
    } finally {
      setBusy(null)
    }
  }

  /** Reads the file again with another column mapping or encoding; the old preview is dropped. */
  const reread = async (change: { mapping?: Target[]; encoding?: Encoding }) => {
    if (!file || !preview) return
    setBusy(t('common.loading'))
    try {
      await api['import.cancel']({ previewId: preview.previewId })
      setPreview(
        await api['import.preview']({
          fileName: file.name,
          data: file.data,
          mapping: change.mapping ?? preview.mapping,
          encoding: change.encoding ?? preview.encoding,
        }),
      )
    } catch (caught) {
      fail(caught)
    } finally {
      setBusy(null)
    }
  }
  const remap = (index: number, target: Target) =>
    reread({ mapping: preview!.mapping.map((m, i) => (i === index ? target : m)) })

  const commit = async () => {
    if (!preview) return
    setBusy(t('common.loading'))
    try {
      const result = await api['import.commit']({ previewId: preview.previewId, duplicates })
      notifications.show({ color: 'teal', message: t('import.done', result) })
      setPreview(null)
      setFile(null)
      props.onClose()
    } catch (caught) {
      fail(caught)
    } finally {
      setBusy(null)
    }
  }

  const toImport = preview
    ? preview.counts.new + (duplicates === 'skip' ? 0 : preview.counts.duplicate)
    : 0
  const listed = preview
    ? shown === 'all'
      ? preview.rows
      : preview.rows.filter((r) => r.status === shown)
    : []
  const pages = Math.max(1, Math.ceil(listed.length / PAGE_ROWS))
  const onPage = listed.slice((page - 1) * PAGE_ROWS, page * PAGE_ROWS)

  return (
    <Modal opened={props.opened} onClose={close} title={t('import.title')} size="xl">
      <Stack>
        {!preview && (
          <>
            <Text size="sm">{t('import.hint')}</Text>
            <FileButton
              onChange={(f) => void load(f)}
              accept=".vcf,.vcard,.csv,text/vcard,text/csv"
            >
              {(buttonProps) => (
                <Button {...buttonProps} loading={busy !== null} w="fit-content">
                  {t('import.choose')}
                </Button>
              )}
            </FileButton>
          </>
        )}
        {busy && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{busy}</Text>
          </Group>
        )}
        {preview && (
          <>
            <Group justify="space-between">
              <Text fw={600}>{preview.fileName}</Text>
              {preview.kind === 'csv' && (
                <Select
                  size="xs"
                  w={260}
                  label={t('import.encodingLabel')}
                  description={t('import.encodingHint')}
                  data={csvEncodingSchema.options.map((v) => ({
                    value: v,
                    label: t(`import.encodings.${v}`),
                  }))}
                  value={preview.encoding}
                  onChange={(v) => v && void reread({ encoding: v as Encoding })}
                  allowDeselect={false}
                />
              )}
            </Group>
            <Text size="sm" data-testid="import-summary">
              {t('import.summary', preview.counts)}
            </Text>
            {preview.kind === 'csv' && (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('import.mapping')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('import.mappingHint')}
                </Text>
                <Group gap="xs">
                  {preview.headers.map((header, index) => (
                    <Select
                      key={`${header}-${index}`}
                      size="xs"
                      w={160}
                      label={header || `#${index + 1}`}
                      data={columnTargetSchema.options.map((v) => ({
                        value: v,
                        label: t(`import.target.${v}`),
                      }))}
                      value={preview.mapping[index] ?? 'ignore'}
                      onChange={(v) => v && void remap(index, v as Target)}
                      allowDeselect={false}
                    />
                  ))}
                </Group>
              </Stack>
            )}
            {preview.counts.duplicate > 0 && (
              <Group gap="xs">
                <Text size="sm">
                  {t('import.duplicatesChoice')}
                  {t('common.colon')}
                </Text>
                <SegmentedControl
                  size="xs"
                  value={duplicates}
                  onChange={(v) => setDuplicates(v as typeof duplicates)}
                  data={[
                    { value: 'skip', label: t('import.dupSkip') },
                    { value: 'merge', label: t('import.dupMerge') },
                    { value: 'import', label: t('import.dupImport') },
                  ]}
                />
              </Group>
            )}
            <SegmentedControl
              size="xs"
              w="fit-content"
              aria-label={t('import.show')}
              value={shown}
              onChange={(v) => {
                setShown(v as typeof shown)
                setPage(1)
              }}
              data={[
                { value: 'all', label: t('import.showAll', { count: preview.rows.length }) },
                ...(['new', 'duplicate', 'exact', 'error'] as const).map((status) => ({
                  value: status,
                  label: `${t(`import.status.${status}`)} ${preview.counts[status]}`,
                })),
              ]}
            />
            <ScrollArea h={320}>
              <Table striped aria-label={t('import.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.line')}</Table.Th>
                    <Table.Th>{t('contacts.columns.name')}</Table.Th>
                    <Table.Th>{t('contacts.columns.work')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {onPage.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{row.name || '—'}</Text>
                        <Text size="xs" c="dimmed">
                          {row.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{row.organization}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLORS[row.status]} variant="light" tt="none">
                          {t(`import.status.${row.status}`)}
                        </Badge>
                        {row.matches.length > 0 && (
                          <Text size="xs" c="dimmed">
                            {t(row.status === 'exact' ? 'import.matchesExact' : 'import.matches', {
                              names: row.matches
                                .map((m) =>
                                  m.line
                                    ? t('import.matchLine', { name: m.name, line: m.line })
                                    : m.name,
                                )
                                .join(t('import.listSeparator')),
                              reasons: [...new Set(row.matches.flatMap((m) => m.reasons))]
                                .map((r) => t(`duplicates.reason.${r}`))
                                .join(t('import.listSeparator')),
                            })}
                          </Text>
                        )}
                        {row.errors.map((e) => (
                          <Text size="xs" c="red" key={e}>
                            {e}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {pages > 1 && (
              <Group gap="xs">
                <Pagination
                  size="sm"
                  total={pages}
                  value={page}
                  onChange={setPage}
                  aria-label={t('import.pages')}
                />
                <Text size="xs" c="dimmed">
                  {t('import.shown', {
                    from: (page - 1) * PAGE_ROWS + 1,
                    to: Math.min(page * PAGE_ROWS, listed.length),
                    total: listed.length,
                  })}
                </Text>
              </Group>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void commit()} disabled={toImport === 0 || busy !== null}>
                {toImport === 0 ? t('import.nothing') : t('import.commit', { count: toImport })}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  )
}
