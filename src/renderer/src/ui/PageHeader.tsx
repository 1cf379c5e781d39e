import { Group, Stack, Text, Title } from '@mantine/core'

export function PageHeader(props: { title: string; subtitle?: string; actions?: React.ReactNode }) {
  return (
    // In a narrow window the actions wrap below the title rather than off the screen.
    <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
      <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Title order={1} size="h2">
          {props.title}
        </Title>
        {props.subtitle && <Text c="dimmed">{props.subtitle}</Text>}
      </Stack>
      {props.actions}
    </Group>
  )
}
