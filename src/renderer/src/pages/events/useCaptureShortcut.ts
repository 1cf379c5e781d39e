import { useHotkeys } from '@mantine/hooks'
import { useNavigate } from 'react-router-dom'

/** Ctrl/⌘ + Shift + K: quick capture, for the given event when there is one. */
export const CAPTURE_SHORTCUT = 'mod+shift+K'

/**
 * Opens quick capture from the page that calls it. Called by the events pages; calling it once
 * in the app layout would make it work on every page.
 */
export function useCaptureShortcut(eventId?: string) {
  const navigate = useNavigate()
  useHotkeys(
    [[CAPTURE_SHORTCUT, () => navigate(eventId ? `/capture?event=${eventId}` : '/capture')]],
    [],
  )
}
