import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  communityPlatformSchema,
  communityRoleSchema,
  type Community,
  type CommunityMember,
} from '../../../shared/model'
import type { InputOf } from '../../../shared/contract'
import { communityFieldsSchema } from '../../../shared/communities/communityOperations'
import type { EditConflict } from '../../../shared/store/versionedEdit'
import { useApi } from '../api/ApiContext'
import { ConflictNotice } from '../edits/ConflictNotice'
import {
  changesOf,
  editConflictOf,
  rebaseOnConflict,
  type ConflictChoice,
} from '../edits/editConflict'
import { ContactMultiPicker } from '../contacts/ContactPicker'
import { errorText } from '../api/errorText'
import { useContractForm } from '../forms/useContractForm'

function draftOf(c?: Community) {
  return {
    name: c?.name ?? '',
    platform: (c?.platform ?? 'wechat') as string,
    role: (c?.role ?? 'owner') as string,
    theme: c?.theme ?? '',
    rules: c?.rules ?? '',
    joiningCriteria: c?.joiningCriteria ?? '',
    memberIds: c?.members.map((m) => m.contactId) ?? [],
  }
}
type Draft = ReturnType<typeof draftOf>

/** The record's fields a draft stands for; members who stay keep their joined date and role. */
function fieldsOf(d: Draft, previousMembers: readonly CommunityMember[]) {
  const previous = new Map(previousMembers.map((m) => [m.contactId, m]))
  const today = new Date().toISOString().slice(0, 10)
  const members: CommunityMember[] = d.memberIds.map(
    (id) => previous.get(id) ?? { contactId: id, joinedOn: today, role: 'member' },
  )
  return {
    name: d.name.trim(),
    platform: d.platform as Community['platform'],
    role: d.role as Community['role'],
    theme: d.theme,
    rules: d.rules,
    joiningCriteria: d.joiningCriteria,
    members,
  }
}
/** The form field of an issue's path: members are picked as a list of contacts. */
function communityFieldOf(path: string): string | undefined {
  const [field] = path.replace(/^patch\./, '').split('.')
  return field === 'members' ? 'memberIds' : field || undefined
}

const COMMUNITY_PATHS = [
  'name',
  'platform',
  'role',
  'theme',
  'rules',
  'joiningCriteria',
  'members',
] as const

/** Creates a community, or edits one when `community` is given. */
export function CommunityForm(props: {
  opened: boolean
  community?: Community
  names?: Record<string, string>
  onClose: () => void
  onSaved: (community: Community) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  // The version this form started from; a conflict moves it on to the one saved elsewhere.
  const [started, setStarted] = useState(props.community)
  const { form, submit, showCoreErrors } = useContractForm<Draft>({
    initialValues: draftOf(props.community),
    schema: communityFieldsSchema,
    toInput: (draft) => fieldsOf(draft, started?.members ?? []),
    fieldOf: communityFieldOf,
    wording: { name: { label: t('communities.form.name') } },
  })
  const d = form.values
  const setD = form.setValues
  const [conflict, setConflict] = useState<EditConflict | null>(null)
  const [saving, setSaving] = useState(false)
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    form.setFieldValue(key, value as never)
  const { platform, role, memberIds } = d

  const saveFrom = async (from: Community | undefined, draft: Draft) => {
    const fields = fieldsOf(draft, from?.members ?? [])
    setSaving(true)
    try {
      let saved: Community
      if (from) {
        const { patch, base } = changesOf(
          fieldsOf(draftOf(from), from.members),
          fields,
          COMMUNITY_PATHS,
          from,
        )
        saved = await api['communities.update']({
          id: from.id,
          patch: patch as Partial<typeof fields>,
          expectedUpdatedAt: from.updatedAt,
          base: base as InputOf<'communities.update'>['base'],
        })
      } else {
        saved = await api['communities.create'](fields)
      }
      setConflict(null)
      props.onSaved(saved)
    } catch (caught) {
      const refused = editConflictOf(caught)
      if (refused) setConflict(refused)
      else if (!showCoreErrors(caught))
        notifications.show({
          color: 'red',
          title: t('errors.title'),
          message: errorText(t, caught),
        })
    } finally {
      setSaving(false)
    }
  }
  const save = submit((draft) => saveFrom(started, draft))
  const resolve = (choices: Record<string, ConflictChoice>) => {
    if (!started || !conflict) return
    const next = rebaseOnConflict(started, d, conflict, choices, draftOf)
    setStarted(next.started)
    setD(next.draft)
    setConflict(null)
    void saveFrom(next.started, next.draft)
  }
  const labels: Record<string, string> = {
    name: t('communities.form.name'),
    platform: t('communities.form.platform'),
    role: t('communities.form.role'),
    theme: t('communities.form.theme'),
    rules: t('communities.form.rules'),
    joiningCriteria: t('communities.form.criteria'),
    members: t('communities.form.members'),
  }

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.community ? t('communities.form.editTitle') : t('communities.form.newTitle')}
      size="lg"
    >
      <Stack>
        <TextInput
          label={t('communities.form.name')}
          {...form.getInputProps('name')}
          required
          data-autofocus
        />
        <Group grow>
          <Select
            label={t('communities.form.platform')}
            data={communityPlatformSchema.options.map((value) => ({
              value,
              label: t(`communities.platform.${value}`),
            }))}
            value={platform}
            onChange={(v) => v && set('platform', v)}
            allowDeselect={false}
          />
          <Select
            label={t('communities.form.role')}
            data={communityRoleSchema.options.map((value) => ({
              value,
              label: t(`communities.role.${value}`),
            }))}
            value={role}
            onChange={(v) => v && set('role', v)}
            allowDeselect={false}
          />
        </Group>
        <Textarea
          label={t('communities.form.theme')}
          description={t('communities.form.themeHint')}
          {...form.getInputProps('theme')}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('communities.form.rules')}
          {...form.getInputProps('rules')}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('communities.form.criteria')}
          {...form.getInputProps('joiningCriteria')}
          autosize
          minRows={1}
        />
        <ContactMultiPicker
          label={t('communities.form.members')}
          value={memberIds}
          names={props.names ?? {}}
          onChange={(ids) => set('memberIds', ids)}
        />
        {conflict && (
          <ConflictNotice
            key={conflict.updatedAt}
            conflict={conflict}
            mine={fieldsOf(d, started?.members ?? [])}
            labels={labels}
            names={props.names}
            busy={saving}
            onResolve={resolve}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save()} loading={saving}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
