import { Route, Routes } from 'react-router-dom'
import { DossierPage } from './DossierPage'
import { EventPage } from './EventPage'
import { EventsPage } from './EventsPage'

/** The routes under /events. */
export function EventsSection() {
  return (
    <Routes>
      <Route index element={<EventsPage />} />
      <Route path=":id" element={<EventPage />} />
      <Route path=":id/dossier" element={<DossierPage />} />
    </Routes>
  )
}
