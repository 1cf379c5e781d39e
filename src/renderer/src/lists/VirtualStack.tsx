import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type ReactNode } from 'react'

/**
 * A long stack of cards of varying height (follow-ups with their open forms) in its own scroll
 * box, drawn a screenful at a time and measured as they render: 5,000 items cost what 20 do.
 */
export function VirtualStack<T>(props: {
  items: readonly T[]
  keyOf: (item: T) => string
  /** A typical item's height, before it is measured. */
  estimate: number
  maxHeight: number | string
  gap: number
  renderItem: (item: T) => ReactNode
}) {
  const scroller = useRef<HTMLDivElement>(null)
  const { items, keyOf } = props
  // The virtualizer hands back functions the React Compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => props.estimate + props.gap,
    getItemKey: (index) => keyOf(items[index]!),
    overscan: 6,
  })
  return (
    <div
      ref={scroller}
      data-testid="virtual-stack"
      style={{ maxHeight: props.maxHeight, overflow: 'auto' }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${row.start}px)`,
              paddingBottom: props.gap,
            }}
          >
            {props.renderItem(items[row.index]!)}
          </div>
        ))}
      </div>
    </div>
  )
}
