import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isPlainObject, valueAt, type EditConflict } from '../../../shared/store/versionedEdit'
import type { ConflictChoice } from './editConflict'

/**
 * Shown when a save was refused because another window changed the same fields: both values
 * side by side, a choice per field, and one button to save again. Nothing typed is lost.
 */
export function ConflictNotice(props: {
  conflict: EditConflict
  /** The editor's own value per conflicting path (record-shaped, like the conflict's). */
  mine: object
  /** A readable name per path; the path itself otherwise. */
  labels: Record<string, string>
  /** Names for ids in list fields (key contacts, members). */
  names?: Record<string, string>
  busy?: boolean
  onResolve: (choices: Record<string, ConflictChoice>) => void
}) {
  const { t } = useTranslation()
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>(() =>
    Object.fromEntries(props.conflict.fields.map((f) => [f, 'mine' as const])),
  )
  const describe = (value: unknown): string => {
    if (value === undefined || value === null || value === '') return t('edits.empty')
    if (typeof value === 'boolean') return value ? t('edits.yes') : t('edits.no')
    if (Array.isArray(value)) {
      if (value.length === 0) return t('edits.empty')
      return value
        .map((item) => describe(props.names?.[String(item)] ?? item))
        .join(t('common.listSeparator'))
    }
    // A member or guest entry reads as the person's name.
    if (isPlainObject(value) && typeof value.contactId === 'string') {
      return props.names?.[value.contactId] ?? value.contactId
    }
    if (isPlainObject(value)) {
      const parts = Object.values(value).filter(
        (v) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
      )
      return parts.length ? parts.map(describe).join(t('common.listSeparator')) : t('edits.empty')
    }
    return String(value)
  }
  return (
    <Alert color="orange" title={t('edits.conflictTitle')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{t('edits.conflictBody')}</Text>
        {props.conflict.fields.map((path) => (
          <Stack key={path} gap={2} data-conflict-field={path}>
            <Text size="sm" fw={600}>
              {props.labels[path] ?? path}
            </Text>
            <Text size="sm">
              {t('edits.yours', { value: describe(valueAt(props.mine, path)) })}
            </Text>
            <Text size="sm">
              {t('edits.theirs', { value: describe(props.conflict.current[path]) })}
            </Text>
            <SegmentedControl
              size="xs"
              w="fit-content"
              aria-label={props.labels[path] ?? path}
              value={choices[path] ?? 'mine'}
              onChange={(value) => setChoices((c) => ({ ...c, [path]: value as ConflictChoice }))}
              data={[
                { value: 'mine', label: t('edits.keepMine') },
                { value: 'theirs', label: t('edits.takeTheirs') },
              ]}
            />
          </Stack>
        ))}
        <Group>
          <Button size="xs" loading={props.busy} onClick={() => props.onResolve(choices)}>
            {t('edits.saveChoices')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}
