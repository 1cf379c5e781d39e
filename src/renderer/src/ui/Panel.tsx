import { Card, Group, Title } from '@mantine/core'

/** A bordered card with a small heading and, optionally, actions at its right. */
export function Panel(props: {
  title: string
  children: React.ReactNode
  extra?: React.ReactNode
}) {
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          {props.title}
        </Title>
        {props.extra}
      </Group>
      {props.children}
    </Card>
  )
}
