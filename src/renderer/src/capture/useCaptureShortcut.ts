import { useHotkeys } from '@mantine/hooks'
import { matchPath, useLocation, useNavigate } from 'react-router-dom'

/** Ctrl/⌘ + Shift + K: quick capture, from any page. */
export const CAPTURE_SHORTCUT = 'mod+shift+K'

/**
 * Opens quick capture from anywhere in the app; on an event's pages the capture is linked to
 * that event. Called once, by the app layout.
 */
export function useCaptureShortcut() {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const eventId = matchPath('/events/:id/*', pathname)?.params.id
  useHotkeys(
    [[CAPTURE_SHORTCUT, () => navigate(eventId ? `/capture?event=${eventId}` : '/capture')]],
    [],
  )
}
