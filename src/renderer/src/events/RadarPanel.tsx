import { Anchor, Badge, Card, Group, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { EventView } from '../../../shared/events/eventViews'

/** The core-person radar: who many different people told me to meet. */
export function RadarPanel({ view }: { view: EventView }) {
  const { t } = useTranslation()
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text c="dimmed" size="sm">
          {t('events.radar.hint')}
        </Text>
        {view.radar.length === 0 ? (
          <Text c="dimmed">{t('events.radar.empty')}</Text>
        ) : (
          <Table aria-label={t('events.tabs.radar')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('events.radar.person')}</Table.Th>
                <Table.Th>{t('events.radar.mentionedBy')}</Table.Th>
                <Table.Th>{t('events.radar.weight')}</Table.Th>
                <Table.Th>{t('events.radar.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.radar.map((r, index) => (
                <Table.Tr key={r.key} data-radar-row>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    {r.contactId ? (
                      <Anchor component={Link} to={`/contacts/${r.contactId}`}>
                        {r.name}
                      </Anchor>
                    ) : (
                      <Group gap={6}>
                        <Text span>{r.name}</Text>
                        <Badge size="xs" variant="outline" color="gray">
                          {t('events.people.prospect')}
                        </Badge>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>{t('events.radar.voices', { count: r.mentionedBy })}</Table.Td>
                  <Table.Td>{r.weight}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {r.isTarget && <Badge size="sm">{t('events.radar.target')}</Badge>}
                      <Badge size="sm" variant="light" color={r.met ? 'teal' : 'gray'}>
                        {r.met ? t('events.radar.met') : t('events.radar.notMet')}
                      </Badge>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  )
}
