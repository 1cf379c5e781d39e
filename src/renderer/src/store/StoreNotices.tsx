import { Alert, Anchor, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TextKey } from '../i18n/textKey'
import { Link } from 'react-router-dom'
import type { AttentionRecord, StoreNotice } from '../../../shared/store/storeNotice'
import { useApi } from '../api/ApiContext'
import { errorText } from '../api/errorText'
import { formatDateTime } from '../format/formatDate'
import { fieldLabel, SetAsideRecords } from './SetAsideRecords'

/**
 * `t` with a plain signature: i18next's inference of options over every key is too deep for the
 * notices' many spread values (TS2589), and the keys are still checked.
 */
type NoticeT = (key: TextKey, options?: Record<string, unknown>) => string

/** The sentence for one notice about the data file, in the interface language. */
function noticeText(t: NoticeT, language: string, notice: StoreNotice): string {
  switch (notice.kind) {
    case 'restoredFromBackup': {
      // Typed as plain values: the counts' spread makes i18next's option inference too deep.
      const values: Record<string, unknown> = {
        reason: notice.reason,
        damagedFile: notice.damagedFile,
        backupAt: formatDateTime(notice.backupAt, language),
        replayed: notice.replayed,
        ...notice.counts,
      }
      const key: TextKey = notice.replayed
        ? 'store.restoredFromBackupReplayed'
        : 'store.restoredFromBackup'
      return t(key, values)
    }
    case 'journalTailIgnored':
      return t('store.journalTailIgnored', { count: notice.lines, keptAt: notice.keptAt ?? '' })
    case 'reloadedExternalChange':
      return t('store.reloadedExternalChange', { file: notice.file })
    case 'externalChangeSetAside':
      return t('store.externalChangeSetAside', { setAsideFile: notice.setAsideFile })
    case 'restoredBackup':
      return t('store.restoredBackup', { backupFile: notice.backupFile })
    case 'journalLinesSetAside':
      return t('store.journalLinesSetAside', {
        count: notice.lines.length,
        lines: notice.lines.join(language.startsWith('zh') ? '、' : ', '),
        keptAfter: notice.keptAfter,
        keptAt: notice.keptAt,
      })
    case 'snapshotReplacedAfterCrash':
      if (notice.rebuiltFrom === 'theirs') return t('store.snapshotReplacedNoBackup', notice)
      return [
        t('store.snapshotReplacedFromBackup', {
          ...notice,
          backupAt: formatDateTime(notice.backupAt ?? notice.at, language),
        }),
        notice.gap ? t('store.snapshotReplacedGap') : '',
      ]
        .filter(Boolean)
        .join(language.startsWith('zh') ? '' : ' ')
    case 'snapshotMissing':
      return [
        notice.backupFile
          ? t('store.snapshotMissingRestored', {
              ...notice,
              backupAt: formatDateTime(notice.backupAt ?? notice.at, language),
            })
          : t('store.snapshotMissingEmpty', notice),
        notice.replayed > 0 ? t('store.snapshotMissingReplayed', notice) : '',
        notice.journalSetAside ? t('store.snapshotMissingLogKept', notice) : '',
      ]
        .filter(Boolean)
        .join(language.startsWith('zh') ? '' : ' ')
    case 'saveFailed':
      return t('store.saveFailed', {
        file: notice.file,
        reason: notice.code === 'ENOSPC' ? t('store.diskFull') : notice.reason,
      })
    case 'dataFolderGone':
      return t('store.dataFolderGone', { folder: notice.folder })
    case 'recordsNeedAttention':
      return t('store.recordsNeedAttention', {
        count: notice.records.length,
        copyAt: notice.copyAt,
        records: notice.records
          .map((r) => {
            // Unknown fields and a shared id are named as they are in the file; the rest by label.
            const field =
              r.problem === 'unknownFields' || r.problem === 'duplicateId'
                ? r.field
                : r.field
                    .split(', ')
                    .map((f) => fieldLabel(t, f))
                    .join(language.startsWith('zh') ? '、' : ', ')
            const problem = t(`store.problem.${r.problem}`, { field })
            return language.startsWith('zh')
              ? `${r.name ?? r.id}（${problem}）`
              : `${r.name ?? r.id} (${problem})`
          })
          .join(language.startsWith('zh') ? '；' : '; '),
        setAside: notice.setAsideFile
          ? t('store.recordsSetAside', { setAsideFile: notice.setAsideFile })
          : '',
      })
  }
}

/** Where a loaded record of a hand-edited file is fixed: its own page. */
const pageOf: Partial<Record<string, (id: string) => string>> = {
  contacts: (id) => `/contacts/${encodeURIComponent(id)}`,
  events: (id) => `/events/${encodeURIComponent(id)}`,
}

function RecordLinks({ records }: { records: AttentionRecord[] }) {
  const { t } = useTranslation()
  const seen = new Set<string>()
  const links = records.filter((r) => {
    const key = `${r.collection}/${r.id}`
    if (!r.loaded || !pageOf[r.collection] || seen.has(key)) return false
    seen.add(key)
    return true
  })
  if (links.length === 0) return null
  return (
    <Group gap="xs" mt={4}>
      <Text size="sm">{t('store.fixRecords')}</Text>
      {links.map((r) => (
        <Anchor
          key={`${r.collection}/${r.id}`}
          component={Link}
          to={pageOf[r.collection]!(r.id)}
          size="sm"
        >
          {r.name ?? r.id}
        </Anchor>
      ))}
    </Group>
  )
}

/** The data folder is gone: writes everything from memory as a new data folder the user names. */
function WriteCopyButton({ folder }: { folder: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const [opened, setOpened] = useState(false)
  const [target, setTarget] = useState(`${folder}-copy`)
  const [busy, setBusy] = useState(false)
  const write = async () => {
    setBusy(true)
    try {
      const { file } = await api['store.writeCopy']({ folder: target })
      setOpened(false)
      // Stays until closed: the user needs the path to open the copy.
      notifications.show({
        color: 'teal',
        autoClose: false,
        message: t('store.copyWritten', { file, folder: target.trim() }),
      })
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={() => setOpened(true)}>
        {t('store.writeCopy')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('store.writeCopyTitle')}>
        <Stack>
          <Text size="sm">{t('store.writeCopyBody')}</Text>
          <TextInput
            label={t('store.writeCopyFolder')}
            value={target}
            onChange={(event) => setTarget(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy} disabled={!target.trim()} onClick={() => void write()}>
              {t('store.writeCopyConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}

/** Banners that stay until dismissed: nothing about the user's data happens silently. */
export function StoreNotices({
  notices,
  onChange,
}: {
  notices: StoreNotice[]
  onChange: () => void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  if (notices.length === 0) return null
  return (
    <Stack gap="xs" mb="md">
      {notices.map((notice) => (
        <Alert
          key={notice.id}
          color={
            notice.kind === 'reloadedExternalChange' || notice.kind === 'restoredBackup'
              ? 'blue'
              : 'orange'
          }
          variant="light"
          role="status"
          data-testid={`notice-${notice.kind}`}
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {noticeText(t as NoticeT, i18n.language, notice)}
              </Text>
              {notice.kind === 'recordsNeedAttention' && <RecordLinks records={notice.records} />}
              {notice.kind === 'recordsNeedAttention' && notice.setAsideFile && <SetAsideRecords />}
            </div>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              {notice.kind === 'dataFolderGone' && (
                <Button
                  size="compact-sm"
                  onClick={() => void api['store.writeAgain']({ confirm: true }).finally(onChange)}
                >
                  {t('store.writeAgain')}
                </Button>
              )}
              {notice.kind === 'dataFolderGone' && <WriteCopyButton folder={notice.folder} />}
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => void api['store.dismissNotice']({ id: notice.id }).finally(onChange)}
              >
                {t('store.dismiss')}
              </Button>
            </Group>
          </Group>
        </Alert>
      ))}
    </Stack>
  )
}
