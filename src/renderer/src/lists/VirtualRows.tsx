import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, type ReactNode } from 'react'

/**
 * A long list drawn a screenful at a time inside its own scroll box: every row stays
 * reachable however many there are, and only the visible ones are in the page.
 */
export function VirtualRows(props: {
  count: number
  rowHeight: number
  /** The box's height once the rows would be taller. */
  maxHeight: number
  label: string
  header?: ReactNode
  renderRow: (index: number) => ReactNode
}) {
  const scroller = useRef<HTMLDivElement>(null)
  // The virtualizer hands back functions the React Compiler cannot memoise; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: props.count,
    getScrollElement: () => scroller.current,
    estimateSize: () => props.rowHeight,
    overscan: 10,
  })
  const height = Math.min(props.maxHeight, props.count * props.rowHeight)
  return (
    <div role="table" aria-label={props.label} aria-rowcount={props.count}>
      {props.header}
      <div ref={scroller} role="rowgroup" style={{ height, overflow: 'auto' }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => (
            <div
              key={row.key}
              role="row"
              aria-rowindex={row.index + 1}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: props.rowHeight,
                transform: `translateY(${row.start}px)`,
              }}
            >
              {props.renderRow(row.index)}
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}
