import { Group, Stack, Text, Title } from '@mantine/core'

export function PageHeader(props: { title: string; subtitle?: string; actions?: React.ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="nowrap">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {props.title}
        </Title>
        {props.subtitle && <Text c="dimmed">{props.subtitle}</Text>}
      </Stack>
      {props.actions}
    </Group>
  )
}
