import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { StoreNotice } from '../../../shared/storeNotice'
import { useApi } from '../api/ApiContext'
import { formatDateTime } from './formatDate'

/** The sentence for one notice about the data file, in the interface language. */
function noticeText(
  t: ReturnType<typeof useTranslation>['t'],
  language: string,
  notice: StoreNotice,
): string {
  switch (notice.kind) {
    case 'restoredFromBackup':
      return t('store.restoredFromBackup', {
        reason: notice.reason,
        damagedFile: notice.damagedFile,
        backupAt: formatDateTime(notice.backupAt, language),
        ...notice.counts,
      })
    case 'journalTailIgnored':
      return t('store.journalTailIgnored', { count: notice.lines, keptAt: notice.keptAt ?? '' })
    case 'reloadedExternalChange':
      return t('store.reloadedExternalChange', { file: notice.file })
    case 'externalChangeSetAside':
      return t('store.externalChangeSetAside', { setAsideFile: notice.setAsideFile })
    case 'restoredBackup':
      return t('store.restoredBackup', { backupFile: notice.backupFile })
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
            <Button
              size="compact-sm"
              variant="subtle"
              style={{ flexShrink: 0 }}
              onClick={() => void api['store.dismissNotice']({ id: notice.id }).finally(onChange)}
            >
              {t('store.dismiss')}
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  )
}
