import { Anchor, Button, Grid, Group, Loader, Select, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { InputOf } from '../../../shared/contract'
import { memberRoleSchema } from '../../../shared/model'
import { useApi } from '../api/ApiContext'
import { Panel } from '../ui/Panel'
import { DeleteWithUndo } from '../ui/DeleteWithUndo'
import { errorText } from '../api/errorText'
import { formatDate, formatDateTime } from '../format/formatDate'
import { NotYetNotice } from '../ui/NotYetNotice'
import { PageHeader } from '../ui/PageHeader'
import { QueryError } from '../ui/QueryError'
import { useQuery } from '@tanstack/react-query'
import { queryKeys } from '../api/queryKeys'
import { ActivityLog } from './ActivityLog'
import { CommunityForm } from './CommunityForm'
import { GatheringForm } from './GatheringForm'
import { HealthBadge, HealthCheck } from './HealthCheck'

export function CommunityPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  const [editing, setEditing] = useState(false)
  const [planning, setPlanning] = useState(false)
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.community(id),
    queryFn: () => api['communities.view']({ id }),
  })
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />
  if (!data) return <Loader />
  const { community, health, overall, names } = data
  const about: [string, string][] = [
    [t('communities.form.theme'), community.theme],
    [t('communities.form.rules'), community.rules],
    [t('communities.form.criteria'), community.joiningCriteria],
  ]
  return (
    <Stack>
      <Anchor component={Link} to="/communities" size="sm">
        ← {t('communities.title')}
      </Anchor>
      <PageHeader
        title={community.name}
        subtitle={`${t(`communities.platform.${community.platform}`)} · ${t(`communities.role.${community.role}`)}`}
        actions={
          <Group>
            <DeleteWithUndo
              label={t('removal.deleteCommunity')}
              name={community.name}
              consequence={t('removal.community')}
              remove={() => api['communities.delete']({ id: community.id })}
              restore={({ undoToken }) => api['communities.restore']({ undoToken })}
              leaveTo={() => navigate('/communities')}
              backTo={() => navigate(`/communities/${community.id}`)}
            />
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('communities.edit')}
            </Button>
            <Button onClick={() => setPlanning(true)}>{t('communities.planGathering')}</Button>
          </Group>
        }
      />
      {editing && (
        <CommunityForm
          opened
          community={community}
          names={names}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false)
          }}
        />
      )}
      {planning && (
        <GatheringForm
          communityId={community.id}
          memberCount={community.members.length}
          onClose={() => setPlanning(false)}
          onSaved={(g) => navigate(`/communities/gatherings/${g.id}`)}
        />
      )}
      <NotYetNotice>{t('communities.notYet')}</NotYetNotice>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            <Panel title={t('communities.health.title')} extra={<HealthBadge status={overall} />}>
              <HealthCheck health={health} />
            </Panel>
            <Panel title={t('communities.about')}>
              <Stack gap="xs">
                {about.map(([label, text]) => (
                  <div key={label}>
                    <Text size="xs" c="dimmed">
                      {label}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                      {text || '—'}
                    </Text>
                  </div>
                ))}
              </Stack>
            </Panel>
            <Panel title={t('communities.activity.title')}>
              <ActivityLog community={community} names={names} />
            </Panel>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <Panel title={t('communities.gatherings')}>
              {data.gatheringList.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('communities.noGatherings')}
                </Text>
              ) : (
                data.gatheringList.map((g) => (
                  <Text size="sm" key={g.id}>
                    <Anchor component={Link} to={`/communities/gatherings/${g.id}`}>
                      {g.title}
                    </Anchor>{' '}
                    · {formatDateTime(g.startsAt, i18n.language, g.timeZone)} ·{' '}
                    {t('communities.attendees', { count: g.attendees.length })}
                  </Text>
                ))
              )}
            </Panel>
            <Panel title={t('communities.members', { count: community.members.length })}>
              {community.members.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('communities.noMembers')}
                </Text>
              )}
              <Stack gap={4}>
                {community.members.map((m) => (
                  <Group key={m.contactId} justify="space-between" wrap="nowrap">
                    <Anchor component={Link} to={`/contacts/${m.contactId}`} size="sm">
                      {names[m.contactId] ?? '?'}
                    </Anchor>
                    <Group gap="xs" wrap="nowrap">
                      <Select
                        size="xs"
                        w={120}
                        aria-label={t('communities.memberRoleOf', {
                          name: names[m.contactId] ?? '',
                        })}
                        data={memberRoleSchema.options.map((value) => ({
                          value,
                          label: t(`communities.memberRole.${value}`),
                        }))}
                        value={m.role}
                        allowDeselect={false}
                        onChange={(value) =>
                          value &&
                          void api['communities.update']({
                            id: community.id,
                            patch: {
                              members: community.members.map((x) =>
                                x.contactId === m.contactId
                                  ? { ...x, role: value as typeof m.role }
                                  : x,
                              ),
                            },
                            // The member list as shown: a change made elsewhere meanwhile is
                            // refused (and named) rather than overwritten. Read at once, so that
                            // the next role change starts from this one.
                            expectedUpdatedAt: community.updatedAt,
                            base: {
                              members: community.members,
                            } as InputOf<'communities.update'>['base'],
                          }).then(
                            () => refetch(),
                            (caught: unknown) =>
                              notifications.show({
                                color: 'red',
                                title: t('errors.title'),
                                message: errorText(t, caught),
                              }),
                          )
                        }
                      />
                      {m.joinedOn && (
                        <Text size="xs" c="dimmed">
                          {t('communities.joined', {
                            when: formatDate(`${m.joinedOn}T12:00:00Z`, i18n.language),
                          })}
                        </Text>
                      )}
                    </Group>
                  </Group>
                ))}
              </Stack>
            </Panel>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
