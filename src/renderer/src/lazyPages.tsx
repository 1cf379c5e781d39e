import { Center, Loader } from '@mantine/core'
import { lazy } from 'react'

// Each page is its own chunk, loaded when first shown: the first screen (Today) does not wait
// for the map's WebGL, the event dossier or the import parsers.

export const TodayPage = lazy(() =>
  import('./followUps/TodayPage').then((m) => ({ default: m.TodayPage })),
)
export const EventsSection = lazy(() =>
  import('./events/EventsSection').then((m) => ({ default: m.EventsSection })),
)
export const ContactsPage = lazy(() =>
  import('./contacts/ContactsPage').then((m) => ({ default: m.ContactsPage })),
)
export const ReviewPage = lazy(() =>
  import('./contacts/ReviewPage').then((m) => ({ default: m.ReviewPage })),
)
export const DuplicatesPage = lazy(() =>
  import('./contacts/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })),
)
export const ContactCardPage = lazy(() =>
  import('./contacts/card/ContactCardPage').then((m) => ({ default: m.ContactCardPage })),
)
export const MapSection = lazy(() =>
  import('./map/MapSection').then((m) => ({ default: m.MapSection })),
)
export const CommunitiesSection = lazy(() =>
  import('./communities/CommunitiesSection').then((m) => ({ default: m.CommunitiesSection })),
)
export const MyCardPage = lazy(() =>
  import('./cards/MyCardPage').then((m) => ({ default: m.MyCardPage })),
)
export const SettingsPage = lazy(() =>
  import('./settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
)
export const ScanCardsPage = lazy(() =>
  import('./cards/ScanCardsPage').then((m) => ({ default: m.ScanCardsPage })),
)
export const CapturePage = lazy(() =>
  import('./capture/CapturePage').then((m) => ({ default: m.CapturePage })),
)

/** Shown for the moment a page's chunk loads. */
export function PageLoading() {
  return (
    <Center h={200}>
      <Loader size="sm" />
    </Center>
  )
}
