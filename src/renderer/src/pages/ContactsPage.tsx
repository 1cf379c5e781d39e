import {
  Avatar,
  Badge,
  Button,
  Center,
  Drawer,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue, useHotkeys } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RapportError, type ValidationIssue } from '../../../shared/errors'
import type { Contact } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { ContactForm, draftOf, patchOf, type ContactDraft } from '../components/ContactForm'
import { errorText } from '../components/errorText'
import { PageHeader } from '../components/PageHeader'
import { QueryError } from '../components/QueryError'
import { useQuery } from '../hooks/useQuery'

const TIER_COLORS = { life: 'grape', close: 'teal', good: 'blue', outside: 'gray' } as const

/** Field errors from a VALIDATION error, keyed by the form's field names. */
function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof RapportError) || error.code !== 'VALIDATION') return {}
  const issues = (error.details as { issues?: ValidationIssue[] } | undefined)?.issues ?? []
  const byField: Record<string, string> = {}
  for (const issue of issues) {
    const [head] = issue.path.split('.')
    const field = head === 'emails' ? 'email' : head === 'phones' ? 'phone' : head
    if (field && !byField[field]) byField[field] = issue.message
  }
  return byField
}

type Editing = { mode: 'create' } | { mode: 'edit'; contact: Contact } | null

export function ContactsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const [query, setQuery] = useState('')
  const [debouncedQuery] = useDebouncedValue(query, 120)
  const { data, error, reload } = useQuery(
    () => api['contacts.list']({ query: debouncedQuery }),
    `contacts:${debouncedQuery}`,
  )
  const [editing, setEditing] = useState<Editing>(null)
  const [saving, setSaving] = useState(false)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [confirmDelete, setConfirmDelete] = useState<Contact | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)

  const openCreate = () => {
    setFieldErrors({})
    setEditing({ mode: 'create' })
  }
  useHotkeys([
    ['mod+N', openCreate],
    ['/', () => searchRef.current?.focus()],
  ])

  const showError = (caught: unknown) =>
    notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })

  const save = async (draft: ContactDraft) => {
    if (!editing) return
    setSaving(true)
    setFieldErrors({})
    try {
      if (editing.mode === 'create') {
        const created = await api['contacts.create'](patchOf(draft))
        notifications.show({
          color: 'teal',
          message: t('contacts.created', { name: created.name }),
        })
      } else {
        const updated = await api['contacts.update']({
          id: editing.contact.id,
          patch: patchOf(draft, editing.contact),
          expectedUpdatedAt: editing.contact.updatedAt,
        })
        notifications.show({ color: 'teal', message: t('contacts.saved', { name: updated.name }) })
      }
      setEditing(null)
      await reload()
    } catch (caught) {
      setFieldErrors(fieldErrorsOf(caught))
      showError(caught)
    } finally {
      setSaving(false)
    }
  }

  const remove = async (contact: Contact) => {
    setConfirmDelete(null)
    setEditing(null)
    try {
      const removed = await api['contacts.delete']({ id: contact.id })
      await reload()
      const id = notifications.show({
        autoClose: 8000,
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('contacts.deleted', { name: contact.name })}</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={async () => {
                notifications.hide(id)
                try {
                  await api['contacts.restore'](removed)
                  notifications.show({
                    color: 'teal',
                    message: t('contacts.restored', { name: contact.name }),
                  })
                  await reload()
                } catch (caught) {
                  showError(caught)
                }
              }}
            >
              {t('common.undo')}
            </Button>
          </Group>
        ),
      })
    } catch (caught) {
      showError(caught)
    }
  }

  const contacts = data ?? []
  return (
    <Stack>
      <PageHeader
        title={t('contacts.title')}
        subtitle={data ? t('contacts.count', { count: contacts.length }) : undefined}
        actions={<Button onClick={openCreate}>{t('contacts.new')}</Button>}
      />
      <TextInput
        ref={searchRef}
        placeholder={t('contacts.search')}
        aria-label={t('contacts.search')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
      />
      {error ? (
        <QueryError error={error} onRetry={reload} />
      ) : !data ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : contacts.length === 0 ? (
        <Center py="xl">
          {debouncedQuery ? (
            <Text c="dimmed">{t('contacts.noMatch', { query: debouncedQuery })}</Text>
          ) : (
            <Stack align="center" gap="xs">
              <Title order={3}>{t('contacts.emptyTitle')}</Title>
              <Text c="dimmed">{t('contacts.emptyBody')}</Text>
              <Button onClick={openCreate}>{t('contacts.new')}</Button>
            </Stack>
          )}
        </Center>
      ) : (
        <Table highlightOnHover verticalSpacing="xs" aria-label={t('contacts.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contacts.columns.name')}</Table.Th>
              <Table.Th>{t('contacts.columns.work')}</Table.Th>
              <Table.Th>{t('contacts.columns.tier')}</Table.Th>
              <Table.Th>{t('contacts.columns.tags')}</Table.Th>
              <Table.Th>{t('contacts.columns.reach')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((contact) => (
              <Table.Tr
                key={contact.id}
                tabIndex={0}
                style={{ cursor: 'pointer' }}
                onClick={() => {
                  setFieldErrors({})
                  setEditing({ mode: 'edit', contact })
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    setFieldErrors({})
                    setEditing({ mode: 'edit', contact })
                  }
                }}
              >
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar src={contact.photo} name={contact.name} color="initials" size="sm" />
                    <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {contact.name}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {[contact.organization, contact.role].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge
                    color={TIER_COLORS[contact.tier]}
                    variant="light"
                    tt="none"
                    miw="max-content"
                  >
                    {t(`contacts.tier.${contact.tier}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {contact.tags.slice(0, 3).map((tag) => (
                      <Badge key={tag} size="sm" variant="default" tt="none">
                        {tag}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {contact.emails[0]?.value ?? contact.phones[0]?.value ?? contact.bestWayToReach}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Drawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        position="right"
        size="lg"
        title={
          <Title order={2} size="h3">
            {editing?.mode === 'edit' ? t('contacts.edit') : t('contacts.new')}
          </Title>
        }
      >
        {editing && (
          <ContactForm
            key={editing.mode === 'edit' ? editing.contact.id : 'new'}
            initial={draftOf(editing.mode === 'edit' ? editing.contact : undefined)}
            saving={saving}
            fieldErrors={fieldErrors}
            onSubmit={save}
            onCancel={() => setEditing(null)}
            extraActions={
              editing.mode === 'edit' && (
                <Button
                  color="red"
                  variant="subtle"
                  onClick={() => setConfirmDelete(editing.contact)}
                >
                  {t('common.delete')}
                </Button>
              )
            }
          />
        )}
      </Drawer>

      <Modal
        opened={confirmDelete !== null}
        onClose={() => setConfirmDelete(null)}
        title={confirmDelete ? t('contacts.confirmDeleteTitle', { name: confirmDelete.name }) : ''}
      >
        <Stack>
          <Text size="sm">{t('contacts.confirmDeleteBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => confirmDelete && void remove(confirmDelete)}
              data-autofocus
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
