import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupInfo } from '../../../shared/store/storeNotice'
import { useApi } from '../api/ApiContext'
import { useAppState } from '../AppContext'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { errorText } from '../api/errorText'
import { formatDateTime } from '../format/formatDate'

/** Settings → Backups: what exists, a manual backup, and restoring one (after a confirmation). */
export function BackupsCard() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { refreshInfo } = useAppState()
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.backups(),
    queryFn: () => api['backups.list'](),
  })
  const [confirming, setConfirming] = useState<BackupInfo | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    try {
      await action()
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    } finally {
      setBusy(false)
    }
  }
  const backUpNow = () =>
    run(async () => {
      await api['backups.create']()
      notifications.show({ color: 'teal', message: t('backups.made') })
      // Backup files are no saved change: no change event reads the list again.
      await refetch()
    })
  const restore = (backup: BackupInfo) =>
    run(async () => {
      await api['backups.restore']({ file: backup.file })
      setConfirming(null)
      notifications.show({ color: 'teal', message: t('backups.restored') })
      await Promise.all([refetch(), refreshInfo()])
    })

  const remove = (backup: BackupInfo) =>
    run(async () => {
      if (!window.confirm(t('backups.confirmDelete'))) return
      await api['backups.delete']({ file: backup.file })
      await refetch()
    })

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('backups.title')}
        </Title>
        <Button size="xs" variant="light" onClick={() => void backUpNow()} loading={busy}>
          {t('backups.backUpNow')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('backups.body')}
      </Text>
      {error ? (
        <Text c="red" size="sm">
          {errorText(t, error)}
        </Text>
      ) : !data ? (
        <Loader size="sm" />
      ) : data.length === 0 ? (
        <Text size="sm">{t('backups.none')}</Text>
      ) : (
        <Table aria-label={t('backups.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backups.createdAt')}</Table.Th>
              <Table.Th>{t('backups.contents')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((backup) => (
              <Table.Tr key={backup.file}>
                <Table.Td>
                  {formatDateTime(backup.createdAt, i18n.language, undefined, 'seconds')}
                </Table.Td>
                <Table.Td>
                  {t('backups.counts', backup.counts)}
                  {backup.keep && (
                    <Badge ml="xs" size="sm" variant="light" title={t('backups.keptHint')}>
                      {t(`backups.keep.${backup.keep}`)}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {confirming?.file === backup.file ? (
                    <Stack gap={4} align="flex-end">
                      <Text size="xs" maw={320}>
                        {t('backups.confirmRestore')}
                      </Text>
                      <Group gap="xs">
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => setConfirming(null)}
                        >
                          {t('common.cancel')}
                        </Button>
                        <Button
                          size="compact-sm"
                          color="orange"
                          loading={busy}
                          onClick={() => void restore(backup)}
                        >
                          {t('backups.restore')}
                        </Button>
                      </Group>
                    </Stack>
                  ) : (
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      {backup.keep && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => void remove(backup)}
                        >
                          {t('backups.delete')}
                        </Button>
                      )}
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setConfirming(backup)}
                      >
                        {t('backups.restore')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}
