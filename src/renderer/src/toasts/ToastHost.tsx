import { Notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'

/** Mantine's toast width; narrower when only a narrower strip beside a dialog is free. */
const TOAST_WIDTH = 440
const MIN_WIDTH = 260
const MARGIN = 16
/** Room for one toast below a dialog. */
const TOAST_HEIGHT = 96

interface Placement {
  position: 'bottom-right' | 'bottom-left'
  width: number
  /** Behind the dialog's overlay: no free place was left, the toasts wait there. */
  behind: boolean
}

const FREE: Placement = { position: 'bottom-right', width: TOAST_WIDTH, behind: false }

/** Where toasts can go without covering the open dialog (its actions sit at its bottom). */
function placeAround(): Placement {
  const dialogs = [...document.querySelectorAll('.mantine-Modal-content')]
  const boxes = dialogs.map((d) => d.getBoundingClientRect()).filter((b) => b.width > 0)
  if (boxes.length === 0) return FREE
  const left = Math.min(...boxes.map((b) => b.left))
  const right = Math.max(...boxes.map((b) => b.right))
  const bottom = Math.max(...boxes.map((b) => b.bottom))
  const besideRight = window.innerWidth - right - 2 * MARGIN
  const besideLeft = left - 2 * MARGIN
  if (besideRight >= MIN_WIDTH)
    return { position: 'bottom-right', width: Math.min(TOAST_WIDTH, besideRight), behind: false }
  if (besideLeft >= MIN_WIDTH)
    return { position: 'bottom-left', width: Math.min(TOAST_WIDTH, besideLeft), behind: false }
  if (window.innerHeight - bottom - MARGIN >= TOAST_HEIGHT) return FREE
  return { ...FREE, behind: true }
}

/**
 * The app's toasts, kept off an open dialog: beside it when there is room, below it when it is
 * short, and otherwise behind its overlay until it closes, so a toast never covers its buttons.
 */
export function ToastHost() {
  const [placement, setPlacement] = useState<Placement>(FREE)
  useEffect(() => {
    let frame = 0
    const update = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() =>
        setPlacement((old) => {
          const next = placeAround()
          return JSON.stringify(old) === JSON.stringify(next) ? old : next
        }),
      )
    }
    // Dialogs open in portals and change size with their content.
    const observer = new MutationObserver(update)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true })
    window.addEventListener('resize', update)
    update()
    return () => {
      cancelAnimationFrame(frame)
      observer.disconnect()
      window.removeEventListener('resize', update)
    }
  }, [])
  return (
    <Notifications
      position={placement.position}
      containerWidth={placement.width}
      // Mantine's dialogs sit at 200; toasts normally above them, or behind when no room is left.
      zIndex={placement.behind ? 150 : 400}
    />
  )
}
