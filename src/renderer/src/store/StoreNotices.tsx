import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { StoreNotice } from '../../../shared/store/storeNotice'
import { useApi } from '../api/ApiContext'
import { formatDateTime } from '../format/formatDate'

/** The sentence for one notice about the data file, in the interface language. */
function noticeText(
  t: ReturnType<typeof useTranslation>['t'],
  language: string,
  notice: StoreNotice,
): string {
  switch (notice.kind) {
    case 'restoredFromBackup': {
      const values = {
        reason: notice.reason,
        damagedFile: notice.damagedFile,
        backupAt: formatDateTime(notice.backupAt, language),
        replayed: notice.replayed,
        ...notice.counts,
      }
      return notice.replayed
        ? t('store.restoredFromBackupReplayed', values)
        : t('store.restoredFromBackup', values)
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
            const problem = t(`store.problem.${r.problem}`, { field: r.field })
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
            <Text size="sm" style={{ wordBreak: 'break-word' }}>
              {noticeText(t, i18n.language, notice)}
            </Text>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              {notice.kind === 'dataFolderGone' && (
                <Button
                  size="compact-sm"
                  onClick={() => void api['store.writeAgain']({ confirm: true }).finally(onChange)}
                >
                  {t('store.writeAgain')}
                </Button>
              )}
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
