import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  communityPlatformSchema,
  communityRoleSchema,
  type Community,
  type CommunityMember,
} from '../../../../shared/model'
import { useApi } from '../../api/ApiContext'
import { ContactMultiPicker } from '../../components/ContactPicker'
import { errorText } from '../../components/errorText'

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
  const c = props.community
  const [name, setName] = useState(c?.name ?? '')
  const [platform, setPlatform] = useState<string>(c?.platform ?? 'wechat')
  const [role, setRole] = useState<string>(c?.role ?? 'owner')
  const [theme, setTheme] = useState(c?.theme ?? '')
  const [rules, setRules] = useState(c?.rules ?? '')
  const [criteria, setCriteria] = useState(c?.joiningCriteria ?? '')
  const [memberIds, setMemberIds] = useState<string[]>(c?.members.map((m) => m.contactId) ?? [])
  const [saving, setSaving] = useState(false)

  const save = async () => {
    if (!name.trim()) return
    // Members who stay keep their joined date and role; new ones join today.
    const previous = new Map((c?.members ?? []).map((m) => [m.contactId, m]))
    const today = new Date().toISOString().slice(0, 10)
    const members: CommunityMember[] = memberIds.map(
      (id) => previous.get(id) ?? { contactId: id, joinedOn: today, role: 'member' },
    )
    const fields = {
      name: name.trim(),
      platform: platform as Community['platform'],
      role: role as Community['role'],
      theme,
      rules,
      joiningCriteria: criteria,
      members,
    }
    setSaving(true)
    try {
      const saved = c
        ? await api['communities.update']({ id: c.id, patch: fields })
        : await api['communities.create'](fields)
      props.onSaved(saved)
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={c ? t('communities.form.editTitle') : t('communities.form.newTitle')}
      size="lg"
    >
      <Stack>
        <TextInput
          label={t('communities.form.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
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
            onChange={(v) => v && setPlatform(v)}
            allowDeselect={false}
          />
          <Select
            label={t('communities.form.role')}
            data={communityRoleSchema.options.map((value) => ({
              value,
              label: t(`communities.role.${value}`),
            }))}
            value={role}
            onChange={(v) => v && setRole(v)}
            allowDeselect={false}
          />
        </Group>
        <Textarea
          label={t('communities.form.theme')}
          description={t('communities.form.themeHint')}
          value={theme}
          onChange={(e) => setTheme(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('communities.form.rules')}
          value={rules}
          onChange={(e) => setRules(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('communities.form.criteria')}
          value={criteria}
          onChange={(e) => setCriteria(e.currentTarget.value)}
          autosize
          minRows={1}
        />
        <ContactMultiPicker
          label={t('communities.form.members')}
          value={memberIds}
          names={props.names ?? {}}
          onChange={setMemberIds}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={saving} disabled={!name.trim()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
