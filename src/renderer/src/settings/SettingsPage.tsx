import {
  Button,
  Card,
  Code,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { Settings } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { useAppState } from '../AppContext'
import { BackupsCard } from '../store/BackupsCard'
import { SetAsideRecords } from '../store/SetAsideRecords'
import { RemindersCard } from '../followUps/RemindersCard'
import { errorText } from '../api/errorText'
import { PageHeader } from '../ui/PageHeader'
import { useSettingsEdit } from '../edits/useSettingsEdit'
import { PhoneRegionSelect } from './PhoneRegionSelect'
import { SyncCard } from '../sync/SyncCard'

export function SettingsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const { info, settings, setSettings, refreshInfo } = useAppState()
  const meLabels: Record<string, string> = {
    'me.name': t('settings.myName'),
    'me.email': t('settings.myEmail'),
    'me.phone': t('settings.myPhone'),
    'me.wechat': t('settings.myWechat'),
    'me.positioning.whatIWantToDo': t('settings.whatIWantToDo'),
    'me.positioning.forWhom': t('settings.forWhom'),
    'me.positioning.whatTheyNeed': t('settings.whatTheyNeed'),
    'me.positioning.whatChanges': t('settings.whatChanges'),
    'me.positioning.valueProposition': t('settings.valueProposition'),
  }
  const {
    draft: me,
    setDraft: setMe,
    save: saveMeFields,
    conflictNotice,
  } = useSettingsEdit('me', Object.keys(meLabels), meLabels)
  const setMeField = (key: 'name' | 'email' | 'phone' | 'wechat') => (value: string) =>
    setMe((m) => ({ ...m, [key]: value }))
  const setPositioning = (key: keyof Settings['me']['positioning']) => (value: string) =>
    setMe((m) => ({ ...m, positioning: { ...m.positioning, [key]: value } }))
  const [confirmingDemo, setConfirmingDemo] = useState(false)

  const run = async (action: () => Promise<void>) => {
    try {
      await action()
    } catch (caught) {
      notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, caught) })
    }
  }
  const changeLanguage = (language: Settings['language']) =>
    run(async () => setSettings(await api['settings.update']({ language })))
  const changePhoneRegion = (phoneRegion: string) =>
    run(async () => setSettings(await api['settings.update']({ phoneRegion })))
  const saveMe = () =>
    run(async () => {
      if (await saveMeFields()) {
        notifications.show({ color: 'teal', message: t('settings.savedMe') })
      }
    })
  const removeDemo = () =>
    run(async () => {
      const { removed } = await api['demo.remove']()
      setConfirmingDemo(false)
      await refreshInfo()
      notifications.show({ color: 'teal', message: t('settings.demoRemoved', { count: removed }) })
    })

  return (
    <Stack maw={720}>
      <PageHeader title={t('settings.title')} />
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('settings.language')}
        </Title>
        <SegmentedControl
          aria-label={t('settings.language')}
          value={settings.language}
          onChange={(value) => void changeLanguage(value as Settings['language'])}
          data={[
            { value: 'system', label: t('settings.languageSystem') },
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
        />
        <PhoneRegionSelect
          value={settings.phoneRegion}
          onChange={(region) => void changePhoneRegion(region)}
        />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('settings.me')}
        </Title>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('settings.meBody')}
          </Text>
          {(['whatIWantToDo', 'forWhom', 'whatTheyNeed', 'whatChanges'] as const).map((key) => (
            <Textarea
              key={key}
              label={t(`settings.${key}`)}
              autosize
              minRows={1}
              value={me.positioning[key]}
              onChange={(e) => setPositioning(key)(e.currentTarget.value)}
            />
          ))}
          <TextInput
            label={t('settings.valueProposition')}
            placeholder={t('settings.valuePropositionHint')}
            value={me.positioning.valueProposition}
            onChange={(e) => setPositioning('valueProposition')(e.currentTarget.value)}
          />
          <SimpleGrid cols={2}>
            {(['name', 'email', 'phone', 'wechat'] as const).map((key) => (
              <TextInput
                key={key}
                label={t(`settings.my${key[0]!.toUpperCase()}${key.slice(1)}` as 'settings.myName')}
                value={me[key]}
                onChange={(e) => setMeField(key)(e.currentTarget.value)}
              />
            ))}
          </SimpleGrid>
          {conflictNotice}
          <Group justify="space-between">
            <Button component={Link} to="/mycard" variant="subtle">
              {t('qrCard.showMyCard')}
            </Button>
            <Button onClick={() => void saveMe()}>{t('settings.saveMe')}</Button>
          </Group>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('settings.demo')}
        </Title>
        {info.hasDemoData ? (
          <Stack align="flex-start">
            <Text size="sm">{t('settings.demoPresent')}</Text>
            {confirmingDemo ? (
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  {t('settings.confirmRemoveDemo')}
                </Text>
                <Group>
                  <Button variant="default" onClick={() => setConfirmingDemo(false)}>
                    {t('common.cancel')}
                  </Button>
                  <Button color="red" onClick={() => void removeDemo()}>
                    {t('settings.removeDemo')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <Button color="red" variant="light" onClick={() => setConfirmingDemo(true)}>
                {t('settings.removeDemo')}
              </Button>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('settings.demoGone')}
          </Text>
        )}
      </Card>
      <SyncCard />
      <RemindersCard />
      {/* The banner lists them while its notice is shown; after a restart, only here. */}
      {!info.notices.some((n) => n.kind === 'recordsNeedAttention' && n.setAsideFile) && (
        <SetAsideRecords framed />
      )}
      <BackupsCard />
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('settings.data')}
        </Title>
        <Text size="sm">{t('settings.storeFile')}</Text>
        <Code block mb="sm">
          {info.storeFile}
        </Code>
        <Text size="xs" c="dimmed">
          {t('settings.version', { version: info.version })}
        </Text>
      </Card>
    </Stack>
  )
}
