import { Card, Group, Title } from '@mantine/core'
import { useId } from 'react'

/**
 * A bordered card with a small heading and, optionally, actions at its right. It is a region
 * named by its heading, so a screen reader (and a test) can find "the Give and ask panel".
 */
export function Panel(props: {
  title: string
  children: React.ReactNode
  extra?: React.ReactNode
}) {
  const headingId = useId()
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id={headingId}>
          {props.title}
        </Title>
        {props.extra}
      </Group>
      {props.children}
    </Card>
  )
}
